//! A training kit for a launch with 50 approved pitches for one audience, in every format, and
//! the launch kit that bundles them: median time of each over several rounds, and the sizes.
//! Target: every format within 1 s; a SCORM package within 1 MB.
//!
//! `cargo bench -p pitchbridge-app --bench training_kit`

use std::time::Instant;

use pitchbridge_app::launch_kit::LaunchKitRequest;
use pitchbridge_app::pitch_editor::{LinkClaimsRequest, SavePitchDocRequest};
use pitchbridge_app::pitches::CreatePitchRequest;
use pitchbridge_app::profile::{PassphraseRequest, SaveProfileRequest};
use pitchbridge_app::training_review::{DecideKitRequest, KitOutcome, KitStatus, SubmitKitRequest};
use pitchbridge_app::training::{KitFormat, TrainingExportRequest, TrainingKitRequest};
use pitchbridge_app::App;
use pitchbridge_core::clock::FixedClock;

const ROUNDS: usize = 7;
const PITCHES: usize = 50;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kit.pitchbridge");
    let mut app = App::new(Box::new(FixedClock("2027-01-15T10:00:00Z".into())));
    app.set_profile_dir(dir.path().join("profile"));
    app.save_profile(SaveProfileRequest { name: "Bench".into(), email: "bench@ledgerline.example".into(), role: "writer".into() }).unwrap();
    app.open_or_create(&path, true).unwrap();
    let launch = app.list_launches().unwrap()[0].launch.id;
    let audience = app.list_audiences().unwrap().into_iter().find(|a| a.persona == "IT director").unwrap().id;
    let ws = path.display().to_string();

    // Fifty pitches for one audience, copied in turn from the demo's six (every collateral
    // type), each with the demo's links.
    let sources: Vec<_> = app.get_launch(launch).unwrap().pitches.iter().map(|p| p.pitch.id).collect();
    for n in 0..PITCHES {
        let from = app.get_pitch_editor(sources[n % sources.len()]).unwrap();
        let made = app
            .create_pitch(CreatePitchRequest { launch_id: launch, audience_id: audience, collateral_type: from.collateral_type.id.clone(), title: format!("{} ({n})", from.summary.pitch.title) })
            .unwrap();
        let id = made.summary.pitch.id;
        // Each copy worded apart, as fifty real pitches would be: a kit drills each wording once.
        let mut blocks = from.blocks.clone();
        for b in blocks.iter_mut().filter(|b| b.kind != pitchbridge_core::BlockKind::Heading) {
            if let Some(first) = b.runs.first_mut() {
                first.text = format!("Team {n}: {}", first.text);
            }
        }
        app.save_pitch_doc(SavePitchDocRequest { pitch_id: id, workspace: ws.clone(), blocks }).unwrap();
        for key in from.blocks.iter().map(|b| &b.key) {
            let claims: Vec<i64> = from.links.links.iter().filter(|l| &l.block_key == key).map(|l| l.claim_id).collect();
            if !claims.is_empty() {
                app.link_claims(LinkClaimsRequest { pitch_id: id, block_key: key.clone(), claim_ids: claims }).unwrap();
            }
        }
    }
    // Approved five days ago, as a signed review would leave them (the review itself is not
    // what is measured here).
    let db = rusqlite::Connection::open(&path).unwrap();
    db.execute_batch(&format!(
        "UPDATE pitch SET status = 'approved' WHERE audience_id = {audience} AND title LIKE '%)';
         INSERT INTO pitch_version (pitch_id, number, snapshot, fingerprint, created_at)
           SELECT id, 1, '[]', '', '2027-01-10T09:00:00Z' FROM pitch WHERE audience_id = {audience} AND title LIKE '%)';
         INSERT INTO decision (pitch_id, pitch_version_id, verdict, signer, signed_at, meaning, pitch_fingerprint, claim_fingerprints, signature)
           SELECT p.id, v.id, 'approve', 'Priya Raman', '2027-01-10T09:00:00Z', 'Approved', '', '{{}}', x'00'
           FROM pitch p JOIN pitch_version v ON v.pitch_id = p.id WHERE p.audience_id = {audience} AND p.title LIKE '%)';"
    ))
    .unwrap();
    drop(db);
    let kit = app.training_kit(TrainingKitRequest { launch_id: launch, audience_id: audience }).unwrap();
    println!("{} approved pitches, {} items", kit.pitches.len(), kit.items.len());
    assert_eq!(kit.pitches.len(), PITCHES);

    let time = |label: &str, f: &mut dyn FnMut() -> u64| {
        let mut ms = Vec::new();
        let mut bytes = 0;
        for _ in 0..ROUNDS {
            let t = Instant::now();
            bytes = f();
            ms.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        println!("{label:<28} median {:>7.1} ms  max {:>7.1} ms  {:>9} bytes", median(ms.clone()), ms.iter().cloned().fold(0.0, f64::max), bytes);
    };
    time("items only", &mut || app.training_kit(TrainingKitRequest { launch_id: launch, audience_id: audience }).unwrap().items.len() as u64);
    for (format, name) in [(KitFormat::Scorm, "scorm.zip"), (KitFormat::Apkg, "deck.apkg"), (KitFormat::Gift, "quiz.gift"), (KitFormat::Pdf, "guide.pdf"), (KitFormat::Docx, "guide.docx")] {
        let out = dir.path().join(name).display().to_string();
        let first = app.export_training_kit(TrainingExportRequest { launch_id: launch, audience_id: audience, format, path: out.clone() }).unwrap();
        time(name, &mut || {
            let again = app.export_training_kit(TrainingExportRequest { launch_id: launch, audience_id: audience, format, path: out.clone() }).unwrap();
            assert_eq!(again.iter().map(|o| o.bytes).collect::<Vec<_>>(), first.iter().map(|o| o.bytes).collect::<Vec<_>>(), "the same kit, the same size");
            again.iter().map(|o| o.bytes).sum()
        });
    }

    // The kit's review: sent as it is (made, fingerprinted, kept with the request), then
    // approved by the reviewer, signed (the passphrase's key derivation included).
    let mut reviewer = App::new(Box::new(FixedClock("2027-01-15T11:00:00Z".into())));
    reviewer.set_profile_dir(dir.path().join("profile-reviewer"));
    reviewer.save_profile(SaveProfileRequest { name: "Priya".into(), email: "priya@ledgerline.example".into(), role: "reviewer".into() }).unwrap();
    reviewer.open_or_create(&path, false).unwrap();
    reviewer.create_signing_key(PassphraseRequest { passphrase: "correct horse battery".into() }).unwrap();
    let me = reviewer.register_as_reviewer().unwrap();
    let (mut submit, mut decide) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        let t = Instant::now();
        app.submit_training_kit(SubmitKitRequest { launch_id: launch, audience_id: audience, reviewer_id: me.id, note: String::new() }).unwrap();
        submit.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let k = reviewer
            .decide_training_kit(DecideKitRequest { launch_id: launch, audience_id: audience, outcome: KitOutcome::Approved, reasons: String::new(), passphrase: "correct horse battery".into() })
            .unwrap();
        decide.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(k.review.status, KitStatus::Approved);
    }
    println!("{:<28} median {:>7.1} ms  max {:>7.1} ms", "submit kit for review", median(submit.clone()), submit.iter().cloned().fold(0.0, f64::max));
    println!("{:<28} median {:>7.1} ms  max {:>7.1} ms", "decide on kit (signed)", median(decide.clone()), decide.iter().cloned().fold(0.0, f64::max));

    let out = dir.path().join("launch-kit.zip").display().to_string();
    time("launch kit (everything)", &mut || app.export_launch_kit(LaunchKitRequest { launch_id: launch, audience_id: audience, path: out.clone() }).unwrap().bytes);
}
