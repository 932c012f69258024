//! How a claim is compared: its words (lower-cased, with Chinese, Japanese and Korean written
//! without spaces cut into overlapping pairs of characters), its numbers, and its text with
//! numbers and punctuation set aside.

/// Longest query looked at: a 5,000-word paragraph is compared on its start.
pub const MAX_QUERY_CHARS: usize = 2_000;

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // hiragana, katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF)   // compatibility ideographs
}

/// The text cut to at most [`MAX_QUERY_CHARS`] characters, on a character boundary.
pub fn capped(text: &str) -> &str {
    match text.char_indices().nth(MAX_QUERY_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// Index terms: each word lower-cased; a run of CJK characters as its overlapping pairs (a
/// single character alone), so text with no spaces still finds its neighbours.
pub fn terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut cjk: Vec<char> = Vec::new();
    let flush_cjk = |cjk: &mut Vec<char>, out: &mut Vec<String>| {
        match cjk.len() {
            0 => {}
            1 => out.push(cjk[0].to_string()),
            _ => out.extend(cjk.windows(2).map(|w| w.iter().collect::<String>())),
        }
        cjk.clear();
    };
    for c in capped(text).chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            cjk.push(c);
        } else if c.is_alphanumeric() {
            flush_cjk(&mut cjk, &mut out);
            word.extend(c.to_lowercase());
        } else {
            flush_cjk(&mut cjk, &mut out);
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    flush_cjk(&mut cjk, &mut out);
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The numbers in a text, as written ("30", "4.5", "1,200"), in order.
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let joins = matches!(c, '.' | ',') && !cur.is_empty() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_ascii_digit() || joins {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The text as compared for the 95–99 band: lower-cased, numbers as `#`, punctuation and
/// spacing dropped.
pub fn skeleton(text: &str) -> String {
    let mut out = String::new();
    let mut in_number = false;
    for c in capped(text).chars() {
        if c.is_ascii_digit() || (in_number && matches!(c, '.' | ',')) {
            if !in_number {
                out.push('#');
                in_number = true;
            }
        } else {
            in_number = false;
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            } else if c.is_whitespace() && !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
        }
    }
    out.trim_end().to_string()
}

/// Text compared for exact matches: whitespace collapsed, case kept.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_cover_spaced_and_unspaced_scripts() {
        assert_eq!(terms("Cuts month-end close by 30%."), ["cuts", "month", "end", "close", "by", "30"]);
        assert_eq!(terms("月末决算缩短"), ["月末", "末决", "决算", "算缩", "缩短"]);
        assert_eq!(terms("Ledgerline で月末"), ["ledgerline", "で月", "月末"]);
        assert_eq!(terms(&"word ".repeat(5_000)).len(), MAX_QUERY_CHARS / 5);
    }

    #[test]
    fn numbers_and_skeletons() {
        assert_eq!(numbers("From $1,200 to 4.5 hours in 30 days."), ["1,200", "4.5", "30"]);
        assert_eq!(skeleton("Cuts close by 30%, in 2 weeks!"), skeleton("cuts close by 45 % in 3 weeks"));
        assert_ne!(skeleton("Cuts close by 30%"), skeleton("Cuts costs by 30%"));
    }
}
