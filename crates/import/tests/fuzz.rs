//! Property tests of the importers on stable Rust: whatever the bytes, an importer returns a
//! result or an error, never panics, and what it returns splits into claims. Briefly in the
//! test suite; `PROPTEST_CASES=100000 cargo test -p pitchbridge-import --test fuzz` for longer.

use std::io::{Cursor, Write};

use pitchbridge_core::split::split_message;
use pitchbridge_import::*;
use proptest::prelude::*;

fn docx_with(document: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts).unwrap();
    zip.write_all(document).unwrap();
    zip.finish().unwrap().into_inner()
}

/// XML-ish text built from the pieces a document is made of, so the reader's paths get used.
fn wordml() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<w:p>".to_string()),
        Just("</w:p>".to_string()),
        Just("<w:r><w:rPr><w:b/></w:rPr>".to_string()),
        Just("<w:r>".to_string()),
        Just("</w:r>".to_string()),
        Just("<w:t>".to_string()),
        Just("</w:t>".to_string()),
        Just("<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>".to_string()),
        Just("<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr>".to_string()),
        Just("<w:tbl><w:tr><w:tc>".to_string()),
        Just("</w:tc></w:tr></w:tbl>".to_string()),
        Just("<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>".to_string()),
        Just("<w:ins>".to_string()),
        Just("</w:ins>".to_string()),
        Just("<w:drawing/>".to_string()),
        "[a-zA-Z0-9 .,;:!?&<>\"'é漢-]{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| {
        format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{}</w:body></w:document>",
            v.concat()
        )
    })
}

fn markdownish() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        "#{1,7} [a-zA-Z ]{0,20}",
        "( {0,6})[-*+] [a-zA-Z*_ .]{0,30}",
        "[0-9]{1,3}[.)] [a-zA-Z .]{0,30}",
        "\\|[a-z |]{0,20}\\|",
        "\\|-{1,3}\\|-{0,3}\\|",
        "[a-zA-Z0-9 .,!?*_`\\[\\]()]{0,60}",
        Just(String::new()),
        Just("```".to_string()),
        Just("> quoted".to_string()),
    ];
    prop::collection::vec(line, 0..30).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64), ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_a_result_not_a_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = import_docx(&bytes, "x");
        let _ = import_markdown(&bytes, "x");
        let _ = import_text(&bytes, "x");
    }

    #[test]
    fn any_document_xml_in_a_real_zip(doc in wordml()) {
        if let Ok(got) = import_docx(&docx_with(doc.as_bytes()), "x") {
            prop_assert!(got.source.chars().any(|c| c.is_alphanumeric()));
            let _ = split_message(&got.source);
        }
    }

    #[test]
    fn any_markdown_splits(md in markdownish()) {
        match import_markdown(md.as_bytes(), "x") {
            Ok(got) => {
                for c in split_message(&got.source) {
                    prop_assert!(!c.text.is_empty());
                }
            }
            Err(e) => prop_assert_eq!(e, ImportError::Empty),
        }
    }
}
