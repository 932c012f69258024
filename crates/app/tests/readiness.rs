//! Launch readiness through the app, on real workspace files and a fixed clock: the demo's
//! targets, an approval that expires with its interval or with its message, and what is refused.

mod common;

use std::path::Path;

use pitchbridge_app::error::ErrorCode;
use pitchbridge_app::readiness::*;
use pitchbridge_app::{profile::*, review::*, App};
use pitchbridge_core::readiness::{CellState, LaunchTargets, TargetAudience};
use pitchbridge_core::Id;
use pitchbridge_store::PitchOutcome;

const PASS: &str = "correct horse battery";
const REASON: &str = "Readiness is under test, not the copy.";

fn person(dir: &Path, who: &str, role: &str, workspace: &Path) -> App {
    let mut a = common::app();
    a.set_profile_dir(dir.join(format!("profile-{who}")));
    a.open_or_create(workspace, true).unwrap();
    a.save_profile(SaveProfileRequest { name: who.into(), email: format!("{}@ledgerline.example", who.to_lowercase()), role: role.into() }).unwrap();
    if role == "reviewer" {
        a.create_signing_key(PassphraseRequest { passphrase: PASS.into() }).unwrap();
    }
    a
}

fn launch(a: &App) -> Id {
    a.list_launches().unwrap()[0].launch.id
}

/// The demo one-pager for distributor CFOs, which links claims.
fn one_pager(a: &App) -> (Id, Id) {
    let detail = a.get_launch(launch(a)).unwrap();
    let p = detail.pitches.iter().find(|p| p.pitch.collateral_type == "one-pager").unwrap();
    (p.pitch.id, p.pitch.audience_id)
}

fn at(a: &App, day: &str) -> pitchbridge_core::readiness::LaunchReadiness {
    a.launch_readiness(ReadinessRequest { launch_id: launch(a), at: Some(day.into()) }).unwrap()
}

fn cells_of(r: &pitchbridge_core::readiness::LaunchReadiness, pitch: Id) -> Vec<CellState> {
    r.matrix.iter().filter(|c| c.pitch_ids.first() == Some(&pitch)).map(|c| c.state).collect()
}

#[test]
fn the_demo_launch_opens_with_targets_and_not_yet_ready() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = common::demo(dir.path());
    let targets = a.launch_targets(launch(&a)).unwrap();
    assert_eq!(targets.audiences.len(), 3);
    assert!(!targets.positioning.key_benefit.is_empty());
    let r = a.launch_readiness(ReadinessRequest { launch_id: launch(&a), at: None }).unwrap();
    assert!(r.has_targets && !r.ready, "{:?}", r.gates);
    assert_eq!(r.days_to_launch, Some(46), "the clock says 2027-01-15; the launch is on 2027-03-02");
    let coverage = &r.gates[0];
    assert!(coverage.blocking.iter().any(|b| b.contains("has no battle card yet")), "{:?}", coverage.blocking);
    assert_eq!(r.matrix.len(), r.claims.len() * 3, "every required claim against every target audience");
    let (pitch, _) = one_pager(&a);
    let cells = cells_of(&r, pitch);
    assert!(!cells.is_empty() && cells.iter().all(|s| *s == CellState::Draft), "{cells:?}");
    assert!(r.score < r.target_score);
}

#[test]
fn an_approval_expires_after_its_interval_or_with_its_message_and_the_cells_turn() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    let mut writer = person(dir.path(), "Wren", "writer", &path);
    let mut reviewer = person(dir.path(), "Priya", "reviewer", &path);
    let me = reviewer.register_as_reviewer().unwrap();
    let (pitch, _) = one_pager(&writer);
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(REASON.into()) }).unwrap();
    let queued = at(&writer, "2027-01-20");
    assert_eq!(queued.review_queue.len(), 1);
    assert_eq!((queued.review_queue[0].reviewer.as_str(), queued.review_queue[0].waiting_days), ("Priya", 5));
    assert!(cells_of(&queued, pitch).iter().all(|s| *s == CellState::InReview));
    reviewer
        .decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(REASON.into()) })
        .unwrap();

    let flow = at(&writer, "2027-01-20").review_flow;
    assert_eq!((flow.decided, flow.p50_hours), (1, Some(0.0)), "submitted and decided at the clock's one instant");
    // Approved on 2027-01-15: the default 90 days run to 2027-04-15.
    assert!(cells_of(&at(&writer, "2027-04-14"), pitch).iter().all(|s| *s == CellState::Approved));
    let expired = at(&writer, "2027-04-15");
    assert!(cells_of(&expired, pitch).iter().all(|s| *s == CellState::NeedsReverification));
    assert_eq!(expired.expiring[0].pitch_id, pitch);
    assert_eq!((expired.expiring[0].days_left, expired.expiring[0].verifier.as_deref()), (0, Some("Priya")), "the approver verifies by default");

    // Its own interval, then a message valid only until an earlier day.
    writer.set_pitch_verification(VerificationRequest { pitch_id: pitch, verifier_id: Some(me.id), interval_days: Some(30) }).unwrap();
    assert_eq!(at(&writer, "2027-02-14").expiring[0].expires_on, "2027-02-14");
    let message = writer.get_launch(launch(&writer)).unwrap().messages[0].id;
    writer.set_message_valid_until(ValidUntilRequest { message_id: message, valid_until: "2027-02-01".into() }).unwrap();
    let r = at(&writer, "2027-02-01");
    assert_eq!(r.expiring[0].expires_on, "2027-02-01");
    assert!(cells_of(&r, pitch).iter().all(|s| *s == CellState::NeedsReverification));
    assert!(cells_of(&at(&writer, "2027-01-31"), pitch).iter().all(|s| *s == CellState::Approved));
    let actions: Vec<String> = writer.audit_events().unwrap().into_iter().map(|e| e.action).collect();
    assert!(actions.contains(&"pitch.verification-set".to_string()) && actions.contains(&"message.valid-until-set".to_string()), "{actions:?}");
}

#[test]
fn targets_intervals_dates_and_days_that_cannot_be_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = common::demo(dir.path());
    let id = launch(&a);
    let (pitch, audience) = one_pager(&a);
    let mut targets = a.launch_targets(id).unwrap();
    let refused = |r: Result<LaunchTargets, pitchbridge_app::error::ApiError>, why: &str| {
        let e = r.unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidInput, "{e:?}");
        assert!(e.message.contains(why), "{}", e.message);
    };
    targets.target_score = 120;
    refused(a.set_launch_targets(targets.clone()), "between 0 and 100");
    targets.target_score = 75;
    targets.audiences = vec![TargetAudience { audience_id: audience, types: vec!["press-release".into()] }];
    refused(a.set_launch_targets(targets.clone()), "no collateral type “press-release”");
    targets.audiences = vec![TargetAudience { audience_id: audience, types: vec![] }];
    refused(a.set_launch_targets(targets.clone()), "at least one collateral type");
    assert_eq!(a.launch_targets(id).unwrap().audiences.len(), 3, "nothing refused was written");

    targets.audiences = vec![TargetAudience { audience_id: audience, types: vec!["one-pager".into()] }];
    let saved = a.set_launch_targets(targets).unwrap();
    assert_eq!((saved.target_score, saved.audiences.len()), (75, 1));

    let e = a.set_pitch_verification(VerificationRequest { pitch_id: pitch, verifier_id: None, interval_days: Some(0) }).unwrap_err();
    assert!(e.message.contains("at least 1 day"), "{}", e.message);
    let e = a.set_pitch_verification(VerificationRequest { pitch_id: pitch, verifier_id: Some(999), interval_days: None }).unwrap_err();
    assert!(e.message.contains("not registered"), "{}", e.message);
    let message = a.get_launch(id).unwrap().messages[0].id;
    let e = a.set_message_valid_until(ValidUntilRequest { message_id: message, valid_until: "2026-12-31".into() }).unwrap_err();
    assert!(e.message.contains("in the past"), "{}", e.message);
    let e = a.set_message_valid_until(ValidUntilRequest { message_id: message, valid_until: "2027-02-30".into() }).unwrap_err();
    assert!(e.message.contains("not a date"), "{}", e.message);
    let e = a.launch_readiness(ReadinessRequest { launch_id: id, at: Some("next week".into()) }).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
}

#[test]
fn the_verifier_re_verifies_an_expired_approval_with_a_signed_decision_and_it_holds_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    let mut writer = person(dir.path(), "Wren", "writer", &path);
    let mut reviewer = person(dir.path(), "Priya", "reviewer", &path);
    let me = reviewer.register_as_reviewer().unwrap();
    let (pitch, _) = one_pager(&writer);
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(REASON.into()) }).unwrap();
    reviewer
        .decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(REASON.into()) })
        .unwrap();
    drop(reviewer);

    // Months later, by the same person's profile: the approval has expired.
    let mut later = App::new(Box::new(pitchbridge_core::clock::FixedClock("2027-04-20T09:00:00Z".into())));
    later.set_profile_dir(dir.path().join("profile-Priya"));
    later.open_or_create(&path, false).unwrap();
    let message = later.get_launch(launch(&later)).unwrap().messages[0].id;
    later.set_message_valid_until(ValidUntilRequest { message_id: message, valid_until: "2027-12-31".into() }).unwrap();
    let before = later.reverification(pitch).unwrap();
    assert!(before.expired && before.mine, "{before:?}");
    assert_eq!((before.expires_on.as_deref(), before.verifier.as_deref()), (Some("2027-04-15"), Some("Priya")));
    assert!(before.changes.iter().any(|c| c.contains("valid until 2027-12-31")), "{:?}", before.changes);
    assert!(cells_of(&at(&later, "2027-04-20"), pitch).iter().all(|s| *s == CellState::NeedsReverification));

    // A wrong passphrase changes nothing (nothing is opened); a refused decision is opened and
    // cancelled, leaving the pitch as it was.
    let wrong = later.reverify(ReverifyRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: "not it".into(), override_reason: None }).unwrap_err();
    assert_eq!(wrong.code, ErrorCode::ReviewRefused, "{wrong:?}");
    assert_eq!(later.workspace().unwrap().pitch_status(pitch).unwrap(), pitchbridge_core::PitchStatus::Approved);
    let gated = later.reverify(ReverifyRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), override_reason: None }).unwrap_err();
    assert_eq!(gated.code, ErrorCode::NeedsConfirmation, "the demo pitch leaves required claims untranslated: {gated:?}");
    assert_eq!(later.workspace().unwrap().pitch_status(pitch).unwrap(), pitchbridge_core::PitchStatus::Approved, "a refused decision leaves it approved");

    let state = later.reverify(ReverifyRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), override_reason: Some(REASON.into()) }).unwrap();
    assert_eq!(state.status, pitchbridge_core::PitchStatus::Approved);
    let after = at(&later, "2027-04-20");
    assert!(cells_of(&after, pitch).iter().all(|s| *s == CellState::Approved), "renewed from today");
    assert_eq!(later.pitch_expires_on(pitch).unwrap().as_deref(), Some("2027-07-19"), "90 days from 2027-04-20");
    let actions: Vec<String> = later.audit_events().unwrap().into_iter().map(|e| e.action).collect();
    assert!(actions.iter().filter(|a| *a == "review.reverification-opened").count() == 2 && actions.contains(&"review.reverification-cancelled".to_string()), "{actions:?}");
    assert!(later.verify_audit().unwrap().first_break.is_none());
}

/// Today's reading stands in the trend before it is kept; the app keeps one a day per launch
/// (in the background after opening); an approval renews it; a later day adds a point.
#[test]
fn each_day_keeps_one_reading_and_an_approval_moves_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    let mut writer = person(dir.path(), "Wren", "writer", &path);
    let live = at(&writer, "2027-01-15");
    assert_eq!(live.trend.len(), 1, "today's reading, not yet kept, stands in: {:?}", live.trend);
    assert_eq!((live.trend[0].day.as_str(), live.trend[0].score, live.trend[0].gates_total as usize), ("2027-01-15", live.score, live.gates.len()));
    assert!(at(&writer, "2027-01-20").trend.is_empty(), "a reading stands in only for today");
    let due = writer.readings_due().unwrap();
    assert_eq!(due, vec![launch(&writer)]);
    let first = writer.record_readiness(due[0]).unwrap();
    assert!(writer.readings_due().unwrap().is_empty(), "kept for today");
    assert_eq!(at(&writer, "2027-01-15").trend, vec![first.clone()]);
    drop(writer);

    let mut reviewer = person(dir.path(), "Priya", "reviewer", &path);
    let mut writer = person(dir.path(), "Wren", "writer", &path);
    assert!(writer.readings_due().unwrap().is_empty(), "a second opening the same day has nothing due");
    let me = reviewer.register_as_reviewer().unwrap();
    let (pitch, _) = one_pager(&writer);
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(REASON.into()) }).unwrap();
    reviewer
        .decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(REASON.into()) })
        .unwrap();
    let after = at(&reviewer, "2027-01-15");
    assert_eq!(after.trend.len(), 1);
    assert!(after.trend[0].score > first.score, "the approval renewed today's reading: {:?} then {:?}", first, after.trend[0]);
    assert_eq!(after.trend[0].score, after.score);

    // Another day: due again, and a second point, oldest first.
    let mut later = App::new(Box::new(pitchbridge_core::clock::FixedClock("2027-01-22T09:00:00Z".into())));
    later.set_profile_dir(dir.path().join("profile-Wren"));
    later.open_or_create(&path, false).unwrap();
    for id in later.readings_due().unwrap() {
        later.record_readiness(id).unwrap();
    }
    let days: Vec<String> = at(&later, "2027-01-22").trend.into_iter().map(|p| p.day).collect();
    assert_eq!(days, ["2027-01-15", "2027-01-22"]);
}

/// On start the app names what expires within two weeks that is the person's: the verifier's to
/// re-verify, the writer's to update; nobody else's, and nothing further off.
#[test]
fn what_expires_within_two_weeks_is_named_to_its_verifier_and_its_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    let mut writer = person(dir.path(), "Wren", "writer", &path);
    let mut reviewer = person(dir.path(), "Priya", "reviewer", &path);
    let _other = person(dir.path(), "Omar", "writer", &path);
    let me = reviewer.register_as_reviewer().unwrap();
    let (pitch, _) = one_pager(&writer);
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(REASON.into()) }).unwrap();
    reviewer
        .decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(REASON.into()) })
        .unwrap();
    assert!(reviewer.expiring_for_me().unwrap().is_empty(), "90 days off on the day of approval");
    drop((writer, reviewer));

    // Approved 2027-01-15, expiring 2027-04-15: ten days before, each as themselves.
    let on = |who: &str, when: &str| {
        let mut a = App::new(Box::new(pitchbridge_core::clock::FixedClock(when.into())));
        a.set_profile_dir(dir.path().join(format!("profile-{who}")));
        a.open_or_create(&path, false).unwrap();
        a.expiring_for_me().unwrap()
    };
    let priya = on("Priya", "2027-04-05T09:00:00Z");
    assert_eq!(priya.len(), 1);
    assert_eq!((priya[0].pitch_id, priya[0].days_left, priya[0].to_verify, priya[0].expires_on.as_str()), (pitch, 10, true, "2027-04-15"));
    assert_eq!(priya[0].launch_name, "Ledgerline 4.0 launch");
    let wren = on("Wren", "2027-04-05T09:00:00Z");
    assert_eq!((wren.len(), wren[0].to_verify), (1, false), "the writer's to update: {wren:?}");
    assert!(on("Omar", "2027-04-05T09:00:00Z").is_empty(), "neither verifier nor writer");
    assert!(on("Priya", "2027-03-31T09:00:00Z").is_empty(), "fifteen days off is not yet");
    assert_eq!(on("Priya", "2027-04-20T09:00:00Z")[0].days_left, -5, "expired still names it");
}

/// The weights and intervals are set together, and a refused one leaves all as they were; a
/// type's interval is what its pitches expire by unless a pitch has its own.
#[test]
fn readiness_settings_are_set_together_and_a_type_interval_moves_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    let mut writer = person(dir.path(), "Wren", "writer", &path);
    let mut reviewer = person(dir.path(), "Priya", "reviewer", &path);
    let me = reviewer.register_as_reviewer().unwrap();
    let (pitch, _) = one_pager(&writer);
    writer.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: me.id, note: String::new(), override_reason: Some(REASON.into()) }).unwrap();
    reviewer
        .decide(DecideRequest { pitch_id: pitch, outcome: PitchOutcome::Approved, reasons: String::new(), passphrase: PASS.into(), confirmed_items: vec![], override_reason: Some(REASON.into()) })
        .unwrap();

    let before = writer.readiness_settings().unwrap();
    assert_eq!((before.default_interval_days, before.weights.coverage), (90, 50));
    assert!(before.type_intervals.iter().any(|t| t.type_id == "one-pager" && t.days.is_none()));
    let v = writer.pitch_verification(pitch).unwrap();
    assert_eq!((v.verifier_id, v.interval_days, v.inherited_interval_days, v.inherited_from.as_str()), (None, None, 90, "the workspace"));
    assert_eq!((v.approver.as_deref(), v.expires_on.as_deref()), (Some("Priya"), Some("2027-04-15")));

    // One refused interval: nothing is written, weights included.
    let mut bad = before.clone();
    bad.weights.coverage = 10;
    bad.type_intervals.iter_mut().find(|t| t.type_id == "email").unwrap().days = Some(0);
    let e = writer.set_readiness_settings(bad).unwrap_err();
    assert!(e.message.contains("at least 1 day"), "{}", e.message);
    assert_eq!(writer.readiness_settings().unwrap(), before);

    let mut good = before.clone();
    good.weights = pitchbridge_core::readiness::ScoreWeights { coverage: 40, freshness: 30, checks: 20, training: 10 };
    good.default_interval_days = 120;
    good.type_intervals.iter_mut().find(|t| t.type_id == "one-pager").unwrap().days = Some(30);
    let saved = writer.set_readiness_settings(good).unwrap();
    assert_eq!((saved.default_interval_days, saved.weights.freshness), (120, 30));
    let v = writer.pitch_verification(pitch).unwrap();
    assert_eq!((v.inherited_interval_days, v.inherited_from.as_str(), v.expires_on.as_deref()), (30, "One-pager", Some("2027-02-14")));
    // The pitch's own interval overrides its type's.
    writer.set_pitch_verification(VerificationRequest { pitch_id: pitch, verifier_id: Some(me.id), interval_days: Some(10) }).unwrap();
    let v = writer.pitch_verification(pitch).unwrap();
    assert_eq!((v.verifier_id, v.interval_days, v.expires_on.as_deref(), v.approver), (Some(me.id), Some(10), Some("2027-01-25"), None));
    let actions: Vec<String> = writer.audit_events().unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(actions.iter().filter(|a| *a == "readiness.settings-set").count(), 1, "{actions:?}");
}

/// The desktop app's first start: the demo taken through review, so the readiness screen shows
/// every state; the person's own profile and the clock are as they were.
#[test]
fn the_demo_with_its_reviews_has_something_in_every_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    let mut a = person(dir.path(), "Wren", "writer", &path);
    a.add_demo_reviews().unwrap();

    let r = a.launch_readiness(ReadinessRequest { launch_id: launch(&a), at: None }).unwrap();
    let states: std::collections::BTreeSet<&str> = r.matrix.iter().map(|c| c.state.as_str()).collect();
    for s in ["none", "draft", "in-review", "changes-requested", "approved", "needs-reapproval", "needs-reverification"] {
        assert!(states.contains(s), "no cell is {s}: {states:?}");
    }
    assert!(!r.ready && r.has_targets);
    assert_eq!(r.review_queue.len(), 1, "the elevator pitch waits for the product manager");
    assert!(r.expiring.iter().any(|e| e.days_left < 0 && e.verifier.as_deref() == Some("Tomás Reyes")), "{:?}", r.expiring);
    assert!(r.trend.len() >= 4, "each review on its own day gave the trend a history: {:?}", r.trend);
    assert_eq!(a.get_launch(launch(&a)).unwrap().pitches.len(), 6);

    // Whoever uses the app is still themselves, on today's clock; nothing of the demo's
    // product manager is left to sign with.
    assert_eq!(a.get_profile().unwrap().unwrap().name, "Wren");
    assert_eq!(a.today(), "2027-01-15");
    assert!(a.verify_audit().unwrap().first_break.is_none());
    let leftovers: Vec<_> = std::fs::read_dir(std::env::temp_dir()).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().starts_with(&format!("pitchbridge-demo-{}-", std::process::id()))).collect();
    assert!(leftovers.is_empty(), "the demo's scratch profile is removed");
}

/// Readiness keeps each pitch's count of open errors between openings, bound to a fingerprint
/// of what was checked: every change the checks read (the text, a dismissal, a rule's
/// severity, the dictionary) gives a fresh count, the same the editor's checks give.
#[test]
fn kept_open_errors_follow_every_change_the_checks_read() {
    use pitchbridge_app::checks::*;
    use pitchbridge_app::pitch_editor::SavePitchDocRequest;
    use pitchbridge_checks::{Rule, RuleSetting, Severity};
    use pitchbridge_core::doc::Run;

    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = common::demo(dir.path());
    let (pitch, _) = one_pager(&a);
    let title = a.get_pitch_editor(pitch).unwrap().summary.pitch.title;
    // What the readiness gate says of the pitch, and what the editor's checks count.
    let gate_line = |a: &App| at(a, "2027-01-15").gates.iter().find(|g| g.name == "No open errors").unwrap().blocking.iter().find(|b| b.contains(&title)).cloned();
    let editor_count = |a: &App| {
        let report = a.check_pitch(CheckPitchRequest { pitch_id: pitch, blocks: None }).unwrap();
        report.findings.iter().filter(|f| f.severity == Severity::Error && f.dismissal.is_none() && f.rule != Rule::Coverage).count()
    };
    let kept_rows = || {
        let db = rusqlite::Connection::open(&path).unwrap();
        db.query_row("SELECT count(*) FROM pitch_check_summary WHERE pitch_id = ?1", [pitch], |r| r.get::<_, i64>(0)).unwrap()
    };
    assert_eq!(editor_count(&a), 0);
    assert_eq!(gate_line(&a), None);
    assert_eq!(kept_rows(), 1, "the count is kept once readiness has made it");
    assert_eq!(gate_line(&a), None, "and read back the same");

    // A misspelling one slip from a word: an error, in the editor and at the gate.
    let mut blocks = a.get_pitch_editor(pitch).unwrap().blocks;
    let para = blocks.iter().position(|b| b.kind == pitchbridge_core::BlockKind::Paragraph).unwrap();
    blocks[para].runs.push(Run::plain(" We recieve every order."));
    let ws = path.to_string_lossy().to_string();
    a.save_pitch_doc(SavePitchDocRequest { pitch_id: pitch, workspace: ws.clone(), blocks }).unwrap();
    assert_eq!(editor_count(&a), 1);
    assert_eq!(gate_line(&a).as_deref(), Some(format!("“{title}”: 1 open error finding").as_str()));

    // Dismissed with a reason: open no more.
    let f = a.check_pitch(CheckPitchRequest { pitch_id: pitch, blocks: None }).unwrap().findings.into_iter().find(|f| f.rule == Rule::Spelling && f.quote == "recieve").unwrap();
    let dismissal = a
        .dismiss_finding(DismissFindingRequest { pitch_id: pitch, rule: f.rule, block_key: f.block_key.clone().unwrap(), quote: f.quote.clone(), reason: "A quoted customer email.".into() })
        .unwrap();
    assert_eq!((editor_count(&a), gate_line(&a)), (0, None));

    // Restored, then spelling made a warning for the workspace: again not an error.
    a.restore_finding(RestoreFindingRequest { pitch_id: pitch, dismissal_id: dismissal.id }).unwrap();
    assert_eq!(editor_count(&a), 1);
    assert!(gate_line(&a).is_some());
    a.set_check_setting(SetCheckSettingRequest { scope: String::new(), rule: Rule::Spelling, setting: Some(RuleSetting { enabled: true, severity: Some(Severity::Warning) }) }).unwrap();
    assert_eq!((editor_count(&a), gate_line(&a)), (0, None));

    // The setting removed, then the word added to the workspace dictionary.
    a.set_check_setting(SetCheckSettingRequest { scope: String::new(), rule: Rule::Spelling, setting: None }).unwrap();
    assert!(gate_line(&a).is_some());
    a.add_dictionary_word("recieve".into()).unwrap();
    assert_eq!((editor_count(&a), gate_line(&a)), (0, None));
    assert_eq!(kept_rows(), 1, "one row a pitch, replaced as the count changes");
}
