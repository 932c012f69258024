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
    // The demo opens with its reviews: an approved battle card, an expired call script, an
    // objection handling needing re-approval, an elevator pitch in review, an email sent back.
    find_text(&c, "[data-testid=readiness-gates]", "Distributor × CFO, one-pager").await;
    for state in ["approved", "in-review", "changes-requested", "needs-reapproval", "needs-reverification", "draft", "none"] {
        find(&c, &format!("[data-testid=matrix-cell][data-state={state}]")).await;
    }
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

    // The workspace's settings: one-pagers hold 30 days; a weight of 0 everywhere is refused.
    click(&c, "[data-testid=readiness-settings]").await;
    fill(&c, "[data-testid=interval-one-pager]", "30").await;
    fill(&c, "[data-testid=interval-default]", "0").await;
    click(&c, "[data-testid=readiness-settings-submit]").await;
    find_text(&c, "[role=dialog]", "at least 1 day").await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    screenshot(&c, "readiness-settings").await;
    fill(&c, "[data-testid=interval-default]", "120").await;
    click(&c, "[data-testid=readiness-settings-submit]").await;
    wait_db(&ws, "SELECT count(*) FROM verify_interval WHERE collateral_type = 'one-pager' AND days = 30", 1).await;
    wait_db(&ws, "SELECT count(*) FROM workspace_meta WHERE key = 'verify_interval_days' AND value = '120'", 1).await;

    // The message is valid only until a day: a day gone is refused with its reason, a day to
    // come is kept.
    // The settings dialog closes as it saves; on a loaded machine it may still be on its way out.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !c.find_all(fantoccini::Locator::Css("[role=dialog]")).await.unwrap().is_empty() {
        assert!(std::time::Instant::now() < deadline, "the settings dialog did not close");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
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
    screenshot(&c, "readiness-screen").await;
    click(&c, "[data-testid=matrix-cell][data-state=draft][aria-label*='Distributor']").await;
    find_text(&c, "h1", "Close the books sooner").await;
    find(&c, "[data-testid=pitch-editor] [data-key]").await;

    // The pitch's own interval, from its review bar: its type's 30 days is what it follows now.
    click(&c, "[data-testid=pitch-verification]").await;
    find_text(&c, "[role=dialog]", "30 days, as set for One-pager").await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    screenshot(&c, "pitch-verification").await;
    fill(&c, "[data-testid=verification-days]", "45").await;
    click(&c, "[data-testid=verification-submit]").await;
    wait_db(&ws, "SELECT count(*) FROM pitch WHERE collateral_type = 'one-pager' AND verify_interval_days = 45", 1).await;
    c.close().await.unwrap();
}

const PASSPHRASE: &str = "correct horse battery";

#[tokio::test]
async fn the_verifier_re_verifies_an_expired_pitch_with_their_passphrase_and_its_cells_turn_approved() {
    let sandbox = Sandbox::new();
    let ws = sandbox.default_workspace();
    // First start: the demo workspace, and Priya's profile, key and registration.
    {
        let driver = Driver::start(&sandbox);
        let c = driver.launch(&[]).await;
        assert_eq!(wait_ready(&c).await, "true");
        make_registered_reviewer(&c, "Priya Raman", "priya@ledgerline.example", PASSPHRASE).await;
        c.close().await.unwrap();
    }
    wait_db(&ws, "SELECT count(*) FROM reviewer WHERE name = 'Priya Raman'", 1).await;
    // Set up as if Priya approved the one-pager on 2026-01-10: long expired by now.
    let conn = rusqlite::Connection::open(&ws).unwrap();
    conn.execute_batch(
        "UPDATE pitch SET status = 'approved' WHERE collateral_type = 'one-pager';
         INSERT INTO pitch_version (pitch_id, number, snapshot, fingerprint, created_at)
           SELECT id, 1, '[]', '', '2026-01-10T09:00:00Z' FROM pitch WHERE collateral_type = 'one-pager';
         INSERT INTO review_request (pitch_id, reviewer_id, version_number, note, submitted_by, submitted_at, closed_at, outcome)
           SELECT p.id, r.id, 1, '', 'Wren', '2026-01-09T09:00:00Z', '2026-01-10T09:00:00Z', 'approved' FROM pitch p, reviewer r WHERE p.collateral_type = 'one-pager' AND r.name = 'Priya Raman';
         INSERT INTO decision (pitch_id, pitch_version_id, verdict, signer, signed_at, meaning, pitch_fingerprint, claim_fingerprints, signature, request_id)
           SELECT p.id, (SELECT max(id) FROM pitch_version), 'approve', 'Priya Raman <priya@ledgerline.example>', '2026-01-10T09:00:00Z', 'Approved', '', '{}', x'00', (SELECT max(id) FROM review_request)
           FROM pitch p WHERE p.collateral_type = 'one-pager';",
    )
    .unwrap();
    drop(conn);

    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    // On start the app says what is Priya's to re-verify, and leads to the list.
    find_text(&c, "[data-testid=expiring-notice]", "yours to re-verify").await;
    screenshot(&c, "expiring-notice").await;
    click(&c, "[data-testid=expiring-open]").await;
    find_text(&c, "[data-testid=expiring]", "expired").await;
    find(&c, "[data-testid=matrix-cell][data-state=needs-reverification]").await;
    // The demo's own expired call script is its product manager's; this row is Priya's.
    let row = find_text(&c, "[data-testid=expiring] li", "Close the books sooner").await;
    row.find(fantoccini::Locator::Css("[data-testid=reverify]")).await.unwrap().click().await.unwrap();
    find_text(&c, "[data-testid=reverify-status]", "Verifier: Priya Raman").await;
    fill(&c, "[data-testid=reverify-passphrase]", PASSPHRASE).await;
    click(&c, "[data-testid=reverify-submit]").await;
    // The demo pitch leaves required claims untranslated: re-verifying past them needs a reason.
    find_text(&c, "[data-testid=reverify-gate]", "required claims are not translated").await;
    fill(&c, "[data-testid=reverify-override-reason]", "The positioning claims belong in the email.").await;
    click(&c, "[data-testid=reverify-submit]").await;
    wait_db(&ws, "SELECT count(*) FROM decision d JOIN pitch p ON p.id = d.pitch_id WHERE p.collateral_type = 'one-pager' AND d.verdict = 'approve'", 2).await;
    find(&c, "[data-testid=matrix-cell][data-state=approved][aria-label*='Distributor']").await;
    let expired = c.find_all(fantoccini::Locator::Css("[data-testid=matrix-cell][data-state=needs-reverification][aria-label*='Distributor']")).await.unwrap();
    assert!(expired.is_empty(), "no distributor cell is expired after re-verification");
    c.close().await.unwrap();
}
