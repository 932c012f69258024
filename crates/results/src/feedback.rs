//! Why deals were lost, turned into work for the writers: each loss reason the CRM records is
//! matched to the launch's claims and to the objections its audiences raise, and each match is
//! marked answered when an approved objection-handling pitch speaks to it. A reason that
//! matches nothing, or only what no approved pitch answers, is the gap to write for.

use ts_rs::TS;
use std::collections::HashSet;

use serde::Serialize;

/// Something a loss reason can be about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Topic {
    /// "claim" or "objection".
    pub kind: String,
    /// How the writer knows it: "Claim 14" or the audience's name.
    pub label: String,
    pub text: String,
}

/// An approved objection-handling pitch, with its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TopicMatch {
    pub kind: String,
    pub label: String,
    pub text: String,
    /// The approved objection-handling pitches that speak to it.
    pub answered_by: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LossFeedback {
    pub reason: String,
    pub deals: u64,
    pub matches: Vec<TopicMatch>,
    /// An approved objection-handling pitch speaks to the reason itself.
    pub answered_by: Vec<String>,
    /// Nothing approved answers it: for the writers.
    pub needs_answer: bool,
}

/// Words that carry no topic: the glue of sentences, and what loss reasons wrap a topic in
/// ("integration concerns", "lost on price", "chose a competitor").
const STOP: [&str; 72] = [
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "is", "are", "was", "were", "be", "been", "it",
    "its", "this", "that", "these", "those", "we", "our", "you", "your", "they", "their", "them", "he", "she", "not", "no", "yes", "too", "very", "have",
    "has", "had", "do", "does", "did", "so", "than", "then", "there", "here", "all", "any", "other", "more", "already", "concern", "concerns",
    "issue", "issues", "problem", "problems", "worry", "worries", "reason", "reasons", "lost", "lose", "chose", "went",
];

/// A word's stem, roughly: enough that "pricing", "priced" and "price" meet.
fn stem(w: &str) -> String {
    let mut w = w.to_string();
    for suffix in ["ations", "ation", "ings", "ing", "ies", "ed", "es", "s", "e", "y"] {
        if w.len() > suffix.len() + 3 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    w
}

/// The content words of a text, stemmed.
pub fn content_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .filter(|w| !STOP.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| stem(&w))
        .collect()
}

/// How much of `reason`'s content is in `text`: the share of the reason's words found there.
fn coverage(reason: &HashSet<String>, text: &HashSet<String>) -> f64 {
    if reason.is_empty() {
        return 0.0;
    }
    reason.iter().filter(|w| text.contains(*w)).count() as f64 / reason.len() as f64
}

/// A reason is about a text when at least half its words are there, and at least two of them
/// (the one word of a reason such as "Price"): one shared word such as "trailer" is chance.
fn about(reason: &HashSet<String>, text: &HashSet<String>) -> bool {
    let shared = reason.iter().filter(|w| text.contains(*w)).count();
    !reason.is_empty() && coverage(reason, text) >= 0.5 && shared >= reason.len().min(2)
}

pub fn loss_feedback(reasons: &[(String, u64)], topics: &[Topic], answers: &[Answer]) -> Vec<LossFeedback> {
    let topic_words: Vec<HashSet<String>> = topics.iter().map(|t| content_words(&t.text)).collect();
    let answer_words: Vec<HashSet<String>> = answers.iter().map(|a| content_words(&format!("{} {}", a.title, a.text))).collect();
    let answered = |words: &HashSet<String>| -> Vec<String> {
        answers.iter().zip(&answer_words).filter(|(_, aw)| about(words, aw)).map(|(a, _)| a.title.clone()).collect()
    };
    let mut out: Vec<LossFeedback> = reasons
        .iter()
        .map(|(reason, deals)| {
            let words = content_words(reason);
            let matches: Vec<TopicMatch> = topics
                .iter()
                .zip(&topic_words)
                .filter(|(_, tw)| about(&words, tw))
                .map(|(t, tw)| TopicMatch { kind: t.kind.clone(), label: t.label.clone(), text: t.text.clone(), answered_by: answered(tw) })
                .collect();
            let direct = answered(&words);
            let needs_answer = direct.is_empty() && matches.iter().all(|m| m.answered_by.is_empty());
            LossFeedback { reason: reason.clone(), deals: *deals, matches, answered_by: direct, needs_answer }
        })
        .collect();
    // What to write for first: unanswered reasons, by deals lost.
    out.sort_by(|a, b| b.needs_answer.cmp(&a.needs_answer).then(b.deals.cmp(&a.deals)).then_with(|| a.reason.cmp(&b.reason)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topic(kind: &str, label: &str, text: &str) -> Topic {
        Topic { kind: kind.into(), label: label.into(), text: text.into() }
    }

    #[test]
    fn reasons_meet_the_claims_and_objections_they_are_about() {
        let topics = vec![
            topic("claim", "Claim 3", "Pricing starts at $4 per trailer per month."),
            topic("objection", "Distributor × Operations lead", "We already have trailer sensors."),
            topic("claim", "Claim 7", "Alerts reach the driver within 30 seconds."),
        ];
        let answers = vec![Answer { title: "“We already have sensors” — objection handling".into(), text: "Keep your trailer sensors: Coldtrace reads them.".into() }];
        let reasons = vec![("Price".to_string(), 40), ("Already have trailer sensors".to_string(), 25), ("Chose competitor".to_string(), 30)];
        let f = loss_feedback(&reasons, &topics, &answers);
        let by = |r: &str| f.iter().find(|x| x.reason == r).unwrap();
        assert_eq!(by("Price").matches.len(), 1, "price meets pricing");
        assert_eq!(by("Price").matches[0].label, "Claim 3");
        assert!(by("Price").needs_answer);
        let sensors = by("Already have trailer sensors");
        assert!(!sensors.needs_answer, "{sensors:?}");
        assert_eq!(sensors.matches[0].kind, "objection");
        assert!(by("Chose competitor").matches.is_empty() && by("Chose competitor").needs_answer);
        // Unanswered first, most deals first.
        assert_eq!(f.iter().map(|x| x.reason.as_str()).collect::<Vec<_>>(), ["Price", "Chose competitor", "Already have trailer sensors"]);
    }
}
