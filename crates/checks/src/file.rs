//! Checking a Markdown or text file with no workspace: what `pitchbridge check` runs.

use pitchbridge_core::collateral::CollateralType;
use serde::Serialize;

use crate::source::{from_markdown, from_plain};
use crate::{CheckInput, Checker, GlossaryEntry, Rule, RuleSettings, Severity};

/// Largest file checked: as large as the largest text an import reads, far beyond any pitch.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A finding as the command line reports it: byte offsets into the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileFinding {
    pub rule: &'static str,
    pub severity: Severity,
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub suggestion: Option<String>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FileError {
    #[error("it is not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    #[error("it looks like a binary file (a NUL byte at offset {0}), not text")]
    Binary(usize),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FileKind {
    Markdown,
    Text,
}

impl FileKind {
    pub fn from_name(name: &str) -> FileKind {
        let lower = name.to_ascii_lowercase();
        if [".md", ".markdown", ".mdown", ".mkd"].iter().any(|e| lower.ends_with(e)) {
            FileKind::Markdown
        } else {
            FileKind::Text
        }
    }
}

pub fn check_file(
    checker: &Checker,
    bytes: &[u8],
    kind: FileKind,
    collateral: Option<&CollateralType>,
    glossary: &[GlossaryEntry],
) -> Result<Vec<FileFinding>, FileError> {
    let text = std::str::from_utf8(bytes).map_err(|e| FileError::NotUtf8(e.valid_up_to()))?;
    if let Some(nul) = text.find('\0') {
        return Err(FileError::Binary(nul));
    }
    let mut source = match kind {
        FileKind::Markdown => from_markdown(text),
        FileKind::Text => from_plain(text),
    };
    if let Some(ct) = collateral {
        source.assign_sections(&ct.sections.iter().map(|s| (s.id.clone(), s.name.clone(), s.required)).collect::<Vec<_>>());
    }
    // With no workspace, the glossary's preferred names ("Ledgerline") stand for the product.
    let product_names = glossary
        .iter()
        .filter(|g| g.rule == pitchbridge_core::GlossaryRule::Preferred)
        .filter(|g| g.term.starts_with(char::is_uppercase) && g.term.chars().any(char::is_lowercase))
        .map(|g| g.term.clone())
        .collect();
    let input = CheckInput {
        blocks: source.blocks.clone(),
        collateral,
        glossary,
        product_names,
        suggest_spellings: true,
        ..CheckInput::default()
    };
    let findings = checker.check(&input, &RuleSettings::default());
    Ok(findings
        .into_iter()
        .filter(|f| !Rule::needs_workspace(f.rule))
        .map(|f| {
            let (start, end) = match f.block {
                Some(b) => (source.to_source(b, f.start), source.to_source_end(b, f.end).max(source.to_source(b, f.start))),
                None => (0, 0),
            };
            FileFinding { rule: f.rule.id(), severity: f.severity, start, end, message: f.message, suggestion: f.suggestion }
        })
        .collect())
}

/// 1-based line and column (in characters) of a byte offset, for the text report.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(offset)
}

/// Where each line of a text starts, so a finding's line and column are found in logarithmic
/// time: a report of thousands of findings on a large file stays linear.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, starts }
    }

    /// The 1-based line and column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let col = self.text.get(start..offset).map(|t| t.chars().count()).unwrap_or(0) + 1;
        (line, col)
    }
}
