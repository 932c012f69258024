//! Bad workspace files and a second start: clear messages, untouched files, a usable app.

use pitchbridge_e2e::*;

#[tokio::test]
async fn a_file_that_is_not_a_workspace_shows_a_message_and_is_left_alone() {
    let sandbox = Sandbox::new();
    let bad = sandbox.path("notes.pitchbridge");
    std::fs::write(&bad, "meeting notes, not a workspace").unwrap();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&workspace_args(&bad)).await;
    assert_eq!(wait_ready(&c).await, "error");
    let screen = find(&c, "[data-testid=open-error]").await;
    let text = text_of(&c, &screen).await;
    assert!(text.contains("is not a Pitchbridge workspace"), "{text}");
    screenshot(&c, "open-error").await;
    c.close().await.unwrap();
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), "meeting notes, not a workspace");
}

#[tokio::test]
async fn a_read_only_workspace_opens_with_a_banner() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let ws = sandbox.path("shared.pitchbridge");
    // The command-line binary is built next to the app.
    let status = std::process::Command::new(app_binary().with_file_name("pitchbridge"))
        .args(["init", "--demo", ws.to_str().unwrap()])
        .status()
        .expect("run pitchbridge init");
    assert!(status.success());
    std::fs::set_permissions(&ws, std::fs::Permissions::from_mode(0o444)).unwrap();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&workspace_args(&ws)).await;
    assert_eq!(wait_ready(&c).await, "true");
    let banner = find(&c, "[data-testid=readonly-banner]").await;
    assert!(text_of(&c, &banner).await.contains("read-only"));
    find_text(&c, "[data-testid=launch-item]", "Ledgerline").await;
    screenshot(&c, "read-only").await;
    c.close().await.unwrap();
}

#[tokio::test]
async fn a_second_start_hands_over_to_the_running_app() {
    let sandbox = Sandbox::new();
    let ws = sandbox.path("one.pitchbridge");
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&workspace_args(&ws)).await;
    assert_eq!(wait_ready(&c).await, "true");
    let out = sandbox.run_app_directly(&["--workspace", ws.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("already running"), "{out:?}");
    // The first app is still there and working.
    c.find(Locator::Css("[data-testid=new-launch]")).await.unwrap();
    c.close().await.unwrap();
}
