//! Splitting a Factory message into claims.
//!
//! Deterministic rules, so the same text always gives the same claims:
//! - a line starting with `#`, or a short line ending in `:`, is a heading: it names the section
//!   of the claims below it and is never a claim itself;
//! - each bullet or numbered item (`-`, `*`, `•`, `1.`, `1)`, `a)`) is one claim; indented lines
//!   under it continue it;
//! - other lines form paragraphs (a blank line ends one) that are split into sentences.

use crate::model::ClaimKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitClaim {
    pub text: String,
    pub section: String,
    /// A first guess at the kind, which the writer can change.
    pub proposed_kind: ClaimKind,
}

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "inc", "ltd", "co", "corp", "mr", "mrs", "ms", "dr", "prof", "vs", "no",
    "approx", "dept", "est", "fig", "jr", "sr", "st", "u.s", "u.k", "e.u", "a.m", "p.m", "cf",
];

enum Line<'a> {
    Blank,
    Heading(String),
    Bullet { indent: usize, text: &'a str },
    Text { indent: usize, text: &'a str },
}

pub fn split_message(source: &str) -> Vec<SplitClaim> {
    let mut claims = Vec::new();
    let mut section = String::new();
    let mut paragraph = String::new();
    // The open bullet and its indent, so indented lines can continue it.
    let mut bullet: Option<(String, usize)> = None;
    let mut first = true;

    let mut push = |text: &str, section: &str, claims: &mut Vec<SplitClaim>| {
        let text = clean_inline(text);
        if text.chars().any(|c| c.is_alphanumeric()) {
            // The section's heading, when it names a kind, is the strongest signal.
            let proposed_kind = kind_from_heading(section).unwrap_or_else(|| propose_kind(&text, first));
            first = false;
            claims.push(SplitClaim { text, section: section.to_string(), proposed_kind });
        }
    };

    for raw in source.lines() {
        match classify(raw) {
            Line::Blank => {
                flush_paragraph(&mut paragraph, &section, &mut claims, &mut push);
                if let Some((b, _)) = bullet.take() {
                    push(&b, &section, &mut claims);
                }
            }
            Line::Heading(h) => {
                flush_paragraph(&mut paragraph, &section, &mut claims, &mut push);
                if let Some((b, _)) = bullet.take() {
                    push(&b, &section, &mut claims);
                }
                section = h;
            }
            Line::Bullet { indent, text } => {
                flush_paragraph(&mut paragraph, &section, &mut claims, &mut push);
                if let Some((b, _)) = bullet.take() {
                    push(&b, &section, &mut claims);
                }
                bullet = Some((text.to_string(), indent));
            }
            Line::Text { indent, text } => match bullet.as_mut() {
                Some((b, bullet_indent)) if indent > *bullet_indent => {
                    b.push(' ');
                    b.push_str(text);
                }
                _ => {
                    if let Some((b, _)) = bullet.take() {
                        push(&b, &section, &mut claims);
                    }
                    if !paragraph.is_empty() {
                        paragraph.push(' ');
                    }
                    paragraph.push_str(text);
                }
            },
        }
    }
    flush_paragraph(&mut paragraph, &section, &mut claims, &mut push);
    if let Some((b, _)) = bullet.take() {
        push(&b, &section, &mut claims);
    }
    claims
}

fn flush_paragraph(
    paragraph: &mut String,
    section: &str,
    claims: &mut Vec<SplitClaim>,
    push: &mut impl FnMut(&str, &str, &mut Vec<SplitClaim>),
) {
    if paragraph.is_empty() {
        return;
    }
    for sentence in split_sentences(paragraph) {
        push(&sentence, section, claims);
    }
    paragraph.clear();
}

fn classify(raw: &str) -> Line<'_> {
    let indent = raw.chars().take_while(|c| c.is_whitespace()).count();
    let line = raw.trim();
    if line.is_empty() {
        return Line::Blank;
    }
    if let Some(h) = line.strip_prefix('#') {
        let h = h.trim_start_matches('#').trim();
        return Line::Heading(clean_inline(h));
    }
    if let Some(text) = bullet_text(line) {
        return Line::Bullet { indent, text };
    }
    let words = line.split_whitespace().count();
    if line.ends_with(':') && words <= 8 {
        return Line::Heading(clean_inline(line.trim_end_matches(':')));
    }
    Line::Text { indent, text: line }
}

/// The text after a bullet or item marker, if the line starts with one.
fn bullet_text(line: &str) -> Option<&str> {
    for marker in ["- ", "* ", "+ ", "• ", "◦ ", "▪ ", "– ", "— "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest.trim());
        }
    }
    // "1. ", "12) ", "a) "
    let marker_len = line
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit())
        .count();
    let after = if marker_len > 0 && marker_len <= 3 {
        &line[marker_len..]
    } else {
        let mut cs = line.chars();
        match (cs.next(), cs.next()) {
            (Some(c), Some(')')) if c.is_ascii_lowercase() => &line[1..],
            _ => return None,
        }
    };
    let rest = after.strip_prefix(". ").or_else(|| after.strip_prefix(") "))?;
    Some(rest.trim())
}

/// Strips Markdown emphasis and code markers and collapses whitespace.
/// Claim text without Markdown emphasis (`**bold**`, `*italic*`, `__bold__`, `` `code` ``):
/// imported documents keep their emphasis in the message's source text, not in its claims.
fn clean_inline(text: &str) -> String {
    let mut stripped = text.replace("**", "").replace("__", "").replace('`', "");
    // Single asterisks in pairs are italics; a lone one ("terms apply*") is text.
    let stars = stripped.matches('*').count();
    if stars > 0 && stars % 2 == 0 {
        stripped = stripped.replace('*', "");
    }
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Splits a paragraph into sentences at `.`, `!`, `?` (and `…`) followed by whitespace and
/// something that can start a sentence, except after known abbreviations and initials.
pub fn split_sentences(paragraph: &str) -> Vec<String> {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take the whole run of terminators and closing quotes/brackets.
            let mut end = i + 1;
            while end < chars.len()
                && matches!(chars[end], '.' | '!' | '?' | '"' | '\'' | '”' | '’' | ')' | ']')
            {
                end += 1;
            }
            let followed_by_space = end < chars.len() && chars[end].is_whitespace();
            if followed_by_space {
                let mut next = end;
                while next < chars.len() && chars[next].is_whitespace() {
                    next += 1;
                }
                let starts_sentence = next < chars.len() && {
                    let n = chars[next];
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '"' | '“' | '‘' | '\'' | '(' | '[' | '$' | '€' | '£')
                        || !n.is_alphabetic() && !n.is_ascii_punctuation()
                };
                if starts_sentence && !(c == '.' && is_abbreviation(&chars[start..i])) {
                    let sentence: String = chars[start..end].iter().collect();
                    out.push(sentence.trim().to_string());
                    start = next;
                    i = next;
                    continue;
                }
            }
            i = end;
            continue;
        }
        i += 1;
    }
    let tail: String = chars[start..].iter().collect();
    if !tail.trim().is_empty() {
        out.push(tail.trim().to_string());
    }
    out
}

/// Whether the word just before a period is an abbreviation or an initial.
fn is_abbreviation(before: &[char]) -> bool {
    let word: String = before
        .iter()
        .rev()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '(' | '"' | '“'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // A single capital letter: an initial, as in "J. Smith".
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

// Cue phrases, matched where a word starts (see `find_cues`).
const PRICING_WORDS: &[&str] = &[
    "price", "pricing", "priced", "per user", "per seat", "per month", "per year", "per invoice",
    "subscription", "tier", "margin", "discount", "licence fee", "license fee", "msrp", "list price",
];
const BENEFIT_WORDS: &[&str] = &[
    "you ", "your ", "save", "reduce", "cut ", "cuts ", "faster", "fewer", "free up", "frees",
    "without", "never", "less time", "lower", "avoid", "so that", "helps",
];
const ADVANTAGE_WORDS: &[&str] = &[
    "unlike", "only ", "than ", "compared", "first ", "no other", "competitor", "alternative",
];

#[derive(Default)]
struct Cues {
    pricing: bool,
    benefit: bool,
    advantage: bool,
}

/// Finds the cue phrases in one pass over the words of `lower` (lower-case text): each cue is
/// tried only where a word starts, and only cues starting with that word's first letter. A
/// cue with a trailing space must end a word there; others may run on ("discount" finds
/// "discounts"). A long message has thousands of claims, so this is kept cheap.
fn find_cues(lower: &str) -> Cues {
    let mut cues = Cues::default();
    let bytes = lower.as_bytes();
    let mut prev_word_char = false;
    for (i, c) in lower.char_indices() {
        let word_char = c.is_alphanumeric();
        if word_char && !prev_word_char && c.is_ascii() {
            let rest = &lower[i..];
            for (list, flag) in [(PRICING_WORDS, 0), (BENEFIT_WORDS, 1), (ADVANTAGE_WORDS, 2)] {
                for cue in list.iter().filter(|cue| cue.as_bytes()[0] == bytes[i]) {
                    let found = match cue.strip_suffix(' ') {
                        Some(whole) => {
                            rest.starts_with(whole)
                                && !rest[whole.len()..].chars().next().is_some_and(char::is_alphanumeric)
                        }
                        None => rest.starts_with(cue),
                    };
                    if found {
                        match flag {
                            0 => cues.pricing = true,
                            1 => cues.benefit = true,
                            _ => cues.advantage = true,
                        }
                    }
                }
            }
        }
        prev_word_char = word_char;
    }
    cues
}

/// Headings that say what kind of claims sit under them, matched on their words.
const HEADING_KINDS: &[(ClaimKind, &[&str])] = &[
    (ClaimKind::Pricing, &["pricing", "price", "prices", "plans", "packaging", "cost", "costs", "licensing", "commercials"]),
    (ClaimKind::Proof, &["proof", "proofs", "evidence", "results", "customers", "customer stories", "case studies", "case study", "testimonials", "references", "success stories", "by the numbers"]),
    (ClaimKind::Benefit, &["benefits", "benefit", "outcomes", "why it matters", "what you get", "value", "impact"]),
    (ClaimKind::Advantage, &["differentiators", "differentiation", "why us", "why we win", "advantages", "competitive", "competition", "compared", "versus", "vs"]),
    (ClaimKind::Feature, &["features", "feature", "capabilities", "how it works", "what it does", "functionality", "product details", "specifications", "specs", "integrations"]),
    (ClaimKind::Positioning, &["positioning", "overview", "summary", "value proposition", "elevator pitch", "at a glance", "in short"]),
];

/// The kind a section heading names ("Key benefits", "Proof points", "Pricing and plans"), if
/// any; the heading's own words only, so "Benefits of pricing" is a benefit heading.
pub fn kind_from_heading(heading: &str) -> Option<ClaimKind> {
    let lower = heading.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let joined = format!(" {} ", words.join(" "));
    let joined = joined.as_str();
    // The cue that appears first in the heading decides.
    HEADING_KINDS
        .iter()
        .flat_map(|(kind, cues)| cues.iter().filter_map(move |c| joined.find(&format!(" {c} ")).map(|at| (at, *kind))))
        .min_by_key(|(at, _)| *at)
        .map(|(_, kind)| kind)
}

/// A first guess at a claim's kind from its wording. The writer has the last word.
pub fn propose_kind(text: &str, is_first: bool) -> ClaimKind {
    let lower = text.to_lowercase();
    let cues = find_cues(&lower);
    let has_money = text.chars().any(|c| matches!(c, '$' | '€' | '£' | '¥'));
    if has_money || cues.pricing {
        return ClaimKind::Pricing;
    }
    if is_first {
        return ClaimKind::Positioning;
    }
    let has_number = text.chars().any(|c| c.is_ascii_digit());
    let has_quote = text.contains('“') || text.contains('"');
    if has_quote || (has_number && (text.contains('%') || lower.contains("customers"))) {
        return ClaimKind::Proof;
    }
    if cues.advantage {
        return ClaimKind::Advantage;
    }
    if cues.benefit {
        return ClaimKind::Benefit;
    }
    ClaimKind::Feature
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<String> {
        split_message(source).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn emphasis_markers_are_not_claim_text() {
        assert_eq!(texts("- Reads **PDFs** and *scans*.\n- Terms apply*"), vec!["Reads PDFs and scans.", "Terms apply*"]);
    }

    #[test]
    fn headings_name_sections_and_are_not_claims() {
        let claims = split_message("# Title\n## Why\nIt is fast. It is cheap.\n\nKey features:\n- One\n- Two");
        let got: Vec<(&str, &str)> =
            claims.iter().map(|c| (c.section.as_str(), c.text.as_str())).collect();
        assert_eq!(
            got,
            vec![("Why", "It is fast."), ("Why", "It is cheap."), ("Key features", "One"), ("Key features", "Two")]
        );
    }

    #[test]
    fn bullets_are_one_claim_each_and_continue_on_indented_lines() {
        let got = texts("- First point. Still first.\n  more of the first\n* Second\n1. Third\n2) Fourth\na) Fifth\n• Sixth");
        assert_eq!(
            got,
            vec![
                "First point. Still first. more of the first",
                "Second",
                "Third",
                "Fourth",
                "Fifth",
                "Sixth"
            ]
        );
    }

    #[test]
    fn sentences_split_but_not_at_abbreviations_decimals_or_initials() {
        let got = split_sentences(
            "Version 4.0 ships today. It works with ERPs, e.g. SAP and Oracle. Ask J. Smith! Why wait? \"We love it.\" Done",
        );
        assert_eq!(
            got,
            vec![
                "Version 4.0 ships today.",
                "It works with ERPs, e.g. SAP and Oracle.",
                "Ask J. Smith!",
                "Why wait?",
                "\"We love it.\"",
                "Done"
            ]
        );
    }

    #[test]
    fn soft_wrapped_paragraphs_join_before_splitting() {
        assert_eq!(texts("One sentence that\nwraps. Two."), vec!["One sentence that wraps.", "Two."]);
    }

    #[test]
    fn splitting_is_deterministic_and_ignores_markup_only_lines() {
        let src = "# T\n\n---\n\n**Bold** claim here.\n";
        assert_eq!(texts(src), vec!["Bold claim here."]);
        assert_eq!(split_message(src), split_message(src));
    }

    #[test]
    fn kinds_are_proposed_from_wording() {
        assert_eq!(propose_kind("Ledgerline is the AP platform for mid-market.", true), ClaimKind::Positioning);
        assert_eq!(propose_kind("Plans start at $4 per user per month.", false), ClaimKind::Pricing);
        assert_eq!(propose_kind("Customers cut close time by 38%.", false), ClaimKind::Proof);
        assert_eq!(propose_kind("Unlike legacy tools, it runs in the browser.", false), ClaimKind::Advantage);
        assert_eq!(propose_kind("Your team stops chasing approvals.", false), ClaimKind::Benefit);
        assert_eq!(propose_kind("OCR reads PDF invoices.", false), ClaimKind::Feature);
    }

    #[test]
    fn a_heading_that_names_a_kind_decides_it() {
        assert_eq!(kind_from_heading("Key benefits"), Some(ClaimKind::Benefit));
        assert_eq!(kind_from_heading("Proof points"), Some(ClaimKind::Proof));
        assert_eq!(kind_from_heading("Pricing and plans"), Some(ClaimKind::Pricing));
        assert_eq!(kind_from_heading("Why we win"), Some(ClaimKind::Advantage));
        assert_eq!(kind_from_heading("How it works"), Some(ClaimKind::Feature));
        assert_eq!(kind_from_heading("Benefits of the new pricing"), Some(ClaimKind::Benefit));
        assert_eq!(kind_from_heading("Cold chain in 2027"), None);
        assert_eq!(kind_from_heading(""), None);
        let claims = split_message("# Coldtrace\n\n## Benefits\n\n- Sensors report every 30 seconds, so no load spoils unseen.\n- Drivers sleep through the night.\n\n## Proof\n\n- Northwind Grocers lost no load in 2026.\n");
        let kinds: Vec<ClaimKind> = claims.iter().map(|c| c.proposed_kind).collect();
        assert_eq!(kinds, [ClaimKind::Benefit, ClaimKind::Benefit, ClaimKind::Proof]);
    }
}
