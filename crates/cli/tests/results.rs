//! Measuring results through the real binary: the roster, a learning system's export and CRM
//! exports as Salesforce, HubSpot and Excel on German Windows write them; incremental
//! re-imports; bad rows; and a launch's figures recomputed from the same files by statsmodels,
//! scipy and pandas (installed by scripts/test.sh), on launches with a planted truth.

use std::path::{Path, PathBuf};
use std::process::Command;

fn pitchbridge(config: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pitchbridge")).args(args).env("XDG_CONFIG_HOME", config).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn ok(config: &Path, args: &[&str]) -> String {
    let (code, out, err) = pitchbridge(config, args);
    assert_eq!(code, 0, "{args:?}\n{out}\n{err}");
    out
}

fn oracle_python() -> String {
    let python = std::env::var("PITCHBRIDGE_ORACLE_PYTHON").unwrap_or_else(|_| "/var/cache/pitchbridge/tools/oracles/bin/python".into());
    assert!(Path::new(&python).exists(), "{python} is missing: run scripts/test.sh, which installs statsmodels and scipy");
    python
}

fn script(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/results").join(name)
}

/// Writes a generated launch's files into `dir` (standard-library Python, no oracle).
fn make_launch(dir: &Path, scenario: &str, crm: &str, deals: u32, seed: u32) {
    let out = Command::new("python3")
        .arg(script("make_launch.py"))
        .args([dir.to_str().unwrap(), "--scenario", scenario, "--crm", crm, "--deals", &deals.to_string(), "--seed", &seed.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// A new workspace with the generated launch (Coldtrace 2, launched 2025-01-06) and the
/// audience its kit is for, a pass holding for `validity` days.
fn workspace(dir: &Path, validity: u32) -> (PathBuf, String) {
    let config = dir.join("config");
    let ws = dir.join("results.pitchbridge").display().to_string();
    ok(&config, &["init", &ws]);
    let db = rusqlite::Connection::open(&ws).unwrap();
    db.execute_batch(&format!(
        "INSERT INTO launch (name, product, launch_date, created_at, updated_at) VALUES ('Coldtrace 2 launch', 'Coldtrace', '2025-01-06', '2024-12-01T00:00:00Z', '2024-12-01T00:00:00Z');
         INSERT INTO audience (channel, persona, created_at, updated_at) VALUES ('Distributor', 'Operations lead', '2024-12-01T00:00:00Z', '2024-12-01T00:00:00Z');
         INSERT INTO training_settings (launch_id, audience_id, pass_mark, attempts, validity_days) VALUES (1, 1, 80, 3, {validity});"
    ))
    .unwrap();
    (config, ws)
}

fn results_json(config: &Path, ws: &str) -> serde_json::Value {
    serde_json::from_str(&ok(config, &["results", "--workspace", ws, "--launch", "1", "--format", "json", "--per-rep"])).unwrap()
}

fn import_all(config: &Path, ws: &str, dir: &Path, mapping: &str) -> String {
    ok(config, &["people", "import", "--workspace", ws, dir.join("roster.csv").to_str().unwrap()]);
    ok(config, &["training", "import", "--workspace", ws, dir.join("completions.csv").to_str().unwrap()]);
    ok(config, &["deals", "import", "--workspace", ws, "--mapping", mapping, dir.join("deals.csv").to_str().unwrap()])
}

fn run_oracle(dir: &Path, results: &serde_json::Value, validity: u32) {
    let path = dir.join("results.json");
    std::fs::write(&path, results.to_string()).unwrap();
    let out = Command::new(oracle_python()).arg(script("oracle.py")).args([dir.to_str().unwrap(), path.to_str().unwrap(), &validity.to_string()]).output().unwrap();
    assert!(out.status.success(), "{}\n{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

fn pair(v: &serde_json::Value) -> (f64, f64) {
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

#[test]
fn a_planted_lift_is_found_and_every_figure_agrees_with_statsmodels() {
    let dir = tempfile::tempdir().unwrap();
    make_launch(dir.path(), "lift", "salesforce", 6000, 1);
    let (config, ws) = workspace(dir.path(), 3650);
    let out = import_all(&config, &ws, dir.path(), "salesforce");
    assert!(out.contains("deals added"), "{out}");
    let r = results_json(&config, &ws);
    assert_eq!(r["deals"], 6000, "other product lines and open deals are not the launch's");
    assert_eq!((r["attributed"].as_u64(), r["unattributed"].as_u64()), (Some(6000), Some(0)));
    // The true lift is 12 points.
    let (lo, hi) = pair(&r["difference"]["adjusted_ci95"]);
    assert!(lo <= 0.12 && 0.12 <= hi && lo > 0.0, "{lo} {hi}");
    let (lo, hi) = pair(&r["difference"]["raw_ci95"]);
    assert!(lo <= 0.12 && 0.12 <= hi, "{lo} {hi}");
    let (lo, hi) = pair(&r["certified"]["ci95"]);
    assert!(lo < r["certified"]["win_rate"].as_f64().unwrap() && r["certified"]["win_rate"].as_f64().unwrap() < hi);
    assert_eq!(r["difference"]["adjusted_for"], serde_json::json!(["region", "new or existing customer", "quarter"]));
    run_oracle(dir.path(), &r, 3650);
}

#[test]
fn certified_reps_in_the_busy_region_show_no_effect_once_adjusted() {
    let dir = tempfile::tempdir().unwrap();
    make_launch(dir.path(), "confounded", "salesforce", 6000, 2);
    let (config, ws) = workspace(dir.path(), 3650);
    import_all(&config, &ws, dir.path(), "salesforce");
    let r = results_json(&config, &ws);
    let (lo, _) = pair(&r["difference"]["raw_ci95"]);
    assert!(lo > 0.03, "the raw comparison shows a gap: {}", r["difference"]);
    let (lo, hi) = pair(&r["difference"]["adjusted_ci95"]);
    assert!(lo <= 0.0 && 0.0 <= hi, "adjusted {lo} {hi} holds zero");
    assert_eq!(r["difference"]["disagree"], true);
    let text = ok(&config, &["results", "--workspace", &ws, "--launch", "1"]);
    assert!(text.contains("could be zero") && text.contains("not measurably from certification"), "{text}");
    assert!(!text.contains("rep000@"), "per-rep figures only when asked for:\n{text}");
    run_oracle(dir.path(), &r, 3650);
}

#[test]
fn the_same_deals_from_hubspot_and_from_excel_in_germany_give_the_same_results() {
    let dirs: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let mut all = Vec::new();
    for (dir, crm) in dirs.iter().zip(["salesforce", "hubspot", "excel-de"]) {
        make_launch(dir.path(), "lift", crm, 1500, 5);
        let (config, ws) = workspace(dir.path(), 3650);
        let mapping = match crm {
            "excel-de" => {
                let m = dir.path().join("dach.toml");
                std::fs::write(
                    &m,
                    "source = \"crm-dach\"\nwon_stages = [\"Gewonnen\"]\nlost_stages = [\"Verloren\"]\n\n[columns]\ndeal_id = \"Verkaufschance\"\nowner = \"Besitzer\"\nstage = \"Phase\"\nclose_date = \"Abschlussdatum\"\namount = \"Betrag\"\ncurrency = \"Währung\"\ncustomer_type = \"Kundentyp\"\nproduct_line = \"Produkt\"\nloss_reason = \"Verlustgrund\"\n",
                )
                .unwrap();
                m.display().to_string()
            }
            other => other.to_string(),
        };
        let out = import_all(&config, &ws, dir.path(), &mapping);
        if crm == "excel-de" {
            assert!(out.contains("Windows-1252") && out.contains("semicolons") && out.contains("decimal comma") && out.contains("day before month"), "{out}");
        }
        if crm == "hubspot" {
            assert!(out.contains("byte-order mark"), "{out}");
        }
        let r = results_json(&config, &ws);
        all.push((r["certified"].clone(), r["not_certified"].clone(), r["difference"]["adjusted"].clone(), r["loss_reasons"].clone()));
    }
    assert_eq!(all[0], all[1], "HubSpot");
    assert_eq!(all[0], all[2], "Excel (German)");
}

#[test]
fn a_reimport_updates_moved_deals_and_bad_rows_are_listed_with_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    make_launch(dir.path(), "lift", "salesforce", 300, 9);
    let (config, ws) = workspace(dir.path(), 3650);
    import_all(&config, &ws, dir.path(), "salesforce");
    let before = results_json(&config, &ws);
    // The next week's export: one open deal closed won, one row broken twice, one unknown owner.
    let text = std::fs::read_to_string(dir.path().join("deals.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let open = lines.iter().position(|l| l.contains(",Negotiation/Review,")).unwrap();
    lines[open] = lines[open].replace(",Negotiation/Review,", ",Closed Won,").replace("1/6/2026", "3/1/2025").replace(",7/30/2026,", ",3/1/2025,");
    let (closed_day_field, rest) = lines[open].split_at(lines[open].find(",Closed Won,").unwrap() + ",Closed Won,".len());
    let after_date = &rest[rest.find(',').unwrap()..];
    lines[open] = format!("{closed_day_field}3/1/2025{after_date}");
    lines.push("006QBAD00001,Broken,Acme,Nobody,rep001@northwind.example,Closed Won,31/31/2025,100.00,USD,New Customer,EMEA,Coldtrace,".into());
    lines.push("006QBAD00002,No owner,Acme,,,Closed Won,3/3/2025,100.00,USD,New Customer,EMEA,Coldtrace,".into());
    lines.push("006QNEW00001,New rep,Acme,Someone New,someone.new@partner.example,Closed Lost,3/3/2025,100.00,USD,New Customer,EMEA,Coldtrace,Price".into());
    let next = dir.path().join("deals-next.csv");
    std::fs::write(&next, lines.join("\n") + "\n").unwrap();
    let out = ok(&config, &["deals", "import", "--workspace", &ws, "--mapping", "salesforce", next.to_str().unwrap()]);
    assert!(out.contains("1 deals added, 1 updated"), "{out}");
    assert!(out.contains("2 rows not imported") && out.contains("no owner") && out.contains("31/31/2025"), "{out}");
    let after = results_json(&config, &ws);
    assert_eq!(after["deals"].as_u64().unwrap(), before["deals"].as_u64().unwrap() + 2);
    assert_eq!(after["unattributed"], 1);
    assert_eq!(after["unknown_owners"], serde_json::json!([["someone.new@partner.example", 1]]));
    // Mapping the unknown owner to a rep attributes the deal.
    ok(&config, &["people", "map", "--workspace", &ws, "--owner", "someone.new@partner.example", "--email", "rep002@northwind.example"]);
    assert_eq!(results_json(&config, &ws)["unattributed"], 0);
    // The mapping is remembered under its source: the next import can name the source.
    let again = ok(&config, &["deals", "import", "--workspace", &ws, "--mapping", "salesforce", next.to_str().unwrap()]);
    assert!(again.contains("0 deals added, 0 updated"), "{again}");
}

#[test]
fn dates_that_could_be_either_way_are_asked_about_and_attestations_count() {
    let dir = tempfile::tempdir().unwrap();
    let (config, ws) = workspace(dir.path(), 90);
    let roster = dir.path().join("reps.csv");
    std::fs::write(&roster, "First Name,Last Name,Work Email,Partner,Territory\nDana,Kim,dana@northwind.example,,EMEA\nEli,Ray,eli@frost.example,Frostline,EMEA\nbad row,,not-an-email,,\n").unwrap();
    let out = ok(&config, &["people", "import", "--workspace", &ws, roster.to_str().unwrap()]);
    assert!(out.contains("2 reps added") && out.contains("line 4: \"not-an-email\" is not an email address"), "{out}");
    let listed = ok(&config, &["people", "list", "--workspace", &ws]);
    assert!(listed.contains("dana@northwind.example\tDana Kim\tdirect") && listed.contains("eli@frost.example\tEli Ray\tFrostline"), "{listed}");
    let deals = dir.path().join("deals.csv");
    std::fs::write(&deals, "Deal ID,Owner,Stage,Close Date,Amount,Product\nD1,dana@northwind.example,Closed Won,03/04/2025,100,Coldtrace\nD2,eli@frost.example,Closed Lost,05/06/2025,100,Coldtrace\n").unwrap();
    let (code, _, err) = pitchbridge(&config, &["deals", "import", "--workspace", &ws, "--mapping", "salesforce", deals.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("could be day first or month first"), "{err}");
    let m = dir.path().join("m.toml");
    std::fs::write(&m, "source = \"sheet\"\ndate_order = \"dmy\"\nencoding = \"utf8\"\n").unwrap();
    let dry = ok(&config, &["deals", "import", "--workspace", &ws, "--mapping", m.to_str().unwrap(), "--dry-run", deals.to_str().unwrap()]);
    assert!(dry.contains("D1 | dana@northwind.example") && dry.contains("source = \"sheet\""), "{dry}");
    // Or on the command line, with a preset.
    let out = ok(&config, &["deals", "import", "--workspace", &ws, "--mapping", "salesforce", "--dates", "dmy", deals.to_str().unwrap()]);
    assert!(out.contains("2 deals added") && out.contains("as asked"), "{out}");
    ok(&config, &["deals", "import", "--workspace", &ws, "--mapping", m.to_str().unwrap(), deals.to_str().unwrap()]);
    // Dana is attested as certified on 1 April 2025: her deal of 3 April counts as certified.
    let (code, _, err) = pitchbridge(&config, &["training", "certify", "--workspace", &ws, "--email", "dana@northwind.example", "--launch", "1", "--date", "2199-01-01"]);
    assert!(code == 2 && err.contains("in the future"), "{err}");
    ok(&config, &["training", "certify", "--workspace", &ws, "--email", "dana@northwind.example", "--launch", "1", "--kit", "1", "--date", "2025-04-01", "--by", "Mira Lund"]);
    let r = results_json(&config, &ws);
    // The same two deals from two sources: four deals.
    assert_eq!((r["certified"]["deals"].as_u64(), r["certified"]["won"].as_u64()), (Some(2), Some(2)));
    assert_eq!(r["not_certified"]["deals"], 2);
    assert_eq!(r["certified"]["small_sample"], true);
    // The pass held 90 days: long expired today.
    assert_eq!(r["training"], serde_json::json!([["not-started", 1], ["in-progress", 0], ["passed", 0], ["failed", 0], ["expired", 1]]));
    let audit = rusqlite::Connection::open(&ws).unwrap().query_row("SELECT payload FROM audit_event WHERE action = 'training.results-recorded' ORDER BY seq DESC LIMIT 1", [], |r| r.get::<_, String>(0)).unwrap();
    assert!(audit.contains("Mira Lund"), "{audit}");
    // A file that is not a CSV at all.
    let junk = dir.path().join("junk.csv");
    std::fs::write(&junk, [0u8, 1, 2, 0, 0, 0, 9, 0]).unwrap();
    let (code, _, err) = pitchbridge(&config, &["deals", "import", "--workspace", &ws, "--mapping", "hubspot", junk.to_str().unwrap()]);
    assert!(code == 2 && err.contains("not a text file"), "{err}");
}

#[test]
fn loss_reasons_point_the_writers_at_objections_no_approved_pitch_answers() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let ws = dir.path().join("demo.pitchbridge").display().to_string();
    ok(&config, &["init", "--demo", &ws]);
    let roster = dir.path().join("reps.csv");
    std::fs::write(&roster, "Name,Email,Region\nAvery Stone,avery@ledgerline.example,EMEA\n").unwrap();
    ok(&config, &["people", "import", "--workspace", &ws, roster.to_str().unwrap()]);
    let deals = dir.path().join("deals.csv");
    std::fs::write(
        &deals,
        "Record ID,Deal owner,Deal Stage,Close Date,Amount,Pipeline,Closed Lost Reason\n\
         1,avery@ledgerline.example,Closed lost,2027-03-10,9000,Ledgerline,Already have an AP module\n\
         2,avery@ledgerline.example,Closed lost,2027-03-11,9000,Ledgerline,Already have an AP module\n\
         3,avery@ledgerline.example,Closed lost,2027-03-12,9000,Ledgerline,Chose a competitor\n\
         4,avery@ledgerline.example,Closed won,2027-03-12,9000,Ledgerline,\n",
    )
    .unwrap();
    ok(&config, &["deals", "import", "--workspace", &ws, "--mapping", "hubspot", deals.to_str().unwrap()]);
    let r = results_json(&config, &ws);
    assert_eq!(r["deals"], 4);
    let losses = r["loss_reasons"].as_array().unwrap();
    let module = losses.iter().find(|l| l["reason"] == "Already have an AP module").unwrap();
    assert_eq!(module["deals"], 2);
    assert_eq!(module["needs_answer"], true, "the demo's objection-handling pitch waits for re-approval: {module}");
    let about: Vec<&str> = module["matches"].as_array().unwrap().iter().map(|m| m["label"].as_str().unwrap()).collect();
    assert!(about.contains(&"VAR × IT director"), "{about:?}");
    let competitor = losses.iter().find(|l| l["reason"] == "Chose a competitor").unwrap();
    assert_eq!(competitor["matches"], serde_json::json!([]));
    let text = ok(&config, &["results", "--workspace", &ws, "--launch", "1"]);
    assert!(text.contains("Already have an AP module — NO approved objection-handling pitch answers it"), "{text}");
}

#[test]
fn per_rep_figures_are_for_the_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    make_launch(dir.path(), "lift", "salesforce", 200, 4);
    let (owner_config, ws) = workspace(dir.path(), 3650);
    import_all(&owner_config, &ws, dir.path(), "salesforce");
    // With no owner, whoever opens the workspace sees them.
    assert!(results_json(&owner_config, &ws)["reps"].as_array().unwrap().len() > 10);
    ok(&owner_config, &["profile", "set", "--name", "Mira Lund", "--email", "mira@northwind.example", "--role", "writer"]);
    let claimed = ok(&owner_config, &["owner", "--workspace", &ws, "--claim"]);
    assert!(claimed.contains("Owner: mira@northwind.example (you see per-rep results)"), "{claimed}");
    // Someone else: the comparison, but not the reps.
    let other = dir.path().join("other-config");
    ok(&other, &["profile", "set", "--name", "Sam Ortiz", "--email", "sam@northwind.example", "--role", "writer"]);
    let (code, _, err) = pitchbridge(&other, &["results", "--workspace", &ws, "--launch", "1", "--per-rep", "--format", "json"]);
    assert!(code == 2 && err.contains("for the workspace's owner (mira@northwind.example) only"), "{err}");
    let (code, out, _) = pitchbridge(&other, &["results", "--workspace", &ws, "--launch", "1", "--format", "json"]);
    assert_eq!(code, 0);
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["reps"], serde_json::json!([]));
    assert_eq!(r["per_rep"], false);
    assert!(r["certified"]["deals"].as_u64().unwrap() > 0);
    let (code, _, err) = pitchbridge(&other, &["owner", "--workspace", &ws, "--to", "sam@northwind.example"]);
    assert!(code == 2 && err.contains("Only the owner"), "{err}");
    ok(&owner_config, &["owner", "--workspace", &ws, "--to", "sam@northwind.example"]);
    assert!(results_json(&other, &ws)["reps"].as_array().unwrap().len() > 10);
}
