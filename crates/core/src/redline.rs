//! Word-level redlines: what a claim or a pitch said before, and what it says now.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DiffOp {
    Same,
    Added,
    Removed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DiffSpan {
    pub op: DiffOp,
    pub text: String,
}

/// Word-by-word differences from `old` to `new`; neighbouring spans with one op are merged,
/// and the `Same` and `Removed` spans spell `old`, the `Same` and `Added` spans spell `new`.
/// A word keeps the space after it, so a rewritten phrase reads as one deletion and one
/// insertion rather than alternating words.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let (a, b) = (tokens(old), tokens(new));
    let diff = TextDiff::configure().timeout(std::time::Duration::from_millis(200)).diff_slices(&a, &b);
    let mut out: Vec<DiffSpan> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Same,
            ChangeTag::Insert => DiffOp::Added,
            ChangeTag::Delete => DiffOp::Removed,
        };
        push(&mut out, op, change.value());
    }
    // A replacement whose two sides end in the same spacing: that spacing is unchanged text.
    let mut i = 0;
    while i + 1 < out.len() {
        if out[i].op == DiffOp::Removed && out[i + 1].op == DiffOp::Added {
            let common = common_space_suffix(&out[i].text, &out[i + 1].text);
            if common > 0 && common < out[i].text.len() && common < out[i + 1].text.len() {
                let (cut_a, cut_b) = (out[i].text.len() - common, out[i + 1].text.len() - common);
                let ws = out[i].text.split_off(cut_a);
                out[i + 1].text.truncate(cut_b);
                if i + 2 < out.len() && out[i + 2].op == DiffOp::Same {
                    out[i + 2].text.insert_str(0, &ws);
                } else {
                    out.insert(i + 2, DiffSpan { op: DiffOp::Same, text: ws });
                }
            }
        }
        i += 1;
    }
    out
}

fn push(out: &mut Vec<DiffSpan>, op: DiffOp, text: &str) {
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(DiffSpan { op, text: text.to_string() }),
    }
}

/// Each word with the whitespace after it; leading whitespace is a token of its own.
fn tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = s.starts_with(char::is_whitespace);
    for (i, c) in s.char_indices() {
        if in_space && !c.is_whitespace() {
            if i > start {
                out.push(&s[start..i]);
            }
            start = i;
            in_space = false;
        } else if !in_space && c.is_whitespace() {
            in_space = true;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn common_space_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y && x.is_whitespace())
        .map(|(x, _)| x.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spell(spans: &[DiffSpan], skip: DiffOp) -> String {
        spans.iter().filter(|s| s.op != skip).map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn a_reworded_claim_shows_the_words_that_changed() {
        let old = "Live in under 30 days with no custom development.";
        let new = "Live in under 45 days with no custom development.";
        let d = word_diff(old, new);
        assert_eq!(
            d.iter().filter(|s| s.op != DiffOp::Same).map(|s| (s.op, s.text.as_str())).collect::<Vec<_>>(),
            vec![(DiffOp::Removed, "30"), (DiffOp::Added, "45")]
        );
        assert_eq!(spell(&d, DiffOp::Added), old);
        assert_eq!(spell(&d, DiffOp::Removed), new);
    }

    #[test]
    fn a_rewritten_phrase_is_one_deletion_and_one_insertion() {
        let d = word_diff("Live in a month, not a year.", "Live in thirty days, not a year.");
        assert_eq!(
            d,
            vec![
                DiffSpan { op: DiffOp::Same, text: "Live in ".into() },
                DiffSpan { op: DiffOp::Removed, text: "a month,".into() },
                DiffSpan { op: DiffOp::Added, text: "thirty days,".into() },
                DiffSpan { op: DiffOp::Same, text: " not a year.".into() },
            ]
        );
        let d = word_diff("  one\ntwo ", "one\n two");
        assert_eq!(spell(&d, DiffOp::Added), "  one\ntwo ");
        assert_eq!(spell(&d, DiffOp::Removed), "one\n two");
    }

    #[test]
    fn identical_text_is_one_same_span() {
        assert_eq!(word_diff("a b", "a b"), vec![DiffSpan { op: DiffOp::Same, text: "a b".into() }]);
        assert_eq!(word_diff("", ""), vec![]);
    }
}
