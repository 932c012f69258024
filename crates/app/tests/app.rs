//! The app's operations with no window: the same calls the desktop commands make.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use pitchbridge_app::error::ErrorCode;
use pitchbridge_app::{
    launches::*, messages::*,
    pitch_editor::*, pitches::*, workspace::*,
};
use pitchbridge_core::*;

mod common;
use common::{app, demo};

#[test]
fn the_demo_workspace_has_what_a_writer_needs_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = demo(dir.path());
    let launches = a.list_launches().unwrap();
    assert_eq!(launches.len(), 1);
    let detail = a.get_launch(launches[0].launch.id).unwrap();
    assert_eq!(detail.messages.len(), 1);
    let message = a.get_message(detail.messages[0].id).unwrap();
    assert!(message.claims.len() >= 15);
    for kind in [ClaimKind::Positioning, ClaimKind::Feature, ClaimKind::Benefit, ClaimKind::Proof, ClaimKind::Pricing] {
        assert!(message.claims.iter().any(|c| c.kind == kind), "a {kind:?} claim");
    }
    let audiences = a.list_audiences().unwrap();
    assert_eq!(audiences.len(), 3);
    for au in &audiences {
        let r = &au.research;
        assert!(!r.pains.is_empty() && !r.goals.is_empty() && !r.objections.is_empty() && !r.customer_words.is_empty());
    }
    assert!(a.list_glossary().unwrap().len() >= 10);
    assert_eq!(detail.pitches.len(), 2);
    assert_ne!(detail.pitches[0].pitch.collateral_type, detail.pitches[1].pitch.collateral_type);
    for p in &detail.pitches {
        assert_eq!(p.pitch.status, PitchStatus::Draft);
        let full = a.get_pitch(p.pitch.id).unwrap();
        assert!(full.blocks.iter().any(|b| !b.claim_ids.is_empty()), "demo pitches link claims");
    }
    assert_eq!(a.list_collateral_types().unwrap().len(), 6);
}

#[test]
fn a_writer_creates_a_launch_message_audience_and_pitch() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = app();
    a.open_or_create(&dir.path().join("w.pitchbridge"), false).unwrap();
    assert!(a.list_launches().unwrap().is_empty());
    let l = a
        .create_launch(LaunchInput { name: "Q3 launch".into(), product: "Widget".into(), ..Default::default() })
        .unwrap();
    let l = a
        .update_launch(UpdateLaunchRequest { id: l.id, launch: LaunchInput { name: "Q3 launch (renamed)".into(), ..Default::default() } })
        .unwrap();
    assert_eq!(l.name, "Q3 launch (renamed)");
    let m = a
        .create_message(CreateMessageRequest {
            launch_id: l.id,
            title: "Message".into(),
            text: "Widget is the only widget for teams.\n\n- It syncs in real time.\n- Plans start at $5 per user.".into(),
        })
        .unwrap();
    assert_eq!(m.claims.len(), 3);
    assert_eq!(m.claims[2].kind, ClaimKind::Pricing);
    let c = a.set_claim_kind(SetClaimKindRequest { claim_id: m.claims[1].id, kind: ClaimKind::Benefit }).unwrap();
    assert_eq!(c.kind, ClaimKind::Benefit);
    let au = a
        .create_audience(AudienceInput {
            channel: "Distributor".into(),
            persona: "CFO".into(),
            summary: String::new(),
            research: Research { pains: vec!["cash tied up".into()], ..Default::default() },
        })
        .unwrap();
    let p = a
        .create_pitch(CreatePitchRequest { launch_id: l.id, audience_id: au.id, collateral_type: "one-pager".into(), title: "CFO one-pager".into() })
        .unwrap();
    let sections: Vec<&str> = p.blocks.iter().map(|b| b.section.as_str()).collect();
    assert_eq!(sections, vec!["headline", "problem", "solution", "benefits", "proof", "call-to-action"]);
    assert_eq!(p.summary.audience_name, "Distributor × CFO");
    let err = a
        .create_pitch(CreatePitchRequest { launch_id: l.id, audience_id: au.id, collateral_type: "haiku".into(), title: "x".into() })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    a.delete_launch(l.id).unwrap();
    assert!(a.list_launches().unwrap().is_empty());
}

#[test]
fn a_failed_open_keeps_the_current_workspace_and_reports_why() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = demo(dir.path());
    let junk = dir.path().join("junk.pitchbridge");
    fs::write(&junk, vec![0x42u8; 5000]).unwrap();
    let err = a.open_workspace(OpenWorkspaceRequest { path: junk.display().to_string(), create: false }).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotAWorkspace);
    let status = a.status();
    assert_eq!(status.workspace.unwrap().path, path.display().to_string(), "still on the old workspace");
    assert_eq!(status.error.unwrap().code, ErrorCode::NotAWorkspace);
    assert_eq!(a.list_launches().unwrap().len(), 1, "and it still works");
    assert_eq!(fs::read(&junk).unwrap(), vec![0x42u8; 5000]);
}

#[test]
fn nothing_open_gives_a_clear_error_code() {
    let a = app();
    assert_eq!(a.list_launches().unwrap_err().code, ErrorCode::NoWorkspace);
}

#[test]
fn read_only_workspaces_refuse_changes_with_a_code() {
    let dir = tempfile::tempdir().unwrap();
    let (a, path) = demo(dir.path());
    drop(a);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let mut a = app();
    let info = a.open_workspace(OpenWorkspaceRequest { path: path.display().to_string(), create: false }).unwrap();
    assert!(info.read_only);
    let err = a.create_launch(LaunchInput { name: "x".into(), ..Default::default() }).unwrap_err();
    assert_eq!(err.code, ErrorCode::ReadOnly);
    assert_eq!(a.list_launches().unwrap().len(), 1);
}

#[test]
fn oversized_pastes_and_searches_are_refused_politely() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = demo(dir.path());
    let launch = a.list_launches().unwrap()[0].launch.id;
    let huge = "Words words words. ".repeat(120_000);
    let err = a.create_message(CreateMessageRequest { launch_id: launch, title: "Huge".into(), text: huge }).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("at most"));
    assert_eq!(a.search("x".repeat(600)).unwrap_err().code, ErrorCode::InvalidInput);
}

#[test]
fn creating_over_an_existing_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = demo(dir.path());
    let err = a.open_workspace(OpenWorkspaceRequest { path: path.display().to_string(), create: true }).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
}

#[test]
fn the_startup_snapshot_holds_the_first_screen() {
    let dir = tempfile::tempdir().unwrap();
    let (a, path) = demo(dir.path());
    let snap = a.startup_snapshot().unwrap();
    assert_eq!(snap.status.workspace.unwrap().path, path.display().to_string());
    assert_eq!(snap.launches.len(), 1);
    let first = snap.first_launch.unwrap();
    assert_eq!(first.launch.id, snap.launches[0].launch.id);
    assert_eq!(first.pitches.len(), 2);

    let empty = app().startup_snapshot().unwrap();
    assert!(empty.status.workspace.is_none() && empty.launches.is_empty() && empty.first_launch.is_none());
}

#[test]
fn the_editor_round_trip_autosave_links_versions_and_restore() {
    use pitchbridge_core::doc::{DocBlock, Run};
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = demo(dir.path());
    let ws_path = path.display().to_string();
    let launch = a.list_launches().unwrap()[0].launch.id;
    let pitch_id = a.get_launch(launch).unwrap().pitches[0].pitch.id;

    let view = a.get_pitch_editor(pitch_id).unwrap();
    assert_eq!(view.messages.len(), 1);
    assert!(view.links.coverage.required > 0);
    assert!(!view.glossary.is_empty());
    let mut blocks = view.blocks.clone();
    blocks[0].runs.push(Run { text: " now".into(), italic: true, ..Run::default() });
    blocks.push(DocBlock {
        key: "knew1".into(),
        section: view.collateral_type.sections[0].id.clone(),
        kind: BlockKind::Numbered,
        level: 0,
        runs: vec![Run::plain("A new numbered point")],
    });
    assert!(a.save_pitch_doc(SavePitchDocRequest { pitch_id, workspace: ws_path.clone(), blocks: blocks.clone() }).unwrap().changed);
    assert!(!a.save_pitch_doc(SavePitchDocRequest { pitch_id, workspace: ws_path.clone(), blocks: blocks.clone() }).unwrap().changed);

    let claim = view.messages[0].claims[0].id;
    let err = a.link_claims(LinkClaimsRequest { pitch_id, block_key: "knew1".into(), claim_ids: vec![] }).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let links = a.link_claims(LinkClaimsRequest { pitch_id, block_key: "knew1".into(), claim_ids: vec![claim] }).unwrap();
    assert!(links.links.iter().any(|l| l.block_key == "knew1" && l.claim_id == claim));

    let versions = a.save_pitch_version(SavePitchVersionRequest { pitch_id, name: "Before trim".into() }).unwrap();
    assert_eq!(versions[0].name, "Before trim");
    let first = a.save_pitch_doc(SavePitchDocRequest { pitch_id, workspace: ws_path.clone(), blocks: blocks[..1].to_vec() }).unwrap();
    let links = first.links.expect("paragraphs were deleted, so the links come back");
    assert!(!links.links.iter().any(|l| l.block_key == "knew1"));
    // Deleting paragraphs deleted their links: the save says so.
    let trimmed = a.save_pitch_doc(SavePitchDocRequest { pitch_id, workspace: ws_path.clone(), blocks: blocks[..1].to_vec() }).unwrap();
    assert!(!trimmed.changed, "already trimmed");
    // A save meant for another workspace is refused.
    let err = a.save_pitch_doc(SavePitchDocRequest { pitch_id, workspace: "/elsewhere.pitchbridge".into(), blocks: vec![] }).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(a.get_pitch_editor(pitch_id).unwrap().blocks.len(), 1, "nothing was written");
    let diff = a.compare_pitch_version(PitchVersionRequest { pitch_id, number: 1 }).unwrap();
    assert!(diff.iter().any(|d| d.op == pitchbridge_core::redline::DiffOp::Removed && d.text.contains("A new numbered point")));
    let restored = a.restore_pitch_version(PitchVersionRequest { pitch_id, number: 1 }).unwrap();
    assert_eq!(restored.blocks, blocks.iter().cloned().map(|mut b| {
        b.runs = pitchbridge_core::doc::normalize_runs(&b.runs);
        b
    }).collect::<Vec<_>>());
    assert!(restored.links.links.iter().any(|l| l.block_key == "knew1"));
    assert_eq!(restored.versions.len(), 2);

    // A bad document is refused with a code, and nothing is written.
    let mut bad = blocks.clone();
    bad[0].runs = vec![Run { text: "x".into(), link: Some("javascript:alert(1)".into()), ..Run::default() }];
    let err = a.save_pitch_doc(SavePitchDocRequest { pitch_id, workspace: ws_path.clone(), blocks: bad }).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("javascript:alert(1)"), "{}", err.message);
    drop(a);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn the_audit_trail_subjects_are_named_by_what_the_workspace_calls_them() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = common::demo(dir.path());
    let names: std::collections::HashMap<String, String> = a.audit_subjects().unwrap().into_iter().map(|s| (s.subject, s.name)).collect();
    let launches = a.list_launches().unwrap();
    let launch = a.get_launch(launches[0].launch.id).unwrap();
    assert!(!launch.pitches.is_empty() && !launch.messages.is_empty());
    for p in &launch.pitches {
        assert_eq!(names.get(&format!("pitch:{}", p.pitch.id)), Some(&p.pitch.title));
    }
    for m in &launch.messages {
        assert_eq!(names.get(&format!("message:{}", m.id)), Some(&m.title));
    }
}
