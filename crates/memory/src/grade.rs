//! Grading a stored pair against a claim as a CAT tool grades a memory match: context (the
//! same claim, for the same audience), exact (the same claim text), 95–99 (only numbers,
//! punctuation or case differ; the numbers are carried into the suggestion), 85–94 and 75–84
//! (fuzzy: the better of the character edit distance and the edit distance of the words
//! sorted, so reordered words still match). Below 75 nothing is offered.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::text::{collapse, numbers, skeleton, terms};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum Band {
    #[serde(rename = "75-84")]
    Fuzzy75,
    #[serde(rename = "85-94")]
    Fuzzy85,
    #[serde(rename = "95-99")]
    Near,
    #[serde(rename = "exact")]
    Exact,
    #[serde(rename = "context")]
    Context,
}

impl Band {
    pub fn label(self) -> &'static str {
        match self {
            Band::Context => "context",
            Band::Exact => "exact",
            Band::Near => "95-99",
            Band::Fuzzy85 => "85-94",
            Band::Fuzzy75 => "75-84",
        }
    }
}

/// The lowest match offered, in percent.
pub const MIN_SCORE: u32 = 75;
/// Edit distances are taken over at most this many characters of each side.
const COMPARE_CHARS: usize = 600;

/// What is being translated: a claim's text, the claims themselves when known, the audience.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    pub text: &'a str,
    pub claim_ids: &'a [i64],
    pub audience_id: Option<i64>,
}

/// A stored pair, as grading needs it.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub source: &'a str,
    pub target: &'a str,
    pub claim_ids: &'a [i64],
    pub audience_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Substitution {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Grade {
    /// 101 for context, 100 for exact, else the match in percent.
    pub score: u32,
    pub band: Band,
    /// The approved sentence with the claim's numbers carried in.
    pub text: String,
    pub substitutions: Vec<Substitution>,
}

fn cut(s: &str) -> &str {
    match s.char_indices().nth(COMPARE_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The similarity of two texts in 0–1: the better of the characters' and the sorted words'
/// normalised edit distance. Texts too different in length to reach 75% are not compared.
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (cut(a), cut(b));
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.max(lb) == 0 {
        return 1.0;
    }
    if (la.abs_diff(lb) as f64) / (la.max(lb) as f64) > 1.0 - MIN_SCORE as f64 / 100.0 + 0.05 {
        return 0.0;
    }
    let chars = strsim::normalized_levenshtein(a, b);
    let sorted = |s: &str| {
        let mut t = terms(s);
        t.sort();
        t.join(" ")
    };
    chars.max(strsim::normalized_levenshtein(&sorted(a), &sorted(b)))
}

/// Carries the query's numbers into the target where the source had others in their place:
/// the i-th number of the source becomes the i-th number of the query.
fn substitute(query: &str, source: &str, target: &str) -> (String, Vec<Substitution>) {
    let (qn, sn) = (numbers(query), numbers(source));
    if qn.len() != sn.len() || qn == sn {
        return (target.to_string(), Vec::new());
    }
    let mut text = target.to_string();
    let mut subs = Vec::new();
    for (from, to) in sn.iter().zip(&qn) {
        if from == to {
            continue;
        }
        // Whole numbers only: "30" in "300" is not the number 30.
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        let mut replaced = false;
        while let Some(i) = rest.find(from.as_str()) {
            let before = rest[..i].chars().next_back();
            let after = rest[i + from.len()..].chars().next();
            let whole = !before.is_some_and(|c| c.is_ascii_digit() || ((c == '.' || c == ',') && rest[..i].len() > 1 && rest[..i - 1].ends_with(|d: char| d.is_ascii_digit())))
                && !after.is_some_and(|c| c.is_ascii_digit() || ((c == '.' || c == ',') && rest[i + from.len() + 1..].starts_with(|d: char| d.is_ascii_digit())));
            out.push_str(&rest[..i]);
            if whole {
                out.push_str(to);
                replaced = true;
            } else {
                out.push_str(from);
            }
            rest = &rest[i + from.len()..];
        }
        out.push_str(rest);
        if replaced {
            text = out;
            subs.push(Substitution { from: from.clone(), to: to.clone() });
        }
    }
    (text, subs)
}

/// How well a stored pair serves the query; `None` below 75%.
pub fn grade(q: &Query, c: &Candidate) -> Option<Grade> {
    let same_claim = !q.claim_ids.is_empty() && q.claim_ids.iter().any(|id| c.claim_ids.contains(id));
    let same_text = collapse(q.text) == collapse(c.source);
    if same_claim && q.audience_id.is_some() && q.audience_id == c.audience_id {
        return Some(Grade { score: 101, band: Band::Context, text: c.target.to_string(), substitutions: Vec::new() });
    }
    if same_text || same_claim && collapse(q.text) == collapse(c.source) {
        return Some(Grade { score: 100, band: Band::Exact, text: c.target.to_string(), substitutions: Vec::new() });
    }
    let (qs, cs) = (skeleton(q.text), skeleton(c.source));
    let (text, substitutions) = substitute(q.text, c.source, c.target);
    if qs == cs {
        // Only numbers, punctuation or case differ: 99, less one for each number changed.
        let changed = numbers(q.text).iter().zip(numbers(c.source).iter()).filter(|(a, b)| a != b).count() as u32;
        let score = 99u32.saturating_sub(changed).max(95);
        return Some(Grade { score, band: Band::Near, text, substitutions });
    }
    let score = ((similarity(&qs, &cs) * 100.0).floor() as u32).min(94);
    let band = match score {
        85..=94 => Band::Fuzzy85,
        s if s >= MIN_SCORE => Band::Fuzzy75,
        _ => return None,
    };
    Some(Grade { score, band, text, substitutions })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q<'a>(text: &'a str, claims: &'a [i64], audience: Option<i64>) -> Query<'a> {
        Query { text, claim_ids: claims, audience_id: audience }
    }

    fn c<'a>(source: &'a str, target: &'a str, claims: &'a [i64], audience: Option<i64>) -> Candidate<'a> {
        Candidate { source, target, claim_ids: claims, audience_id: audience }
    }

    #[test]
    fn bands_from_context_down_to_nothing() {
        let pair = c("Month-end close takes 30% less time.", "Your team closes the month in 30% less time.", &[7], Some(2));
        assert_eq!(grade(&q("Month-end close takes 30% less time.", &[7], Some(2)), &pair).unwrap().band, Band::Context);
        assert_eq!(grade(&q("Month-end close takes 30% less time.", &[9], Some(2)), &pair).unwrap().band, Band::Exact);
        assert_eq!(grade(&q("Month-end  close takes 30% less time.", &[7], Some(3)), &pair).unwrap().band, Band::Exact);
        let near = grade(&q("Month-end close takes 45% less time!", &[], None), &pair).unwrap();
        assert_eq!((near.band, near.score), (Band::Near, 98));
        assert_eq!(near.text, "Your team closes the month in 45% less time.");
        assert_eq!(near.substitutions, vec![Substitution { from: "30".into(), to: "45".into() }]);
        let fuzzy = grade(&q("Month-end close takes 30% less effort.", &[], None), &pair).unwrap();
        assert!(matches!(fuzzy.band, Band::Fuzzy85 | Band::Fuzzy75) && fuzzy.score < 95, "{fuzzy:?}");
        let reordered = grade(&q("Takes 30% less time: the month-end close.", &[], None), &pair).unwrap();
        assert!(reordered.score >= 75, "{reordered:?}");
        assert!(grade(&q("Invoices enter themselves from the shared mailbox.", &[], None), &pair).is_none());
    }

    #[test]
    fn numbers_are_carried_in_whole() {
        let (t, s) = substitute("Saves 3 hours on 300 invoices", "Saves 2 hours on 200 invoices", "Two hundred? No: 200 invoices, 2 hours, 2026 saved.");
        assert_eq!(t, "Two hundred? No: 300 invoices, 3 hours, 2026 saved.");
        assert_eq!(s.len(), 2);
        let (t, s) = substitute("Costs 4.5 euros", "Costs 3.5 euros", "Just 3.5 euros, not 13.5.");
        assert_eq!((t.as_str(), s.len()), ("Just 4.5 euros, not 13.5.", 1));
    }

    #[test]
    fn long_and_unspaced_texts_grade_quickly_and_sensibly() {
        let long = "word ".repeat(5_000);
        assert_eq!(grade(&q(&long, &[], None), &c(&long, "x", &[], None)).unwrap().band, Band::Exact);
        let other = format!("{long} and more");
        assert!(grade(&q(&long, &[], None), &c(&other, "x", &[], None)).is_some(), "compared on their starts");
        let zh = c("月末决算时间缩短百分之三十", "您的团队月末结账时间缩短30%", &[], None);
        assert!(grade(&q("月末决算时间缩短百分之二十", &[], None), &zh).unwrap().score >= 85);
        assert!(grade(&q("发票自动录入系统", &[], None), &zh).is_none());
    }
}
