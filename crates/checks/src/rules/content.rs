//! Rules about what the pitch says: proof for its claims, coverage of the required claims,
//! and fit with the audience's own words.

use foldhash::HashSet;

use crate::text::{is_wordlike, tokenize};
use crate::{Finding, Rule};
use super::{quote, Cx};

pub(super) fn proof(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    let is_proof_section = |b: usize| {
        let section = &cx.input.blocks[b].section;
        section.contains("proof") || section.contains("evidence")
    };
    // What the layout's proof section proves: the words of its proven sentences. A benefit
    // elsewhere is backed there only when it is about the same thing ("cut outside counsel
    // spend" by a result about counsel spend, not by one about contract turnaround).
    let topic = |s: &crate::text::Sentence| -> HashSet<String> {
        cx.seg
            .sentence_tokens(s)
            .iter()
            .filter(|t| t.lower.len() >= 4 && is_wordlike(&t.lower) && !lists.stopwords.contains(&t.lower))
            .filter(|t| !cx.product_words.contains(&t.lower) && !lists.benefit_words.contains_word(&t.lower))
            .map(|t| stem(&t.lower).to_string())
            .collect()
    };
    let proven: HashSet<String> =
        cx.seg.sentences.iter().filter(|s| is_proof_section(s.block) && cx.has_proof(s)).flat_map(|s| topic(s)).collect();
    for (i, s) in cx.prose() {
        let toks = cx.seg.sentence_tokens(s);
        // A question asks; it promises nothing. Nor do quoted words: a customer's objection, or
        // a customer's praise (which is itself proof).
        if cx.is_question(s) || cx.seg.is_quoted(s) {
            continue;
        }
        // A benefit word, or something measured that changes: "callbacks drop", "so late
        // payments dry up", "the month-end count stops".
        let changes = |k: usize| {
            let m = lists.change_verbs.match_at(toks, k)?;
            let subject = &toks[k.checked_sub(1)?].lower;
            let measured = (super::words::is_plural(subject) && !lists.stopwords.contains(subject) && !lists.we.contains(subject) && !lists.you.contains(subject)) || lists.measures.contains(subject);
            measured.then_some(m)
        };
        let Some(m) = (0..toks.len()).find_map(|k| lists.benefit_words.match_at(toks, k).or_else(|| changes(k))) else { continue };
        // The problem section describes the reader's world ("adjusters are retiring faster
        // than they can be replaced"): it promises nothing unless it speaks of us.
        let section = &cx.input.blocks[s.block].section;
        let describes_problem = ["problem", "challenge", "situation", "pain"].iter().any(|w| section.contains(w));
        let about_us = toks.iter().any(|t| lists.we.contains(&t.lower) || t.lower == "it") || cx.products.any_in(toks);
        if describes_problem && !about_us {
            continue;
        }
        // A neighbour in another bullet or paragraph backs it only when it is about the same
        // thing: "Cut outside counsel spend" is not proven by the bullet before it, about
        // renewal reminders 90 days out.
        let mine = topic(s);
        let backs = |n: &crate::text::Sentence| cx.has_proof(n) && (n.block == s.block || topic(n).iter().any(|w| mine.contains(w)));
        if cx.has_proof(s) || cx.neighbours(i).any(backs) {
            continue;
        }
        if !is_proof_section(s.block) && mine.iter().any(|w| proven.contains(w)) {
            continue;
        }
        // The call to action promises nothing that needs proof. (An ask, not any verb an ask
        // may use: "Reduce claim denials" claims, it does not ask.)
        if super::sentences::is_ask(cx, s) || cx.seg.has_contact(s) {
            continue;
        }
        let word = cx.seg.slice(s.block, toks[m.first].start, toks[m.last].end);
        out.push(cx.finding(
            Rule::Proof,
            s.block,
            s.start,
            s.end,
            format!("Promises a result (“{word}”) with nothing to back it: add a number, a named customer or a quote here or in the next sentence."),
            None,
        ));
    }
}

pub(super) fn coverage(cx: &Cx, out: &mut Vec<Finding>) {
    let Some((uncovered, stale)) = &cx.input.coverage else { return };
    for c in uncovered {
        out.push(Finding {
            block: None,
            claim_id: Some(c.claim_id),
            ..cx.finding(
                Rule::Coverage,
                0,
                0,
                0,
                format!("Required claim {} ({}) is not translated anywhere: {}. Link it to a paragraph that says it for this reader.", c.number, c.kind, quote(&c.text)),
                None,
            )
        });
    }
    for l in stale {
        let text = cx.seg.texts.get(l.block).copied().unwrap_or("");
        let message = if l.removed {
            format!("Claim {} was removed from the Factory message: rework or unlink this paragraph.", l.number)
        } else {
            format!("Claim {} changed since this paragraph was linked: review it against the new wording and confirm the link.", l.number)
        };
        out.push(Finding { claim_id: Some(l.claim_id), ..cx.finding(Rule::Coverage, l.block, 0, text.len(), message, None) });
    }
}

/// A light stem, so "invoices" meets "invoice" and "chasing" meets "chase".
pub(super) fn stem(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 4 {
                return s.trim_end_matches('e');
            }
        }
    }
    w.trim_end_matches('e')
}

pub(super) fn audience_fit(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    if cx.seg.word_count() < 15 {
        return;
    }
    let pitch: HashSet<&str> = cx.seg.tokens.iter().flatten().map(|t| stem(&t.lower)).collect();
    // Whether the pitch says enough of a phrase's words (stemmed): one of one or two, half of more.
    let echoes = |item: &str| {
        let keys: HashSet<String> = tokenize(item)
            .into_iter()
            .map(|t| t.lower)
            .filter(|w| w.len() >= 4 && is_wordlike(w) && !lists.stopwords.contains(w))
            .map(|w| stem(&w).to_string())
            .collect();
        let hits = keys.iter().filter(|k| pitch.contains(k.as_str())).count();
        let needed = if keys.len() <= 2 { 1 } else { 2.max(keys.len() / 2) };
        !keys.is_empty() && hits >= needed
    };
    let anchor = cx.prose().next().map(|(_, s)| (s.block, s.start, s.end));
    let mut say = |message: String| match anchor {
        Some((b, start, end)) => out.push(cx.finding(Rule::AudienceFit, b, start, end, message, None)),
        None => out.push(Finding { block: None, ..cx.finding(Rule::AudienceFit, 0, 0, 0, message, None) }),
    };
    // The launch's positioning: the need it answers or its key benefit, said somewhere.
    if let Some(p) = cx.input.positioning {
        let said: Vec<&str> = [p.need.as_str(), p.key_benefit.as_str()].into_iter().filter(|s| !s.trim().is_empty()).collect();
        if !said.is_empty() && !said.iter().any(|s| echoes(s)) {
            let named: Vec<String> = said.iter().map(|s| quote(s)).collect();
            say(format!("Nothing here says what the launch is positioned on: the need {} or the benefit {}. Say one of them, in the reader's words.", named[0], named.get(1).cloned().unwrap_or_else(|| named[0].clone())));
        }
    }
    let Some(research) = cx.input.audience else { return };
    let items: Vec<&String> = research.pains.iter().chain(&research.customer_words).filter(|s| !s.trim().is_empty()).collect();
    if items.is_empty() || items.iter().any(|item| echoes(item)) {
        return;
    }
    let examples: Vec<String> = items.iter().take(2).map(|s| quote(s)).collect();
    say(format!("Nothing here echoes this audience's pains or words, such as {}. Use their phrasing.", examples.join(" or ")));
}
