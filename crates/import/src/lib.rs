//! Reading Factory material into Factory message text.
//!
//! Product marketing hands over Word documents, Markdown and plain text. Each importer turns
//! its input into one normalised text that the claim splitter reads: `#` headings name
//! sections, `- ` and `1. ` items (indented by level) are one claim each, table rows become
//! items with their header cells as context, and bold and italic are kept as `**` and `*`.
//!
//! The file comes from another team and may be anything, so every importer is bounded: file
//! size, zip entry count, bytes actually unpacked (never the sizes the headers claim), the
//! compression ratio, and no DOCTYPE or entity declarations in XML.

mod docx;
mod markdown;
mod text;

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::Digest;
use ts_rs::TS;

pub use docx::import_docx;
pub use markdown::import_markdown;
pub use text::import_text;

/// Largest Markdown or text file read, in bytes.
pub const MAX_TEXT_FILE: u64 = 8 * 1024 * 1024;
/// Largest Word file read, in bytes (compressed).
pub const MAX_DOCX_FILE: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SourceFormat {
    Docx,
    Markdown,
    Text,
}

/// What the importer did with what it could not turn into claims.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub images_skipped: u32,
    /// Reviewers' comments in the document, kept as notes (not claims).
    pub comments: Vec<String>,
    pub headers_skipped: u32,
    pub footers_skipped: u32,
    /// Tracked insertions taken as accepted.
    pub insertions_accepted: u32,
    /// Tracked deletions left out, as accepted.
    pub deletions_dropped: u32,
    pub tables: u32,
    /// Control characters (NUL, BEL, ESC…) taken out of the text, and the line of the first.
    #[serde(default)]
    pub controls_removed: u32,
    #[serde(default)]
    pub controls_first_line: u32,
    /// Text boxes and shapes whose text was read, after the paragraph they sit in.
    #[serde(default)]
    pub text_boxes: u32,
    /// Footnotes and endnotes kept, each after the paragraph that cites it.
    #[serde(default)]
    pub footnotes: u32,
    #[serde(default)]
    pub endnotes: u32,
    /// Pictures whose description (alt text) was kept as a line of text.
    #[serde(default)]
    pub image_descriptions: u32,
}

impl ImportReport {
    /// One line for a person: "2 images skipped, 3 comments kept as notes".
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        let mut say = |n: u32, one: &str, many: &str, what: &str| {
            if n > 0 {
                parts.push(format!("{n} {} {what}", if n == 1 { one } else { many }));
            }
        };
        say(self.tables, "table", "tables", "read row by row");
        say(self.comments.len() as u32, "comment", "comments", "kept as notes");
        say(self.insertions_accepted, "tracked insertion", "tracked insertions", "accepted");
        say(self.deletions_dropped, "tracked deletion", "tracked deletions", "accepted");
        say(self.text_boxes, "text box", "text boxes", "read in place");
        say(self.footnotes, "footnote", "footnotes", "kept where cited");
        say(self.endnotes, "endnote", "endnotes", "kept where cited");
        say(self.image_descriptions, "picture description", "picture descriptions", "kept as text");
        say(self.images_skipped, "image", "images", "skipped");
        say(self.headers_skipped, "page header", "page headers", "skipped");
        say(self.footers_skipped, "page footer", "page footers", "skipped");
        if self.controls_removed > 0 {
            parts.push(format!(
                "{} control {} removed (first on line {})",
                self.controls_removed,
                if self.controls_removed == 1 { "character" } else { "characters" },
                self.controls_first_line
            ));
        }
        if parts.is_empty() {
            "Nothing was skipped.".into()
        } else {
            let mut s = parts.join(", ");
            s.push('.');
            let mut c = s.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or(s)
        }
    }
}

/// A file, read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub format: SourceFormat,
    /// A title for a new message: the document's title or first heading, else the file name.
    pub title: String,
    /// The normalised text the claim splitter reads.
    pub source: String,
    pub report: ImportReport,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("Pitchbridge imports Word (.docx), Markdown (.md) and plain text (.txt) files, not “{0}”.")]
    UnsupportedType(String),
    #[error("This file is not a Word document (.docx). If it is an old .doc file, save it as .docx in Word or LibreOffice first.")]
    NotDocx,
    #[error("This Word document is password-protected. Remove the password in Word, save, and import it again.")]
    Encrypted,
    #[error("This Word document is damaged or incomplete ({0}). Open and save it again in Word or LibreOffice, then import it.")]
    Damaged(String),
    #[error("The file is too large to import: {what} is over {limit}.")]
    TooLarge { what: String, limit: String },
    #[error("This Word document unpacks to far more than it holds ({0}); it looks like a zip bomb and was not read.")]
    ZipBomb(String),
    #[error("This Word document declares a DOCTYPE or XML entities, which Word never writes; it was not read, for safety.")]
    Doctype,
    #[error("The text is not valid UTF-8 (first bad byte at line {line}, column {column}). Save it as UTF-8 and import it again.")]
    InvalidUtf8 { line: usize, column: usize },
    #[error("There is no text in this file to turn into claims.")]
    Empty,
    #[error("Could not read the file: {0}")]
    Io(String),
}

fn mb(bytes: u64) -> String {
    format!("{} MB", bytes / (1024 * 1024))
}

/// A file's bytes as read for an import, with their digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The extension, lower case: which importer reads it.
    pub extension: String,
    /// The file name without extension: the title when the text has none.
    pub name: String,
    pub bytes: Vec<u8>,
    /// SHA-256 of the bytes, hex: what a preview is bound to.
    pub digest: String,
}

/// Reads `path` within the limits for its type, without parsing it.
pub fn read_source(path: &Path) -> Result<SourceFile, ImportError> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("Imported message").to_string();
    let limit = match ext.as_str() {
        "docx" => MAX_DOCX_FILE,
        "md" | "markdown" | "txt" | "text" => MAX_TEXT_FILE,
        other => return Err(ImportError::UnsupportedType(if other.is_empty() { name } else { format!(".{other}") })),
    };
    use pitchbridge_core::files::{read_capped, ReadError};
    // A regular file only (a FIFO would never end, a device lies about its size), and never
    // more than the limit, whatever its size says.
    let bytes = read_capped(path, limit).map_err(|e| match e {
        ReadError::TooLarge { .. } => {
            let size = std::fs::metadata(path).map(|m| format!("the file ({})", mb(m.len()))).unwrap_or_else(|_| "the file".into());
            ImportError::TooLarge { what: size, limit: mb(limit) }
        }
        ReadError::NotAFile => ImportError::Io("it is not a regular file (a folder, a device or a pipe)".into()),
        ReadError::NotFound => ImportError::Io("the file does not exist".into()),
        ReadError::Io(e) => ImportError::Io(e.to_string()),
    })?;
    let digest = sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    Ok(SourceFile { extension: ext, name, bytes, digest })
}

/// Parses a file read by [`read_source`] with the importer for its extension. Control
/// characters never reach a claim: they are taken out and counted in the report.
pub fn import_source(file: &SourceFile) -> Result<Imported, ImportError> {
    let mut imported = match file.extension.as_str() {
        "docx" => import_docx(&file.bytes, &file.name),
        "md" | "markdown" => import_markdown(&file.bytes, &file.name),
        _ => import_text(&file.bytes, &file.name),
    }?;
    let (source, stripped) = pitchbridge_core::controls::strip(&imported.source);
    if stripped.count > 0 {
        imported.source = source;
        imported.title = pitchbridge_core::controls::strip(&imported.title).0;
        imported.report.controls_removed = stripped.count;
        imported.report.controls_first_line = stripped.first_line as u32;
        if imported.source.trim().is_empty() {
            return Err(ImportError::Empty);
        }
    }
    Ok(imported)
}

/// Reads `path`, choosing the importer by its extension. Nothing larger than the limits is
/// read into memory.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    import_source(&read_source(path)?)
}

/// Text as UTF-8, or where it first is not.
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, ImportError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        let column = good.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        ImportError::InvalidUtf8 { line, column }
    })
}

/// The title a new message gets: the first heading, else the file name.
pub(crate) fn title_from(source: &str, fallback: &str) -> String {
    source
        .lines()
        .find_map(|l| l.strip_prefix('#').map(|h| h.trim_start_matches('#').replace("**", "").replace('*', "").trim().to_string()))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| fallback.to_string())
        .chars()
        .take(200)
        .collect()
}

/// A table row as one item: with a header row, each cell says what it is.
pub(crate) fn table_row(header: Option<&[String]>, row: &[String]) -> String {
    let cells: Vec<String> = match header {
        Some(h) => row
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.trim().is_empty())
            .map(|(i, c)| match h.get(i).map(|x| x.trim()).filter(|x| !x.is_empty()) {
                Some(name) if i > 0 => format!("{name}: {}", c.trim()),
                _ => c.trim().to_string(),
            })
            .collect(),
        None => row.iter().map(|c| c.trim().to_string()).filter(|c| !c.is_empty()).collect(),
    };
    cells.join("; ")
}
