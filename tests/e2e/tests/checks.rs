//! The checklist through the real app: a doubled word typed into a pitch is underlined, its
//! fix applies with one click and undoes with Ctrl+Z; a finding is dismissed with a reason and
//! a manual item ticked, and both are there after a restart; a glossary term added on the
//! glossary screen is flagged in the pitch at once.

use std::time::{Duration, Instant};

use pitchbridge_e2e::*;
use serde_json::json;

const ONE_PAGER: &str = "Close the books sooner";
const PROBLEM: &str = "[data-testid=pitch-editor] section[data-section=problem] p";

async fn open_pitch(c: &Client) {
    find_text(c, "[data-testid=pitch-item]", ONE_PAGER).await.click().await.unwrap();
    find(c, "[data-testid=pitch-editor] [data-key]").await;
    find(c, "[data-testid=checklist-panel]").await;
}

async fn js_text(c: &Client, script: &str) -> String {
    c.execute(script, vec![]).await.unwrap().as_str().unwrap_or("").to_string()
}

async fn problem_text(c: &Client) -> String {
    js_text(c, &format!("return document.querySelector('{PROBLEM}').textContent;")).await
}

async fn wait_problem(c: &Client, want: impl Fn(&str) -> bool, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let t = problem_text(c).await;
        if want(&t) {
            return;
        }
        assert!(Instant::now() < deadline, "{what}: {t}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks the rule's row in the checklist to show its findings (if it is not open already).
async fn open_rule(c: &Client, rule: &str) {
    let row = format!("[data-testid=check-rule][data-rule={rule}] .rule-row");
    let expanded = find(c, &row).await.attr("aria-expanded").await.unwrap();
    if expanded.as_deref() != Some("true") {
        click(c, &row).await;
    }
}

#[tokio::test]
async fn findings_are_underlined_fixed_undone_dismissed_and_kept() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    open_pitch(&c).await;
    // The first check reports a score.
    find(&c, "[data-testid=check-rule][data-rule=coverage][data-open='4']").await;
    let score = text_of(&c, &find(&c, "[data-testid=readiness] .score-value").await).await;
    assert!(score.parse::<u32>().is_ok_and(|s| s > 0 && s < 100), "{score}");

    // A doubled word: underlined as an error, and counted.
    caret_at_end(&c, PROBLEM).await;
    find(&c, "[data-testid=pitch-editor]").await.send_keys(" We send the the invoice.").await.unwrap();
    find(&c, "[data-testid=check-rule][data-rule=repeated-word][data-open='1']").await;
    let underline = find(&c, "[data-testid=pitch-editor] .finding-error").await;
    assert_eq!(text_of(&c, &underline).await.trim(), "the");
    // Clicking the underlined words shows the finding in the checklist.
    underline.click().await.unwrap();
    find(&c, "[data-testid=check-rule][data-rule=repeated-word] [data-testid=finding].active").await;
    screenshot(&c, "checks-finding").await;

    // One click applies the fix; Ctrl+Z takes it back; the fix again.
    click(&c, "[data-testid=check-rule][data-rule=repeated-word] [data-testid=apply-suggestion]").await;
    wait_problem(&c, |t| t.ends_with("We send the invoice."), "the fix").await;
    // Ctrl+Z (WebDriver's Control key, z, then release).
    find(&c, "[data-testid=pitch-editor]").await.send_keys("\u{E009}z\u{E000}").await.unwrap();
    wait_problem(&c, |t| t.ends_with("We send the the invoice."), "the undo").await;
    // The next check (a moment after the edit) underlines the words again.
    find(&c, "[data-testid=pitch-editor] .finding-error").await;
    open_rule(&c, "repeated-word").await;
    click(&c, "[data-testid=check-rule][data-rule=repeated-word] [data-testid=apply-suggestion]").await;
    wait_problem(&c, |t| t.ends_with("We send the invoice."), "the fix again").await;
    wait_db(&ws, "SELECT count(*) FROM pitch_block WHERE text LIKE '%We send the invoice.'", 1).await;
    find(&c, "[data-testid=check-rule][data-rule=repeated-word][data-open='0']").await;

    // "We" opening a sentence: dismissed with a reason the reviewer will read.
    find(&c, "[data-testid=check-rule][data-rule=customer-focus]:not([data-open='0'])").await;
    open_rule(&c, "customer-focus").await;
    let we = find_text(&c, "[data-testid=check-rule][data-rule=customer-focus] [data-testid=finding]", "Opens with “We”").await;
    we.find(fantoccini::Locator::Css("[data-testid=dismiss-finding]")).await.unwrap().click().await.unwrap();
    fill(&c, "[data-testid=prompt-input]", "Our own voice on purpose: this line is the reseller's promise.").await;
    click(&c, "[data-testid=prompt-submit]").await;
    wait_db(&ws, "SELECT count(*) FROM finding_dismissal WHERE rule = 'customer-focus' AND quote = 'We'", 1).await;
    find_text(&c, "[data-testid=dismissed-finding]", "the reseller's promise").await;

    // A manual item ticked; the score explains itself on hover.
    click(&c, "[data-testid=manual-item][data-item=cta-owner] input").await;
    wait_db(&ws, "SELECT count(*) FROM checklist_result WHERE item_id = 'cta-owner' AND state = 'ticked'", 1).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let reasons = js_text(&c, "return document.querySelector('[data-testid=readiness-reasons]').textContent;").await;
        if reasons.contains("Manual checklist: 1 of 6 items ticked") {
            break;
        }
        assert!(Instant::now() < deadline, "{reasons}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    c.close().await.unwrap();

    // Restart: the tick and the dismissal are there.
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    open_pitch(&c).await;
    find(&c, "[data-testid=check-rule][data-rule=coverage][data-open='4']").await;
    let ticked = c
        .execute("return document.querySelector('[data-testid=manual-item][data-item=cta-owner] input').checked;", vec![])
        .await
        .unwrap();
    assert_eq!(ticked, json!(true));
    open_rule(&c, "customer-focus").await;
    find_text(&c, "[data-testid=dismissed-finding]", "the reseller's promise").await;

    // A term added on the glossary screen is flagged in the pitch, with its fix.
    click(&c, "[data-testid=nav-glossary]").await;
    click(&c, "[data-testid=add-term]").await;
    fill(&c, "[data-testid=term-input]", "fire drill").await;
    fill(&c, "[data-testid=phrasing-input]", "scramble").await;
    click(&c, "input[name=rule][value=avoid]").await;
    click(&c, "[data-testid=term-submit]").await;
    find_text(&c, "[data-testid=glossary-row]", "fire drill").await;
    click(&c, "[data-testid=launch-item]").await;
    open_pitch(&c).await;
    caret_at_end(&c, PROBLEM).await;
    find(&c, "[data-testid=pitch-editor]").await.send_keys(" No more fire drill.").await.unwrap();
    find(&c, "[data-testid=check-rule][data-rule=jargon]:not([data-open='0'])").await;
    open_rule(&c, "jargon").await;
    find_text(&c, "[data-testid=check-rule][data-rule=jargon] [data-testid=apply-suggestion]", "scramble").await;
    screenshot(&c, "checks-jargon").await;
    c.close().await.unwrap();
}
