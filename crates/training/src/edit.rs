//! The writer's rewording of an item: checked to be the same kind of item, complete and of a
//! sensible size, before it takes the place of the item as made. A reworded item is new wording,
//! which is why a kit is reviewed and signed before it goes out.

use crate::{ClozePart, ItemKind, TalkLine, WORDS_PER_MINUTE};
use crate::text::word_count;

/// The longest any one field of an item may be: an item is a drill, not a document.
pub const MAX_FIELD_CHARS: usize = 2_000;

/// A multiple-choice question offers 2 to 6 answers.
pub const CHOICES: std::ops::RangeInclusive<usize> = 2..=6;

/// The writer's version of `made`, tidied (fields trimmed, a talk track's timing recounted), or
/// why it cannot stand in for it.
pub fn check_edit(made: &ItemKind, edit: ItemKind) -> Result<ItemKind, String> {
    if std::mem::discriminant(made) != std::mem::discriminant(&edit) {
        return Err("A reworded item stays the same kind of item.".into());
    }
    let field = |text: &str, what: &str| -> Result<String, String> {
        let t = text.trim();
        if t.is_empty() {
            return Err(format!("The {what} is empty."));
        }
        if t.chars().count() > MAX_FIELD_CHARS {
            return Err(format!("The {what} is too long (at most {MAX_FIELD_CHARS} characters)."));
        }
        if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            return Err(format!("The {what} holds control characters; type or paste it again as plain text."));
        }
        Ok(t.to_string())
    };
    Ok(match edit {
        ItemKind::Flashcard { front, back } => ItemKind::Flashcard { front: field(&front, "front of the card")?, back: field(&back, "back of the card")? },
        ItemKind::MultipleChoice { question, choices, answer } => {
            if !CHOICES.contains(&choices.len()) {
                return Err(format!("A question offers {} to {} answers.", CHOICES.start(), CHOICES.end()));
            }
            if answer >= choices.len() {
                return Err("Mark which answer is right.".into());
            }
            let choices: Vec<String> = choices.iter().map(|c| field(c, "answer")).collect::<Result<_, _>>()?;
            let mut seen: Vec<String> = choices.iter().map(|c| c.to_lowercase()).collect();
            seen.sort();
            seen.dedup();
            if seen.len() != choices.len() {
                return Err("Two answers say the same thing; a rep could not tell them apart.".into());
            }
            ItemKind::MultipleChoice { question: field(&question, "question")?, choices, answer }
        }
        ItemKind::Cloze { parts } => {
            let mut tidy = Vec::new();
            for p in parts {
                match p {
                    // Text keeps its spaces: they join it to the gaps.
                    ClozePart::Text(t) if !t.is_empty() => tidy.push(ClozePart::Text(t)),
                    ClozePart::Text(_) => {}
                    ClozePart::Gap(g) => tidy.push(ClozePart::Gap(field(&g, "gap")?)),
                }
            }
            if !tidy.iter().any(|p| matches!(p, ClozePart::Gap(_))) {
                return Err("A proof-point gap needs at least one gap to fill.".into());
            }
            let whole: String = tidy.iter().map(|p| match p { ClozePart::Text(t) | ClozePart::Gap(t) => t.as_str() }).collect();
            field(&whole, "sentence")?;
            ItemKind::Cloze { parts: tidy }
        }
        ItemKind::ObjectionDrill { objection, answer } => ItemKind::ObjectionDrill { objection: field(&objection, "objection")?, answer: field(&answer, "answer")? },
        ItemKind::TalkTrack { lines, call_to_action, .. } => {
            let lines: Vec<TalkLine> = lines
                .into_iter()
                .filter(|l| !l.text.trim().is_empty())
                .map(|l| Ok(TalkLine { section: l.section.trim().to_string(), text: field(&l.text, "line")? }))
                .collect::<Result<_, String>>()?;
            if lines.is_empty() {
                return Err("A talk track needs at least one line to say.".into());
            }
            // The timing follows the words: the writer cannot make a long track "short".
            let words: usize = lines.iter().map(|l| word_count(&l.text)).sum();
            ItemKind::TalkTrack { lines, words, target_seconds: (words * 60 + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE, call_to_action: field(&call_to_action, "call to action")? }
        }
    })
}

/// An item's content as one fingerprint (its kind and fields).
pub fn item_fingerprint(kind: &ItemKind) -> String {
    pitchbridge_core::fingerprint::fingerprint(&serde_json::to_string(kind).expect("an item serialises"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edit_stays_the_same_kind_complete_and_distinct() {
        let card = ItemKind::Flashcard { front: "a".into(), back: "b".into() };
        assert_eq!(check_edit(&card, ItemKind::Flashcard { front: "  Front ".into(), back: "Back".into() }).unwrap(), ItemKind::Flashcard { front: "Front".into(), back: "Back".into() });
        assert!(check_edit(&card, ItemKind::Flashcard { front: " ".into(), back: "Back".into() }).unwrap_err().contains("front"));
        assert!(check_edit(&card, ItemKind::ObjectionDrill { objection: "x".into(), answer: "y".into() }).unwrap_err().contains("same kind"));
        assert!(check_edit(&card, ItemKind::Flashcard { front: "x".repeat(MAX_FIELD_CHARS + 1), back: "y".into() }).unwrap_err().contains("too long"));
        assert!(check_edit(&card, ItemKind::Flashcard { front: "a\u{7}b".into(), back: "y".into() }).unwrap_err().contains("control"));

        let mc = ItemKind::MultipleChoice { question: "q".into(), choices: vec!["a".into(), "b".into()], answer: 0 };
        let edit = |choices: &[&str], answer| ItemKind::MultipleChoice { question: "Which?".into(), choices: choices.iter().map(|c| c.to_string()).collect(), answer };
        assert!(check_edit(&mc, edit(&["One", "one "], 0)).unwrap_err().contains("same thing"));
        assert!(check_edit(&mc, edit(&["One", "Two"], 2)).unwrap_err().contains("right"));
        assert!(check_edit(&mc, edit(&["One"], 0)).unwrap_err().contains("2 to 6"));
        assert!(check_edit(&mc, edit(&["One", "Two", "Three"], 2)).is_ok());

        let cloze = ItemKind::Cloze { parts: vec![ClozePart::Text("Cut by ".into()), ClozePart::Gap("40%".into())] };
        assert!(check_edit(&cloze, ItemKind::Cloze { parts: vec![ClozePart::Text("Cut by 40%".into())] }).unwrap_err().contains("gap"));
        assert!(check_edit(&cloze, ItemKind::Cloze { parts: vec![ClozePart::Text("Cut by ".into()), ClozePart::Gap(" ".into())] }).unwrap_err().contains("gap is empty"));
    }

    #[test]
    fn a_talk_track_is_timed_by_its_words_not_by_what_the_edit_says() {
        let made = ItemKind::TalkTrack { lines: vec![], words: 0, target_seconds: 0, call_to_action: "Book a demo.".into() };
        let text = "word ".repeat(150);
        let edit = ItemKind::TalkTrack { lines: vec![TalkLine { section: "Opening".into(), text }, TalkLine { section: "Gone".into(), text: " ".into() }], words: 3, target_seconds: 5, call_to_action: " Book a demo. ".into() };
        let ItemKind::TalkTrack { lines, words, target_seconds, call_to_action } = check_edit(&made, edit).unwrap() else { panic!() };
        assert_eq!((lines.len(), words, target_seconds, call_to_action.as_str()), (1, 150, 60, "Book a demo."));
    }
}
