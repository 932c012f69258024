//! Delimited text files as Excel and CRMs save them: the encoding (UTF-8 with or without a
//! byte-order mark, or Windows-1252) and the separator (comma, semicolon, tab or bar) are found
//! from the file's start and said back; rows are then read one at a time, so a file of any size
//! is read in bounded memory.

use ts_rs::TS;
use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use serde::{Deserialize, Serialize};

/// How many bytes of a file's start are looked at to find its encoding and separator.
const SNIFF_BYTES: usize = 256 * 1024;
/// How many rows are kept as the file's sample (for the mapping step, and for finding the
/// order of dates and the decimal mark).
pub const SAMPLE_ROWS: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    /// Excel's "CSV UTF-8": UTF-8 after a byte-order mark.
    Utf8Bom,
    /// Excel's plain "CSV" on Western-European Windows.
    Windows1252,
}

impl TextEncoding {
    pub fn parse(s: &str) -> Option<TextEncoding> {
        match s.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "utf-8" | "utf8" => Some(TextEncoding::Utf8),
            "utf-8-bom" | "utf8-bom" => Some(TextEncoding::Utf8Bom),
            "windows-1252" | "cp1252" | "latin-1" | "latin1" | "iso-8859-1" | "ansi" => Some(TextEncoding::Windows1252),
            _ => None,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with a byte-order mark",
            TextEncoding::Windows1252 => "Windows-1252 (Western European)",
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TableError {
    #[error("Cannot read {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("{0}")]
    Format(String),
}

/// What was found about a file before reading it.
#[derive(Debug, Clone, PartialEq)]
pub struct TableFormat {
    pub encoding: TextEncoding,
    pub delimiter: u8,
    pub header: Vec<String>,
    /// The first rows after the header (at most [`SAMPLE_ROWS`]).
    pub sample: Vec<Vec<String>>,
    /// What was decided and why, in words, for the import's report.
    pub notes: Vec<String>,
    pub file_bytes: u64,
}

impl TableFormat {
    pub fn delimiter_name(&self) -> &'static str {
        delimiter_name(self.delimiter)
    }

    /// The index of a header, compared without case, spaces or punctuation.
    pub fn column(&self, name: &str) -> Option<usize> {
        let want = normalize_header(name);
        self.header.iter().position(|h| normalize_header(h) == want)
    }
}

pub fn delimiter_name(d: u8) -> &'static str {
    match d {
        b',' => "commas",
        b';' => "semicolons",
        b'\t' => "tabs",
        b'|' => "bars",
        _ => "another character",
    }
}

/// A header compared loosely: "Opportunity Owner: Email" and "opportunity_owner_email" match.
pub fn normalize_header(h: &str) -> String {
    h.trim_start_matches('\u{feff}').chars().filter(|c| c.is_alphanumeric()).flat_map(|c| c.to_lowercase()).collect()
}

fn decode(bytes: &[u8], encoding: TextEncoding) -> Result<String, ()> {
    match encoding {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => std::str::from_utf8(bytes).map(str::to_string).map_err(|_| ()),
        TextEncoding::Windows1252 => Ok(encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned()),
    }
}

fn find_encoding(head: &[u8], complete: bool) -> Result<(TextEncoding, Option<String>), TableError> {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Ok((TextEncoding::Utf8Bom, None));
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(TableError::Format(
            "This file is UTF-16 (Excel's \"Unicode Text\"). Save it from Excel as \"CSV UTF-8 (Comma delimited)\" and import that.".into(),
        ));
    }
    if head.iter().take(4096).filter(|&&b| b == 0).count() > 2 {
        return Err(TableError::Format("This is not a text file (it holds binary data). Export the report as CSV and import that.".into()));
    }
    match std::str::from_utf8(head) {
        Ok(_) => Ok((TextEncoding::Utf8, None)),
        // Cut in the middle of a character at the end of the sniffed part: still UTF-8.
        Err(e) if e.error_len().is_none() && !complete => Ok((TextEncoding::Utf8, None)),
        Err(e) => {
            let at = e.valid_up_to();
            Ok((
                TextEncoding::Windows1252,
                Some(format!(
                    "The file is not UTF-8 (byte {at} is not valid UTF-8), so it was read as Windows-1252, as Excel saves CSV on Western-European Windows. If letters such as é or ü look wrong in the preview, say which encoding it uses."
                )),
            ))
        }
    }
}

fn find_delimiter(first_line: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0), (b'|', 0)];
    let mut quoted = false;
    for c in first_line.bytes() {
        if c == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(e) = counts.iter_mut().find(|(d, _)| *d == c) {
                e.1 += 1;
            }
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).filter(|(_, n)| *n > 0).map(|(d, _)| *d).unwrap_or(b',')
}

/// Looks at a file's start: its encoding (unless given), separator, header and first rows.
pub fn sniff(path: &Path, encoding: Option<TextEncoding>) -> Result<TableFormat, TableError> {
    let io = |e: std::io::Error| TableError::Io { path: path.display().to_string(), reason: e.to_string() };
    let mut file = File::open(path).map_err(io)?;
    let file_bytes = file.metadata().map_err(io)?.len();
    let mut head = Vec::with_capacity(SNIFF_BYTES.min(file_bytes as usize));
    (&mut file).take(SNIFF_BYTES as u64).read_to_end(&mut head).map_err(io)?;
    if head.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(TableError::Format("The file is empty.".into()));
    }
    let mut notes = Vec::new();
    let encoding = match encoding {
        Some(e) => {
            notes.push(format!("Read as {}, as asked.", e.describe()));
            e
        }
        None => {
            let (e, note) = find_encoding(&head, head.len() as u64 >= file_bytes)?;
            notes.push(note.unwrap_or_else(|| format!("Read as {}.", e.describe())));
            e
        }
    };
    let body = if head.starts_with(&[0xEF, 0xBB, 0xBF]) { &head[3..] } else { &head[..] };
    let first_line_end = body.iter().position(|&b| b == b'\n').unwrap_or(body.len());
    let first_line = decode(&body[..first_line_end], TextEncoding::Windows1252).unwrap_or_default();
    // Excel writes "sep=;" as a first line when asked to say its separator.
    let (delimiter, skip_sep_line) = match first_line.trim().strip_prefix("sep=") {
        Some(s) if s.len() == 1 => (s.as_bytes()[0], true),
        _ => (find_delimiter(&first_line), false),
    };
    if delimiter != b',' {
        notes.push(format!("Columns are separated by {}.", delimiter_name(delimiter)));
    }
    file.seek(SeekFrom::Start(0)).map_err(io)?;
    let mut rows = TableReader::new(file, encoding, delimiter, skip_sep_line).map_err(io)?;
    let header = match rows.next_row() {
        Some(Ok(r)) => r.fields,
        Some(Err(e)) => return Err(TableError::Format(format!("The header row cannot be read: {}", e.reason))),
        None => return Err(TableError::Format("The file is empty.".into())),
    };
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(TableError::Format("The first row is empty: the file needs a header row naming its columns.".into()));
    }
    let mut sample = Vec::new();
    while sample.len() < SAMPLE_ROWS {
        match rows.next_row() {
            Some(Ok(r)) => sample.push(r.fields),
            Some(Err(_)) => continue,
            None => break,
        }
    }
    Ok(TableFormat { encoding, delimiter, header: header.into_iter().map(|h| h.trim().trim_start_matches('\u{feff}').to_string()).collect(), sample, notes, file_bytes })
}

/// One row, with the line it starts on (1-based, the header being line 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: u64,
    pub fields: Vec<String>,
}

/// A row that cannot be read, and why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RowProblem {
    pub line: u64,
    pub reason: String,
}

/// Reads a file's rows one at a time. The header is the first row returned.
pub struct TableReader<R: Read> {
    csv: csv::Reader<R>,
    record: csv::ByteRecord,
    encoding: TextEncoding,
}

impl TableReader<BufReader<File>> {
    /// Opens a file in the format [`sniff`] found.
    pub fn open(path: &Path, format: &TableFormat) -> Result<Self, TableError> {
        let io = |e: std::io::Error| TableError::Io { path: path.display().to_string(), reason: e.to_string() };
        let file = File::open(path).map_err(io)?;
        let mut head = [0u8; 8];
        let n = (&file).read(&mut head).map_err(io)?;
        let skip_sep = std::str::from_utf8(&head[..n]).map(|h| h.trim_start_matches('\u{feff}').starts_with("sep=")).unwrap_or(false);
        let mut file = file;
        file.seek(SeekFrom::Start(0)).map_err(io)?;
        TableReader::new(file, format.encoding, format.delimiter, skip_sep).map_err(io)
    }
}

impl<R: Read> TableReader<R> {
    fn new(inner: R, encoding: TextEncoding, delimiter: u8, skip_sep_line: bool) -> std::io::Result<TableReader<BufReader<R>>> {
        let mut buffered = BufReader::with_capacity(1 << 16, inner);
        {
            use std::io::BufRead;
            let buf = buffered.fill_buf()?;
            if buf.starts_with(&[0xEF, 0xBB, 0xBF]) {
                buffered.consume(3);
            }
            if skip_sep_line {
                let mut line = Vec::new();
                buffered.read_until(b'\n', &mut line)?;
            }
        }
        let csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(buffered);
        Ok(TableReader { csv, record: csv::ByteRecord::new(), encoding })
    }

    /// The next row, a row that cannot be read (with why), or `None` at the end. Blank lines
    /// are skipped.
    pub fn next_row(&mut self) -> Option<Result<Row, RowProblem>> {
        loop {
            match self.csv.read_byte_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {
                    let line = self.record.position().map(|p| p.line()).unwrap_or(0);
                    if self.record.iter().all(|f| f.iter().all(|b| b.is_ascii_whitespace())) {
                        continue;
                    }
                    let mut fields = Vec::with_capacity(self.record.len());
                    for f in self.record.iter() {
                        match decode(f, self.encoding) {
                            Ok(s) => fields.push(s),
                            Err(()) => {
                                return Some(Err(RowProblem {
                                    line,
                                    reason: "this row is not valid UTF-8 (the file may be in another encoding, such as Windows-1252)".into(),
                                }))
                            }
                        }
                    }
                    return Some(Ok(Row { line, fields }));
                }
                Err(e) => {
                    let line = e.position().map(|p| p.line()).unwrap_or(0);
                    return Some(Err(RowProblem { line, reason: format!("cannot be read ({e})") }));
                }
            }
        }
    }

    /// How many bytes of the file have been read, for progress.
    pub fn bytes_read(&self) -> u64 {
        self.csv.position().byte()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        f.write_all(bytes).unwrap();
        f
    }

    #[test]
    fn finds_the_encoding_and_separator() {
        let f = file("\u{feff}Name;Amount\nZoë;1.500,50\n".as_bytes());
        let t = sniff(f.path(), None).unwrap();
        assert_eq!((t.encoding, t.delimiter), (TextEncoding::Utf8Bom, b';'));
        assert_eq!(t.header, ["Name", "Amount"]);
        assert_eq!(t.sample, [["Zoë", "1.500,50"]]);

        let f = file(b"Name,Amount\nZo\xeb,\"1,500.50\"\n");
        let t = sniff(f.path(), None).unwrap();
        assert_eq!(t.encoding, TextEncoding::Windows1252);
        assert!(t.notes[0].contains("not UTF-8"), "{:?}", t.notes);
        assert_eq!(t.sample, [["Zoë", "1,500.50"]]);

        let f = file(b"sep=;\nName;Amount\nA;1\n");
        let t = sniff(f.path(), None).unwrap();
        assert_eq!((t.delimiter, t.header.clone()), (b';', vec!["Name".to_string(), "Amount".to_string()]));
        let mut r = TableReader::open(f.path(), &t).unwrap();
        assert_eq!(r.next_row().unwrap().unwrap().fields, ["Name", "Amount"]);

        let f = file(b"\xff\xfeN\0a\0");
        assert!(sniff(f.path(), None).unwrap_err().to_string().contains("UTF-16"));
        let f = file(b"  \n");
        assert!(sniff(f.path(), None).is_err());
    }

    #[test]
    fn a_bad_row_is_named_and_the_rest_read() {
        let f = file(b"a,b\n1,2\n\xff\xfe,3\n\"4\n\",5\n6,7\n");
        let t = sniff(f.path(), Some(TextEncoding::Utf8)).unwrap();
        let mut r = TableReader::open(f.path(), &t).unwrap();
        r.next_row();
        assert_eq!(r.next_row().unwrap().unwrap().fields, ["1", "2"]);
        let bad = r.next_row().unwrap().unwrap_err();
        assert_eq!(bad.line, 3);
        let quoted = r.next_row().unwrap().unwrap();
        assert_eq!((quoted.line, quoted.fields), (4, vec!["4\n".to_string(), "5".to_string()]));
        assert_eq!(r.next_row().unwrap().unwrap().line, 6, "a line break inside quotes is a line");
        assert!(r.next_row().is_none());
    }
}
