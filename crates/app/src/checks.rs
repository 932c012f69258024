//! The pitch checks in the app: run them over the editor's current document with the
//! workspace's glossary, links, audience and settings; dismiss findings; tick manual items;
//! tune rules; keep the workspace dictionary.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use pitchbridge_checks::readiness::{readiness, Readiness, RuleTally};
use pitchbridge_checks::{
    CheckBlock, CheckInput, Checker, GlossaryEntry, Rule, RuleSetting, RuleSettings, Severity, StaleLink,
    UncoveredClaim,
};
use pitchbridge_core::doc::DocBlock;
use pitchbridge_core::links::LinkState;
use pitchbridge_core::{BlockKind, Claim, ClaimKind, Id};
use pitchbridge_core::readiness::Positioning;
use pitchbridge_store::{CheckSettingRow, Dismissal, ManualItemState, PitchEditorView};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, ApiResult, App};

/// Findings of one rule listed for the editor; the rule's count still says how many in all.
pub const MAX_FINDINGS_PER_RULE: usize = 200;

/// The checker, built once per process and shared by every check. The shell warms it (and
/// the dictionary behind spelling corrections, 20–30 ms to parse) off the main thread after
/// start-up.
pub type SharedChecker = Arc<OnceLock<Checker>>;

/// Builds the checker if nobody has yet; the shell calls this on a thread of its own.
pub fn warm_checker(checker: &SharedChecker) {
    checker.get_or_init(Checker::new).speller().prepare_suggestions();
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckPitchRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    /// The editor's current document; the stored one when absent.
    #[ts(optional)]
    #[serde(default)]
    pub blocks: Option<Vec<DocBlock>>,
}

/// A finding as the editor shows it: offsets are UTF-16 code units into the block's text,
/// as JavaScript counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchFinding {
    /// Stable while the flagged words stay the same: rule, block, words and occurrence.
    pub key: String,
    pub rule: Rule,
    pub severity: Severity,
    pub block_key: Option<String>,
    pub start: u32,
    pub end: u32,
    /// The flagged words (what a dismissal is bound to).
    pub quote: String,
    pub message: String,
    pub suggestion: Option<String>,
    #[ts(type = "number | null")]
    pub claim_id: Option<Id>,
    pub dismissal: Option<Dismissal>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleSummary {
    pub rule: Rule,
    pub label: String,
    pub enabled: bool,
    pub severity: Severity,
    /// Findings still open.
    pub open: u32,
    pub dismissed: u32,
    pub worst: Option<Severity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ManualItemView {
    pub id: String,
    pub text: String,
    pub ticked: bool,
    /// "", "ticked", or (after review) "confirmed".
    pub state: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchCheckReport {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub findings: Vec<PitchFinding>,
    pub rules: Vec<RuleSummary>,
    pub manual: Vec<ManualItemView>,
    pub readiness: Readiness,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DismissFindingRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub rule: Rule,
    /// "" for a finding about the pitch as a whole.
    pub block_key: String,
    pub quote: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreFindingRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    #[ts(type = "number")]
    pub dismissal_id: Id,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ManualItemRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub item_id: String,
    pub ticked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RuleInfo {
    pub rule: Rule,
    pub label: String,
    pub default_severity: Severity,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckSettingsView {
    pub rules: Vec<RuleInfo>,
    pub settings: Vec<CheckSettingRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetCheckSettingRequest {
    /// "" for the whole workspace, or a collateral type id.
    pub scope: String,
    pub rule: Rule,
    /// `null` removes the override.
    pub setting: Option<RuleSetting>,
}

/// Converts byte offsets into UTF-16 offsets for offsets that mostly increase within a block.
#[derive(Default)]
struct Utf16Cursor {
    block: usize,
    byte: usize,
    units: u32,
}

impl Utf16Cursor {
    fn offset(&mut self, block: usize, text: &str, byte: usize) -> u32 {
        if block != self.block || byte < self.byte {
            *self = Utf16Cursor { block, byte: 0, units: 0 };
        }
        self.units += text[self.byte..byte].encode_utf16().count() as u32;
        self.byte = byte;
        self.units
    }
}

fn parse_settings(rows: &[CheckSettingRow], scope: &str) -> Vec<(Rule, RuleSetting)> {
    rows.iter()
        .filter(|r| r.scope == scope)
        .filter_map(|r| {
            Some((Rule::parse(&r.rule)?, RuleSetting { enabled: r.enabled, severity: r.severity.as_deref().and_then(Severity::parse) }))
        })
        .collect()
}

/// Everything the checks read for one pitch, loaded once.
struct CheckSource {
    pitch_id: Id,
    view: PitchEditorView,
    /// The document checked: the editor's, or the stored one.
    blocks: Vec<DocBlock>,
    check_blocks: Vec<CheckBlock>,
    uncovered: Vec<UncoveredClaim>,
    stale: Vec<StaleLink>,
    feature_blocks: Vec<usize>,
    glossary: Vec<GlossaryEntry>,
    added_words: Vec<String>,
    product: String,
    positioning: Positioning,
    settings: Vec<CheckSettingRow>,
    dismissals: Vec<Dismissal>,
    manual: Vec<ManualItemState>,
}

/// Changes whenever the counting of open errors in this file changes, so counts kept by an
/// older build are not reused (the checks' own code and lists have their identity from their
/// build script).
const OPEN_ERRORS_COUNTING: &str = "1";

/// What a kept count of open errors is bound to: the checks and this file's counting.
fn open_errors_identity() -> String {
    format!("{}.{OPEN_ERRORS_COUNTING}", pitchbridge_checks::IDENTITY)
}

impl CheckSource {
    fn input(&self) -> CheckInput<'_> {
        let positioned = !(self.positioning.need.trim().is_empty() && self.positioning.key_benefit.trim().is_empty());
        CheckInput {
            blocks: self.check_blocks.clone(),
            collateral: Some(&self.view.collateral_type),
            glossary: &self.glossary,
            product_names: if self.product.trim().is_empty() { vec![] } else { vec![self.product.clone()] },
            audience: Some(&self.view.audience.research),
            positioning: positioned.then_some(&self.positioning),
            coverage: Some((self.uncovered.clone(), self.stale.clone())),
            added_words: &self.added_words,
            feature_blocks: self.feature_blocks.clone(),
            // The likely correction rides on the finding (a few hundred look-ups a misspelled
            // word), so the checklist offers it at once; ranked alternatives come on request.
            suggest_spellings: true,
        }
    }
}

impl App {
    pub fn shared_checker(&self) -> SharedChecker {
        self.checker.clone()
    }

    pub(crate) fn checker(&self) -> &Checker {
        self.checker.get_or_init(Checker::new)
    }

    pub fn check_pitch(&self, req: CheckPitchRequest) -> ApiResult<PitchCheckReport> {
        let source = self.check_source(req)?;
        Ok(self.check_report(&source)?.0)
    }

    /// The errors left open in a pitch as it is stored (dismissed findings and coverage, which
    /// readiness gates on its own, not counted). The count is kept in the workspace, bound to
    /// the checks' identity, until something the checks read for the pitch changes, so a
    /// launch's readiness runs them again, and loads the pitch at all, only where it did.
    pub(crate) fn open_errors(&self, pitch_id: Id) -> ApiResult<u32> {
        let identity = open_errors_identity();
        let ws = self.ws()?;
        if let Some(n) = ws.kept_open_errors(pitch_id, &identity)? {
            return Ok(n);
        }
        let source = self.check_source(CheckPitchRequest { pitch_id, blocks: None })?;
        let (_, n) = self.check_report(&source)?;
        // Only a shortcut: a workspace that cannot keep it still gets the count.
        let _ = ws.keep_open_errors(pitch_id, &identity, n);
        Ok(n)
    }

    /// Loads everything the checks read for a pitch.
    fn check_source(&self, req: CheckPitchRequest) -> ApiResult<CheckSource> {
        let ws = self.ws()?;
        let view = ws.pitch_editor(req.pitch_id)?;
        let blocks = match req.blocks {
            Some(b) => {
                // Validated for its limits, but checked as sent, so offsets match the editor's.
                let sections: Vec<&str> = view.collateral_type.sections.iter().map(|s| s.id.as_str()).collect();
                pitchbridge_core::doc::validate_doc(&b, &sections).map_err(|e| ApiError::invalid(e.to_string()))?;
                b
            }
            None => view.blocks.clone(),
        };
        let glossary: Vec<GlossaryEntry> = view
            .glossary
            .iter()
            .map(|g| GlossaryEntry { term: g.term.clone(), customer_phrasing: g.customer_phrasing.clone(), rule: g.rule })
            .collect();
        let claims: HashMap<Id, &Claim> = view.messages.iter().flat_map(|m| &m.claims).map(|c| (c.id, c)).collect();
        let index: HashMap<&str, usize> = blocks.iter().enumerate().map(|(i, b)| (b.key.as_str(), i)).collect();

        let uncovered = view
            .links
            .coverage
            .gaps
            .iter()
            .filter_map(|id| claims.get(id))
            .map(|c| UncoveredClaim { claim_id: c.id, number: c.number as u32, kind: c.kind.as_str().to_string(), text: c.text.clone() })
            .collect();
        let mut stale = Vec::new();
        let mut kinds_per_block: HashMap<usize, Vec<ClaimKind>> = HashMap::new();
        for l in &view.links.links {
            let Some(&b) = index.get(l.block_key.as_str()) else { continue };
            match l.state {
                LinkState::Current => {}
                LinkState::Changed | LinkState::Removed => stale.push(StaleLink {
                    block: b,
                    claim_id: l.claim_id,
                    number: claims.get(&l.claim_id).map_or(0, |c| c.number as u32),
                    removed: l.state == LinkState::Removed,
                }),
            }
            if let Some(c) = claims.get(&l.claim_id) {
                kinds_per_block.entry(b).or_default().push(c.kind);
            }
        }
        let mut feature_blocks: Vec<usize> = kinds_per_block
            .iter()
            .filter(|(_, kinds)| kinds.iter().all(|k| *k == ClaimKind::Feature))
            .map(|(b, _)| *b)
            .collect();
        // In block order, so the same pitch always gives the same input.
        feature_blocks.sort_unstable();
        let check_blocks = blocks
            .iter()
            .map(|b| {
                let mut text = String::new();
                let mut links = Vec::new();
                for r in &b.runs {
                    let start = text.len();
                    text.push_str(&r.text);
                    if r.link.is_some() {
                        links.push(start..text.len());
                    }
                }
                CheckBlock { section: b.section.clone(), heading: b.kind == BlockKind::Heading, text, links }
            })
            .collect();
        let launch_id = view.summary.pitch.launch_id;
        Ok(CheckSource {
            pitch_id: req.pitch_id,
            check_blocks,
            uncovered,
            stale,
            feature_blocks,
            glossary,
            added_words: ws.dictionary_words()?,
            product: ws.pitch_product(req.pitch_id)?,
            positioning: ws.launch_targets(launch_id)?.positioning,
            settings: ws.check_settings()?,
            dismissals: ws.dismissals(req.pitch_id)?,
            manual: ws.manual_items(req.pitch_id)?,
            blocks,
            view,
        })
    }

    /// Runs the checks over what `check_source` loaded: the report, and how many errors are
    /// open outside coverage (counted before the report's lists are capped).
    fn check_report(&self, source: &CheckSource) -> ApiResult<(PitchCheckReport, u32)> {
        let ct = &source.view.collateral_type;
        let blocks = &source.blocks;
        let input = source.input();
        let rows = &source.settings;
        let (ws_layer, ct_layer) = (parse_settings(rows, ""), parse_settings(rows, &ct.id));
        let settings = RuleSettings::layered([ws_layer.as_slice(), ct_layer.as_slice()]);
        let raw = self.checker().check(&input, &settings);

        let dismissals = &source.dismissals;
        // Byte offsets to UTF-16 offsets, one pass per block that has findings (findings come
        // sorted by block and position, so a megabyte of text is walked once, not per finding).
        let mut utf16 = Utf16Cursor::default();
        let mut occurrences: HashMap<(Rule, String, String), u32> = HashMap::new();
        let findings: Vec<PitchFinding> = raw
            .into_iter()
            .map(|f| {
                let (block_key, start, end, quote) = match f.block {
                    Some(b) => {
                        let text = &input.blocks[b].text;
                        (
                            blocks[b].key.clone(),
                            utf16.offset(b, text, f.start),
                            utf16.offset(b, text, f.end),
                            text[f.start..f.end].to_string(),
                        )
                    }
                    None => (String::new(), 0, 0, f.claim_id.map_or_else(|| f.message.clone(), |id| format!("claim:{id}"))),
                };
                let n = occurrences.entry((f.rule, block_key.clone(), quote.clone())).or_insert(0);
                *n += 1;
                let dismissal = dismissals
                    .iter()
                    .find(|d| d.rule == f.rule.id() && d.block_key == block_key && d.quote == quote)
                    .cloned();
                PitchFinding {
                    key: format!("{}\u{1f}{}\u{1f}{}\u{1f}{}", f.rule.id(), block_key, quote, n),
                    rule: f.rule,
                    severity: f.severity,
                    block_key: (!block_key.is_empty()).then_some(block_key),
                    start,
                    end,
                    quote,
                    message: f.message,
                    suggestion: f.suggestion,
                    claim_id: f.claim_id,
                    dismissal,
                }
            })
            .collect();

        let rules: Vec<RuleSummary> = Rule::ALL
            .iter()
            .map(|&rule| {
                let of_rule = findings.iter().filter(|f| f.rule == rule);
                let open: Vec<&PitchFinding> = of_rule.clone().filter(|f| f.dismissal.is_none()).collect();
                RuleSummary {
                    rule,
                    label: rule.label().to_string(),
                    enabled: settings.enabled(rule),
                    severity: settings.severity(rule),
                    open: open.len() as u32,
                    dismissed: of_rule.filter(|f| f.dismissal.is_some()).count() as u32,
                    worst: open.iter().map(|f| f.severity).max(),
                }
            })
            .collect();
        let states = &source.manual;
        let manual: Vec<ManualItemView> = ct
            .checklist
            .iter()
            .map(|item| {
                let state = states.iter().find(|s| s.item_id == item.id);
                ManualItemView {
                    id: item.id.clone(),
                    text: item.text.clone(),
                    ticked: state.is_some(),
                    state: state.map_or_else(String::new, |s| s.state.clone()),
                    updated_at: state.map_or_else(String::new, |s| s.updated_at.clone()),
                }
            })
            .collect();
        let tallies: Vec<RuleTally> = rules.iter().filter(|r| r.enabled).map(|r| RuleTally { rule: r.rule, worst: r.worst }).collect();
        let done = pitchbridge_checks::readiness::completeness(ct, &input.blocks);
        let readiness = readiness(&tallies, manual.iter().filter(|m| m.ticked).count(), manual.len(), done);
        let open_errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.dismissal.is_none() && f.rule != Rule::Coverage)
            .count() as u32;
        // The counts above are complete; the list the editor underlines is capped per rule so a
        // pathological document stays responsive.
        let mut shown: HashMap<Rule, usize> = HashMap::new();
        let findings = findings
            .into_iter()
            .filter(|f| {
                let n = shown.entry(f.rule).or_insert(0);
                *n += 1;
                *n <= MAX_FINDINGS_PER_RULE
            })
            .collect();
        Ok((PitchCheckReport { pitch_id: source.pitch_id, findings, rules, manual, readiness }, open_errors))
    }

    pub fn dismiss_finding(&mut self, req: DismissFindingRequest) -> ApiResult<Dismissal> {
        if req.reason.chars().count() > 2000 {
            return Err(ApiError::invalid("Keep the reason under 2,000 characters."));
        }
        let now = self.clock.now();
        Ok(self.ws_mut()?.dismiss_finding(req.pitch_id, req.rule.id(), &req.block_key, &req.quote, &req.reason, &now)?)
    }

    pub fn restore_finding(&mut self, req: RestoreFindingRequest) -> ApiResult<()> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.restore_finding(req.pitch_id, req.dismissal_id, &now)?)
    }

    pub fn set_manual_item(&mut self, req: ManualItemRequest) -> ApiResult<()> {
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        let detail = ws.pitch_detail(req.pitch_id)?;
        let ct = ws.get_collateral_type(&detail.summary.pitch.collateral_type)?;
        if !ct.checklist.iter().any(|i| i.id == req.item_id) {
            return Err(ApiError::invalid(format!("The {} checklist has no item “{}”.", ct.name, req.item_id)));
        }
        let by = ws.actor().to_string();
        Ok(ws.set_manual_item(req.pitch_id, &req.item_id, req.ticked, &by, &now)?)
    }

    pub fn get_check_settings(&self) -> ApiResult<CheckSettingsView> {
        let rules = Rule::ALL
            .iter()
            .map(|&rule| RuleInfo { rule, label: rule.label().into(), default_severity: rule.default_severity() })
            .collect();
        Ok(CheckSettingsView { rules, settings: self.ws()?.check_settings()? })
    }

    pub fn set_check_setting(&mut self, req: SetCheckSettingRequest) -> ApiResult<CheckSettingsView> {
        let ws = self.ws_mut()?;
        if !req.scope.is_empty() && ws.get_collateral_type(&req.scope).is_err() {
            return Err(ApiError::invalid(format!("There is no collateral type “{}”.", req.scope)));
        }
        let setting = req.setting.map(|s| (s.enabled, s.severity.map(Severity::as_str)));
        ws.set_check_setting(&req.scope, req.rule.id(), setting)?;
        self.get_check_settings()
    }

    /// Corrections for a flagged word, asked for when the writer opens a spelling finding.
    pub fn spelling_suggestions(&self, word: String) -> ApiResult<Vec<String>> {
        if word.chars().count() > 64 {
            return Ok(Vec::new());
        }
        Ok(self.checker().speller().suggest(&word, 5))
    }

    pub fn add_dictionary_word(&mut self, word: String) -> ApiResult<Vec<String>> {
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.add_dictionary_word(&word, &now)?;
        Ok(ws.dictionary_words()?)
    }

    pub fn remove_dictionary_word(&mut self, word: String) -> ApiResult<Vec<String>> {
        let ws = self.ws_mut()?;
        ws.remove_dictionary_word(&word)?;
        Ok(ws.dictionary_words()?)
    }

    pub fn list_dictionary_words(&self) -> ApiResult<Vec<String>> {
        Ok(self.ws()?.dictionary_words()?)
    }


}
