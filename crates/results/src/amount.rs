//! Money as spreadsheets write it: currency symbols or codes, thousands grouped with commas,
//! dots, spaces or apostrophes, and a decimal point or comma depending on the locale.

use ts_rs::TS;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DecimalMark {
    /// 1,234.56
    Point,
    /// 1.234,56
    Comma,
}

impl DecimalMark {
    pub fn parse(s: &str) -> Option<DecimalMark> {
        match s.trim().to_ascii_lowercase().as_str() {
            "point" | "dot" | "." => Some(DecimalMark::Point),
            "comma" | "," => Some(DecimalMark::Comma),
            _ => None,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            DecimalMark::Point => "decimal point (1,234.56)",
            DecimalMark::Comma => "decimal comma (1.234,56)",
        }
    }
}

/// The currency a symbol stands for.
fn symbol_code(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        _ => return None,
    })
}

/// Splits "€ 12.500,00", "USD 1,200" or "1 200 kr" into the number's text and a currency code.
fn split_currency(s: &str) -> (String, Option<String>) {
    let mut number = String::new();
    let mut letters = String::new();
    let mut code = None;
    for c in s.chars() {
        if c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '(' | ')' | '\'' | '’') {
            number.push(c);
        } else if c.is_alphabetic() {
            letters.push(c);
        } else if let Some(k) = symbol_code(c) {
            code = Some(k.to_string());
        }
        // Spaces (including no-break and narrow no-break spaces) group thousands.
    }
    let letters = letters.to_ascii_uppercase();
    if letters.len() == 3 && letters.chars().all(|c| c.is_ascii_uppercase()) {
        code = Some(letters);
    } else if letters == "KR" {
        code = Some("SEK".into());
    }
    (number, code)
}

/// What the written form of one amount says about the decimal mark.
fn mark_vote(number: &str) -> Option<DecimalMark> {
    let (last_dot, last_comma) = (number.rfind('.'), number.rfind(','));
    match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { DecimalMark::Point } else { DecimalMark::Comma }),
        (None, Some(c)) => {
            let after = number[c + 1..].chars().filter(|c| c.is_ascii_digit()).count();
            if number.matches(',').count() > 1 {
                Some(DecimalMark::Point)
            } else if after != 3 {
                Some(DecimalMark::Comma)
            } else {
                None
            }
        }
        (Some(d), None) => {
            let after = number[d + 1..].chars().filter(|c| c.is_ascii_digit()).count();
            if number.matches('.').count() > 1 {
                Some(DecimalMark::Comma)
            } else if after != 3 {
                Some(DecimalMark::Point)
            } else {
                None
            }
        }
        (None, None) => None,
    }
}

/// Decides the decimal mark from a sample of a file's amounts. `Ok(None)` when no amount
/// settles it (every one is like "1,500" or "1.500"): the person importing is asked, unless the
/// file's separator answers it (see [`fallback_mark`]).
pub fn detect_decimal_mark<'a>(samples: impl IntoIterator<Item = &'a str>) -> Result<Option<DecimalMark>, String> {
    let (mut point, mut comma) = (None, None);
    for s in samples {
        let (n, _) = split_currency(s);
        match mark_vote(&n) {
            Some(DecimalMark::Point) => point = point.or(Some(s.to_string())),
            Some(DecimalMark::Comma) => comma = comma.or(Some(s.to_string())),
            None => {}
        }
    }
    match (point, comma) {
        (Some(a), Some(b)) => Err(format!("The amounts are written both ways (\"{a}\" has a decimal point, \"{b}\" a decimal comma); fix the file or say which it uses.")),
        (Some(_), None) => Ok(Some(DecimalMark::Point)),
        (None, Some(_)) => Ok(Some(DecimalMark::Comma)),
        (None, None) => Ok(None),
    }
}

/// When no amount settles the mark: semicolon-separated files come from locales that write a
/// decimal comma (that is why Excel separates with semicolons there); comma-separated ones
/// from locales with a decimal point.
pub fn fallback_mark(delimiter: u8) -> DecimalMark {
    if delimiter == b';' {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    }
}

/// Reads an amount and its currency, if written with it. Accounting negatives "(1,200)" are
/// negative. An empty cell or a dash is no amount.
pub fn parse_amount(s: &str, mark: DecimalMark) -> Result<Option<(f64, Option<String>)>, String> {
    let raw = s.trim();
    if raw.is_empty() || raw == "-" || raw == "—" {
        return Ok(None);
    }
    let (number, code) = split_currency(raw);
    let negative = number.contains('-') || (number.starts_with('(') && number.ends_with(')'));
    let (group, decimal) = match mark {
        DecimalMark::Point => (',', '.'),
        DecimalMark::Comma => ('.', ','),
    };
    let mut plain = String::with_capacity(number.len());
    for c in number.chars() {
        if c.is_ascii_digit() {
            plain.push(c);
        } else if c == decimal {
            if plain.contains('.') {
                return Err(format!("\"{raw}\" is not an amount (two decimal marks)"));
            }
            plain.push('.');
        } else if c == group || c == '\'' || c == '’' || c == '-' || c == '(' || c == ')' {
        } else {
            return Err(format!("\"{raw}\" is not an amount"));
        }
    }
    if !plain.chars().any(|c| c.is_ascii_digit()) {
        return Err(format!("\"{raw}\" is not an amount"));
    }
    let v: f64 = plain.parse().map_err(|_| format!("\"{raw}\" is not an amount"))?;
    Ok(Some((if negative { -v } else { v }, code)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(s: &str, m: DecimalMark) -> f64 {
        parse_amount(s, m).unwrap().unwrap().0
    }

    #[test]
    fn reads_amounts_of_many_locales() {
        assert_eq!(amount("$12,500.00", DecimalMark::Point), 12500.0);
        assert_eq!(amount("12.500,50 €", DecimalMark::Comma), 12500.5);
        assert_eq!(amount("1 234,5", DecimalMark::Comma), 1234.5);
        assert_eq!(amount("1\u{202f}234,5", DecimalMark::Comma), 1234.5);
        assert_eq!(amount("CHF 1'250.75", DecimalMark::Point), 1250.75);
        assert_eq!(amount("(1,200)", DecimalMark::Point), -1200.0);
        assert_eq!(parse_amount("EUR 900", DecimalMark::Point).unwrap().unwrap().1.as_deref(), Some("EUR"));
        assert_eq!(parse_amount("£40", DecimalMark::Point).unwrap().unwrap().1.as_deref(), Some("GBP"));
        assert_eq!(parse_amount("", DecimalMark::Point), Ok(None));
        assert!(parse_amount("call me", DecimalMark::Point).is_err());
        assert!(parse_amount("1.2.3,4,5", DecimalMark::Comma).is_err());
    }

    #[test]
    fn detects_the_mark_only_when_an_amount_settles_it() {
        assert_eq!(detect_decimal_mark(["1,500", "2,000.50"]), Ok(Some(DecimalMark::Point)));
        assert_eq!(detect_decimal_mark(["1.500", "2.000,50"]), Ok(Some(DecimalMark::Comma)));
        assert_eq!(detect_decimal_mark(["1500,5"]), Ok(Some(DecimalMark::Comma)));
        assert_eq!(detect_decimal_mark(["1.000.000"]), Ok(Some(DecimalMark::Comma)));
        assert_eq!(detect_decimal_mark(["1,500", "7,250"]), Ok(None));
        assert!(detect_decimal_mark(["1,500.25", "7.250,10"]).is_err());
    }
}
