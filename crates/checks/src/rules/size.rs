//! Rules about size: word limits per section and in all, and readability targets.

use crate::readability;
use crate::text::{is_wordlike, Sentence, Token};
use crate::{Finding, Rule, Severity};
use super::Cx;

/// Where word number `n` (0-based, counted as the editor counts) of these blocks starts.
pub(super) fn word_position(cx: &Cx, blocks: &[usize], n: usize) -> Option<(usize, usize)> {
    let mut seen = 0;
    for &b in blocks {
        let text = cx.seg.texts[b];
        for w in text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)) {
            if seen == n {
                return Some((b, w.as_ptr() as usize - text.as_ptr() as usize));
            }
            seen += 1;
        }
    }
    None
}

pub(super) fn length(cx: &Cx, out: &mut Vec<Finding>) {
    let Some(ct) = cx.input.collateral else { return };
    let words_of = |blocks: &[usize]| -> usize {
        blocks.iter().map(|&b| pitchbridge_core::doc::word_count(cx.seg.texts[b]) as usize).sum()
    };
    let over = |blocks: &[usize], max: usize, what: &str, out: &mut Vec<Finding>| {
        let words = words_of(blocks);
        if words > max {
            if let Some((b, start)) = word_position(cx, blocks, max) {
                let end = cx.seg.texts[b].trim_end().len();
                out.push(cx.finding(
                    Rule::Length,
                    b,
                    start,
                    end.max(start),
                    format!("{what} runs {words} words; the most is {max}. Cut {} words: everything from here on is over.", words - max),
                    None,
                ));
            }
        }
    };
    let all: Vec<usize> = (0..cx.seg.texts.len()).collect();
    if let Some(max) = ct.words.max {
        over(&all, max as usize, &format!("The {}", ct.name.to_lowercase()), out);
    }
    if let Some(min) = ct.words.min {
        let words = words_of(&all);
        if short_of(words, min as usize) {
            out.push(Finding {
                block: None,
                severity: Severity::Info,
                ..cx.finding(Rule::Length, 0, 0, 0, format!("The {} could say more: it has {words} words, and about {min} is usual.", ct.name.to_lowercase()), None)
            });
        }
    }
    // Sections only when the text knows them (a workspace pitch, not a bare file).
    if cx.input.blocks.iter().all(|b| b.section.is_empty()) {
        return;
    }
    for section in &ct.sections {
        let blocks: Vec<usize> = (0..cx.input.blocks.len()).filter(|&b| cx.input.blocks[b].section == section.id).collect();
        if let Some(max) = section.words.max {
            over(&blocks, max as usize, &section.name, out);
        }
        let words = words_of(&blocks);
        let min = section.words.min.unwrap_or(0) as usize;
        if words == 0 && section.required {
            out.push(Finding { block: None, ..cx.finding(Rule::Length, 0, 0, 0, format!("{} is empty. {}", section.name, section.guidance), None) });
        } else if short_of(words, min) {
            // A minimum is advice: said softly in the checklist, never an underline over the
            // writer's paragraph (cutting a wordy phrase must not make a new problem appear).
            out.push(Finding {
                severity: Severity::Info,
                block: None,
                ..cx.finding(Rule::Length, 0, 0, 0, format!("{} could say more: it has {words} words, and about {min} is usual.", section.name), None)
            });
        }
    }
}

pub(super) fn readability_rule(cx: &Cx, out: &mut Vec<Finding>) {
    let (max_grade, min_ease) = cx.input.collateral.map_or((12.0, 40.0), |c| (c.readability.max_grade, c.readability.min_ease));
    let (mut words, mut sentences, mut syllables) = (0u32, 0u32, 0u32);
    let mut hardest: Option<(f32, &Sentence)> = None;
    for (_, s) in cx.prose() {
        let toks: Vec<&Token> = cx.seg.sentence_tokens(s).iter().filter(|t| is_wordlike(&t.lower)).collect();
        if toks.is_empty() {
            continue;
        }
        let syl: u32 = toks.iter().map(|t| readability::syllables(&t.lower)).sum();
        words += toks.len() as u32;
        sentences += 1;
        syllables += syl;
        let r = readability::score(toks.len() as u32, 1, syl);
        if toks.len() >= 8 && hardest.is_none_or(|(g, _)| r.grade > g) {
            hardest = Some((r.grade, s));
        }
    }
    if words < 40 {
        return;
    }
    let r = readability::score(words, sentences, syllables);
    if r.grade <= max_grade && r.ease >= min_ease {
        return;
    }
    let Some((_, s)) = hardest else { return };
    out.push(cx.finding(
        Rule::Readability,
        s.block,
        s.start,
        s.end,
        format!(
            "Reads at grade {:.1} with reading ease {:.1} (targets: grade {max_grade:.0} or lower, ease {min_ease:.0} or higher). This is the hardest sentence: shorten it or use shorter words.",
            r.grade, r.ease
        ),
        None,
    ));
}

/// Under a minimum by more than a tenth: a minimum is "about" (39 words where about 40 is
/// usual says nothing worth reading).
fn short_of(words: usize, min: usize) -> bool {
    words + (min / 10).max(1) <= min
}
