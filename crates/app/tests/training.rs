//! Training kits through the app, on the demo taken through review: drills only from approved,
//! unexpired pitches, each traceable to its sentence and claim; the rest named with the reason.

mod common;

use pitchbridge_app::profile::SaveProfileRequest;
use pitchbridge_app::training::*;
use pitchbridge_app::{App, ErrorCode};
use pitchbridge_core::clock::FixedClock;
use pitchbridge_core::Id;
use pitchbridge_training::{ClozePart, ItemKind};

/// The demo taken through review, opened by a writer with a profile of their own.
fn demo_with_reviews(dir: &std::path::Path) -> (App, std::path::PathBuf) {
    let path = dir.join("demo.pitchbridge");
    let mut a = common::app();
    a.set_profile_dir(dir.join("profile"));
    a.save_profile(SaveProfileRequest { name: "Wren".into(), email: "wren@ledgerline.example".into(), role: "writer".into() }).unwrap();
    a.open_or_create(&path, true).unwrap();
    a.add_demo_reviews().unwrap();
    (a, path)
}

fn audience(a: &App, persona: &str) -> (Id, Id) {
    let launch = a.list_launches().unwrap()[0].launch.id;
    let aud = a.list_audiences().unwrap().into_iter().find(|x| x.persona == persona).unwrap().id;
    (launch, aud)
}

fn kit(a: &App, persona: &str) -> TrainingKit {
    let (launch_id, audience_id) = audience(a, persona);
    a.training_kit(TrainingKitRequest { launch_id, audience_id }).unwrap()
}

#[test]
fn the_approved_battle_card_gives_drills_each_traceable_to_its_sentence_and_claim() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = demo_with_reviews(dir.path());
    let k = kit(&a, "IT director");
    assert_eq!(k.pitches.len(), 1, "only the approved battle card: {:?}", k.pitches);
    let card = k.pitches[0].pitch_id;
    assert!(k.left_out.iter().any(|l| l.contains("email") && l.contains("changes-requested")), "{:?}", k.left_out);

    let editor = a.get_pitch_editor(card).unwrap();
    let text_of = |key: &str| editor.blocks.iter().find(|b| b.key == key).unwrap().text();
    let links = &editor.links.links;
    let mut kinds = std::collections::BTreeSet::new();
    for item in &k.items {
        kinds.insert(item.kind_name());
        if item.key.starts_with("glossary:") {
            continue;
        }
        let s = &item.source;
        assert_eq!(s.pitch_id, Some(card));
        // Every sentence drilled is in the approved text, and every claim is linked to it.
        for c in &s.claim_ids {
            assert!(links.iter().any(|l| l.claim_id == *c && s.block_keys.contains(&l.block_key)), "claim {c} is linked to {:?}", s.block_keys);
        }
        match &item.kind {
            ItemKind::Flashcard { front, back } => {
                let claim = editor.messages.iter().flat_map(|m| &m.claims).find(|c| c.id == s.claim_ids[0]).unwrap();
                assert_eq!(front, &claim.text);
                assert!(text_of(&s.block_keys[0]).contains(back.as_str()), "{back}");
            }
            ItemKind::MultipleChoice { choices, answer, .. } => {
                assert!(text_of(&s.block_keys[0]).contains(choices[*answer].as_str()));
                assert!(choices.len() >= 3);
                let mut unique = choices.clone();
                unique.dedup();
                assert_eq!(unique.len(), choices.len());
            }
            ItemKind::Cloze { parts } => {
                let whole: String = parts.iter().map(|p| match p { ClozePart::Text(t) | ClozePart::Gap(t) => t.as_str() }).collect();
                assert!(text_of(&s.block_keys[0]).contains(&whole), "{whole}");
                assert!(parts.iter().any(|p| matches!(p, ClozePart::Gap(_))));
            }
            ItemKind::ObjectionDrill { objection, answer } => {
                assert!(objection.starts_with('“') && !answer.is_empty(), "{objection} → {answer}");
            }
            ItemKind::TalkTrack { .. } => panic!("a battle card is not a call script"),
        }
    }
    for k in ["flashcard", "multiple-choice", "cloze", "objection-drill"] {
        assert!(kinds.contains(k), "no {k} in {kinds:?}");
    }
    // The proof point's figures are what the cloze asks for.
    assert!(k.items.iter().any(|i| matches!(&i.kind, ItemKind::Cloze { parts } if parts.contains(&ClozePart::Gap("22%".into())))), "{:#?}", k.items);
    // The objection drills are the card's two objections, each with the approved reply.
    let drills: Vec<&str> = k.items.iter().filter_map(|i| match &i.kind { ItemKind::ObjectionDrill { objection, .. } => Some(objection.as_str()), _ => None }).collect();
    assert_eq!(drills, vec!["“We already own the ERP's AP module.”", "“Security will take months.”"]);
    // The same workspace gives the same kit, and the same kit at the same time the same bytes.
    assert_eq!(kit(&a, "IT director"), k);
    let (launch_id, audience_id) = audience(&a, "IT director");
    for (format, ext) in [(KitFormat::Gift, "gift"), (KitFormat::Apkg, "apkg")] {
        let write = |name: &str| {
            let path = dir.path().join(format!("{name}.{ext}"));
            a.export_training_kit(TrainingExportRequest { launch_id, audience_id, format, path: path.display().to_string() }).unwrap();
            std::fs::read(path).unwrap()
        };
        assert_eq!(write("first"), write("second"), "{ext}");
    }
}

#[test]
fn an_expired_call_script_is_left_out_and_drilled_as_a_talk_track_while_its_approval_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (a, path) = demo_with_reviews(dir.path());
    let k = kit(&a, "AP manager");
    assert!(k.items.is_empty());
    assert!(k.left_out.iter().any(|l| l.contains("call script") && l.contains("expired")), "{:?}", k.left_out);
    let (launch_id, audience_id) = audience(&a, "AP manager");
    let out = dir.path().join("msp.gift").display().to_string();
    let err = a.export_training_kit(TrainingExportRequest { launch_id, audience_id, format: KitFormat::Gift, path: out.clone() }).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("Nothing approved") && err.message.contains("expired"), "{}", err.message);
    assert!(!std::path::Path::new(&out).exists());
    drop(a);

    // Seen on a day its approval still held (it was approved 120 days before 2027-01-15, for 90).
    let mut earlier = App::new(Box::new(FixedClock("2026-10-01T09:00:00Z".into())));
    earlier.open_or_create(&path, false).unwrap();
    let k = kit(&earlier, "AP manager");
    let track = k.items.iter().find_map(|i| match &i.kind { ItemKind::TalkTrack { lines, words, target_seconds, call_to_action } => Some((lines, *words, *target_seconds, call_to_action)), _ => None }).expect("a talk track");
    let (lines, words, seconds, cta) = track;
    assert_eq!(lines.first().unwrap().section, "Opener");
    assert_eq!(seconds, (words * 60 + 75) / 150, "about 150 words a minute");
    assert!(cta.starts_with("Could we look at last month's invoices together on Thursday at 10?"), "{cta}");
    assert!(k.items.iter().any(|i| matches!(&i.kind, ItemKind::ObjectionDrill { objection, .. } if objection == "“We tried OCR before and it made more work.”")));

    earlier.export_training_kit(TrainingExportRequest { launch_id, audience_id, format: KitFormat::Gift, path: out.clone() }).unwrap();
    let gift = std::fs::read_to_string(&out).unwrap();
    assert!(gift.starts_with("// Made by Pitchbridge") && gift.contains("$CATEGORY: Pitchbridge/Ledgerline 4.0 launch/MSP × AP manager"), "{gift}");
    assert!(gift.contains("::Talk track") && gift.contains("::Objection"), "{gift}");
}

/// A launch kit made while the battle card was approved goes stale when the Factory changes a
/// claim the card quotes: the check names the card, why, and the files to replace.
#[test]
fn a_launch_kit_goes_stale_when_a_claim_its_pitch_quotes_changes() {
    use pitchbridge_app::launch_kit::LaunchKitRequest;
    use pitchbridge_app::messages::AddMessageVersionRequest;
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = demo_with_reviews(dir.path());
    let (launch_id, audience_id) = audience(&a, "IT director");
    let kit = dir.path().join("kit.zip");
    let made = a.export_launch_kit(LaunchKitRequest { launch_id, audience_id, path: kit.display().to_string() }).unwrap();
    assert!(made.files.contains(&"training/scorm-1.2.zip".to_string()) && made.files.last().unwrap() == "manifest.json", "{:?}", made.files);
    let fresh = a.check_launch_kit(&kit).unwrap();
    assert!(fresh.current && fresh.problems.is_empty() && fresh.stale_files.is_empty(), "{fresh:?}");
    assert_eq!(fresh.audience, "VAR × IT director");

    // The Factory's proof point the card quotes changes (81% becomes 84%).
    let db = rusqlite::Connection::open(&path).unwrap();
    let (message, text): (i64, String) =
        db.query_row("SELECT message_id, source_text FROM message_version ORDER BY number DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert!(text.contains("from 22% to 81%"));
    a.add_message_version(AddMessageVersionRequest { message_id: message, text: text.replace("from 22% to 81%", "from 22% to 84%") }).unwrap();

    let stale = a.check_launch_kit(&kit).unwrap();
    assert!(!stale.current);
    assert_eq!(stale.problems.len(), 1, "{:?}", stale.problems);
    assert!(stale.problems[0].contains("ERP add-ons cost IT more") && stale.problems[0].contains("no longer approved"), "{:?}", stale.problems);
    assert!(stale.stale_files.iter().any(|f| f == "training/scorm-1.2.zip") && stale.stale_files.iter().any(|f| f.starts_with("pitches/")), "{:?}", stale.stale_files);

    // Never written over the open workspace, whatever the format.
    let onto = path.display().to_string();
    let before = std::fs::read(&path).unwrap();
    assert_eq!(a.export_launch_kit(LaunchKitRequest { launch_id, audience_id, path: onto.clone() }).unwrap_err().code, ErrorCode::InvalidInput);
    for format in [KitFormat::Gift, KitFormat::Apkg, KitFormat::Scorm, KitFormat::Pdf] {
        assert_eq!(a.export_training_kit(TrainingExportRequest { launch_id, audience_id, format, path: onto.clone() }).unwrap_err().code, ErrorCode::InvalidInput);
    }
    assert_eq!(std::fs::read(&path).unwrap().len(), before.len());

    // Not a kit: a clear refusal.
    let other = dir.path().join("other.zip");
    std::fs::write(&other, b"not a zip").unwrap();
    let err = a.check_launch_kit(&other).unwrap_err();
    assert!(err.message.contains("is not a launch kit"), "{}", err.message);
}

/// A kit's certification: set with a reason for what is refused, audited, and a pass never
/// holds beyond the approvals the kit is made from.
#[test]
fn a_pass_holds_for_the_kits_validity_but_never_past_the_approvals_it_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = demo_with_reviews(dir.path());
    let (launch_id, audience_id) = audience(&a, "IT director");
    let c = a.certification(launch_id, audience_id).unwrap();
    assert_eq!((c.pass_mark, c.attempts, c.validity_days), (80, 3, 90), "the defaults");
    // 90 days from 2027-01-15 would be 2027-04-15; the battle card's approval lapses first.
    let card_expires = a.training_kit(TrainingKitRequest { launch_id, audience_id }).unwrap().pitches[0].expires_on.clone().unwrap();
    assert!(card_expires.as_str() < "2027-04-15");
    assert_eq!(c.pass_valid_until.as_deref(), Some(card_expires.as_str()));
    assert!(c.capped_by.as_deref().unwrap().contains("battle card"), "{c:?}");

    let set = |a: &mut App, pass_mark, attempts, validity_days| a.set_certification(CertificationRequest { launch_id, audience_id, pass_mark, attempts, validity_days });
    for (pass, tries, days, why) in [(0, 3, 30, "1 to 100"), (101, 3, 30, "1 to 100"), (80, 21, 30, "at most 20"), (80, 3, 0, "1 to 3,650")] {
        let err = set(&mut a, pass, tries, days).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert!(err.message.contains(why), "{}", err.message);
    }
    let c = set(&mut a, 90, 2, 14).unwrap();
    assert_eq!((c.pass_mark, c.attempts, c.validity_days, c.pass_valid_until.as_deref(), c.capped_by.as_deref()), (90, 2, 14, Some("2027-01-29"), None));
    let db = rusqlite::Connection::open(&path).unwrap();
    let audited: i64 = db.query_row("SELECT count(*) FROM audit_event WHERE action = 'training.certification-set'", [], |r| r.get(0)).unwrap();
    assert_eq!(audited, 1, "only the accepted change");
    assert!(a.verify_audit().unwrap().first_break.is_none());
}

/// The writer removes and reorders a kit's items; the changes hold when the kit is made again
/// and every export follows them.
#[test]
fn removed_and_moved_items_stay_so_and_the_exports_follow() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = demo_with_reviews(dir.path());
    let (launch_id, audience_id) = audience(&a, "IT director");
    let req = |key: &str| TrainingItemRequest { launch_id, audience_id, key: key.to_string() };
    let choices = |k: &TrainingKit| k.items.iter().filter(|i| i.kind_name() == "multiple-choice").map(|i| i.key.clone()).collect::<Vec<_>>();
    let before = a.training_kit(TrainingKitRequest { launch_id, audience_id }).unwrap();
    let order = choices(&before);
    assert!(order.len() >= 3);

    let k = a.remove_training_item(req(&order[0]), true).unwrap();
    assert_eq!(choices(&k), order[1..].to_vec());
    assert_eq!(k.removed.iter().map(|i| i.key.clone()).collect::<Vec<_>>(), vec![order[0].clone()]);
    assert_eq!(k.items.len(), before.items.len() - 1);

    let k = a.move_training_item(req(&order[2]), -1).unwrap();
    assert_eq!(choices(&k), vec![order[2].clone(), order[1].clone()].into_iter().chain(order[3..].iter().cloned()).collect::<Vec<_>>());
    // The first stays first when moved up; an item no longer in the kit is refused.
    assert_eq!(choices(&a.move_training_item(req(&order[2]), -1).unwrap())[0], order[2]);
    assert_eq!(a.move_training_item(req(&order[0]), 1).unwrap_err().code, ErrorCode::InvalidInput);

    // The GIFT quiz asks one question fewer, in the new order.
    let gift = dir.path().join("kit.gift");
    a.export_training_kit(TrainingExportRequest { launch_id, audience_id, format: KitFormat::Gift, path: gift.display().to_string() }).unwrap();
    let text = std::fs::read_to_string(&gift).unwrap();
    assert_eq!(text.matches("::Say it to the customer").count(), order.len() - 1);

    // Opened again: the same kit. Put back, the item is in the kit again (after the ones placed).
    drop(a);
    let mut a = common::app();
    a.set_profile_dir(dir.path().join("profile"));
    a.open_or_create(&path, false).unwrap();
    let again = a.training_kit(TrainingKitRequest { launch_id, audience_id }).unwrap();
    assert_eq!(choices(&again)[0], order[2]);
    assert_eq!(again.removed.len(), 1);
    let k = a.remove_training_item(req(&order[0]), false).unwrap();
    assert!(k.removed.is_empty() && choices(&k).contains(&order[0]));
    let db = rusqlite::Connection::open(&path).unwrap();
    let audited: i64 = db.query_row("SELECT count(*) FROM audit_event WHERE action IN ('training.item-removed', 'training.item-restored')", [], |r| r.get(0)).unwrap();
    assert_eq!(audited, 2);
}

/// A quiz with nothing to ask would pass everyone: with every question removed, SCORM and GIFT
/// are refused with the reason, while the deck of flashcards is still made.
#[test]
fn a_kit_without_questions_makes_no_quiz() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = demo_with_reviews(dir.path());
    let (launch_id, audience_id) = audience(&a, "IT director");
    let kit = a.training_kit(TrainingKitRequest { launch_id, audience_id }).unwrap();
    for item in kit.items.iter().filter(|i| matches!(i.kind_name(), "multiple-choice" | "cloze")) {
        a.remove_training_item(TrainingItemRequest { launch_id, audience_id, key: item.key.clone() }, true).unwrap();
    }
    for format in [KitFormat::Scorm, KitFormat::Gift] {
        let path = dir.path().join("quiz").display().to_string();
        let err = a.export_training_kit(TrainingExportRequest { launch_id, audience_id, format, path }).unwrap_err();
        assert!(err.message.contains("no quiz questions"), "{}", err.message);
    }
    let deck = dir.path().join("deck.apkg").display().to_string();
    a.export_training_kit(TrainingExportRequest { launch_id, audience_id, format: KitFormat::Apkg, path: deck }).unwrap();
}
