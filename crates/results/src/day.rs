//! Calendar days as a count since 1970-01-01, so comparing and bucketing close dates costs an
//! integer compare, and the forms dates take in spreadsheets from different locales.

use ts_rs::TS;
use std::fmt;

use serde::{Deserialize, Serialize};

/// A calendar day (proleptic Gregorian), as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

impl Day {
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Day> {
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) || !(1900..=2200).contains(&y) {
            return None;
        }
        // H. Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y } as i64;
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m as i64 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day((era * 146_097 + doe - 719_468) as i32))
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        ((yoe + era * 400 + if m <= 2 { 1 } else { 0 }) as i32, m, d)
    }

    /// `YYYY-MM-DD`, or the first ten characters of an RFC 3339 time.
    pub fn parse_iso(s: &str) -> Option<Day> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || (b.len() > 10 && !matches!(b[10], b'T' | b' ')) {
            return None;
        }
        Day::from_ymd(s[0..4].parse().ok()?, s[5..7].parse().ok()?, s[8..10].parse().ok()?)
    }

    pub fn add_days(self, n: i32) -> Day {
        Day(self.0 + n)
    }

    /// "2027-Q1".
    pub fn quarter(self) -> String {
        let (y, m, _) = self.ymd();
        format!("{y}-Q{}", (m - 1) / 3 + 1)
    }

    /// The quarter as one number (year × 4 + quarter index), for grouping without strings.
    pub fn quarter_index(self) -> i32 {
        let (y, m, _) = self.ymd();
        y * 4 + (m as i32 - 1) / 3
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// The order of day and month in dates written with numbers only. ISO dates and dates with a
/// month's name read the same whichever is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// 31/01/2027, 31.01.2027: most of the world.
    Dmy,
    /// 01/31/2027: the United States.
    Mdy,
    /// 2027/01/31.
    Ymd,
}

impl DateOrder {
    pub fn parse(s: &str) -> Option<DateOrder> {
        match s.trim().to_ascii_lowercase().replace(['-', '/', '.', ' '], "").as_str() {
            "dmy" | "ddmmyyyy" | "day" => Some(DateOrder::Dmy),
            "mdy" | "mmddyyyy" | "month" => Some(DateOrder::Mdy),
            "ymd" | "yyyymmdd" | "iso" => Some(DateOrder::Ymd),
            _ => None,
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            DateOrder::Dmy => "day before month (31/01/2027)",
            DateOrder::Mdy => "month before day (01/31/2027)",
            DateOrder::Ymd => "year, month, day (2027-01-31)",
        }
    }
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month_name(t: &str) -> Option<u32> {
    let t = t.to_ascii_lowercase();
    if t.len() < 3 {
        return None;
    }
    // English, and the German, French and Spanish forms that differ in their first letters.
    let extra: &[(&str, u32)] = &[("mär", 3), ("mrz", 3), ("mai", 5), ("okt", 10), ("dez", 12), ("janv", 1), ("févr", 2), ("fev", 2), ("avr", 4), ("juin", 6), ("juil", 7), ("août", 8), ("aou", 8), ("déc", 12), ("ene", 1), ("abr", 4), ("ago", 8), ("dic", 12)];
    for (p, m) in extra {
        if t.starts_with(p) {
            return Some(*m);
        }
    }
    MONTHS.iter().position(|m| t.starts_with(m)).map(|i| i as u32 + 1)
}

/// What a date's numbers say about the order of day and month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateShape {
    /// ISO, a month's name, or year first: reads the same in any order.
    Unambiguous,
    /// Numbers only, day and month both 12 or less: 03/04/2027.
    Either,
    /// Only day-first reads it (first number above 12, or dots as in 31.01.2027).
    DayFirst,
    /// Only month-first reads it (second number above 12).
    MonthFirst,
    /// Not a date.
    NotADate,
}

fn tokens(s: &str) -> Vec<&str> {
    // The time of day, if any, is after the date: cut at 'T' between digits or at a space
    // followed by digits and a colon.
    let s = s.trim();
    let date_part = match s.find(|c: char| c == ' ' || c == 'T') {
        Some(i) if s[i + 1..].contains(':') && s[..i].chars().any(|c| c.is_ascii_digit()) && s[..i].chars().filter(|c| c.is_ascii_digit()).count() >= 4 => &s[..i],
        _ => s,
    };
    date_part.split(|c: char| !c.is_alphanumeric() && c != 'é' && c != 'û' && c != 'ä').filter(|t| !t.is_empty()).collect()
}

pub fn date_shape(s: &str) -> DateShape {
    let s = s.trim();
    if Day::parse_iso(s).is_some() {
        return DateShape::Unambiguous;
    }
    let t = tokens(s);
    if t.len() < 3 {
        return DateShape::NotADate;
    }
    if t.iter().any(|x| month_name(x).is_some()) {
        return DateShape::Unambiguous;
    }
    let n: Vec<u32> = match t[..3].iter().map(|x| x.parse::<u32>()).collect::<Result<_, _>>() {
        Ok(n) => n,
        Err(_) => return DateShape::NotADate,
    };
    if t[0].len() == 4 {
        return DateShape::Unambiguous;
    }
    if s.contains('.') && !s.contains('/') {
        return DateShape::DayFirst;
    }
    match (n[0] > 12, n[1] > 12) {
        (true, true) => DateShape::NotADate,
        (true, false) => DateShape::DayFirst,
        (false, true) => DateShape::MonthFirst,
        (false, false) => DateShape::Either,
    }
}

/// Reads a date as spreadsheets write it: ISO (with or without a time), numbers in the given
/// order with `/`, `.` or `-`, two- or four-digit years, or a month's name (15 Jan 2027,
/// Jan 15, 2027, 15-Jan-27).
pub fn parse_date(s: &str, order: DateOrder) -> Result<Day, String> {
    let raw = s.trim();
    if let Some(d) = Day::parse_iso(raw) {
        return Ok(d);
    }
    let bad = || format!("\"{raw}\" is not a date");
    let t = tokens(raw);
    if t.len() < 3 {
        return Err(bad());
    }
    let year = |x: &str| -> Option<i32> {
        let v: i32 = x.parse().ok()?;
        match x.len() {
            4 => Some(v),
            2 => Some(2000 + v),
            _ => None,
        }
    };
    let (y, m, d) = if let Some(mi) = t.iter().position(|x| month_name(x).is_some() && x.parse::<u32>().is_err()) {
        let m = month_name(t[mi]).unwrap();
        let rest: Vec<&str> = t.iter().enumerate().filter(|(i, _)| *i != mi).map(|(_, x)| *x).take(2).collect();
        if rest.len() < 2 {
            return Err(bad());
        }
        // "15 Jan 2027", "Jan 15, 2027", "2027 Jan 15".
        let (dd, yy) = if rest[0].len() == 4 { (rest[1], rest[0]) } else { (rest[0], rest[1]) };
        (year(yy).ok_or_else(bad)?, m, dd.parse().map_err(|_| bad())?)
    } else {
        let n: Vec<&str> = t[..3].to_vec();
        if n[0].len() == 4 {
            (year(n[0]).ok_or_else(bad)?, n[1].parse().map_err(|_| bad())?, n[2].parse().map_err(|_| bad())?)
        } else {
            let a: u32 = n[0].parse().map_err(|_| bad())?;
            let b: u32 = n[1].parse().map_err(|_| bad())?;
            let y = year(n[2]).ok_or_else(bad)?;
            let dots = raw.contains('.') && !raw.contains('/');
            match order {
                _ if dots => (y, b, a),
                DateOrder::Dmy | DateOrder::Ymd => (y, b, a),
                DateOrder::Mdy => (y, a, b),
            }
        }
    };
    Day::from_ymd(y, m, d).ok_or_else(|| match order {
        DateOrder::Dmy if m > 12 => format!("\"{raw}\" has no month {m}: the file's dates were read day first"),
        DateOrder::Mdy if m > 12 => format!("\"{raw}\" has no month {m}: the file's dates were read month first"),
        _ => bad(),
    })
}

/// Decides the order of day and month from a sample of a file's dates: any date only one order
/// can read settles it; dates that both orders read leave it open (`Ok(None)`), and the person
/// importing is asked. A sample both ways is an error.
pub fn detect_date_order<'a>(samples: impl IntoIterator<Item = &'a str>) -> Result<Option<DateOrder>, String> {
    let (mut day_first, mut month_first, mut either) = (None, None, false);
    for s in samples {
        match date_shape(s) {
            DateShape::DayFirst => day_first = day_first.or(Some(s.to_string())),
            DateShape::MonthFirst => month_first = month_first.or(Some(s.to_string())),
            DateShape::Either => either = true,
            _ => {}
        }
    }
    match (day_first, month_first) {
        (Some(a), Some(b)) => Err(format!("The dates are written both ways (\"{a}\" is day first, \"{b}\" is month first); fix the file or say which order it uses.")),
        (Some(_), None) => Ok(Some(DateOrder::Dmy)),
        (None, Some(_)) => Ok(Some(DateOrder::Mdy)),
        (None, None) if either => Ok(None),
        (None, None) => Ok(Some(DateOrder::Ymd)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip() {
        for s in ["1970-01-01", "2000-02-29", "2027-12-31", "2024-03-01"] {
            assert_eq!(Day::parse_iso(s).unwrap().to_string(), s);
        }
        assert_eq!(Day::parse_iso("1970-01-02").unwrap().0, 1);
        assert!(Day::parse_iso("2027-02-29").is_none());
        assert_eq!(Day::parse_iso("2027-05-04T10:00:00Z").unwrap().to_string(), "2027-05-04");
        assert_eq!(Day::parse_iso("2027-05-04").unwrap().quarter(), "2027-Q2");
    }

    #[test]
    fn reads_dates_of_many_locales() {
        let iso = Day::parse_iso("2027-01-31").unwrap();
        assert_eq!(parse_date("31/01/2027", DateOrder::Dmy), Ok(iso));
        assert_eq!(parse_date("1/31/2027", DateOrder::Mdy), Ok(iso));
        assert_eq!(parse_date("31.01.2027", DateOrder::Mdy), Ok(iso), "dots are day first everywhere");
        assert_eq!(parse_date("31/01/27", DateOrder::Dmy), Ok(iso));
        assert_eq!(parse_date("2027/01/31", DateOrder::Dmy), Ok(iso));
        assert_eq!(parse_date("31 Jan 2027", DateOrder::Mdy), Ok(iso));
        assert_eq!(parse_date("Jan 31, 2027", DateOrder::Dmy), Ok(iso));
        assert_eq!(parse_date("31-Jan-27", DateOrder::Dmy), Ok(iso));
        assert_eq!(parse_date("01/31/2027 14:05", DateOrder::Mdy), Ok(iso));
        assert_eq!(parse_date("2027-01-31 14:05", DateOrder::Mdy), Ok(iso));
        assert_eq!(parse_date("31. Dez. 2027", DateOrder::Dmy), Ok(Day::parse_iso("2027-12-31").unwrap()));
        assert!(parse_date("1/31/2027", DateOrder::Dmy).unwrap_err().contains("no month 31"));
        assert!(parse_date("soon", DateOrder::Dmy).is_err());
        assert!(parse_date("", DateOrder::Dmy).is_err());
    }

    #[test]
    fn detects_the_order_only_when_a_date_settles_it() {
        assert_eq!(detect_date_order(["03/04/2027", "28/04/2027"]), Ok(Some(DateOrder::Dmy)));
        assert_eq!(detect_date_order(["03/04/2027", "04/28/2027"]), Ok(Some(DateOrder::Mdy)));
        assert_eq!(detect_date_order(["03/04/2027", "05/06/2027"]), Ok(None));
        assert_eq!(detect_date_order(["2027-04-03"]), Ok(Some(DateOrder::Ymd)));
        assert_eq!(detect_date_order(["03.04.2027"]), Ok(Some(DateOrder::Dmy)));
        assert!(detect_date_order(["28/04/2027", "04/28/2027"]).is_err());
    }
}
