//! The rep guide and its answer key: a training kit as pages a rep keeps, written by the
//! export's PDF and DOCX writers. The guide has the positioning, what to say for each claim,
//! the proof points, objections and answers, and the calls to action; the key, printed apart so
//! the guide can be handed out before a test, has the quiz's answers.

use pitchbridge_core::doc::Run;
use pitchbridge_core::readiness::Positioning;
use pitchbridge_export::{Block, Document, Layout, Section};
use pitchbridge_training::gift::duration;
use pitchbridge_training::{calls_to_action, ClozePart, ItemKind};

use crate::readiness_report::{bold, section, text};
use crate::training::KitSource;

fn document(title: String, subtitle: String, sections: Vec<Section>, brand: pitchbridge_export::Brand, created: &str) -> Document {
    Document {
        title,
        subtitle,
        layout: Layout::Plain,
        sections,
        brand,
        approval: None,
        created: Some(created.to_string()),
        markings: vec![],
        // For the field team, not for customers.
        internal_report: true,
    }
}

fn positioning_items(p: &Positioning, product: &str) -> Vec<Vec<Run>> {
    let product = if product.trim().is_empty() { "the product" } else { product.trim() };
    [("For", &p.for_whom), ("Who need", &p.need), (&*format!("{product} is"), &p.category), ("That", &p.key_benefit), ("Unlike", &p.unlike)]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(label, v)| vec![bold(format!("{label}: ")), Run::plain(v.trim().to_string())])
        .collect()
}

/// The rep guide.
pub(crate) fn rep_guide(src: &KitSource, brand: pitchbridge_export::Brand, created: &str) -> Document {
    let kit = &src.kit;
    let mut sections = Vec::new();
    let positioning = positioning_items(&src.positioning, &src.product);
    sections.push(section(
        "Positioning",
        if positioning.is_empty() {
            vec![Block::Paragraph(text("The launch has no positioning statement yet."))]
        } else {
            vec![Block::List { ordered: false, items: positioning, levels: vec![] }]
        },
    ));

    // Each claim once, in the Factory's order, with how the approved pitches say it.
    let mut rows: Vec<((u32, i64), String, Vec<Vec<Run>>)> = Vec::new();
    for item in &kit.items {
        let ItemKind::Flashcard { front, back } = &item.kind else { continue };
        let Some(claim) = item.source.claim_ids.first().and_then(|id| src.input.claims.iter().find(|c| c.id == *id)) else { continue };
        if rows.iter().any(|((_, id), said, _)| *id == claim.id && said == back) {
            continue;
        }
        rows.push(((claim.number, claim.id), back.clone(), vec![text(format!("{}. {front}", claim.number)), text(back.clone())]));
    }
    rows.sort_by_key(|(order, _, _)| *order);
    if !rows.is_empty() {
        sections.push(section(
            "What to say",
            vec![Block::Table { header: vec![text("The Factory says"), text(format!("Say it to {} like this", kit.audience_name))], rows: rows.into_iter().map(|(_, _, r)| r).collect() }],
        ));
    }

    let proof: Vec<Vec<Run>> = kit
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Cloze { parts } => Some(parts.iter().map(|p| match p { ClozePart::Text(t) => Run::plain(t.clone()), ClozePart::Gap(g) => bold(g.clone()) }).collect()),
            _ => None,
        })
        .collect();
    if !proof.is_empty() {
        sections.push(section("Proof points", vec![Block::List { ordered: false, items: proof, levels: vec![] }]));
    }

    let objections: Vec<Vec<Vec<Run>>> = kit
        .items
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::ObjectionDrill { objection, answer } => Some(vec![text(objection.clone()), text(answer.clone())]),
            _ => None,
        })
        .collect();
    if !objections.is_empty() {
        sections.push(section("Objections", vec![Block::Table { header: vec![text("They say"), text("You answer")], rows: objections }]));
    }

    let mut asks: Vec<Block> = calls_to_action(&src.input).into_iter().map(|(title, ask)| Block::Callout(vec![bold(format!("{title}: ")), Run::plain(ask)])).collect();
    for i in &kit.items {
        if let ItemKind::TalkTrack { words, target_seconds, .. } = &i.kind {
            asks.push(Block::Paragraph(text(format!("“{}” runs to {words} words: about {} spoken.", i.source.pitch_title, duration(*target_seconds)))));
        }
    }
    if !asks.is_empty() {
        sections.push(section("Calls to action", asks));
    }

    let words: Vec<Vec<Vec<Run>>> = src.input.glossary.iter().filter(|g| !g.customer_phrasing.trim().is_empty()).map(|g| vec![text(g.term.clone()), text(g.customer_phrasing.clone())]).collect();
    if !words.is_empty() {
        sections.push(section("Words to use", vec![Block::Table { header: vec![text("Instead of"), text("Say")], rows: words }]));
    }

    let from: Vec<String> = kit.pitches.iter().map(|p| format!("{} ({})", p.title, p.type_name)).collect();
    sections.push(section("Made from", vec![Block::Paragraph(text(format!("The approved pitches: {}.", from.join("; "))))]));
    document(format!("Rep guide: {}", kit.launch_name), format!("For {} · {}", kit.audience_name, &created[..created.len().min(10)]), sections, brand, created)
}

/// The answer key: the quiz's questions in the order the SCORM and GIFT quizzes ask them, each
/// with its approved answer.
pub(crate) fn answer_key(src: &KitSource, brand: pitchbridge_export::Brand, created: &str) -> Document {
    let kit = &src.kit;
    let mut quiz = Vec::new();
    let mut practice = Vec::new();
    for item in &kit.items {
        match &item.kind {
            ItemKind::MultipleChoice { question, choices, answer } => quiz.push(vec![Run::plain(format!("{question} ")), bold(choices[*answer].clone())]),
            ItemKind::Cloze { parts } => {
                let mut runs = Vec::new();
                let mut asked = false;
                for p in parts {
                    match p {
                        ClozePart::Text(t) => runs.push(Run::plain(t.clone())),
                        ClozePart::Gap(g) if !asked => {
                            asked = true;
                            runs.push(bold(g.clone()));
                        }
                        ClozePart::Gap(g) => runs.push(Run::plain(g.clone())),
                    }
                }
                quiz.push(runs);
            }
            ItemKind::ObjectionDrill { objection, answer } => practice.push(vec![Run::plain(format!("{objection} ")), bold(answer.clone())]),
            _ => {}
        }
    }
    let mut sections = vec![section("Quiz", vec![Block::List { ordered: true, items: quiz, levels: vec![] }])];
    if !practice.is_empty() {
        sections.push(section("Objections to practise", vec![Block::List { ordered: true, items: practice, levels: vec![] }]));
    }
    document(format!("Answer key: {}", kit.launch_name), format!("For {} · keep apart from the rep guide", kit.audience_name), sections, brand, created)
}
