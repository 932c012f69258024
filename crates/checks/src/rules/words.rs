//! Rules about words: the glossary's jargon and acronyms, hype, listed weasel words, wordy
//! phrases and clichés, and spelling.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use pitchbridge_core::GlossaryRule;

use crate::lists::PhraseSet;
use crate::text::{lower_word, tokenize, Sentence};
use crate::{Finding, Rule, Severity};
use super::content::stem;
use super::{match_case, quote, Cx};

/// A glossary term to look for: its words lower-cased, and how it must match.
struct Term<'a> {
    entry: &'a crate::GlossaryEntry,
    /// From the built-in Factory-language list, not the workspace's glossary.
    builtin: bool,
    words: Vec<String>,
    /// An acronym matches only in capitals, so "IT" is not "it".
    exact_case: bool,
}

pub(super) fn jargon(cx: &Cx, out: &mut Vec<Finding>) {
    // The workspace's glossary, then the built-in Factory language it does not name itself.
    let in_glossary: HashSet<String> = cx.input.glossary.iter().map(|e| e.term.to_lowercase()).collect();
    let builtin = cx.checker.lists.factory_speak.iter().filter(|e| !in_glossary.contains(&e.term.to_lowercase())).map(|e| (e, true));
    let terms: Vec<Term> = cx
        .input
        .glossary
        .iter()
        .map(|e| (e, false))
        .chain(builtin)
        .filter(|(e, _)| e.rule != GlossaryRule::Preferred)
        .map(|(entry, builtin)| Term {
            entry,
            builtin,
            words: tokenize(&entry.term).into_iter().map(|t| t.lower).collect(),
            exact_case: entry.term.chars().any(|c| c.is_alphabetic()) && entry.term.chars().all(|c| !c.is_lowercase()),
        })
        .filter(|t| !t.words.is_empty())
        .collect();
    if terms.is_empty() {
        return;
    }
    // One pass over the text whatever the glossary's size: the terms are indexed by their
    // first word, and only those that start with a sentence's word are tried there.
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, t) in terms.iter().enumerate() {
        by_first.entry(t.words[0].as_str()).or_default().push(i);
    }
    let mut first_seen = vec![false; terms.len()];
    // Each term's matches do not overlap one another (a term's next match starts after its
    // last); different terms may share words.
    let mut next_free: HashMap<usize, usize> = HashMap::new();
    for s in &cx.seg.sentences {
        let toks = cx.seg.sentence_tokens(s);
        let text = cx.seg.texts[s.block];
        next_free.clear();
        // Words another list already flags (a cliché such as "paradigm shift") are not flagged
        // again by the built-in list.
        let lists = &cx.checker.lists;
        let taken: HashSet<usize> = [&lists.cliche, &lists.wordy, &lists.hype]
            .iter()
            .flat_map(|set| set.find_all(toks))
            .flat_map(|m| m.first..=m.last)
            .collect();
        for i in 0..toks.len() {
            let Some(candidates) = by_first.get(toks[i].lower.as_str()) else { continue };
            for &ti in candidates {
                let term = &terms[ti];
                let n = term.words.len();
                if i + n > toks.len() || next_free.get(&ti).is_some_and(|&free| i < free) {
                    continue;
                }
                let window = &toks[i..i + n];
                // The last word may be plural: "pull sheets" for the term "pull sheet".
                let hit = window.iter().zip(&term.words).enumerate().all(|(k, (t, w))| {
                    t.lower == *w || (k == n - 1 && !term.exact_case && (t.lower == format!("{w}s") || t.lower == format!("{w}es")))
                })
                    && (!term.exact_case || text[window[0].start..window[n - 1].end] == term.entry.term);
                if !hit || (term.builtin && (i..i + n).any(|k| taken.contains(&k))) {
                    continue;
                }
                next_free.insert(ti, i + n);
                let (start, end) = (window[0].start, window[n - 1].end);
                jargon_finding(cx, s, term.entry, start, end, &mut first_seen[ti], out);
            }
        }
    }
}

/// What a glossary term found at `start..end` of sentence `s` calls for.
fn jargon_finding(cx: &Cx, s: &Sentence, entry: &crate::GlossaryEntry, start: usize, end: usize, first_seen: &mut bool, out: &mut Vec<Finding>) {
    let text = cx.seg.texts[s.block];
    let raw = &text[start..end];
    let has_phrasing = !tokenize(&entry.customer_phrasing).is_empty();
    match entry.rule {
        GlossaryRule::Avoid => out.push(cx.finding(
            Rule::Jargon,
            s.block,
            start,
            end,
            if has_phrasing {
                format!("“{raw}” is Factory language this reader does not use: say “{}”.", entry.customer_phrasing)
            } else {
                format!("“{raw}” is Factory language this reader does not use: say it in their words.")
            },
            has_phrasing.then(|| match_case(raw, &entry.customer_phrasing)),
        )),
        GlossaryRule::Explain if !*first_seen => {
            *first_seen = true;
            let before = text[..start].trim_end();
            let after = text[end..].trim_start();
            let in_brackets = before.ends_with('(') || after.starts_with('(');
            let phrased = has_phrasing && explained_nearby(cx, s, &entry.customer_phrasing);
            if !in_brackets && !phrased {
                out.push(cx.finding(
                    Rule::Jargon,
                    s.block,
                    start,
                    end,
                    if has_phrasing {
                        format!("Explain “{raw}” the first time you use it: “{raw} ({})”.", entry.customer_phrasing)
                    } else {
                        format!("Explain “{raw}” the first time you use it.")
                    },
                    has_phrasing.then(|| format!("{raw} ({})", entry.customer_phrasing)),
                ));
            }
        }
        _ => {}
    }
}

/// Most of the customer phrasing's content words appear in this sentence or its neighbours:
/// the writer explained the term in their own words.
pub(super) fn explained_nearby(cx: &Cx, s: &Sentence, phrasing: &str) -> bool {
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

pub(crate) fn is_acronym(raw: &str) -> bool {
    let core = raw.strip_suffix('s').unwrap_or(raw);
    let upper = core.chars().filter(|c| c.is_uppercase()).count();
    upper >= 2
        && core.chars().count() <= 6
        && core.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        // Roman numerals ("Part II", "Phase IV").
        && !(core.len() <= 4 && core.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// Whether a quoted sentence is the customer's words. In written collateral a quote is
/// someone else's voice; in a spoken type (a call script) the quotes are the rep's own lines,
/// except the objection a customer raises, which opens its item in the objections section.
fn customers_quote(cx: &Cx, s: &crate::text::Sentence) -> bool {
    use pitchbridge_core::collateral::SectionRole;
    let Some(ct) = cx.input.collateral else { return true };
    if !cx.checker.lists.spoken_types.contains(&ct.id) {
        return true;
    }
    let objections = ct.sections.iter().any(|c| c.id == cx.input.blocks[s.block].section && c.role == SectionRole::Objections);
    let opens_block = cx.seg.sentences.iter().find(|o| o.block == s.block).is_some_and(|o| o.start == s.start);
    objections && opens_block
}

pub(super) fn acronym(cx: &Cx, out: &mut Vec<Finding>) {
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
            // The customer's own words (a quoted objection) are theirs: the acronym is one
            // they know, and its first use in our voice is the one to explain.
            let sentence = cx.seg.sentences.iter().find(|s| s.block == b && s.start <= t.start && t.end <= s.end);
            if sentence.is_some_and(|s| cx.customer_voice(s) || cx.seg.is_quoted(s) && customers_quote(cx, s)) {
                continue;
            }
            let core = raw.strip_suffix('s').unwrap_or(raw);
            // A word set in capitals for emphasis ("reply STOP", "FREE") is a word, not an
            // acronym; three letters are too often both ("DOT") to tell.
            let shouted = core.chars().count() >= 4 && core.chars().all(char::is_alphabetic) && cx.checker.speller().is_known(&core.to_lowercase(), &Default::default());
            if shouted
                || lists.known_acronyms.contains(raw)
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

pub(super) fn hype(cx: &Cx, out: &mut Vec<Finding>) {
    for (i, s) in cx.seg.sentences.iter().enumerate() {
        // A boast in the customer's own words is theirs to make.
        if cx.customer_voice(s) {
            continue;
        }
        let toks = cx.seg.sentence_tokens(s);
        let lists = &cx.checker.lists;
        let mut matches: Vec<(usize, usize)> = lists.hype.find_all(toks).into_iter().map(|m| (m.first, m.last)).collect();
        // "the only" boasts of the offer ("the only app built for…"), not of anything else
        // ("the only hard part was the first week").
        matches.retain(|&(f, l)| {
            !(toks[f].lower == "the" && toks[l].lower == "only")
                || offer_within(lists, toks, l + 1, |j| lists.stopwords.contains(&toks[j].lower) || is_plural(&toks[j].lower)).is_some()
        });
        // A stock phrase ("end-to-end solution") or a glossary term ("all-in-one platform") is
        // that rule's to name.
        let patterns = hype_patterns(cx, cx.seg.texts[s.block], toks);
        let named_elsewhere: Vec<(usize, usize)> = if patterns.is_empty() {
            Vec::new()
        } else {
            cx.checker.lists.cliche.find_all(toks).into_iter().map(|m| (m.first, m.last)).chain(cx.glossary_spans(toks)).collect()
        };
        let extra: Vec<(usize, usize)> = patterns
            .into_iter()
            .filter(|(f, l)| !matches.iter().any(|(a, b)| a <= l && f <= b) && !named_elsewhere.iter().any(|(a, b)| a <= l && f <= b))
            .collect();
        matches.extend(extra);
        if matches.is_empty() {
            continue;
        }
        // The next sentence backs a boast only in the same section: a subject line is not
        // proven by the email's first line.
        let section = &cx.input.blocks[s.block].section;
        let next = cx.seg.sentences.get(i + 1).filter(|n| cx.input.blocks[n.block].section == *section);
        if cx.has_proof(s) || next.is_some_and(|n| cx.has_proof(n)) {
            continue;
        }
        matches.sort();
        // One boast, one finding: "miles in front" and "in front of everyone" are one phrase.
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (first, last) in matches {
            match merged.last_mut() {
                Some((_, end)) if first <= *end => *end = (*end).max(last),
                _ => merged.push((first, last)),
            }
        }
        for (first, last) in merged {
            let (start, end) = (toks[first].start, toks[last].end);
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

/// Boasts made of parts: "the industry's smartest", "no other vendor", "much faster than",
/// "the cleverest way", "miles in front of everyone". The token ranges they cover.
fn hype_patterns(cx: &Cx, text: &str, toks: &[crate::text::Token]) -> Vec<(usize, usize)> {
    let lists = &cx.checker.lists;
    let mut found = Vec::new();
    for k in 0..toks.len() {
        let w = toks[k].lower.as_str();
        let next = toks.get(k + 1).map(|t| t.lower.as_str());
        // "the industry's smartest", "the world's top"
        if lists.hype_owners.contains(w) && next.is_some_and(|n| lists.hype_superlatives.contains(n) || (n.len() > 5 && n.ends_with("est"))) {
            found.push((k.saturating_sub(usize::from(k > 0 && toks[k - 1].lower == "the")), k + 1));
        }
        // A rank given to the offer: "the #1 platform", "the No. 1 choice" (not "ticket #1").
        if w == "1" && k > 0 {
            let hash = text[..toks[k].start].ends_with('#');
            let no = !hash && toks[k - 1].lower == "no" && text[toks[k - 1].end..toks[k].start].contains('.');
            let from = k - usize::from(no);
            let owned = from == 0 || matches!(toks[from - 1].lower.as_str(), "the" | "our" | "its" | "a") || lists.hype_owners.contains(&toks[from - 1].lower);
            if (hash || no) && owned {
                found.push((from, k));
            }
        }
        // "no other vendor"
        if w == "no" && next == Some("other") && toks.get(k + 2).is_some_and(|t| lists.hype_no_other.contains(&t.lower)) {
            found.push((k, k + 2));
        }
        // "a powerful, all-in-one platform", "a comprehensive production management solution":
        // praise words, then within four words the offer they describe.
        if let Some(p) = lists.hype_puffery.match_at(toks, k).filter(|_| k == 0 || !lists.hype_puffery.contains_word(&toks[k - 1].lower)) {
            // Only describing words between: no small word but "and", no other plural, no
            // verb ("comprehensive functionality encompassing…").
            let not_describing = |j: usize| {
                let w = toks[j].lower.as_str();
                let gerund_noun = w.ends_with("ing") && lists.hype_offer_things.match_at(toks, j + 1).is_some();
                (lists.stopwords.contains(w) && w != "and") || is_plural(w) || (w.ends_with("ing") && !gerund_noun) || w.ends_with("ly")
            };
            if let Some(last) = offer_within(lists, toks, p.last + 1, not_describing) {
                found.push((k, last));
            }
        }
        // "much more modern and user-friendly", "far more robust"
        if let Some(m) = lists.hype_intensifiers.match_at(toks, k).filter(|m| toks.get(m.last + 1).is_some_and(|t| t.lower == "more")) {
            // Praise words, or the plain qualities an offer claims over a rival ("much more
            // modern and user-friendly", "far more reliable").
            const QUALITIES: &[&str] = &["modern", "reliable", "flexible", "affordable", "accurate", "efficient", "secure", "capable", "complete", "polished", "professional", "sophisticated"];
            if let Some(p) = lists.hype_puffery.match_at(toks, m.last + 2) {
                found.push((k, p.last));
            } else if toks.get(m.last + 2).is_some_and(|t| QUALITIES.contains(&t.lower.as_str())) {
                found.push((k, m.last + 2));
            }
        }
        // "much smarter than", "far better than"
        if let Some(m) = lists.hype_intensifiers.match_at(toks, k) {
            let c = m.last + 1;
            // Not "more": "far more than a CRM" measures, it does not boast.
            let comparative = toks.get(c).is_some_and(|t| t.lower == "better" || (t.lower.len() > 4 && t.lower.ends_with("er") && !t.lower.ends_with("ever")));
            if comparative && toks.get(c + 1).is_some_and(|t| t.lower == "than") {
                found.push((k, c + 1));
            }
        }
        // "miles in front", "light years beyond", "leagues ahead of"
        if let Some(m) = lists.hype_distances.match_at(toks, k) {
            if let Some(a) = toks.get(m.last + 1).and_then(|_| lists.hype_ahead.match_at(toks, m.last + 1)) {
                found.push((k, a.last));
            }
        }
        // "better than anything", "ahead of everyone", "in front of all the others"
        // Not praise of the reader ("you know your county's form better than anyone").
        let about_reader = toks[k.saturating_sub(6)..k].iter().any(|t| lists.you.contains(&t.lower));
        if let Some(a) = lists.hype_ahead.match_at(toks, k).filter(|_| !about_reader) {
            let reach = (a.last + 1)..(a.last + 4).min(toks.len());
            if let Some(e) = reach.clone().find_map(|j| lists.hype_everyone.match_at(toks, j)) {
                let small = toks[a.last + 1..e.first].iter().all(|t| matches!(t.lower.as_str(), "than" | "of" | "else" | "out"));
                if small {
                    found.push((k, e.last));
                }
            }
        }
        // "the cleverest way", "genuinely the simplest app", "the most sensible purchase", "our
        // biggest update yet"
        if matches!(w, "the" | "our" | "its") {
            if let Some(sup) = superlative_at(cx, toks, k + 1) {
                // The noun it describes must be the offer ("way", "app", "purchase") or a place
                // to be best in ("on the market"); a plural first is other people or things
                // ("the largest storage companies in the country").
                if let Some(last) = offer_within(lists, toks, sup + 1, |j| lists.stopwords.contains(&toks[j].lower) || is_plural(&toks[j].lower)) {
                    found.push((k, last));
                }
            }
        }
    }
    found
}

/// The offer a boast describes ("app", "platform", "on the market"), within four words from
/// `from`, before a word `stops` says ends the description. Its last token.
fn offer_within(lists: &crate::lists::WordLists, toks: &[crate::text::Token], from: usize, stops: impl Fn(usize) -> bool) -> Option<usize> {
    for j in from..toks.len().min(from + 4) {
        if let Some(o) = lists.hype_offer_things.match_at(toks, j) {
            return Some(o.last);
        }
        if stops(j) {
            return None;
        }
    }
    None
}

/// A superlative at `k` ("cleverest", "simplest", "most sensible"), after an optional adverb
/// ("genuinely the", "by far the" are handled by the caller's "the"). Returns its last token.
fn superlative_at(cx: &Cx, toks: &[crate::text::Token], k: usize) -> Option<usize> {
    let lists = &cx.checker.lists;
    let w = toks.get(k)?.lower.as_str();
    if w == "most" {
        // "the most sensible", "the most thoughtfully engineered"; not "the most common
        // question" (how often, not how good) nor "the most of".
        let next = toks.get(k + 1)?.lower.as_str();
        if lists.stopwords.contains(next) || matches!(next, "common" | "important" | "likely" | "recent" | "frequent" | "expensive" | "time" | "money" | "work" | "people" | "customers" | "hours") {
            return None;
        }
        let adverb = next.ends_with("ly") && toks.get(k + 2).is_some_and(|t| !lists.stopwords.contains(&t.lower));
        return Some(k + 1 + usize::from(adverb));
    }
    if w.len() < 6 || !w.ends_with("est") || lists.hype_plain_superlatives.contains(w) {
        return None;
    }
    let known = |x: &str| x.len() >= 2 && cx.checker.speller().is_known(x, &Default::default());
    let stem = &w[..w.len() - 3];
    let from_y = stem.strip_suffix('i').is_some_and(|s| known(&format!("{s}y")));
    let doubled = stem.len() >= 3 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2] && known(&stem[..stem.len() - 1]);
    (from_y || doubled || known(stem) || known(&format!("{stem}e"))).then_some(k)
}

/// A plural common noun: "clinics", "owners" (not "business", "status").
pub(super) fn is_plural(w: &str) -> bool {
    w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// Whether token `k` opens the sentence or a clause: it comes first, after a comma, semicolon,
/// colon or dash, or after one of `joiners` ("and", "but", "that"…).
fn opens_clause(cx: &Cx, s: &crate::text::Sentence, toks: &[crate::text::Token], k: usize, joiners: &[&str]) -> bool {
    k == 0 || cx.seg.texts[s.block][toks[k - 1].end..toks[k].start].contains([',', ';', ':', '—']) || joiners.contains(&toks[k - 1].lower.as_str())
}

/// A crowd with no count or names ("Many clinics", "hundreds of pharmacies", "one of our
/// customers") and amounts that claim size without saying it ("significantly more"), in a
/// sentence with no number.
pub(super) fn vague_crowds_and_amounts(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    for s in cx.seg.sentences.iter().filter(|s| !cx.customer_voice(s) && !cx.heading(s.block)) {
        let text = cx.seg.slice(s.block, s.start, s.end);
        let toks = cx.seg.sentence_tokens(s);
        if cx.is_question(s) {
            continue;
        }
        // A number makes a crowd or a size specific; it does not name a source ("A mill in
        // Pennsylvania saved over $100K": which mill?).
        let numbered = text.chars().any(|c| c.is_ascii_digit()) || lists.number_words.any_in(toks);
        let mut k = 0;
        while k < toks.len() {
            if opens_clause(cx, s, toks, k, &["and", "but", "that", "because", "so", "while"]) {
                if let Some(last) = unnamed_source(cx, s, toks, k) {
                    out.push(weasel_span(cx, s, toks[k].start, toks[last].end, |w| format!("“{w}” vouches with no names: say who (a named customer, with their words), or give the figure.")));
                    k = last + 1;
                    continue;
                }
            }
            // A source with no name: "according to a customer in the Midwest", "according to
            // one owner we work with".
            if toks[k].lower == "according" && toks.get(k + 1).is_some_and(|t| t.lower == "to") {
                if let Some(last) = unnamed_person(cx, s, toks, k + 2) {
                    out.push(weasel_span(cx, s, toks[k + 2].start, toks[last].end, |w| format!("“{w}” is a source with no name: say who, or give the figure.")));
                    k = last + 1;
                    continue;
                }
            }
            if numbered {
                k += 1;
                continue;
            }
            if let Some(m) = lists.weasel_crowd.match_at(toks, k) {
                // Up to two words of description, then a plural ("many independent clinics"),
                // not the reader's own things ("most of your invoices").
                let after = m.last + 1;
                let yours = toks.get(after).is_some_and(|t| lists.you.contains(&t.lower));
                // "leading" names a crowd only without an article ("leading facility service
                // providers"); "the leading provider of…" is a boast, the hype rule's.
                let article = k > 0 && matches!(toks[k - 1].lower.as_str(), "the" | "a" | "an" | "our");
                let reach = if toks[m.first].lower == "leading" && article { 1 } else { 4 };
                // The words before the plural describe it ("independent", "mid-sized", "septic
                // and porta-john"); a small word between ("matters most for fleets") means no
                // crowd is named.
                // ("our" or "their" may come first: "a lot of our customers".)
                let after = after + usize::from(toks.get(after).is_some_and(|t| matches!(t.lower.as_str(), "our" | "their")));
                let plural = (after..(after + reach).min(toks.len()))
                    .take_while(|&j| is_plural(&toks[j].lower) || !lists.stopwords.contains(&toks[j].lower) || (j > after && toks[j].lower == "and"))
                    .find(|&j| is_plural(&toks[j].lower));
                let quantifier_only = m.first == m.last && matches!(toks[m.first].lower.as_str(), "most" | "leading") && k > 0 && toks[k - 1].lower == "the";
                // "That many same-day requests", "how many clinics": things already counted or asked.
                let pointed = k > 0 && (matches!(toks[k - 1].lower.as_str(), "how" | "as" | "too") || (k == 1 && matches!(toks[0].lower.as_str(), "that" | "this")));
                // The crowd speaks or vouches: it opens the sentence or a clause ("Many clinics
                // lose…", "…, and most shippers…") or follows "by", "among" or "like"
                // ("trusted by hundreds of pharmacies"); "catches many invoices" counts things.
                // "most" before a plural is a vague share wherever it stands ("yet most
                // branches still rely on paper", "with most accounting systems").
                // "a lot of" people is a crowd wherever it stands ("Actually a lot of older
                // clients…"); a lot of things is the wordy rule's.
                let share = toks[m.first].lower == "most" || (matches!(toks[m.first].lower.as_str(), "a" | "lots") && crowd_of_people(cx, toks, after).is_some());
                let clause_start = share || opens_clause(cx, s, toks, k, &["and", "but", "that", "because", "by", "among", "like", "why", "where", "from"]);
                if let (Some(j), false, false, true, false) = (plural, yours, quantifier_only, clause_start, pointed) {
                    out.push(weasel_span(cx, s, toks[m.first].start, toks[j].end, |w| format!("“{w}” is a crowd with no count or names: say how many, or name them.")));
                    k = j + 1;
                    continue;
                }
            }
            if lists.vague_amounts.contains(&toks[k].lower) {
                out.push(weasel_span(cx, s, toks[k].start, toks[k].end, |w| format!("“{w}” claims a size without giving it: give the figure.")));
            }
            k += 1;
        }
    }
}

/// A weasel finding on a sentence's words, its message saying them.
fn weasel_span(cx: &Cx, s: &crate::text::Sentence, start: usize, end: usize, say: impl Fn(&str) -> String) -> Finding {
    cx.finding(Rule::Weasel, s.block, start, end, say(cx.seg.slice(s.block, start, end)), None)
}

/// "a customer in the Midwest", "one owner we work with": a person, with no name after them
/// (a place may follow). Returns the person's token.
fn unnamed_person(cx: &Cx, s: &crate::text::Sentence, toks: &[crate::text::Token], k: usize) -> Option<usize> {
    let lists = &cx.checker.lists;
    if !matches!(toks.get(k)?.lower.as_str(), "a" | "an" | "one" | "another") {
        return None;
    }
    let block = cx.seg.texts[s.block];
    let capital = |j: usize| block[toks[j].start..].starts_with(char::is_uppercase);
    // Up to two describing words, then the person ("a long-time customer").
    let person = (k + 1..(k + 4).min(toks.len())).take_while(|&j| !capital(j) && !lists.stopwords.contains(&toks[j].lower)).find(|&j| lists.unnamed_people.contains(&toks[j].lower))?;
    // A name after them, up to the clause's end, names them ("a customer, Dana Ruiz of…"); a
    // place after "in", "from" or "across" does not.
    let end = (person + 1..toks.len()).find(|&j| block[toks[j - 1].end..toks[j].start].contains([',', ';', '—'])).unwrap_or(toks.len());
    let placed = |j: usize| matches!(toks[j - 1].lower.as_str(), "in" | "from" | "across" | "the" | "of" | "near" | "outside");
    // Or a name set off after them: "a customer, Dana Ruiz of…".
    let named = (person + 1..end).any(|j| capital(j) && !placed(j)) || (end < toks.len() && capital(end));
    (!named).then_some(person)
}

/// People after a quantity ("a lot of [our] [older] clients"): a possessive, up to two words,
/// then people at large or a kind of customer in the plural. Returns the people's token.
fn crowd_of_people(cx: &Cx, toks: &[crate::text::Token], from: usize) -> Option<usize> {
    let lists = &cx.checker.lists;
    let from = from + usize::from(toks.get(from).is_some_and(|t| matches!(t.lower.as_str(), "our" | "their" | "the" | "your")));
    (from..(from + 3).min(toks.len())).find(|&j| {
        let w = toks[j].lower.as_str();
        lists.weasel_people.contains(w) || w.strip_suffix('s').is_some_and(|one| lists.unnamed_people.contains(one))
    })
}

/// A plural with no names opening a clause at `k`, then a verb of vouching: "Shop owners tell
/// us", "Customers love it", "Shops that use Inkready also see fewer…", "Funeral homes using
/// Kinward report…". Returns the last token of the phrase. "Crews see tomorrow's jobs" says
/// what people do, not what they vouch for: seeing and reporting count only with an outcome.
fn unnamed_source(cx: &Cx, s: &crate::text::Sentence, toks: &[crate::text::Token], k: usize) -> Option<usize> {
    let lists = &cx.checker.lists;
    let first = &toks.get(k)?.lower;
    // One unnamed person: "One plant manager told us…", "A librarian said…".
    if matches!(first.as_str(), "one" | "a" | "an" | "another") {
        let block = cx.seg.texts[s.block];
        let capital = |j: usize| block[toks[j].start..].starts_with(char::is_uppercase);
        // One customer placed but not named: "A mill in Pennsylvania saved…", "One shop in Ohio
        // told us…", "A cleaner outside Tampa…". (One to three plain words, then where.)
        let place_at = (k + 2..(k + 5).min(toks.len())).find(|&j| matches!(toks[j].lower.as_str(), "in" | "outside" | "near" | "from" | "across"));
        // Not a name's description: "Big Sky Recovery, a nine-truck shop in Dorrance, cut…".
        let describes_name = k > 0 && block[toks[k - 1].end..toks[k].start].contains(',') && capital(k - 1);
        if let Some(p) = place_at.filter(|_| !describes_name) {
            let plain = toks[k + 1..p].iter().all(|t| !lists.stopwords.contains(&t.lower) && !block[t.start..].starts_with(char::is_uppercase));
            let placed = (p + 1..(p + 3).min(toks.len())).take_while(|&j| capital(j) || toks[j].lower == "the").filter(|&j| capital(j)).last();
            if let (true, Some(last)) = (plain, placed) {
                return Some(last);
            }
        }
        let said = (k + 2..(k + 5).min(toks.len())).find(|&j| matches!(toks[j].lower.as_str(), "told" | "tells" | "said" | "says" | "swears" | "raves"))?;
        let plain = toks[k + 1..said].iter().all(|t| !lists.stopwords.contains(&t.lower) && !block[t.start..].starts_with(char::is_uppercase));
        return plain.then_some(said + usize::from(toks.get(said + 1).is_some_and(|t| matches!(t.lower.as_str(), "us" | "me"))));
    }
    // "Our clients consistently report…": our customers, still unnamed.
    let k = if first == "our" && toks.get(k + 1).is_some_and(|t| matches!(t.lower.as_str(), "customers" | "clients" | "users" | "members")) { k + 1 } else { k };
    let first = &toks[k].lower;
    if (lists.stopwords.contains(first) && !lists.weasel_people.contains(first)) || lists.we.contains(first) || lists.you.contains(first) {
        return None;
    }
    // A counted crowd is a source: "Forty clinics tell us", "212 shops report".
    if first.starts_with(|c: char| c.is_ascii_digit()) || lists.number_words.match_at(toks, k).is_some() {
        return None;
    }
    // "Limbline customers see…": the product's users, still unnamed. The product alone is no crowd.
    let k = match cx.products.match_at(toks, k) {
        Some(m) if toks.get(m.last + 1).is_some_and(|t| matches!(t.lower.as_str(), "customers" | "users" | "clients" | "owners" | "shops" | "teams")) => m.last + 1,
        Some(_) => return None,
        None => k,
    };
    // Up to three words, none small, the last a plural: "Owners", "Shop owners", "Independent
    // repair shops"; or people at large ("People just love…").
    let crowd = |j: usize| is_plural(&toks[j].lower) || lists.weasel_people.contains(&toks[j].lower);
    let plural = (k..(k + 4).min(toks.len())).take_while(|&j| crowd(j) || !lists.stopwords.contains(&toks[j].lower)).find(|&j| crowd(j))?;
    // A name among them ("Harbor & Vale's controllers", "Maple Ridge vets") is a source.
    let block = cx.seg.texts[s.block];
    let words = &block[toks[k].start..toks[plural].end];
    let capitalised = |t: &crate::text::Token| block[t.start..].starts_with(|c: char| c.is_uppercase());
    if words.contains("'s") || words.contains('’') || toks[(k + 1).min(plural)..plural].iter().any(capitalised) {
        return None;
    }
    let mut next = plural + 1;
    // "…that use Inkready", "…who switched to Kinward", "…using Brewlot": users, still unnamed.
    let users = |j: usize| -> Option<usize> {
        let t = &toks.get(j)?.lower;
        // "…who switch", "…that switched": users of something unnamed.
        if matches!(t.as_str(), "who" | "that") && toks.get(j + 1).is_some_and(|v| matches!(v.lower.as_str(), "switch" | "switched" | "made the switch")) {
            return Some(j + 2);
        }
        let verb_at = match t.as_str() {
            "using" | "on" | "with" => j,
            "that" | "who" => {
                let v = &toks.get(j + 1)?.lower;
                if !matches!(v.as_str(), "use" | "used" | "run" | "chose" | "switched" | "adopted" | "bought") {
                    return None;
                }
                j + 1
            }
            _ => return None,
        };
        (verb_at + 1..(verb_at + 3).min(toks.len())).find_map(|p| cx.products.match_at(toks, p).map(|m| m.last + 1))
    };
    // A crowd everywhere and nowhere in particular: "Rental companies nationwide". (A region
    // is a place: "Carriers across the Midwest" says where the customers are.)
    if toks.get(next).is_some_and(|t| matches!(t.lower.as_str(), "nationwide" | "everywhere" | "worldwide")) {
        return Some(next);
    }
    if let Some(after) = users(next) {
        next = after;
    } else if let Some(after) = relative_clause(cx, toks, next) {
        next = after;
    }
    // Somewhere large and unnamed: "Studios across the Northwest tell us", "Centers in your
    // county are seeing…". The place alone is fine ("Carriers across the Midwest use…"): a
    // verb of vouching must still follow.
    if let Some(p) = lists.weasel_places.match_at(toks, next) {
        if let Some(after) = (p.last + 1..(p.last + 5).min(toks.len())).find(|&j| lists.weasel_vouch.match_at(toks, j).is_some() || lists.weasel_vouch_between.contains(&toks[j].lower)) {
            next = after;
        }
    }
    // A crowd everywhere and nowhere in particular: "Rental companies nationwide". (A region
    // is a place: "Carriers across the Midwest" says where the customers are.)
    if toks.get(next).is_some_and(|t| matches!(t.lower.as_str(), "nationwide" | "everywhere" | "worldwide")) {
        return Some(next);
    }
    while toks.get(next).is_some_and(|t| lists.weasel_vouch_between.contains(&t.lower)) {
        next += 1;
    }
    if next >= toks.len() {
        return None;
    }
    let m = lists.weasel_vouch.match_at(toks, next)?;
    // "Customers say no to work they can't see" refuses; it vouches for nothing.
    // Nor does "Our customers said the same thing before they switched": an objection retold.
    if matches!(toks[m.first].lower.as_str(), "say" | "said") && toks.get(m.last + 1).is_some_and(|t| matches!(t.lower.as_str(), "no" | "yes" | "goodbye" | "hello" | "the")) {
        return None;
    }
    let needs_outcome = matches!(toks[m.first].lower.as_str(), "see" | "saw" | "seen" | "seeing" | "notice" | "noticed" | "report" | "reported" | "reporting");
    // An outcome: "see fewer comebacks", or a thing that changes ("see callbacks drop").
    let outcome = |j: usize| lists.weasel_outcomes.match_at(toks, j).is_some() || (j > m.last + 1 && lists.change_verbs.match_at(toks, j).is_some());
    if needs_outcome && !(m.last + 1..(m.last + 4).min(toks.len())).any(outcome) {
        return None;
    }
    Some(m.last)
}

/// A relative clause after a crowd, up to its verb of vouching: "…that switch", "…who've made
/// the switch", "…that roll out Latchroute", "…we work with". Returns where the vouching verb
/// should stand; the caller still requires one there.
fn relative_clause(cx: &Cx, toks: &[crate::text::Token], j: usize) -> Option<usize> {
    let lists = &cx.checker.lists;
    let t = toks.get(j)?.lower.as_str();
    if !matches!(t, "that" | "who" | "who've" | "who'd" | "we") {
        return None;
    }
    // "…that nobody agreed to" is no crowd of users; the clause must open with its verb
    // ("…that have implemented it" opens with its helper).
    let verb = &toks.get(j + 1)?.lower;
    let helper = matches!(verb.as_str(), "have" | "has" | "had" | "'ve");
    if t != "we" && !helper && (lists.stopwords.contains(verb) || matches!(verb.as_str(), "nobody" | "none")) {
        return None;
    }
    // The clause runs to the first verb of vouching, within five words.
    (j + 2..(j + 7).min(toks.len())).find(|&v| lists.weasel_vouch.match_at(toks, v).is_some() || lists.weasel_vouch_between.contains(&toks[v].lower))
}

/// Weasel words, wordy phrases and clichés: a list, a message, and the list's fix if any.
/// "really" that means "in fact", before a verb that states or denies ("It really doesn't",
/// "what really happened", "what you really want"), not a hedge on a size ("really easy").
fn in_fact(toks: &[crate::text::Token], first: usize, last: usize) -> bool {
    if first != last || toks[first].lower != "really" || (first > 0 && toks[first - 1].lower == "not") {
        return false;
    }
    let Some(next) = toks.get(first + 1).map(|t| t.lower.as_str()) else { return false };
    let states = matches!(next, "is" | "isn't" | "are" | "aren't" | "was" | "wasn't" | "does" | "doesn't" | "do" | "don't" | "did" | "didn't" | "can't" | "won't" | "matters" | "means" | "want" | "wants" | "need" | "needs")
        || (next.ends_with("ed") && next.len() > 4);
    let what = toks[first.saturating_sub(3)..first].iter().any(|t| t.lower == "what");
    states || what
}

pub(super) fn listed(cx: &Cx, out: &mut Vec<Finding>, rule: Rule, set: &PhraseSet) {
    // A question asserts nothing, so it hedges nothing ("How often do your supervisors…?").
    let asks = |s: &crate::text::Sentence| rule == Rule::Weasel && cx.is_question(s);
    for s in cx.seg.sentences.iter().filter(|s| !cx.customer_voice(s) && !asks(s)) {
        let toks = cx.seg.sentence_tokens(s);
        // A glossary term is the glossary's to name, with its plain words ("data-driven
        // decisions" listed to avoid is jargon, not also a cliché).
        let glossary: Vec<(usize, usize)> = if rule == Rule::Cliche { cx.workspace_glossary_spans(toks) } else { Vec::new() };
        for m in set.find_all(toks) {
            if rule == Rule::Weasel && in_fact(toks, m.first, m.last) {
                continue;
            }
            if glossary.iter().any(|&(a, b)| a <= m.last && m.first <= b) {
                continue;
            }
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

/// "by roasters, for roasters", "built by rental pros for rental pros": the stock claim of a
/// product made by its own users, the same one or two words on both sides.
pub(super) fn by_them_for_them(cx: &Cx, out: &mut Vec<Finding>) {
    for s in cx.seg.sentences.iter().filter(|s| !cx.customer_voice(s)) {
        let toks = cx.seg.sentence_tokens(s);
        for k in 0..toks.len() {
            if toks[k].lower != "by" {
                continue;
            }
            for n in 1..=2 {
                let (who, f) = (k + 1..k + 1 + n, k + 1 + n);
                let again = f + 1..f + 1 + n;
                if again.end > toks.len() || toks[f].lower != "for" {
                    continue;
                }
                let plain = who.clone().all(|a| !cx.checker.lists.stopwords.contains(&toks[a].lower));
                if plain && who.clone().zip(again.clone()).all(|(a, b)| toks[a].lower == toks[b].lower) {
                    let (start, end) = (toks[k].start, toks[again.end - 1].end);
                    out.push(cx.finding(
                        Rule::Cliche,
                        s.block,
                        start,
                        end,
                        format!("“{}” is a cliché readers skim past: say what actually happens.", cx.seg.slice(s.block, start, end)),
                        None,
                    ));
                }
            }
        }
    }
}

/// Real words in the place of their sound-alikes, where the words around leave no doubt:
/// "there" owning a thing that then acts ("when there mount is ready", "in there frame
/// counts"), and "your" before a state with nothing after it ("Your stressed too").
pub(super) fn sound_alikes(cx: &Cx, out: &mut Vec<Finding>) {
    let lists = &cx.checker.lists;
    const AUX: &[&str] = &["is", "are", "was", "were", "will", "has", "have", "had", "can", "gets", "get", "needs", "need", "goes"];
    const PLACES: &[&str] = &["in", "on", "of", "for", "with", "at", "about", "into", "onto"];
    for s in cx.seg.sentences.iter().filter(|s| !cx.seg.is_quoted(s)) {
        let toks = cx.seg.sentence_tokens(s);
        let block = cx.seg.texts[s.block];
        let joined = |a: usize, b: usize| (a + 1..=b).all(|k| block[toks[k - 1].end..toks[k].start].trim().is_empty());
        // A word that can name a thing: not small, not an adverb, not a verb's -ing or -ed form.
        let thing = |k: usize| toks.get(k).is_some_and(|t| {
            let w = t.lower.as_str();
            !lists.stopwords.contains(w) && !w.ends_with("ly") && !w.ends_with("ing") && !w.ends_with("ed") && w.chars().all(char::is_alphabetic)
        });
        for k in 0..toks.len() {
            let w = toks[k].lower.as_str();
            let meant = if w == "there" {
                let owns_actor = thing(k + 1)
                    && ((toks.get(k + 2).is_some_and(|t| AUX.contains(&t.lower.as_str())) && joined(k, k + 2))
                        || (thing(k + 2) && toks.get(k + 3).is_some_and(|t| AUX.contains(&t.lower.as_str())) && joined(k, k + 3)));
                let owned_after_place = k > 0 && PLACES.contains(&toks[k - 1].lower.as_str()) && thing(k + 1) && thing(k + 2) && joined(k - 1, k + 2);
                // "there next cleaning", "there own crews": a word that only describes what
                // someone owns.
                let owns_described = toks.get(k + 1).is_some_and(|t| matches!(t.lower.as_str(), "own" | "next" | "current" | "entire" | "whole" | "usual" | "existing"))
                    && toks.get(k + 2).is_some_and(|t| !lists.stopwords.contains(&t.lower) && t.lower.chars().all(char::is_alphabetic))
                    && joined(k, k + 2);
                (owns_actor || owned_after_place || owns_described).then_some("their")
            } else if w == "its" {
                // "Its a total game changer", "Its not hard": "it is".
                toks.get(k + 1).is_some_and(|t| matches!(t.lower.as_str(), "a" | "an" | "the" | "not" | "been" | "going" | "really" | "very" | "so" | "just" | "true")).then_some("it's")
            } else if w == "loose" {
                // "loose your customers", "loose track": to lose.
                toks.get(k + 1).is_some_and(|t| matches!(t.lower.as_str(), "your" | "their" | "our" | "my" | "his" | "her" | "track" | "money" | "sleep" | "customers" | "business" | "time" | "out" | "sight")).then_some("lose")
            } else if w == "you" && k > 0 && matches!(toks[k - 1].lower.as_str(), "in" | "on" | "at" | "into" | "onto" | "of") {
                // "in you yard", "on you phone": after a place word, a thing follows "your".
                (thing(k + 1) && joined(k, k + 1) && toks.get(k + 2).is_none_or(|t| !matches!(t.lower.as_str(), "to" | "and"))).then_some("your")
            } else if w == "your" {
                let state = toks.get(k + 1).is_some_and(|t| lists.feelings.contains(&t.lower) || matches!(t.lower.as_str(), "welcome" | "right" | "sure" | "kidding"));
                let nothing_after = toks.get(k + 2).is_none_or(|t| lists.stopwords.contains(&t.lower)) || !joined(k + 1, (k + 2).min(toks.len() - 1));
                (state && nothing_after && joined(k, k + 1)).then_some("you're")
            } else {
                None
            };
            if let Some(m) = meant {
                let raw = cx.text(s.block, &toks[k]);
                let fix = super::match_case(raw, m);
                out.push(Finding {
                    severity: Severity::Warning,
                    suggestion: cx.input.suggest_spellings.then(|| fix.clone()),
                    ..cx.finding(Rule::Spelling, s.block, toks[k].start, toks[k].end, format!("“{raw}” reads as a slip for “{fix}” here: check it."), None)
                });
            }
        }
    }
}

pub(super) fn spelling(cx: &Cx, out: &mut Vec<Finding>) {
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
    // The workspace's own names, as they are spelled: a capitalised word one slip from one of
    // them is a misspelled name ("Clausbook" for "Clausebook"), not another name.
    let names: Vec<String> = cx
        .input
        .product_names
        .iter()
        .map(String::as_str)
        .chain(cx.input.glossary.iter().map(|g| g.term.as_str()))
        // Long calendar words only: a short one is one slip from a first name ("Marco", "March").
        .chain(cx.checker.lists.known_names.iter().map(String::as_str).filter(|n| n.chars().count() >= 6))
        .flat_map(|n| n.split_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        .filter(|w| w.chars().count() >= 5 && w.starts_with(char::is_uppercase))
        .collect();
    // How often each word comes: one the writer uses again and again is a term of their
    // trade ("timesheet", "prepress"), said once, not a slip made each time.
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for toks in &cx.seg.tokens {
        for t in toks {
            *uses.entry(t.lower.as_str()).or_default() += 1;
        }
    }
    let mut said_once: HashSet<&str> = HashSet::new();
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
            if first.is_uppercase() && !extra.contains(&lower_word(raw)) {
                // A name's plural or possessive ("Tuesdays", "Ledgerline's") is the name.
                let lower = raw.to_lowercase();
                let inflected = |n: &str| ["s", "es", "'s", "’s"].iter().any(|end| lower == format!("{n}{end}"));
                // A slip in a name's possessive is a slip in the name ("Pledgway's").
                let bare = lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")).unwrap_or(&lower);
                if let Some(name) = names.iter().find(|n| {
                    let n = n.to_lowercase();
                    (one_slip_apart(&n, &lower) || one_slip_apart(&n, bare)) && !inflected(&n)
                }) {
                    out.push(cx.finding(
                        Rule::Spelling,
                        s.block,
                        t.start,
                        t.end,
                        format!("“{raw}” looks like a slip on “{name}”: check the name."),
                        Some(name.clone()),
                    ));
                    continue;
                }
            }
            // A real or rare word that in business writing is nearly always a slip for another.
            // (A word the workspace added to its dictionary is theirs to use.)
            if let Some(meant) = cx.checker.lists.spelling_slips.get(&t.lower).filter(|_| !extra.contains(&t.lower)) {
                out.push(Finding {
                    severity: Severity::Error,
                    suggestion: cx.input.suggest_spellings.then(|| match_case(raw, meant)),
                    ..cx.finding(Rule::Spelling, s.block, t.start, t.end, format!("“{raw}” is almost always a slip for “{meant}”: correct it."), None)
                });
                continue;
            }
            // Names, acronyms, codes and addresses are not words to spell-check.
            if starts_name
                || capitalised.get(raw).is_some_and(|n| *n > 1)
                || raw.chars().count() < 2
                || raw.chars().any(|c| c.is_numeric())
                || rest_has_upper
                || (first.is_uppercase() && i > 0)
                // A capitalised possessive is a name's, wherever it stands ("Okafor's crew").
                || (first.is_uppercase() && (raw.ends_with("'s") || raw.ends_with("’s")))
                || !raw.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '‑'))
                || cx.seg.in_contact(s.block, t)
            {
                continue;
            }
            let known = *verdicts.entry(raw).or_insert_with(|| speller.is_known(raw, &extra));
            let times = uses.get(t.lower.as_str()).copied().unwrap_or(1);
            if !known && times > 1 {
                if said_once.insert(t.lower.as_str()) {
                    out.push(Finding {
                        severity: Severity::Warning,
                        ..cx.finding(
                            Rule::Spelling,
                            s.block,
                            t.start,
                            t.end,
                            format!("“{raw}” is not in the dictionary and comes {times} times: if it is a word of the trade, add it to the workspace dictionary."),
                            None,
                        )
                    });
                }
                continue;
            }
            if !known {
                let fix = fixes.entry(raw).or_insert_with(|| speller.quick_suggestion(raw).map(|s| match_case(raw, &s))).clone();
                // A word one slip from a common word is almost surely that slip: an error. A
                // word nothing is near is more often a trade word or a name: said, not failed.
                // A word made of dictionary words ("roastery", "autopay") may be the trade's own.
                let (severity, message) = match &fix {
                    Some(_) if !speller.looks_formed(raw) => (Severity::Error, format!("“{raw}” is not in the dictionary: correct it, or add it to the workspace dictionary.")),
                    _ => (Severity::Warning, format!("“{raw}” is not in the dictionary: check it, or add it to the workspace dictionary if it is right.")),
                };
                out.push(Finding {
                    severity,
                    suggestion: fix.filter(|_| cx.input.suggest_spellings),
                    ..cx.finding(Rule::Spelling, s.block, t.start, t.end, message, None)
                });
            }
        }
    }
}

/// Whether two different words are one typing slip apart: a letter wrong, missing or extra,
/// or two neighbours swapped.
fn one_slip_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len() as isize - rb.len() as isize {
        0 => ra[1..] == rb[1..] || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]),
        1 => ra[1..] == *rb,
        -1 => *ra == rb[1..],
        _ => false,
    }
}
