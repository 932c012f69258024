//! Importing Factory material through the app, as "Open with Pitchbridge" does it
//! (`--import FILE`): the preview with what was skipped, the import, and the claims on screen.
//! Then the same file, edited, handed to the running app by a second start while its message is
//! on show: a new version, whose changes are shown before they apply.

use pitchbridge_e2e::*;
use serde_json::json;

fn markdown(path: &std::path::Path, price: &str) {
    std::fs::write(
        path,
        format!(
            "# Beacon 3 brief\n\nBeacon schedules field crews for regional installers.\n\n## Features\n\n\
             - Crews see tomorrow's jobs on their phones.\n  - Offline maps included.\n\n## Pricing\n\n\
             | Plan | Price |\n|---|---|\n| Team | {price} per technician |\n"
        ),
    )
    .unwrap();
}

#[tokio::test]
async fn import_a_file_as_a_message_then_as_a_new_version() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("beacon.md");
    markdown(&file, "$19");
    let c = driver.launch(&["--import".into(), file.display().to_string()]).await;
    assert_eq!(wait_ready(&c).await, "true");
    find_text(&c, "[data-testid=import-summary]", "1 table read row by row").await;
    find_n(&c, "[data-testid=import-claim]", 4).await;
    let title = find(&c, "[data-testid=import-title]").await;
    assert_eq!(title.prop("value").await.unwrap().as_deref(), Some("Beacon 3 brief"));
    screenshot(&c, "import-preview").await;
    let mut found = Vec::new();
    audit(&c, "import preview", &mut found).await;
    assert!(found.is_empty(), "{} accessibility violations:\n{}", found.len(), found.join("\n"));
    click(&c, "[data-testid=import-apply]").await;

    // The message screen with its claims.
    let claims = find_n(&c, "[data-testid=claim]", 4).await;
    let texts = c
        .execute("return Array.from(document.querySelectorAll('[data-testid=claim-text]')).map(e => e.textContent)", vec![])
        .await
        .unwrap();
    assert_eq!(
        texts,
        json!([
            "Beacon schedules field crews for regional installers.",
            "Crews see tomorrow's jobs on their phones.",
            "Offline maps included.",
            "Team; Price: $19 per technician"
        ])
    );
    drop(claims);

    // The file changes; import it again as a new version of this message.
    markdown(&file, "$24");
    let out = sandbox.run_app_directly(&["--import", file.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("already running"), "{out:?}");
    find_text(&c, "[data-testid=import-dialog] [data-testid=reworded-claim]", "$24").await;
    click(&c, "[data-testid=import-apply]").await;
    find_text(&c, "[data-testid=claim-text]", "Team; Price: $24 per technician").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_file_that_cannot_be_imported_says_why_and_changes_nothing() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brief.docx");
    std::fs::write(&file, "this is not really a Word document").unwrap();
    let c = driver.launch(&["--import".into(), file.display().to_string()]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    find_text(&c, "[data-testid=import-error]", "not a Word document").await;
    let apply = find(&c, "[data-testid=import-apply]").await;
    assert_eq!(apply.prop("disabled").await.unwrap().as_deref(), Some("true"));
    screenshot(&c, "import-error").await;
    let mut found = Vec::new();
    audit(&c, "import that failed", &mut found).await;
    assert!(found.is_empty(), "{} accessibility violations:\n{}", found.len(), found.join("\n"));
    c.close().await.unwrap();
    let conn = rusqlite::Connection::open(&ws).unwrap();
    let messages: i64 = conn.query_row("SELECT count(*) FROM factory_message", [], |r| r.get(0)).unwrap();
    assert_eq!(messages, 1, "nothing was imported");
}

/// A file dragged from another program (a small GTK window standing in for the file manager)
/// and dropped on Pitchbridge: real X drag and drop, driven with xdotool.
#[tokio::test]
async fn a_file_dropped_on_the_window_opens_the_import() {
    use std::process::Command;
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("dropped.md");
    std::fs::write(&file, "# Dropped brief\n\nDropped files become claims.\n\n- One claim.\n- Two claims.\n").unwrap();

    let script = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("support/drag_source.py");
    let mut source = Command::new("/usr/bin/python3").arg(script).arg(&file).args(["1000", "650"]).spawn().expect("python3 with GTK");
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let xdo = |args: &[&str]| assert!(Command::new("xdotool").args(args).status().expect("xdotool").success());
    xdo(&["mousemove", "1100", "700", "mousedown", "1"]);
    for i in 1..30 {
        xdo(&["mousemove", &(1100 - i * 18).to_string(), &(700 - i * 10).to_string()]);
        tokio::time::sleep(std::time::Duration::from_millis(30)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    xdo(&["mouseup", "1"]);

    find_text(&c, "[data-testid=import-file]", "dropped.md").await;
    find_n(&c, "[data-testid=import-claim]", 3).await;
    click(&c, "[data-testid=import-apply]").await;
    find_text(&c, "[data-testid=claim-text]", "Dropped files become claims.").await;
    let _ = source.kill();
    let _ = source.wait();
    c.close().await.unwrap();
}
