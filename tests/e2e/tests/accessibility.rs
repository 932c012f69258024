//! Accessibility through the real app: axe-core over every screen and dialog in the desktop's
//! light and dark themes.

use pitchbridge_e2e::*;

const ESCAPE: &str = "\u{e00c}";
const CONTROL: &str = "\u{e009}";
const SHIFT: &str = "\u{e008}";
/// Lets go of the modifier keys held in a key sequence.
const RELEASE: &str = "\u{e000}";
const PASSPHRASE: &str = "a long enough passphrase";
const DRAFT_PITCH: &str = "Close the books sooner";

/// Closes the open dialog with Escape and waits until it is gone.
async fn close_dialog(c: &Client) {
    press(c, ESCAPE).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !c.find_all(Locator::Css("[role=dialog]")).await.unwrap().is_empty() {
        assert!(std::time::Instant::now() < deadline, "the dialog did not close on Escape");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// Opens a dialog with `opener`, audits it and closes it.
async fn audit_dialog(c: &Client, opener: &str, place: &str, found: &mut Vec<String>) {
    click(c, opener).await;
    find(c, "[role=dialog]").await;
    audit(c, place, found).await;
    close_dialog(c).await;
}

async fn open_launch(c: &Client) {
    find_text(c, "[data-testid=launch-item]", "Ledgerline").await.click().await.unwrap();
    find(c, "[data-testid=launch-title]").await;
}

/// Every screen and dialog of the demo workspace, as a product manager who also writes would
/// reach them, audited on the way.
async fn walk(sandbox: &Sandbox, theme: &str) -> Vec<String> {
    let mut found = Vec::new();
    let driver = Driver::start(sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let dark = c.execute("return matchMedia('(prefers-color-scheme: dark)').matches", vec![]).await.unwrap();
    assert_eq!(dark, serde_json::json!(theme == "dark"), "the page sees the desktop's {theme} theme");
    let at = |place: &str| format!("{theme}: {place}");

    audit(&c, &at("home"), &mut found).await;
    click(&c, "[data-testid=nav-profile]").await;
    find(&c, "[data-testid=profile-name]").await;
    audit(&c, &at("profile dialog"), &mut found).await;
    close_dialog(&c).await;
    make_reviewer_profile(&c, "Priya Raman", "priya@ledgerline.example", PASSPHRASE).await;
    click(&c, "[data-testid=nav-profile]").await;
    click(&c, "[data-testid=register-reviewer]").await;
    find(&c, "[data-testid=registered-here]").await;
    audit(&c, &at("profile dialog, a registered reviewer"), &mut found).await;
    close_dialog(&c).await;
    audit_dialog(&c, "[data-testid=new-launch]", &at("new launch dialog"), &mut found).await;
    fill(&c, "[data-testid=search-input]", "ledger").await;
    find(&c, "[data-testid=search-result]").await;
    audit(&c, &at("search results"), &mut found).await;
    press(&c, ESCAPE).await;
    click(&c, "[data-testid=workspace-name]").await;
    find(&c, "[data-testid=save-workspace-copy]").await;
    audit(&c, &at("workspace menu"), &mut found).await;
    press(&c, ESCAPE).await;
    press(&c, &format!("{CONTROL}/{RELEASE}")).await;
    find(&c, "[role=dialog]").await;
    audit(&c, &at("keyboard shortcuts"), &mut found).await;
    close_dialog(&c).await;

    // The launch and what opens from it.
    open_launch(&c).await;
    audit(&c, &at("launch"), &mut found).await;
    audit_dialog(&c, "[data-testid=edit-launch]", &at("edit launch dialog"), &mut found).await;
    audit_dialog(&c, "[data-testid=delete-launch]", &at("confirm dialog"), &mut found).await;
    for (keys, place) in [("m", "new Factory message dialog"), ("p", "new pitch dialog"), ("i", "import dialog")] {
        press(&c, &format!("{CONTROL}{SHIFT}{keys}{RELEASE}")).await;
        find(&c, "[role=dialog]").await;
        audit(&c, &at(place), &mut found).await;
        close_dialog(&c).await;
    }
    find_text(&c, "[data-testid=message-item]", "").await.click().await.unwrap();
    find(&c, "[data-testid=claim]").await;
    audit(&c, &at("Factory message"), &mut found).await;
    audit_dialog(&c, "[data-testid=paste-version]", &at("new message version dialog"), &mut found).await;
    audit_dialog(&c, "[data-testid=valid-until]", &at("valid-until prompt"), &mut found).await;

    // A draft pitch: the workbench, its checklist, review bar and dialogs.
    open_launch(&c).await;
    find_text(&c, "[data-testid=pitch-item]", DRAFT_PITCH).await.click().await.unwrap();
    find(&c, "[data-testid=pitch-editor] [data-key]").await;
    find(&c, "[data-testid=checklist-panel]").await;
    find(&c, "[data-testid=review-bar]").await;
    audit(&c, &at("pitch"), &mut found).await;
    screenshot(&c, &format!("{theme}-pitch")).await;
    audit_dialog(&c, "[data-testid=open-versions]", &at("pitch versions dialog"), &mut found).await;
    audit_dialog(&c, "[data-testid=pitch-verification]", &at("pitch verification dialog"), &mut found).await;
    audit_dialog(&c, "[data-testid=check-settings]", &at("check settings dialog"), &mut found).await;
    click(&c, "[data-testid=export-pitch]").await;
    find(&c, "[data-testid=export-docx]").await;
    audit(&c, &at("export menu"), &mut found).await;
    audit_dialog(&c, "[data-testid=brand-kit]", &at("brand kit dialog"), &mut found).await;
    // The toolbar's overflow menu shows only when the editor is too narrow for every tool.
    let more = find(&c, "[data-testid=more-formatting]").await;
    if more.is_displayed().await.unwrap() {
        more.click().await.unwrap();
        find(&c, "[role=menu]").await;
        audit(&c, &at("more formatting menu"), &mut found).await;
        press(&c, ESCAPE).await;
    }
    click(&c, "[data-testid=open-research]").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    audit(&c, &at("pitch with the research drawer"), &mut found).await;
    click(&c, "[data-testid=open-research]").await;
    // The writer sends the pitch to the reviewer (themself, here): the submit dialog with its
    // gate, then the reviewer's side.
    click(&c, "[data-testid=submit-review]").await;
    find_text(&c, "[data-testid=submit-reviewer] option", "Priya Raman").await;
    audit(&c, &at("submit for review dialog"), &mut found).await;
    click(&c, "[data-testid=submit-review-submit]").await;
    find(&c, "[data-testid=submit-gate]").await;
    audit(&c, &at("submit for review dialog, with what is open"), &mut found).await;
    fill(&c, "[data-testid=submit-override-reason]", "The positioning claims belong elsewhere.").await;
    click(&c, "[data-testid=submit-review-submit]").await;
    find(&c, "[data-testid=review-bar][data-status=in-review]").await;
    audit(&c, &at("pitch in review"), &mut found).await;
    click(&c, "[data-testid=decide]").await;
    find(&c, "[data-testid=decide-passphrase]").await;
    audit(&c, &at("decide dialog"), &mut found).await;
    close_dialog(&c).await;
    // A comment on the first words of claim 1.
    select_claim_words(&c, 1).await;
    click(&c, "[data-testid=add-comment]").await;
    find(&c, "[role=dialog]").await;
    audit(&c, &at("comment dialog"), &mut found).await;
    close_dialog(&c).await;

    // The launch's readiness, training and results.
    open_launch(&c).await;
    click(&c, "[data-testid=open-readiness]").await;
    find(&c, "[data-testid=readiness-matrix]").await;
    audit(&c, &at("readiness"), &mut found).await;
    screenshot(&c, &format!("{theme}-readiness")).await;
    audit_dialog(&c, "[data-testid=edit-targets]", &at("readiness targets dialog"), &mut found).await;
    audit_dialog(&c, "[data-testid=readiness-settings]", &at("readiness settings dialog"), &mut found).await;
    if !c.find_all(Locator::Css("[data-testid=reverify]")).await.unwrap().is_empty() {
        audit_dialog(&c, "[data-testid=reverify]", &at("re-verify dialog"), &mut found).await;
    }
    open_launch(&c).await;
    click(&c, "[data-testid=open-training]").await;
    find_text(&c, "[data-testid=training-title]", "Training kit").await;
    audit(&c, &at("training, no audience chosen"), &mut found).await;
    find(&c, "[data-testid=training-audience]").await.select_by_label("VAR × IT director").await.unwrap();
    find(&c, "[data-testid=training-summary]").await;
    audit(&c, &at("training"), &mut found).await;
    if !c.find_all(Locator::Css("[data-testid=submit-kit]:not([disabled])")).await.unwrap().is_empty() {
        click(&c, "[data-testid=submit-kit]").await;
        find_text(&c, "[data-testid=submit-kit-reviewer] option", "Priya Raman").await;
        audit(&c, &at("send kit for review dialog"), &mut found).await;
        click(&c, "[data-testid=submit-kit-submit]").await;
        find(&c, "[data-testid=decide-kit]").await;
        audit(&c, &at("training kit in review"), &mut found).await;
        audit_dialog(&c, "[data-testid=decide-kit]", &at("kit decision dialog"), &mut found).await;
    }
    open_launch(&c).await;
    click(&c, "[data-testid=open-results]").await;
    find(&c, "[data-testid=results-scope]").await;
    audit(&c, &at("results"), &mut found).await;
    audit_dialog(&c, "[data-testid=results-scope]", &at("results scope dialog"), &mut found).await;

    // The workspace's own screens.
    click(&c, "[data-testid=nav-audiences]").await;
    find(&c, "[data-testid=audience-item]").await;
    audit(&c, &at("audiences"), &mut found).await;
    audit_dialog(&c, "[data-testid=new-audience]", &at("audience dialog"), &mut found).await;
    click(&c, "[data-testid=nav-glossary]").await;
    find(&c, "[data-testid=glossary-row]").await;
    audit(&c, &at("glossary"), &mut found).await;
    audit_dialog(&c, "[data-testid=add-term]", &at("glossary term dialog"), &mut found).await;
    click(&c, "[data-testid=nav-audit]").await;
    find(&c, "[data-testid=audit-verdict]").await;
    audit(&c, &at("audit trail"), &mut found).await;
    c.close().await.unwrap();

    // A file to import, opened with the app: the import preview (its claims, what was skipped).
    let brief = sandbox.path("brief.md");
    std::fs::write(&brief, "# Ledgerline brief\n\n## Why now\n\n- Month-end closes four days sooner.\n- Invoices match themselves.\n").unwrap();
    let c = driver.launch(&["--import".into(), brief.display().to_string()]).await;
    wait_ready(&c).await;
    find(&c, "[data-testid=import-claim]").await;
    audit(&c, &at("import preview"), &mut found).await;
    c.close().await.unwrap();

    // A workspace that cannot be opened: the screen that says so.
    let broken = sandbox.path("broken.pitchbridge");
    std::fs::write(&broken, b"this is not a workspace").unwrap();
    let c = driver.launch(&workspace_args(&broken)).await;
    wait_ready(&c).await;
    find(&c, "[data-testid=open-error]").await;
    audit(&c, &at("workspace that cannot be opened"), &mut found).await;
    c.close().await.unwrap();
    found
}

#[tokio::test]
async fn every_screen_and_dialog_passes_axe_in_the_light_theme() {
    let sandbox = Sandbox::new();
    sandbox.desktop_settings(false, false);
    let found = walk(&sandbox, "light").await;
    assert!(found.is_empty(), "{} accessibility violations:\n{}", found.len(), found.join("\n"));
}

#[tokio::test]
async fn every_screen_and_dialog_passes_axe_in_the_dark_theme() {
    let sandbox = Sandbox::new();
    sandbox.desktop_settings(true, false);
    let found = walk(&sandbox, "dark").await;
    assert!(found.is_empty(), "{} accessibility violations:\n{}", found.len(), found.join("\n"));
}

/// Presses keys on the app's window as a person would (X key events, which reach the native
/// menu's accelerators), e.g. `ctrl+equal`.
async fn x_key(keys: &str) {
    let ok = std::process::Command::new("xdotool").args(["key", keys]).status().map(|s| s.success()).unwrap_or(false);
    assert!(ok, "xdotool key {keys}");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
}

async fn css_width(c: &Client) -> f64 {
    c.execute("return window.innerWidth", vec![]).await.unwrap().as_f64().unwrap()
}

/// Every control on the screen, scrolled into view the way the person could scroll (only
/// through boxes that scroll), must then be on screen and not covered: what cannot be reached
/// is listed. The page itself must not be wider than the window (it does not scroll).
const REACHABLE: &str = r#"
const problems = [];
const doc = document.documentElement;
if (doc.scrollWidth > innerWidth + 1) problems.push(`the page is ${doc.scrollWidth}px wide in a ${innerWidth}px window`);
const controls = document.querySelectorAll('a[href], button, input, select, textarea, [tabindex="0"], [role=option], [contenteditable=true]');
const name = (e) => (e.getAttribute('aria-label') || e.textContent || e.getAttribute('placeholder') || e.outerHTML.slice(0, 60)).trim().replace(/\s+/g, ' ').slice(0, 50);
// Under a modal dialog only the dialog's controls can be used.
const modal = document.querySelector('[aria-modal=true]');
for (const e of controls) {
  if (e.closest('.visually-hidden, [hidden], [inert]')) continue;
  if (modal && !modal.contains(e)) continue;
  const style = getComputedStyle(e);
  if (style.visibility === 'hidden' || style.display === 'none') continue;
  const r0 = e.getBoundingClientRect();
  if (r0.width === 0 && r0.height === 0) continue;
  e.scrollIntoView({ block: 'center', inline: 'center' });
  // Only boxes that scroll may have moved: a box that hides its overflow has nothing to scroll it with.
  for (let a = e.parentElement; a; a = a.parentElement) {
    const s = getComputedStyle(a);
    if (a.scrollTop > 0 && !/(auto|scroll)/.test(s.overflowY) && a !== document.scrollingElement) problems.push(`${name(e)}: hidden below the edge of ${a.className || a.tagName}`);
    if (a.scrollLeft > 0 && !/(auto|scroll)/.test(s.overflowX) && a !== document.scrollingElement) problems.push(`${name(e)}: hidden past the side of ${a.className || a.tagName}`);
  }
  const r = e.getBoundingClientRect();
  // The middle of the part on screen (a control taller than the window shows only a part).
  const x = (Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2;
  const y = (Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2;
  if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) { problems.push(`${name(e)}: off screen`); continue; }
  const hit = document.elementFromPoint(x, y);
  if (hit && hit !== e && !e.contains(hit) && !hit.contains(e) && !(e.tagName === 'INPUT' && hit.tagName === 'LABEL' && hit.contains(e))) {
    const label = hit.closest('label');
    if (!(label && label.contains(e))) problems.push(`${name(e)}: covered by ${hit.className || hit.tagName}`);
  }
}
// Put every box back where it was.
for (const a of document.querySelectorAll('*')) { if (a.scrollTop) a.scrollTop = 0; if (a.scrollLeft) a.scrollLeft = 0; }
return [...new Set(problems)];
"#;

async fn unreachable(c: &Client, place: &str, found: &mut Vec<String>) {
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let problems = c.execute(REACHABLE, vec![]).await.expect("reachability script");
    for p in problems.as_array().unwrap() {
        found.push(format!("{place}: {}", p.as_str().unwrap_or_default()));
    }
    screenshot(c, &format!("zoom-200-{}", place.replace(' ', "-"))).await;
}

/// Opens the sidebar's drawer (a narrow window shows the sidebar only on request).
async fn menu(c: &Client) {
    activate(c, "[data-testid=open-nav]", "").await;
    find(c, ".shell.nav-open").await;
}

/// Presses Enter on the control matching `css` that contains `text`. (At a page zoom
/// WebKitWebDriver clicks at unzoomed coordinates, beside the control; keys go to the element.)
async fn activate(c: &Client, css: &str, text: &str) {
    find_text(c, css, text).await.send_keys("\u{e007}").await.unwrap_or_else(|e| panic!("Enter on {css}: {e}"));
}

#[tokio::test]
async fn at_200_percent_zoom_every_control_can_still_be_reached() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let actual = css_width(&c).await;
    // View → Zoom In, five steps: 110, 125, 150, 175, 200%.
    for _ in 0..5 {
        x_key("ctrl+equal").await;
    }
    let zoomed = css_width(&c).await;
    assert!((actual / zoomed - 2.0).abs() < 0.05, "the page is {zoomed} CSS px wide at 200% (was {actual})");

    let mut found = Vec::new();
    unreachable(&c, "home", &mut found).await;
    // The sidebar is a drawer now, opened from the menu button; what is in it can be reached.
    menu(&c).await;
    unreachable(&c, "sidebar drawer", &mut found).await;
    press(&c, ESCAPE).await;
    menu(&c).await;
    activate(&c, "[data-testid=launch-item]", "Ledgerline").await;
    find(&c, "[data-testid=launch-title]").await;
    unreachable(&c, "launch", &mut found).await;
    activate(&c, "main [data-testid=message-item]", "").await;
    find(&c, "[data-testid=claim]").await;
    unreachable(&c, "Factory message", &mut found).await;
    menu(&c).await;
    activate(&c, "[data-testid=launch-item]", "Ledgerline").await;
    find(&c, "[data-testid=launch-title]").await;
    activate(&c, "main [data-testid=pitch-item]", DRAFT_PITCH).await;
    find(&c, "[data-testid=pitch-editor] [data-key]").await;
    find(&c, "[data-testid=check-rule]").await;
    unreachable(&c, "pitch", &mut found).await;
    c.execute("document.querySelector('.claims-pane').scrollIntoView()", vec![]).await.unwrap();
    screenshot(&c, "zoom-200-pitch-claims").await;
    c.execute("document.querySelector('.editor-pane').scrollIntoView()", vec![]).await.unwrap();
    screenshot(&c, "zoom-200-pitch-editor").await;
    menu(&c).await;
    activate(&c, "[data-testid=launch-item]", "Ledgerline").await;
    find(&c, "[data-testid=launch-title]").await;
    activate(&c, "[data-testid=open-readiness]", "").await;
    find(&c, "[data-testid=readiness-matrix]").await;
    unreachable(&c, "readiness", &mut found).await;
    menu(&c).await;
    activate(&c, "[data-testid=launch-item]", "Ledgerline").await;
    find(&c, "[data-testid=launch-title]").await;
    activate(&c, "[data-testid=open-training]", "").await;
    find(&c, "[data-testid=training-audience]").await;
    c.execute(
        "const s = document.querySelector('[data-testid=training-audience]');
         s.value = [...s.options].find((o) => o.text.includes('VAR')).value;
         s.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![],
    )
    .await
    .unwrap();
    find(&c, "[data-testid=training-summary]").await;
    unreachable(&c, "training", &mut found).await;
    menu(&c).await;
    activate(&c, "[data-testid=launch-item]", "Ledgerline").await;
    find(&c, "[data-testid=launch-title]").await;
    activate(&c, "[data-testid=open-results]", "").await;
    find(&c, "[data-testid=results-scope]").await;
    unreachable(&c, "results", &mut found).await;
    menu(&c).await;
    activate(&c, "[data-testid=nav-audiences]", "").await;
    find(&c, "[data-testid=audience-item]").await;
    unreachable(&c, "audiences", &mut found).await;
    menu(&c).await;
    activate(&c, "[data-testid=nav-glossary]", "").await;
    find(&c, "[data-testid=glossary-row]").await;
    unreachable(&c, "glossary", &mut found).await;
    menu(&c).await;
    activate(&c, "[data-testid=nav-audit]", "").await;
    find(&c, "[data-testid=audit-verdict]").await;
    unreachable(&c, "audit trail", &mut found).await;
    menu(&c).await;
    activate(&c, "[data-testid=nav-profile]", "").await;
    find(&c, "[data-testid=profile-name]").await;
    unreachable(&c, "profile dialog", &mut found).await;
    close_dialog(&c).await;
    c.close().await.unwrap();
    assert!(found.is_empty(), "{} controls out of reach at 200%:\n{}", found.len(), found.join("\n"));

    // The zoom is remembered: the next start is at 200% too; Ctrl+0 goes back to actual size.
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let again = css_width(&c).await;
    assert!((actual / again - 2.0).abs() < 0.05, "after a restart the page is {again} CSS px wide");
    x_key("ctrl+0").await;
    assert!((css_width(&c).await - actual).abs() < 2.0, "Ctrl+0 is actual size");
    c.close().await.unwrap();
}

#[tokio::test]
async fn the_desktops_reduce_motion_setting_stops_fades_and_glides() {
    let sandbox = Sandbox::new();
    sandbox.desktop_settings(false, true);
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let reduce = c.execute("return matchMedia('(prefers-reduced-motion: reduce)').matches", vec![]).await.unwrap();
    assert_eq!(reduce, serde_json::json!(true), "the page sees the desktop's setting");
    // A dialog appears at once instead of fading in.
    click(&c, "[data-testid=nav-profile]").await;
    find(&c, "[role=dialog]").await;
    let fades = c
        .execute(
            "return [...document.querySelectorAll('*')].map((e) => getComputedStyle(e))
               .filter((s) => s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.01 && s.animationIterationCount !== 'infinite').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(fades, serde_json::json!(0), "no element animates for longer than a frame");
    close_dialog(&c).await;
    c.close().await.unwrap();

    // Without the setting the same dialog fades in: the check above can tell.
    let sandbox = Sandbox::new();
    sandbox.desktop_settings(false, false);
    drop(driver);
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    click(&c, "[data-testid=nav-profile]").await;
    find(&c, "[role=dialog]").await;
    let durations = c
        .execute("return [...document.querySelectorAll('.backdrop')].map((e) => getComputedStyle(e).animationDuration)", vec![])
        .await
        .unwrap();
    assert_eq!(durations, serde_json::json!(["0.12s"]), "the dialog's backdrop fades in over 120 ms");
    c.close().await.unwrap();
}
