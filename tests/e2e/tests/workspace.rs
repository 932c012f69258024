//! A writer's first session, through the real app: the demo workspace, creating a launch,
//! pasting a Factory message, changing a claim's kind, restarting and finding it all again.

use pitchbridge_e2e::*;

const MESSAGE: &str = "# Beacon 2.0\n\
Beacon is the field-service scheduler built for regional installers. It replaces whiteboards.\n\
\n\
- Crews see tomorrow's jobs on their phones.\n\
- Plans start at $19 per technician per month.\n";

#[tokio::test]
async fn demo_workspace_opens_by_default() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    find_text(&c, "[data-testid=launch-item]", "Ledgerline").await;
    click(&c, "[data-testid=nav-audiences]").await;
    find_n(&c, "[data-testid=audience-item]", 3).await;
    click(&c, "[data-testid=nav-glossary]").await;
    find(&c, "[data-testid=glossary-row]").await;
    let rows = c.find_all(Locator::Css("[data-testid=glossary-row]")).await.unwrap();
    assert!(rows.len() >= 10, "glossary rows: {}", rows.len());
    screenshot(&c, "demo-glossary").await;
    c.close().await.unwrap();
    assert!(sandbox.default_workspace().exists(), "the default workspace lives in the app-data dir");
}

#[tokio::test]
async fn create_launch_paste_message_restart_and_find_it_again() {
    let sandbox = Sandbox::new();
    let ws = sandbox.path("writer.pitchbridge");
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&workspace_args(&ws)).await;
    assert_eq!(wait_ready(&c).await, "true");

    click(&c, "[data-testid=new-launch]").await;
    fill(&c, "input[name=name]", "Beacon 2.0 launch").await;
    fill(&c, "input[name=product]", "Beacon").await;
    fill(&c, "input[name=version]", "2.0").await;
    click(&c, "[data-testid=save-launch]").await;
    find_text(&c, "[data-testid=launch-title]", "Beacon 2.0 launch").await;

    click(&c, "[data-testid=add-message]").await;
    fill(&c, "input[name=title]", "Beacon Factory message").await;
    paste(&c, "textarea[name=text]", MESSAGE).await;
    click(&c, "[data-testid=save-message]").await;
    let claims = find_n(&c, "[data-testid=claim]", 4).await;
    let first = claims[0].find(Locator::Css("[data-testid=claim-text]")).await.unwrap();
    assert_eq!(text_of(&c, &first).await, "Beacon is the field-service scheduler built for regional installers.");
    let last = claims[3].find(Locator::Css("[data-testid=claim-text]")).await.unwrap();
    assert_eq!(text_of(&c, &last).await, "Plans start at $19 per technician per month.");

    // Change the kind of claim 3 to "benefit".
    let kind = claims[2].find(Locator::Css("select[data-testid=claim-kind]")).await.unwrap();
    kind.select_by_value("benefit").await.unwrap();
    screenshot(&c, "claims").await;
    // Wait for the save to reach the workspace file.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let conn = rusqlite::Connection::open(&ws).unwrap();
        let k: String = conn.query_row("SELECT kind FROM claim WHERE number = 3", [], |r| r.get(0)).unwrap();
        if k == "benefit" {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "kind not saved");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    c.close().await.unwrap();

    // Restart: everything is there.
    let c = driver.launch(&workspace_args(&ws)).await;
    assert_eq!(wait_ready(&c).await, "true");
    let item = find_text(&c, "[data-testid=launch-item]", "Beacon 2.0 launch").await;
    item.click().await.unwrap();
    find_text(&c, "[data-testid=message-item]", "Beacon Factory message").await.click().await.unwrap();
    let claims = find_n(&c, "[data-testid=claim]", 4).await;
    let kind = claims[2].find(Locator::Css("select[data-testid=claim-kind]")).await.unwrap();
    assert_eq!(kind.prop("value").await.unwrap().as_deref(), Some("benefit"));
    let n = claims[3].find(Locator::Css("[data-testid=claim-number]")).await.unwrap();
    assert!(text_of(&c, &n).await.contains('4'));
    c.close().await.unwrap();

    let conn = rusqlite::Connection::open(&ws).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
}

#[tokio::test]
async fn rename_and_delete_a_launch_with_confirmation() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    find_text(&c, "[data-testid=launch-item]", "Ledgerline").await.click().await.unwrap();
    click(&c, "[data-testid=edit-launch]").await;
    fill(&c, "input[name=name]", "Ledgerline GA").await;
    click(&c, "[data-testid=save-launch]").await;
    find_text(&c, "[data-testid=launch-title]", "Ledgerline GA").await;
    find_text(&c, "[data-testid=launch-item]", "Ledgerline GA").await;

    click(&c, "[data-testid=delete-launch]").await;
    click(&c, "[data-testid=confirm]").await;
    find_n(&c, "[data-testid=launch-item]", 0).await;
    c.close().await.unwrap();
    let conn = rusqlite::Connection::open(sandbox.default_workspace()).unwrap();
    let n: i64 = conn.query_row("SELECT count(*) FROM launch", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0);
    let p: i64 = conn.query_row("SELECT count(*) FROM pitch", [], |r| r.get(0)).unwrap();
    assert_eq!(p, 0, "the launch's pitches went with it");
}

#[tokio::test]
async fn add_an_audience_and_create_a_pitch() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    click(&c, "[data-testid=nav-audiences]").await;
    find_n(&c, "[data-testid=audience-item]", 3).await;
    click(&c, "[data-testid=new-audience]").await;
    fill(&c, "input[name=channel]", "Retail partner").await;
    fill(&c, "input[name=persona]", "Store owner").await;
    paste(&c, "textarea[name=pains]", "Paper invoices pile up\nLate supplier payments").await;
    paste(&c, "textarea[name=customerWords]", "shoebox of receipts").await;
    click(&c, "[data-testid=save-audience]").await;
    find_n(&c, "[data-testid=audience-item]", 4).await;

    find_text(&c, "[data-testid=launch-item]", "Ledgerline").await.click().await.unwrap();
    click(&c, "[data-testid=new-pitch]").await;
    fill(&c, "input[name=title]", "Store owner elevator pitch").await;
    let audience = find(&c, "select[name=audienceId]").await;
    audience.select_by_label("Retail partner × Store owner").await.unwrap();
    find(&c, "select[name=collateralType]").await.select_by_value("elevator-pitch").await.unwrap();
    click(&c, "[data-testid=save-pitch]").await;
    find_text(&c, "h1", "Store owner elevator pitch").await;
    screenshot(&c, "new-pitch").await;
    c.close().await.unwrap();

    let conn = rusqlite::Connection::open(sandbox.default_workspace()).unwrap();
    let (t, blocks): (String, i64) = conn
        .query_row(
            "SELECT p.collateral_type, (SELECT count(*) FROM pitch_block b WHERE b.pitch_id = p.id)
             FROM pitch p WHERE p.title = 'Store owner elevator pitch'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(t, "elevator-pitch");
    assert_eq!(blocks, 5, "one block per section of the type");
    let pains: i64 = conn
        .query_row("SELECT count(*) FROM audience_research WHERE kind = 'pain' AND text LIKE '%invoices pile%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(pains, 1);
}

#[tokio::test]
async fn search_finds_a_claim_and_opens_its_message() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    let input = find(&c, "[data-testid=search-input]").await;
    input.send_keys("touchless").await.unwrap();
    let hit = find_text(&c, "[data-testid=search-result]", "ouchless").await;
    screenshot(&c, "search").await;
    hit.click().await.unwrap();
    let claim = find_text(&c, "[data-testid=claim]", "ouchless").await;
    assert!(text_of(&c, &claim).await.to_lowercase().contains("touchless"));
    c.close().await.unwrap();
}
