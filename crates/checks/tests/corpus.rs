//! The corpus in `tests/check-corpus/`: realistic pitches of every collateral type, good and
//! bad, each with the exact findings `pitchbridge check` must report for it
//! (`NN-name.expected.json`). A change to a rule or a word list shows up here as a diff to
//! review; `UPDATE_CORPUS=1 cargo test -p pitchbridge-checks --test corpus` rewrites the
//! expectations once the diff is judged right.

use std::path::PathBuf;

use pitchbridge_checks::file::{check_file, FileKind};
use pitchbridge_checks::{glossary_csv, Checker, GlossaryEntry};
use pitchbridge_core::collateral::parse_collateral_type;
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    pitch: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    file: String,
    #[serde(rename = "type")]
    collateral_type: String,
    glossary: bool,
}

fn root() -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../tests/check-corpus")
}

#[test]
fn every_corpus_pitch_gives_exactly_its_expected_findings() {
    let corpus: Corpus = toml::from_str(&std::fs::read_to_string(root().join("corpus.toml")).unwrap()).unwrap();
    assert!(corpus.pitch.len() >= 10, "the corpus keeps at least ten pitches");
    let glossary: Vec<GlossaryEntry> = glossary_csv::parse(&std::fs::read(root().join("glossary.csv")).unwrap())
        .unwrap()
        .entries
        .into_iter()
        .map(|g| GlossaryEntry { term: g.term, customer_phrasing: g.customer_phrasing, rule: g.rule })
        .collect();
    let checker = Checker::new();
    let update = std::env::var_os("UPDATE_CORPUS").is_some();
    let mut mismatches = Vec::new();
    for entry in &corpus.pitch {
        let ct_text = std::fs::read_to_string(
            PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join(format!("../../assets/collateral-types/{}.toml", entry.collateral_type)),
        )
        .unwrap();
        let ct = parse_collateral_type(&ct_text).unwrap();
        let bytes = std::fs::read(root().join(&entry.file)).unwrap();
        let g: &[GlossaryEntry] = if entry.glossary { &glossary } else { &[] };
        let findings = check_file(&checker, &bytes, FileKind::Markdown, Some(&ct), g).unwrap();
        let actual = serde_json::to_string_pretty(&findings).unwrap() + "\n";
        let expected_path = root().join(entry.file.replace(".md", ".expected.json"));
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            mismatches.push(format!("{}:\n--- expected\n{expected}\n+++ actual\n{actual}", entry.file));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
