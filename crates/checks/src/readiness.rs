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

/// Share of the score that the manual checklist carries when the type has one: the writer's
/// own ticks never count for more than a small part of the work they vouch for.
const MANUAL_SHARE: f32 = 0.1;

/// How much of the pitch is written, 0 to 1: its words against the type's minimum, and its
/// required sections that have words, half each. An empty card is 0.
pub fn completeness(ct: &pitchbridge_core::collateral::CollateralType, blocks: &[crate::CheckBlock]) -> f32 {
    let words_in = |section: Option<&str>| -> u32 {
        blocks.iter().filter(|b| !b.heading && section.is_none_or(|s| b.section == s)).map(|b| pitchbridge_core::doc::word_count(&b.text)).sum()
    };
    let words = words_in(None) as f32;
    let min = ct.words.min.unwrap_or(1).max(1) as f32;
    let required: Vec<&str> = ct.sections.iter().filter(|s| s.required).map(|s| s.id.as_str()).collect();
    let filled = required.iter().filter(|s| words_in(Some(s)) > 0).count() as f32;
    let sections = if required.is_empty() { (words > 0.0) as u8 as f32 } else { filled / required.len() as f32 };
    ((words / min).min(1.0) + sections) / 2.0
}

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

/// The score: the checks' weighted pass rate (and a little for the manual checklist), all
/// of it in proportion to how much of the pitch is written (`completeness`, 0 to 1).
pub fn readiness(tallies: &[RuleTally], manual_ticked: usize, manual_total: usize, completeness: f32) -> Readiness {
    let total: f32 = tallies.iter().map(|t| weight(t.rule)).sum();
    let earned: f32 = tallies.iter().map(|t| weight(t.rule) * credit(t.worst)).sum();
    let auto = if total > 0.0 { earned / total } else { 1.0 };
    let manual_share = if manual_total > 0 { MANUAL_SHARE } else { 0.0 };
    let manual = if manual_total > 0 { manual_ticked as f32 / manual_total as f32 } else { 0.0 };
    let done = completeness.clamp(0.0, 1.0);
    let score = ((1.0 - manual_share) * auto + manual_share * manual) * done * 100.0;
    let mut reasons = vec![format!(
        "Automated checks: {:.0}% of their weight passes ({} of the score).",
        auto * 100.0,
        if manual_total > 0 { "90%" } else { "all" }
    )];
    if done < 1.0 {
        reasons.push(format!("Written: {:.0}% of the pitch (its words and required sections); the score counts in proportion.", done * 100.0));
    }
    let mut failing: Vec<&RuleTally> = tallies.iter().filter(|t| credit(t.worst) < 1.0).collect();
    failing.sort_by(|a, b| (credit(a.worst), -weight(a.rule)).partial_cmp(&(credit(b.worst), -weight(b.rule))).unwrap());
    for t in failing {
        let what = if t.worst == Some(Severity::Error) { "fails" } else { "has warnings" };
        let lost = weight(t.rule) * (1.0 - credit(t.worst)) / total.max(1.0) * (1.0 - manual_share) * done * 100.0;
        reasons.push(format!("− {:.0}: {} {what}.", lost, t.rule.label()));
    }
    if manual_total > 0 {
        reasons.push(format!("Manual checklist: {manual_ticked} of {manual_total} items ticked (10% of the score)."));
    }
    Readiness { score: score.round().clamp(0.0, 100.0) as u8, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clean_pitch_with_every_item_ticked_scores_100() {
        let all: Vec<RuleTally> = Rule::ALL.iter().map(|&rule| RuleTally { rule, worst: None }).collect();
        assert_eq!(readiness(&all, 4, 4, 1.0).score, 100);
        assert_eq!(readiness(&all, 0, 4, 1.0).score, 90);
        assert_eq!(readiness(&all, 0, 0, 1.0).score, 100);
    }

    #[test]
    fn an_empty_card_scores_nothing_and_ticks_never_outweigh_the_work() {
        let all: Vec<RuleTally> = Rule::ALL.iter().map(|&rule| RuleTally { rule, worst: None }).collect();
        assert_eq!(readiness(&all, 4, 4, 0.0).score, 0, "an empty card, however ticked");
        // Half the required claims missing (coverage fails): ticking every item adds at most
        // the checklist's small share.
        let gaps: Vec<RuleTally> = Rule::ALL.iter().map(|&rule| RuleTally { rule, worst: (rule == Rule::Coverage).then_some(Severity::Error) }).collect();
        let unticked = readiness(&gaps, 0, 4, 1.0).score;
        let ticked = readiness(&gaps, 4, 4, 1.0).score;
        assert!(ticked - unticked <= 10, "{unticked} → {ticked}");
        // Writing the rest of the card moves the score more than ticking does.
        assert!(readiness(&all, 0, 4, 1.0).score - readiness(&all, 0, 4, 0.5).score > ticked - unticked);
    }

    #[test]
    fn errors_cost_more_than_warnings_and_heavier_rules_cost_more() {
        let with = |rule, worst| {
            let t: Vec<RuleTally> = Rule::ALL.iter().map(|&r| RuleTally { rule: r, worst: (r == rule).then_some(worst) }).collect();
            readiness(&t, 0, 0, 1.0)
        };
        let cta_error = with(Rule::CallToAction, Severity::Error);
        assert!(cta_error.score < with(Rule::CallToAction, Severity::Warning).score);
        assert!(cta_error.score < with(Rule::Wordy, Severity::Error).score);
        assert_eq!(with(Rule::Wordy, Severity::Info).score, 100);
        assert!(cta_error.reasons.iter().any(|r| r.contains("Call to action fails")), "{:?}", cta_error.reasons);
    }
}

#[cfg(test)]
mod completeness_tests {
    use super::*;
    use crate::CheckBlock;

    #[test]
    fn completeness_counts_words_and_required_sections() {
        let ct = pitchbridge_core::collateral::parse_collateral_type(include_str!("../../../assets/collateral-types/one-pager.toml")).unwrap();
        assert_eq!(completeness(&ct, &[]), 0.0);
        let block = |section: &str, words: usize| CheckBlock { section: section.into(), text: "word ".repeat(words), ..CheckBlock::default() };
        let required: Vec<CheckBlock> = ct.sections.iter().filter(|s| s.required).map(|s| block(&s.id, 80)).collect();
        assert!((completeness(&ct, &required) - 1.0).abs() < 1e-6);
        let half = completeness(&ct, &required[..required.len() / 2]);
        assert!(half > 0.2 && half < 0.9, "{half}");
    }
}
