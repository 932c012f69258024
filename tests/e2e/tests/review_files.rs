//! The offline round trip through the real app and the desktop's own file dialogs (answered
//! with the keyboard, as a person would): the reviewer's card to the writer, the review package
//! to the reviewer, the signed decision back to the writer.

use std::path::Path;
use std::time::{Duration, Instant};

use pitchbridge_e2e::*;

const PASSPHRASE: &str = "correct horse battery";

async fn wait_file(path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !path.exists() {
        assert!(Instant::now() < deadline, "{} was never written", path.display());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}


async fn open_pitch(c: &Client) {
    find_text(c, "[data-testid=pitch-item]", "Close the books sooner").await.click().await.unwrap();
    find(c, "[data-testid=review-bar]").await;
}

#[tokio::test]
async fn a_package_and_a_decision_travel_through_files_between_two_workspaces() {
    let writer = Sandbox::new();
    let reviewer = Sandbox::new();
    let exchange = tempfile::tempdir().unwrap();
    let card = exchange.path().join("priya.pbreviewer");
    let package = exchange.path().join("close-the-books.pbreview");
    let decision = exchange.path().join("close-the-books.pbdecision");
    write_writer_profile(&writer, "Wren Alvarez", "wren@ledgerline.example");

    // The reviewer, on their own machine, makes a key and saves their card.
    {
        let driver = Driver::start(&reviewer);
        let c = driver.launch(&[]).await;
        assert_eq!(wait_ready(&c).await, "true");
        make_reviewer_profile(&c, "Priya Raman", "priya@ledgerline.example", PASSPHRASE).await;
        click(&c, "[data-testid=nav-profile]").await;
        find(&c, "[data-testid=profile-key]").await;
        find_text(&c, "button", "Save my reviewer card").await.click().await.unwrap();
        answer_dialog("Save your reviewer card", &card, false).await;
        wait_file(&card).await;
        c.close().await.unwrap();
    }

    // The writer adds the reviewer from the card, submits, and saves the package.
    {
        let driver = Driver::start(&writer);
        let c = driver.launch(&[]).await;
        assert_eq!(wait_ready(&c).await, "true");
        click(&c, "[data-testid=nav-profile]").await;
        click(&c, "[data-testid=add-reviewer-card]").await;
        answer_dialog("Add a reviewer", &card, true).await;
        find_text(&c, "[role=status]", "Priya Raman can now review").await;
        click(&c, "[aria-label=Close]").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        open_pitch(&c).await;
        click(&c, "[data-testid=submit-review]").await;
        find_text(&c, "[data-testid=submit-reviewer] option", "Priya Raman").await;
        click(&c, "[data-testid=submit-review-submit]").await;
        find_text(&c, "[data-testid=submit-gate]", "error findings are open").await;
        fill(&c, "[data-testid=submit-override-reason]", "Positioning stays in the one-pager.").await;
        click(&c, "[data-testid=submit-review-submit]").await;
        find(&c, "[data-testid=review-bar][data-status=in-review]").await;
        click(&c, "[data-testid=export-review-package]").await;
        answer_dialog("Save the review package", &package, false).await;
        wait_file(&package).await;
        find_text(&c, "[data-testid=app-notice]", "Review package saved").await;
        c.close().await.unwrap();
    }

    // The reviewer opens the package as a review copy, approves, and saves the decision.
    {
        let driver = Driver::start(&reviewer);
        let c = driver.launch(&[]).await;
        assert_eq!(wait_ready(&c).await, "true");
        click(&c, ".workspace .trigger").await;
        click(&c, "[data-testid=open-review-package]").await;
        answer_dialog("Open a review package", &package, true).await;
        find_text(&c, "[data-testid=workspace-name]", "review copy").await;
        open_pitch(&c).await;
        find(&c, "[data-testid=review-bar][data-status=in-review]").await;
        click(&c, "[data-testid=decide]").await;
        click(&c, "[data-testid=outcome-approve]").await;
        fill(&c, "[data-testid=decide-passphrase]", PASSPHRASE).await;
        click(&c, "[data-testid=decide-submit]").await;
        find_text(&c, "[data-testid=decide-gate]", "required claims are not translated").await;
        fill(&c, "[data-testid=decide-override-reason]", "Positioning stays in the one-pager.").await;
        click(&c, "[data-testid=decide-submit]").await;
        find(&c, "[data-testid=review-bar][data-status=approved]").await;
        click(&c, "[data-testid=export-decision]").await;
        answer_dialog("Save the decision", &decision, false).await;
        wait_file(&decision).await;
        c.close().await.unwrap();
    }
    assert!(exchange.path().join("close-the-books (review copy).pitchbridge").exists(), "the copy is made beside the package");

    // The writer imports the decision: the pitch is approved in their workspace.
    {
        let driver = Driver::start(&writer);
        let c = driver.launch(&[]).await;
        assert_eq!(wait_ready(&c).await, "true");
        click(&c, ".workspace .trigger").await;
        click(&c, "[data-testid=import-decision]").await;
        answer_dialog("Import a decision", &decision, true).await;
        find_text(&c, "[data-testid=app-notice]", "Decision applied").await;
        find(&c, "[data-testid=review-bar][data-status=approved]").await;
        find_text(&c, "[data-testid=approval-stamp]", "Priya Raman").await;
        c.close().await.unwrap();
    }
    wait_db(&writer.default_workspace(), "SELECT count(*) FROM decision d JOIN pitch p ON p.id = d.pitch_id WHERE p.title LIKE 'Close the books sooner%' AND d.verdict = 'approve'", 1).await;
}
