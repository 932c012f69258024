//! Launch readiness: whether the field has what it needs for a launch, evaluated on a given
//! day. A launch names its target audiences and, for each, the collateral types they need;
//! every claim of a required kind must then be said to each audience by an approved pitch of
//! each type that has not expired. Expiry is computed here from the day passed in, never kept.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::{ClaimKind, Id, PitchStatus};

/// Days an approval holds before its verifier must look again, when nothing else is set.
pub const DEFAULT_VERIFY_INTERVAL_DAYS: u32 = 90;
/// How far ahead "expiring soon" looks.
pub const EXPIRING_SOON_DAYS: i64 = 14;

/// Where a claim stands for an audience: the best state among the pitches that say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CellState {
    None,
    Draft,
    ChangesRequested,
    NeedsReverification,
    NeedsReapproval,
    InReview,
    Approved,
}

impl CellState {
    pub fn as_str(self) -> &'static str {
        match self {
            CellState::None => "none",
            CellState::Draft => "draft",
            CellState::ChangesRequested => "changes-requested",
            CellState::NeedsReverification => "needs-reverification",
            CellState::NeedsReapproval => "needs-reapproval",
            CellState::InReview => "in-review",
            CellState::Approved => "approved",
        }
    }

    /// How close to the field: the order the variants are declared in.
    fn rank(self) -> u8 {
        self as u8
    }

    /// A pitch's state on `today`: an approval past its expiry needs re-verification.
    pub fn of(status: PitchStatus, expires_on: Option<&str>, today: &str) -> CellState {
        match status {
            PitchStatus::Draft => CellState::Draft,
            PitchStatus::InReview => CellState::InReview,
            PitchStatus::ChangesRequested => CellState::ChangesRequested,
            PitchStatus::NeedsReapproval => CellState::NeedsReapproval,
            PitchStatus::Approved if expires_on.is_some_and(|e| e <= today) => CellState::NeedsReverification,
            PitchStatus::Approved => CellState::Approved,
        }
    }
}

/// A collateral type an audience needs, with the claim kinds that type must say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TypeNeed {
    pub type_id: String,
    pub type_name: String,
    pub required_kinds: Vec<ClaimKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AudienceTarget {
    #[ts(type = "number")]
    pub audience_id: Id,
    pub audience_name: String,
    pub types: Vec<TypeNeed>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClaimFact {
    #[ts(type = "number")]
    pub id: Id,
    pub number: i64,
    pub kind: ClaimKind,
    pub text: String,
}

/// What readiness needs to know about one pitch of the launch.
#[derive(Debug, Clone, PartialEq)]
pub struct PitchFact {
    pub id: Id,
    pub title: String,
    pub audience_id: Id,
    pub type_id: String,
    pub status: PitchStatus,
    pub linked: Vec<Id>,
    /// Links to claims that changed or went since they were made.
    pub stale_links: u32,
    /// Open error findings, when the checks have run on its current text.
    pub open_errors: u32,
    /// The day its approval lapses (approval day + interval, or a message's "valid until").
    pub expires_on: Option<String>,
    /// The registered reviewer who re-verifies it, by name; `verifier_gone` when the one set
    /// is no longer registered.
    pub verifier: Option<String>,
    pub verifier_gone: bool,
    /// The text its latest approval names, when it has one.
    pub approved_fingerprint: Option<String>,
}

/// What readiness needs to know about a target audience's training kit.
#[derive(Debug, Clone, PartialEq)]
pub struct KitFact {
    pub audience_id: Id,
    /// A reviewer has the kit now.
    pub in_review: bool,
    /// The basis of the kit's latest approval, unless changes were asked for since.
    pub approved_basis: Option<String>,
    /// Digests of the writer's changes to the kit and of the glossary, as they are now.
    pub state_digest: String,
    pub glossary_digest: String,
}

/// What a kit's items are made from, as one fingerprint: the approved, unexpired pitches it
/// draws on (id and approved text), the glossary and the writer's changes. A kit approved on
/// one basis is current while the basis is the same.
pub fn kit_basis(pitches: &[(Id, &str)], glossary_digest: &str, state_digest: &str) -> String {
    let mut sorted: Vec<(Id, &str)> = pitches.to_vec();
    sorted.sort();
    let mut text = format!("{glossary_digest}\n{state_digest}\n");
    for (id, fp) in sorted {
        text.push_str(&format!("{id}:{fp}\n"));
    }
    crate::fingerprint::fingerprint(&text)
}

/// The pitches of an audience a kit can be made from today: approved and not expired.
pub fn kit_pitches<'a>(pitches: &'a [PitchFact], audience_id: Id, today: &str) -> Vec<&'a PitchFact> {
    pitches.iter().filter(|p| p.audience_id == audience_id && CellState::of(p.status, p.expires_on.as_deref(), today) == CellState::Approved).collect()
}

/// A pitch waiting for a decision.
#[derive(Debug, Clone, PartialEq)]
pub struct QueueFact {
    pub reviewer: String,
    pub pitch_id: Id,
    /// The day it was submitted.
    pub submitted_on: String,
}

/// A review request that has been answered or withdrawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosedReviewFact {
    pub pitch_id: Id,
    /// RFC 3339 (UTC).
    pub submitted_at: String,
    pub closed_at: String,
    /// approved, approved-with-edits, changes-requested or withdrawn.
    pub outcome: String,
}

/// How review is flowing: how long decisions take, and how often pitches go round again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewFlow {
    /// Decisions made (withdrawals left out).
    pub decided: u32,
    /// Hours from submission to decision.
    pub p50_hours: Option<f64>,
    pub p90_hours: Option<f64>,
    /// Pitches sent back with changes requested, and how many times, most first.
    pub rounds: Vec<PitchRounds>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchRounds {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub title: String,
    pub changes_requested: u32,
}

/// How much each part counts in the score; set per workspace.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScoreWeights {
    pub coverage: u32,
    pub freshness: u32,
    pub checks: u32,
    /// Target audiences whose training kit is approved and current. Weights saved before kits
    /// existed read as 0 here, so their scores do not move.
    #[serde(default)]
    pub training: u32,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        ScoreWeights { coverage: 50, freshness: 20, checks: 15, training: 15 }
    }
}

/// Everything about a launch that its readiness depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct LaunchFacts {
    pub launch_id: Id,
    pub name: String,
    /// YYYY-MM-DD, or empty when not set.
    pub launch_date: String,
    pub targets: Vec<AudienceTarget>,
    pub claims: Vec<ClaimFact>,
    pub pitches: Vec<PitchFact>,
    pub queue: Vec<QueueFact>,
    pub closed_reviews: Vec<ClosedReviewFact>,
    /// Target audiences' training kits (an audience with no kit review has none here).
    pub kits: Vec<KitFact>,
    pub target_score: u32,
    pub weights: ScoreWeights,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Gate {
    pub name: String,
    pub passed: bool,
    /// What stands in the way, one line each.
    pub blocking: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScorePart {
    pub name: String,
    pub weight: u32,
    /// 0 to 1.
    pub value: f64,
    /// What it adds to the score, 0 to 100 in all.
    pub points: f64,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatrixCell {
    #[ts(type = "number")]
    pub claim_id: Id,
    pub claim_number: i64,
    #[ts(type = "number")]
    pub audience_id: Id,
    pub state: CellState,
    /// The pitches behind the state, best first.
    #[ts(type = "number[]")]
    pub pitch_ids: Vec<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Expiring {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub title: String,
    pub expires_on: String,
    /// Negative once expired.
    pub days_left: i64,
    pub verifier: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct QueueEntry {
    pub reviewer: String,
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub title: String,
    pub waiting_days: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaunchReadiness {
    #[ts(type = "number")]
    pub launch_id: Id,
    pub name: String,
    pub launch_date: String,
    /// On the day evaluated; negative once the launch date has passed.
    pub days_to_launch: Option<i64>,
    pub score: u32,
    pub target_score: u32,
    pub parts: Vec<ScorePart>,
    /// Every gate passes.
    pub ready: bool,
    /// Ready, or at the target score with time left before launch.
    pub on_track: bool,
    pub has_targets: bool,
    pub gates: Vec<Gate>,
    pub audiences: Vec<AudienceTarget>,
    /// The matrix's rows: claims of a kind some target type requires.
    pub claims: Vec<ClaimFact>,
    pub matrix: Vec<MatrixCell>,
    /// Approved pitches expired or expiring within two weeks, soonest first.
    pub expiring: Vec<Expiring>,
    pub review_queue: Vec<QueueEntry>,
    pub review_flow: ReviewFlow,
    /// Pitches to act on first: those blocking a gate, expired ones, then those expiring.
    #[ts(type = "number[]")]
    pub most_urgent: Vec<Id>,
    /// The stored daily readings, oldest first (filled by the caller; evaluation leaves it empty).
    #[serde(default)]
    pub trend: Vec<TrendPoint>,
}

/// One reading of a launch's readiness: stored once a day when the workspace opens and on
/// every approval, for the trend.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrendPoint {
    pub day: String,
    pub score: u32,
    pub gates_passed: u32,
    pub gates_total: u32,
}

impl LaunchReadiness {
    /// Today's reading of this evaluation.
    pub fn reading(&self, day: &str) -> TrendPoint {
        TrendPoint {
            day: day.to_string(),
            score: self.score,
            gates_passed: self.gates.iter().filter(|g| g.passed).count() as u32,
            gates_total: self.gates.len() as u32,
        }
    }
}

/// The launch's positioning statement: plain fields, shown on the readiness screen and used by
/// the checks as the audience-fit context.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Positioning {
    pub for_whom: String,
    pub need: String,
    pub category: String,
    pub key_benefit: String,
    pub unlike: String,
}

/// An audience a launch targets and the collateral types (ids) it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TargetAudience {
    #[ts(type = "number")]
    pub audience_id: Id,
    pub types: Vec<String>,
}

/// What a launch aims at: its positioning, its audiences and their collateral, its score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaunchTargets {
    #[ts(type = "number")]
    pub launch_id: Id,
    pub positioning: Positioning,
    pub audiences: Vec<TargetAudience>,
    pub target_score: u32,
}

/// Refuses targets that cannot be met: a score outside 0–100, an audience without a type.
pub fn validate_targets(t: &LaunchTargets) -> Result<(), String> {
    if t.target_score > 100 {
        return Err(format!("The target score is {}; it must be between 0 and 100.", t.target_score));
    }
    let mut seen = HashSet::new();
    for a in &t.audiences {
        if !seen.insert(a.audience_id) {
            return Err("An audience is targeted twice; list it once with all the types it needs.".into());
        }
        if a.types.is_empty() {
            return Err("Each targeted audience needs at least one collateral type.".into());
        }
    }
    for (name, value) in [("for whom", &t.positioning.for_whom), ("need", &t.positioning.need), ("category", &t.positioning.category), ("key benefit", &t.positioning.key_benefit), ("unlike", &t.positioning.unlike)] {
        if value.chars().count() > 500 {
            return Err(format!("The positioning's {name} is too long (at most 500 characters)."));
        }
    }
    Ok(())
}

/// A re-verification interval as set: more than 0 days, at most ten years.
pub fn validate_interval(days: u32) -> Result<u32, String> {
    match days {
        0 => Err("An interval of 0 days would expire every approval at once; give at least 1 day.".into()),
        d if d > 3650 => Err(format!("{d} days is more than ten years; give at most 3650.")),
        d => Ok(d),
    }
}

/// A "valid until" day as set: empty for no end, else a real YYYY-MM-DD day not before today.
pub fn validate_valid_until(date: &str, today: &str) -> Result<String, String> {
    let date = date.trim();
    if date.is_empty() {
        return Ok(String::new());
    }
    let Some(n) = day_number(date).filter(|_| date.len() == 10) else {
        return Err(format!("“{date}” is not a date; write it as YYYY-MM-DD."));
    };
    if day_number(today).is_some_and(|t| n < t) {
        return Err(format!("{date} is in the past; a message cannot be valid only until a day that has gone."));
    }
    Ok(date.to_string())
}

/// Days since 1970-01-01 for a YYYY-MM-DD date (the civil calendar, proleptic Gregorian).
pub fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let (y, m, d): (i64, i64, i64) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || date.get(4..5) != Some("-") {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    // A day the month does not have ("2027-02-30") comes back as another date: refuse it.
    (date_of(days) == date[..10]).then_some(days)
}

/// The YYYY-MM-DD date of a day number.
pub fn date_of(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day an approval lapses: the approval day plus the interval, or sooner when a message
/// it says claims from is valid only until an earlier day.
pub fn expires_on(approved_on: &str, interval_days: u32, valid_until: &[&str]) -> Option<String> {
    let by_interval = date_of(day_number(approved_on)? + i64::from(interval_days));
    let by_message = valid_until.iter().filter(|d| day_number(d).is_some()).min().map(|d| d[..10].to_string());
    Some(match by_message {
        Some(m) if m < by_interval => m,
        _ => by_interval,
    })
}

/// Evaluates a launch's readiness on `today` (YYYY-MM-DD).
/// A title in quotation marks, unless it opens with its own ("“We already have…” — …").
fn quoted(title: &str) -> String {
    if title.starts_with(['“', '"', '‘']) {
        title.to_string()
    } else {
        format!("“{title}”")
    }
}

pub fn evaluate(f: &LaunchFacts, today: &str) -> LaunchReadiness {
    let today_n = day_number(today);
    let days_until = |d: &str| Some(day_number(d)? - today_n?);
    let state = |p: &PitchFact| CellState::of(p.status, p.expires_on.as_deref(), today);
    let approved = |p: &PitchFact| state(p) == CellState::Approved;

    // The matrix's rows: claims of any kind a target type requires.
    let required_kinds: HashSet<ClaimKind> = f.targets.iter().flat_map(|t| t.types.iter().flat_map(|n| n.required_kinds.iter().copied())).collect();
    let claims: Vec<ClaimFact> = f.claims.iter().filter(|c| required_kinds.contains(&c.kind)).cloned().collect();

    let mut matrix = vec![];
    for c in &claims {
        for t in &f.targets {
            let mut behind: Vec<&PitchFact> = f.pitches.iter().filter(|p| p.audience_id == t.audience_id && p.linked.contains(&c.id)).collect();
            behind.sort_by_key(|p| std::cmp::Reverse(state(p).rank()));
            let best = behind.first().map_or(CellState::None, |p| state(p));
            matrix.push(MatrixCell { claim_id: c.id, claim_number: c.number, audience_id: t.audience_id, state: best, pitch_ids: behind.iter().map(|p| p.id).collect() });
        }
    }

    // Gate 1: every required claim said to every audience by an approved, unexpired pitch of
    // each type it needs.
    let mut coverage_blocking = vec![];
    let mut urgent: Vec<Id> = vec![];
    let (mut needed, mut met) = (0usize, 0usize);
    for t in &f.targets {
        for need in &t.types {
            let of_type: Vec<&PitchFact> = f.pitches.iter().filter(|p| p.audience_id == t.audience_id && p.type_id == need.type_id).collect();
            let required: Vec<&ClaimFact> = f.claims.iter().filter(|c| need.required_kinds.contains(&c.kind)).collect();
            let approved_links: HashSet<Id> = of_type.iter().filter(|p| approved(p)).flat_map(|p| p.linked.iter().copied()).collect();
            let missing: Vec<i64> = required.iter().filter(|c| !approved_links.contains(&c.id)).map(|c| c.number).collect();
            needed += required.len().max(1);
            met += if required.is_empty() { usize::from(of_type.iter().any(|p| approved(p))) } else { required.len() - missing.len() };
            if of_type.is_empty() {
                coverage_blocking.push(format!("{} has no {} yet", t.audience_name, need.type_name.to_lowercase()));
            } else if required.is_empty() && !of_type.iter().any(|p| approved(p)) {
                coverage_blocking.push(format!("{}: no approved {} yet", t.audience_name, need.type_name.to_lowercase()));
                urgent.extend(of_type.iter().map(|p| p.id));
            } else if !missing.is_empty() {
                let list = missing.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ");
                let claims_word = if missing.len() == 1 { "claim" } else { "claims" };
                coverage_blocking.push(format!("{}, {}: {claims_word} {list} not in an approved, current pitch", t.audience_name, need.type_name.to_lowercase()));
                urgent.extend(of_type.iter().filter(|p| !approved(p)).map(|p| p.id));
            }
        }
    }
    for p in &f.pitches {
        if p.verifier_gone {
            coverage_blocking.push(format!("{}: its verifier {} is no longer a registered reviewer", quoted(&p.title), p.verifier.as_deref().unwrap_or("")));
            urgent.push(p.id);
        }
    }
    let stale: Vec<&PitchFact> = f.pitches.iter().filter(|p| p.stale_links > 0).collect();
    let erring: Vec<&PitchFact> = f.pitches.iter().filter(|p| p.open_errors > 0).collect();
    urgent.extend(stale.iter().map(|p| p.id));
    urgent.extend(erring.iter().map(|p| p.id));
    // Gate 4: the field can be trained: each target audience's kit approved on what it is
    // made from today.
    let mut training_blocking = vec![];
    let mut trained = 0usize;
    for t in &f.targets {
        let kit = f.kits.iter().find(|k| k.audience_id == t.audience_id);
        let sources: Vec<(Id, &str)> = kit_pitches(&f.pitches, t.audience_id, today).iter().filter_map(|p| Some((p.id, p.approved_fingerprint.as_deref()?))).collect();
        match kit {
            Some(k) if k.approved_basis.as_deref() == Some(kit_basis(&sources, &k.glossary_digest, &k.state_digest).as_str()) && !k.in_review => trained += 1,
            Some(k) if k.in_review => training_blocking.push(format!("{}: the training kit is in review", t.audience_name)),
            Some(k) if k.approved_basis.is_some() => training_blocking.push(format!("{}: the training kit changed since it was approved", t.audience_name)),
            _ => training_blocking.push(format!("{}: no approved training kit yet", t.audience_name)),
        }
    }
    let plural = |n: u32, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    let gates = vec![
        Gate { name: "Approved coverage".into(), passed: coverage_blocking.is_empty() && !f.targets.is_empty(), blocking: if f.targets.is_empty() { vec!["The launch has no target audiences yet".into()] } else { coverage_blocking } },
        Gate {
            name: "No stale links".into(),
            passed: stale.is_empty(),
            blocking: stale.iter().map(|p| format!("{}: {} to claims that changed", quoted(&p.title), plural(p.stale_links, "link", "links"))).collect(),
        },
        Gate {
            name: "No open errors".into(),
            passed: erring.is_empty(),
            blocking: erring.iter().map(|p| format!("{}: {}", quoted(&p.title), plural(p.open_errors, "open error finding", "open error findings"))).collect(),
        },
        Gate { name: "Training kits approved".into(), passed: training_blocking.is_empty() && !f.targets.is_empty(), blocking: training_blocking },
    ];

    // Expired and expiring approvals, soonest first.
    let mut expiring: Vec<Expiring> = f
        .pitches
        .iter()
        .filter(|p| p.status == PitchStatus::Approved)
        .filter_map(|p| {
            let on = p.expires_on.clone()?;
            let left = days_until(&on)?;
            (left <= EXPIRING_SOON_DAYS).then(|| Expiring { pitch_id: p.id, title: p.title.clone(), expires_on: on, days_left: left, verifier: p.verifier.clone() })
        })
        .collect();
    expiring.sort_by(|a, b| a.expires_on.cmp(&b.expires_on).then(a.pitch_id.cmp(&b.pitch_id)));
    // Expired ones block coverage; those expiring soon come after the blockers.
    let (gone, soon): (Vec<&Expiring>, Vec<&Expiring>) = expiring.iter().partition(|e| e.days_left <= 0);
    let mut most_urgent: Vec<Id> = vec![];
    for id in urgent.into_iter().chain(gone.iter().map(|e| e.pitch_id)).chain(soon.iter().map(|e| e.pitch_id)) {
        if !most_urgent.contains(&id) {
            most_urgent.push(id);
        }
    }

    // The score: each part 0..1, weighted.
    let approved_pitches: Vec<&PitchFact> = f.pitches.iter().filter(|p| matches!(p.status, PitchStatus::Approved)).collect();
    let fresh = approved_pitches.iter().filter(|p| p.expires_on.as_deref().and_then(days_until).is_none_or(|d| d > EXPIRING_SOON_DAYS)).count();
    let clean = f.pitches.iter().filter(|p| p.stale_links == 0 && p.open_errors == 0).count();
    let coverage_value = if f.targets.is_empty() { 0.0 } else { met as f64 / needed.max(1) as f64 };
    let freshness_value = if approved_pitches.is_empty() { 0.0 } else { fresh as f64 / approved_pitches.len() as f64 };
    let checks_value = if f.pitches.is_empty() { 0.0 } else { clean as f64 / f.pitches.len() as f64 };
    let w = f.weights;
    let total = f64::from((w.coverage + w.freshness + w.checks + w.training).max(1));
    let training_value = if f.targets.is_empty() { 0.0 } else { trained as f64 / f.targets.len() as f64 };
    let part = |name: &str, weight: u32, value: f64, explanation: String| ScorePart { name: name.into(), weight, value, points: 100.0 * f64::from(weight) * value / total, explanation };
    let parts = vec![
        part("Approved coverage", w.coverage, coverage_value, format!("{met} of {needed} required claims said to their audiences by approved, current pitches")),
        part(
            "Freshness",
            w.freshness,
            freshness_value,
            if approved_pitches.is_empty() { "No approved pitches yet".into() } else { format!("{fresh} of {} approved pitches not expiring within {EXPIRING_SOON_DAYS} days", approved_pitches.len()) },
        ),
        part("Checks", w.checks, checks_value, format!("{clean} of {} pitches with no open errors or stale links", f.pitches.len())),
        part("Training", w.training, training_value, format!("{trained} of {} target audiences with an approved, current training kit", f.targets.len())),
    ];
    let score = parts.iter().map(|p| p.points).sum::<f64>().round().clamp(0.0, 100.0) as u32;
    let ready = gates.iter().all(|g| g.passed);
    let days_to_launch = days_until(&f.launch_date);

    let mut review_queue: Vec<QueueEntry> = f
        .queue
        .iter()
        .map(|q| QueueEntry {
            reviewer: q.reviewer.clone(),
            pitch_id: q.pitch_id,
            title: f.pitches.iter().find(|p| p.id == q.pitch_id).map(|p| p.title.clone()).unwrap_or_default(),
            waiting_days: days_until(&q.submitted_on).map_or(0, |d| (-d).max(0)),
        })
        .collect();
    review_queue.sort_by(|a, b| b.waiting_days.cmp(&a.waiting_days).then(a.pitch_id.cmp(&b.pitch_id)));

    let review_flow = review_flow(f);
    LaunchReadiness {
        launch_id: f.launch_id,
        name: f.name.clone(),
        launch_date: f.launch_date.clone(),
        days_to_launch,
        score,
        target_score: f.target_score,
        parts,
        ready,
        on_track: ready || (score >= f.target_score && days_to_launch.is_none_or(|d| d > 0)),
        has_targets: !f.targets.is_empty(),
        gates,
        audiences: f.targets.clone(),
        claims,
        matrix,
        expiring,
        review_queue,
        review_flow,
        most_urgent,
        trend: vec![],
    }
}

/// Seconds since 1970 for an RFC 3339 UTC time ("2027-01-15T10:00:00Z").
pub fn seconds(at: &str) -> Option<i64> {
    let day = day_number(at.get(..10)?)?;
    let time = at.get(11..19)?;
    let mut hms = time.split(':').map(|x| x.parse::<i64>().ok());
    let (h, m, s) = (hms.next()??, hms.next()??, hms.next()??);
    Some(day * 86_400 + h * 3600 + m * 60 + s)
}

fn review_flow(f: &LaunchFacts) -> ReviewFlow {
    let mut hours: Vec<f64> = f
        .closed_reviews
        .iter()
        .filter(|r| r.outcome != "withdrawn")
        .filter_map(|r| Some((seconds(&r.closed_at)? - seconds(&r.submitted_at)?).max(0) as f64 / 3600.0))
        .collect();
    hours.sort_by(|a, b| a.total_cmp(b));
    // Nearest rank: the smallest value with at least p of the values at or below it.
    let pct = |p: f64| (!hours.is_empty()).then(|| hours[((p * hours.len() as f64).ceil() as usize).clamp(1, hours.len()) - 1]);
    let mut rounds: Vec<PitchRounds> = vec![];
    for r in f.closed_reviews.iter().filter(|r| r.outcome == "changes-requested") {
        match rounds.iter_mut().find(|x| x.pitch_id == r.pitch_id) {
            Some(x) => x.changes_requested += 1,
            None => rounds.push(PitchRounds {
                pitch_id: r.pitch_id,
                title: f.pitches.iter().find(|p| p.id == r.pitch_id).map(|p| p.title.clone()).unwrap_or_default(),
                changes_requested: 1,
            }),
        }
    }
    rounds.sort_by(|a, b| b.changes_requested.cmp(&a.changes_requested).then(a.pitch_id.cmp(&b.pitch_id)));
    ReviewFlow { decided: hours.len() as u32, p50_hours: pct(0.5), p90_hours: pct(0.9), rounds }
}

/// Counts of each state in the matrix, for a summary line.
pub fn state_counts(r: &LaunchReadiness) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for c in &r.matrix {
        *out.entry(c.state.as_str()).or_insert(0) += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_across_months_leap_years_and_refuse_what_is_not_a_day() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2028-03-01").unwrap() - day_number("2028-02-28").unwrap(), 2, "2028 is a leap year");
        assert_eq!(day_number("2027-03-01").unwrap() - day_number("2027-02-28").unwrap(), 1);
        assert_eq!(date_of(day_number("2026-12-04").unwrap() + 90), "2027-03-04");
        for bad in ["2027-02-30", "2027-13-01", "27-01-01", "", "2027-1-1", "tomorrow"] {
            assert_eq!(day_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_approval_lapses_after_its_interval_or_with_the_message_it_quotes() {
        assert_eq!(expires_on("2027-01-15", 90, &[]).as_deref(), Some("2027-04-15"));
        assert_eq!(expires_on("2027-01-15", 90, &["2027-02-28", "2027-06-30"]).as_deref(), Some("2027-02-28"));
        assert_eq!(expires_on("2027-01-15", 30, &["2027-06-30"]).as_deref(), Some("2027-02-14"));
        // Across the boundary: the day it expires is the first day it is expired.
        assert_eq!(CellState::of(PitchStatus::Approved, Some("2027-04-15"), "2027-04-14"), CellState::Approved);
        assert_eq!(CellState::of(PitchStatus::Approved, Some("2027-04-15"), "2027-04-15"), CellState::NeedsReverification);
    }

    fn facts() -> LaunchFacts {
        let need = |id: &str, kinds: &[ClaimKind]| TypeNeed { type_id: id.into(), type_name: id.replace('-', " "), required_kinds: kinds.to_vec() };
        let pitch = |id: Id, audience_id: Id, type_id: &str, status: PitchStatus, linked: &[Id], expires_on: Option<&str>| PitchFact {
            id,
            title: format!("Pitch {id}"),
            audience_id,
            type_id: type_id.into(),
            status,
            linked: linked.to_vec(),
            stale_links: 0,
            open_errors: 0,
            expires_on: expires_on.map(str::to_string),
            verifier: Some("Priya Raman".into()),
            verifier_gone: false,
            approved_fingerprint: (status == PitchStatus::Approved).then(|| format!("fp{id}")),
        };
        LaunchFacts {
            launch_id: 1,
            name: "Coldtrace 3".into(),
            launch_date: "2027-03-01".into(),
            targets: vec![
                AudienceTarget { audience_id: 10, audience_name: "Distributor × CFO".into(), types: vec![need("one-pager", &[ClaimKind::Benefit, ClaimKind::Proof])] },
                AudienceTarget { audience_id: 20, audience_name: "MSP × AP manager".into(), types: vec![need("call-script", &[ClaimKind::Benefit])] },
            ],
            claims: vec![
                ClaimFact { id: 1, number: 1, kind: ClaimKind::Benefit, text: "Closes the books three days sooner.".into() },
                ClaimFact { id: 2, number: 2, kind: ClaimKind::Proof, text: "Harbor cut close time 40%.".into() },
                ClaimFact { id: 3, number: 3, kind: ClaimKind::Feature, text: "Reads PDFs.".into() },
            ],
            pitches: vec![
                pitch(100, 10, "one-pager", PitchStatus::Approved, &[1, 2], Some("2027-02-10")),
                pitch(200, 20, "call-script", PitchStatus::InReview, &[1], None),
            ],
            queue: vec![QueueFact { reviewer: "Priya Raman".into(), pitch_id: 200, submitted_on: "2027-01-25".into() }],
            closed_reviews: vec![],
            kits: vec![],
            target_score: 80,
            weights: ScoreWeights::default(),
        }
    }

    #[test]
    fn the_matrix_shows_the_best_state_per_claim_and_audience_and_the_gates_say_what_blocks() {
        let r = evaluate(&facts(), "2027-02-01");
        assert_eq!(r.claims.iter().map(|c| c.number).collect::<Vec<_>>(), vec![1, 2], "features are not required by either type");
        let cell = |claim: Id, audience: Id| r.matrix.iter().find(|c| c.claim_id == claim && c.audience_id == audience).unwrap().state;
        assert_eq!(cell(1, 10), CellState::Approved);
        assert_eq!(cell(1, 20), CellState::InReview);
        assert_eq!(cell(2, 20), CellState::None);
        assert!(!r.ready);
        assert_eq!(r.gates[0].blocking, vec!["MSP × AP manager, call script: claim 1 not in an approved, current pitch"]);
        assert!(r.gates[1].passed && r.gates[2].passed);
        assert_eq!(r.days_to_launch, Some(28));
        assert_eq!(r.expiring.len(), 1, "the one-pager expires within two weeks");
        assert_eq!((r.expiring[0].days_left, r.expiring[0].expires_on.as_str()), (9, "2027-02-10"));
        assert_eq!(r.review_queue[0].waiting_days, 7);
        assert_eq!(r.most_urgent, vec![200, 100]);
        // Coverage 2 of 3 (0.667 × 50), freshness 0 of 1, checks 2 of 2 (15), no kits (0): 48.
        assert_eq!(r.score, 48);
        assert_eq!(r.gates[3].blocking, vec!["Distributor × CFO: no approved training kit yet", "MSP × AP manager: no approved training kit yet"]);
    }

    #[test]
    fn on_the_day_an_approval_expires_its_cells_and_the_gate_turn() {
        let r = evaluate(&facts(), "2027-02-10");
        let cell = r.matrix.iter().find(|c| c.claim_id == 1 && c.audience_id == 10).unwrap();
        assert_eq!(cell.state, CellState::NeedsReverification);
        assert!(r.gates[0].blocking.iter().any(|b| b.starts_with("Distributor × CFO, one pager: claims 1, 2")), "{:?}", r.gates[0].blocking);
        assert_eq!(r.expiring[0].days_left, 0);
    }

    #[test]
    fn everything_approved_and_current_is_ready_and_scores_full() {
        let mut f = facts();
        f.pitches[1].status = PitchStatus::Approved;
        f.pitches[0].expires_on = Some("2027-06-01".into());
        f.pitches[1].approved_fingerprint = Some("fp200".into());
        f.queue.clear();
        f.kits = vec![kit(10, &[(100, "fp100")]), kit(20, &[(200, "fp200")])];
        let r = evaluate(&f, "2027-02-01");
        assert!(r.ready && r.on_track, "{:?}", r.gates);
        assert_eq!(r.score, 100);
        assert!(r.most_urgent.is_empty());
    }

    fn kit(audience_id: Id, approved_from: &[(Id, &str)]) -> KitFact {
        KitFact { audience_id, in_review: false, approved_basis: Some(kit_basis(approved_from, "glossary", "state")), state_digest: "state".into(), glossary_digest: "glossary".into() }
    }

    #[test]
    fn a_training_kit_counts_while_what_it_was_approved_on_holds() {
        let mut f = facts();
        f.pitches[1].status = PitchStatus::Approved;
        f.pitches[1].approved_fingerprint = Some("fp200".into());
        f.pitches[0].expires_on = Some("2027-06-01".into());
        f.queue.clear();
        f.kits = vec![kit(10, &[(100, "fp100")]), kit(20, &[(200, "fp200")])];
        let gate = |f: &LaunchFacts, day: &str| evaluate(f, day).gates[3].clone();
        assert!(gate(&f, "2027-02-01").passed);
        // The one-pager's approval lapses: the kit made from it no longer holds.
        assert_eq!(gate(&f, "2027-06-01").blocking, vec!["Distributor × CFO: the training kit changed since it was approved"]);
        // The call script re-approved with other words, the writer's changes, the glossary: each one.
        let mut g = f.clone();
        g.pitches[1].approved_fingerprint = Some("other".into());
        assert_eq!(gate(&g, "2027-02-01").blocking, vec!["MSP × AP manager: the training kit changed since it was approved"]);
        let mut g = f.clone();
        g.kits[0].state_digest = "moved an item".into();
        assert!(!gate(&g, "2027-02-01").passed);
        let mut g = f.clone();
        g.kits[1].glossary_digest = "new term".into();
        assert!(!gate(&g, "2027-02-01").passed);
        // In review again: not counted until decided.
        let mut g = f.clone();
        g.kits[1].in_review = true;
        let r = evaluate(&g, "2027-02-01");
        assert_eq!(r.gates[3].blocking, vec!["MSP × AP manager: the training kit is in review"]);
        assert_eq!(r.parts[3].value, 0.5);
        // The order pitches are given in does not matter.
        assert_eq!(kit_basis(&[(1, "a"), (2, "b")], "g", "s"), kit_basis(&[(2, "b"), (1, "a")], "g", "s"));
    }

    #[test]
    fn review_flow_takes_percentiles_of_decision_times_and_counts_rounds() {
        let mut f = facts();
        let closed = |pitch_id: Id, from: &str, to: &str, outcome: &str| ClosedReviewFact { pitch_id, submitted_at: from.into(), closed_at: to.into(), outcome: outcome.into() };
        f.closed_reviews = vec![
            closed(100, "2027-01-10T09:00:00Z", "2027-01-10T11:00:00Z", "changes-requested"),
            closed(100, "2027-01-11T09:00:00Z", "2027-01-12T09:00:00Z", "changes-requested"),
            closed(100, "2027-01-13T09:00:00Z", "2027-01-13T13:00:00Z", "approved"),
            closed(200, "2027-01-13T09:00:00Z", "2027-01-13T09:30:00Z", "withdrawn"),
            closed(200, "2027-01-14T09:00:00Z", "2027-01-17T09:00:00Z", "changes-requested"),
        ];
        let flow = evaluate(&f, "2027-02-01").review_flow;
        // Decision times 2, 24, 4 and 72 hours; the withdrawal is not a decision.
        assert_eq!(flow.decided, 4);
        assert_eq!((flow.p50_hours, flow.p90_hours), (Some(4.0), Some(72.0)));
        assert_eq!(flow.rounds.iter().map(|r| (r.pitch_id, r.changes_requested)).collect::<Vec<_>>(), vec![(100, 2), (200, 1)]);
        assert_eq!(seconds("2027-01-15T10:00:00Z"), Some(day_number("2027-01-15").unwrap() * 86_400 + 36_000));
        assert_eq!(seconds("2027-01-15"), None);
    }

    #[test]
    fn a_launch_without_targets_is_not_ready_and_says_why() {
        let mut f = facts();
        f.targets.clear();
        let r = evaluate(&f, "2027-02-01");
        assert!(!r.ready && !r.has_targets);
        assert_eq!(r.gates[0].blocking, vec!["The launch has no target audiences yet"]);
        assert!(r.matrix.is_empty());
    }

    #[test]
    fn a_gone_verifier_stale_links_and_errors_each_block_their_gate() {
        let mut f = facts();
        f.pitches[0].verifier_gone = true;
        f.pitches[0].stale_links = 2;
        f.pitches[1].open_errors = 1;
        let r = evaluate(&f, "2027-02-01");
        assert!(r.gates[0].blocking.iter().any(|b| b.contains("verifier Priya Raman is no longer")));
        assert_eq!(r.gates[1].blocking, vec!["“Pitch 100”: 2 links to claims that changed"]);
        assert_eq!(r.gates[2].blocking, vec!["“Pitch 200”: 1 open error finding"]);
    }
}
