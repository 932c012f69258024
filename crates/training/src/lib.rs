//! Training kits: the drills that carry approved pitches to the field. Every item is made from
//! approved wording and traceable to the pitch version, the block and the claims it comes from,
//! so a kit can say which of its items went stale when a pitch or a claim changed.
//!
//! Nothing here reads a workspace: the app gathers the approved pitches of a launch × audience
//! and hands them over as a [`KitInput`].

pub mod anki;
pub mod edit;
pub mod gift;
pub mod scorm;
pub mod text;

use pitchbridge_core::collateral::SectionRole;
use pitchbridge_core::doc::DocBlock;
use pitchbridge_core::{BlockKind, ClaimKind, Id};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use text::{overlap, proof_gaps, sentences, set_overlap, stable_hash, word_count, word_set};

/// Speaking pace for talk tracks: words a minute.
pub const WORDS_PER_MINUTE: usize = 150;

/// What a kit is made from: the approved, unexpired pitches of one launch for one audience,
/// the claims of the launch's messages, and the glossary.
#[derive(Debug, Clone, Default)]
pub struct KitInput {
    pub launch: String,
    pub audience: String,
    pub claims: Vec<KitClaim>,
    pub pitches: Vec<KitPitch>,
    pub glossary: Vec<GlossaryPair>,
}

#[derive(Debug, Clone)]
pub struct KitClaim {
    pub id: Id,
    pub number: u32,
    pub kind: ClaimKind,
    pub text: String,
    pub fingerprint: String,
}

#[derive(Debug, Clone)]
pub struct KitPitch {
    pub id: Id,
    pub title: String,
    /// The collateral type's id ("call-script") and name ("Call script").
    pub collateral_type: String,
    pub type_name: String,
    /// The approved version's fingerprint.
    pub fingerprint: String,
    /// The type's sections in order: id, name, role.
    pub sections: Vec<(String, String, SectionRole)>,
    pub blocks: Vec<DocBlock>,
    /// Which claims each block translates: (block key, claim id).
    pub links: Vec<(String, Id)>,
}

/// A glossary term and how to say it to a customer.
#[derive(Debug, Clone)]
pub struct GlossaryPair {
    pub term: String,
    pub customer_phrasing: String,
}

/// Where an item comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ItemSource {
    /// None for an item made from the glossary.
    #[ts(type = "number | null")]
    pub pitch_id: Option<Id>,
    pub pitch_title: String,
    /// The approved version it was made from.
    pub pitch_fingerprint: String,
    pub block_keys: Vec<String>,
    #[ts(type = "number[]")]
    pub claim_ids: Vec<Id>,
    pub claim_fingerprints: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase", tag = "kind")]
pub enum ItemKind {
    /// The claim as the Factory says it ↔ how to say it to this customer.
    Flashcard { front: String, back: String },
    /// The right answer is approved wording; the others are wrong for this customer.
    MultipleChoice { question: String, choices: Vec<String>, answer: usize },
    /// A proof point with what it turns on left out.
    Cloze { parts: Vec<ClozePart> },
    /// An objection and the approved answer to it.
    ObjectionDrill { objection: String, answer: String },
    /// A call script to say aloud in about the target time, ending on its call to action.
    TalkTrack { lines: Vec<TalkLine>, words: usize, target_seconds: usize, call_to_action: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "type", content = "text")]
pub enum ClozePart {
    Text(String),
    Gap(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TalkLine {
    pub section: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KitItem {
    /// Stable for the same source: the kind, the pitch, the block and the claim.
    pub key: String,
    #[serde(flatten)]
    pub kind: ItemKind,
    pub source: ItemSource,
}

impl KitItem {
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            ItemKind::Flashcard { .. } => "flashcard",
            ItemKind::MultipleChoice { .. } => "multiple-choice",
            ItemKind::Cloze { .. } => "cloze",
            ItemKind::ObjectionDrill { .. } => "objection-drill",
            ItemKind::TalkTrack { .. } => "talk-track",
        }
    }
}

/// An approved sentence paired with the claim it translates.
struct Pair<'a> {
    pitch: &'a KitPitch,
    block: &'a DocBlock,
    claim: &'a KitClaim,
    sentence: String,
    /// The sentence's content words, for comparing it with others.
    words: std::collections::BTreeSet<String>,
}

/// Makes every item the approved pitches allow, in a stable order: flashcards, multiple choice,
/// cloze, objection drills, talk tracks, then the glossary's flashcards.
pub fn make_items(input: &KitInput) -> Vec<KitItem> {
    let pairs = pairs(input);
    let mut items = Vec::new();
    for p in &pairs {
        items.push(KitItem {
            key: format!("flashcard:{}:{}:{}", p.pitch.id, p.block.key, p.claim.id),
            kind: ItemKind::Flashcard { front: p.claim.text.clone(), back: p.sentence.clone() },
            source: source(p.pitch, &[p.block], &[p.claim]),
        });
    }
    for i in 0..pairs.len() {
        if let Some(item) = multiple_choice(input, &pairs, i) {
            items.push(item);
        }
    }
    let mut clozed: Vec<&str> = Vec::new();
    for p in &pairs {
        if clozed.contains(&p.sentence.as_str()) {
            continue;
        }
        let gaps = proof_gaps(&p.sentence, 2);
        if gaps.is_empty() {
            continue;
        }
        clozed.push(&p.sentence);
        let mut parts = Vec::new();
        let mut at = 0;
        for g in gaps {
            if g.start > at {
                parts.push(ClozePart::Text(p.sentence[at..g.start].to_string()));
            }
            parts.push(ClozePart::Gap(p.sentence[g.clone()].to_string()));
            at = g.end;
        }
        if at < p.sentence.len() {
            parts.push(ClozePart::Text(p.sentence[at..].to_string()));
        }
        items.push(KitItem {
            key: format!("cloze:{}:{}:{}", p.pitch.id, p.block.key, p.claim.id),
            kind: ItemKind::Cloze { parts },
            source: source(p.pitch, &[p.block], &[p.claim]),
        });
    }
    for pitch in &input.pitches {
        items.extend(objection_drills(input, pitch));
    }
    for pitch in input.pitches.iter().filter(|p| p.collateral_type == "call-script") {
        items.extend(talk_track(input, pitch));
    }
    for g in input.glossary.iter().filter(|g| !g.customer_phrasing.trim().is_empty()) {
        items.push(KitItem {
            // The term as written: the glossary keeps terms apart that differ beyond ASCII case.
            key: format!("glossary:{}", g.term),
            kind: ItemKind::Flashcard { front: g.term.clone(), back: g.customer_phrasing.clone() },
            source: ItemSource {
                pitch_id: None,
                pitch_title: String::new(),
                pitch_fingerprint: String::new(),
                block_keys: vec![],
                claim_ids: vec![],
                claim_fingerprints: vec![],
            },
        });
    }
    items
}

fn source(pitch: &KitPitch, blocks: &[&DocBlock], claims: &[&KitClaim]) -> ItemSource {
    ItemSource {
        pitch_id: Some(pitch.id),
        pitch_title: pitch.title.clone(),
        pitch_fingerprint: pitch.fingerprint.clone(),
        block_keys: blocks.iter().map(|b| b.key.clone()).collect(),
        claim_ids: claims.iter().map(|c| c.id).collect(),
        claim_fingerprints: claims.iter().map(|c| c.fingerprint.clone()).collect(),
    }
}

/// Each linked block's sentence that best says each of its claims, once per claim and wording.
fn pairs(input: &KitInput) -> Vec<Pair<'_>> {
    let mut out: Vec<Pair> = Vec::new();
    for pitch in &input.pitches {
        for block in pitch.blocks.iter().filter(|b| b.kind != BlockKind::Heading) {
            let text = block.text();
            if text.trim().is_empty() {
                continue;
            }
            for (_, claim_id) in pitch.links.iter().filter(|(k, _)| *k == block.key) {
                let Some(claim) = input.claims.iter().find(|c| c.id == *claim_id) else { continue };
                let sentence = best_sentence(&text, &claim.text);
                if out.iter().any(|p| p.claim.id == claim.id && p.sentence == sentence) {
                    continue;
                }
                let words = word_set(&sentence);
                out.push(Pair { pitch, block, claim, sentence, words });
            }
        }
    }
    out
}

/// The sentence of a block that says most of the claim; the whole block when it is short and
/// no sentence stands out.
fn best_sentence(block: &str, claim: &str) -> String {
    let all = sentences(block);
    let best = all.iter().max_by_key(|s| (overlap(s, claim), std::cmp::Reverse(s.len())));
    match best {
        Some(s) if overlap(s, claim) > 0 => s.clone(),
        _ if word_count(block) <= 60 => block.trim().to_string(),
        _ => all.first().cloned().unwrap_or_default(),
    }
}

/// "Which is how we say this to …?": the right answer is the approved sentence; the others are
/// approved sentences that translate other claims, the closest in wording first, so every
/// choice is approved wording and only one fits the claim. The
/// Factory's own wording is never a choice: the question quotes it.
fn multiple_choice(input: &KitInput, pairs: &[Pair], i: usize) -> Option<KitItem> {
    let p = &pairs[i];
    // A sentence that also translates this claim would be a second right answer.
    let says_this: std::collections::HashSet<&str> = pairs.iter().filter(|o| o.claim.id == p.claim.id).map(|o| o.sentence.as_str()).collect();
    // The closest in wording first (each compared once: a kit can hold hundreds of sentences).
    let mut others: Vec<(std::cmp::Reverse<usize>, &str)> =
        pairs.iter().filter(|o| !says_this.contains(&o.sentence.as_str())).map(|o| (std::cmp::Reverse(set_overlap(&o.words, &p.words)), o.sentence.as_str())).collect();
    others.sort_unstable();
    let mut wrong: Vec<String> = Vec::new();
    for (_, sentence) in others {
        if wrong.len() == 3 {
            break;
        }
        if !wrong.iter().any(|w| w == sentence) {
            wrong.push(sentence.to_string());
        }
    }
    if wrong.len() < 2 {
        return None;
    }
    let key = format!("choice:{}:{}:{}", p.pitch.id, p.block.key, p.claim.id);
    let n = wrong.len() + 1;
    let answer = (stable_hash(&key) % n as u64) as usize;
    let mut choices = wrong;
    choices.insert(answer, p.sentence.clone());
    let factory = p.claim.text.trim();
    let question = format!("The Factory message says: “{factory}” Which sentence is how the approved pitches say it to {}?", input.audience);
    Some(KitItem { key, kind: ItemKind::MultipleChoice { question, choices, answer }, source: source(p.pitch, &[p.block], &[p.claim]) })
}

fn role_of(pitch: &KitPitch, section: &str) -> SectionRole {
    pitch.sections.iter().find(|(id, _, _)| id == section).map(|(_, _, r)| *r).unwrap_or_default()
}

fn claims_of<'a>(input: &'a KitInput, pitch: &KitPitch, blocks: &[&DocBlock]) -> Vec<&'a KitClaim> {
    let mut out: Vec<&KitClaim> = Vec::new();
    for b in blocks {
        for (_, id) in pitch.links.iter().filter(|(k, _)| *k == b.key) {
            if let Some(c) = input.claims.iter().find(|c| c.id == *id) {
                if !out.iter().any(|o| o.id == c.id) {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// Objection → approved answer. An objection-handling pitch is one drill: its objections
/// section against everything after it. In other collateral, each entry of an objections
/// section: a quoted objection and the reply after it, bold words and what follows, or a
/// heading and the text under it.
fn objection_drills(input: &KitInput, pitch: &KitPitch) -> Vec<KitItem> {
    let mut out = Vec::new();
    let blocks: Vec<&DocBlock> = pitch.blocks.iter().filter(|b| !b.text().trim().is_empty()).collect();
    let mut push = |objection: String, answer: String, used: Vec<&DocBlock>| {
        let (objection, answer) = (objection.trim().to_string(), answer.trim().to_string());
        if objection.is_empty() || answer.is_empty() {
            return;
        }
        let claims = claims_of(input, pitch, &used);
        out.push(KitItem {
            key: format!("objection:{}:{}", pitch.id, used[0].key),
            kind: ItemKind::ObjectionDrill { objection, answer },
            source: source(pitch, &used, &claims),
        });
    };
    if pitch.collateral_type == "objection-handling" {
        let (objection, answer): (Vec<&DocBlock>, Vec<&DocBlock>) =
            blocks.iter().partition(|b| role_of(pitch, &b.section) == SectionRole::Objections);
        let answer: Vec<&DocBlock> = answer.into_iter().filter(|b| b.kind != BlockKind::Heading).collect();
        if !objection.is_empty() && !answer.is_empty() {
            let used: Vec<&DocBlock> = objection.iter().chain(answer.iter()).copied().collect();
            push(join(&objection), join(&answer), used);
        }
        return out;
    }
    let in_objections: Vec<&DocBlock> = blocks.into_iter().filter(|b| role_of(pitch, &b.section) == SectionRole::Objections).collect();
    let mut i = 0;
    while i < in_objections.len() {
        let b = in_objections[i];
        if b.kind == BlockKind::Heading {
            let under: Vec<&DocBlock> = in_objections[i + 1..].iter().take_while(|n| n.kind != BlockKind::Heading).copied().collect();
            let used: Vec<&DocBlock> = std::iter::once(b).chain(under.iter().copied()).collect();
            push(b.text(), join(&under), used);
            i += 1 + under.len();
            continue;
        }
        if let Some((objection, answer)) = split_entry(b) {
            push(objection, answer, vec![b]);
        }
        i += 1;
    }
    out
}

fn join(blocks: &[&DocBlock]) -> String {
    blocks.iter().map(|b| b.text().trim().to_string()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ")
}

/// "“We tried OCR before.” That is fair: …" or "**Too expensive?** It pays for itself …".
fn split_entry(block: &DocBlock) -> Option<(String, String)> {
    let text = block.text();
    let t = text.trim();
    for (open, close) in [('“', '”'), ('"', '"')] {
        if let Some(rest) = t.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                let objection = format!("{open}{}{close}", &rest[..end]);
                let answer = rest[end + close.len_utf8()..].trim_start_matches([' ', ':', '—', '–', '-']).to_string();
                return Some((objection, answer));
            }
        }
    }
    let lead: String = block.runs.iter().take_while(|r| r.bold || r.text.trim().is_empty()).map(|r| r.text.as_str()).collect();
    if !lead.trim().is_empty() && lead.len() < t.len() {
        let answer = text[lead.len()..].trim_start_matches([' ', ':', '—', '–', '-']).to_string();
        return Some((lead.trim().to_string(), answer));
    }
    None
}

/// A call script as a talk track: its sections in order, the words, the target speaking time at
/// [`WORDS_PER_MINUTE`], and the call to action it ends on (its last section's words).
fn talk_track(input: &KitInput, pitch: &KitPitch) -> Option<KitItem> {
    let mut lines: Vec<TalkLine> = Vec::new();
    let mut used: Vec<&DocBlock> = Vec::new();
    for (id, name, _) in &pitch.sections {
        let blocks: Vec<&DocBlock> = pitch.blocks.iter().filter(|b| b.section == *id && b.kind != BlockKind::Heading && !b.text().trim().is_empty()).collect();
        if blocks.is_empty() {
            continue;
        }
        lines.push(TalkLine { section: name.clone(), text: join(&blocks) });
        used.extend(blocks);
    }
    if lines.is_empty() {
        return None;
    }
    let words: usize = lines.iter().map(|l| word_count(&l.text)).sum();
    let target_seconds = (words * 60 + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE;
    let call_to_action = lines.last().map(|l| l.text.clone()).unwrap_or_default();
    let claims = claims_of(input, pitch, &used);
    Some(KitItem {
        key: format!("talk-track:{}", pitch.id),
        kind: ItemKind::TalkTrack { lines, words, target_seconds, call_to_action },
        source: source(pitch, &used, &claims),
    })
}

/// What each approved pitch asks the customer to do: its call-to-action sections (a call
/// script's last section, its close), with the pitch's title.
pub fn calls_to_action(input: &KitInput) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for pitch in &input.pitches {
        let callouts: Vec<&str> = pitch.sections.iter().filter(|(_, _, r)| *r == SectionRole::Callout).map(|(id, _, _)| id.as_str()).collect();
        let ids: Vec<&str> = if callouts.is_empty() && pitch.collateral_type == "call-script" {
            pitch.sections.last().map(|(id, _, _)| vec![id.as_str()]).unwrap_or_default()
        } else {
            callouts
        };
        let blocks: Vec<&DocBlock> = pitch.blocks.iter().filter(|b| ids.contains(&b.section.as_str()) && b.kind != BlockKind::Heading).collect();
        let text = join(&blocks);
        if !text.is_empty() {
            out.push((pitch.title.clone(), text));
        }
    }
    out
}
