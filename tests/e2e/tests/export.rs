//! Exporting from the pitch screen through the real app: the Export menu, the system's save
//! dialog (accepted with Return, as a person would), the file beside the workspace, and the
//! notice naming it.

use std::time::{Duration, Instant};

use pitchbridge_e2e::*;

#[tokio::test]
async fn a_pitch_exports_to_pdf_beside_its_workspace() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");
    find_text(&c, "[data-testid=pitch-item]", "Close the books sooner").await.click().await.unwrap();
    find(&c, "[data-testid=pitch-editor] [data-key]").await;
    click(&c, "[data-testid=export-pitch]").await;
    click(&c, "[data-testid=export-pdf]").await;
    let folder = sandbox.default_workspace().parent().unwrap().to_path_buf();
    // The save dialog is the desktop's own window: Return accepts the suggested name.
    let deadline = Instant::now() + Duration::from_secs(20);
    let pdf = loop {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let _ = std::process::Command::new("xdotool").args(["key", "Return"]).status();
        let found = std::fs::read_dir(&folder).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).find(|p| p.extension().is_some_and(|x| x == "pdf"));
        if let Some(p) = found {
            break p;
        }
        assert!(Instant::now() < deadline, "no PDF appeared in {}", folder.display());
    };
    find_text(&c, "[data-testid=editor-notice]", "Exported").await;
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "{}", pdf.display());
    let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Close the books four days sooner"), "{text}");
    c.close().await.unwrap();
}
