//! Results through the real app, on the demo: a roster and a learning system's completions
//! already in, a Salesforce report chosen in the real file chooser, mapped in the mapping step
//! (columns guessed, first rows shown) and imported with progress; then the comparison with its
//! intervals and verdict, the deals behind a figure, and the per-rep table.

use std::process::Command;
use std::time::Duration;

use pitchbridge_e2e::*;
use serde_json::json;

/// A generated launch of the demo's product, certification lifting the win rate.
fn launch_files(dir: &std::path::Path) {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../results/make_launch.py");
    let out = Command::new("python3")
        .arg(script)
        .args([dir.to_str().unwrap(), "--scenario", "lift", "--crm", "salesforce", "--deals", "3000", "--reps", "60", "--seed", "3"])
        .args(["--product", "Ledgerline", "--course", "Ledgerline 4.0 launch — VAR × IT director", "--launch-day", "2027-03-03"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

async fn invoke(c: &fantoccini::Client, command: &str, args: serde_json::Value) -> serde_json::Value {
    c.execute_async(
        "const [cmd, args, done] = arguments; window.__TAURI_INTERNALS__.invoke(cmd, args).then(done, e => done({ failed: e }));",
        vec![json!(command), args],
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn a_launch_owner_imports_a_crm_report_and_reads_what_certification_changed() {
    let sandbox = Sandbox::new();
    write_writer_profile(&sandbox, "Mira Lund", "mira@ledgerline.example");
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    // Not a hidden folder: the chooser's location bar completes names as they are typed.
    let dir = tempfile::Builder::new().prefix("results-").tempdir().unwrap();
    launch_files(dir.path());

    let people = invoke(&c, "import_people", json!({ "path": dir.path().join("roster.csv") })).await;
    assert_eq!(people["added"], 60, "{people}");
    let training = invoke(&c, "import_training_results", json!({ "path": dir.path().join("completions.csv"), "dateOrder": null })).await;
    assert!(training["recorded"].as_u64().unwrap() > 20, "{training}");

    click(&c, "[data-testid=open-results]").await;
    find_text(&c, "[data-testid=results-title]", "Results").await;
    find(&c, "[data-testid=import-deals]").await;

    // The real file chooser, answered as a person would.
    click(&c, "[data-testid=import-deals]").await;
    answer_dialog("Import deals from your CRM", &dir.path().join("deals.csv"), true).await;

    // The mapping step: the first rows, and each field's column as guessed.
    find(&c, "[data-testid=deal-import-dialog] [data-testid=deal-preview]").await;
    find_text(&c, "[data-testid=deal-preview]", "Opportunity ID").await;
    let owner = find(&c, "[data-testid=map-owner]").await;
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while owner.prop("value").await.unwrap().as_deref() != Some("Owner Email") {
        assert!(std::time::Instant::now() < deadline, "the owner column was not guessed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    find_text(&c, "[data-testid=deal-import-notes]", "month before day").await;
    screenshot(&c, "results-mapping").await;
    // Accessible as it stands (axe-core, as in accessibility.rs): the mapping step…
    let mut found = Vec::new();
    audit(&c, "deals mapping step", &mut found).await;
    click(&c, "[data-testid=deal-import-submit]").await;
    find_text(&c, "[data-testid=last-import]", "deals added").await;
    wait_db(&sandbox.default_workspace(), "SELECT count(*) FROM deal WHERE product_line = 'Ledgerline' AND outcome != 0", 3000).await;

    // The comparison: counts, the two charts and the verdict in words.
    screenshot(&c, "results-after-import").await;
    let counts = find_text(&c, "[data-testid=results-counts]", "closed deals").await;
    let counts = text_of(&c, &counts).await;
    assert!(counts.starts_with("3,000 closed deals") || counts.starts_with("3000 closed deals"), "{counts}");
    find(&c, "[data-testid=rate-chart] svg").await;
    find(&c, "[data-testid=difference-chart] svg").await;
    find_text(&c, "[data-testid=results-verdict]", "adjusted for region").await;
    let raw = find(&c, "[data-testid=raw-difference]").await;
    assert!(text_of(&c, &raw).await.starts_with('+'), "certification lifts the win rate");
    find(&c, "[data-testid=loss-reasons] [data-testid=loss-reason]").await;
    find_text(&c, "[data-testid=training-states]", "Passed").await;
    screenshot(&c, "results").await;
    // …the results with their charts…
    audit(&c, "results with deals", &mut found).await;

    // The deals behind the certified figure, most recent first.
    click(&c, "[data-testid=drill-certified]").await;
    find_text(&c, "[data-testid=drill-down]", "Deals of reps certified at close").await;
    // 200 listed of the group's deals.
    find_n(&c, "[data-testid=drill-down] tbody tr", 200).await;
    find_text(&c, "[data-testid=drill-down]", "The 200 most recent of").await;

    // No owner is named: Mira sees the per-rep table, then makes herself the owner.
    click(&c, "[data-testid=show-reps]").await;
    find(&c, "[data-testid=rep-table] tbody tr").await;
    screenshot(&c, "results-per-rep").await;
    // …the deals behind a figure and the per-rep table, and the attestation dialog.
    audit(&c, "results drill-down and per-rep table", &mut found).await;
    click(&c, "[data-testid=attest]").await;
    find(&c, "[data-testid=attest-rep]").await;
    audit(&c, "attest certification dialog", &mut found).await;
    assert!(found.is_empty(), "{} accessibility violations:\n{}", found.len(), found.join("\n"));
}
