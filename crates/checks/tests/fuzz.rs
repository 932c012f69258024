//! Whatever the text, the checks answer: no panic, and every finding points at a real range
//! of its block (on character boundaries), with any fix applicable there.

use std::sync::OnceLock;

use pitchbridge_checks::file::{check_file, FileKind};
use pitchbridge_checks::{CheckBlock, CheckInput, Checker, RuleSettings};
use proptest::prelude::*;

fn checker() -> &'static Checker {
    static C: OnceLock<Checker> = OnceLock::new();
    C.get_or_init(Checker::new)
}

/// Text that looks like prose often enough to reach the rules, with odd characters mixed in.
fn prose() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("the".to_string()),
        Just("We".to_string()),
        Just("very".to_string()),
        Just("best-in-class".to_string()),
        Just("is handled".to_string()),
        Just("STP".to_string()),
        Just("“quoted”".to_string()),
        Just("ledgerline.example/x".to_string()),
        Just("555-010-2299".to_string()),
        "[a-zA-Z’'-]{1,12}",
        "\\PC{1,6}",
        Just(".".to_string()),
        Just("?\n".to_string()),
        Just("…".to_string()),
    ];
    prop::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256), ..ProptestConfig::default() })]

    #[test]
    fn findings_point_inside_their_blocks(texts in prop::collection::vec(prose(), 0..6), heading in any::<bool>()) {
        let blocks: Vec<CheckBlock> = texts.iter().enumerate().map(|(i, t)| CheckBlock { heading: heading && i == 0, text: t.clone(), ..CheckBlock::default() }).collect();
        let input = CheckInput { blocks: blocks.clone(), product_names: vec!["Ledgerline".into()], suggest_spellings: true, ..CheckInput::default() };
        for f in checker().check(&input, &RuleSettings::default()) {
            if let Some(b) = f.block {
                let text = &blocks[b].text;
                prop_assert!(f.start <= f.end && f.end <= text.len(), "{f:?}");
                prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "{f:?}");
            }
        }
    }

    #[test]
    fn any_bytes_as_a_file_give_findings_or_a_clear_error(bytes in prop::collection::vec(any::<u8>(), 0..400), markdown in any::<bool>()) {
        let kind = if markdown { FileKind::Markdown } else { FileKind::Text };
        if let Ok(findings) = check_file(checker(), &bytes, kind, None, &[]) {
            for f in findings {
                prop_assert!(f.start <= f.end && f.end <= bytes.len());
            }
        }
    }

    #[test]
    fn prose_files_map_back_to_their_bytes(text in prose(), markdown in any::<bool>()) {
        let kind = if markdown { FileKind::Markdown } else { FileKind::Text };
        let findings = check_file(checker(), text.as_bytes(), kind, None, &[]).unwrap();
        for f in findings {
            prop_assert!(f.start <= f.end && f.end <= text.len(), "{f:?}");
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "{f:?}");
        }
    }
}
