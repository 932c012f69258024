//! Files from another team may be anything: each of these is refused with a clear error,
//! quickly, without reading more than the limits allow.

use std::io::{Cursor, Write};

use pitchbridge_import::*;
use zip::write::SimpleFileOptions;

const DOC_START: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;
const DOC_END: &str = "</w:body></w:document>";

/// A minimal .docx with the given parts.
fn docx(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        zip.start_file(*name, opts).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn document(body: &str) -> Vec<u8> {
    format!("{DOC_START}{body}{DOC_END}").into_bytes()
}

#[test]
fn a_small_valid_document_reads() {
    let bytes = docx(&[("word/document.xml", &document("<w:p><w:r><w:t>Ledgerline reads invoices.</w:t></w:r></w:p>"))]);
    let got = import_docx(&bytes, "x").unwrap();
    assert_eq!(got.source.trim(), "Ledgerline reads invoices.");
}

#[test]
fn doctype_and_entity_declarations_are_refused() {
    let xxe = format!(
        r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>{}"#,
        &DOC_START[DOC_START.find("<w:document").unwrap()..]
    ) + "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>" + DOC_END;
    let bytes = docx(&[("word/document.xml", xxe.as_bytes())]);
    assert_eq!(import_docx(&bytes, "x"), Err(ImportError::Doctype));
    // In any part we read, not only the main one.
    let styles = br#"<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaa">]><w:styles xmlns:w="x"/>"#;
    let bytes = docx(&[("word/document.xml", &document("")), ("word/styles.xml", styles)]);
    assert_eq!(import_docx(&bytes, "x"), Err(ImportError::Doctype));
}

#[test]
fn an_undeclared_entity_is_an_error_not_a_lookup() {
    let bytes = docx(&[("word/document.xml", &document("<w:p><w:r><w:t>&secret;</w:t></w:r></w:p>"))]);
    assert!(matches!(import_docx(&bytes, "x"), Err(ImportError::Damaged(_))));
}

#[test]
fn a_zip_bomb_fails_fast() {
    // 40 MB of one letter deflates to about 40 KB: far past any real document's ratio.
    let mut body = Vec::with_capacity(40 << 20);
    body.extend_from_slice(DOC_START.as_bytes());
    body.extend_from_slice(b"<w:p><w:r><w:t>");
    body.resize(40 << 20, b'a');
    let bytes = docx(&[("word/document.xml", &body)]);
    assert!(bytes.len() < 1 << 20, "the bomb is small: {}", bytes.len());
    let started = std::time::Instant::now();
    let err = import_docx(&bytes, "x").unwrap_err();
    assert!(matches!(err, ImportError::ZipBomb(_)), "{err:?}");
    eprintln!("zip bomb refused after {:?}: {err}", started.elapsed());
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> = (0..4_100).map(|i| format!("junk/{i}")).collect();
    let mut parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let doc = document("");
    parts.push(("word/document.xml", &doc));
    assert!(matches!(import_docx(&docx(&parts), "x"), Err(ImportError::TooLarge { .. })));
}

#[test]
fn encrypted_truncated_and_foreign_files_say_what_they_are() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend("EncryptedPackage".encode_utf16().flat_map(|u| u.to_le_bytes()));
    assert_eq!(import_docx(&ole, "x"), Err(ImportError::Encrypted));
    assert_eq!(import_docx(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0], "x"), Err(ImportError::NotDocx));
    assert_eq!(import_docx(b"meeting notes, not a document", "x"), Err(ImportError::NotDocx));
    let good = docx(&[("word/document.xml", &document("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>"))]);
    assert!(matches!(import_docx(&good[..good.len() / 2], "x"), Err(ImportError::Damaged(_))));
    // A zip that is not a Word document.
    let other = docx(&[("readme.txt", b"hello")]);
    assert_eq!(import_docx(&other, "x"), Err(ImportError::NotDocx));
    // Messages are written for a person.
    assert!(ImportError::Encrypted.to_string().contains("password"));
}

#[test]
fn invalid_utf8_says_where() {
    let bytes = b"First line\nSecond \xFF line\n";
    assert_eq!(import_text(bytes, "x"), Err(ImportError::InvalidUtf8 { line: 2, column: 8 }));
    assert_eq!(import_markdown(bytes, "x"), Err(ImportError::InvalidUtf8 { line: 2, column: 8 }));
}

#[test]
fn a_100_mb_markdown_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.md");
    std::fs::File::create(&path).unwrap().set_len(100 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let err = import_file(&path).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }), "{err:?}");
    eprintln!("100 MB Markdown refused after {:?}: {err}", started.elapsed());
    assert!(matches!(import_file(&dir.path().join("slides.pptx")), Err(ImportError::UnsupportedType(_))));
    assert!(matches!(import_file(&dir.path().join("missing.md")), Err(ImportError::Io(_))));
}

#[test]
fn empty_documents_are_refused() {
    assert_eq!(import_text(b"  \n\n", "x"), Err(ImportError::Empty));
    assert_eq!(import_markdown(b"![only](an-image.png)", "x"), Err(ImportError::Empty));
    assert_eq!(import_docx(&docx(&[("word/document.xml", &document("<w:p/>"))]), "x"), Err(ImportError::Empty));
}

#[test]
fn deep_nesting_stays_cheap_and_bounded() {
    // 50,000 lists opened on one line ("- - - … item"), then 2,000 more lines of items at that
    // depth: indentation stops at eight levels, so the output stays the size of the input.
    let mut md = "- ".repeat(50_000) + "deepest item\n";
    md.push_str(&"- another item\n".repeat(2_000));
    // (The parser gives up on nesting that deep, so there may be nothing left to import; what
    // matters is a quick answer and no runaway output.)
    match import_markdown(md.as_bytes(), "x") {
        Ok(got) => {
            let widest = got.source.lines().map(|l| l.len() - l.trim_start().len()).max().unwrap();
            assert!(widest <= 16, "indent {widest}");
            assert!(got.source.len() < md.len(), "output {} for input {}", got.source.len(), md.len());
        }
        Err(e) => assert_eq!(e, ImportError::Empty),
    }
    // Nesting the parser does follow: 30 levels, indented by at most eight.
    let md: String = (0..30).map(|i| format!("{}- level {i}\n", "  ".repeat(i))).collect();
    let got = import_markdown(md.as_bytes(), "x").unwrap();
    assert_eq!(got.source.lines().count(), 30);
    assert!(got.source.lines().all(|l| l.len() - l.trim_start().len() <= 16), "{}", got.source);
    // Tables nested 200 deep in Word: read, as text of the outer cells.
    let nested = format!("{}<w:p><w:r><w:t>deep</w:t></w:r></w:p>{}", "<w:tbl><w:tr><w:tc>".repeat(200), "</w:tc></w:tr></w:tbl>".repeat(200));
    let got = import_docx(&docx(&[("word/document.xml", &document(&nested))]), "x").unwrap();
    assert!(got.source.contains("deep"), "{}", got.source);
}

#[test]
fn a_tracked_formatting_change_keeps_the_current_formatting() {
    // Heading 1 changed to Normal, tracked: the old style sits inside pPrChange.
    let styles = br#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>"#;
    let body = r#"<w:p><w:pPr><w:pStyle w:val="Normal"/><w:pPrChange w:id="1" w:author="A"><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Now a plain paragraph.</w:t></w:r></w:p>"#;
    let got = import_docx(&docx(&[("word/document.xml", &document(body)), ("word/styles.xml", styles)]), "x").unwrap();
    assert_eq!(got.source.trim(), "Now a plain paragraph.");
}
