//! The side-by-side editor through the real app: typing into a pitch, linking a paragraph to
//! two claims, changing one of them in the Factory message, seeing the stale flag and its
//! diff, restarting and finding it all again; and the kill test.

use std::time::{Duration, Instant};

use pitchbridge_e2e::*;
use serde_json::json;

const ONE_PAGER: &str = "Close the books sooner";

/// Opens a demo pitch from the first launch and waits for its editor.
async fn open_pitch(c: &Client, title: &str) {
    find_text(c, "[data-testid=pitch-item]", title).await.click().await.unwrap();
    find(c, "[data-testid=pitch-editor] [data-key]").await;
}

async fn type_keys(c: &Client, text: &str) {
    find(c, "[data-testid=pitch-editor]").await.send_keys(text).await.unwrap();
}

/// Clicks a claim row as a person would, Ctrl held for adding to the selection.
async fn select_claim(c: &Client, number: u32, add: bool) {
    find(c, &format!("[data-testid=claim-row][data-number='{number}']")).await;
    c.execute(
        "document.querySelector(`[data-testid=claim-row][data-number='${arguments[0]}']`)
            .dispatchEvent(new MouseEvent('click', { bubbles: true, ctrlKey: arguments[1] }));",
        vec![json!(number), json!(add)],
    )
    .await
    .expect("select claim");
}

fn db_text(path: &std::path::Path, sql: &str) -> String {
    rusqlite::Connection::open(path).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

async fn dom_text(c: &Client, css: &str) -> String {
    c.execute(
        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent).join('|');",
        vec![json!(css)],
    )
    .await
    .unwrap()
    .as_str()
    .unwrap_or("")
    .to_string()
}

const PROBLEM: &str = "[data-testid=pitch-editor] section[data-section=problem] p";

#[tokio::test]
async fn type_link_change_a_claim_see_it_stale_restart_and_find_it_all() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    open_pitch(&c, ONE_PAGER).await;

    // Type at the end of the Problem paragraph.
    caret_at_end(&c, PROBLEM).await;
    type_keys(&c, " Month-end stops being a fire drill.").await;
    find_text(&c, PROBLEM, "Month-end stops being a fire drill.").await;
    wait_db(&ws, "SELECT count(*) FROM pitch_block WHERE text LIKE '%stops being a fire drill.'", 1).await;
    find_text(&c, "[data-testid=save-status]", "Saved").await;

    // Link that paragraph to claims 12 and 16.
    select_claim(&c, 12, false).await;
    select_claim(&c, 16, true).await;
    find_text(&c, "[data-testid=link-claims]", "Link 2 claims").await;
    click(&c, "[data-testid=link-claims]").await;
    find_n(&c, "[data-testid=linked-claim]", 2).await;
    assert_eq!(dom_text(&c, "[data-testid=linked-claim] .chip-main").await, "Claim 12|Claim 16");
    let block = "(SELECT id FROM pitch_block WHERE text LIKE '%fire drill.')";
    wait_db(&ws, &format!("SELECT count(*) FROM block_claim_link WHERE block_id = {block}"), 2).await;
    // The editor marks the paragraph with its claims.
    find_text(&c, "section[data-section=problem] .block-links", "12").await;
    screenshot(&c, "editor-linked").await;

    // Change claim 12 in the Factory message.
    click(&c, ".crumbs").await;
    click(&c, "[data-testid=message-item]").await;
    click(&c, "[data-testid=paste-version]").await;
    find(&c, "textarea[name=text]").await;
    c.execute(
        "const t = document.querySelector('textarea[name=text]');
         t.value = t.value.replace('up to four days faster', 'up to six days faster');
         t.dispatchEvent(new Event('input', { bubbles: true }));",
        vec![],
    )
    .await
    .unwrap();
    click(&c, "[data-testid=save-version]").await;
    find_text(&c, "[data-testid=version-preview] [data-testid=reworded-claim]", "six").await;
    find_text(&c, "[data-testid=version-preview] [data-testid=stale-pitch]", ONE_PAGER).await;
    click(&c, "[data-testid=save-version]").await;
    find_text(&c, "[data-testid=version-report]", "1 reworded").await;

    // Back in the pitch: the paragraph is flagged stale, with the word diff.
    find_text(&c, "[data-testid=stale-pitch] button", ONE_PAGER).await.click().await.unwrap();
    find(&c, "[data-testid=pitch-editor] [data-key]").await;
    caret_at_end(&c, PROBLEM).await;
    let flag = find(&c, "[data-testid=stale-flag]").await;
    assert_eq!(dom_text(&c, "[data-testid=stale-flag] del").await, "four");
    assert_eq!(dom_text(&c, "[data-testid=stale-flag] ins").await, "six");
    drop(flag);
    screenshot(&c, "editor-stale").await;
    c.close().await.unwrap();

    // Restart: the text, the links and the stale flag are all there.
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    open_pitch(&c, ONE_PAGER).await;
    find_text(&c, PROBLEM, "Month-end stops being a fire drill.").await;
    caret_at_end(&c, PROBLEM).await;
    find_n(&c, "[data-testid=linked-claim]", 2).await;
    find(&c, "[data-testid=stale-flag]").await;
    assert_eq!(dom_text(&c, "[data-testid=stale-flag] ins").await, "six");

    // Resolve it: the paragraph still holds.
    click(&c, "[data-testid=resolve-still-holds]").await;
    find_n(&c, "[data-testid=stale-flag]", 0).await;
    wait_db(
        &ws,
        &format!(
            "SELECT count(*) FROM block_claim_link l JOIN claim c ON c.id = l.claim_id
             WHERE l.block_id = {block} AND l.claim_fingerprint <> c.fingerprint"
        ),
        0,
    )
    .await;
    c.close().await.unwrap();
    assert_eq!(db_text(&ws, "PRAGMA integrity_check"), "ok");
}

#[tokio::test]
async fn killing_the_app_while_typing_loses_at_most_about_a_second() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    open_pitch(&c, ONE_PAGER).await;
    caret_at_end(&c, PROBLEM).await;

    // Type a numbered word every 60 ms or so for about three seconds, then kill the app
    // mid-typing.
    let mut typed: Vec<(String, Instant)> = Vec::new();
    for i in 0..40 {
        let word = format!(" w{i:02}");
        type_keys(&c, &word).await;
        typed.push((word, Instant::now()));
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
    let killed_at = Instant::now();
    let status = std::process::Command::new("pkill")
        .args(["-KILL", "-f", &app_binary().display().to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "the app was running");
    drop(c);
    // WebKitWebDriver does not recover from its app being killed: start a fresh driver.
    drop(driver);

    // What survived is a prefix of what was typed, and holds everything typed more than
    // about a second (plus the round trip) before the kill.
    let saved = db_text(&ws, "SELECT text FROM pitch_block WHERE section = 'problem' ORDER BY ordinal LIMIT 1");
    let all: String = typed.iter().map(|(w, _)| w.as_str()).collect();
    let base = saved.split(" w00").next().unwrap().to_string();
    let tail = saved[base.len()..].to_string();
    assert!(all.starts_with(&tail), "saved {tail:?} is not a prefix of typed {all:?}");
    let must: String = typed
        .iter()
        .filter(|(_, at)| killed_at.duration_since(*at) > Duration::from_millis(1500))
        .map(|(w, _)| w.as_str())
        .collect();
    assert!(tail.starts_with(&must), "lost more than a second: saved {tail:?}, typed before the last 1.5 s {must:?}");
    eprintln!("typed {} words; {} survived the kill", typed.len(), tail.split_whitespace().count());
    assert_eq!(db_text(&ws, "PRAGMA integrity_check"), "ok");

    // Reopen: the app shows the same text.
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    open_pitch(&c, ONE_PAGER).await;
    find_text(&c, PROBLEM, &tail).await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn claims_link_by_drag_and_drop_and_by_keyboard_and_stale_flags_resolve_by_keyboard() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    open_pitch(&c, ONE_PAGER).await;
    let problem = "(SELECT id FROM pitch_block WHERE section = 'problem' AND pitch_id = 2)";

    // Drag claim 2 onto the Problem paragraph.
    c.execute(
        "const row = document.querySelector(`[data-testid=claim-row][data-number='2']`);
         const target = document.querySelector(arguments[0]);
         const dt = new DataTransfer();
         row.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: dt }));
         const box = target.getBoundingClientRect();
         const at = { bubbles: true, cancelable: true, dataTransfer: dt, clientX: box.left + 20, clientY: box.top + 10 };
         target.dispatchEvent(new DragEvent('dragover', at));
         target.dispatchEvent(new DragEvent('drop', at));",
        vec![json!(PROBLEM)],
    )
    .await
    .unwrap();
    wait_db(&ws, &format!("SELECT count(*) FROM block_claim_link WHERE block_id = {problem}"), 1).await;
    // The new link sets off a check; let it land before the keyboard part.
    find(&c, "[data-testid=checklist-panel][data-checking=false]").await;

    // Keyboard: caret in the paragraph, then in the claims list Down to claim 1, Space, Enter.
    caret_at_end(&c, PROBLEM).await;
    let list = find(&c, "[data-testid=claims-pane]").await;
    c.execute("document.querySelector('[data-testid=claims-pane]').focus()", vec![]).await.unwrap();
    list.send_keys(" ").await.unwrap(); // selects claim 1, which has the focus
    find(&c, "[data-testid=claim-row][data-number='1'][aria-selected=true]").await;
    list.send_keys("\u{E007}").await.unwrap(); // Enter: link
    wait_db(&ws, &format!("SELECT count(*) FROM block_claim_link WHERE block_id = {problem}"), 2).await;
    find_n(&c, "[data-testid=linked-claim]", 2).await;

    // Change claim 1; resolve with Ctrl+Shift+R in the paragraph.
    c.execute(
        "return window.__TAURI_INTERNALS__.invoke('get_message', { id: 1 }).then(m =>
           window.__TAURI_INTERNALS__.invoke('add_message_version', { req: { messageId: 1,
             text: m.message.sourceText.replace('the first autonomous AP platform', 'the autonomous AP platform') } }));",
        vec![],
    )
    .await
    .unwrap();
    c.refresh().await.unwrap();
    assert_eq!(wait_ready(&c).await, "true");
    open_pitch(&c, ONE_PAGER).await;
    caret_at_end(&c, PROBLEM).await;
    find(&c, "[data-testid=stale-flag]").await;
    assert_eq!(dom_text(&c, "[data-testid=stale-flag] del").await.trim(), "first");
    find(&c, "[data-testid=pitch-editor]").await.send_keys("\u{E009}\u{E008}r\u{E000}").await.unwrap();
    find_n(&c, "[data-testid=stale-flag]", 0).await;
    let resolution = db_text(&ws, &format!("SELECT resolution FROM block_claim_link WHERE block_id = {problem} AND claim_id = 1"));
    assert_eq!(resolution, "revised");
    c.close().await.unwrap();
}

#[tokio::test]
async fn enter_at_the_start_of_a_linked_paragraph_then_undo_keeps_its_links() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    open_pitch(&c, ONE_PAGER).await;
    // The Solution paragraph of the demo links claims 3, 4 and 5.
    let solution = "[data-testid=pitch-editor] section[data-section=solution] p";
    let links_of_first_solution = "SELECT count(*) FROM block_claim_link WHERE block_id =
        (SELECT id FROM pitch_block WHERE pitch_id = 2 AND section = 'solution' AND text LIKE 'Ledgerline reads%')";
    wait_db(&ws, links_of_first_solution, 3).await;

    c.execute(
        "const el = document.querySelector(arguments[0]); el.closest('[contenteditable]').focus();
         // Before the first letter of the text (not before the claim chips at the line's start).
         const text = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: n => n.parentElement.closest('.block-links') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT }).nextNode();
         const r = document.createRange(); r.setStart(text, 0); r.collapse(true);
         const s = getSelection(); s.removeAllRanges(); s.addRange(r);",
        vec![json!(solution)],
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(150)).await;
    let editor = find(&c, "[data-testid=pitch-editor]").await;
    editor.send_keys("\u{E007}").await.unwrap(); // Enter: an empty paragraph above
    find_n(&c, solution, 3).await;
    // The links stayed with the text, not the new empty line.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    wait_db(&ws, links_of_first_solution, 3).await;
    editor.send_keys("\u{E009}z\u{E000}").await.unwrap(); // Ctrl+Z
    find_n(&c, solution, 2).await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    wait_db(&ws, links_of_first_solution, 3).await;
    find_text(&c, "section[data-section=solution] .block-links", "3").await;
    c.close().await.unwrap();
}
