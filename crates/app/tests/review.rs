//! Review and approval through the app's operations, on real workspace files: the workflow in
//! one workspace, the round trip through files between two workspaces, and every tamper case.

mod common;

use std::path::{Path, PathBuf};

use pitchbridge_app::error::{ApiResult, ErrorCode};
use pitchbridge_app::{
    checks::*, messages::*,
    pitch_editor::*, profile::*, review::*, workspace::*, App,
};
use pitchbridge_core::doc::Run;
use pitchbridge_core::workflow::{CommentTarget, NewComment};
use pitchbridge_core::{Id, PitchStatus};
use pitchbridge_store::PitchOutcome;

/// These flows are about review itself, not its gates: their pitches go on past open findings.
const PAST_OPEN_FINDINGS: &str = "Reviewing the flow, not the copy.";

const PASS: &str = "correct horse battery";

/// An app for one person: their own profile folder, the shared workspace file.
fn person(dir: &Path, who: &str, role: &str, workspace: &Path) -> App {
    let mut a = common::app();
    a.set_profile_dir(dir.join(format!("profile-{who}")));
    a.open_or_create(workspace, true).unwrap();
    a.save_profile(SaveProfileRequest { name: who.into(), email: format!("{}@ledgerline.example", who.to_lowercase()), role: role.into() }).unwrap();
    // The same person on another workspace keeps their key.
    if role == "reviewer" && a.get_profile().unwrap().unwrap().public_key.is_none() {
        a.create_signing_key(PassphraseRequest { passphrase: PASS.into() }).unwrap();
    }
    a
}

/// A writer and a reviewer (registered) on one workspace file, and the demo pitch that links
/// claims.
struct Team {
    dir: tempfile::TempDir,
    path: PathBuf,
    writer: App,
    reviewer: App,
    me: pitchbridge_store::Reviewer,
    pitch: Id,
}

fn team() -> Team {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.pitchbridge");
    let writer = person(dir.path(), "Wren", "writer", &path);
    let mut reviewer = person(dir.path(), "Priya", "reviewer", &path);
    let me = reviewer.register_as_reviewer().unwrap();
    let pitch = linked_pitch(&writer);
    Team { dir, path, writer, reviewer, me, pitch }
}

/// The demo pitch that links claims.
fn linked_pitch(a: &App) -> Id {
    let launch = a.list_launches().unwrap()[0].launch.id;
    let pitches = a.get_launch(launch).unwrap().pitches;
    let ws = a.workspace().unwrap();
    pitches.iter().map(|p| p.pitch.id).find(|id| !ws.linked_claim_fingerprints(*id).unwrap().is_empty()).expect("a demo pitch with links")
}

fn save_text(a: &mut App, pitch: Id, edit: impl Fn(&mut Vec<pitchbridge_core::doc::DocBlock>)) -> ApiResult<SavePitchDocResult> {
    let ws = a.workspace().unwrap();
    let mut blocks = ws.pitch_doc(pitch).unwrap();
    edit(&mut blocks);
    let workspace = ws.path().display().to_string();
    a.save_pitch_doc(SavePitchDocRequest { pitch_id: pitch, workspace, blocks })
}

fn append_words(blocks: &mut Vec<pitchbridge_core::doc::DocBlock>) {
    let b = blocks.iter_mut().find(|b| !b.text().is_empty()).unwrap();
    b.runs.push(Run::plain(" Ask us for the numbers."));
}

fn status(a: &App, pitch: Id) -> PitchStatus {
    a.workspace().unwrap().pitch_status(pitch).unwrap()
}

fn actions(a: &App) -> Vec<String> {
    a.audit_events().unwrap().into_iter().map(|e| e.action).collect()
}

#[test]
fn writer_submits_reviewer_requests_changes_writer_revises_reviewer_approves_then_a_claim_changes() {
    let Team { dir: _dir, mut writer, mut reviewer, me, pitch, .. } = team();

    // Submitting needs a registered reviewer; the pitch is then read-only for the writer.
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: "Ready for the channel launch.".into(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    assert_eq!(status(&writer, pitch), PitchStatus::InReview);
    let err = save_text(&mut writer, pitch, append_words).unwrap_err();
    assert_eq!(err.code, ErrorCode::ReviewRefused, "{err:?}");
    assert!(err.message.contains("in review"), "{err:?}");
    // Only the reviewer it was sent to can decide.
    let err = writer.decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap_err();
    assert_eq!(err.code, ErrorCode::ReviewRefused);

    // The reviewer comments on an exact range and requests changes.
    let block = writer.workspace().unwrap().pitch_doc(pitch).unwrap().into_iter().find(|b| b.text().len() > 12).unwrap();
    let state = reviewer
        .add_comment(AddCommentRequest {
            pitch_id: pitch,
            comment: NewComment { parent_id: None, target: CommentTarget::Block { key: block.key.clone() }, start: 0, end: 5, body: "Say who this is for.".into(), quote: None },
        })
        .unwrap();
    assert_eq!(state.comments[0].quote, block.text().encode_utf16().take(5).map(|u| char::from_u32(u as u32).unwrap()).collect::<String>());
    let wrong = reviewer.decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::ChangesRequested, reasons: "Too vague.".into(), passphrase: "not my passphrase".into(), confirmed_items: vec![], override_reason: Some(PAST_OPEN_FINDINGS.into()) });
    assert_eq!(wrong.unwrap_err().code, ErrorCode::ReviewRefused);
    assert_eq!(status(&reviewer, pitch), PitchStatus::InReview, "a wrong passphrase applies nothing");
    reviewer.decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::ChangesRequested, reasons: "Name the reader in the opening.".into(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    assert_eq!(status(&writer, pitch), PitchStatus::ChangesRequested);

    // The writer revises, resolves the thread and submits again; the reviewer approves.
    save_text(&mut writer, pitch, append_words).unwrap();
    let thread = writer.review_state(pitch).unwrap().comments[0].id;
    writer.resolve_comment(ResolveCommentRequest { pitch_id: pitch, comment_id: thread, resolved: true }).unwrap();
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    // Version history: a word-level redline between the two versions sent for review.
    let redline = writer.compare_versions(CompareVersionsRequest { pitch_id: pitch, from: 1, to: 2 }).unwrap();
    let added: String = redline.iter().filter(|s| s.op == pitchbridge_core::redline::DiffOp::Added).map(|s| s.text.as_str()).collect();
    assert!(added.contains("Ask us for the numbers."), "{redline:?}");
    assert!(writer.compare_versions(CompareVersionsRequest { pitch_id: pitch, from: 2, to: 0 }).unwrap().iter().all(|s| s.op == pitchbridge_core::redline::DiffOp::Same));
    let state = reviewer.decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    assert_eq!(state.status, PitchStatus::Approved);
    let decision = &state.decisions[0];
    assert!(decision.meaning.starts_with("Approved as accurate to the Factory message"), "{}", decision.meaning);
    assert_eq!(decision.signer, "Priya <priya@ledgerline.example>");

    // Formatting alone keeps the approval.
    save_text(&mut writer, pitch, |blocks| {
        let b = blocks.iter_mut().find(|b| !b.text().is_empty()).unwrap();
        for r in &mut b.runs {
            r.bold = true;
        }
    })
    .unwrap();
    assert_eq!(status(&writer, pitch), PitchStatus::Approved);

    // A linked claim changes: the pitch needs re-approval, and says what changed.
    let ws = writer.workspace().unwrap();
    let (claim_id, _) = ws.linked_claim_fingerprints(pitch).unwrap()[0].clone();
    let launch = writer.list_launches().unwrap()[0].launch.id;
    let message = writer
        .get_launch(launch)
        .unwrap()
        .messages
        .iter()
        .map(|m| writer.get_message(m.id).unwrap())
        .find(|m| m.claims.iter().any(|c| c.id == claim_id))
        .unwrap();
    let claim_text = message.claims.iter().find(|c| c.id == claim_id).unwrap().text.clone();
    let new_text = message.message.source_text.replace(&claim_text, &format!("{} Now for every region.", claim_text.trim_end_matches('.')));
    writer.add_message_version(AddMessageVersionRequest { message_id: message.message.id, text: new_text }).unwrap();
    let state = writer.review_state(pitch).unwrap();
    assert_eq!(state.status, PitchStatus::NeedsReapproval);
    let drift = state.drift.unwrap();
    assert!(!drift.text_changed);
    assert_eq!(drift.claims[0].claim_id, claim_id);
    assert_eq!(drift.claims[0].change, "changed");

    // Every step is in the audit trail, and the chain holds.
    let trail = actions(&writer);
    for a in ["reviewer.registered", "review.submitted", "comment.added", "decision.changes-requested", "comment.resolved", "decision.approved", "review.needs-reapproval"] {
        assert!(trail.iter().any(|x| x == a), "{a} missing from {trail:?}");
    }
    let v = writer.verify_audit().unwrap();
    assert!(v.first_break.is_none(), "{v:?}");
}

/// Writer and reviewer on two machines: a workspace each, files in between.
struct RoundTrip {
    _dir: tempfile::TempDir,
    writer: App,
    reviewer: App,
    pitch: Id,
    package: PathBuf,
    decision: PathBuf,
}

fn round_trip(outcome: PitchOutcome) -> RoundTrip {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = person(dir.path(), "Wren", "writer", &dir.path().join("writer.pitchbridge"));
    let mut reviewer = person(dir.path(), "Priya", "reviewer", &dir.path().join("reviewer-home.pitchbridge"));
    let card = dir.path().join("priya.pbreviewer");
    reviewer.export_reviewer_card(&card).unwrap();
    let me = writer.import_reviewer_card(&card).unwrap();
    let pitch = linked_pitch(&writer);
    // The workspace's own check settings and dictionary travel with the package.
    writer
        .set_check_setting(SetCheckSettingRequest { scope: String::new(), rule: pitchbridge_checks::Rule::Passive, setting: Some(pitchbridge_checks::RuleSetting { enabled: false, severity: None }) })
        .unwrap();
    writer.add_dictionary_word("Ledgerlinear".into()).unwrap();
    // The writer ticks a manual checklist item; the reviewer will confirm it.
    let item = writer.get_pitch_editor(pitch).unwrap().collateral_type.checklist[0].id.clone();
    writer.set_manual_item(ManualItemRequest { pitch_id: pitch, item_id: item.clone(), ticked: true }).unwrap();
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: "For the partner summit.".into(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    let package = dir.path().join("review.pbreview");
    writer.export_review_package(pitch, &package).unwrap();

    // The reviewer opens the package as a review copy: same ids, same fingerprints.
    let info = reviewer.open_review_package(&package, &dir.path().join("copy.pitchbridge")).unwrap();
    assert!(info.review_copy);
    let state = reviewer.review_state(pitch).unwrap();
    assert!(state.is_reviewer && state.review_copy);
    assert_eq!(
        reviewer.workspace().unwrap().linked_claim_fingerprints(pitch).unwrap(),
        writer.workspace().unwrap().linked_claim_fingerprints(pitch).unwrap()
    );
    let copy = reviewer.workspace().unwrap();
    assert_eq!(copy.check_settings().unwrap(), writer.workspace().unwrap().check_settings().unwrap());
    assert_eq!(copy.dictionary_words().unwrap(), vec!["Ledgerlinear".to_string()]);
    let block = reviewer.workspace().unwrap().pitch_doc(pitch).unwrap().into_iter().find(|b| b.text().len() > 12).unwrap();
    reviewer
        .add_comment(AddCommentRequest {
            pitch_id: pitch,
            comment: NewComment { parent_id: None, target: CommentTarget::Block { key: block.key.clone() }, start: 0, end: 5, body: "Lead with the benefit.".into(), quote: None },
        })
        .unwrap();
    let reasons = if outcome == PitchOutcome::ChangesRequested { "Lead with the benefit." } else { "" };
    if outcome == PitchOutcome::ApprovedWithEdits {
        // Knowing whom the pitch was sent to is not enough to edit it: the passphrase is.
        assert_eq!(save_text(&mut reviewer, pitch, append_words).unwrap_err().code, ErrorCode::ReviewRefused);
        assert_eq!(reviewer.unlock_for_review(PassphraseRequest { passphrase: "wrong".into() }).unwrap_err().code, ErrorCode::ReviewRefused);
        reviewer.unlock_for_review(PassphraseRequest { passphrase: PASS.into() }).unwrap();
        save_text(&mut reviewer, pitch, append_words).unwrap();
        assert!(reviewer.review_state(pitch).unwrap().reviewer_edited);
    }
    reviewer.decide(DecideRequest { pitch_id: pitch, outcome, reasons: reasons.into(), passphrase: PASS.into(), confirmed_items: vec![item.clone()], override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    let decision = dir.path().join("decision.pbdecision");
    reviewer.export_decision(pitch, &decision).unwrap();
    RoundTrip { _dir: dir, writer, reviewer, pitch, package, decision }
}

#[test]
fn the_round_trip_through_files_applies_a_decision_with_its_edits_and_comments() {
    let mut t = round_trip(PitchOutcome::ApprovedWithEdits);
    let imported = t.writer.import_decision(&t.decision).unwrap();
    assert_eq!(imported.pitch_id, t.pitch);
    assert_eq!(imported.decision.outcome, "approved-with-edits");
    let state = t.writer.review_state(t.pitch).unwrap();
    assert_eq!(state.status, PitchStatus::Approved);
    assert!(state.comments.iter().any(|c| c.body == "Lead with the benefit." && c.author.starts_with("Priya")));
    // The confirmation came back with the decision.
    let items = t.writer.workspace().unwrap().manual_items(t.pitch).unwrap();
    assert!(items.iter().any(|m| m.state == "confirmed" && m.updated_by.starts_with("Priya")), "{items:?}");
    // The edits arrived: the writer's text is now the reviewer's.
    assert_eq!(
        t.writer.workspace().unwrap().pitch_content_fingerprint(t.pitch).unwrap(),
        t.reviewer.workspace().unwrap().pitch_content_fingerprint(t.pitch).unwrap()
    );
    // Importing it again is refused: the pitch is no longer waiting.
    assert_eq!(t.writer.import_decision(&t.decision).unwrap_err().code, ErrorCode::ReviewRefused);
    assert!(t.writer.verify_audit().unwrap().first_break.is_none());
    assert!(t.package.exists());
}

/// Imports `file` and checks it was refused with a reason containing `why`, and that nothing
/// in the workspace changed.
fn refused(t: &mut RoundTrip, file: &Path, why: &str) {
    let before_status = status(&t.writer, t.pitch);
    let before_events = t.writer.audit_events().unwrap().len();
    let before_text = t.writer.workspace().unwrap().pitch_content_fingerprint(t.pitch).unwrap();
    let err = t.writer.import_decision(file).unwrap_err();
    assert!(err.message.contains(why), "wanted \"{why}\" in {err:?}");
    assert_eq!(status(&t.writer, t.pitch), before_status);
    assert_eq!(t.writer.audit_events().unwrap().len(), before_events);
    assert_eq!(t.writer.workspace().unwrap().pitch_content_fingerprint(t.pitch).unwrap(), before_text);
}

fn edited(t: &RoundTrip, name: &str, edit: impl Fn(&mut serde_json::Value)) -> PathBuf {
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&t.decision).unwrap()).unwrap();
    edit(&mut v);
    let path = t.decision.with_file_name(name);
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    path
}

#[test]
fn tampered_foreign_stale_and_unsigned_decisions_are_refused_and_change_nothing() {
    let mut t = round_trip(PitchOutcome::ChangesRequested);

    let flipped = edited(&t, "flipped.json", |v| v["decision"]["outcome"] = "approved".into());
    refused(&mut t, &flipped, "signature does not match");
    let other_pitch = edited(&t, "other.json", |v| v["decision"]["pitchId"] = 1.into());
    refused(&mut t, &other_pitch, "signature does not match");
    let garbage = t.decision.with_file_name("garbage.json");
    std::fs::write(&garbage, b"\x00\x01 not a decision").unwrap();
    refused(&mut t, &garbage, "not a Pitchbridge decision file");

    // Signed by a key this workspace never registered.
    let dir = tempfile::tempdir().unwrap();
    let mut stranger = person(dir.path(), "Sam", "reviewer", &dir.path().join("sam.pitchbridge"));
    let copy = dir.path().join("sam-copy.pitchbridge");
    stranger.open_review_package(&t.package, &copy).unwrap();
    assert_eq!(
        stranger.decide(DecideRequest { pitch_id: t.pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap_err().code,
        ErrorCode::ReviewRefused,
        "the copy knows whom the pitch was sent to"
    );

    // The writer withdraws and resubmits: a decision on the older version no longer applies.
    t.writer.withdraw_review(PitchRef { pitch_id: t.pitch }).unwrap();
    save_text(&mut t.writer, t.pitch, append_words).unwrap();
    let reviewer_id = t.writer.list_reviewers().unwrap()[0].id;
    t.writer.submit_for_review(SubmitRequest { pitch_id: t.pitch, reviewer_id, note: String::new(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    let stale = t.decision.clone();
    refused(&mut t, &stale, "version");

    // A decision made for another workspace.
    let dir2 = tempfile::tempdir().unwrap();
    let mut elsewhere = person(dir2.path(), "Wren", "writer", &dir2.path().join("other.pitchbridge"));
    let before = elsewhere.audit_events().unwrap().len();
    let err = elsewhere.import_decision(&t.decision).unwrap_err();
    assert!(err.message.contains("another workspace"), "{err:?}");
    assert_eq!(elsewhere.audit_events().unwrap().len(), before);
}

#[test]
fn withdrawing_gives_the_pitch_back_and_comments_thread_resolve_and_reopen() {
    let Team { dir: _dir, mut writer, mut reviewer, me, pitch, .. } = team();
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();

    // Checklist ticks are frozen while in review, and only ticked items can be confirmed.
    let item = writer.get_pitch_editor(pitch).unwrap().collateral_type.checklist[0].id.clone();
    assert_eq!(writer.set_manual_item(ManualItemRequest { pitch_id: pitch, item_id: item.clone(), ticked: true }).unwrap_err().code, ErrorCode::ReviewRefused);
    let unticked = reviewer.decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![item.clone()], override_reason: Some(PAST_OPEN_FINDINGS.into()) });
    assert_eq!(unticked.unwrap_err().code, ErrorCode::ReviewRefused);
    assert_eq!(status(&writer, pitch), PitchStatus::InReview);

    // A comment on a claim's words, a reply, resolve, reopen.
    let (claim, _) = writer.workspace().unwrap().linked_claim_fingerprints(pitch).unwrap()[0].clone();
    let state = reviewer
        .add_comment(AddCommentRequest { pitch_id: pitch, comment: NewComment { parent_id: None, target: CommentTarget::Claim { id: claim }, start: 0, end: 4, body: "Is this still true?".into(), quote: None } })
        .unwrap();
    let thread = state.comments[0].id;
    writer.add_comment(AddCommentRequest { pitch_id: pitch, comment: NewComment { parent_id: Some(thread), target: CommentTarget::Claim { id: claim }, start: 0, end: 0, body: "Yes, checked with product.".into(), quote: None } }).unwrap();
    writer.resolve_comment(ResolveCommentRequest { pitch_id: pitch, comment_id: thread, resolved: true }).unwrap();
    let state = reviewer.resolve_comment(ResolveCommentRequest { pitch_id: pitch, comment_id: thread, resolved: false }).unwrap();
    assert_eq!(state.comments.len(), 2);
    assert!(state.comments[0].resolved_at.is_none());
    assert_eq!(state.comments[1].parent_id, Some(thread));
    // A comment needs words to sit on.
    let empty = reviewer.add_comment(AddCommentRequest { pitch_id: pitch, comment: NewComment { parent_id: None, target: CommentTarget::Claim { id: claim }, start: 3, end: 3, body: "?".into(), quote: None } });
    assert_eq!(empty.unwrap_err().code, ErrorCode::InvalidInput);

    assert_eq!(writer.delete_pitch(pitch).unwrap_err().code, ErrorCode::ReviewRefused, "a pitch in review is withdrawn before it is deleted");
    writer.withdraw_review(PitchRef { pitch_id: pitch }).unwrap();
    assert_eq!(status(&writer, pitch), PitchStatus::Draft);
    save_text(&mut writer, pitch, append_words).unwrap();
    assert!(actions(&writer).contains(&"review.withdrawn".to_string()));
}

#[test]
fn an_approved_pitch_exports_with_its_stamp_and_loses_it_when_the_approval_lapses() {
    let Team { dir: _dir, mut writer, mut reviewer, me, pitch, .. } = team();
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    reviewer.decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();

    let doc = writer.pitch_document(pitch).unwrap();
    let stamp = doc.approval.expect("an approved pitch carries the stamp");
    assert_eq!((stamp.by.as_str(), stamp.at.as_str(), stamp.version.as_str()), ("Priya", "2027-01-15", "1"));

    save_text(&mut writer, pitch, append_words).unwrap();
    assert_eq!(status(&writer, pitch), PitchStatus::NeedsReapproval);
    assert!(writer.pitch_document(pitch).unwrap().approval.is_none(), "a lapsed approval exports as a draft");
    let drift = writer.review_state(pitch).unwrap().drift.unwrap();
    assert!(drift.text_changed && drift.redline.iter().any(|s| s.text.contains("numbers")), "{drift:?}");
}

#[test]
fn a_damaged_or_foreign_package_is_refused_and_leaves_no_copy_behind() {
    let dir = tempfile::tempdir().unwrap();
    let mut reviewer = person(dir.path(), "Priya", "reviewer", &dir.path().join("home.pitchbridge"));
    let copy = dir.path().join("copy.pitchbridge");
    for (name, bytes) in [
        ("garbage.pbreview", &b"\x00\x01\x02 not json"[..]),
        ("other.pbreview", br#"{"format":"something-else/1"}"#),
        ("damaged.pbreview", br#"{"format":"pitchbridge-review-package/1","workspaceId":"x"}"#),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = reviewer.open_review_package(&path, &copy).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidInput, "{name}: {err:?}");
        assert!(!copy.exists(), "{name} left a copy behind");
    }
    // The workspace that was open stays open.
    assert!(reviewer.workspace().unwrap().path().ends_with("home.pitchbridge"));
    let missing = reviewer.open_review_package(&dir.path().join("nowhere.pbreview"), &copy).unwrap_err();
    assert_eq!(missing.code, ErrorCode::FileNotFound);
    // An existing file is never overwritten or removed.
    std::fs::write(&copy, b"someone's notes").unwrap();
    let good = {
        let mut writer = person(dir.path(), "Wren", "writer", &dir.path().join("writer.pitchbridge"));
        let card = dir.path().join("priya.pbreviewer");
        reviewer.export_reviewer_card(&card).unwrap();
        let me = writer.import_reviewer_card(&card).unwrap();
        let pitch = linked_pitch(&writer);
        writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
        let package = dir.path().join("good.pbreview");
        writer.export_review_package(pitch, &package).unwrap();
        package
    };
    assert_eq!(reviewer.open_review_package(&good, &copy).unwrap_err().code, ErrorCode::InvalidInput);
    assert_eq!(std::fs::read(&copy).unwrap(), b"someone's notes");
}

#[test]
fn deleting_a_linked_message_or_removing_a_linked_claim_lapses_the_approval_and_still_travels() {
    let Team { dir, mut writer, mut reviewer, me, pitch, .. } = team();
    let approve = |writer: &mut App, reviewer: &mut App| {
        writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
        reviewer.decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
        assert_eq!(status(writer, pitch), PitchStatus::Approved);
    };
    approve(&mut writer, &mut reviewer);

    // A new message version drops a linked claim: it lapses, and the claim reads "removed".
    let (claim_id, _) = writer.workspace().unwrap().linked_claim_fingerprints(pitch).unwrap()[0].clone();
    let launch = writer.list_launches().unwrap()[0].launch.id;
    let message = writer.get_launch(launch).unwrap().messages.iter().map(|m| writer.get_message(m.id).unwrap()).find(|m| m.claims.iter().any(|c| c.id == claim_id)).unwrap();
    let claim_text = message.claims.iter().find(|c| c.id == claim_id).unwrap().text.clone();
    writer.add_message_version(AddMessageVersionRequest { message_id: message.message.id, text: message.message.source_text.replace(&claim_text, "") }).unwrap();
    let state = writer.review_state(pitch).unwrap();
    assert_eq!(state.status, PitchStatus::NeedsReapproval);
    assert!(state.drift.unwrap().claims.iter().any(|c| c.claim_id == claim_id && c.change == "removed"));

    // A pitch still linking a removed claim travels in a package and opens as a review copy.
    let card = dir.path().join("priya.pbreviewer");
    reviewer.export_reviewer_card(&card).unwrap();
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    let package = dir.path().join("p.pbreview");
    writer.export_review_package(pitch, &package).unwrap();
    let mut elsewhere = person(dir.path(), "Priya", "reviewer", &dir.path().join("elsewhere.pitchbridge"));
    elsewhere.open_review_package(&package, &dir.path().join("copy.pitchbridge")).unwrap();
    assert_eq!(
        elsewhere.workspace().unwrap().linked_claim_fingerprints(pitch).unwrap(),
        writer.workspace().unwrap().linked_claim_fingerprints(pitch).unwrap()
    );
    reviewer.decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();

    // Deleting the Factory message the pitch links takes the links: the approval lapses too.
    writer.delete_message(message.message.id).unwrap();
    assert_eq!(status(&writer, pitch), PitchStatus::NeedsReapproval);
    assert!(writer.verify_audit().unwrap().first_break.is_none());
}

#[test]
fn a_decision_that_names_edits_it_does_not_carry_is_refused() {
    let mut t = round_trip(PitchOutcome::Approved);
    // Re-signed by the reviewer's own key, so only the content checks can catch it.
    let stored = pitchbridge_review::profile::load(&t._dir.path().join("profile-Priya")).unwrap().unwrap().key.unwrap();
    let key = pitchbridge_review::unlock(&stored, PASS).unwrap();
    let file: pitchbridge_review::DecisionFile = serde_json::from_slice(&std::fs::read(&t.decision).unwrap()).unwrap();
    for tamper in [
        |b: &mut pitchbridge_review::DecisionBody| {
            b.outcome = "approved-with-edits".into();
            b.pitch_fingerprint = "00".repeat(16);
        },
        |b: &mut pitchbridge_review::DecisionBody| b.base_fingerprint = "00".repeat(16),
        |b: &mut pitchbridge_review::DecisionBody| b.pitch_version += 1,
        |b: &mut pitchbridge_review::DecisionBody| b.claim_fingerprints.pop().map(|_| ()).unwrap_or(()),
    ] {
        let mut body = file.decision.clone();
        tamper(&mut body);
        let signed = pitchbridge_review::DecisionFile { format: file.format.clone(), signature: pitchbridge_review::sign(&key, &body), decision: body };
        let path = t.decision.with_file_name("resigned.json");
        std::fs::write(&path, serde_json::to_vec(&signed).unwrap()).unwrap();
        let before = t.writer.audit_events().unwrap().len();
        let err = t.writer.import_decision(&path).unwrap_err();
        assert_eq!(err.code, ErrorCode::ReviewRefused, "{err:?}");
        assert_eq!(t.writer.audit_events().unwrap().len(), before);
        assert_eq!(status(&t.writer, t.pitch), PitchStatus::InReview);
    }
    // The genuine one still applies.
    t.writer.import_decision(&t.decision).unwrap();
    assert_eq!(status(&t.writer, t.pitch), PitchStatus::Approved);
}

#[test]
fn a_review_trail_that_is_edited_reordered_truncated_or_forged_is_reported_at_its_first_broken_link() {
    let Team { dir, path, mut writer, mut reviewer, me, pitch } = team();
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    reviewer.decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap();
    // The message and the launch's targets (events 1, 2) and the reviewer's registration (3)
    // come from the team's set-up; then the submission (4) and the decision (5).
    let events = writer.verify_audit().unwrap().events;
    assert_eq!(events, 5, "{:?}", writer.audit_events().unwrap().iter().map(|e| e.action.clone()).collect::<Vec<_>>());

    let fresh = || {
        let copy = dir.path().join(format!("tampered-{}.pitchbridge", rand_suffix()));
        // A consistent copy of the live file (its recent writes are still in the WAL).
        rusqlite::Connection::open(&path).unwrap().execute("VACUUM INTO ?1", [copy.display().to_string()]).unwrap();
        let conn = rusqlite::Connection::open(&copy).unwrap();
        // The database refuses rewrites; someone with the file drops the guards first.
        assert!(conn.execute("UPDATE audit_event SET actor = 'Wren' WHERE seq = 5", []).is_err());
        conn.execute_batch("DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;").unwrap();
        (copy, conn)
    };
    let first_break = |copy: &std::path::Path| {
        let mut a = common::app();
        a.open_workspace(OpenWorkspaceRequest { path: copy.display().to_string(), create: false }).unwrap();
        a.verify_audit().unwrap().first_break.map(|b| (b.seq, b.reason))
    };

    // The decision's signer rewritten.
    let (copy, conn) = fresh();
    conn.execute("UPDATE audit_event SET actor = 'Wren <wren@ledgerline.example>' WHERE seq = 5", []).unwrap();
    assert_eq!(first_break(&copy).unwrap().0, 5);
    // Two events swapped.
    let (copy, conn) = fresh();
    conn.execute_batch("UPDATE audit_event SET seq = 100 WHERE seq = 4; UPDATE audit_event SET seq = 4 WHERE seq = 5; UPDATE audit_event SET seq = 5 WHERE seq = 100;").unwrap();
    assert_eq!(first_break(&copy).unwrap().0, 4);
    // The submission removed.
    let (copy, conn) = fresh();
    conn.execute("DELETE FROM audit_event WHERE seq = 4", []).unwrap();
    let (seq, reason) = first_break(&copy).unwrap();
    assert!(seq == 4 && reason.contains("missing"), "{reason}");
    // The last events cut off: every remaining link is sound, but the recorded head is gone.
    let (copy, conn) = fresh();
    conn.execute("DELETE FROM audit_event WHERE seq >= 4", []).unwrap();
    let (seq, reason) = first_break(&copy).unwrap();
    assert!(seq == 4 && reason.contains("removed"), "{seq} {reason}");
    // A forged approval appended with a hash of its own making.
    let (copy, conn) = fresh();
    conn.execute(
        "INSERT INTO audit_event (seq, at, actor, action, subject, payload, prev_hash, hash)
         VALUES (6, '2027-01-16T00:00:00Z', 'Priya', 'decision.approved', 'pitch:2', '{}', 'x', 'y')",
        [],
    )
    .unwrap();
    assert_eq!(first_break(&copy).unwrap().0, 6);
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}

#[test]
fn a_damaged_profile_never_stands_in_the_way_of_opening_or_saving_a_pitch() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = person(dir.path(), "Wren", "writer", &dir.path().join("w.pitchbridge"));
    let pitch = linked_pitch(&writer);
    std::fs::write(dir.path().join("profile-Wren/profile.json"), b"{ damaged").unwrap();
    assert!(writer.review_state(pitch).is_ok());
    save_text(&mut writer, pitch, append_words).unwrap();
    // Where the profile is needed, the damage is named.
    let err = writer.get_profile().unwrap_err();
    assert!(err.message.contains("cannot be read"), "{err:?}");
    let err = writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: 1, note: String::new(), override_reason: Some(PAST_OPEN_FINDINGS.into()) }).unwrap_err();
    assert!(err.message.contains("cannot be read"), "{err:?}");
}

#[test]
fn open_errors_untranslated_claims_and_own_open_comments_are_passed_only_with_a_recorded_reason() {
    let Team { dir: _dir, path, mut writer, mut reviewer, me, pitch } = team();
    // The demo pitch leaves required claims untranslated: error findings.
    let submit = |reason: Option<&str>| SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: "Ready for you.".into(), override_reason: reason.map(Into::into) };
    let err = writer.submit_for_review(submit(None)).unwrap_err();
    assert_eq!(err.code, ErrorCode::NeedsConfirmation);
    assert!(err.message.contains("error findings are open") && err.message.contains("is not translated anywhere"), "{}", err.message);
    assert_eq!(status(&writer, pitch), PitchStatus::Draft, "a refused submission changes nothing");
    let err = writer.submit_for_review(submit(Some("   "))).unwrap_err();
    assert_eq!(err.code, ErrorCode::NeedsConfirmation, "a blank reason is no reason");

    let state = writer.submit_for_review(submit(Some("The pricing claims go in the price sheet."))).unwrap();
    let note = &state.request.unwrap().note;
    assert!(note.starts_with("Ready for you.") && note.contains("Reason to submit anyway: The pricing claims go in the price sheet."), "{note}");

    // The reviewer's own open comment joins the untranslated claims; resolved ones and
    // requests for changes are never held up.
    let block = reviewer.workspace().unwrap().pitch_doc(pitch).unwrap().into_iter().find(|b| !b.text().is_empty()).unwrap();
    let state = reviewer
        .add_comment(AddCommentRequest {
            pitch_id: pitch,
            comment: NewComment { parent_id: None, target: CommentTarget::Block { key: block.key.clone() }, start: 0, end: 5, body: "Who says so?".into(), quote: None },
        })
        .unwrap();
    let comment = state.comments[0].id;
    let approve = |reason: Option<&str>| DecideRequest {
        pitch_id: pitch,
        outcome: PitchOutcome::Approved,
        reasons: String::new(),
        passphrase: PASS.into(),
        confirmed_items: vec![],
        override_reason: reason.map(Into::into),
    };
    let err = reviewer.decide(approve(None)).unwrap_err();
    assert_eq!(err.code, ErrorCode::NeedsConfirmation);
    assert!(err.message.contains("required claims are not translated") && err.message.contains("1 of your comments is unresolved") && err.message.contains("Who says so?"), "{}", err.message);
    assert_eq!(status(&reviewer, pitch), PitchStatus::InReview);
    reviewer.resolve_comment(ResolveCommentRequest { pitch_id: pitch, comment_id: comment, resolved: true }).unwrap();
    let err = reviewer.decide(approve(None)).unwrap_err();
    assert!(!err.message.contains("comments"), "a resolved comment is not open: {}", err.message);

    let state = reviewer.decide(approve(Some("Positioning is the one-pager's job."))).unwrap();
    assert_eq!(state.status, PitchStatus::Approved);
    // The reason is signed into the decision and written to the audit trail.
    let body: String = rusqlite::Connection::open(&path).unwrap().query_row("SELECT body FROM decision WHERE pitch_id = ?1", [pitch], |r| r.get(0)).unwrap();
    let body: serde_json::Value = serde_json::from_str(&body).unwrap();
    let overrides = body["overrides"][0].as_str().unwrap();
    assert!(overrides.contains("required claims are not translated") && overrides.ends_with("Reason to approve anyway: Positioning is the one-pager's job."), "{overrides}");
    let event = reviewer.audit_events().unwrap().into_iter().rfind(|e| e.action == "decision.approved").unwrap();
    assert!(event.payload.contains("Positioning is the one-pager"), "{}", event.payload);
    assert!(reviewer.verify_audit().unwrap().first_break.is_none());
}

/// A decision double-clicked while another workspace is open: the preview says whose it is,
/// and it is applied in the workspace it was made for, found where it was last opened here.
#[test]
fn a_decision_opened_from_the_desktop_finds_its_workspace_and_each_file_is_known_by_content() {
    use pitchbridge_app::opened_files::{opened_kind, OpenedKind};
    let mut t = round_trip(PitchOutcome::Approved);
    let writer_path = t.writer.workspace().unwrap().path().to_path_buf();
    let other = t._dir.path().join("other.pitchbridge");
    t.writer.open_or_create(&other, false).unwrap();
    let preview = t.writer.preview_decision_file(&t.decision).unwrap();
    assert!(!preview.for_this_workspace);
    assert_eq!(preview.workspace_path.as_deref(), Some(writer_path.to_str().unwrap()));
    assert_eq!(preview.outcome, "approved");
    assert!(preview.signer.starts_with("Priya"));
    let (info, done) = t.writer.apply_decision_in_its_workspace(&t.decision).unwrap();
    assert_eq!(info.path, writer_path.display().to_string());
    assert_eq!(done.pitch_id, t.pitch);
    assert_eq!(t.writer.review_state(t.pitch).unwrap().status, PitchStatus::Approved);

    // The reviewer's card, offered to a workspace that has them already.
    let card = t._dir.path().join("priya.pbreviewer");
    let seen = t.writer.preview_reviewer_card(&card).unwrap();
    assert!(seen.name.starts_with("Priya") && seen.already_registered, "{seen:?}");

    // Each kind known without its extension, by what it holds.
    let bare = t._dir.path().join("no-extension");
    for (file, kind) in [(&t.decision, OpenedKind::Decision), (&t.package, OpenedKind::ReviewPackage), (&writer_path, OpenedKind::Workspace), (&card, OpenedKind::ReviewerCard)] {
        assert_eq!(opened_kind(file), Some(kind));
        std::fs::copy(file, &bare).unwrap();
        assert_eq!(opened_kind(&bare), Some(kind), "{}", file.display());
    }
    std::fs::write(&bare, "just text").unwrap();
    assert_eq!(opened_kind(&bare), None);
}
