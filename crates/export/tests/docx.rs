//! DOCX out of the export, opened by what people open it with: python-docx reads the styles,
//! numbering, footer field and hyperlinks; LibreOffice converts it to PDF. Same input, same
//! bytes.

use std::process::Command;

use pitchbridge_export::sources::from_markdown;
use pitchbridge_export::{write_docx, Approval, Brand};

const PITCH: &str = "# Close the books sooner

A one-pager for distributor CFOs.

## Problem

Finance teams still **type invoice details** by hand and *chase approvers* by email.

## Benefits

- Close four days sooner.
- No more re-keying.
- Fewer duplicate payments.

## How to start

1. Send one month of invoices.
2. See your cost per invoice.

| Objection | Response |
|---|---|
| We already have an AP module. | Ledgerline works inside it. |

## Call to action

Book a review at [ledgerline.example/review](https://ledgerline.example/review).
";

fn python_docx(path: &std::path::Path, script: &str) -> String {
    let out = Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(format!("import docx, sys\nd = docx.Document(sys.argv[1])\n{script}"))
        .arg(path)
        .output()
        .expect("python3 with python-docx (scripts/test.sh installs python3-docx)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn word_styles_numbering_footer_and_links_survive() {
    let dir = tempfile::tempdir().unwrap();
    let doc = from_markdown(PITCH, None, Brand::default());
    let bytes = write_docx(&doc).unwrap();
    if let Ok(keep) = std::env::var("KEEP_EXPORT") {
        std::fs::write(format!("{keep}/a.docx"), &bytes).unwrap();
        std::fs::write(format!("{keep}/b.docx"), write_docx(&doc).unwrap()).unwrap();
    }
    assert!(bytes == write_docx(&doc).unwrap(), "the same input gives the same bytes");
    let path = dir.path().join("pitch.docx");
    std::fs::write(&path, &bytes).unwrap();

    let styles = python_docx(
        &path,
        "ps = list(d.paragraphs) + [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]\nprint('|'.join(sorted({p.style.name for p in ps})))",
    );
    for name in ["Title", "Heading 1", "List Bullet", "List Number", "Normal", "Call to Action"] {
        assert!(styles.contains(name), "{name} in {styles}");
    }
    let default = python_docx(&path, "print(d.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH).name)");
    assert_eq!(default.trim(), "Normal");
    // Every list paragraph carries its numbering; the numbered list restarts at 1.
    let numbered = python_docx(
        &path,
        "print(sum(1 for p in d.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None))",
    );
    assert_eq!(numbered.trim(), "5");
    let footer = python_docx(&path, "print(d.sections[0].footer._element.xml)");
    assert!(footer.contains("PAGE") && footer.contains("NUMPAGES"), "{footer}");
    let links = python_docx(
        &path,
        "print('|'.join(r.target_ref for r in d.part.rels.values() if r.reltype.endswith('/hyperlink')))",
    );
    assert_eq!(links.trim(), "https://ledgerline.example/review");
    let header = python_docx(&path, "print(' '.join(p.text for p in d.sections[0].header.paragraphs))");
    assert!(header.contains("DRAFT"), "{header}");
    // And Word's own kind of watermark behind every page.
    let xml = python_docx(&path, "print(d.sections[0].header._element.xml)");
    assert!(xml.contains("string=\"DRAFT\"") && xml.contains("PowerPlusWaterMarkObject"), "a VML watermark");
    let table = python_docx(&path, "print(d.tables[0].cell(1, 1).text)");
    assert_eq!(table.trim(), "Ledgerline works inside it.");

    // Compressed entries, unique drawing ids, a fixed date.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for i in 0..zip.len() {
        let e = zip.by_index(i).unwrap();
        assert_eq!(e.compression(), zip::CompressionMethod::Deflated, "{}", e.name());
    }

    // LibreOffice opens it and makes a PDF of it.
    let out = Command::new("soffice")
        .args(["--headless", "--norestore", &format!("-env:UserInstallation=file://{}/lo", dir.path().display())])
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .output()
        .expect("LibreOffice (scripts/test.sh installs libreoffice-writer-nogui)");
    assert!(dir.path().join("pitch.pdf").exists(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn an_approved_export_carries_its_stamp_and_no_draft_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = from_markdown(PITCH, None, Brand::default());
    doc.approval = Some(Approval { by: "Priya Raman".into(), at: "2027-01-15 10:00 UTC".into(), version: "3".into(), expired_on: None });
    let path = dir.path().join("approved.docx");
    std::fs::write(&path, write_docx(&doc).unwrap()).unwrap();
    let header = python_docx(&path, "print(' '.join(p.text for p in d.sections[0].header.paragraphs))");
    assert!(header.contains("Approved by Priya Raman on 2027-01-15 10:00 UTC · version 3"), "{header}");
    assert!(!header.contains("DRAFT"), "{header}");
    let xml = python_docx(&path, "print(d.sections[0].header._element.xml)");
    assert!(!xml.contains("PowerPlusWaterMarkObject"), "no watermark on an approved export");
}

#[test]
fn an_expired_approval_exports_marked_expired_in_place_of_its_stamp() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = from_markdown(PITCH, None, Brand::default());
    doc.approval = Some(Approval { by: "Priya Raman".into(), at: "2027-01-15".into(), version: "3".into(), expired_on: Some("2027-04-15".into()) });
    let path = dir.path().join("expired.docx");
    std::fs::write(&path, write_docx(&doc).unwrap()).unwrap();
    let header = python_docx(&path, "print(' '.join(p.text for p in d.sections[0].header.paragraphs))");
    assert!(header.contains("EXPIRED on 2027-04-15 — re-verify before customer use"), "{header}");
    assert!(!header.contains("Approved by"), "{header}");
    let xml = python_docx(&path, "print(d.sections[0].header._element.xml)");
    assert!(xml.contains("string=\"EXPIRED\""), "the watermark says EXPIRED");
}

#[test]
fn a_file_that_cannot_be_written_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let err = pitchbridge_export::write_file(&dir.path().join("no/such/dir/x.docx"), b"abc").unwrap_err();
    assert!(err.to_string().contains("cannot be written"), "{err}");
    let target = dir.path().join("x.docx");
    pitchbridge_export::write_file(&target, b"abc").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"abc");
    let names: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, ["x.docx"]);
}

/// Control characters stored in a pitch (or pasted into a Markdown file) never reach Word's
/// XML: python-docx and LibreOffice open the file, and the words around them are kept.
#[test]
fn control_characters_never_break_the_word_file() {
    let dir = tempfile::tempdir().unwrap();
    let md = "# Cold\u{0}chain\n\nSensors\u{7} report every 30\u{b} seconds.\u{1b}[31m\n\n- Alerts\u{1} reach the driver.\n";
    let path = dir.path().join("controls.docx");
    std::fs::write(&path, write_docx(&from_markdown(md, None, Brand::default())).unwrap()).unwrap();
    let text = python_docx(&path, "print('\\n'.join(p.text for p in d.paragraphs))");
    assert!(text.contains("Sensors report every 30 seconds.[31m"), "{text}");
    assert!(text.contains("Alerts reach the driver."), "{text}");
    let out = Command::new("soffice")
        .args(["--headless", "--norestore", &format!("-env:UserInstallation=file://{}/lo", dir.path().display())])
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .output()
        .expect("LibreOffice (scripts/test.sh installs libreoffice-writer-nogui)");
    assert!(dir.path().join("controls.pdf").exists(), "LibreOffice opens it: {}", String::from_utf8_lossy(&out.stderr));
}
