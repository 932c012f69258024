//! The workspace is one file: what a writer typed is in the workspace file itself soon after
//! they stop (copied alone, it holds the work), and "Save a copy…" from the workspace menu
//! writes a whole workspace through the desktop's own save dialog.

use std::path::Path;
use std::time::{Duration, Instant};

use pitchbridge_e2e::*;

const WORDS: &str = "Reefer alarms reach the driver first";

/// Reads `sql` from a copy of the workspace's main file alone, as a person mailing it would
/// send it: without the write-ahead log beside it.
fn from_the_file_alone(path: &Path, sql: &str) -> i64 {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("mailed.pitchbridge");
    std::fs::copy(path, &copy).unwrap();
    // Before the log is folded in, the file alone may not even hold the tables.
    rusqlite::Connection::open(&copy).unwrap().query_row(sql, [], |r| r.get(0)).unwrap_or(0)
}

#[tokio::test]
async fn the_file_alone_holds_the_work_and_a_copy_can_be_saved() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    find_text(&c, "[data-testid=pitch-item]", "Close the books sooner").await.click().await.unwrap();
    find(&c, "[data-testid=pitch-editor] [data-key]").await;
    // At the end of the problem section's paragraph, as a writer adds a sentence.
    caret_at_end(&c, "[data-testid=pitch-editor] section[data-section=problem] p").await;
    find(&c, "[data-testid=pitch-editor]").await.send_keys(&format!(" {WORDS}.")).await.unwrap();
    let query = format!("SELECT count(*) FROM pitch_block WHERE text LIKE '%{WORDS}%'");
    wait_db(&ws, &query, 1).await;
    // Within a few seconds of the last keystroke the log is folded into the file.
    let deadline = Instant::now() + Duration::from_secs(15);
    while from_the_file_alone(&ws, &query) != 1 {
        assert!(Instant::now() < deadline, "the workspace file alone never held the typed words");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }

    // Save a copy…: the save dialog suggests "<workspace> copy" beside the workspace.
    click(&c, ".workspace .trigger").await;
    click(&c, "[data-testid=save-workspace-copy]").await;
    let copy = ws.with_file_name(format!("{} copy.pitchbridge", ws.file_stem().unwrap().to_string_lossy()));
    let deadline = Instant::now() + Duration::from_secs(20);
    while !copy.exists() {
        assert!(Instant::now() < deadline, "no copy appeared at {}", copy.display());
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let _ = std::process::Command::new("xdotool").args(["key", "Return"]).status();
    }
    find_text(&c, "[data-testid=app-notice]", "Saved a copy of the workspace").await;
    let n: i64 = rusqlite::Connection::open(&copy).unwrap().query_row(&query, [], |r| r.get(0)).unwrap();
    assert_eq!(n, 1, "the copy holds the work");
    assert!(!Path::new(&format!("{}-wal", copy.display())).exists(), "the copy is one file");
    c.close().await.unwrap();
}
