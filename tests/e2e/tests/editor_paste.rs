//! Bad input in the editor, through the real app: hostile HTML, an image, a 50,000-word
//! paste, and text in other scripts. Nothing from a paste runs, and what is kept is saved.

use std::time::{Duration, Instant};

use pitchbridge_e2e::*;
use serde_json::json;

const PROBLEM: &str = "[data-testid=pitch-editor] section[data-section=problem] p";

async fn open_one_pager(c: &Client) {
    find_text(c, "[data-testid=pitch-item]", "Close the books sooner").await.click().await.unwrap();
    find(c, "[data-testid=pitch-editor] [data-key]").await;
}

/// Puts the caret at the end of the Problem paragraph and pastes `data` (MIME type → value)
/// there, as the system clipboard would hand it to the page.
async fn paste_into_problem(c: &Client, data: serde_json::Value, image: bool) {
    paste_at_end_of(c, PROBLEM, data, image).await;
}

/// Pastes at the end of the last element matching `css`.
async fn paste_at_end_of(c: &Client, css: &str, data: serde_json::Value, image: bool) {
    c.execute(
        "const all = document.querySelectorAll(arguments[0]); const el = all[all.length - 1];
         const editor = el.closest('[contenteditable]');
         editor.focus();
         const r = document.createRange(); r.selectNodeContents(el); r.collapse(false);
         const s = getSelection(); s.removeAllRanges(); s.addRange(r);
         return new Promise(done => setTimeout(() => {
           const dt = new DataTransfer();
           for (const [type, value] of Object.entries(arguments[1])) dt.setData(type, value);
           if (arguments[2]) {
             const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), ch => ch.charCodeAt(0));
             dt.items.add(new File([png], 'shot.png', { type: 'image/png' }));
           }
           editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
           done(true);
         }, 100));",
        vec![json!(css), data, json!(image)],
    )
    .await
    .expect("paste");
}

fn db_text(path: &std::path::Path, sql: &str) -> String {
    rusqlite::Connection::open(path).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}

async fn wait_saved_containing(path: &std::path::Path, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let all = db_text(path, "SELECT group_concat(text, '\n') FROM pitch_block WHERE pitch_id = 2");
        if all.contains(needle) {
            return all;
        }
        assert!(Instant::now() < deadline, "{needle:?} was not saved");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn hostile_html_is_sanitised_and_other_scripts_survive() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    open_one_pager(&c).await;
    let pitch_id: i64 = db_text(&ws, "SELECT CAST(id AS TEXT) FROM pitch WHERE title LIKE 'Close the books%'").parse().unwrap();
    assert_eq!(pitch_id, 2, "the one-pager is the demo's second pitch");

    let html = r#"<html><head><style>p { color: red }</style><script>window.__pwned = 'script'</script></head>
        <body><p style="font-family: Comic Sans; color: red" onclick="window.__pwned = 'click'">Pasted <b>bold</b> and <i>italic</i>
        <a href="javascript:window.__pwned = 'link'">trap</a> <a href="https://example.com/x">site</a>
        <img src="x" onerror="window.__pwned = 'img'"> <svg onload="window.__pwned = 'svg'"></svg>
        Emoji 🚀👍🏽, Arabic مرحبا بالعالم, Hebrew שלום, CJK 请求报价 見積もり 견적</p>
        <ul><li>First point</li><li>Second point</li></ul></body></html>"#;
    paste_into_problem(&c, json!({ "text/html": html, "text/plain": "fallback" }), false).await;
    find_text(&c, "[data-testid=pitch-editor]", "견적").await;
    tokio::time::sleep(Duration::from_millis(500)).await;

    let pwned = c.execute("return window.__pwned || null", vec![]).await.unwrap();
    assert!(pwned.is_null(), "something from the paste ran: {pwned}");
    let probe = c
        .execute(
            "const ed = document.querySelector('[data-testid=pitch-editor]');
             return JSON.stringify({
               scripts: ed.querySelectorAll('script, style, img, svg, [onclick], [onerror], [style]').length,
               bold: Array.from(ed.querySelectorAll('strong')).map(e => e.textContent),
               links: Array.from(ed.querySelectorAll('a')).map(a => a.getAttribute('href')),
               items: Array.from(ed.querySelectorAll('section[data-section=problem] li')).map(e => e.textContent),
             });",
            vec![],
        )
        .await
        .unwrap();
    let probe: serde_json::Value = serde_json::from_str(probe.as_str().unwrap()).unwrap();
    assert_eq!(probe["scripts"], 0, "{probe}");
    assert!(probe["bold"].as_array().unwrap().iter().any(|b| b == "bold"), "{probe}");
    assert_eq!(probe["links"], json!(["https://example.com/x"]), "{probe}");
    assert_eq!(probe["items"], json!(["First point", "Second point"]), "{probe}");

    // Saved exactly, other scripts and emoji included; the structure kept.
    let saved = wait_saved_containing(&ws, "Second point").await;
    for needle in ["🚀👍🏽", "مرحبا بالعالم", "שלום", "请求报价 見積もり 견적", "Pasted bold and italic"] {
        assert!(saved.contains(needle), "{needle:?} missing from {saved:?}");
    }
    let kinds = db_text(&ws, "SELECT group_concat(kind) FROM pitch_block WHERE pitch_id = 2 AND text LIKE '% point'");
    assert_eq!(kinds, "bullet,bullet");
    let content = db_text(&ws, "SELECT content FROM pitch_block WHERE pitch_id = 2 AND text LIKE '%Pasted%'");
    assert!(content.contains(r#""text":"bold","bold":true"#), "{content}");
    assert!(!content.contains("javascript"), "{content}");

    // An image on its own is left out, and the writer is told.
    paste_into_problem(&c, json!({}), true).await;
    find_text(&c, "[data-testid=editor-notice]", "image was left out").await;
    screenshot(&c, "editor-paste").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_fifty_thousand_word_paste_is_kept_and_saved() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    open_one_pager(&c).await;

    // 2,500 paragraphs of 20 words: 50,000 words.
    let words = ["invoice", "approval", "ledger", "supplier", "close", "month", "faster", "team", "cash", "audit"];
    let paragraphs: Vec<String> = (0..2_500)
        .map(|p| (0..20).map(|w| words[(p * 7 + w * 3) % words.len()]).collect::<Vec<_>>().join(" ") + &format!(" p{p}."))
        .collect();
    let text = paragraphs.join("\n\n");
    assert_eq!(text.split_whitespace().count(), 52_500);
    let started = Instant::now();
    paste_into_problem(&c, json!({ "text/plain": text }), false).await;
    find_text(&c, "[data-testid=pitch-editor]", "p2499.").await;
    eprintln!("50,000-word paste shown in {:?}", started.elapsed());
    let saved = wait_saved_containing(&ws, "p2499.").await;
    eprintln!("and saved {:?} after the paste", started.elapsed());
    assert!(saved.split_whitespace().count() > 52_500);

    // Still responsive: typing after it lands and is saved.
    c.execute(
        "const ed = document.querySelector('[data-testid=pitch-editor]'); ed.focus();
         const last = ed.querySelector('section[data-section=problem] p:last-of-type');
         const r = document.createRange(); r.selectNodeContents(last); r.collapse(false);
         const s = getSelection(); s.removeAllRanges(); s.addRange(r);",
        vec![],
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(150)).await;
    find(&c, "[data-testid=pitch-editor]").await.send_keys(" Still typing.").await.unwrap();
    wait_saved_containing(&ws, "Still typing.").await;
    assert_eq!(db_text(&ws, "PRAGMA integrity_check"), "ok");
    c.close().await.unwrap();
}

#[tokio::test]
async fn word_and_libreoffice_lists_keep_their_structure() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let ws = sandbox.default_workspace();
    open_one_pager(&c).await;

    // What Word puts on the clipboard for a heading, a bulleted and a numbered list.
    let word = r#"<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal { margin: 0 }</style></head><body lang=EN-US>
<h2 style='mso-outline-level:2'>Why teams switch<o:p></o:p></h2>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Fewer <b>late</b> payments<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>No more chasing approvers<o:p></o:p></p>
<p class=MsoNormal>Then:<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Book a demo<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Start a pilot<o:p></o:p></p>
</body></html>"#;
    // Into a new, empty paragraph (pasting at the end of a non-empty one would merge the first
    // pasted block into it, as in any word processor).
    caret_at_end(&c, PROBLEM).await;
    find(&c, "[data-testid=pitch-editor]").await.send_keys("\u{E007}").await.unwrap();
    find_n(&c, "[data-testid=pitch-editor] section[data-section=problem] p", 2).await;
    paste_at_end_of(&c, "[data-testid=pitch-editor] section[data-section=problem] p", json!({ "text/html": word, "text/plain": "fallback" }), false).await;
    find_text(&c, "[data-testid=pitch-editor]", "Start a pilot").await;
    let saved = wait_saved_containing(&ws, "Start a pilot").await;
    assert!(!saved.contains('·'), "Word's bullet characters are not text: {saved:?}");
    let rows: Vec<(String, String)> = {
        let conn = rusqlite::Connection::open(&ws).unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT kind, text FROM pitch_block WHERE pitch_id = 2 AND section = 'problem' ORDER BY ordinal",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    };
    // After the paragraph that was there.
    let got: Vec<(&str, &str)> = rows[1..].iter().map(|(k, t)| (k.as_str(), t.as_str())).collect();
    assert_eq!(
        got,
        vec![
            ("heading", "Why teams switch"),
            ("bullet", "Fewer late payments"),
            ("bullet", "No more chasing approvers"),
            ("paragraph", "Then:"),
            ("bullet", "Book a demo"),
            ("bullet", "Start a pilot"),
        ]
    );
    // Numbered items are stored as list items marked numbered.
    let numbered: i64 = rusqlite::Connection::open(&ws)
        .unwrap()
        .query_row("SELECT count(*) FROM pitch_block WHERE pitch_id = 2 AND json_extract(content, '$.numbered') = 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(numbered, 2);

    // LibreOffice writes real lists.
    let libre = "<ol><li><p>Call Priya</p></li><li><p>Send the <i>brief</i></p></li></ol>";
    paste_into_problem(&c, json!({ "text/html": libre }), false).await;
    let saved = wait_saved_containing(&ws, "Send the brief").await;
    assert!(saved.contains("Call Priya"));
    c.close().await.unwrap();
}
