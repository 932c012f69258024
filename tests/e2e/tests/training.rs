//! Training kits through the real app, on the demo taken through review: the VAR team's kit
//! holds drills from the approved battle card only, with the email named as left out; its
//! certification is set, an item is removed and put back, a question is reworded and the kit
//! sent for review (and locked while there); the MSP team has nothing approved and current, and
//! is told why.

use pitchbridge_e2e::*;

#[tokio::test]
async fn a_launch_owner_sees_the_drills_an_approved_pitch_gives_and_what_is_left_out() {
    let sandbox = Sandbox::new();
    write_writer_profile(&sandbox, "Wren Alvarez", "wren@ledgerline.example");
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");

    click(&c, "[data-testid=open-training]").await;
    find_text(&c, "[data-testid=training-title]", "Training kit").await;
    let audience = find(&c, "[data-testid=training-audience]").await;
    audience.select_by_label("VAR × IT director").await.unwrap();
    find_text(&c, "[data-testid=training-summary]", "from 1 approved pitch").await;
    // Each kind of drill the battle card gives, each item naming where it comes from.
    for kind in ["multipleChoice", "cloze", "objectionDrill", "flashcard"] {
        find(&c, &format!("[data-testid=training-kind-{kind}] [data-testid=training-item]")).await;
    }
    find_text(&c, "[data-testid=training-kind-objectionDrill]", "“Security will take months.”").await;
    find_text(&c, "[data-testid=training-item]", "From “ERP add-ons cost IT more").await;
    find_text(&c, "[data-testid=training-missing]", "changes-requested").await;
    find(&c, "[data-testid=save-launch-kit]").await;
    find(&c, "[data-testid=save-scorm]").await;
    // Certification: a pass holds at most as long as the card's approval.
    find_text(&c, "[data-testid=cert-until]", "when the approval of").await;
    fill(&c, "[data-testid=cert-pass-mark]", "90").await;
    fill(&c, "[data-testid=cert-attempts]", "2").await;
    fill(&c, "[data-testid=cert-validity]", "14").await;
    click(&c, "[data-testid=cert-save]").await;
    wait_db(&sandbox.default_workspace(), "SELECT count(*) FROM training_settings WHERE pass_mark = 90 AND attempts = 2 AND validity_days = 14", 1).await;
    screenshot(&c, "training-kit").await;

    // The writer leaves the first question out, and puts it back.
    let first = find(&c, "[data-testid=training-kind-multipleChoice] [data-testid=training-item]").await;
    let key = first.attr("data-key").await.unwrap().unwrap();
    click(&c, "[data-testid=training-kind-multipleChoice] [data-testid=remove-item]").await;
    find(&c, "[data-testid=training-removed]").await;
    wait_db(&sandbox.default_workspace(), &format!("SELECT count(*) FROM training_item_state WHERE item_key = '{key}' AND removed = 1"), 1).await;
    find_text(&c, "[data-testid=training-summary]", "36 items").await;
    click(&c, "[data-testid=restore-item]").await;
    find_text(&c, "[data-testid=training-summary]", "37 items").await;

    // The writer rewords the first question (Ctrl+Enter saves) and sends the kit for review.
    let ws = sandbox.default_workspace();
    find_text(&c, "[data-testid=kit-status]", "Draft").await;
    // The notice of the last save sits over the foot of the window: out of the way first.
    c.execute("document.querySelectorAll('[data-testid=app-notice] button').forEach(b => b.click()); document.querySelector('[data-testid=training-kind-multipleChoice]').scrollIntoView({ block: 'start' });", vec![]).await.unwrap();
    click(&c, "[data-testid=training-kind-multipleChoice] [data-testid=edit-item]").await;
    find(&c, "[data-testid=item-editor]").await;
    screenshot(&c, "training-item-editor").await;
    fill(&c, "[data-testid=edit-question]", "An IT director asks what the add-on costs their team. Which answer is approved?").await;
    click(&c, "[data-testid=edit-save]").await;
    find(&c, "[data-testid=item-reworded]").await;
    find_text(&c, "[data-testid=training-kind-multipleChoice] [data-testid=training-item]", "Which answer is approved?").await;
    wait_db(&ws, &format!("SELECT count(*) FROM training_item_state WHERE item_key = '{key}' AND edit LIKE '%Which answer is approved?%'"), 1).await;
    c.execute("document.querySelectorAll('[data-testid=app-notice] button').forEach(b => b.click()); document.querySelector('[data-testid=submit-kit]').scrollIntoView({ block: 'center' });", vec![]).await.unwrap();
    click(&c, "[data-testid=submit-kit]").await;
    find(&c, "[data-testid=submit-kit-reviewer] option").await;
    fill(&c, "[data-testid=submit-kit-note]", "One question reworded for IT directors.").await;
    click(&c, "[data-testid=submit-kit-submit]").await;
    find_text(&c, "[data-testid=kit-status]", "In review").await;
    wait_db(&ws, "SELECT count(*) FROM training_review WHERE closed_at IS NULL AND note = 'One question reworded for IT directors.'", 1).await;
    // Nothing of the kit changes while the reviewer has it.
    let edit = find(&c, "[data-testid=training-kind-multipleChoice] [data-testid=edit-item]").await;
    assert!(edit.attr("disabled").await.unwrap().is_some(), "editing is off while in review");
    find(&c, "[data-testid=withdraw-kit]").await;
    screenshot(&c, "training-kit-in-review").await;

    // The MSP team: the call script's approval has lapsed and the elevator pitch is in review.
    // (Back at the top of the screen first: the notice of the last save covers the picker.)
    c.execute("document.querySelectorAll('[data-testid=app-notice] button').forEach(b => b.click()); document.querySelector('[data-testid=training-audience]').scrollIntoView({ block: 'center' });", vec![]).await.unwrap();
    let audience = find(&c, "[data-testid=training-audience]").await;
    audience.select_by_label("MSP × AP manager").await.unwrap();
    find_text(&c, "main", "Nothing approved to train on yet").await;
    find_text(&c, "[data-testid=training-left-out]", "expired on").await;
    find_text(&c, "[data-testid=training-left-out]", "in-review").await;
    screenshot(&c, "training-nothing-approved").await;
    c.close().await.unwrap();
}
