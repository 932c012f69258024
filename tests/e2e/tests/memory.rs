//! Reusing approved wording through the real app, on the demo taken through review: a claim
//! linked in another pitch brings the battle card's approved wording for it, Alt+1 puts it in
//! the paragraph, and the paragraph keeps its link (in the window and in the file).

use fantoccini::Client;
use pitchbridge_e2e::*;
use serde_json::json;

const ONE_PAGER: &str = "Close the books sooner";
const PROBLEM: &str = "[data-testid=pitch-editor] section[data-section=problem] p";
const BATTLE_CARD_WORDING: &str = "For IT directors who are tired of finance tools that turn into integration projects";

async fn select_claim(c: &Client, number: u32) {
    find(c, &format!("[data-testid=claim-row][data-number='{number}']")).await;
    c.execute(
        "document.querySelector(`[data-testid=claim-row][data-number='${arguments[0]}']`).dispatchEvent(new MouseEvent('click', { bubbles: true }));",
        vec![json!(number)],
    )
    .await
    .expect("select claim");
}

#[tokio::test]
async fn a_claim_linked_in_a_new_pitch_brings_its_approved_wording_and_alt_1_inserts_it() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    find_text(&c, "[data-testid=pitch-item]", ONE_PAGER).await.click().await.unwrap();
    find(&c, "[data-testid=pitch-editor] [data-key]").await;

    // The one-pager's problem paragraph, linked to claim 9 (which the approved battle card says).
    caret_at_end(&c, PROBLEM).await;
    select_claim(&c, 9).await;
    click(&c, "[data-testid=link-claims]").await;
    find_text(&c, "[data-testid=linked-claim]", "Claim 9").await;

    // The battle card's approved wording, for another audience: an exact match.
    let suggestion = find_text(&c, "[data-testid=memory-panel] [data-testid=suggestion]", BATTLE_CARD_WORDING).await;
    assert_eq!(suggestion.attr("data-band").await.unwrap().as_deref(), Some("exact"));
    find_text(&c, "[data-testid=suggestion]", "ERP add-ons cost IT more").await;
    screenshot(&c, "memory-suggestions").await;

    // Alt+1 from the editor: the paragraph says the approved wording, and keeps its link.
    caret_at_end(&c, PROBLEM).await;
    find(&c, "[data-testid=pitch-editor]").await.send_keys("\u{E00A}1\u{E000}").await.unwrap();
    find_text(&c, PROBLEM, BATTLE_CARD_WORDING).await;
    find_text(&c, "[data-testid=editor-notice]", "Ctrl+Z takes it back").await;
    find_text(&c, "[data-testid=linked-claim]", "Claim 9").await;
    wait_db(
        &ws,
        &format!(
            "SELECT count(*) FROM pitch_block b JOIN block_claim_link l ON l.block_id = b.id JOIN claim c ON c.id = l.claim_id
             WHERE b.text LIKE '{BATTLE_CARD_WORDING}%' AND c.number = 9 AND b.pitch_id = (SELECT id FROM pitch WHERE title LIKE '{ONE_PAGER}%')"
        ),
        1,
    )
    .await;
    screenshot(&c, "memory-inserted").await;
}
