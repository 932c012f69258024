//! Re-aligning a new version of a Factory message with the claims of the previous one, so
//! that unchanged claims keep their ids and reworded ones keep them too (and are flagged).

use std::collections::{HashMap, HashSet, VecDeque};

use similar::TextDiff;

use crate::fingerprint::fingerprint;
use crate::model::Id;

/// A claim of the version being replaced.
#[derive(Debug, Clone)]
pub struct PreviousClaim {
    pub id: Id,
    pub text: String,
    pub fingerprint: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Alignment {
    /// Same text (up to whitespace): same id.
    Unchanged { id: Id, new_index: usize },
    /// Similar text: same id, new text, links to it go stale.
    Reworded { id: Id, new_index: usize, similarity: f32 },
    /// A claim with no counterpart in the previous version.
    Added { new_index: usize },
    /// A previous claim with no counterpart in the new version.
    Removed { id: Id },
}

/// How alike two claims must be (word-level diff ratio) to count as one claim reworded.
pub const REWORD_THRESHOLD: f32 = 0.6;

/// Matches exact fingerprints first, then pairs the rest by word-level similarity, best pairs
/// first. Ties break by position, so the result is deterministic.
pub fn align(previous: &[PreviousClaim], new_texts: &[String]) -> Vec<Alignment> {
    let mut by_fingerprint: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, p) in previous.iter().enumerate() {
        by_fingerprint.entry(p.fingerprint.as_str()).or_default().push_back(i);
    }
    let mut matched_old: HashSet<usize> = HashSet::new();
    let mut new_match: Vec<Option<Alignment>> = vec![None; new_texts.len()];
    let new_fps: Vec<String> = new_texts.iter().map(|t| fingerprint(t)).collect();
    for (j, fp) in new_fps.iter().enumerate() {
        if let Some(queue) = by_fingerprint.get_mut(fp.as_str()) {
            if let Some(i) = queue.pop_front() {
                matched_old.insert(i);
                new_match[j] = Some(Alignment::Unchanged { id: previous[i].id, new_index: j });
            }
        }
    }

    // Candidate pairs among the leftovers, pre-filtered by shared words so that large
    // messages do not pay for a diff of every pair.
    let old_left: Vec<usize> = (0..previous.len()).filter(|i| !matched_old.contains(i)).collect();
    let new_left: Vec<usize> = (0..new_texts.len()).filter(|j| new_match[*j].is_none()).collect();
    let old_words: Vec<HashSet<String>> =
        old_left.iter().map(|&i| word_set(&previous[i].text)).collect();
    let old_bags: Vec<TokenBag> = old_left.iter().map(|&i| TokenBag::of(&previous[i].text)).collect();
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for &j in &new_left {
        let nw = word_set(&new_texts[j]);
        let nb = TokenBag::of(&new_texts[j]);
        for (k, &i) in old_left.iter().enumerate() {
            let shared = nw.intersection(&old_words[k]).count();
            let union = nw.len() + old_words[k].len() - shared;
            if union == 0 || (shared as f32 / union as f32) < 0.3 {
                continue;
            }
            // The diff cannot match more tokens than the two texts have in common: skip pairs
            // that could not reach the threshold even so.
            if nb.ratio_bound(&old_bags[k]) < REWORD_THRESHOLD {
                continue;
            }
            let ratio = TextDiff::from_words(previous[i].text.as_str(), new_texts[j].as_str()).ratio();
            if ratio >= REWORD_THRESHOLD {
                pairs.push((ratio, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (ratio, i, j) in pairs {
        if matched_old.contains(&i) || new_match[j].is_some() {
            continue;
        }
        matched_old.insert(i);
        new_match[j] = Some(Alignment::Reworded { id: previous[i].id, new_index: j, similarity: ratio });
    }

    let mut out: Vec<Alignment> = new_match
        .into_iter()
        .enumerate()
        .map(|(j, m)| m.unwrap_or(Alignment::Added { new_index: j }))
        .collect();
    out.extend(
        (0..previous.len())
            .filter(|i| !matched_old.contains(i))
            .map(|i| Alignment::Removed { id: previous[i].id }),
    );
    out
}

/// The tokens a word diff works on (words and runs of whitespace), counted.
struct TokenBag {
    words: HashMap<String, u32>,
    word_count: u32,
    space_count: u32,
}

impl TokenBag {
    fn of(text: &str) -> TokenBag {
        let mut words: HashMap<String, u32> = HashMap::new();
        let mut word_count = 0;
        for w in text.split_whitespace() {
            *words.entry(w.to_string()).or_default() += 1;
            word_count += 1;
        }
        let mut space_count = 0;
        let mut in_space = false;
        for c in text.chars() {
            let space = c.is_whitespace();
            if space && !in_space {
                space_count += 1;
            }
            in_space = space;
        }
        TokenBag { words, word_count, space_count }
    }

    /// An upper bound of the word-diff ratio 2·matches / (tokens of both).
    fn ratio_bound(&self, other: &TokenBag) -> f32 {
        let shared: u32 = self.words.iter().map(|(w, n)| (*n).min(other.words.get(w).copied().unwrap_or(0))).sum();
        let matches = shared + self.space_count.min(other.space_count);
        let total = self.word_count + self.space_count + other.word_count + other.space_count;
        if total == 0 {
            return 1.0;
        }
        2.0 * matches as f32 / total as f32
    }
}

fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prev(texts: &[&str]) -> Vec<PreviousClaim> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| PreviousClaim { id: 100 + i as Id, text: t.to_string(), fingerprint: fingerprint(t) })
            .collect()
    }

    fn owned(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn unchanged_claims_keep_their_ids_even_when_moved() {
        let old = prev(&["Alpha is fast.", "Beta is cheap."]);
        let got = align(&old, &owned(&["Beta is cheap.", "Alpha  is fast."]));
        assert_eq!(
            got,
            vec![
                Alignment::Unchanged { id: 101, new_index: 0 },
                Alignment::Unchanged { id: 100, new_index: 1 }
            ]
        );
    }

    #[test]
    fn reworded_claims_keep_ids_and_new_and_removed_are_reported() {
        let old = prev(&[
            "Ledgerline reads invoices in any format with OCR.",
            "Support is available by email.",
        ]);
        let got = align(
            &old,
            &owned(&[
                "Ledgerline reads invoices in almost any format with OCR.",
                "Plans start at $4 per user.",
            ]),
        );
        assert!(matches!(got[0], Alignment::Reworded { id: 100, new_index: 0, .. }));
        assert_eq!(got[1], Alignment::Added { new_index: 1 });
        assert_eq!(got[2], Alignment::Removed { id: 101 });
    }

    #[test]
    fn duplicate_texts_match_in_order() {
        let old = prev(&["Same.", "Same."]);
        let got = align(&old, &owned(&["Same.", "Same."]));
        assert_eq!(
            got,
            vec![
                Alignment::Unchanged { id: 100, new_index: 0 },
                Alignment::Unchanged { id: 101, new_index: 1 }
            ]
        );
    }

    #[test]
    fn the_token_bound_never_undercuts_the_real_ratio() {
        let texts = [
            "Ledgerline reads invoices in any format with OCR.",
            "Ledgerline reads invoices in every format, with OCR and AI.",
            "Support is available by email.",
            "  Support  is available by email and phone. ",
            "",
            "a a a b",
            "b a a a",
        ];
        for a in texts {
            for b in texts {
                let real = TextDiff::from_words(a, b).ratio();
                let bound = TokenBag::of(a).ratio_bound(&TokenBag::of(b));
                assert!(bound + 1e-6 >= real, "{a:?} vs {b:?}: bound {bound} < ratio {real}");
            }
        }
    }
}
