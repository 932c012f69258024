//! The small pieces of text handling the drills need: sentences, the words two texts share,
//! and the figures and time frames a proof point turns on.

/// Splits text into sentences: after ".", "!" or "?" (and any closing quote) followed by a
/// space and a capital, digit or opening quote. Abbreviations such as "e.g." rarely end a
/// line in collateral; a sentence split too early only makes a drill shorter.
pub fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '”' | '"' | '’' | '\'' | ')') {
                j += 1;
            }
            let space = j < chars.len() && chars[j].1 == ' ';
            let next = chars.get(j + 1).map(|(_, n)| *n);
            if space && next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '“' | '"' | '‘')) {
                let end = chars[j].0;
                push_trimmed(&mut out, &text[start..end]);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, &text[start..]);
    out
}

fn push_trimmed(out: &mut Vec<String>, s: &str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s.to_string());
    }
}

pub fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// The words that carry meaning (four letters or more, and every figure), lower-cased.
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '%'))
        .filter(|w| w.chars().count() >= 4 || w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// A text's content words, each once.
pub fn word_set(text: &str) -> std::collections::BTreeSet<String> {
    content_words(text).into_iter().collect()
}

/// How much two texts share, given their word sets: words in common, figures counting twice.
pub fn set_overlap(a: &std::collections::BTreeSet<String>, b: &std::collections::BTreeSet<String>) -> usize {
    a.intersection(b).map(|w| if w.chars().any(|c| c.is_ascii_digit()) { 2 } else { 1 }).sum()
}

/// How much two texts share: content words in common, figures counting twice.
pub fn overlap(a: &str, b: &str) -> usize {
    set_overlap(&word_set(a), &word_set(b))
}

const TIME_UNITS: [&str; 14] =
    ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"];
const NUMBER_WORDS: [&str; 12] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/// The byte ranges of what a proof point turns on: figures ("74%", "212", "3.5x", "$1,200")
/// with the time unit that follows them ("30 days"), and time frames in words ("six months").
/// At most `max`, in order.
pub fn proof_gaps(text: &str, max: usize) -> Vec<std::ops::Range<usize>> {
    // Words with their byte ranges.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '%' | '$' | '€' | '£' | '.' | ',' | '×');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    // A word's trailing sentence punctuation is not part of it.
    let words: Vec<(usize, usize)> = words
        .into_iter()
        .map(|(s, e)| (s, s + text[s..e].trim_end_matches(['.', ',']).len()))
        .filter(|(s, e)| e > s)
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() && out.len() < max {
        let (s, e) = words[i];
        let w = &text[s..e];
        let figure = w.chars().any(|c| c.is_ascii_digit());
        let number_word = NUMBER_WORDS.contains(&w.to_lowercase().as_str());
        let unit_next = words.get(i + 1).is_some_and(|(ns, ne)| TIME_UNITS.contains(&text[*ns..*ne].to_lowercase().as_str()));
        // A year, or a figure in a name ("Ledgerline 4.0", "Windows 11": after a capitalised
        // word that does not open the sentence), is not a result to remember.
        let in_name = i > 0 && {
            let prev = &text[words[i - 1].0..words[i - 1].1];
            let acronym = prev.chars().count() >= 2 && prev.chars().all(|c| c.is_ascii_uppercase());
            acronym || (prev.starts_with(char::is_uppercase) && !opens_sentence(text, words[i - 1].0))
        };
        let year_or_version = figure && (is_year(w) || in_name);
        if (figure && !year_or_version) || (number_word && unit_next) {
            let end = if unit_next { words[i + 1].1 } else { e };
            out.push(s..end);
            i += if unit_next { 2 } else { 1 };
            continue;
        }
        i += 1;
    }
    out
}

/// Whether the word at `at` opens the text or a sentence.
fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', '“', '"', ':'])
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && (w.starts_with("19") || w.starts_with("20"))
}

/// FNV-1a: stable across runs and builds, for placing answers and naming items.
pub fn stable_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_ends_and_keep_quotes_and_figures() {
        assert_eq!(
            sentences("“We tried OCR before.” That is fair. Most teams are live in 30 days. 74% match."),
            vec!["“We tried OCR before.”", "That is fair.", "Most teams are live in 30 days.", "74% match."]
        );
        assert_eq!(sentences("Version 4.0 ships. Fine"), vec!["Version 4.0 ships.", "Fine"]);
        assert!(sentences("   ").is_empty());
    }

    #[test]
    fn proof_gaps_are_figures_and_time_frames_not_years() {
        let t = "Across 212 production tenants, the median match rate reaches 74% after six months, in 2026.";
        let gaps: Vec<&str> = proof_gaps(t, 5).into_iter().map(|r| &t[r]).collect();
        assert_eq!(gaps, vec!["212", "74%", "six months"]);
        let t = "Most teams are live in under 30 days.";
        assert_eq!(proof_gaps(t, 5).into_iter().map(|r| &t[r]).collect::<Vec<_>>(), vec!["30 days"]);
        assert!(proof_gaps("No figures here at all.", 5).is_empty());
        assert!(proof_gaps("Upgrade to Ledgerline 4.0 today.", 5).is_empty(), "a version is a name");
        assert!(proof_gaps("SOC 2 Type II answers the questionnaire.", 5).is_empty(), "so is a standard's number");
        let t = "It costs $1,200 a year, 3x less.";
        assert_eq!(proof_gaps(t, 1).into_iter().map(|r| &t[r]).collect::<Vec<_>>(), vec!["$1,200"]);
    }

    #[test]
    fn overlap_counts_shared_content_words_and_figures_twice() {
        assert_eq!(overlap("Touchless match rate of 74%", "The match rate reaches 74% touchless"), 2 + 1 + 1 + 1);
        assert_eq!(overlap("cats", "dogs"), 0);
    }
}
