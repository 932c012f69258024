//! Splits a pitch's blocks into words and sentences once, so every rule reads the same
//! segmentation. Offsets are byte offsets into the block's text.

use std::ops::Range;

use crate::lists::WordLists;

#[derive(Debug, Clone)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Lower-cased, with typographic apostrophes made straight, for matching lists.
    pub lower: String,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub block: usize,
    pub start: usize,
    pub end: usize,
    /// Indices into the block's tokens.
    pub tokens: Range<usize>,
}

#[derive(Debug)]
pub struct Segmented<'a> {
    pub texts: Vec<&'a str>,
    pub tokens: Vec<Vec<Token>>,
    pub sentences: Vec<Sentence>,
    /// Byte ranges per block that are web addresses, email addresses or phone numbers: a way
    /// to act, and never words to spell-check.
    pub contacts: Vec<Vec<Range<usize>>>,
    /// Byte ranges per block inside quotation marks (the marks included): someone else's
    /// words, which the voice rules leave alone.
    pub quoted: Vec<Vec<Range<usize>>>,
}

impl<'a> Segmented<'a> {
    pub fn new(texts: Vec<&'a str>, lists: &WordLists) -> Segmented<'a> {
        let mut tokens = Vec::with_capacity(texts.len());
        let mut sentences = Vec::new();
        let mut contacts = Vec::with_capacity(texts.len());
        let mut quoted = Vec::with_capacity(texts.len());
        for (b, text) in texts.iter().enumerate() {
            let toks = tokenize(text);
            split_sentences(b, text, &toks, lists, &mut sentences);
            contacts.push(find_contacts(text));
            quoted.push(find_quotes(text));
            tokens.push(toks);
        }
        Segmented { texts, tokens, sentences, contacts, quoted }
    }

    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.block][s.tokens.clone()]
    }

    pub fn slice(&self, block: usize, start: usize, end: usize) -> &str {
        &self.texts[block][start..end]
    }

    pub fn in_contact(&self, block: usize, t: &Token) -> bool {
        self.contacts[block].iter().any(|r| t.start < r.end && r.start < t.end)
    }

    pub fn has_contact(&self, s: &Sentence) -> bool {
        self.contacts[s.block].iter().any(|r| r.start < s.end && s.start < r.end)
    }

    /// The sentence is someone else's words: it starts inside quotation marks.
    pub fn is_quoted(&self, s: &Sentence) -> bool {
        self.quoted[s.block].iter().any(|r| r.start <= s.start && s.start < r.end)
    }

    pub fn word_count(&self) -> usize {
        self.tokens.iter().map(|t| t.iter().filter(|t| is_wordlike(&t.lower)).count()).sum()
    }
}

/// A word or a number: letters and digits, with apostrophes and hyphens inside, and the
/// separators of a number ("3.5", "1,200") between digits.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut prev = c;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                prev = d;
                chars.next();
                continue;
            }
            let joins = matches!(d, '\'' | '’' | '-' | '‑')
                || (matches!(d, '.' | ',') && prev.is_ascii_digit());
            if joins {
                let after = j + d.len_utf8();
                let next = text[after..].chars().next();
                let ok = match next {
                    Some(n) if matches!(d, '.' | ',') => n.is_ascii_digit(),
                    Some(n) => n.is_alphanumeric(),
                    None => false,
                };
                if ok {
                    chars.next();
                    continue;
                }
            }
            break;
        }
        let _ = bytes;
        let lower = lower_word(&text[start..end]);
        out.push(Token { start, end, lower });
    }
    out
}

pub fn lower_word(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        match c {
            '’' => s.push('\''),
            '‑' => s.push('-'),
            c if c.is_ascii() => s.push(c.to_ascii_lowercase()),
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

pub fn is_wordlike(lower: &str) -> bool {
    lower.chars().any(|c| c.is_alphabetic())
}

/// Sentence ends: `.`, `!`, `?` (and `…`) followed by space or the end, except after a known
/// abbreviation or an initial, or when the next word starts in lower case. Every block ends a
/// sentence: headings and list items stand alone.
fn split_sentences(block: usize, text: &str, toks: &[Token], lists: &WordLists, out: &mut Vec<Sentence>) {
    let mut sent_start_tok = 0;
    let mut sent_start_byte: Option<usize> = None;
    let mut ti = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if sent_start_byte.is_none() && !(c as char).is_ascii_whitespace() {
            sent_start_byte = Some(i);
        }
        let ends = match c {
            b'.' | b'!' | b'?' => true,
            // "…" is E2 80 A6
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6) => true,
            _ => false,
        };
        if ends {
            while ti < toks.len() && toks[ti].end <= i {
                ti += 1;
            }
            let mut j = i + if c == 0xE2 { 3 } else { 1 };
            // Runs of terminators and closing quotes or brackets belong to the sentence.
            while j < b.len() && matches!(b[j], b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            while j + 2 < b.len() + 0 && b[j] == 0xE2 && b[j + 1] == 0x80 && matches!(b[j + 2], 0x9D | 0x99) {
                j += 3;
            }
            let at_end = j >= b.len();
            let followed_by_space = at_end || (b[j] as char).is_ascii_whitespace();
            if followed_by_space && (c == b'.' || c == 0xE2) && ti > sent_start_tok && !at_end {
                let prev = &toks[ti - 1];
                let word = &prev.lower;
                let glued = prev.end == i;
                let is_abbrev = glued
                    && c == b'.'
                    && (lists.abbreviations.contains(word.as_str())
                        || (word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic())));
                let next_lower = text[j..]
                    .trim_start()
                    .chars()
                    .next()
                    .map(|n| n.is_lowercase())
                    .unwrap_or(false);
                if is_abbrev || next_lower {
                    i = j;
                    continue;
                }
            }
            if followed_by_space {
                if let Some(s) = sent_start_byte.take() {
                    out.push(Sentence { block, start: s, end: j, tokens: sent_start_tok..ti });
                }
                sent_start_tok = ti;
                i = j;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if let Some(s) = sent_start_byte {
        let end = text.trim_end().len().max(s);
        out.push(Sentence { block, start: s, end, tokens: sent_start_tok..toks.len() });
    }
}

/// Spans between curly quotes, or between pairs of straight double quotes.
fn find_quotes(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' | '«' => open = Some(i),
            '”' | '»' => {
                if let Some(o) = open.take() {
                    out.push(o..i + c.len_utf8());
                }
            }
            '"' => match straight.take() {
                Some(o) => out.push(o..i + 1),
                None => straight = Some(i),
            },
            _ => {}
        }
    }
    // An unclosed quote runs to the end of the block (a quoted paragraph split in two).
    if let Some(o) = open.or(straight) {
        out.push(o..text.len());
    }
    out
}

/// Web addresses, email addresses and phone numbers, found by shape.
fn find_contacts(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (start, word) in split_whitespace_indices(text) {
        let opened = word.trim_start_matches(|c: char| matches!(c, '(' | '"' | '“'));
        let w = opened.trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | ')' | '!' | '?' | '"' | '”'));
        let w_start = start + (word.len() - opened.len());
        if w.is_empty() || !w.contains(['.', '@', ':']) {
            continue;
        }
        let lower = w.to_ascii_lowercase();
        let is_url = lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
            || looks_like_domain(w);
        let is_email = {
            let mut parts = lower.splitn(2, '@');
            matches!((parts.next(), parts.next()), (Some(a), Some(d)) if !a.is_empty() && d.contains('.') && !d.ends_with('.'))
        };
        if is_url || is_email {
            out.push(w_start..w_start + w.len());
        }
    }
    // Phone numbers: seven or more digits among digits, spaces, dashes, dots and brackets,
    // optionally after a plus sign.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() || (b[i] == b'+' && b.get(i + 1).is_some_and(|c| c.is_ascii_digit())) || (b[i] == b'(' && b.get(i + 1).is_some_and(|c| c.is_ascii_digit())) {
            let start = i;
            let mut digits = 0;
            let mut last_digit = i;
            let mut j = i;
            while j < b.len() && (b[j].is_ascii_digit() || matches!(b[j], b' ' | b'-' | b'.' | b'(' | b')' | b'+')) {
                if b[j].is_ascii_digit() {
                    digits += 1;
                    last_digit = j;
                }
                if b[j] == b' ' && !b.get(j + 1).is_some_and(|c| c.is_ascii_digit() || *c == b'(') {
                    break;
                }
                j += 1;
            }
            if digits >= 7 && !out.iter().any(|r: &Range<usize>| r.contains(&start)) {
                out.push(start..last_digit + 1);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// "ledgerline.example/review", "shop.acme.co.uk": dotted names ending in a short
/// lower-case top-level label, with an optional path.
fn looks_like_domain(lower: &str) -> bool {
    let host = lower.split('/').next().unwrap_or("");
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels[0].chars().any(|c| c.is_ascii_alphabetic())
        && labels[0].len() >= 2
        && labels.last().is_some_and(|t| {
            (2..=12).contains(&t.len())
                && (t.chars().all(|c| c.is_ascii_lowercase()) || t.chars().all(|c| c.is_ascii_uppercase()))
        })
}

fn split_whitespace_indices(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let lists = WordLists::builtin();
        let seg = Segmented::new(vec![text], &lists);
        seg.sentences.iter().map(|s| text[s.start..s.end].to_string()).collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_numbers() {
        let t: Vec<String> = tokenize("We’re best-in-class: 3.5x faster, 1,200 teams -- ok.").into_iter().map(|t| t.lower).collect();
        assert_eq!(t, ["we're", "best-in-class", "3.5x", "faster", "1,200", "teams", "ok"]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_initials() {
        assert_eq!(
            sentences("Ask Dr. Chen, e.g. about J. Smith. Then call! Really? Yes… ok. Done"),
            ["Ask Dr. Chen, e.g. about J. Smith.", "Then call!", "Really?", "Yes… ok.", "Done"]
        );
        assert_eq!(sentences("Costs fell 3.5 percent. “Great,” she said. (It works.) Next."), ["Costs fell 3.5 percent.", "“Great,” she said.", "(It works.)", "Next."]);
    }

    #[test]
    fn contacts_are_found_by_shape() {
        let text = "Book at ledgerline.io/demo or mail sam@example.com, or call +1 (555) 010-2299 today. Version 2.5.";
        let c: Vec<&str> = find_contacts(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(c, ["ledgerline.io/demo", "sam@example.com", "+1 (555) 010-2299"]);
    }
}
