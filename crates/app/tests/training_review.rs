//! A training kit reviewed like a pitch: reworded items, sent to a registered reviewer, signed
//! approval over the kit as sent, stale once a pitch it is made from needs re-approval, and
//! counted in the launch's readiness while its approval holds.

mod common;

use pitchbridge_app::launch_kit::LaunchKitRequest;
use pitchbridge_app::messages::AddMessageVersionRequest;
use pitchbridge_app::profile::{PassphraseRequest, SaveProfileRequest};
use pitchbridge_app::readiness::ReadinessRequest;
use pitchbridge_app::training::*;
use pitchbridge_app::training_review::*;
use pitchbridge_app::{App, ErrorCode};
use pitchbridge_core::Id;
use pitchbridge_review::KitDecisionBody;
use pitchbridge_training::ItemKind;

const PASS: &str = "correct horse battery";

fn person(dir: &std::path::Path, who: &str, path: &std::path::Path) -> App {
    let mut a = common::app();
    a.set_profile_dir(dir.join(format!("profile-{who}")));
    a.save_profile(SaveProfileRequest { name: who.into(), email: format!("{}@ledgerline.example", who.to_lowercase()), role: "reviewer".into() }).unwrap();
    a.open_or_create(path, true).unwrap();
    a
}

fn ids(a: &App) -> (Id, Id) {
    let launch = a.list_launches().unwrap()[0].launch.id;
    let aud = a.list_audiences().unwrap().into_iter().find(|x| x.persona == "IT director").unwrap().id;
    (launch, aud)
}

fn training_gate(a: &App, launch_id: Id) -> Vec<String> {
    let r = a.launch_readiness(ReadinessRequest { launch_id, at: None }).unwrap();
    r.gates.iter().find(|g| g.name == "Training kits approved").unwrap().blocking.clone()
}

#[test]
fn a_kit_reworded_sent_and_approved_is_signed_counted_and_goes_stale_with_its_pitch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.pitchbridge");
    let mut wren = person(dir.path(), "Wren", &path);
    wren.add_demo_reviews().unwrap();
    let mut priya = person(dir.path(), "Priya", &path);
    priya.create_signing_key(PassphraseRequest { passphrase: PASS.into() }).unwrap();
    let me = priya.register_as_reviewer().unwrap();
    let (launch_id, audience_id) = ids(&wren);
    let req = TrainingKitRequest { launch_id, audience_id };

    let k = wren.training_kit(req.clone()).unwrap();
    assert_eq!(k.review.status, KitStatus::Draft);
    assert!(training_gate(&wren, launch_id).iter().any(|b| b == "VAR × IT director: no approved training kit yet"));
    let plan = wren.launch_kit_plan(launch_id, audience_id).unwrap();
    assert!(plan.missing.iter().any(|m| m.contains("training kit has not been approved")), "{:?}", plan.missing);

    // The writer rewords a question; the kind cannot change, and the same words are no edit.
    let mc = k.items.iter().find(|i| matches!(i.kind, ItemKind::MultipleChoice { .. })).unwrap().clone();
    let ItemKind::MultipleChoice { question, choices, answer } = mc.kind.clone() else { unreachable!() };
    let edit = |item: Option<ItemKind>| EditTrainingItemRequest { launch_id, audience_id, key: mc.key.clone(), item };
    let wrong = wren.edit_training_item(edit(Some(ItemKind::Flashcard { front: "a".into(), back: "b".into() }))).unwrap_err();
    assert_eq!(wrong.code, ErrorCode::InvalidInput);
    assert_eq!(wren.edit_training_item(edit(Some(mc.kind.clone()))).unwrap().edited, Vec::<String>::new());
    let reworded = ItemKind::MultipleChoice { question: format!("  {question} (in the customer's words) "), choices: choices.clone(), answer };
    let k = wren.edit_training_item(edit(Some(reworded))).unwrap();
    assert_eq!(k.edited, vec![mc.key.clone()]);
    let now = k.items.iter().find(|i| i.key == mc.key).unwrap();
    assert!(matches!(&now.kind, ItemKind::MultipleChoice { question: q, .. } if q.ends_with("(in the customer's words)")), "trimmed: {:?}", now.kind);
    let fingerprint = k.review.fingerprint.clone();

    // Sent to Priya: the writer cannot change it, and only Priya can decide.
    let k = wren.submit_training_kit(SubmitKitRequest { launch_id, audience_id, reviewer_id: me.id, note: "Reworded one question".into() }).unwrap();
    assert_eq!(k.review.status, KitStatus::InReview);
    assert!(!k.review.is_reviewer);
    assert_eq!(wren.edit_training_item(edit(None)).unwrap_err().code, ErrorCode::ReviewRefused);
    assert_eq!(wren.remove_training_item(TrainingItemRequest { launch_id, audience_id, key: mc.key.clone() }, true).unwrap_err().code, ErrorCode::ReviewRefused);
    assert!(training_gate(&wren, launch_id).iter().any(|b| b == "VAR × IT director: the training kit is in review"));
    assert!(priya.training_kit(req.clone()).unwrap().review.is_reviewer);
    let decide = |outcome, reasons: &str, passphrase: &str| DecideKitRequest { launch_id, audience_id, outcome, reasons: reasons.into(), passphrase: passphrase.into() };
    assert!(wren.decide_training_kit(decide(KitOutcome::Approved, "", PASS)).is_err(), "the writer has no key and is not the reviewer");
    assert!(priya.decide_training_kit(decide(KitOutcome::Approved, "", "wrong passphrase")).is_err());
    assert_eq!(priya.decide_training_kit(decide(KitOutcome::ChangesRequested, " ", PASS)).unwrap_err().code, ErrorCode::InvalidInput);

    let k = priya.decide_training_kit(decide(KitOutcome::Approved, "", PASS)).unwrap();
    assert_eq!(k.review.status, KitStatus::Approved, "{:?}", k.review.changes);
    let approval = &k.review.reviews[0];
    assert_eq!((approval.outcome.as_deref(), approval.kit_fingerprint.as_str()), (Some("approved"), fingerprint.as_str()));
    // The signed body says what was approved, and any change to it breaks the signature.
    let body: KitDecisionBody = serde_json::from_str(approval.body.as_deref().unwrap()).unwrap();
    assert_eq!((body.subject.as_str(), body.kit_fingerprint.as_str(), body.signer_key.as_str()), ("training-kit", fingerprint.as_str(), me.public_key.as_str()));
    assert_eq!(body.pitch_fingerprints.len(), k.pitches.len());
    pitchbridge_review::verify_signed(&body, &body.signer_key, &approval.signature).unwrap();
    let mut tampered = body.clone();
    tampered.kit_fingerprint = "00".repeat(16);
    assert!(pitchbridge_review::verify_signed(&tampered, &body.signer_key, &approval.signature).is_err());
    // The writer sees the same; readiness counts it; the launch kit says who approved it.
    assert_eq!(wren.training_kit(req.clone()).unwrap().review.status, KitStatus::Approved);
    assert!(!training_gate(&wren, launch_id).iter().any(|b| b.starts_with("VAR × IT director")), "{:?}", training_gate(&wren, launch_id));
    let zip_path = dir.path().join("kit.zip");
    wren.export_launch_kit(LaunchKitRequest { launch_id, audience_id, path: zip_path.display().to_string() }).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let manifest: serde_json::Value = serde_json::from_reader(zip.by_name("manifest.json").unwrap()).unwrap();
    assert_eq!(manifest["training_kit"]["approved"], true);
    assert_eq!(manifest["training_kit"]["signature"], approval.signature.as_str());
    assert!(manifest["training_kit"]["approved_by"].as_str().unwrap().contains("Priya"));

    // Moving an item is a change the approval did not see.
    let second = k.items.iter().filter(|i| i.kind_name() == mc.kind_name()).nth(1).unwrap().key.clone();
    let moved = wren.move_training_item(TrainingItemRequest { launch_id, audience_id, key: second.clone() }, -1).unwrap();
    assert_eq!(moved.review.status, KitStatus::ChangedSinceApproval);
    assert!(training_gate(&wren, launch_id).iter().any(|b| b == "VAR × IT director: the training kit changed since it was approved"));
    let back = wren.move_training_item(TrainingItemRequest { launch_id, audience_id, key: second }, 1).unwrap();
    assert_eq!(back.review.status, KitStatus::ChangedSinceApproval, "an order kept explicitly is still a change the reviewer has not seen");

    // The Factory's proof point the battle card quotes changes: the card needs re-approval, and
    // the kit names what went stale.
    let db = rusqlite::Connection::open(&path).unwrap();
    let (message, text): (i64, String) =
        db.query_row("SELECT message_id, source_text FROM message_version ORDER BY number DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    wren.add_message_version(AddMessageVersionRequest { message_id: message, text: text.replace("from 22% to 81%", "from 22% to 84%") }).unwrap();
    let k = wren.training_kit(req.clone()).unwrap();
    assert_eq!(k.review.status, KitStatus::ChangedSinceApproval);
    assert!(k.review.changes.iter().any(|c| c.contains("ERP add-ons cost IT more") && c.contains("stale")), "{:?}", k.review.changes);
    assert!(k.review.stale_items.contains(&mc.key), "{:?}", k.review.stale_items);
}

#[test]
fn a_rewording_made_before_its_source_changed_is_looked_at_before_the_kit_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.pitchbridge");
    let mut wren = person(dir.path(), "Wren", &path);
    wren.add_demo_reviews().unwrap();
    let mut priya = person(dir.path(), "Priya", &path);
    priya.create_signing_key(PassphraseRequest { passphrase: PASS.into() }).unwrap();
    let me = priya.register_as_reviewer().unwrap();
    let (launch_id, audience_id) = ids(&wren);
    let k = wren.training_kit(TrainingKitRequest { launch_id, audience_id }).unwrap();
    let card = k.items.iter().find(|i| i.key.starts_with("glossary:")).expect("the demo glossary gives cards").clone();
    let ItemKind::Flashcard { front, .. } = card.kind.clone() else { unreachable!() };
    wren.edit_training_item(EditTrainingItemRequest { launch_id, audience_id, key: card.key.clone(), item: Some(ItemKind::Flashcard { front, back: "Said our way".into() }) }).unwrap();

    // The glossary's customer phrasing changes under the edit.
    let db = rusqlite::Connection::open(&path).unwrap();
    let term = card.key.trim_start_matches("glossary:").to_string();
    db.execute("UPDATE glossary_term SET customer_phrasing = customer_phrasing || ' (new)' WHERE term = ?1", [&term]).unwrap();
    let k = wren.training_kit(TrainingKitRequest { launch_id, audience_id }).unwrap();
    assert_eq!(k.outdated_edits, vec![card.key.clone()]);
    let err = wren.submit_training_kit(SubmitKitRequest { launch_id, audience_id, reviewer_id: me.id, note: String::new() }).unwrap_err();
    assert!(err.message.contains("look at it again"), "{}", err.message);
    // Kept as it is, the edit is current again and the kit can go.
    let ItemKind::Flashcard { front, back } = k.items.iter().find(|i| i.key == card.key).unwrap().kind.clone() else { unreachable!() };
    wren.edit_training_item(EditTrainingItemRequest { launch_id, audience_id, key: card.key.clone(), item: Some(ItemKind::Flashcard { front, back }) }).unwrap();
    let k = wren.submit_training_kit(SubmitKitRequest { launch_id, audience_id, reviewer_id: me.id, note: String::new() }).unwrap();
    assert_eq!(k.review.status, KitStatus::InReview);
    // Asked to change, with reasons the writer reads; withdrawn, it is a draft again.
    let k = priya.decide_training_kit(DecideKitRequest { launch_id, audience_id, outcome: KitOutcome::ChangesRequested, reasons: "Drop the jargon card".into(), passphrase: PASS.into() }).unwrap();
    assert_eq!((k.review.status, k.review.reviews[0].reasons.as_str()), (KitStatus::ChangesRequested, "Drop the jargon card"));
    wren.submit_training_kit(SubmitKitRequest { launch_id, audience_id, reviewer_id: me.id, note: String::new() }).unwrap();
    let k = wren.withdraw_training_kit(TrainingKitRequest { launch_id, audience_id }).unwrap();
    assert_eq!(k.review.status, KitStatus::ChangesRequested, "the last decision still stands after a withdrawal");
    let actions: Vec<String> = wren.audit_events().unwrap().into_iter().map(|e| e.action).filter(|a| a.starts_with("training.")).collect();
    for a in ["training.item-edited", "training.submitted", "training.changes-requested", "training.withdrawn"] {
        assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
    }
}
