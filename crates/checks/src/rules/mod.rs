//! The rules. Each reads the shared segmentation through [`Cx`] and pushes findings; none of
//! them allocates per word beyond what matching needs. Precision comes first: a rule that is
//! unsure stays quiet, because writers stop reading a checker that cries wolf.

use foldhash::HashSet;

use crate::lists::{PhraseMatch, PhraseSet};
use crate::text::{tokenize, Segmented, Sentence, Token};
use crate::{CheckInput, Checker, Finding, Rule};

mod content;
mod sentences;
mod size;
pub(crate) mod words;

use content::{audience_fit, coverage, proof};
use sentences::{call_to_action, customer_focus, passive, repeated_word, sentence_length};
use size::{length, readability_rule};
use words::{acronym, by_them_for_them, hype, jargon, listed, sound_alikes, spelling, vague_crowds_and_amounts};

pub struct Cx<'a> {
    pub checker: &'a Checker,
    pub input: &'a CheckInput<'a>,
    pub seg: &'a Segmented<'a>,
    /// Product names as lower-case token sequences.
    products: PhraseSet,
    product_words: HashSet<String>,
    /// Every word of every glossary term and its customer phrasing, lower-cased.
    glossary_words: HashSet<String>,
    /// The terms the jargon rule names: the glossary's to explain or avoid, and Factory
    /// language. Built only when a boast needs to know (a glossary may hold thousands).
    jargon_terms: std::cell::OnceCell<PhraseSet>,
    /// The workspace glossary's terms to explain or avoid alone, built on first need.
    workspace_terms: std::cell::OnceCell<PhraseSet>,
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
        Cx { checker, input, seg, products, product_words, glossary_words, jargon_terms: std::cell::OnceCell::new(), workspace_terms: std::cell::OnceCell::new() }
    }

    /// Whether a sentence asks: it ends with "?" before any closing quote, bracket or bold.
    fn is_question(&self, s: &Sentence) -> bool {
        self.seg.slice(s.block, s.start, s.end).trim_end_matches(['"', '”', ')', '*', ' ']).ends_with('?')
    }

    /// Where a sentence says a term the jargon rule names, as token ranges.
    fn glossary_spans(&self, toks: &[Token]) -> Vec<(usize, usize)> {
        spans_of(&self.jargon_terms, self.input.glossary.iter().chain(&self.checker.lists.factory_speak), toks)
    }

    /// Where a sentence says a term the workspace's glossary explains or avoids. (A stock
    /// phrase the glossary lists is the glossary's to name; the built-in Factory words give
    /// way to the stock phrases instead.)
    fn workspace_glossary_spans(&self, toks: &[Token]) -> Vec<(usize, usize)> {
        spans_of(&self.workspace_terms, self.input.glossary.iter(), toks)
    }

    fn text(&self, block: usize, t: &Token) -> &str {
        &self.seg.texts[block][t.start..t.end]
    }

    fn heading(&self, block: usize) -> bool {
        self.input.blocks[block].heading
    }

    /// Prose sentences: not headings.
    /// Whether the sentence is in the customer's own words: in a section the type says holds
    /// the customer's voice, or an objection put as a question in an objections section.
    pub(super) fn customer_voice(&self, s: &Sentence) -> bool {
        use pitchbridge_core::collateral::{SectionRole, Voice};
        let Some(ct) = self.input.collateral else { return false };
        let Some(section) = ct.sections.iter().find(|c| c.id == self.input.blocks[s.block].section) else { return false };
        section.voice == Voice::Customer
            || (section.role == SectionRole::Objections && self.is_question(s))
    }

    /// The writer's own sentences: not headings (section names), not the customer's words.
    fn prose(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.seg.sentences.iter().enumerate().filter(|(_, s)| !self.heading(s.block) && !self.customer_voice(s))
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
        if lists.unsourced.any_in(toks) {
            return false;
        }
        // A number proves something; a number that is part of a name or a version ("Relay 5",
        // "Windows 11", "version 4.0") does not.
        let in_name = |k: usize| {
            let Some(prev) = k.checked_sub(1).map(|j| &toks[j]) else { return false };
            let raw = self.text(s.block, prev);
            let joined = self.seg.texts[s.block][prev.end..toks[k].start].trim().is_empty();
            joined
                && (self.product_words.contains(&prev.lower)
                    || lists.version_words.contains(&prev.lower)
                    || (raw.starts_with(char::is_uppercase) && raw.chars().any(char::is_lowercase) && !lists.stopwords.contains(&prev.lower) && !lists.not_names.contains(raw)))
        };
        // A year says when, not how much ("since 2016", "in 2024").
        let year = |k: usize| {
            let t = &toks[k];
            t.lower.len() == 4
                && t.lower.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
                && k.checked_sub(1).is_some_and(|j| matches!(toks[j].lower.as_str(), "since" | "in" | "from" | "founded" | "established" | "until" | "through" | "by" | "of"))
        };
        // A time of day says when ("by 6 a.m.", "at 10:30"), not how much.
        let clock = |k: usize| {
            let raw = self.text(s.block, &toks[k]);
            let after = |n: usize| toks.get(k + n).map(|t| t.lower.trim_end_matches('.'));
            raw.contains(':') || matches!(after(1), Some("a.m" | "p.m" | "am" | "pm" | "o'clock")) || (matches!(after(1), Some("a" | "p")) && after(2) == Some("m"))
        };
        // A rank ("#1", "No. 1") is the boast itself, and hours of service ("24/7", "365 days a
        // year", "7 days a week") say when, not how much.
        let block = self.seg.texts[s.block];
        let rank_or_hours = |k: usize| {
            let t = &toks[k];
            let (before, after) = (&block[..t.start], &block[t.end..]);
            let next = toks.get(k + 1).map(|n| n.lower.as_str());
            before.ends_with('#')
                || (t.lower == "1" && k > 0 && toks[k - 1].lower == "no" && block[toks[k - 1].end..t.start].contains('.'))
                || (t.lower == "24" && after.starts_with("/7"))
                || (t.lower == "7" && (before.ends_with("24/") || next == Some("days")))
                || t.lower == "24x7"
                || (t.lower == "365" && next == Some("days"))
        };
        // An ordinal says which, not how much: "on the 1st", "the 15th of each month".
        let ordinal = |k: usize| {
            let w = toks[k].lower.as_str();
            w.len() > 2 && ["st", "nd", "rd", "th"].iter().any(|e| w.strip_suffix(e).is_some_and(|d| d.chars().all(|c| c.is_ascii_digit())))
        };
        if toks.iter().enumerate().any(|(k, t)| !self.seg.in_contact(s.block, t) && t.lower.starts_with(|c: char| c.is_ascii_digit()) && !in_name(k) && !year(k) && !clock(k) && !rank_or_hours(k) && !ordinal(k)) {
            return true;
        }
        // A figure in words: "less than half the time", "twice as many".
        if lists.number_words.any_in(toks) {
            return true;
        }
        // A quotation proves when someone is named as saying it: "says Dale Rusk", or a dash
        // and a name after it ("— Dale Rusk, owner"); not a dash before our own answer
        // ("\"We already use SnowLedger\" - Ours is better").
        let quoted = text.contains(['“', '”', '"', '«', '»']);
        let dash_then_name = ["— ", " - ", "– "].iter().any(|d| {
            text.match_indices(d).any(|(i, _)| {
                let after = text[i + d.len()..].trim_start();
                let word: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '\'' || *c == '’').collect();
                let w = word.to_lowercase();
                after.starts_with(char::is_uppercase) && !lists.we.contains(&w) && !lists.you.contains(&w) && !lists.stopwords.contains(&w)
            })
        });
        if quoted && (lists.attribution.any_in(toks) || dash_then_name) {
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
        // A place ("across North America") or the speaker ("My name is Trevor Lang") is not a
        // customer.
        // A place ("across North America"), the speaker ("My name is Trevor Lang") or the
        // person greeted ("Dear Mr. Alvarez", "Hi Dana Cole") is not a customer.
        let not_a_customer = |k: usize| {
            let before = |n: usize| k.checked_sub(n).map(|j| toks[j].lower.as_str());
            matches!(before(1), Some("in" | "across" | "throughout" | "around" | "all" | "over" | "dear" | "hi" | "hello" | "hey"))
                || (before(1) == Some("the") && matches!(before(2), Some("in" | "across" | "throughout" | "around" | "over")))
                || (before(1) == Some("is") && before(2) == Some("name"))
                || matches!(before(1), Some("i'm" | "i am"))
                || matches!(toks[k].lower.as_str(), "mr" | "ms" | "mrs" | "dr" | "dear")
                // "this is Dana from Coastline Business Systems", "I am a Senior Solutions
                // Consultant with Lexington Channel Partners": the caller, their title and company.
                || (matches!(before(1), Some("from" | "with" | "at" | "a" | "an")) && toks.windows(2).any(|p| matches!((p[0].lower.as_str(), p[1].lower.as_str()), ("this", "is") | ("name", "is") | ("i'm", _) | ("i", "am"))))
        };
        // In a line set in title case ("The Industry's Most Advanced Platform") every word
        // looks like a name; none of them is a customer.
        let long: Vec<&Token> = toks.iter().filter(|t| t.lower.len() > 3).collect();
        let titled = !text.trim_end().ends_with(['.', '!', '?', '"', '”']);
        if titled && long.len() >= 4 && long.iter().filter(|t| self.text(s.block, t).starts_with(char::is_uppercase)).count() * 10 >= long.len() * 7 {
            return false;
        }
        // A run of capitalised words is one name, judged by what comes before its first word:
        // "from Sidecar Merchant Services" is the caller's company all through.
        let joins = |k: usize| {
            let between = full[toks[k].end..toks[k + 1].start].trim();
            (between.is_empty() || between == "&" || between == "and") && is_name_word(&toks[k]) && is_name_word(&toks[k + 1])
        };
        let mut k = 0;
        while k + 1 < toks.len() {
            if joins(k) {
                let first = k;
                while k + 1 < toks.len() && joins(k) {
                    k += 1;
                }
                // "the #1 NEMT Scheduling Platform": a kind of product in capitals, not a customer.
                // (The kind may end the run or follow it, when a glossary word stops the run.)
                let kind_of_offer = (k..(k + 3).min(toks.len())).any(|j| matches!(toks[j].lower.as_str(), "platform" | "software" | "solution" | "app" | "system" | "suite" | "tool"));
                if !not_a_customer(first) && !kind_of_offer {
                    return true;
                }
            }
            k += 1;
        }
        false
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

/// The token ranges where a sentence says one of the entries' terms to explain or avoid, the
/// matcher built once on first need.
fn spans_of<'g>(set: &std::cell::OnceCell<PhraseSet>, entries: impl Iterator<Item = &'g crate::GlossaryEntry>, toks: &[Token]) -> Vec<(usize, usize)> {
    let terms = set.get_or_init(|| {
        PhraseSet::new(&entries.filter(|g| g.rule != pitchbridge_core::GlossaryRule::Preferred).map(|g| g.term.as_str()).collect::<Vec<_>>())
    });
    terms.find_all(toks).into_iter().map(|m| (m.first, m.last)).collect()
}

pub fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Gives a replacement the capital of the words it replaces.
pub(crate) fn match_case(original: &str, replacement: &str) -> String {
    let orig_upper = original.chars().next().is_some_and(|c| c.is_uppercase());
    let is_acronym = original.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) && original.len() > 1;
    if orig_upper && !is_acronym {
        capitalise(replacement)
    } else {
        replacement.to_string()
    }
}

pub(crate) fn quote(s: &str) -> String {
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
        Rule::Weasel => {
            listed(cx, out, Rule::Weasel, &cx.checker.lists.weasel);
            vague_crowds_and_amounts(cx, out);
        }
        Rule::Wordy => listed(cx, out, Rule::Wordy, &cx.checker.lists.wordy),
        Rule::Cliche => {
            listed(cx, out, Rule::Cliche, &cx.checker.lists.cliche);
            by_them_for_them(cx, out);
        }
        Rule::Passive => passive(cx, out),
        Rule::Proof => proof(cx, out),
        Rule::Coverage => coverage(cx, out),
        Rule::AudienceFit => audience_fit(cx, out),
        Rule::Length => length(cx, out),
        Rule::Readability => readability_rule(cx, out),
        Rule::Spelling => {
            spelling(cx, out);
            sound_alikes(cx, out);
        }
        Rule::SentenceLength => sentence_length(cx, out),
        Rule::RepeatedWord => repeated_word(cx, out),
    }
}
