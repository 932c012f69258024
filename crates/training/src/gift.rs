//! Moodle's GIFT quiz format: multiple choice, fill-in-the-gap short answers for proof points,
//! and essays (with the approved answer as feedback) for objection drills and talk tracks.
//! Flashcards have no GIFT form; they go to the flashcard deck.

use crate::{ClozePart, ItemKind, KitItem};

/// The characters GIFT gives a meaning, escaped with a backslash wherever they are text.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // A question is one paragraph: a line break inside it would end the question.
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The kit's items as a GIFT file, in a category named for the kit (its levels, outermost
/// first).
pub fn write_gift(category: &[&str], items: &[KitItem]) -> String {
    let mut out = String::new();
    out.push_str("// Made by Pitchbridge from approved pitches. Flashcards are in the flashcard deck.\n");
    // "/" separates category levels; a slash inside a name is written twice.
    let category = category
        .iter()
        .map(|level| level.chars().map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }).collect::<String>().replace('/', "//"))
        .collect::<Vec<_>>()
        .join("/");
    out.push_str(&format!("$CATEGORY: {category}\n\n"));
    let mut n = 0;
    for item in items {
        let body = match &item.kind {
            ItemKind::Flashcard { .. } => continue,
            ItemKind::MultipleChoice { question, choices, answer } => {
                let options: Vec<String> =
                    choices.iter().enumerate().map(|(i, c)| format!("\t{}{}", if i == *answer { '=' } else { '~' }, escape(c))).collect();
                format!("{} {{\n{}\n}}", escape(question), options.join("\n"))
            }
            ItemKind::Cloze { parts } => {
                // GIFT holds one gap a question: the first gap is asked, the others are shown.
                let mut asked = false;
                let mut text = String::new();
                for p in parts {
                    match p {
                        ClozePart::Text(t) => text.push_str(&escape(t)),
                        ClozePart::Gap(g) if !asked => {
                            asked = true;
                            text.push_str(&format!("{{={}}}", escape(g)));
                        }
                        ClozePart::Gap(g) => text.push_str(&escape(g)),
                    }
                }
                text
            }
            ItemKind::ObjectionDrill { objection, answer } => {
                format!("A customer says: {} How do you answer? {{\n\t####Approved answer: {}\n}}", escape(objection), escape(answer))
            }
            ItemKind::TalkTrack { lines, target_seconds, call_to_action, .. } => {
                let script: Vec<String> = lines.iter().map(|l| format!("{}: {}", escape(&l.section), escape(&l.text))).collect();
                format!(
                    "Say the call script aloud in about {} and end on its call to action. {{\n\t####Script — {} Call to action: {}\n}}",
                    escape(&duration(*target_seconds)),
                    script.join(" — "),
                    escape(call_to_action)
                )
            }
        };
        n += 1;
        out.push_str(&format!("::{} {n}::{body}\n\n", escape(&title_of(item))));
    }
    out
}

fn title_of(item: &KitItem) -> String {
    match item.kind {
        ItemKind::Flashcard { .. } => "Flashcard",
        ItemKind::MultipleChoice { .. } => "Say it to the customer",
        ItemKind::Cloze { .. } => "Proof point",
        ItemKind::ObjectionDrill { .. } => "Objection",
        ItemKind::TalkTrack { .. } => "Talk track",
    }
    .to_string()
}

/// "1 min 30 s", "45 s".
pub fn duration(seconds: usize) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ItemSource, TalkLine};

    fn item(kind: ItemKind) -> KitItem {
        KitItem { key: "k".into(), kind, source: ItemSource { pitch_id: Some(1), pitch_title: String::new(), pitch_fingerprint: String::new(), block_keys: vec![], claim_ids: vec![], claim_fingerprints: vec![] } }
    }

    #[test]
    fn each_kind_is_written_as_moodle_reads_it_and_special_characters_are_escaped() {
        let items = vec![
            item(ItemKind::Flashcard { front: "a".into(), back: "b".into() }),
            item(ItemKind::MultipleChoice { question: "Ratio 3:1 {really}?".into(), choices: vec!["x = y".into(), "right ~ here".into()], answer: 1 }),
            item(ItemKind::Cloze { parts: vec![ClozePart::Text("Live in ".into()), ClozePart::Gap("30 days".into()), ClozePart::Text(", at ".into()), ClozePart::Gap("74%".into()), ClozePart::Text(".".into())] }),
            item(ItemKind::ObjectionDrill { objection: "“Too dear.”".into(), answer: "It pays back in #3 months.".into() }),
            item(ItemKind::TalkTrack { lines: vec![TalkLine { section: "Opener".into(), text: "Hi.".into() }], words: 1, target_seconds: 90, call_to_action: "Thursday?".into() }),
        ];
        let gift = write_gift(&["Ledgerline", "MSP/VAR"], &items);
        assert!(gift.contains("$CATEGORY: Ledgerline/MSP//VAR\n"), "a slash in a name is not a level");
        assert!(gift.contains("::Say it to the customer 1::Ratio 3\\:1 \\{really\\}? {\n\t~x \\= y\n\t=right \\~ here\n}"), "{gift}");
        assert!(gift.contains("::Proof point 2::Live in {=30 days}, at 74%."), "{gift}");
        assert!(gift.contains("::Objection 3::A customer says: “Too dear.” How do you answer? {\n\t####Approved answer: It pays back in \\#3 months.\n}"), "{gift}");
        assert!(gift.contains("::Talk track 4::Say the call script aloud in about 1 min 30 s"), "{gift}");
        assert!(!gift.contains("::Flashcard"), "flashcards are not quiz questions");
        // Questions are separated by blank lines.
        assert_eq!(gift.matches("\n\n::").count(), 4);
    }
}
