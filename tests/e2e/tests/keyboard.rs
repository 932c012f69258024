//! The main flow with the keyboard alone, through the real app: open a launch and a pitch,
//! write, link a claim, fix a finding, submit, comment, decide and export, pressing only keys
//! (sent to whatever has the focus, never to an element picked by the test), with the focus
//! visible at every step and never stuck anywhere but in a modal dialog.

use std::time::{Duration, Instant};

use pitchbridge_e2e::*;
use serde_json::json;

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";
const SPACE: &str = "\u{e00d}";
const DOWN: &str = "\u{e015}";
const END: &str = "\u{e010}";
const SHIFT: &str = "\u{e008}";
const CONTROL: &str = "\u{e009}";
const ALT: &str = "\u{e00a}";
const F6: &str = "\u{e036}";
/// Lets go of the modifier keys held in a key sequence.
const RELEASE: &str = "\u{e000}";

const PASSPHRASE: &str = "a long enough passphrase";
const DRAFT_PITCH: &str = "Close the books sooner";
const SENTENCE: &str = "Controllers sign off the the close four days sooner.";

/// What the focused element shows of its focus: "" when a focus ring (an outline or a ring
/// shadow) can be seen on it, on the option a list box points at, or on the pane of a text
/// being written in; otherwise what has the focus, for the failure message.
const FOCUS_SHOWN: &str = r#"
const e = document.activeElement;
if (!e || e === document.body) return 'body';
const ring = (el) => { const s = getComputedStyle(el); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
let target = e;
const active = e.getAttribute('aria-activedescendant');
if (active && document.getElementById(active)) target = document.getElementById(active);
if (ring(target)) return '';
if (e.isContentEditable || e.classList.contains('pitch-doc')) {
  for (let a = e.parentElement, i = 0; a && i < 4; a = a.parentElement, i++) if (ring(a)) return '';
}
return e.outerHTML.slice(0, 120);
"#;

struct Keyboard<'a> {
    c: &'a Client,
    /// Steps where the focus could not be seen.
    unseen: Vec<String>,
}

impl Keyboard<'_> {
    /// Presses keys on whatever has the focus.
    async fn keys(&self, keys: &str) {
        self.c.active_element().await.expect("focused element").send_keys(keys).await.expect("keys");
        tokio::time::sleep(Duration::from_millis(60)).await;
    }

    async fn active_matches(&self, css: &str, text: &str) -> bool {
        self.c
            .execute(
                "const e = document.activeElement; return !!e && e.matches(arguments[0]) && e.textContent.includes(arguments[1]);",
                vec![json!(css), json!(text)],
            )
            .await
            .expect("script")
            == json!(true)
    }

    async fn check_focus_shown(&mut self, step: &str) {
        let shown = self.c.execute(FOCUS_SHOWN, vec![]).await.expect("focus script");
        let shown = shown.as_str().unwrap_or_default();
        // The focus leaves the page for the window's menu bar at the end of the tab order;
        // that is where the page ends, not a place the focus is lost.
        if !shown.is_empty() && shown != "body" {
            self.unseen.push(format!("{step}: {shown}"));
        }
    }

    /// Presses Tab (Shift+Tab with `back`) until the focus is on an element matching `css`
    /// that contains `text`, checking at each stop that the focus can be seen.
    async fn tab_to(&mut self, css: &str, text: &str, back: bool) -> usize {
        let key = if back { format!("{SHIFT}{TAB}{RELEASE}") } else { TAB.to_string() };
        for presses in 1..=200 {
            self.keys(&key).await;
            self.check_focus_shown(&format!("tabbing to {css}")).await;
            if self.active_matches(css, text).await {
                return presses;
            }
        }
        panic!("Tab never reached {css} containing {text:?}");
    }

    async fn wait_for(&self, css: &str) {
        find(self.c, css).await;
    }
}

#[tokio::test]
async fn the_main_flow_with_the_keyboard_alone() {
    let sandbox = Sandbox::new();
    let ws = sandbox.default_workspace();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    // The person is writer and reviewer here (the demo's product manager role is theirs).
    make_registered_reviewer(&c, "Priya Raman", "priya@ledgerline.example", PASSPHRASE).await;
    c.execute("document.activeElement.blur()", vec![]).await.unwrap();
    let mut k = Keyboard { c: &c, unseen: Vec::new() };

    // Open the launch, then the pitch.
    k.tab_to("[data-testid=launch-item]", "Ledgerline", false).await;
    k.keys(ENTER).await;
    k.wait_for("[data-testid=launch-title]").await;
    k.tab_to("[data-testid=pitch-item]", DRAFT_PITCH, false).await;
    k.keys(ENTER).await;
    k.wait_for("[data-testid=pitch-editor] [data-key]").await;
    screenshot(&c, "keyboard-pitch-opened").await;

    // Write: a new paragraph at the end of the text.
    k.tab_to(".pitch-doc", "", false).await;
    k.keys(&format!("{CONTROL}{END}{RELEASE}")).await;
    k.keys(ENTER).await;
    k.keys(SENTENCE).await;
    wait_db(&ws, &format!("SELECT count(*) FROM pitch_block WHERE text = '{SENTENCE}'"), 1).await;
    k.check_focus_shown("writing").await;

    // Link claim 13 to it: F6 to the claims, ↓ to the claim, Space to choose it, Enter to link.
    k.keys(F6).await;
    assert!(k.active_matches("[data-testid=claims-pane]", "").await, "F6 goes to the claims");
    k.check_focus_shown("in the claims").await;
    for _ in 0..12 {
        k.keys(DOWN).await;
    }
    k.keys(SPACE).await;
    k.keys(ENTER).await;
    find_text(&c, "[data-testid=linked-claim]", "Claim 13").await;
    wait_db(&ws, &format!("SELECT count(*) FROM pitch_block b JOIN block_claim_link l ON l.block_id = b.id JOIN claim c ON c.id = l.claim_id WHERE b.text = '{SENTENCE}' AND c.number = 13"), 1).await;
    // F6 again: back in the text, which still has the focus ring of its pane.
    k.keys(F6).await;
    assert!(k.active_matches(".pitch-doc", "").await, "F6 goes back to the text");

    // Tab out of the text (no trap) to the doubled word the checks found, and fix it.
    k.wait_for("[data-testid=check-rule][data-rule=repeated-word][data-open='1']").await;
    k.tab_to("[data-testid=check-rule][data-rule=repeated-word] .rule-row", "", false).await;
    k.keys(ENTER).await;
    k.tab_to("[data-testid=check-rule][data-rule=repeated-word] [data-testid=apply-suggestion]", "", false).await;
    k.keys(ENTER).await;
    wait_db(&ws, "SELECT count(*) FROM pitch_block WHERE text = 'Controllers sign off the close four days sooner.'", 1).await;
    screenshot(&c, "keyboard-finding-fixed").await;

    // The whole pitch screen in one round of Tab: back to the text, never stuck on the way.
    let stops = k.tab_to(".pitch-doc", "", false).await;
    assert!(stops > 20, "one round of Tab visits every control ({stops} stops)");

    // Submit: Shift+Tab back to the review bar, the dialog's fields, Ctrl+Enter to send; the
    // open findings ask for a reason, typed where the focus goes.
    k.tab_to("[data-testid=submit-review]", "", true).await;
    k.keys(ENTER).await;
    k.wait_for("[data-testid=submit-note]").await;
    k.tab_to("[data-testid=submit-note]", "", false).await;
    k.keys("Ready for the partner summit.").await;
    k.keys(&format!("{CONTROL}{ENTER}{RELEASE}")).await;
    k.wait_for("[data-testid=submit-gate]").await;
    k.tab_to("[data-testid=submit-override-reason]", "", false).await;
    k.keys("The positioning claims belong in the one-pager's sibling.").await;
    k.keys(&format!("{CONTROL}{ENTER}{RELEASE}")).await;
    k.wait_for("[data-testid=review-bar][data-status=in-review]").await;
    // Said to a screen reader, once (the writer here is also the reviewer it waits for).
    find_text(&c, "[data-testid=review-announcement]", "Priya Raman asks you to review this pitch").await;

    // Comment, as the reviewer: in the text (now read-only) ↓ selects a paragraph whole, and
    // Ctrl+Alt+M comments on it.
    k.tab_to(".pitch-doc", "", false).await;
    k.keys(DOWN).await;
    k.keys(DOWN).await;
    k.keys(&format!("{CONTROL}{ALT}m{RELEASE}")).await;
    k.wait_for("[role=dialog] textarea").await;
    k.check_focus_shown("comment dialog").await;
    k.keys("Say which ERPs, by name.").await;
    k.keys(&format!("{CONTROL}{ENTER}{RELEASE}")).await;
    wait_db(&ws, "SELECT count(*) FROM comment WHERE body = 'Say which ERPs, by name.'", 1).await;

    // Decide: ask for changes, with a reason, signed with the passphrase.
    k.tab_to("[data-testid=decide]", "", true).await;
    k.keys(ENTER).await;
    k.wait_for("[data-testid=decide-passphrase]").await;
    // A radio group is one stop for Tab; ↓ moves to (and chooses) the next choice that can be
    // made ("Approve with my edits" cannot: there are none).
    k.tab_to("[data-testid=outcome-approve]", "", false).await;
    k.keys(DOWN).await;
    assert!(k.active_matches("[data-testid=outcome-changes]:checked", "").await, "↓ chooses Request changes");
    k.tab_to("[data-testid=decide-reasons]", "", false).await;
    k.keys("Name the ERPs; the rest reads well.").await;
    k.tab_to("[data-testid=decide-passphrase]", "", false).await;
    k.keys(PASSPHRASE).await;
    // The dialog's hint: Ctrl+Enter signs (Enter alone moves to the next field of a form with
    // text areas).
    k.keys(&format!("{CONTROL}{ENTER}{RELEASE}")).await;
    k.wait_for("[data-testid=review-bar][data-status=changes-requested]").await;
    find_text(&c, "[data-testid=review-announcement]", "Priya Raman requested changes: Name the ERPs").await;
    screenshot(&c, "keyboard-decided").await;

    // Export: Ctrl+E opens the menu with the focus on its first item; ↓ to PDF, Enter, and
    // the desktop's save dialog takes Return.
    k.tab_to(".pitch-doc", "", false).await;
    k.keys(&format!("{CONTROL}e{RELEASE}")).await;
    k.wait_for("[data-testid=export-docx]").await;
    assert!(k.active_matches("[data-testid=export-docx]", "").await, "the menu takes the focus");
    k.check_focus_shown("export menu").await;
    k.keys(DOWN).await;
    assert!(k.active_matches("[data-testid=export-pdf]", "").await, "↓ moves in the menu");
    k.keys(ENTER).await;
    let folder = ws.parent().unwrap().to_path_buf();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let _ = std::process::Command::new("xdotool").args(["key", "Return"]).status();
        let pdf = std::fs::read_dir(&folder).unwrap().filter_map(|e| e.ok()).any(|e| e.path().extension().is_some_and(|x| x == "pdf"));
        if pdf {
            break;
        }
        assert!(Instant::now() < deadline, "no PDF appeared in {}", folder.display());
    }
    find_text(&c, "[data-testid=editor-notice]", "Exported").await;
    let unseen = std::mem::take(&mut k.unseen);
    c.close().await.unwrap();
    assert!(unseen.is_empty(), "the focus could not be seen at {} stops:\n{}", unseen.len(), unseen.join("\n"));
}
