//! The pitch document: a pitch is its collateral type's sections, each a run of blocks
//! (heading, paragraph, bullet or numbered item) made of styled text runs. The editor's
//! document and the stored form have this same shape, so saving and loading lose nothing.
//!
//! Every block carries a `key` the editor assigns; links to claims hang off the block with
//! that key, so they survive edits, reordering and moving a paragraph between sections.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::BlockKind;

/// A stretch of text with one set of marks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub bold: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    #[ts(as = "Option<bool>", optional)]
    pub italic: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub link: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run { text: text.into(), ..Run::default() }
    }

    fn same_marks(&self, other: &Run) -> bool {
        self.bold == other.bold && self.italic == other.italic && self.link == other.link
    }
}

/// One block of a pitch as the editor sends it and the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocBlock {
    /// Stable within the pitch; assigned by the editor.
    pub key: String,
    /// A section id of the pitch's collateral type.
    pub section: String,
    pub kind: BlockKind,
    /// 2 or 3 for headings (the section title is level 1); 0 otherwise.
    #[serde(default)]
    pub level: u8,
    pub runs: Vec<Run>,
}

impl DocBlock {
    pub fn text(&self) -> String {
        plain_text(&self.runs)
    }
}

/// Longest text a pitch may hold: far beyond any collateral, small enough to stay responsive.
pub const MAX_PITCH_CHARS: usize = 2_000_000;
pub const MAX_KEY_LEN: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocError {
    #[error("A paragraph has an invalid key.")]
    BadKey,
    #[error("Two paragraphs share the key \"{0}\".")]
    DuplicateKey(String),
    #[error("This collateral type has no section \"{0}\".")]
    UnknownSection(String),
    #[error("Links may only point to web (http, https), mail or phone addresses, not \"{0}\".")]
    UnsafeLink(String),
    #[error("The pitch is too long ({0} characters; the limit is {MAX_PITCH_CHARS}).")]
    TooLong(usize),
}

pub fn plain_text(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

/// Whether a link target is one a reader can follow safely: no scripts, no local files.
pub fn safe_href(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:", "tel:"].iter().any(|p| lower.starts_with(p))
}

/// Words as a writer counts them: whitespace-separated tokens with a letter or digit in them.
pub fn word_count(text: &str) -> u32 {
    text.split_whitespace().filter(|w| w.chars().any(|c| c.is_alphanumeric())).count() as u32
}

/// Drops empty runs, strips control characters (keeping tab) and merges neighbours with the
/// same marks, so equal documents have one stored form.
pub fn normalize_runs(runs: &[Run]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for r in runs {
        let text: String = r.text.chars().filter(|c| *c == '\t' || !c.is_control()).collect();
        if text.is_empty() {
            continue;
        }
        let link = r.link.as_ref().map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
        let run = Run { text, bold: r.bold, italic: r.italic, link };
        match out.last_mut() {
            Some(last) if last.same_marks(&run) => last.text.push_str(&run.text),
            _ => out.push(run),
        }
    }
    out
}

/// Checks a whole document against its sections and returns it normalised.
pub fn validate_doc(blocks: &[DocBlock], section_ids: &[&str]) -> Result<Vec<DocBlock>, DocError> {
    let mut keys = HashSet::new();
    let mut total = 0usize;
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let key_ok = !b.key.is_empty()
            && b.key.len() <= MAX_KEY_LEN
            && b.key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !key_ok {
            return Err(DocError::BadKey);
        }
        if !keys.insert(b.key.as_str()) {
            return Err(DocError::DuplicateKey(b.key.clone()));
        }
        if !section_ids.contains(&b.section.as_str()) {
            return Err(DocError::UnknownSection(b.section.clone()));
        }
        for r in &b.runs {
            if let Some(href) = &r.link {
                if !safe_href(href) {
                    return Err(DocError::UnsafeLink(href.clone()));
                }
            }
            total += r.text.chars().count();
        }
        if total > MAX_PITCH_CHARS {
            return Err(DocError::TooLong(total));
        }
        let level = if b.kind == BlockKind::Heading { b.level.clamp(2, 3) } else { 0 };
        // A control character pasted into the editor is invisible and means nothing: it is
        // dropped here rather than refused, so typing is never held up by it.
        let runs: Vec<Run> = b.runs.iter().map(|r| Run { text: crate::controls::strip(&r.text).0, ..r.clone() }).collect();
        out.push(DocBlock { key: b.key.clone(), section: b.section.clone(), kind: b.kind, level, runs: normalize_runs(&runs) });
    }
    Ok(out)
}

/// Word counts per section, in the order the sections are given.
pub fn section_words(blocks: &[DocBlock], section_ids: &[&str]) -> Vec<u32> {
    section_ids
        .iter()
        .map(|s| blocks.iter().filter(|b| b.section == *s).map(|b| word_count(&b.text())).sum())
        .collect()
}

/// The document as plain text, one block per line: what versions are compared on.
pub fn doc_text(blocks: &[DocBlock]) -> String {
    let mut s = String::new();
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        s.push_str(&b.text());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(key: &str, section: &str, runs: Vec<Run>) -> DocBlock {
        DocBlock { key: key.into(), section: section.into(), kind: BlockKind::Paragraph, level: 0, runs }
    }

    #[test]
    fn runs_with_the_same_marks_merge_and_empty_runs_go() {
        let runs = vec![
            Run::plain("Close "),
            Run::plain(""),
            Run::plain("the books"),
            Run { text: " faster".into(), bold: true, ..Run::default() },
            Run { text: "\u{0007}!".into(), bold: true, ..Run::default() },
        ];
        assert_eq!(
            normalize_runs(&runs),
            vec![Run::plain("Close the books"), Run { text: " faster!".into(), bold: true, ..Run::default() }]
        );
    }

    #[test]
    fn unsafe_links_duplicate_keys_and_unknown_sections_are_refused() {
        let js = Run { text: "x".into(), link: Some("javascript:alert(1)".into()), ..Run::default() };
        assert_eq!(validate_doc(&[block("a", "s", vec![js])], &["s"]), Err(DocError::UnsafeLink("javascript:alert(1)".into())));
        let twice = [block("a", "s", vec![]), block("a", "s", vec![])];
        assert_eq!(validate_doc(&twice, &["s"]), Err(DocError::DuplicateKey("a".into())));
        assert_eq!(validate_doc(&[block("a", "t", vec![])], &["s"]), Err(DocError::UnknownSection("t".into())));
        assert_eq!(validate_doc(&[block("a b", "s", vec![])], &["s"]), Err(DocError::BadKey));
        let ok = Run { text: "mail".into(), link: Some("mailto:sam@example.com".into()), ..Run::default() };
        assert!(validate_doc(&[block("a", "s", vec![ok])], &["s"]).is_ok());
    }

    #[test]
    fn words_are_counted_per_section() {
        let blocks = [
            block("a", "one", vec![Run::plain("Three little words")]),
            block("b", "two", vec![Run::plain("— and two")]),
            block("c", "one", vec![Run::plain("more")]),
        ];
        assert_eq!(section_words(&blocks, &["one", "two", "three"]), vec![4, 2, 0]);
        assert_eq!(doc_text(&blocks), "Three little words\n— and two\nmore");
    }

    #[test]
    fn the_stored_form_round_trips() {
        let b = DocBlock {
            key: "k1".into(),
            section: "s".into(),
            kind: BlockKind::Heading,
            level: 3,
            runs: vec![Run { text: "Go".into(), italic: true, link: Some("https://example.com".into()), ..Run::default() }],
        };
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(json, r#"{"key":"k1","section":"s","kind":"heading","level":3,"runs":[{"text":"Go","italic":true,"link":"https://example.com"}]}"#);
        assert_eq!(serde_json::from_str::<DocBlock>(&json).unwrap(), b);
    }
}
