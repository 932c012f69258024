//! Whatever Markdown it is given, the export answers with a PDF and a DOCX (never a panic),
//! and the DOCX's XML holds no character Word refuses: very wide tables, deep lists, control
//! characters, long words and every script mixed in.

use std::io::Read;
use std::sync::OnceLock;

use pitchbridge_export::sources::from_markdown;
use pitchbridge_export::{write_docx, write_pdf, Brand, Fonts};
use proptest::prelude::*;

fn fonts() -> &'static Fonts {
    static F: OnceLock<Fonts> = OnceLock::new();
    F.get_or_init(Fonts::load)
}

fn table() -> impl Strategy<Value = String> {
    (1usize..90, 0usize..4).prop_map(|(cols, rows)| {
        let row = |label: &str| format!("|{}|\n", (0..cols).map(|c| format!(" {label}{c} ")).collect::<Vec<_>>().join("|"));
        let mut t = row("H");
        t.push_str(&format!("|{}|\n", vec!["---"; cols].join("|")));
        for r in 0..rows {
            t.push_str(&row(&format!("r{r}c")));
        }
        t
    })
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("# A title\n".to_string()),
        Just("## Call to action\n".to_string()),
        Just("## Objections\n".to_string()),
        Just("- a bullet\n    - a nested one\n        - deeper\n".to_string()),
        Just("1. first\n2. second\n".to_string()),
        Just("> “A customer said this.”\n".to_string()),
        Just("**bold** and *italic* and [a link](https://example.com)\n".to_string()),
        Just("Control \u{0}\u{1}\u{7}\u{b}\u{1b}[31m characters\u{7f}\u{9b}.\n".to_string()),
        Just("冷链 monitoring ⚡ and 한국어 and العربية.\n".to_string()),
        Just("![a picture](missing.png)\n".to_string()),
        "[a-z]{200,400}",
        "\\PC{0,80}",
        table(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48), ..ProptestConfig::default() })]

    #[test]
    fn any_markdown_exports_to_both_formats(pieces in prop::collection::vec(piece(), 0..8)) {
        let md = pieces.join("\n");
        let doc = from_markdown(&md, None, Brand::default());
        let pdf = write_pdf(fonts(), &doc).expect("a PDF or a reason, never a panic");
        prop_assert!(pdf.bytes.starts_with(b"%PDF"));
        let docx = write_docx(&doc).expect("a DOCX");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
        prop_assert!(!xml.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')), "no control character in Word's XML");
    }
}
