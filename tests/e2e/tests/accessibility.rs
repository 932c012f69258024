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
    press(&c, "?").await;
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
    audit_dialog(&c, "[data-testid=open-versions]", &at("pitch versions dialog"), &mut found).await;
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
    c.execute(
        "const p = document.querySelector('[data-testid=claim-row][data-number=\"1\"] .text');
         const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); let t = walker.nextNode();
         while (t && t.textContent.trim().length < 12) t = walker.nextNode();
         const start = t.textContent.search(/\\S/); const r = document.createRange(); r.setStart(t, start); r.setEnd(t, start + 10);
         const s = getSelection(); s.removeAllRanges(); s.addRange(r);",
        vec![],
    )
    .await
    .unwrap();
    click(&c, "[data-testid=add-comment]").await;
    find(&c, "[role=dialog]").await;
    audit(&c, &at("comment dialog"), &mut found).await;
    close_dialog(&c).await;

    // The launch's readiness, training and results.
    open_launch(&c).await;
    click(&c, "[data-testid=open-readiness]").await;
    find(&c, "[data-testid=readiness-matrix]").await;
    audit(&c, &at("readiness"), &mut found).await;
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
