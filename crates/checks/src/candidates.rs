//! Glossary candidates: the acronyms and capitalised terms a Factory message uses, offered
//! to the writer so the jargon and acronym checks are not blind while the glossary is empty.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lists::WordLists;
use crate::rules::words::is_acronym;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CandidateKind {
    /// Capitals standing for words ("OEE", "DPO").
    Acronym,
    /// A capitalised name for a thing the Factory invented ("Smart Match", "FreshScore").
    Term,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GlossaryCandidate {
    pub term: String,
    pub kind: CandidateKind,
    /// How many claims use it.
    pub claims: u32,
    /// The first claim that uses it, for context.
    pub example: String,
    /// What the message says it stands for, when it spells it out ("overall equipment
    /// effectiveness (OEE)").
    pub spelled_out: Option<String>,
}

/// Most candidates offered at once: the most used first.
pub const MAX_CANDIDATES: usize = 40;

/// Small words a capitalised name may hold ("Office of the CFO", "Pick and Pack").
const JOINERS: &[&str] = &["of", "and", "&", "the", "for", "to", "in", "on"];

/// Words that start many capitalised runs without being part of a name.
const OPENERS: &[&str] = &[
    "The", "A", "An", "Our", "Your", "Their", "Its", "This", "That", "These", "Every", "Each", "With", "Without", "For", "In", "On", "At",
    "By", "From", "To", "And", "Or", "But", "If", "When", "Once", "All", "No", "New", "Only", "Most", "More", "Less", "Any", "We", "You",
    "It", "They", "Customers", "Teams", "Plants", "Stores",
];

/// Words after which a capitalised run names a person or an organisation ("says Dana
/// Whitcombe", "at Ridgeview Research"), not a term.
const BEFORE_NAMES: &[&str] = &["says", "said", "say", "according", "at", "by", "from", "per", "told", "writes", "wrote", "notes", "explains", "asks", "ask", "thanks", "Mr", "Ms", "Mrs", "Dr"];

fn words_of(text: &str) -> Vec<(usize, &str)> {
    let mut out = vec![];
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '&' || ((c == '-' || c == '\'' || c == '’') && start.is_some());
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, text[s..i].trim_end_matches(['-', '\'', '’'])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text[s..].trim_end_matches(['-', '\'', '’'])));
    }
    out
}

/// Whether the word starts a sentence: first in the text, or after `.`, `!`, `?`, `:` or a quote.
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(['"', '“', '‘', '(', '\'', ' ', '*']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '•', '-', '–', '—'])
}

fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.clone().any(char::is_lowercase)
}

/// A brand-like word: capitals inside ("FreshScore", "eClinicalWorks").
fn camel(w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    chars.len() >= 4 && chars.iter().skip(1).any(|c| c.is_uppercase()) && chars.iter().any(|c| c.is_lowercase()) && chars.iter().all(|c| c.is_alphanumeric())
}

/// The words before "(OEE)" whose initials spell the acronym, if they do.
fn spelled_out(text: &str, acronym_at: usize, acronym: &str) -> Option<String> {
    let before = text[..acronym_at].trim_end();
    if !before.ends_with('(') {
        return None;
    }
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).map(|c| c.to_ascii_lowercase()).collect();
    let words: Vec<&str> = before[..before.len() - 1].split_whitespace().collect();
    // Allow joiners ("days of payables") inside the run, never more than twice the letters.
    for take in letters.len()..=(letters.len() * 2).min(words.len()) {
        let run = &words[words.len() - take..];
        let initials: Vec<char> = run.iter().filter(|w| !JOINERS.contains(&w.to_lowercase().as_str())).filter_map(|w| w.chars().next()).map(|c| c.to_ascii_lowercase()).collect();
        if initials == letters {
            return Some(run.join(" ").trim_matches(|c: char| !c.is_alphanumeric()).to_string());
        }
    }
    None
}

/// Candidates from the claims' texts, leaving out what every reader knows, what the glossary
/// already has (`known`, any case) and the product's own names.
pub fn glossary_candidates<'a>(lists: &WordLists, claims: impl IntoIterator<Item = &'a str>, known: &[String]) -> Vec<GlossaryCandidate> {
    let known: HashSet<String> = known.iter().map(|k| k.trim().to_lowercase()).collect();
    let mut found: HashMap<String, GlossaryCandidate> = HashMap::new();
    let mut order: Vec<String> = vec![];
    let mut tentative: Vec<(String, String)> = vec![];
    for claim in claims {
        let mut in_this: HashSet<String> = HashSet::new();
        let mut note = |term: String, kind: CandidateKind, spelled: Option<String>, found: &mut HashMap<String, GlossaryCandidate>| {
            if known.contains(&term.to_lowercase()) || !in_this.insert(term.clone()) {
                return;
            }
            let c = found.entry(term.clone()).or_insert_with(|| {
                order.push(term.clone());
                GlossaryCandidate { term: term.clone(), kind, claims: 0, example: claim.to_string(), spelled_out: None }
            });
            c.claims += 1;
            if c.spelled_out.is_none() {
                c.spelled_out = spelled;
            }
        };
        let words = words_of(claim);
        // A text in capitals is shouting, not a run of acronyms.
        let shouting = words.iter().filter(|(_, w)| is_acronym(w)).count() * 2 >= words.len().max(2);
        let mut i = 0;
        while i < words.len() {
            let (at, w) = words[i];
            if is_acronym(w) && !shouting {
                let core = w.strip_suffix('s').unwrap_or(w);
                if !lists.known_acronyms.contains(w) && !lists.known_acronyms.contains(core) && !lists.not_names.contains(core) {
                    note(core.to_string(), CandidateKind::Acronym, spelled_out(claim, at, core), &mut found);
                }
                i += 1;
                continue;
            }
            if camel(w) {
                note(w.to_string(), CandidateKind::Term, None, &mut found);
                i += 1;
                continue;
            }
            // A run of two or more capitalised words, joiners allowed inside ("Office of the
            // CFO"). One that opens a sentence may only be capitalised for that, so it counts
            // where the message also uses it mid-sentence.
            if capitalised(w) {
                let mut j = i + 1;
                let mut last = i;
                while j < words.len() {
                    let (_, next) = words[j];
                    if capitalised(next) || is_acronym(next) {
                        last = j;
                    } else if !JOINERS.contains(&next) {
                        break;
                    }
                    j += 1;
                }
                let first = if OPENERS.contains(&w) { i + 1 } else { i };
                if last > first {
                    let (from, _) = words[first];
                    let end = words[last].0 + words[last].1.len();
                    let term = claim[from..end].split_whitespace().collect::<Vec<_>>().join(" ");
                    let named = i > 0 && BEFORE_NAMES.contains(&words[i - 1].1);
                    if named {
                        // a person or an organisation
                    } else if starts_sentence(claim, at) || first > i {
                        tentative.push((term, claim.to_string()));
                    } else {
                        note(term, CandidateKind::Term, None, &mut found);
                    }
                    i = last + 1;
                    continue;
                }
            }
            i += 1;
        }
    }
    let mut confirmed: HashSet<(String, String)> = HashSet::new();
    for (term, claim) in tentative {
        if let Some(c) = found.get_mut(&term) {
            if c.kind == CandidateKind::Term && confirmed.insert((term, claim)) {
                c.claims += 1;
            }
        }
    }
    let mut out: Vec<GlossaryCandidate> = order.into_iter().filter_map(|t| found.remove(&t)).collect();
    // Most used first; among equals, the order the message introduces them.
    out.sort_by(|a, b| b.claims.cmp(&a.claims));
    out.truncate(MAX_CANDIDATES);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(claims: &[&str], known: &[&str]) -> Vec<(String, CandidateKind, u32, Option<String>)> {
        let lists = WordLists::builtin();
        let known: Vec<String> = known.iter().map(|s| s.to_string()).collect();
        glossary_candidates(&lists, claims.iter().copied(), &known).into_iter().map(|c| (c.term, c.kind, c.claims, c.spelled_out)).collect()
    }

    #[test]
    fn acronyms_and_invented_names_are_offered_once_with_their_spelling_out() {
        let got = terms(
            &[
                "LineSight shows overall equipment effectiveness (OEE) shift by shift.",
                "Plants raise OEE by 8 points with Stop Reason Capture.",
                "Stop Reason Capture takes two taps on the HMI.",
                "The CFO sees DPO in the Office of the CFO dashboard.",
            ],
            &[],
        );
        use CandidateKind::*;
        assert_eq!(
            got,
            vec![
                ("OEE".into(), Acronym, 2, Some("overall equipment effectiveness".into())),
                ("Stop Reason Capture".into(), Term, 2, None),
                ("LineSight".into(), Term, 1, None),
                ("HMI".into(), Acronym, 1, None),
                ("DPO".into(), Acronym, 1, None),
                ("Office of the CFO".into(), Term, 1, None),
            ]
        );
    }

    #[test]
    fn what_every_reader_knows_and_what_the_glossary_has_are_left_out() {
        let got = terms(&["The CFO and the VP of IT approve it.", "EHR records sync every night.", "Our ROI model is on the PDF."], &["ehr"]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn sentence_openers_and_shouting_are_not_names() {
        let got = terms(
            &[
                "Every Store Manager sees alerts.",
                "FREE SETUP FOR ALL NEW STORES",
                "Install it. Then Pair the gateway.",
                "\"It just works,\" says Dana Whitcombe, principal analyst at Ridgeview Research.",
            ],
            &[],
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
