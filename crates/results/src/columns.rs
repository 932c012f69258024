//! Finding a file's columns by the names tools give them, and the choices the person importing
//! makes once for a file (order of dates, decimal mark), detected where the data settles them.

use crate::amount::{detect_decimal_mark, fallback_mark, DecimalMark};
use crate::day::{detect_date_order, DateOrder};
use crate::table::{normalize_header, TableFormat};

/// The first header matching one of the names, in the names' order of preference.
pub fn find(format: &TableFormat, names: &[&str]) -> Option<usize> {
    let header: Vec<String> = format.header.iter().map(|h| normalize_header(h)).collect();
    names.iter().find_map(|n| header.iter().position(|h| h == &normalize_header(n)))
}

/// A column named by the person importing (or their mapping), which must exist.
pub fn named(format: &TableFormat, name: &str) -> Result<usize, String> {
    format.column(name).ok_or_else(|| format!("The file has no column \"{name}\". Its columns are: {}.", format.header.join(", ")))
}

/// The sample's values in one column.
pub fn sample_values(format: &TableFormat, col: Option<usize>) -> Vec<&str> {
    match col {
        Some(c) => format.sample.iter().filter_map(|r| r.get(c)).map(|s| s.as_str()).filter(|s| !s.trim().is_empty()).collect(),
        None => Vec::new(),
    }
}

/// The order of day and month: as given, or settled by the sample's dates, or asked for.
pub fn date_order(format: &TableFormat, cols: &[Option<usize>], given: Option<DateOrder>, notes: &mut Vec<String>) -> Result<DateOrder, String> {
    if let Some(o) = given {
        notes.push(format!("Dates are read {}, as asked.", o.describe()));
        return Ok(o);
    }
    let values: Vec<&str> = cols.iter().flat_map(|c| sample_values(format, *c)).collect();
    match detect_date_order(values.iter().copied())? {
        Some(DateOrder::Ymd) => Ok(DateOrder::Ymd),
        Some(o) => {
            notes.push(format!("Dates are read {}: the file's dates settle it.", o.describe()));
            Ok(o)
        }
        None => Err(format!(
            "The dates (such as \"{}\") could be day first or month first, and none of the first rows settles it. Say which: day-month-year (dmy) or month-day-year (mdy).",
            values.first().copied().unwrap_or("")
        )),
    }
}

/// The decimal mark: as given, settled by the sample's amounts, or from the separator (said).
pub fn decimal_mark(format: &TableFormat, col: Option<usize>, given: Option<DecimalMark>, notes: &mut Vec<String>) -> Result<DecimalMark, String> {
    if let Some(m) = given {
        notes.push(format!("Amounts are read with a {}, as asked.", m.describe()));
        return Ok(m);
    }
    let values = sample_values(format, col);
    match detect_decimal_mark(values.iter().copied())? {
        Some(m) => {
            if m == DecimalMark::Comma {
                notes.push(format!("Amounts are read with a {}: the file's amounts settle it.", m.describe()));
            }
            Ok(m)
        }
        None => {
            let m = fallback_mark(format.delimiter);
            if !values.is_empty() {
                notes.push(format!(
                    "No amount in the first rows shows the decimal mark (such as \"{}\"); they are read with a {}, as files separated by {} usually are. Say so if that is wrong.",
                    values[0],
                    m.describe(),
                    format.delimiter_name()
                ));
            }
            Ok(m)
        }
    }
}

/// A cell's text, trimmed, or "" when the column is absent or the row short.
pub fn cell<'a>(fields: &'a [String], col: Option<usize>) -> &'a str {
    col.and_then(|c| fields.get(c)).map(|s| s.trim()).unwrap_or("")
}

/// An email as the owner of a deal or a rep: something@somewhere.tld, no spaces.
pub fn looks_like_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((user, host)) => !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.') && !s.contains(char::is_whitespace) && !host.contains('@'),
        None => false,
    }
}
