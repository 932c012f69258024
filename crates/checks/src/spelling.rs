//! Spelling through spellbook (a Hunspell-compatible checker) with the SCOWL en_US dictionary
//! shipped in `assets/dictionaries/`, plus the words sales writing uses that it lacks.

use std::sync::{Mutex, OnceLock};


use foldhash::{HashMap, HashSet};

use crate::text::lower_word;

const EN_US_AFF: &str = include_str!("../../../assets/dictionaries/en_US.aff");
const EN_US_DIC: &str = include_str!("../../../assets/dictionaries/en_US.dic");
const KNOWN_WORDS: &str = include_str!("../../../assets/checks/known-words.txt");
/// The rarer words of SCOWL's largest American list that the en_US dictionary leaves out
/// ("uptime", "rebar", "reefer"): real words, but so many of them sit one slip from a common
/// word ("wich") that they count only when no common word is that close.
const RARE_WORDS: &str = include_str!("../../../assets/dictionaries/en_US-rare.txt");

/// Every word form the en_US dictionary accepts, expanded from its affix rules at build time
/// (see build.rs) and sorted: looking a word up is a binary search, with nothing to parse at
/// start-up.
/// Prefixes written with a hyphen before a word: "pre-arrival", "co-owner", "non-refundable".
const HYPHEN_PREFIXES: &[&str] = &[
    "pre", "re", "co", "non", "post", "anti", "multi", "semi", "sub", "self", "ex", "mid", "mini", "micro", "inter", "intra",
    "de", "un", "bi", "tri", "e", "pro", "auto", "cross", "mis", "over", "under", "out", "up", "off", "on", "in",
];

static WORD_FORMS: &str = include_str!(concat!(env!("OUT_DIR"), "/en_US.words"));
static WORD_OFFSETS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en_US.offsets"));

fn form(i: usize) -> &'static str {
    let at = |k: usize| u32::from_le_bytes(WORD_OFFSETS[k * 4..k * 4 + 4].try_into().expect("four bytes")) as usize;
    &WORD_FORMS[at(i)..at(i + 1) - 1]
}

/// The hash table over the forms, built with them (see build.rs): each slot holds a form's
/// index + 1 in its low bits and the top of the form's hash above them, or 0 when empty.
static WORD_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en_US.table"));

/// FNV-1a, as build.rs hashes the forms into the table.
fn word_hash(word: &str) -> u64 {
    word.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// How many low bits of a slot hold the form's index; the rest hold the top of its hash.
const INDEX_BITS: u32 = {
    let digits = include_bytes!(concat!(env!("OUT_DIR"), "/en_US.index_bits"));
    let mut n = 0;
    let mut i = 0;
    while i < digits.len() {
        n = n * 10 + (digits[i] - b'0') as u32;
        i += 1;
    }
    n
};

fn listed(word: &str) -> bool {
    let mask = WORD_TABLE.len() / 4 - 1;
    let h = word_hash(word);
    let tag = (h >> (64 - (32 - INDEX_BITS))) as u32;
    let mut at = h as usize & mask;
    loop {
        let slot = u32::from_le_bytes(WORD_TABLE[at * 4..at * 4 + 4].try_into().expect("four bytes"));
        if slot == 0 {
            return false;
        }
        if slot >> INDEX_BITS == tag && form((slot & ((1 << INDEX_BITS) - 1)) as usize - 1) == word {
            return true;
        }
        at = (at + 1) & mask;
    }
}

pub struct Speller {
    /// spellbook's dictionary, parsed only when corrections are asked for (it ranks them
    /// better than a quick search, and takes 20–30 ms to parse).
    full: OnceLock<spellbook::Dictionary>,
    /// Lower-cased extra words that are always right.
    known: HashSet<String>,
    /// The rare words, read on first need (a few milliseconds).
    rare: OnceLock<HashSet<&'static str>>,
    /// Corrections already searched for. A correction takes hundreds of look-ups, and the
    /// same unknown words (names, trade words) come back pitch after pitch when a launch's
    /// readiness checks them all.
    corrections: Mutex<HashMap<String, Option<String>>>,
}

/// Past this many remembered corrections the memory starts again, so it stays small.
const CORRECTIONS_KEPT: usize = 20_000;

impl Speller {
    pub fn builtin() -> Speller {
        let known = KNOWN_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(lower_word)
            .collect();
        Speller { full: OnceLock::new(), known, rare: OnceLock::new(), corrections: Mutex::new(HashMap::default()) }
    }

    fn full(&self) -> &spellbook::Dictionary {
        self.full.get_or_init(|| spellbook::Dictionary::new(EN_US_AFF, EN_US_DIC).expect("the shipped en_US dictionary parses"))
    }

    /// Parses the full dictionary now, so the first request for corrections is quick.
    pub fn prepare_suggestions(&self) {
        self.full();
    }

    /// Hunspell's rule for case: a word is right as listed; a capitalised word also when its
    /// lower-case form is listed; a word in capitals also when its lower-case or capitalised
    /// form is. ("london" is wrong where only "London" is listed.)
    fn check(&self, word: &str) -> bool {
        if listed(word) {
            return true;
        }
        let mut chars = word.chars();
        let Some(first) = chars.next() else { return false };
        let rest = chars.as_str();
        if first.is_uppercase() && !rest.chars().any(char::is_uppercase) {
            return listed(&word.to_lowercase());
        }
        if word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase) {
            let lower = word.to_lowercase();
            if listed(&lower) {
                return true;
            }
            let mut c = lower.chars();
            let title: String = c.next().into_iter().flat_map(char::to_uppercase).chain(c).collect();
            return listed(&title);
        }
        false
    }

    fn rare(&self) -> &HashSet<&'static str> {
        self.rare.get_or_init(|| RARE_WORDS.lines().collect())
    }

    /// A rare word counts as right unless it looks like a slip on a common one: a common word
    /// with two letters swapped or a letter left out ("wich" for "which").
    fn rare_and_not_a_slip(&self, word: &str) -> bool {
        let rare = self.rare();
        let lower = word.to_lowercase();
        if !rare.contains(word) && !rare.contains(lower.as_str()) {
            return false;
        }
        let chars: Vec<char> = lower.chars().collect();
        let common = |c: &[char]| self.check(&c.iter().collect::<String>());
        let swapped = (0..chars.len().saturating_sub(1)).any(|i| {
            let mut c = chars.clone();
            c.swap(i, i + 1);
            c != chars && common(&c)
        });
        let missing = (1..=chars.len()).any(|i| {
            ('a'..='z').any(|l| {
                let mut c = chars.clone();
                c.insert(i, l);
                common(&c)
            })
        });
        !swapped && !missing
    }

    /// Is this word right, given extra words (lower-cased) that count as known?
    pub fn is_known(&self, word: &str, extra: &HashSet<String>) -> bool {
        let word = word.replace('’', "'");
        let lower = lower_word(&word);
        if self.known.contains(&lower) || extra.contains(&lower) {
            return true;
        }
        if self.check(&word) || self.rare_and_not_a_slip(&word) {
            return true;
        }
        // Possessives of known words ("Ledgerline's", "customers'").
        if let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix('\'')) {
            let british = || british_to_american(&lower_word(stem)).iter().any(|us| self.check(us));
            if !stem.is_empty() && (self.check(stem) || extra.contains(&lower_word(stem)) || self.known.contains(&lower_word(stem)) || british()) {
                return true;
            }
        }
        // British spelling is English too ("labour", "organise", "centre", "travelled").
        if british_to_american(&lower).iter().any(|us| self.check(us)) {
            return true;
        }
        // Hyphenated compounds are right when each part is, a prefix before a word counting as
        // a part ("pre-arrival", "co-owner", "non-refundable").
        if word.contains('-') {
            let parts: Vec<&str> = word.split('-').collect();
            return parts.iter().enumerate().all(|(i, p)| {
                p.is_empty() || self.is_known(p, extra) || (i + 1 < parts.len() && HYPHEN_PREFIXES.contains(&lower_word(p).as_str()))
            });
        }
        false
    }

    /// Whether an unknown word is made of dictionary words, as trade words are ("autopay",
    /// "roastery", "dispatchable"): two words of four letters or more, or a word and an ending
    /// that makes a new one ("-ery", "-ness", "-hood"). Such a word is more often real than a
    /// slip, so it is worth a check, not an error. (On one-slip typos of 1,500 common words, 2%
    /// look made this way.)
    pub fn looks_formed(&self, word: &str) -> bool {
        const ENDINGS: &[&str] = &["ery", "eries", "ability", "ization", "izations", "ness", "less", "ful", "ship", "ships", "hood", "wise", "ware"];
        let w = word.to_lowercase();
        if !w.chars().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
        let compound = (4..=w.len().saturating_sub(4)).any(|i| self.check(&w[..i]) && self.check(&w[i..]))
            // A short verb and its particle: "putaway", "layover", "runaround".
            || ["away", "back", "down", "over", "about", "around", "through", "off", "out"].iter().any(|p| w.strip_suffix(p).is_some_and(|v| v.len() == 3 && self.check(v)))
            // A prefix before a word: "reroof", "prebook", "nonbillable".
            || ["re", "pre", "un", "non", "co", "sub", "over", "under", "out", "multi", "mis", "de"].iter().any(|p| w.strip_prefix(p).is_some_and(|rest| rest.len() >= 4 && self.check(rest)));
        let derived = ENDINGS.iter().any(|e| {
            w.strip_suffix(e).filter(|stem| stem.len() >= 4).is_some_and(|stem| self.check(stem) || self.check(&format!("{stem}e")))
        });
        // The doer of a verb in -ize: "rasterizer", "sanitizers".
        let doer = ["izer", "izers", "iser", "isers"].iter().any(|e| w.strip_suffix(e).is_some_and(|stem| stem.len() >= 3 && (self.check(&format!("{stem}ize")) || self.check(&format!("{stem}ise")))));
        compound || derived || doer
    }

    /// One likely correction, found fast (a few hundred look-ups): the dictionary
    /// words one typing slip away, tried in the order slips happen — two letters swapped,
    /// a letter missing, a wrong letter, a letter too many. spellbook's suggester is better
    /// ranked but takes 20–40 ms a word, too slow for a report on a whole file.
    pub fn quick_suggestion(&self, word: &str) -> Option<String> {
        if let Some(found) = self.corrections.lock().ok().and_then(|m| m.get(word).cloned()) {
            return found;
        }
        let found = self.search_correction(word);
        if let Ok(mut memory) = self.corrections.lock() {
            if memory.len() >= CORRECTIONS_KEPT {
                memory.clear();
            }
            memory.insert(word.to_string(), found.clone());
        }
        found
    }

    fn search_correction(&self, word: &str) -> Option<String> {
        let word = word.replace('’', "'");
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < 3 || chars.len() > 30 {
            return None;
        }
        let known = |cand: &[char]| {
            let s: String = cand.iter().collect();
            self.check(&s).then_some(s)
        };
        let lower_first = chars[0].is_lowercase();
        let letters = ('a'..='z').chain(['\'']);
        // Swapped neighbours ("recieve").
        for i in 0..chars.len() - 1 {
            let mut c = chars.clone();
            c.swap(i, i + 1);
            if let Some(s) = known(&c) {
                return Some(s);
            }
        }
        // A missing letter ("garantee", "oportunity").
        for i in 1..=chars.len() {
            for l in letters.clone() {
                let mut c = chars.clone();
                c.insert(i, l);
                if let Some(s) = known(&c) {
                    return Some(s);
                }
            }
        }
        // A wrong letter ("seperate").
        for i in 0..chars.len() {
            for l in letters.clone() {
                if l == chars[i] || (i == 0 && !lower_first) {
                    continue;
                }
                let mut c = chars.clone();
                c[i] = l;
                if let Some(s) = known(&c) {
                    return Some(s);
                }
            }
        }
        // A letter too many ("accross").
        for i in 0..chars.len() {
            let mut c = chars.clone();
            c.remove(i);
            if let Some(s) = known(&c) {
                return Some(s);
            }
        }
        None
    }

    /// Up to `limit` corrections, best first: the quick one, then spellbook's. Costs tens of
    /// milliseconds a word, so callers ask only when the writer looks at a finding.
    pub fn suggest(&self, word: &str, limit: usize) -> Vec<String> {
        let word = word.replace('’', "'");
        let mut out: Vec<String> = Vec::new();
        if let Some(quick) = self.quick_suggestion(&word) {
            out.push(quick);
        }
        let mut more = Vec::new();
        self.full().suggest(&word, &mut more);
        for m in more {
            if !m.contains(' ') && !out.contains(&m) {
                out.push(m);
            }
        }
        out.truncate(limit);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_finds_every_form_and_nothing_else() {
        let n = WORD_OFFSETS.len() / 4 - 1;
        assert!(n > 100_000, "{n} forms");
        for i in 0..n {
            assert!(listed(form(i)), "{}", form(i));
        }
        for w in ["", "recieve", "teh", "customerz", "Customers", "zzzz"] {
            assert!(!listed(w), "{w}");
        }
    }

    #[test]
    fn knows_words_possessives_compounds_and_extras() {
        let s = Speller::builtin();
        let none = HashSet::default();
        for w in ["customers", "customer’s", "don't", "onboarding", "e-mail", "follow-up", "SaaS", "Tuesday"] {
            assert!(s.is_known(w, &none), "{w}");
        }
        for w in ["recieve", "teh", "Ledgerline", "acommodate"] {
            assert!(!s.is_known(w, &none), "{w}");
        }
        let extra: HashSet<String> = ["ledgerline".to_string()].into_iter().collect();
        assert!(s.is_known("Ledgerline's", &extra));
        assert_eq!(s.suggest("recieve", 1), ["receive"]);
        for (typo, fix) in [("recieve", "receive"), ("teh", "the"), ("garantees", "guarantees"), ("seperate", "separate"), ("oportunity", "opportunity"), ("accross", "across"), ("Acheive", "Achieve")] {
            assert_eq!(s.quick_suggestion(typo).as_deref(), Some(fix), "{typo}");
        }
        assert_eq!(s.quick_suggestion("xqzvbnm"), None);
    }

    #[test]
    fn rare_real_words_are_right_unless_they_look_like_a_slip_on_a_common_one() {
        let s = Speller::builtin();
        let none = HashSet::default();
        for w in ["uptime", "rebar", "reefer", "telematics"] {
            assert!(s.is_known(w, &none), "{w}");
        }
        // Listed in the large word list, but one letter short of a common word.
        for w in ["wich", "recieve"] {
            assert!(!s.is_known(w, &none), "{w}");
        }
    }

    /// The expanded word list accepts exactly what spellbook (a full Hunspell implementation)
    /// accepts, on every word of the corpus and the demo and on forms made by every affix rule.
    #[test]
    fn the_expanded_list_agrees_with_hunspell() {
        let s = Speller::builtin();
        let root = &format!("{}/../..", std::env::var("CARGO_MANIFEST_DIR").unwrap());
        let mut text = String::new();
        for dir in ["tests/check-corpus", "assets/demo", "assets/demo/pitches", "assets/collateral-types"] {
            for e in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let p = e.unwrap().path();
                if p.is_file() {
                    text.push_str(&std::fs::read_to_string(p).unwrap_or_default());
                }
            }
        }
        // Every affix applied to common stems, right and wrong ("happyness"), and case variants.
        text.push_str(" reopen reopens unhappily unhappiness happiness happyness disconnected deconstructing proactive prorated");
        text.push_str(" London london LONDON Tuesday's IBM's Zürich café cafés naïve colour colors flies flys tried tryed babies babys");
        let mut n = 0;
        for t in crate::text::tokenize(&text) {
            let w = &text[t.start..t.end];
            if w.chars().any(|c| c.is_ascii_digit()) || w.contains('-') {
                continue;
            }
            let w = w.replace('’', "'");
            assert_eq!(s.check(&w), s.full().check(&w), "{w}");
            n += 1;
        }
        assert!(n > 10_000, "{n} words compared");
    }
}

/// The American forms a British spelling may stand for, by its ending: "labour" → "labor",
/// "organised" → "organized", "analyse" → "analyze", "centre" → "center", "catalogue" →
/// "catalog", "travelled" → "traveled", "licence" → "license", "programme" → "program". Only
/// endings, so a slip inside a word ("fourm") is not read as British.
fn british_to_american(word: &str) -> Vec<String> {
    const ENDINGS: &[(&str, &str)] = &[
        ("our", "or"), ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("ourite", "orite"), ("ourites", "orites"),
        ("ourable", "orable"), ("ourful", "orful"), ("ourhood", "orhood"), ("ourer", "orer"), ("ourers", "orers"),
        ("ise", "ize"), ("ises", "izes"), ("ised", "ized"), ("ising", "izing"), ("isation", "ization"), ("isations", "izations"), ("iser", "izer"), ("isers", "izers"),
        ("yse", "yze"), ("yses", "yzes"), ("ysed", "yzed"), ("ysing", "yzing"),
        ("tre", "ter"), ("tres", "ters"), ("ogue", "og"), ("ogues", "ogs"),
        ("lled", "led"), ("lling", "ling"), ("ller", "ler"), ("llers", "lers"),
        ("ence", "ense"), ("ences", "enses"), ("mme", "m"), ("mmes", "ms"),
    ];
    ENDINGS
        .iter()
        .filter_map(|(gb, us)| word.strip_suffix(gb).filter(|stem| stem.len() >= 2).map(|stem| format!("{stem}{us}")))
        .collect()
}
