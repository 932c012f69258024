//! The readiness score (0–100): how close a pitch is to going out, from its automated checks
//! and its manual checklist, with the reasons spelled out for the hover.

use serde::Serialize;
use ts_rs::TS;

use crate::{Rule, Severity};

/// How much each rule weighs: what makes a pitch fail in the field weighs most.
pub fn weight(rule: Rule) -> f32 {
    match rule {
        Rule::Coverage | Rule::CallToAction => 3.0,
        Rule::CustomerFocus | Rule::Proof | Rule::Jargon | Rule::AudienceFit | Rule::Length | Rule::Spelling => 2.0,
        Rule::Hype | Rule::Acronym | Rule::Readability | Rule::RepeatedWord => 1.0,
        Rule::Passive | Rule::Weasel | Rule::Wordy | Rule::Cliche | Rule::SentenceLength => 0.5,
    }
}

/// Share of the score that the manual checklist carries when the type has one.
const MANUAL_SHARE: f32 = 0.3;

/// What a rule found in this pitch, not counting dismissed findings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RuleTally {
    pub rule: Rule,
    pub worst: Option<Severity>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Readiness {
    pub score: u8,
    /// One line per reason, for the hover.
    pub reasons: Vec<String>,
}

fn credit(worst: Option<Severity>) -> f32 {
    match worst {
        None | Some(Severity::Info) => 1.0,
        Some(Severity::Warning) => 0.5,
        Some(Severity::Error) => 0.0,
    }
}

pub fn readiness(tallies: &[RuleTally], manual_ticked: usize, manual_total: usize) -> Readiness {
    let total: f32 = tallies.iter().map(|t| weight(t.rule)).sum();
    let earned: f32 = tallies.iter().map(|t| weight(t.rule) * credit(t.worst)).sum();
    let auto = if total > 0.0 { earned / total } else { 1.0 };
    let manual_share = if manual_total > 0 { MANUAL_SHARE } else { 0.0 };
    let manual = if manual_total > 0 { manual_ticked as f32 / manual_total as f32 } else { 0.0 };
    let score = ((1.0 - manual_share) * auto + manual_share * manual) * 100.0;
    let mut reasons = vec![format!(
        "Automated checks: {:.0}% of their weight passes ({} of the score).",
        auto * 100.0,
        if manual_total > 0 { "70%" } else { "all" }
    )];
    let mut failing: Vec<&RuleTally> = tallies.iter().filter(|t| credit(t.worst) < 1.0).collect();
    failing.sort_by(|a, b| (credit(a.worst), -weight(a.rule)).partial_cmp(&(credit(b.worst), -weight(b.rule))).unwrap());
    for t in failing {
        let what = if t.worst == Some(Severity::Error) { "fails" } else { "has warnings" };
        let lost = weight(t.rule) * (1.0 - credit(t.worst)) / total.max(1.0) * (1.0 - manual_share) * 100.0;
        reasons.push(format!("− {:.0}: {} {what}.", lost, t.rule.label()));
    }
    if manual_total > 0 {
        reasons.push(format!("Manual checklist: {manual_ticked} of {manual_total} items ticked (30% of the score)."));
    }
    Readiness { score: score.round().clamp(0.0, 100.0) as u8, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clean_pitch_with_every_item_ticked_scores_100() {
        let all: Vec<RuleTally> = Rule::ALL.iter().map(|&rule| RuleTally { rule, worst: None }).collect();
        assert_eq!(readiness(&all, 4, 4).score, 100);
        assert_eq!(readiness(&all, 0, 4).score, 70);
        assert_eq!(readiness(&all, 0, 0).score, 100);
    }

    #[test]
    fn errors_cost_more_than_warnings_and_heavier_rules_cost_more() {
        let with = |rule, worst| {
            let t: Vec<RuleTally> = Rule::ALL.iter().map(|&r| RuleTally { rule: r, worst: (r == rule).then_some(worst) }).collect();
            readiness(&t, 0, 0)
        };
        let cta_error = with(Rule::CallToAction, Severity::Error);
        assert!(cta_error.score < with(Rule::CallToAction, Severity::Warning).score);
        assert!(cta_error.score < with(Rule::Wordy, Severity::Error).score);
        assert_eq!(with(Rule::Wordy, Severity::Info).score, 100);
        assert!(cta_error.reasons.iter().any(|r| r.contains("Call to action fails")), "{:?}", cta_error.reasons);
    }
}
