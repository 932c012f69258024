//! The readiness screen through the real app, on the demo workspace: it opens not ready with
//! what blocks it, the targets are edited in their dialog and kept, and a cell of the matrix
//! leads to the pitch behind it.

use pitchbridge_e2e::*;

#[tokio::test]
async fn a_launch_owner_sees_what_blocks_the_launch_edits_its_targets_and_reaches_a_pitch() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();

    click(&c, "[data-testid=open-readiness]").await;
    find_text(&c, "[data-testid=readiness-verdict]", "Not ready").await;
    find_text(&c, "[data-testid=gate][data-passed=false]", "Approved coverage").await;
    find_text(&c, "[data-testid=readiness-gates]", "VAR × IT director has no battle card yet").await;
    // Every cell says its state in words to assistive technology, not by colour alone.
    let cell = find(&c, "[data-testid=matrix-cell][data-state=draft]").await;
    let label = cell.attr("aria-label").await.unwrap().unwrap_or_default();
    assert!(label.contains("Draft") && label.starts_with("Claim "), "{label}");

    // The targets: the score aimed at is raised, and is kept in the workspace.
    click(&c, "[data-testid=edit-targets]").await;
    fill(&c, "[data-testid=target-score]", "90").await;
    click(&c, "[data-testid=targets-submit]").await;
    wait_db(&ws, "SELECT count(*) FROM launch WHERE target_score = 90", 1).await;
    find_text(&c, "[data-testid=readiness-score]", "Target 90").await;

    // The message is valid only until a day: a day gone is refused with its reason, a day to
    // come is kept.
    click(&c, "[data-testid=back-to-launch]").await;
    click(&c, "[data-testid=message-item]").await;
    click(&c, "[data-testid=valid-until]").await;
    fill(&c, "[data-testid=prompt-input]", "2020-01-01").await;
    click(&c, "[data-testid=prompt-submit]").await;
    find_text(&c, "[role=dialog]", "in the past").await;
    fill(&c, "[data-testid=prompt-input]", "2099-06-30").await;
    click(&c, "[data-testid=prompt-submit]").await;
    wait_db(&ws, "SELECT count(*) FROM factory_message WHERE valid_until = '2099-06-30'", 1).await;
    find_text(&c, "header", "Valid until").await;
    click(&c, "[data-testid=launch-item]").await;
    click(&c, "[data-testid=open-readiness]").await;

    // A draft cell for distributor CFOs leads to the one-pager that says the claim.
    click(&c, "[data-testid=matrix-cell][data-state=draft][aria-label*='Distributor']").await;
    find_text(&c, "h1", "Close the books sooner").await;
    find(&c, "[data-testid=pitch-editor] [data-key]").await;
    c.close().await.unwrap();
}
