//! Pitchbridge's automated checks: pure functions over a pitch's text, its linked claims, its
//! audience and the workspace glossary. No storage, no UI, no clock.
//!
//! A [`Checker`] holds what is costly to build (word lists, the spelling dictionary) and is
//! built once; [`Checker::check`] then runs every enabled rule over a [`CheckInput`] and
//! returns [`Finding`]s, each pointing at an exact byte range of one block's text.

pub mod candidates;
pub mod file;
pub mod glossary_csv;
pub mod lists;
pub mod readability;
pub mod readiness;
pub mod rules;
pub mod source;
pub mod spelling;
pub mod text;

use std::collections::HashMap;

use pitchbridge_core::collateral::CollateralType;
use pitchbridge_core::{GlossaryRule, Research};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::lists::WordLists;
use crate::spelling::Speller;
use crate::text::Segmented;

/// The rules, with the ids the product uses everywhere (settings, dismissals, the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    CallToAction,
    CustomerFocus,
    Jargon,
    Acronym,
    Hype,
    Weasel,
    Passive,
    Proof,
    Coverage,
    AudienceFit,
    Length,
    Readability,
    Spelling,
    SentenceLength,
    Wordy,
    Cliche,
    RepeatedWord,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        [Severity::Info, Severity::Warning, Severity::Error].into_iter().find(|v| v.as_str() == s)
    }
}

impl Rule {
    pub const ALL: [Rule; 17] = [
        Rule::CallToAction,
        Rule::CustomerFocus,
        Rule::Jargon,
        Rule::Acronym,
        Rule::Hype,
        Rule::Weasel,
        Rule::Passive,
        Rule::Proof,
        Rule::Coverage,
        Rule::AudienceFit,
        Rule::Length,
        Rule::Readability,
        Rule::Spelling,
        Rule::SentenceLength,
        Rule::Wordy,
        Rule::Cliche,
        Rule::RepeatedWord,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Rule::CallToAction => "call-to-action",
            Rule::CustomerFocus => "customer-focus",
            Rule::Jargon => "jargon",
            Rule::Acronym => "acronym",
            Rule::Hype => "hype",
            Rule::Weasel => "weasel",
            Rule::Passive => "passive",
            Rule::Proof => "proof",
            Rule::Coverage => "coverage",
            Rule::AudienceFit => "audience-fit",
            Rule::Length => "length",
            Rule::Readability => "readability",
            Rule::Spelling => "spelling",
            Rule::SentenceLength => "sentence-length",
            Rule::Wordy => "wordy",
            Rule::Cliche => "cliche",
            Rule::RepeatedWord => "repeated-word",
        }
    }

    pub fn parse(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// A short name for the checklist panel.
    pub fn label(self) -> &'static str {
        match self {
            Rule::CallToAction => "Call to action",
            Rule::CustomerFocus => "Written for the customer",
            Rule::Jargon => "Factory jargon",
            Rule::Acronym => "Acronyms explained",
            Rule::Hype => "Hype without proof",
            Rule::Weasel => "Weasel words",
            Rule::Passive => "Passive voice",
            Rule::Proof => "Benefits have proof",
            Rule::Coverage => "Claim coverage",
            Rule::AudienceFit => "Speaks to this audience",
            Rule::Length => "Length",
            Rule::Readability => "Readability",
            Rule::Spelling => "Spelling",
            Rule::SentenceLength => "Sentence length",
            Rule::Wordy => "Wordy phrases",
            Rule::Cliche => "Clichés",
            Rule::RepeatedWord => "Repeated words",
        }
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Rule::CallToAction | Rule::Coverage | Rule::Spelling | Rule::RepeatedWord => Severity::Error,
            Rule::Weasel | Rule::Passive | Rule::Wordy => Severity::Info,
            _ => Severity::Warning,
        }
    }

    /// Rules that need a workspace (links, an audience) and so never run on a bare file.
    pub fn needs_workspace(self) -> bool {
        matches!(self, Rule::Coverage | Rule::AudienceFit)
    }
}

/// A rule switched off or re-levelled. Workspace settings apply first, then the collateral
/// type's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleSetting {
    pub enabled: bool,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    overrides: HashMap<Rule, RuleSetting>,
}

impl RuleSettings {
    /// Layers later settings over earlier ones.
    pub fn layered<'a>(layers: impl IntoIterator<Item = &'a [(Rule, RuleSetting)]>) -> RuleSettings {
        let mut overrides = HashMap::new();
        for layer in layers {
            for (rule, setting) in layer {
                overrides.insert(*rule, *setting);
            }
        }
        RuleSettings { overrides }
    }
    pub fn enabled(&self, rule: Rule) -> bool {
        self.overrides.get(&rule).map_or(true, |s| s.enabled)
    }
    pub fn severity(&self, rule: Rule) -> Severity {
        self.overrides.get(&rule).and_then(|s| s.severity).unwrap_or(rule.default_severity())
    }
}

/// One block of the pitch as the checks see it: plain text plus where it sits.
#[derive(Debug, Clone, Default)]
pub struct CheckBlock {
    pub section: String,
    pub heading: bool,
    pub text: String,
    /// Byte ranges of linked text: a link is a way to act.
    pub links: Vec<std::ops::Range<usize>>,
}

/// A glossary entry as the checks use it.
#[derive(Debug, Clone, PartialEq)]
pub struct GlossaryEntry {
    pub term: String,
    pub customer_phrasing: String,
    pub rule: GlossaryRule,
}

/// A required claim that no paragraph translates yet.
#[derive(Debug, Clone)]
pub struct UncoveredClaim {
    pub claim_id: i64,
    pub number: u32,
    pub kind: String,
    pub text: String,
}

/// A paragraph whose linked claim changed or went away since it was linked.
#[derive(Debug, Clone)]
pub struct StaleLink {
    pub block: usize,
    pub claim_id: i64,
    pub number: u32,
    pub removed: bool,
}

/// Everything the rules read besides the text. Workspace-only facts are `None` or empty for a
/// bare file.
/// The checks' identity: a hash of their code and word lists, made when they are built. What
/// they found, when kept, is bound to it, so a build whose checks differ counts afresh.
pub const IDENTITY: &str = env!("PB_CHECKS_IDENTITY");

#[derive(Debug, Default)]
pub struct CheckInput<'a> {
    pub blocks: Vec<CheckBlock>,
    pub collateral: Option<&'a CollateralType>,
    pub glossary: &'a [GlossaryEntry],
    /// The product's name (and any other name the launch uses), never a misspelling and
    /// counted as "we" by customer focus.
    pub product_names: Vec<String>,
    pub audience: Option<&'a Research>,
    /// The launch's positioning statement, when it has one: a pitch should say the need it
    /// answers or the key benefit, in its own words.
    pub positioning: Option<&'a pitchbridge_core::readiness::Positioning>,
    /// `Some` when the pitch's links are known (in a workspace).
    pub coverage: Option<(Vec<UncoveredClaim>, Vec<StaleLink>)>,
    /// Words the workspace added to its dictionary.
    pub added_words: &'a [String],
    /// Blocks linked only to feature claims.
    pub feature_blocks: Vec<usize>,
    /// Fill in spelling corrections (tens of milliseconds a word; the command line wants them,
    /// the editor asks per finding).
    pub suggest_spellings: bool,
}

/// One thing wrong, where it is, and how to fix it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// The block it points into; `None` for a finding about the pitch as a whole that has no
    /// words to point at (an untranslated claim, an empty section).
    pub block: Option<usize>,
    /// Byte offsets into that block's text.
    pub start: usize,
    pub end: usize,
    pub message: String,
    /// Replacement text for `start..end`; `Some("")` deletes it.
    pub suggestion: Option<String>,
    /// The claim a coverage finding is about.
    pub claim_id: Option<i64>,
}

/// Builds the costly parts once (word lists; the spelling word list needs no building).
pub struct Checker {
    pub lists: WordLists,
    speller: Speller,
}

impl Checker {
    pub fn new() -> Checker {
        Checker { lists: WordLists::builtin(), speller: Speller::builtin() }
    }

    pub fn speller(&self) -> &Speller {
        &self.speller
    }

    pub fn check(&self, input: &CheckInput, settings: &RuleSettings) -> Vec<Finding> {
        let texts: Vec<&str> = input.blocks.iter().map(|b| b.text.as_str()).collect();
        let mut seg = Segmented::new(texts, &self.lists);
        for (b, block) in input.blocks.iter().enumerate() {
            seg.contacts[b].extend(block.links.iter().cloned());
        }
        let cx = rules::Cx::new(self, input, &seg);
        let mut out = Vec::new();
        for rule in Rule::ALL {
            if !settings.enabled(rule) {
                continue;
            }
            let before = out.len();
            rules::run(rule, &cx, &mut out);
            if let Some(severity) = settings.overrides.get(&rule).and_then(|s| s.severity) {
                for f in &mut out[before..] {
                    f.severity = severity;
                }
            }
        }
        out.sort_by(|a, b| {
            (a.block.is_none(), a.block, a.start, a.end, a.rule).cmp(&(b.block.is_none(), b.block, b.start, b.end, b.rule))
        });
        // One finding per rule and place: "we" counted and "We" opening a sentence point at the
        // same word, and the first (the count) says more. Findings with no place are kept apart.
        out.dedup_by(|a, b| {
            a.rule == b.rule
                && a.block == b.block
                && a.start == b.start
                && a.end == b.end
                && a.claim_id == b.claim_id
                && (a.block.is_some() || a.message == b.message)
        });
        out
    }
}

impl Default for Checker {
    fn default() -> Self {
        Checker::new()
    }
}
