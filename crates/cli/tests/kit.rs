//! `pitchbridge kit` through the real binary, its GIFT read back by a GIFT parser (pygiftparser,
//! installed by scripts/test.sh): exit codes, and every question made of approved wording.

use std::path::Path;
use std::process::Command;

fn pitchbridge(config: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pitchbridge")).args(args).env("XDG_CONFIG_HOME", config).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The Python with the test-only readers in it.
fn oracle_python() -> String {
    let python = std::env::var("PITCHBRIDGE_ORACLE_PYTHON").unwrap_or_else(|_| "/var/cache/pitchbridge/tools/oracles/bin/python".into());
    assert!(Path::new(&python).exists(), "{python} is missing: run scripts/test.sh, which installs the GIFT reader");
    python
}

const READ_GIFT: &str = r#"
import json, sys
from pygiftparser import parser
out = []
for q in parser.parseFile(open(sys.argv[1], encoding="utf-8")):
    answers = getattr(q.answers, "answers", None) or []
    out.append({"title": q.title, "valid": q.valid, "type": type(q.answers).__name__,
                "answers": [[a.answer, a.fraction] for a in answers], "feedback": q.generalFeedback})
print(json.dumps(out))
"#;

const READ_APKG: &str = r#"
import json, os, sys, tempfile
from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageRequest
col = Collection(os.path.join(tempfile.mkdtemp(), "reader.anki2"))
col.import_anki_package(ImportAnkiPackageRequest(package_path=sys.argv[1]))
notes = []
for nid in col.find_notes(""):
    n = col.get_note(nid)
    cards = [col.get_card(c) for c in n.card_ids()]
    notes.append({"type": n.note_type()["name"], "fields": dict(n.items()), "tags": n.tags,
                  "questions": [c.question() for c in cards], "deck": col.decks.name(cards[0].did)})
print(json.dumps(notes))
col.close()
"#;

#[test]
fn a_deck_of_flashcards_and_proof_point_gaps_opens_in_ankis_own_library() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let ws = dir.path().join("team.pitchbridge").display().to_string();
    assert_eq!(pitchbridge(&config, &["init", "--demo", &ws]).0, 0);
    let db = rusqlite::Connection::open(&ws).unwrap();
    let it_director: i64 = db.query_row("SELECT id FROM audience WHERE persona = 'IT director'", [], |r| r.get(0)).unwrap();
    let card: String = db
        .query_row("SELECT group_concat(b.text, ' ') FROM pitch_block b JOIN pitch p ON p.id = b.pitch_id WHERE p.collateral_type = 'battle-card'", [], |r| r.get(0))
        .unwrap();
    let deck = dir.path().join("var.apkg").display().to_string();
    let (code, out, err) = pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "1", "--audience", &it_director.to_string(), "--format", "apkg", "-o", &deck]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Wrote"), "{out}");

    let read = Command::new(oracle_python()).args(["-c", READ_APKG, &deck]).output().unwrap();
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    let notes: Vec<serde_json::Value> = serde_json::from_slice(&read.stdout).unwrap();
    let of = |t: &str| notes.iter().filter(|n| n["type"] == t).collect::<Vec<_>>();
    let (cards, clozes) = (of("Pitchbridge card"), of("Pitchbridge cloze"));
    assert!(cards.len() >= 5 && clozes.len() >= 3, "{} cards, {} clozes", cards.len(), clozes.len());
    assert_eq!(cards.len() + clozes.len(), notes.len());
    for n in &notes {
        assert_eq!(n["deck"], "Ledgerline 4.0 launch — VAR × IT director");
        let tags: Vec<&str> = n["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        assert_eq!(tags, vec!["audience::VAR_×_IT_director", "launch::Ledgerline_4.0_launch", "pitchbridge"]);
    }
    // A card's back is approved wording (Anki keeps the fields as HTML).
    for c in cards.iter().filter(|c| c["fields"]["Source"] != "Glossary") {
        let back = c["fields"]["Back"].as_str().unwrap().replace("&amp;", "&");
        assert!(card.contains(&back), "“{back}” is not in the approved card");
    }
    assert!(cards.iter().any(|c| c["fields"]["Source"] == "Glossary"), "the glossary's customer words are drilled too");
    // A gap is asked as Anki asks a cloze: hidden on the front.
    let harbor = clozes.iter().find(|c| c["fields"]["Text"].as_str().unwrap().contains("{{c1::22%}}")).expect("the Harbor & Vale proof point");
    let question = harbor["questions"][0].as_str().unwrap();
    assert!(question.contains("[...]") && !question.contains("22%"), "{question}");
}

#[test]
fn a_kit_of_approved_wording_is_written_as_gift_and_nothing_approved_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let ws = dir.path().join("team.pitchbridge").display().to_string();
    assert_eq!(pitchbridge(&config, &["init", "--demo", &ws]).0, 0);
    let db = rusqlite::Connection::open(&ws).unwrap();
    let audience = |persona: &str| -> String { db.query_row("SELECT id FROM audience WHERE persona = ?1", [persona], |r| r.get::<_, i64>(0)).unwrap().to_string() };
    // The approved battle card's text: every right answer must be found in it.
    let card: String = db
        .query_row("SELECT group_concat(b.text, ' ') FROM pitch_block b JOIN pitch p ON p.id = b.pitch_id WHERE p.collateral_type = 'battle-card'", [], |r| r.get(0))
        .unwrap();

    let gift = dir.path().join("var.gift").display().to_string();
    let (code, out, err) = pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "1", "--audience", &audience("IT director"), "--format", "gift", "-o", &gift]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("from 1 approved pitch") && out.contains("Left out:") && out.contains("changes-requested"), "{out}");

    let read = Command::new(oracle_python()).args(["-c", READ_GIFT, &gift]).output().unwrap();
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    let questions: Vec<serde_json::Value> = serde_json::from_slice(&read.stdout).unwrap();
    let of_type = |t: &str| questions.iter().filter(|q| q["type"] == t).collect::<Vec<_>>();
    assert!(questions.iter().all(|q| q["valid"] == true), "{questions:#?}");
    let (choice, short, essay) = (of_type("SelectSet"), of_type("ShortSet"), of_type("Essay"));
    assert!(choice.len() >= 5 && short.len() >= 3 && essay.len() == 2, "{} choice, {} short, {} essay", choice.len(), short.len(), essay.len());
    assert_eq!(choice.len() + short.len() + essay.len(), questions.len());
    for q in &choice {
        let answers = q["answers"].as_array().unwrap();
        let right: Vec<&str> = answers.iter().filter(|a| a[1] == 100).map(|a| a[0].as_str().unwrap()).collect();
        assert_eq!(right.len(), 1, "{q}");
        assert!(answers.len() >= 3, "{q}");
        // Every choice is approved wording (the reader keeps GIFT's escapes in answers).
        for a in answers {
            let text = a[0].as_str().unwrap().replace("\\:", ":");
            assert!(card.contains(&text), "“{text}” is not in the approved card");
        }
    }
    for q in &short {
        let gap = q["answers"][0][0].as_str().unwrap();
        assert!(card.contains(gap), "{gap}");
    }
    for q in &essay {
        assert!(q["feedback"].as_str().unwrap().starts_with("Approved answer: "), "{q}");
    }

    // Nothing approved and unexpired for the MSP team: exit 1 with what is missing.
    let (code, _, err) = pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "1", "--audience", &audience("AP manager"), "--format", "gift", "-o", &gift]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nothing approved") && err.contains("expired on") && err.contains("in-review"), "{err}");
    // Bad input: exit 2.
    let (code, _, err) = pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "99", "--audience", "1", "--format", "gift", "-o", &gift]);
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("pitchbridge kit:") && err.contains("99"), "{err}");
}
