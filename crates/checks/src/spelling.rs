//! Spelling through spellbook (a Hunspell-compatible checker) with the SCOWL en_US dictionary
//! shipped in `assets/dictionaries/`, plus the words sales writing uses that it lacks.

use std::collections::HashSet;

use crate::text::lower_word;

const EN_US_AFF: &str = include_str!("../../../assets/dictionaries/en_US.aff");
const EN_US_DIC: &str = include_str!("../../../assets/dictionaries/en_US.dic");
const KNOWN_WORDS: &str = include_str!("../../../assets/checks/known-words.txt");

pub struct Speller {
    dictionary: spellbook::Dictionary,
    /// Lower-cased extra words that are always right.
    known: HashSet<String>,
}

impl Speller {
    pub fn builtin() -> Speller {
        let dictionary = spellbook::Dictionary::new(EN_US_AFF, EN_US_DIC).expect("the shipped en_US dictionary parses");
        let known = KNOWN_WORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(lower_word)
            .collect();
        Speller { dictionary, known }
    }

    /// Is this word right, given extra words (lower-cased) that count as known?
    pub fn is_known(&self, word: &str, extra: &HashSet<String>) -> bool {
        let word = word.replace('’', "'");
        let lower = lower_word(&word);
        if self.known.contains(&lower) || extra.contains(&lower) {
            return true;
        }
        if self.dictionary.check(&word) {
            return true;
        }
        // Possessives of known words ("Ledgerline's", "customers'").
        if let Some(stem) = word.strip_suffix("'s").or_else(|| word.strip_suffix('\'')) {
            if !stem.is_empty() && (self.dictionary.check(stem) || extra.contains(&lower_word(stem)) || self.known.contains(&lower_word(stem))) {
                return true;
            }
        }
        // Hyphenated compounds are right when each part is.
        if word.contains('-') {
            return word.split('-').all(|p| p.is_empty() || self.is_known(p, extra));
        }
        false
    }

    /// Up to `limit` corrections, best first. Costs tens of milliseconds a word, so callers
    /// ask for them only when the writer looks at a finding.
    pub fn suggest(&self, word: &str, limit: usize) -> Vec<String> {
        let mut out = Vec::new();
        self.dictionary.suggest(&word.replace('’', "'"), &mut out);
        out.retain(|s| !s.contains(' '));
        out.truncate(limit);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_words_possessives_compounds_and_extras() {
        let s = Speller::builtin();
        let none = HashSet::new();
        for w in ["customers", "customer’s", "don't", "onboarding", "e-mail", "follow-up", "SaaS", "Tuesday"] {
            assert!(s.is_known(w, &none), "{w}");
        }
        for w in ["recieve", "teh", "Ledgerline", "acommodate"] {
            assert!(!s.is_known(w, &none), "{w}");
        }
        let extra: HashSet<String> = ["ledgerline".to_string()].into();
        assert!(s.is_known("Ledgerline's", &extra));
        assert_eq!(s.suggest("recieve", 1), ["receive"]);
    }
}
