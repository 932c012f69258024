//! Files opened from the desktop: the app started with a review package as its argument (what a
//! double-click does) says what it will do, makes the review copy beside the package and opens
//! it; a second double-click while it runs is handed over to the running window.

use std::path::Path;

use pitchbridge_app::App;
use pitchbridge_core::clock::FixedClock;
use pitchbridge_e2e::*;

/// A writer's demo workspace with its pitch in review written out as a review package.
fn review_package(dir: &Path) -> std::path::PathBuf {
    let mut writer = App::new(Box::new(FixedClock("2026-11-20T09:00:00Z".into())));
    writer.open_or_create(&dir.join("writer.pitchbridge"), true).unwrap();
    writer.add_demo_reviews().unwrap();
    let in_review = writer.list_launches().unwrap()[0].launch.id;
    let pitch = writer.get_launch(in_review).unwrap().pitches.into_iter().find(|p| p.pitch.status == pitchbridge_core::PitchStatus::InReview).unwrap().pitch.id;
    let package = dir.join("Invoices that enter themselves.pbreview");
    writer.export_review_package(pitch, &package).unwrap();
    package
}

#[tokio::test]
async fn a_review_package_double_clicked_opens_as_a_review_copy_beside_it() {
    let sandbox = Sandbox::new();
    let dir = tempfile::Builder::new().prefix("opened-").tempdir().unwrap();
    let package = review_package(dir.path());
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[package.display().to_string()]).await;
    assert_eq!(wait_ready(&c).await, "true");

    find(&c, "[data-testid=opened-file-dialog]").await;
    let mut found = Vec::new();
    audit(&c, "opened file dialog", &mut found).await;
    assert!(found.is_empty(), "{} accessibility violations:\n{}", found.len(), found.join("\n"));
    let copy = dir.path().join("Invoices that enter themselves (review copy).pitchbridge");
    find_text(&c, "[data-testid=review-copy-path]", &copy.display().to_string()).await;
    screenshot(&c, "opened-review-package").await;
    click(&c, "[data-testid=open-review-copy]").await;
    find_text(&c, "[data-testid=workspace-name]", "review copy").await;
    assert!(copy.exists(), "the review copy is made beside the package");
    wait_db(&copy, "SELECT count(*) FROM pitch WHERE status = 'in-review'", 1).await;

    // Double-clicked again while Pitchbridge runs: the running window asks again, and the copy
    // that now exists is not overwritten (the next one is numbered).
    let out = sandbox.run_app_directly(&[package.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("already running"), "{out:?}");
    find_text(&c, "[data-testid=review-copy-path]", "(review copy 2)").await;
}
