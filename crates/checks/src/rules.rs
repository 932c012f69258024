//! The rules. Each reads the shared segmentation through [`Cx`] and pushes findings; none of
//! them allocates per word beyond what matching needs. Precision comes first: a rule that is
//! unsure stays quiet, because writers stop reading a checker that cries wolf.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use pitchbridge_core::GlossaryRule;

use crate::lists::{PhraseMatch, PhraseSet};
use crate::readability;
use crate::text::{is_wordlike, lower_word, tokenize, Segmented, Sentence, Token};
use crate::{CheckInput, Checker, Finding, Rule, Severity};

pub struct Cx<'a> {
    pub checker: &'a Checker,
    pub input: &'a CheckInput<'a>,
    pub seg: &'a Segmented<'a>,
    /// Product names as lower-case token sequences.
    products: PhraseSet,
    product_words: HashSet<String>,
    /// Every word of every glossary term and its customer phrasing, lower-cased.
    glossary_words: HashSet<String>,
}

impl<'a> Cx<'a> {
    pub fn new(checker: &'a Checker, input: &'a CheckInput<'a>, seg: &'a Segmented<'a>) -> Cx<'a> {
        let products = PhraseSet::new(&input.product_names);
        let product_words = input.product_names.iter().flat_map(|n| tokenize(n)).map(|t| t.lower).collect();
        let glossary_words = input
            .glossary
            .iter()
            .flat_map(|g| tokenize(&g.term).into_iter().chain(tokenize(&g.customer_phrasing)))
            .map(|t| t.lower)
            .collect();
        Cx { checker, input, seg, products, product_words, glossary_words }
    }

    fn text(&self, block: usize, t: &Token) -> &str {
        &self.seg.texts[block][t.start..t.end]
    }

    fn heading(&self, block: usize) -> bool {
        self.input.blocks[block].heading
    }

    /// Prose sentences: not headings.
    fn prose(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.seg.sentences.iter().enumerate().filter(|(_, s)| !self.heading(s.block))
    }

    fn finding(&self, rule: Rule, block: usize, start: usize, end: usize, message: String, suggestion: Option<String>) -> Finding {
        Finding {
            rule,
            severity: rule.default_severity(),
            block: Some(block),
            start,
            end,
            message,
            suggestion,
            claim_id: None,
        }
    }

    /// A number, an attributed quotation, or a customer's name (two capitalised words in a
    /// row, "Meridale Foods", "Harbor & Vale", that are neither ours nor a calendar word).
    /// Headings prove nothing.
    fn has_proof(&self, s: &Sentence) -> bool {
        if self.heading(s.block) {
            return false;
        }
        let text = &self.seg.texts[s.block][s.start..s.end];
        let toks = self.seg.sentence_tokens(s);
        let lists = &self.checker.lists;
        if toks.iter().any(|t| !self.seg.in_contact(s.block, t) && t.lower.starts_with(|c: char| c.is_ascii_digit())) {
            return true;
        }
        let quoted = text.contains(['“', '”', '"', '«', '»']);
        if quoted && (lists.attribution.any_in(toks) || text.contains("— ") || text.contains(" - ")) {
            return true;
        }
        let is_name_word = |t: &Token| {
            let raw = self.text(s.block, t);
            raw.starts_with(char::is_uppercase)
                && raw.chars().any(char::is_lowercase)
                && !lists.not_names.contains(raw)
                && !self.product_words.contains(&t.lower)
                && !self.glossary_words.contains(&t.lower)
                && !lists.we.contains(&t.lower)
                && !lists.you.contains(&t.lower)
        };
        let full = self.seg.texts[s.block];
        toks.windows(2).any(|w| {
            let between = full[w[0].end..w[1].start].trim();
            (between.is_empty() || between == "&" || between == "and") && is_name_word(&w[0]) && is_name_word(&w[1])
        })
    }

    /// The sentence before and after `i` in the same block or section.
    fn neighbours(&self, i: usize) -> impl Iterator<Item = &Sentence> {
        let s = &self.seg.sentences[i];
        let section = &self.input.blocks[s.block].section;
        [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| self.seg.sentences.get(j))
            .filter(move |n| n.block == s.block || self.input.blocks[n.block].section == *section)
    }

    /// A fix that deletes tokens `first..=last` of a sentence cleanly: with the space before
    /// them, or, at the start of a sentence, up to the next word, which is capitalised.
    fn deletion(&self, s: &Sentence, m: &PhraseMatch) -> (usize, usize, String) {
        let toks = self.seg.sentence_tokens(s);
        let text = self.seg.texts[s.block];
        let (first, last) = (&toks[m.first], &toks[m.last]);
        if m.first == 0 {
            // "We believe that it works" loses "that" too.
            let skip_that = toks.get(m.last + 1).is_some_and(|t| t.lower == "that") && toks.len() > m.last + 2;
            if let Some(next) = toks.get(m.last + 1 + skip_that as usize) {
                return (first.start, next.end, capitalise(&text[next.start..next.end]));
            }
            return (first.start, last.end, String::new());
        }
        // Take the spaces before the words, and nothing else (a comma stays).
        let before = &text[toks[m.first - 1].end..first.start];
        let start = first.start - (before.len() - before.trim_end_matches([' ', '\u{a0}']).len());
        (start, last.end, String::new())
    }

    fn replacement(&self, s: &Sentence, m: &PhraseMatch, with: &str) -> (usize, usize, String) {
        if with.is_empty() {
            return self.deletion(s, m);
        }
        let toks = self.seg.sentence_tokens(s);
        let text = self.seg.texts[s.block];
        let (start, end) = (toks[m.first].start, toks[m.last].end);
        (start, end, match_case(&text[start..end], with))
    }
}

pub fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Gives a replacement the capital of the words it replaces.
fn match_case(original: &str, replacement: &str) -> String {
    let orig_upper = original.chars().next().is_some_and(|c| c.is_uppercase());
    let is_acronym = original.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) && original.len() > 1;
    if orig_upper && !is_acronym {
        capitalise(replacement)
    } else {
        replacement.to_string()
    }
}

fn quote(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(57).collect();
        format!("“{}…”", cut.trim_end())
    } else {
        format!("“{s}”")
    }
}

pub fn run(rule: Rule, cx: &Cx, out: &mut Vec<Finding>) {
    match rule {
        Rule::CallToAction => call_to_action(cx, out),
        Rule::CustomerFocus => customer_focus(cx, out),
        Rule::Jargon => jargon(cx, out),
        Rule::Acronym => acronym(cx, out),
        Rule::Hype => hype(cx, out),
        Rule::Weasel => listed(cx, out, Rule::Weasel, &cx.checker.lists.weasel),
        Rule::Wordy => listed(cx, out, Rule::Wordy, &cx.checker.lists.wordy),
        Rule::Cliche => listed(cx, out, Rule::Cliche, &cx.checker.lists.cliche),
        Rule::Passive => passive(cx, out),
        Rule::Proof => proof(cx, out),
        Rule::Coverage => coverage(cx, out),
        Rule::AudienceFit => audience_fit(cx, out),
        Rule::Length => length(cx, out),
        Rule::Readability => readability_rule(cx, out),
        Rule::Spelling => spelling(cx, out),
        Rule::SentenceLength => sentence_length(cx, out),
        Rule::RepeatedWord => repeated_word(cx, out),
    }
}

/// An ask: a verb of the list opening the sentence ("Book a demo") or after a word that makes
/// it one ("Could I show you", "Please reply", "to book").
fn is_ask(cx: &Cx, toks: &[Token]) -> bool {
    let lists = &cx.checker.lists;
    (0..toks.len()).any(|k| {
        lists.cta_verbs.match_at(toks, k).is_some() && (k == 0 || lists.cta_verb_follows.contains(&toks[k - 1].lower))
    })
}

fn call_to_action(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    let spoken = cx.input.collateral.is_some_and(|c| lists.spoken_types.contains(&c.id));
    let mut asked_without_way: Option<&Sentence> = None;
    for (_, s) in cx.prose() {
        let toks = cx.seg.sentence_tokens(s);
        if cx.seg.is_quoted(s) && !spoken || !is_ask(cx, toks) {
            continue;
        }
        // The way to act may follow the ask (a signature with a phone number).
        let contact_after = (s.block..cx.seg.texts.len()).any(|b| {
            cx.seg.contacts[b].iter().any(|r| b > s.block || r.end > s.start)
        });
        if spoken || contact_after || lists.cta_self_sufficient.any_in(toks) || lists.cta_way_words.any_in(toks) {
            return;
        }
        asked_without_way = Some(s);
    }
    if let Some(s) = asked_without_way {
        out.push(cx.finding(
            Rule::CallToAction,
            s.block,
            s.start,
            s.end,
            "This asks the reader to act but gives no way to do it: add a link, an email address, a phone number or a time.".into(),
            None,
        ));
        return;
    }
    let message = "Nothing asks the reader to act. End with one next step (book, call, reply, start…) and how to take it.";
    match cx.prose().last().map(|(_, s)| s).or(cx.seg.sentences.last()) {
        Some(s) => out.push(cx.finding(Rule::CallToAction, s.block, s.start, s.end, message.into(), None)),
        None => out.push(Finding { block: None, ..cx.finding(Rule::CallToAction, 0, 0, 0, "The pitch is empty: there is nothing to check yet.".into(), None) }),
    }
}

fn customer_focus(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    let (mut we, mut you) = (0usize, 0usize);
    let mut first_we: Option<(usize, usize, usize)> = None;
    // Our own voice only: headings are section names, quotes are the customer's words.
    for (_, s) in cx.prose().filter(|(_, s)| !cx.seg.is_quoted(s)) {
        let b = s.block;
        let toks = cx.seg.sentence_tokens(s);
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if lists.you.contains(&t.lower) {
                you += 1;
            } else if lists.we.contains(&t.lower) {
                we += 1;
                first_we.get_or_insert((b, t.start, t.end));
            } else if let Some(m) = cx.products.match_at(toks, i) {
                we += 1;
                first_we.get_or_insert((b, t.start, toks[m.last].end));
                i = m.last;
            }
            i += 1;
        }
    }
    if let Some((b, start, end)) = first_we {
        if we >= 3 && we > you {
            out.push(cx.finding(
                Rule::CustomerFocus,
                b,
                start,
                end,
                format!("We, our and the product's name appear {we} times, you and your {you}: rewrite around what the reader gets."),
                None,
            ));
        }
    }
    for (_, s) in cx.prose().filter(|(_, s)| !cx.seg.is_quoted(s)) {
        let toks = cx.seg.sentence_tokens(s);
        let Some(first) = toks.first() else { continue };
        if matches!(first.lower.as_str(), "we" | "our" | "we're" | "we've" | "we'll") {
            out.push(cx.finding(
                Rule::CustomerFocus,
                s.block,
                first.start,
                first.end,
                format!("Opens with “{}”: start with the reader or what they get.", cx.text(s.block, first)),
                None,
            ));
        }
        let about_us = matches!(first.lower.as_str(), "it" | "we" | "our") || cx.products.any_in(toks);
        let to_reader = toks.iter().any(|t| lists.you.contains(&t.lower)) || lists.benefit_markers.any_in(toks);
        let feature_in_linked_block = cx.input.feature_blocks.contains(&s.block);
        let features_belong_here = lists.feature_sections.contains(&cx.input.blocks[s.block].section);
        if !features_belong_here && (about_us && lists.feature_verbs.any_in(toks) || feature_in_linked_block) && !to_reader {
            out.push(cx.finding(
                Rule::CustomerFocus,
                s.block,
                s.start,
                s.end,
                "States a feature without saying what the reader gets from it: add the benefit (“so you…”).".into(),
                None,
            ));
        }
    }
}

fn jargon(cx: &Cx, out: &mut Vec<Finding>) {
    for entry in cx.input.glossary {
        if entry.rule == GlossaryRule::Preferred {
            continue;
        }
        let term_words: Vec<String> = tokenize(&entry.term).into_iter().map(|t| t.lower).collect();
        if term_words.is_empty() {
            continue;
        }
        // An acronym matches only in capitals, so "IT" is not "it".
        let exact_case = entry.term.chars().any(|c| c.is_alphabetic()) && entry.term.chars().all(|c| !c.is_lowercase());
        let phrasing: Vec<String> = tokenize(&entry.customer_phrasing).into_iter().map(|t| t.lower).collect();
        let mut first_seen = false;
        for s in &cx.seg.sentences {
            let toks = cx.seg.sentence_tokens(s);
            let text = cx.seg.texts[s.block];
            let mut i = 0;
            while i + term_words.len() <= toks.len() {
                let window = &toks[i..i + term_words.len()];
                let hit = window.iter().zip(&term_words).all(|(t, w)| t.lower == *w)
                    && (!exact_case || text[window[0].start..window[window.len() - 1].end] == entry.term);
                if !hit {
                    i += 1;
                    continue;
                }
                let (start, end) = (window[0].start, window[window.len() - 1].end);
                let raw = &text[start..end];
                match entry.rule {
                    GlossaryRule::Avoid => out.push(cx.finding(
                        Rule::Jargon,
                        s.block,
                        start,
                        end,
                        if phrasing.is_empty() {
                            format!("“{raw}” is Factory language this reader does not use: say it in their words.")
                        } else {
                            format!("“{raw}” is Factory language this reader does not use: say “{}”.", entry.customer_phrasing)
                        },
                        (!phrasing.is_empty()).then(|| match_case(raw, &entry.customer_phrasing)),
                    )),
                    GlossaryRule::Explain if !first_seen => {
                        first_seen = true;
                        let before = text[..start].trim_end();
                        let after = text[end..].trim_start();
                        let in_brackets = before.ends_with('(') || after.starts_with('(');
                        let phrased = !phrasing.is_empty() && explained_nearby(cx, s, &entry.customer_phrasing);
                        if !in_brackets && !phrased {
                            out.push(cx.finding(
                                Rule::Jargon,
                                s.block,
                                start,
                                end,
                                if phrasing.is_empty() {
                                    format!("Explain “{raw}” the first time you use it.")
                                } else {
                                    format!("Explain “{raw}” the first time you use it: “{raw} ({})”.", entry.customer_phrasing)
                                },
                                (!phrasing.is_empty()).then(|| format!("{raw} ({})", entry.customer_phrasing)),
                            ));
                        }
                    }
                    _ => {}
                }
                i += term_words.len();
            }
        }
    }
}

/// Most of the customer phrasing's content words appear in this sentence or its neighbours:
/// the writer explained the term in their own words.
fn explained_nearby(cx: &Cx, s: &Sentence, phrasing: &str) -> bool {
    let lists = &cx.checker.lists;
    let keys: HashSet<String> = tokenize(phrasing)
        .into_iter()
        .map(|t| t.lower)
        .filter(|w| w.len() >= 4 && !lists.stopwords.contains(w))
        .map(|w| stem(&w).to_string())
        .collect();
    if keys.is_empty() {
        return false;
    }
    let i = cx.seg.sentences.iter().position(|x| std::ptr::eq(x, s)).unwrap_or(0);
    let near: HashSet<&str> = [i.checked_sub(1), Some(i), Some(i + 1)]
        .into_iter()
        .flatten()
        .filter_map(|j| cx.seg.sentences.get(j))
        .flat_map(|n| cx.seg.sentence_tokens(n).iter().map(|t| stem(&t.lower)))
        .collect();
    let hits = keys.iter().filter(|k| near.contains(k.as_str())).count();
    hits * 2 >= keys.len() && hits >= 1
}

fn is_acronym(raw: &str) -> bool {
    let core = raw.strip_suffix('s').unwrap_or(raw);
    let upper = core.chars().filter(|c| c.is_uppercase()).count();
    upper >= 2
        && core.chars().count() <= 6
        && core.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        // Roman numerals ("Part II", "Phase IV").
        && !(core.len() <= 4 && core.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

fn acronym(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    let mut seen: HashSet<&str> = HashSet::new();
    for (b, toks) in cx.seg.tokens.iter().enumerate() {
        let text = cx.seg.texts[b];
        // A heading in capitals is shouting, not a run of acronyms.
        if cx.heading(b) && toks.iter().filter(|t| is_acronym(&text[t.start..t.end])).count() * 2 >= toks.len() {
            continue;
        }
        for t in toks {
            let raw = &text[t.start..t.end];
            if !is_acronym(raw) || cx.seg.in_contact(b, t) {
                continue;
            }
            let core = raw.strip_suffix('s').unwrap_or(raw);
            if lists.known_acronyms.contains(raw)
                || lists.known_acronyms.contains(core)
                || lists.not_names.contains(core)
                || cx.glossary_words.contains(&lower_word(core))
                || cx.product_words.contains(&lower_word(core))
            {
                continue;
            }
            if !seen.insert(core) {
                continue;
            }
            let defined = text[..t.start].trim_end().ends_with('(') || text[t.end..].trim_start().starts_with('(');
            if !defined {
                out.push(cx.finding(
                    Rule::Acronym,
                    b,
                    t.start,
                    t.end,
                    format!("Spell out “{core}” the first time (“… ({core})”), or add it to the glossary if this audience knows it."),
                    None,
                ));
            }
        }
    }
}

fn hype(cx: &Cx, out: &mut Vec<Finding>) {
    for (i, s) in cx.seg.sentences.iter().enumerate() {
        let toks = cx.seg.sentence_tokens(s);
        let matches = cx.checker.lists.hype.find_all(toks);
        if matches.is_empty() {
            continue;
        }
        let next = cx.seg.sentences.get(i + 1);
        if cx.has_proof(s) || next.is_some_and(|n| cx.has_proof(n)) {
            continue;
        }
        for m in matches {
            let (start, end) = (toks[m.first].start, toks[m.last].end);
            out.push(cx.finding(
                Rule::Hype,
                s.block,
                start,
                end,
                format!(
                    "{} is a boast with no proof: back it with a number, a customer or a quote in this or the next sentence, or cut it.",
                    quote(cx.seg.slice(s.block, start, end))
                ),
                None,
            ));
        }
    }
}

/// Weasel words, wordy phrases and clichés: a list, a message, and the list's fix if any.
fn listed(cx: &Cx, out: &mut Vec<Finding>, rule: Rule, set: &PhraseSet) {
    for s in &cx.seg.sentences {
        let toks = cx.seg.sentence_tokens(s);
        for m in set.find_all(toks) {
            let (start, end) = (toks[m.first].start, toks[m.last].end);
            let raw = cx.seg.slice(s.block, start, end);
            let (message, fix) = match (rule, m.phrase.replacement.as_deref()) {
                (Rule::Weasel, Some("")) => (format!("“{raw}” hedges: cut it, or say exactly how much."), Some(cx.deletion(s, &m))),
                (Rule::Weasel, Some(r)) => (format!("“{raw}” hedges: say “{r}”."), Some(cx.replacement(s, &m, r))),
                (Rule::Weasel, None) => (format!("“{raw}” is vague about who says so or how much: name the source or give the figure."), None),
                (Rule::Wordy, Some("")) => (format!("“{raw}” adds nothing: cut it."), Some(cx.deletion(s, &m))),
                (Rule::Wordy, Some(r)) => (format!("“{raw}” says “{r}” the long way."), Some(cx.replacement(s, &m, r))),
                (_, _) => (format!("“{raw}” is a cliché readers skim past: say what actually happens."), None),
            };
            match fix {
                Some((fs, fe, text)) => out.push(cx.finding(rule, s.block, fs, fe, message, Some(text))),
                None => out.push(cx.finding(rule, s.block, start, end, message, None)),
            }
        }
    }
}

fn passive(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    for s in cx.seg.sentences.iter().filter(|s| !cx.seg.is_quoted(s)) {
        let toks = cx.seg.sentence_tokens(s);
        let text = cx.seg.texts[s.block];
        let mut i = 0;
        while i < toks.len() {
            let Some(m) = lists.be.match_at(toks, i) else {
                i += 1;
                continue;
            };
            let mut j = m.last + 1;
            if toks.get(j).is_some_and(|t| t.lower.ends_with("ly") && t.lower.len() > 3) && j + 1 < toks.len() {
                j += 1;
            }
            let Some(p) = toks.get(j) else { break };
            let joined = (m.last + 1..=j).all(|k| text[toks[k - 1].end..toks[k].start].trim().is_empty());
            let w = p.lower.as_str();
            let participle = (w.len() >= 4 && w.ends_with("ed") && !w.ends_with("eed") && w.chars().all(char::is_alphabetic))
                || lists.irregular_participles.contains(w);
            let by_agent = toks.get(j + 1).is_some_and(|t| t.lower == "by");
            if joined && participle && (!lists.adjectives.contains(w) || by_agent) {
                let (start, end) = (toks[m.first].start, p.end);
                out.push(cx.finding(
                    Rule::Passive,
                    s.block,
                    start,
                    end,
                    format!("Passive: “{}” hides who acts. Say who does it.", &text[start..end]),
                    None,
                ));
                i = j + 1;
            } else {
                i = m.last + 1;
            }
        }
    }
}

fn proof(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    // A layout with a proof section backs its benefits there.
    let proof_section = cx
        .seg
        .sentences
        .iter()
        .any(|s| cx.input.blocks[s.block].section.contains("proof") && cx.has_proof(s));
    if proof_section {
        return;
    }
    for (i, s) in cx.prose() {
        let toks = cx.seg.sentence_tokens(s);
        // A question asks; it promises nothing.
        if cx.seg.slice(s.block, s.start, s.end).trim_end_matches(['"', '”', ')']).ends_with('?') {
            continue;
        }
        let Some(m) = (0..toks.len()).find_map(|k| lists.benefit_words.match_at(toks, k)) else { continue };
        if cx.has_proof(s) || cx.neighbours(i).any(|n| cx.has_proof(n)) {
            continue;
        }
        // The call to action promises nothing that needs proof.
        if lists.cta_verbs.any_in(toks) || cx.seg.has_contact(s) {
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

fn coverage(cx: &Cx, out: &mut Vec<Finding>) {
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
fn stem(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 4 {
                return s.trim_end_matches('e');
            }
        }
    }
    w.trim_end_matches('e')
}

fn audience_fit(cx: &Cx, out: &mut Vec<Finding>) {
    let Some(research) = cx.input.audience else { return };
    let lists = &cx.checker.lists;
    let items: Vec<&String> = research.pains.iter().chain(&research.customer_words).filter(|s| !s.trim().is_empty()).collect();
    if items.is_empty() || cx.seg.word_count() < 15 {
        return;
    }
    let pitch: HashSet<&str> = cx.seg.tokens.iter().flatten().map(|t| stem(&t.lower)).collect();
    let echoed = items.iter().any(|item| {
        let keys: HashSet<String> = tokenize(item)
            .into_iter()
            .map(|t| t.lower)
            .filter(|w| w.len() >= 4 && is_wordlike(w) && !lists.stopwords.contains(w))
            .map(|w| stem(&w).to_string())
            .collect();
        let hits = keys.iter().filter(|k| pitch.contains(k.as_str())).count();
        let needed = if keys.len() <= 2 { 1 } else { 2.max(keys.len() / 2) };
        !keys.is_empty() && hits >= needed
    });
    if echoed {
        return;
    }
    let examples: Vec<String> = items.iter().take(2).map(|s| quote(s)).collect();
    let anchor = cx.prose().next().map(|(_, s)| (s.block, s.start, s.end));
    let message = format!("Nothing here echoes this audience's pains or words, such as {}. Use their phrasing.", examples.join(" or "));
    match anchor {
        Some((b, start, end)) => out.push(cx.finding(Rule::AudienceFit, b, start, end, message, None)),
        None => out.push(Finding { block: None, ..cx.finding(Rule::AudienceFit, 0, 0, 0, message, None) }),
    }
}

/// Where word number `n` (0-based, counted as the editor counts) of these blocks starts.
fn word_position(cx: &Cx, blocks: &[usize], n: usize) -> Option<(usize, usize)> {
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

fn length(cx: &Cx, out: &mut Vec<Finding>) {
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
        if words < min as usize {
            out.push(Finding {
                block: None,
                severity: Severity::Info,
                ..cx.finding(Rule::Length, 0, 0, 0, format!("The {} has {words} words; it needs at least {min}.", ct.name.to_lowercase()), None)
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
        } else if words < min {
            let last = *blocks.last().expect("a section with words has blocks");
            out.push(Finding {
                severity: Severity::Info,
                ..cx.finding(
                    Rule::Length,
                    last,
                    0,
                    cx.seg.texts[last].len(),
                    format!("{} has {words} words; it needs at least {min}.", section.name),
                    None,
                )
            });
        }
    }
}

fn readability_rule(cx: &Cx, out: &mut Vec<Finding>) {
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

fn spelling(cx: &Cx, out: &mut Vec<Finding>) {
    let mut extra: HashSet<String> = cx.glossary_words.iter().cloned().collect();
    extra.extend(cx.product_words.iter().cloned());
    extra.extend(cx.input.added_words.iter().map(|w| lower_word(w)));
    if let Some(ct) = cx.input.collateral {
        extra.extend(ct.sections.iter().flat_map(|s| tokenize(&s.name)).map(|t| t.lower));
    }
    // A capitalised word that comes back is a name ("Appointwell … Appointwell").
    let mut capitalised: HashMap<&str, u32> = HashMap::new();
    for (b, toks) in cx.seg.tokens.iter().enumerate() {
        for t in toks {
            let raw = &cx.seg.texts[b][t.start..t.end];
            if raw.starts_with(char::is_uppercase) {
                *capitalised.entry(raw).or_default() += 1;
            }
        }
    }
    let speller = cx.checker.speller();
    let mut verdicts: HashMap<&str, bool> = HashMap::new();
    let mut fixes: HashMap<&str, Option<String>> = HashMap::new();
    for s in &cx.seg.sentences {
        let toks = cx.seg.sentence_tokens(s);
        for (i, t) in toks.iter().enumerate() {
            let raw = cx.text(s.block, t);
            let mut chars = raw.chars();
            let first = chars.next().unwrap_or(' ');
            let rest_has_upper = chars.any(|c| c.is_uppercase());
            // A capital at the start of a sentence that the next word continues is a name
            // ("Meridale Foods cut…", "Harbor & Vale…").
            let starts_name = i == 0
                && first.is_uppercase()
                && toks.get(1).is_some_and(|n| {
                    let between = &cx.seg.texts[s.block][t.end..n.start];
                    let joiner = matches!(between.trim(), "" | "&" | "and");
                    joiner && cx.text(s.block, n).starts_with(char::is_uppercase)
                });
            // Names, acronyms, codes and addresses are not words to spell-check.
            if starts_name
                || capitalised.get(raw).is_some_and(|n| *n > 1)
                || raw.chars().count() < 2
                || raw.chars().any(|c| c.is_numeric())
                || rest_has_upper
                || (first.is_uppercase() && i > 0)
                || !raw.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '‑'))
                || cx.seg.in_contact(s.block, t)
            {
                continue;
            }
            let known = *verdicts.entry(raw).or_insert_with(|| speller.is_known(raw, &extra));
            if !known {
                let suggestion = fixes.entry(raw).or_insert_with(|| cx.input_suggestions(raw)).clone();
                out.push(Finding {
                    suggestion,
                    ..cx.finding(
                        Rule::Spelling,
                        s.block,
                        t.start,
                        t.end,
                        format!("“{raw}” is not in the dictionary: correct it, or add it to the workspace dictionary."),
                        None,
                    )
                });
            }
        }
    }
}

impl Cx<'_> {
    fn input_suggestions(&self, raw: &str) -> Option<String> {
        if !self.input.suggest_spellings {
            return None;
        }
        self.checker.speller().quick_suggestion(raw).map(|s| match_case(raw, &s))
    }
}

fn sentence_length(cx: &Cx, out: &mut Vec<Finding>) {
    const MAX: usize = 30;
    for (_, s) in cx.prose() {
        let n = cx.seg.sentence_tokens(s).iter().filter(|t| is_wordlike(&t.lower)).count();
        if n > MAX {
            out.push(cx.finding(
                Rule::SentenceLength,
                s.block,
                s.start,
                s.end,
                format!("{n} words in one sentence: split it. Readers lose the thread after about 25."),
                None,
            ));
        }
    }
}

fn repeated_word(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    for s in &cx.seg.sentences {
        let toks = cx.seg.sentence_tokens(s);
        let text = cx.seg.texts[s.block];
        for pair in toks.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.lower == b.lower
                && a.lower.chars().all(char::is_alphabetic)
                && !lists.repeat_allowed.contains(&a.lower)
                && text[a.end..b.start].chars().all(|c| c == ' ' || c == '\u{a0}')
            {
                out.push(cx.finding(
                    Rule::RepeatedWord,
                    s.block,
                    a.end,
                    b.end,
                    format!("“{}” twice in a row.", &text[b.start..b.end]),
                    Some(String::new()),
                ));
            }
        }
    }
}
