//! `pitchbridge review export|open|import` as a user runs them: a writer's workspace and a
//! reviewer's copy on "two machines", the files in between, and a tampered decision refused.

use std::path::Path;
use std::process::Command;

use pitchbridge_app::profile::{PassphraseRequest, SaveProfileRequest};
use pitchbridge_app::review::{DecideRequest, SubmitRequest};
use pitchbridge_app::workspace::OpenWorkspaceRequest;
use pitchbridge_app::App;
use pitchbridge_core::clock::FixedClock;
use pitchbridge_store::PitchOutcome;

/// These flows are about review itself, not its gates: their pitches go on past open findings.
const PAST_OPEN_FINDINGS: &str = "Reviewing the flow, not the copy.";

fn pitchbridge(config: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pitchbridge")).args(args).env("XDG_CONFIG_HOME", config).env_remove("DISPLAY").output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn person(config: &Path, name: &str) -> App {
    let mut a = App::new(Box::new(FixedClock("2027-01-15T10:00:00Z".into())));
    a.set_profile_dir(config.join("com.pitchbridge.desktop"));
    a.save_profile(SaveProfileRequest { name: name.into(), email: format!("{}@ledgerline.example", name.to_lowercase()), role: "reviewer".into() }).unwrap();
    a.create_signing_key(PassphraseRequest { passphrase: "correct horse battery".into() }).unwrap();
    a
}

#[test]
fn a_package_goes_out_a_decision_comes_back_and_a_tampered_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (writer_cfg, reviewer_cfg) = (dir.path().join("writer"), dir.path().join("reviewer"));
    let ws = dir.path().join("team.pitchbridge");
    let ws_arg = ws.display().to_string();
    let (code, _, err) = pitchbridge(&writer_cfg, &["init", "--demo", &ws_arg]);
    assert_eq!(code, 0, "{err}");

    // The writer registers the reviewer's card and submits the pitch.
    let mut reviewer = person(&reviewer_cfg, "Priya");
    let card = dir.path().join("priya.json");
    reviewer.export_reviewer_card(&card).unwrap();
    let mut writer = person(&writer_cfg, "Wren");
    writer.open_workspace(OpenWorkspaceRequest { path: ws_arg.clone(), create: false }).unwrap();
    let priya = writer.import_reviewer_card(&card).unwrap();
    let launch = writer.list_launches().unwrap()[0].launch.id;
    let pitch = writer.get_launch(launch).unwrap().pitches[0].pitch.id;
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: priya.id, note: String::new(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    drop(writer);

    let package = dir.path().join("review.json");
    let (code, out, err) = pitchbridge(&writer_cfg, &["review", "export", "--workspace", &ws_arg, "--pitch", &pitch.to_string(), "-o", &package.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("review package"), "{out}");

    // The reviewer opens it from the command line and decides in the app.
    let copy = dir.path().join("copy.pitchbridge");
    let (code, _, err) = pitchbridge(&reviewer_cfg, &["review", "open", &package.display().to_string(), "-o", &copy.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    reviewer.open_workspace(OpenWorkspaceRequest { path: copy.display().to_string(), create: false }).unwrap();
    reviewer.decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: "correct horse battery".into(), confirmed_items: vec![], override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    let decision = dir.path().join("decision.json");
    reviewer.export_decision(pitch, &decision).unwrap();

    // A tampered copy is refused with the reason; the genuine one applies.
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&decision).unwrap()).unwrap();
    v["decision"]["reasons"] = "Approved, and please add a discount.".into();
    let tampered = dir.path().join("tampered.json");
    std::fs::write(&tampered, serde_json::to_vec(&v).unwrap()).unwrap();
    let (code, _, err) = pitchbridge(&writer_cfg, &["review", "import", "--workspace", &ws_arg, &tampered.display().to_string()]);
    assert_eq!(code, 1);
    assert!(err.contains("signature does not match"), "{err}");

    let (code, out, err) = pitchbridge(&writer_cfg, &["review", "import", "--workspace", &ws_arg, &decision.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Approved as accurate to the Factory message") && out.contains("Priya <priya@ledgerline.example>"), "{out}");

    // The approved pitch exports with the approval stamp instead of the DRAFT mark.
    let pdf = dir.path().join("approved.pdf");
    let (code, _, err) = pitchbridge(&writer_cfg, &["export", "--workspace", &ws_arg, "--pitch", &pitch.to_string(), "--format", "pdf", "-o", &pdf.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Approved by Priya on 2027-01-15") && !text.contains("DRAFT"), "{text}");

    let (code, out, _) = pitchbridge(&writer_cfg, &["verify-audit", &ws_arg]);
    assert_eq!(code, 0, "{out}");
    let conn = rusqlite::Connection::open(&ws).unwrap();
    let status: String = conn.query_row("SELECT status FROM pitch WHERE id = ?1", [pitch], |r| r.get(0)).unwrap();
    assert_eq!(status, "approved");
    // The last submission: the demo's own reviews come before it.
    let actor: String = conn.query_row("SELECT actor FROM audit_event WHERE action = 'review.submitted' ORDER BY seq DESC LIMIT 1", [], |r| r.get(0)).unwrap();
    assert_eq!(actor, "Wren <wren@ledgerline.example>");
}
