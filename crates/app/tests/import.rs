//! An import writes exactly what its preview showed: the file is read once, and an import that
//! confirms a preview is refused if the file has changed since.

use std::fs;

use pitchbridge_app::error::ErrorCode;
use pitchbridge_app::import::ImportRequest;
use pitchbridge_app::App;

mod common;
use common::demo;

const BRIEF: &str = "# Cold-chain monitor\n\n- Sensors report every 30 seconds.\n- Alerts reach the driver within a minute.\n";

fn launch(a: &App) -> i64 {
    a.list_launches().unwrap()[0].launch.id
}

fn request(path: &std::path::Path, launch_id: i64, digest: Option<String>) -> ImportRequest {
    ImportRequest { path: path.display().to_string(), launch_id, message_id: None, title: String::new(), digest }
}

fn message_count(a: &App) -> usize {
    a.get_launch(launch(a)).unwrap().messages.len()
}

#[test]
fn confirming_a_preview_writes_what_it_showed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = demo(dir.path());
    let file = dir.path().join("brief.md");
    fs::write(&file, BRIEF).unwrap();
    let preview = a.preview_import(request(&file, launch(&a), None)).unwrap();
    assert_eq!(preview.claims.len(), 2);
    assert_eq!(preview.digest.len(), 64);
    let outcome = a.apply_import(request(&file, launch(&a), Some(preview.digest.clone()))).unwrap();
    assert_eq!(outcome.claim_count, 2);
    let message = a.get_message(outcome.message_id).unwrap();
    let texts: Vec<&str> = message.claims.iter().map(|c| c.text.as_str()).collect();
    let previewed: Vec<&str> = preview.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, previewed);
    // The preview is used up: confirming it twice would import the file twice.
    let again = a.apply_import(request(&file, launch(&a), Some(preview.digest))).unwrap_err();
    assert_eq!(again.code, ErrorCode::ImportFailed);
}

#[test]
fn a_file_changed_after_its_preview_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = demo(dir.path());
    let file = dir.path().join("brief.md");
    fs::write(&file, BRIEF).unwrap();
    let before = message_count(&a);
    let preview = a.preview_import(request(&file, launch(&a), None)).unwrap();
    fs::write(&file, format!("{BRIEF}- A third claim added after the preview.\n")).unwrap();
    let err = a.apply_import(request(&file, launch(&a), Some(preview.digest))).unwrap_err();
    assert_eq!(err.code, ErrorCode::ImportFailed);
    assert!(err.message.contains("changed since the preview"), "{}", err.message);
    assert_eq!(message_count(&a), before, "nothing was imported");
    // A new preview shows the file as it is now, and confirming that one works.
    let fresh = a.preview_import(request(&file, launch(&a), None)).unwrap();
    assert_eq!(fresh.claims.len(), 3);
    a.apply_import(request(&file, launch(&a), Some(fresh.digest))).unwrap();
    assert_eq!(message_count(&a), before + 1);
}

#[test]
fn only_the_latest_preview_can_be_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = demo(dir.path());
    let (one, two) = (dir.path().join("one.md"), dir.path().join("two.txt"));
    fs::write(&one, BRIEF).unwrap();
    fs::write(&two, "Dispatchers see every truck on one map.").unwrap();
    let first = a.preview_import(request(&one, launch(&a), None)).unwrap();
    a.preview_import(request(&two, launch(&a), None)).unwrap();
    let err = a.apply_import(request(&one, launch(&a), Some(first.digest))).unwrap_err();
    assert!(err.message.contains("Preview the file again"), "{}", err.message);
}

#[test]
fn a_file_deleted_after_its_preview_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = demo(dir.path());
    let file = dir.path().join("brief.md");
    fs::write(&file, BRIEF).unwrap();
    let preview = a.preview_import(request(&file, launch(&a), None)).unwrap();
    fs::remove_file(&file).unwrap();
    let err = a.apply_import(request(&file, launch(&a), Some(preview.digest))).unwrap_err();
    assert_eq!(err.code, ErrorCode::ImportFailed);
}
