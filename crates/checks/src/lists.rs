//! The word lists behind the rules, read from `assets/checks/words.toml` (built in) so that a
//! list is changed as data, not code.

use foldhash::{HashMap, HashSet};

use serde::Deserialize;

use crate::text::{lower_word, tokenize, Token};

const WORDS_TOML: &str = include_str!("../../../assets/checks/words.toml");

/// A list of words and phrases, matched as whole words over a token sequence.
#[derive(Debug, Default)]
pub struct PhraseSet {
    phrases: Vec<Phrase>,
    /// Indices into `phrases` by each word a phrase may start with, longest phrase first.
    by_first: HashMap<String, Vec<usize>>,
}

#[derive(Debug, Clone)]
pub struct Phrase {
    /// Each position's accepted words: one for a plain word, several for an idiom's slot
    /// ("{drop}": drop, drops, dropped…; "{your}": your, their, its…).
    pub words: Vec<Vec<String>>,
    /// Written "up to #": matches only when a number follows.
    pub before_number: bool,
    pub text: String,
    /// `Some("")` means "delete it"; `None`: no fix to offer.
    pub replacement: Option<String>,
}

/// One match: token indices `first..=last` in the slice that was searched.
#[derive(Debug, Clone, Copy)]
pub struct PhraseMatch<'p> {
    pub first: usize,
    pub last: usize,
    pub phrase: &'p Phrase,
}

impl PhraseSet {
    pub fn new<S: AsRef<str>>(entries: &[S]) -> PhraseSet {
        let mut set = PhraseSet::default();
        for entry in entries {
            let entry = entry.as_ref();
            let (text, replacement) = match entry.split_once("=>") {
                Some((t, r)) => (t.trim(), Some(r.trim().to_string())),
                None => (entry.trim(), None),
            };
            let (text, before_number) = match text.strip_suffix('#') {
                Some(t) => (t.trim(), true),
                None => (text, false),
            };
            let words = phrase_words(text);
            if words.is_empty() {
                continue;
            }
            for first in &words[0] {
                set.by_first.entry(first.clone()).or_default().push(set.phrases.len());
            }
            set.phrases.push(Phrase { words, before_number, text: text.to_string(), replacement });
        }
        // Longest first, so "the most advanced" wins over "the".
        let phrases = &set.phrases;
        for v in set.by_first.values_mut() {
            v.sort_by(|a, b| phrases[*b].words.len().cmp(&phrases[*a].words.len()));
        }
        set
    }

    pub fn contains_word(&self, lower: &str) -> bool {
        self.by_first.get(lower).is_some_and(|v| v.iter().any(|&p| self.phrases[p].words.len() == 1))
    }

    /// The phrase starting at token `i`, if any (longest wins).
    pub fn match_at<'p>(&'p self, tokens: &[Token], i: usize) -> Option<PhraseMatch<'p>> {
        let cands = self.by_first.get(tokens.get(i)?.lower.as_str())?;
        cands
            .iter()
            .map(|&p| &self.phrases[p])
            .find(|p| {
                p.words.len() <= tokens.len() - i
                    && p.words.iter().zip(&tokens[i..]).all(|(w, t)| w.is_empty() || w.contains(&t.lower))
                    && (!p.before_number
                        || tokens.get(i + p.words.len()).is_some_and(|t| t.lower.starts_with(|c: char| c.is_ascii_digit())))
            })
            .map(|p| PhraseMatch { first: i, last: i + p.words.len() - 1, phrase: p })
    }

    /// Every non-overlapping match, left to right.
    pub fn find_all<'p>(&'p self, tokens: &[Token]) -> Vec<PhraseMatch<'p>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some(m) = self.match_at(tokens, i) {
                i = m.last + 1;
                out.push(m);
            } else {
                i += 1;
            }
        }
        out
    }

    pub fn any_in(&self, tokens: &[Token]) -> bool {
        (0..tokens.len()).any(|i| self.match_at(tokens, i).is_some())
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLists {
    #[serde(rename = "call-to-action")]
    cta: RawCta,
    #[serde(rename = "customer-focus")]
    focus: RawFocus,
    proof: RawProof,
    hype: RawHype,
    weasel: RawWeasel,
    wordy: RawPhrases,
    cliche: RawCliche,
    passive: RawPassive,
    acronym: RawAcronym,
    #[serde(rename = "repeated-word")]
    repeated: RawAllowed,
    #[serde(rename = "audience-fit")]
    audience: RawStop,
    #[serde(rename = "factory-speak")]
    factory_speak: RawPhrases,
    spelling: RawSpelling,
}
#[derive(Debug, Deserialize)]
struct RawHype {
    words: Vec<String>,
    patterns: RawHypePatterns,
}
#[derive(Debug, Deserialize)]
struct RawHypePatterns {
    owners: Vec<String>,
    superlatives: Vec<String>,
    no_other: Vec<String>,
    intensifiers: Vec<String>,
    offer_things: Vec<String>,
    puffery: Vec<String>,
    plain_superlatives: Vec<String>,
    distances: Vec<String>,
    ahead: Vec<String>,
    everyone: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct RawWeasel {
    words: Vec<String>,
    crowd: Vec<String>,
    vague_amounts: Vec<String>,
    vouch: Vec<String>,
    vouch_between: Vec<String>,
    outcomes: Vec<String>,
    people: Vec<String>,
    unnamed_people: Vec<String>,
    places: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct RawSpelling {
    slips: Vec<String>,
    known_names: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawCta {
    verbs: Vec<String>,
    self_sufficient: Vec<String>,
    vague: Vec<String>,
    open_ended: Vec<String>,
    verb_follows: Vec<String>,
    not_before_to: Vec<String>,
    negators: Vec<String>,
    way_words: Vec<String>,
    spoken_types: Vec<String>,
    conversation_types: Vec<String>,
    internal_types: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct RawFocus {
    we: Vec<String>,
    you: Vec<String>,
    feature_verbs: Vec<String>,
    feature_sections: Vec<String>,
    benefit_sections: Vec<String>,
    benefit_openers: Vec<String>,
    benefit_markers: Vec<String>,
    sender_openers: Vec<String>,
    announcers: Vec<String>,
    headline_sections: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct RawProof {
    benefit_words: Vec<String>,
    not_names: Vec<String>,
    attribution: Vec<String>,
    version_words: Vec<String>,
    number_words: Vec<String>,
    unsourced: Vec<String>,
    changes: Vec<String>,
    measures: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct RawPhrases {
    phrases: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct RawCliche {
    phrases: Vec<String>,
    idioms: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct RawPassive {
    be: Vec<String>,
    between: Vec<String>,
    get: Vec<String>,
    get_not: Vec<String>,
    irregular: Vec<String>,
    adjectives: Vec<String>,
    feelings: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct RawAcronym {
    known: Vec<String>,
    abbreviations: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct RawAllowed {
    allowed: Vec<String>,
}
#[derive(Debug, Deserialize)]
struct RawStop {
    stopwords: Vec<String>,
}

#[derive(Debug)]
pub struct WordLists {
    pub cta_verbs: PhraseSet,
    pub cta_self_sufficient: PhraseSet,
    /// Asks too loose to act on: "Feel free to reach out", "Let me know if you ever want to chat".
    pub cta_vague: PhraseSet,
    /// Words that leave an ask open whatever day comes with them ("sometime next week").
    pub cta_open_ended: PhraseSet,
    pub cta_verb_follows: HashSet<String>,
    /// "has to", "used to": a verb after these and "to" describes, it does not ask.
    pub cta_not_before_to: HashSet<String>,
    pub cta_negators: HashSet<String>,
    pub internal_types: HashSet<String>,
    pub cta_way_words: PhraseSet,
    pub spoken_types: HashSet<String>,
    /// Collateral used in a conversation already under way: its next step needs no way to act.
    pub conversation_types: HashSet<String>,
    pub attribution: PhraseSet,
    /// A figure from nobody in particular ("Studies show that…") proves nothing.
    pub unsourced: PhraseSet,
    pub we: HashSet<String>,
    pub you: HashSet<String>,
    pub feature_verbs: PhraseSet,
    pub feature_sections: HashSet<String>,
    /// Sections that list what the reader gets: a bare feature there says nothing of it.
    pub benefit_sections: HashSet<String>,
    /// Words that open a benefit, as an imperative or an outcome ("Ensure…", "Streamlined…").
    pub benefit_openers: HashSet<String>,
    /// A sentence about the sender: "My name is…", "I'm reaching out…".
    pub sender_openers: PhraseSet,
    /// A headline that announces the product: "Introducing…", "Meet…".
    pub announcers: PhraseSet,
    /// Sections that are the reader's first line: a headline, a subject, a hook.
    pub headline_sections: HashSet<String>,
    pub benefit_markers: PhraseSet,
    pub benefit_words: PhraseSet,
    pub not_names: HashSet<String>,
    /// Words a number after which names a version, not a result ("version 4", "gen 2").
    pub version_words: HashSet<String>,
    pub hype: PhraseSet,
    pub weasel: PhraseSet,
    pub wordy: PhraseSet,
    pub cliche: PhraseSet,
    pub number_words: PhraseSet,
    pub be: PhraseSet,
    pub be_between: HashSet<String>,
    pub get: HashSet<String>,
    pub get_not: HashSet<String>,
    pub hype_owners: HashSet<String>,
    pub hype_superlatives: HashSet<String>,
    pub hype_no_other: HashSet<String>,
    pub hype_intensifiers: PhraseSet,
    pub hype_offer_things: PhraseSet,
    pub hype_puffery: PhraseSet,
    pub hype_plain_superlatives: HashSet<String>,
    pub hype_distances: PhraseSet,
    pub hype_ahead: PhraseSet,
    pub hype_everyone: PhraseSet,
    pub weasel_crowd: PhraseSet,
    pub vague_amounts: HashSet<String>,
    /// What an unnamed crowd does when it vouches: "tell us", "love", "swear by".
    pub weasel_vouch: PhraseSet,
    /// Words that may stand between the crowd and its verb ("Shops also see").
    pub weasel_vouch_between: HashSet<String>,
    /// After "see", "notice" or "report": an outcome ("Shops see fewer…", "see a drop").
    pub weasel_outcomes: PhraseSet,
    pub weasel_people: HashSet<String>,
    /// People a claim is sourced to without a name: "according to a customer in the Midwest".
    pub unnamed_people: HashSet<String>,
    pub weasel_places: PhraseSet,
    pub change_verbs: PhraseSet,
    pub measures: HashSet<String>,
    /// Slip → the word meant.
    pub spelling_slips: HashMap<String, String>,
    pub known_names: Vec<String>,
    pub irregular_participles: HashSet<String>,
    pub adjectives: HashSet<String>,
    /// States of mind or standing that stay adjectives even after "been" ("has been thrilled").
    pub feelings: HashSet<String>,
    /// Exact spelling, as acronyms are case-sensitive.
    pub known_acronyms: HashSet<String>,
    pub abbreviations: HashSet<String>,
    pub repeat_allowed: HashSet<String>,
    pub stopwords: HashSet<String>,
    /// Factory language nobody outside the company says, with the plain words to use: the
    /// jargon check's list when the glossary does not name a term itself.
    pub factory_speak: Vec<crate::GlossaryEntry>,
}

/// Possessives an idiom's `{your}` stands for: "worth its weight in gold", "worth their weight…".
const POSSESSIVES: &[&str] = &["your", "their", "our", "his", "her", "its", "my", "one's"];

/// Verbs whose forms are not made by adding -s, -ed and -ing.
const IRREGULAR_VERBS: &[(&str, &[&str])] = &[
    ("be", &["is", "are", "was", "were", "been", "being", "'s", "'re"]),
    ("have", &["has", "had", "having", "'ve"]),
    ("do", &["does", "did", "done", "doing"]),
    ("go", &["goes", "went", "gone", "going"]),
    ("take", &["took", "taken"]),
    ("make", &["made"]),
    ("get", &["got", "gotten"]),
    ("come", &["came"]),
    ("keep", &["kept"]),
    ("run", &["ran"]),
    ("break", &["broke", "broken"]),
    ("bring", &["brought"]),
    ("leave", &["left"]),
    ("hold", &["held"]),
    ("fall", &["fell", "fallen"]),
    ("give", &["gave", "given"]),
    ("throw", &["threw", "thrown"]),
    ("see", &["saw", "seen"]),
    ("know", &["knew", "known"]),
    ("sleep", &["slept"]),
    ("spin", &["spun"]),
    ("sell", &["sold"]),
    ("stand", &["stood"]),
    ("wear", &["wore", "worn"]),
    ("beat", &["beaten"]),
    ("bite", &["bit", "bitten"]),
    ("blow", &["blew", "blown"]),
    ("burn", &["burnt"]),
    ("build", &["built"]),
    ("catch", &["caught"]),
    ("drink", &["drank", "drunk"]),
    ("eat", &["ate", "eaten"]),
    ("fight", &["fought"]),
    ("fly", &["flew", "flown"]),
    ("lead", &["led"]),
    ("lose", &["lost"]),
    ("pay", &["paid"]),
    ("ride", &["rode", "ridden"]),
    ("say", &["said"]),
    ("shoot", &["shot"]),
    ("sink", &["sank", "sunk"]),
    ("steal", &["stole", "stolen"]),
    ("strike", &["struck"]),
    ("sweep", &["swept"]),
    ("swim", &["swam"]),
    ("tear", &["tore", "torn"]),
    ("think", &["thought"]),
    ("win", &["won"]),
    ("write", &["wrote", "written"]),
    ("teach", &["taught"]),
    ("feel", &["felt"]),
    ("send", &["sent"]),
    ("show", &["shown"]),
    ("spend", &["spent"]),
];

/// The forms of a verb an idiom may use: "drop" gives drops, dropped, dropping; "take" gives
/// takes, took, taken, taking. A few spellings that are no word ("droped") come along; they
/// never occur in text, so they never match.
fn verb_forms(base: &str) -> Vec<String> {
    let mut forms = vec![base.to_string(), format!("{base}s"), format!("{base}es"), format!("{base}ed"), format!("{base}d"), format!("{base}ing")];
    if let Some(stem) = base.strip_suffix('e') {
        forms.push(format!("{stem}ing"));
    }
    if let Some(stem) = base.strip_suffix('y') {
        forms.extend([format!("{stem}ies"), format!("{stem}ied")]);
    }
    if let Some(last) = base.chars().last().filter(|c| !"aeiouwy".contains(*c)) {
        forms.extend([format!("{base}{last}ed"), format!("{base}{last}ing")]);
    }
    if let Some((_, irregular)) = IRREGULAR_VERBS.iter().find(|(b, _)| *b == base) {
        forms.extend(irregular.iter().map(|f| f.to_string()));
    }
    forms
}

/// A list entry's words, each with the forms it accepts. Plain words are themselves; in an
/// idiom, `{verb}` stands for any form of the verb, `{your}` for any possessive and `{*}` for
/// any one word: "{drop} like a stone" matches "drops like a stone" and "dropped like a stone".
fn phrase_words(text: &str) -> Vec<Vec<String>> {
    let mut words = Vec::new();
    for part in text.split_whitespace() {
        match part.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            // "{*}": any one word ("that's where {*} comes in"); never first.
            Some("*") if !words.is_empty() => words.push(Vec::new()),
            Some(slot) if POSSESSIVES.contains(&slot) => words.push(POSSESSIVES.iter().map(|p| p.to_string()).collect()),
            Some(verb) => words.push(verb_forms(&lower_word(verb))),
            None => words.extend(tokenize(part).into_iter().map(|t| vec![t.lower])),
        }
    }
    words
}

fn lowered(v: Vec<String>) -> HashSet<String> {
    v.into_iter().map(|w| lower_word(w.trim())).collect()
}

impl WordLists {
    pub fn builtin() -> WordLists {
        WordLists::parse(WORDS_TOML).expect("the built-in word lists parse")
    }

    pub fn parse(toml_text: &str) -> Result<WordLists, String> {
        let raw: RawLists = toml::from_str(toml_text).map_err(|e| e.to_string())?;
        Ok(WordLists {
            cta_verbs: PhraseSet::new(&raw.cta.verbs),
            cta_self_sufficient: PhraseSet::new(&raw.cta.self_sufficient),
            cta_vague: PhraseSet::new(&raw.cta.vague),
            cta_open_ended: PhraseSet::new(&raw.cta.open_ended),
            cta_verb_follows: lowered(raw.cta.verb_follows),
            cta_not_before_to: lowered(raw.cta.not_before_to),
            cta_negators: lowered(raw.cta.negators),
            internal_types: raw.cta.internal_types.into_iter().collect(),
            cta_way_words: PhraseSet::new(&raw.cta.way_words),
            spoken_types: raw.cta.spoken_types.into_iter().collect(),
            conversation_types: raw.cta.conversation_types.into_iter().collect(),
            attribution: PhraseSet::new(&raw.proof.attribution),
            unsourced: PhraseSet::new(&raw.proof.unsourced),
            we: lowered(raw.focus.we),
            you: lowered(raw.focus.you),
            feature_verbs: PhraseSet::new(&raw.focus.feature_verbs),
            feature_sections: raw.focus.feature_sections.into_iter().collect(),
            benefit_sections: raw.focus.benefit_sections.into_iter().collect(),
            benefit_openers: lowered(raw.focus.benefit_openers),
            sender_openers: PhraseSet::new(&raw.focus.sender_openers),
            announcers: PhraseSet::new(&raw.focus.announcers),
            headline_sections: raw.focus.headline_sections.into_iter().collect(),
            benefit_markers: PhraseSet::new(&raw.focus.benefit_markers),
            benefit_words: PhraseSet::new(&raw.proof.benefit_words),
            not_names: raw.proof.not_names.into_iter().collect(),
            version_words: lowered(raw.proof.version_words),
            hype: PhraseSet::new(&raw.hype.words),
            weasel: PhraseSet::new(&raw.weasel.words),
            wordy: PhraseSet::new(&raw.wordy.phrases),
            cliche: PhraseSet::new(&raw.cliche.phrases.iter().chain(&raw.cliche.idioms).collect::<Vec<_>>()),
            number_words: PhraseSet::new(&raw.proof.number_words),
            be: PhraseSet::new(&raw.passive.be),
            be_between: lowered(raw.passive.between),
            get: lowered(raw.passive.get),
            get_not: lowered(raw.passive.get_not),
            hype_owners: lowered(raw.hype.patterns.owners),
            hype_superlatives: lowered(raw.hype.patterns.superlatives),
            hype_no_other: lowered(raw.hype.patterns.no_other),
            hype_intensifiers: PhraseSet::new(&raw.hype.patterns.intensifiers),
            hype_offer_things: PhraseSet::new(&raw.hype.patterns.offer_things),
            hype_puffery: PhraseSet::new(&raw.hype.patterns.puffery),
            hype_plain_superlatives: lowered(raw.hype.patterns.plain_superlatives),
            hype_distances: PhraseSet::new(&raw.hype.patterns.distances),
            hype_ahead: PhraseSet::new(&raw.hype.patterns.ahead),
            hype_everyone: PhraseSet::new(&raw.hype.patterns.everyone),
            weasel_crowd: PhraseSet::new(&raw.weasel.crowd),
            vague_amounts: lowered(raw.weasel.vague_amounts),
            weasel_vouch: PhraseSet::new(&raw.weasel.vouch),
            weasel_vouch_between: lowered(raw.weasel.vouch_between),
            weasel_outcomes: PhraseSet::new(&raw.weasel.outcomes),
            weasel_people: lowered(raw.weasel.people),
            unnamed_people: lowered(raw.weasel.unnamed_people),
            weasel_places: PhraseSet::new(&raw.weasel.places),
            change_verbs: PhraseSet::new(&raw.proof.changes),
            measures: lowered(raw.proof.measures),
            spelling_slips: raw
                .spelling
                .slips
                .iter()
                .filter_map(|e| e.split_once("=>").map(|(a, b)| (lower_word(a.trim()), b.trim().to_string())))
                .collect(),
            known_names: raw.spelling.known_names,
            irregular_participles: lowered(raw.passive.irregular),
            adjectives: lowered(raw.passive.adjectives),
            feelings: lowered(raw.passive.feelings),
            known_acronyms: raw.acronym.known.into_iter().collect(),
            abbreviations: lowered(raw.acronym.abbreviations),
            repeat_allowed: lowered(raw.repeated.allowed),
            stopwords: lowered(raw.audience.stopwords),
            factory_speak: raw
                .factory_speak
                .phrases
                .iter()
                .map(|entry| {
                    let (term, plain) = entry.split_once("=>").map(|(t, r)| (t.trim(), r.trim())).unwrap_or((entry.trim(), ""));
                    crate::GlossaryEntry { term: term.to_string(), customer_phrasing: plain.to_string(), rule: pitchbridge_core::GlossaryRule::Avoid }
                })
                .collect(),
        })
    }
}
