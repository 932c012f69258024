//! Real files: DOCX made by pandoc and by LibreOffice during the test (not by us), Markdown and
//! text; the claims that come out are compared exactly.

use std::path::{Path, PathBuf};
use std::process::Command;

use pitchbridge_core::split::split_message;
use pitchbridge_import::*;

fn claims(imported: &Imported) -> Vec<(String, String)> {
    split_message(&imported.source).into_iter().map(|c| (c.section, c.text)).collect()
}

fn pairs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
}

const BRIEF_MD: &str = r#"# Ledgerline 4.0 brief

Ledgerline is the AP platform for mid-market teams. It reads every invoice.

## Features

- Capture reads **PDFs** and *scans*.
    - Line items are matched to the PO.
- Approvals route by amount.

1. Connect your ERP.
2. Go live in 30 days.

## Pricing

| Tier | Price | Invoices |
|------|-------|----------|
| Core | $1,450 per month | 1,500 |
| Plus | $2,900 per month | 5,000 |

![Screenshot](shot.png)
"#;

/// The claims every format of the brief must give.
fn expected_brief() -> Vec<(&'static str, &'static str)> {
    vec![
        ("Ledgerline 4.0 brief", "Ledgerline is the AP platform for mid-market teams."),
        ("Ledgerline 4.0 brief", "It reads every invoice."),
        ("Features", "Capture reads PDFs and scans."),
        ("Features", "Line items are matched to the PO."),
        ("Features", "Approvals route by amount."),
        ("Features", "Connect your ERP."),
        ("Features", "Go live in 30 days."),
        ("Pricing", "Core; Price: $1,450 per month; Invoices: 1,500"),
        ("Pricing", "Plus; Price: $2,900 per month; Invoices: 5,000"),
    ]
}

#[test]
fn markdown_with_nested_lists_tables_and_emphasis() {
    let got = import_markdown(BRIEF_MD.as_bytes(), "brief").unwrap();
    assert_eq!(got.title, "Ledgerline 4.0 brief");
    assert_eq!(pairs(&claims(&got)), expected_brief());
    assert!(got.source.contains("**PDFs** and *scans*"), "emphasis is kept in the source: {}", got.source);
    assert_eq!(got.report.images_skipped, 1);
    assert_eq!(got.report.tables, 1);
}

fn tool(name: &str) -> PathBuf {
    let found = Command::new("sh").args(["-c", &format!("command -v {name}")]).output().unwrap();
    assert!(found.status.success(), "{name} is needed to make test documents (scripts/test.sh installs it)");
    PathBuf::from(String::from_utf8(found.stdout).unwrap().trim())
}

fn pandoc_docx(dir: &Path, markdown: &str) -> PathBuf {
    let src = dir.join("in.md");
    std::fs::write(&src, markdown).unwrap();
    let out = dir.join("pandoc.docx");
    let status = Command::new(tool("pandoc")).arg(&src).arg("-o").arg(&out).status().unwrap();
    assert!(status.success());
    out
}

#[test]
fn docx_from_pandoc_with_comments_and_tracked_changes() {
    let dir = tempfile::tempdir().unwrap();
    // Pandoc cannot embed an image that is not there, so this copy has none; in pandoc's
    // Markdown a comment's text is the content of its comment-start span.
    let brief = BRIEF_MD.replace("![Screenshot](shot.png)\n", "");
    let md = format!(
        "{brief}\n## Proof\n\nThe team [Check this number with finance]{{.comment-start id=\"1\" author=\"Priya\" date=\"2026-01-01T00:00:00Z\"}}closes[]{{.comment-end id=\"1\"}} the month [four]{{.deletion author=\"Priya\" date=\"2026-01-01T00:00:00Z\"}}[five]{{.insertion author=\"Priya\" date=\"2026-01-01T00:00:00Z\"}} days faster.\n"
    );
    let file = pandoc_docx(dir.path(), &md);
    let got = import_file(&file).unwrap();
    assert_eq!(got.format, SourceFormat::Docx);
    let mut want = expected_brief();
    want.push(("Proof", "The team closes the month five days faster."));
    assert_eq!(pairs(&claims(&got)), want);
    assert!(got.source.contains("**PDFs** and *scans*"), "{}", got.source);
    assert_eq!(got.report.comments, vec!["Check this number with finance".to_string()]);
    assert_eq!((got.report.insertions_accepted, got.report.deletions_dropped), (1, 1));
    assert_eq!(got.report.tables, 1);
}

#[test]
fn docx_from_libreoffice_with_headings_nested_lists_and_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("brief.html");
    std::fs::write(
        &html,
        "<html><body><h1>Ledgerline 4.0 brief</h1>\
         <p>Ledgerline is the AP platform for mid-market teams. It reads every invoice.</p>\
         <h2>Features</h2>\
         <ul><li>Capture reads <b>PDFs</b> and <i>scans</i>.<ul><li>Line items are matched to the PO.</li></ul></li>\
         <li>Approvals route by amount.</li></ul>\
         <ol><li>Connect your ERP.</li><li>Go live in 30 days.</li></ol>\
         <h2>Pricing</h2>\
         <table><tr><th>Tier</th><th>Price</th><th>Invoices</th></tr>\
         <tr><td>Core</td><td>$1,450 per month</td><td>1,500</td></tr>\
         <tr><td>Plus</td><td>$2,900 per month</td><td>5,000</td></tr></table>\
         </body></html>",
    )
    .unwrap();
    let profile = dir.path().join("profile");
    let status = Command::new(tool("soffice"))
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .args(["--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(dir.path())
        .arg(&html)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let got = import_file(&dir.path().join("brief.docx")).unwrap();
    assert_eq!(pairs(&claims(&got)), expected_brief(), "source:\n{}", got.source);
    assert!(got.source.contains("**PDFs**"), "{}", got.source);
}

#[test]
fn plain_text_is_taken_as_it_is() {
    let got = import_text("Ledgerline reads invoices.\n\n- One\n- Two\n".as_bytes(), "notes").unwrap();
    assert_eq!(got.title, "notes");
    assert_eq!(split_message(&got.source).len(), 3);
}
