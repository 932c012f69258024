//! The glossary as CSV, for exchange with spreadsheets. Columns, with a header row:
//! `term,customer_phrasing,rule,note`, where rule is `explain`, `avoid` or `preferred`.
//! Bad rows are reported by line and skipped; good rows still count.

use pitchbridge_core::{GlossaryInput, GlossaryRule};

pub const HEADER: [&str; 4] = ["term", "customer_phrasing", "rule", "note"];

#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub line: u64,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct ParsedGlossary {
    pub entries: Vec<GlossaryInput>,
    pub errors: Vec<RowError>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum GlossaryCsvError {
    #[error("The glossary file is not text (UTF-8).")]
    NotText,
    #[error("The glossary file is empty.")]
    Empty,
    #[error("The glossary file's first row must be the header term,customer_phrasing,rule,note (found: {0}).")]
    BadHeader(String),
}

pub fn parse(bytes: &[u8]) -> Result<ParsedGlossary, GlossaryCsvError> {
    let text = std::str::from_utf8(bytes).map_err(|_| GlossaryCsvError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(GlossaryCsvError::Empty);
    }
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| GlossaryCsvError::BadHeader(e.to_string()))?.clone();
    let names: Vec<String> = header.iter().map(|h| h.to_ascii_lowercase().replace([' ', '-'], "_")).collect();
    let col = |name: &str| names.iter().position(|n| n == name);
    let (Some(term_col), Some(rule_col)) = (col("term"), col("rule")) else {
        return Err(GlossaryCsvError::BadHeader(header.iter().collect::<Vec<_>>().join(",")));
    };
    let phrasing_col = col("customer_phrasing");
    let note_col = col("note");
    let mut out = ParsedGlossary::default();
    let mut seen = std::collections::HashSet::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                out.errors.push(RowError { line, message: format!("unreadable row: {e}") });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").to_string();
        if record.iter().all(|f| f.is_empty()) {
            continue;
        }
        // A glossary field is one line: a field running over lines is a quote left open, which
        // swallows every row after it.
        if record.iter().any(|f| f.contains('\n')) {
            let swallowed = record.iter().map(|f| f.matches('\n').count()).sum::<usize>();
            out.errors.push(RowError {
                line,
                message: format!("a quote (\") opened here is never closed, so the {swallowed} lines after it were read as one field; close the quote and import again"),
            });
            continue;
        }
        if let Some((_, _, c)) = record.iter().find_map(pitchbridge_core::controls::find) {
            out.errors.push(RowError { line, message: format!("it holds a control character ({}); remove it", pitchbridge_core::controls::name(c)) });
            continue;
        }
        let term = get(Some(term_col));
        let rule_text = get(Some(rule_col)).to_ascii_lowercase();
        if term.is_empty() {
            out.errors.push(RowError { line, message: "the term is empty".into() });
            continue;
        }
        let Some(rule) = GlossaryRule::parse(&rule_text) else {
            out.errors.push(RowError { line, message: format!("rule “{rule_text}” is not explain, avoid or preferred") });
            continue;
        };
        if !seen.insert(term.to_lowercase()) {
            out.errors.push(RowError { line, message: format!("“{term}” appears twice; the first row counts") });
            continue;
        }
        out.entries.push(GlossaryInput { term, customer_phrasing: get(phrasing_col), rule, note: get(note_col) });
    }
    Ok(out)
}

pub fn write(entries: &[GlossaryInput]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER).expect("writing to memory");
    for e in entries {
        w.write_record([e.term.as_str(), e.customer_phrasing.as_str(), e.rule.as_str(), e.note.as_str()]).expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("flushing memory")).expect("CSV of UTF-8 fields is UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reports_bad_rows_by_line() {
        let csv = "term,customer_phrasing,rule,note\nARR,yearly revenue,explain,\n\"3-way match, auto\",\"matching invoice, order and receipt\",AVOID,\"quoted, with comma\"\n,x,avoid,\nfoo,bar,maybe,\nARR,again,avoid,\n";
        let parsed = parse(csv.as_bytes()).unwrap();
        assert_eq!(parsed.entries.len(), 2);
        assert_eq!(parsed.entries[1].term, "3-way match, auto");
        assert_eq!(parsed.entries[1].rule, GlossaryRule::Avoid);
        let lines: Vec<u64> = parsed.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [4, 5, 6]);
        let again = parse(write(&parsed.entries).as_bytes()).unwrap();
        assert_eq!(again.entries, parsed.entries);
    }

    #[test]
    fn a_quote_left_open_is_reported_with_its_line_not_swallowed_silently() {
        let csv = "term,customer_phrasing,rule,note\nARR,yearly revenue,explain,\n\"EBITDA,earnings,explain,\nOEE,equipment effectiveness,explain,\nSKU,product code,explain,\n";
        let parsed = parse(csv.as_bytes()).unwrap();
        assert_eq!(parsed.entries.len(), 1, "ARR only");
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].line, 3);
        assert!(parsed.errors[0].message.contains("never closed"), "{}", parsed.errors[0].message);
        let bell = parse("term,customer_phrasing,rule,note\nA\u{7}PI,interface,explain,\n".as_bytes()).unwrap();
        assert!(bell.entries.is_empty() && bell.errors[0].message.contains("U+0007"), "{:?}", bell.errors);
    }

    #[test]
    fn refuses_what_is_not_a_glossary() {
        assert_eq!(parse(b"").unwrap_err(), GlossaryCsvError::Empty);
        assert_eq!(parse(&[0xff, 0xfe, 0x00]).unwrap_err(), GlossaryCsvError::NotText);
        assert!(matches!(parse(b"name,value\na,b\n").unwrap_err(), GlossaryCsvError::BadHeader(_)));
    }
}
