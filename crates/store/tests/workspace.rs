//! Store tests on real SQLite files in temporary directories.

use std::fs;
use std::os::unix::fs::PermissionsExt;

use pitchbridge_core::collateral::parse_collateral_type;
use pitchbridge_core::*;
use pitchbridge_store::{NewBlock, SearchHitKind, StoreError, Workspace, SCHEMA_VERSION};

const NOW: &str = "2027-01-15T10:00:00Z";

fn launch_input(name: &str) -> LaunchInput {
    LaunchInput { name: name.into(), product: "Ledgerline".into(), version: "4.0".into(), ..Default::default() }
}

fn audience_input() -> AudienceInput {
    AudienceInput {
        channel: "VAR".into(),
        persona: "IT director".into(),
        summary: "Runs IT for mid-market firms.".into(),
        research: Research {
            pains: vec!["chasing approvals".into()],
            goals: vec!["a quiet month-end".into()],
            objections: vec!["another login".into()],
            customer_words: vec!["month-end crunch".into(), "  ".into()],
        },
    }
}

fn with_type(ws: &mut Workspace) {
    let ct = parse_collateral_type(include_str!("../../../assets/collateral-types/email.toml")).unwrap();
    ws.upsert_collateral_type(&ct).unwrap();
}

#[test]
fn a_new_workspace_is_created_migrated_and_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    {
        let mut ws = Workspace::open(&path, true).unwrap();
        assert_eq!(ws.schema_version().unwrap(), SCHEMA_VERSION);
        let l = ws.create_launch(&launch_input("Spring"), NOW).unwrap();
        ws.create_message(l.id, "Message", "# T\nFirst claim here. Second claim here.\n- Third", None, NOW)
            .unwrap();
    }
    let ws = Workspace::open(&path, false).unwrap();
    let launches = ws.list_launches().unwrap();
    assert_eq!(launches.len(), 1);
    assert_eq!(launches[0].launch.name, "Spring");
    assert_eq!(launches[0].message_count, 1);
    let detail = ws.launch_detail(launches[0].launch.id).unwrap();
    let msg = ws.message_detail(detail.messages[0].id).unwrap();
    let texts: Vec<_> = msg.claims.iter().map(|c| (c.number, c.text.as_str())).collect();
    assert_eq!(texts, vec![(1, "First claim here."), (2, "Second claim here."), (3, "Third")]);
    assert_eq!(ws.integrity_check().unwrap(), "ok");
}

#[test]
fn pragmas_are_set_on_every_connection() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    drop(Workspace::open(&path, true).unwrap());
    // Reopen and look through a second connection at what the file says.
    let _ws = Workspace::open(&path, false).unwrap();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    assert_eq!(app, pitchbridge_store::APPLICATION_ID);
}

#[test]
fn a_text_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.pitchbridge");
    fs::write(&path, "just some notes, not a database\n").unwrap();
    let err = Workspace::open(&path, true).unwrap_err();
    assert!(matches!(err, StoreError::NotAWorkspace { .. }), "{err:?}");
    assert!(err.to_string().contains("not a Pitchbridge workspace"));
    assert_eq!(fs::read_to_string(&path).unwrap(), "just some notes, not a database\n");
    assert!(!dir.path().join("notes.pitchbridge-wal").exists());
}

#[test]
fn another_programs_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Workspace::open(&path, false).unwrap_err();
    assert!(matches!(err, StoreError::NotAWorkspace { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_workspace_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    drop(Workspace::open(&path, true).unwrap());
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 5).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Workspace::open(&path, false).unwrap_err();
    assert!(matches!(err, StoreError::NewerVersion { found, .. } if found == SCHEMA_VERSION + 5), "{err:?}");
    assert!(err.to_string().contains("newer version"));
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_damaged_workspace_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    {
        let mut ws = Workspace::open(&path, true).unwrap();
        for i in 0..200 {
            ws.create_launch(&launch_input(&format!("Launch {i} with a longer name to fill pages")), NOW).unwrap();
        }
    }
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    // Overwrite everything after the first page with garbage.
    let mut bytes = fs::read(&path).unwrap();
    assert!(bytes.len() > 8192);
    for b in bytes.iter_mut().skip(4096) {
        *b = 0xA5;
    }
    fs::write(&path, &bytes).unwrap();
    let err = Workspace::open(&path, false).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. } | StoreError::NotAWorkspace { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "the damaged file must not be changed");
}

#[test]
fn a_read_only_file_opens_read_only_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    {
        let mut ws = Workspace::open(&path, true).unwrap();
        ws.create_launch(&launch_input("Kept"), NOW).unwrap();
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let mut ws = Workspace::open(&path, false).unwrap();
    assert!(ws.is_read_only());
    assert_eq!(ws.list_launches().unwrap().len(), 1);
    let err = ws.create_launch(&launch_input("New"), NOW).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly));
}

#[test]
fn create_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    drop(Workspace::create(&path).unwrap());
    assert!(matches!(Workspace::create(&path).unwrap_err(), StoreError::Invalid(_)));
}

#[test]
fn launches_are_renamed_and_deleted_with_everything_in_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.pitchbridge"), true).unwrap();
    with_type(&mut ws);
    let l = ws.create_launch(&launch_input("Old name"), NOW).unwrap();
    let renamed = ws.update_launch(l.id, &launch_input("New name"), "2027-01-16T00:00:00Z").unwrap();
    assert_eq!(renamed.name, "New name");
    assert_eq!(renamed.updated_at, "2027-01-16T00:00:00Z");
    let m = ws.create_message(l.id, "M", "Alpha claim. Beta claim.", None, NOW).unwrap();
    let a = ws.create_audience(&audience_input(), NOW).unwrap();
    let p = ws
        .create_pitch_with_blocks(
            l.id,
            a.id,
            "email",
            "Hello",
            &[NewBlock { section: "subject".into(), kind: BlockKind::Paragraph, text: "Alpha news".into(), claim_ids: vec![m.claims[0].id] }],
            NOW,
        )
        .unwrap();
    assert_eq!(p.blocks[0].claim_ids, vec![m.claims[0].id]);
    assert!(matches!(ws.delete_audience(a.id).unwrap_err(), StoreError::Invalid(_)));
    ws.delete_launch(l.id).unwrap();
    assert!(ws.list_launches().unwrap().is_empty());
    assert!(matches!(ws.message_detail(m.message.id).unwrap_err(), StoreError::NotFound { .. }));
    assert!(matches!(ws.pitch_detail(p.summary.pitch.id).unwrap_err(), StoreError::NotFound { .. }));
    assert!(ws.search("alpha", 10).unwrap().is_empty(), "search index follows deletes");
    ws.delete_audience(a.id).unwrap();
}

#[test]
fn a_second_version_keeps_ids_of_unchanged_and_reworded_claims() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.pitchbridge"), true).unwrap();
    let l = ws.create_launch(&launch_input("L"), NOW).unwrap();
    let v1 = ws
        .create_message(
            l.id,
            "M",
            "- Ledgerline reads invoices in any format.\n- Support is by email.\n- Plans start at $4 per user.",
            None,
            NOW,
        )
        .unwrap();
    let ids: Vec<Id> = v1.claims.iter().map(|c| c.id).collect();
    let report = ws
        .add_message_version(
            v1.message.id,
            "- Plans start at $4 per user.\n- Ledgerline reads invoices in almost any format.\n- Onboarding takes a week.",
            "2027-02-01T00:00:00Z",
        )
        .unwrap();
    assert_eq!(report.version, 2);
    assert_eq!(report.unchanged, vec![ids[2]]);
    assert_eq!(report.reworded, vec![ids[0]]);
    assert_eq!(report.removed, vec![ids[1]]);
    assert_eq!(report.added.len(), 1);
    let v2 = ws.message_detail(v1.message.id).unwrap();
    assert_eq!(v2.message.current_version, 2);
    let got: Vec<(i64, Id, i64)> = v2.claims.iter().map(|c| (c.number, c.id, c.since_version)).collect();
    assert_eq!(got, vec![(1, ids[2], 1), (2, ids[0], 2), (3, report.added[0], 2)]);
    assert_eq!(v2.claims[0].kind, ClaimKind::Pricing);
}

#[test]
fn claim_kinds_change_and_invalid_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.pitchbridge"), true).unwrap();
    assert!(matches!(ws.create_launch(&launch_input("  "), NOW).unwrap_err(), StoreError::Invalid(_)));
    let l = ws.create_launch(&launch_input("L"), NOW).unwrap();
    assert!(matches!(ws.create_message(l.id, "M", " \n ", None, NOW).unwrap_err(), StoreError::Invalid(_)));
    let m = ws.create_message(l.id, "M", "A claim.", None, NOW).unwrap();
    let c = ws.set_claim_kind(m.claims[0].id, ClaimKind::Proof).unwrap();
    assert_eq!(c.kind, ClaimKind::Proof);
    assert!(matches!(ws.set_claim_kind(999, ClaimKind::Proof).unwrap_err(), StoreError::NotFound { .. }));
}

#[test]
fn audiences_keep_their_research_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.pitchbridge"), true).unwrap();
    let a = ws.create_audience(&audience_input(), NOW).unwrap();
    assert_eq!(a.research.customer_words, vec!["month-end crunch"], "blank entries are dropped");
    let mut changed = audience_input();
    changed.research.pains = vec!["b".into(), "a".into()];
    let b = ws.update_audience(a.id, &changed, NOW).unwrap();
    assert_eq!(b.research.pains, vec!["b", "a"]);
    assert_eq!(ws.list_audiences().unwrap().len(), 1);
}

#[test]
fn search_finds_claims_and_pitch_text_and_follows_edits() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.pitchbridge"), true).unwrap();
    with_type(&mut ws);
    let l = ws.create_launch(&launch_input("L"), NOW).unwrap();
    let m = ws.create_message(l.id, "M", "Touchless matching clears invoices. Approvals route by rules.", None, NOW).unwrap();
    let a = ws.create_audience(&audience_input(), NOW).unwrap();
    let p = ws.create_pitch(l.id, a.id, "email", "Hi", NOW).unwrap();
    ws.update_block_text(p.blocks[0].id, "Your invoices clear themselves", NOW).unwrap();
    let hits = ws.search("invoic", 10).unwrap();
    let kinds: Vec<_> = hits.iter().map(|h| (h.kind, h.id)).collect();
    assert_eq!(kinds, vec![(SearchHitKind::Claim, m.claims[0].id), (SearchHitKind::PitchBlock, p.blocks[0].id)]);
    assert!(hits[0].snippet.contains('\u{2}'));
    ws.update_block_text(p.blocks[0].id, "Nothing here", NOW).unwrap();
    assert_eq!(ws.search("invoices", 10).unwrap().len(), 1);
    assert!(ws.search("\"unbalanced OR", 10).is_ok(), "operators typed by a user never break the query");
}

#[test]
fn a_pitchs_open_error_count_is_kept_for_its_checks_and_goes_with_the_pitch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    let pitch = {
        let mut ws = Workspace::open(&path, true).unwrap();
        with_type(&mut ws);
        let l = ws.create_launch(&launch_input("L"), NOW).unwrap();
        let a = ws.create_audience(&audience_input(), NOW).unwrap();
        let p = ws.create_pitch(l.id, a.id, "email", "Hi", NOW).unwrap().summary.pitch;
        assert_eq!(ws.kept_open_errors(p.id, "checks-1").unwrap(), None);
        ws.keep_open_errors(p.id, "checks-1", 3).unwrap();
        assert_eq!(ws.kept_open_errors(p.id, "checks-1").unwrap(), Some(3));
        assert_eq!(ws.kept_open_errors(p.id, "checks-2").unwrap(), None, "other checks count afresh");
        ws.keep_open_errors(p.id, "checks-2", 0).unwrap();
        assert_eq!((ws.kept_open_errors(p.id, "checks-1").unwrap(), ws.kept_open_errors(p.id, "checks-2").unwrap()), (None, Some(0)));
        p.id
    };
    // A workspace opened read-only reads what is kept and keeps nothing new, without failing.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    {
        let ws = Workspace::open(&path, false).unwrap();
        assert!(ws.is_read_only());
        assert_eq!(ws.kept_open_errors(pitch, "checks-2").unwrap(), Some(0));
        ws.keep_open_errors(pitch, "checks-3", 5).unwrap();
        assert_eq!(ws.kept_open_errors(pitch, "checks-3").unwrap(), None);
    }
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let mut ws = Workspace::open(&path, false).unwrap();
    ws.delete_pitch(pitch).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(db.query_row("SELECT count(*) FROM pitch_check_summary", [], |r| r.get::<_, i64>(0)).unwrap(), 0);
}

/// The count is kept only while nothing the checks read for the pitch changes. Every table they
/// read is changed in turn, the way any code might (plain SQL): the pitch's count goes, and a
/// pitch of another launch and audience keeps its count unless the change is workspace-wide.
#[test]
fn every_change_the_checks_read_removes_the_kept_count_of_the_pitches_it_touches() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.pitchbridge");
    let mut ws = Workspace::open(&path, true).unwrap();
    with_type(&mut ws);
    let mut make = |name: &str| {
        let l = ws.create_launch(&launch_input(name), NOW).unwrap();
        let m = ws.create_message(l.id, "M", "Touchless matching clears invoices. Approvals route by rules.", None, NOW).unwrap();
        let a = ws.create_audience(&audience_input(), NOW).unwrap();
        let p = ws.create_pitch(l.id, a.id, "email", "Hi", NOW).unwrap();
        let block = p.blocks.iter().find(|b| b.kind == BlockKind::Paragraph).unwrap().clone();
        ws.link_claims(p.summary.pitch.id, &block.key, &[m.claims[0].id], NOW).unwrap();
        (l.id, m.message.id, m.claims[1].id, a.id, p.summary.pitch.id, block.id)
    };
    let (launch, message, claim, audience, pitch, block) = make("Touched");
    let (.., other, _) = make("Elsewhere");
    let db = rusqlite::Connection::open(&path).unwrap();
    let kept = |ws: &Workspace| (ws.kept_open_errors(pitch, "c").unwrap().is_some(), ws.kept_open_errors(other, "c").unwrap().is_some());
    let changes: Vec<(&str, String, bool)> = vec![
        ("pitch", format!("UPDATE pitch SET title = 'Renamed' WHERE id = {pitch}"), false),
        ("block text", format!("UPDATE pitch_block SET text = 'New words' WHERE id = {block}"), false),
        ("block added", format!("INSERT INTO pitch_block (pitch_id, ordinal, section, kind, key) VALUES ({pitch}, 99, 'body', 'paragraph', 'added')"), false),
        ("block removed", format!("DELETE FROM pitch_block WHERE pitch_id = {pitch} AND key = 'added'"), false),
        ("link made", format!("INSERT INTO block_claim_link (block_id, claim_id, claim_fingerprint, created_at) VALUES ({block}, {claim}, 'f', '{NOW}')"), false),
        ("link changed", format!("UPDATE block_claim_link SET claim_fingerprint = 'g' WHERE block_id = {block} AND claim_id = {claim}"), false),
        ("link removed", format!("DELETE FROM block_claim_link WHERE block_id = {block} AND claim_id = {claim}"), false),
        ("dismissal", format!("INSERT INTO finding_dismissal (pitch_id, rule, block_key, quote, reason, dismissed_at) VALUES ({pitch}, 'passive', 'k', 'q', 'r', '{NOW}')"), false),
        ("dismissal restored", format!("DELETE FROM finding_dismissal WHERE pitch_id = {pitch}"), false),
        ("launch product", format!("UPDATE launch SET product = 'Ledgerline Pro' WHERE id = {launch}"), false),
        ("launch positioning", format!("UPDATE launch SET positioning = '{{\"need\":\"x\"}}' WHERE id = {launch}"), false),
        ("message", format!("UPDATE factory_message SET current_version = 2 WHERE id = {message}"), false),
        ("message version", format!("INSERT INTO message_version (message_id, number, source_text, created_at) VALUES ({message}, 2, 'x', '{NOW}')"), false),
        ("claim", format!("UPDATE claim SET text = 'Approvals route by role.' WHERE id = {claim}"), false),
        ("claim revision", format!("UPDATE claim_revision SET text = 'x' WHERE claim_id = {claim}"), false),
        ("audience", format!("UPDATE audience SET persona = 'CFO' WHERE id = {audience}"), false),
        ("research", format!("INSERT INTO audience_research (audience_id, kind, position, text) VALUES ({audience}, 'pain', 9, 'late invoices')"), false),
        ("research removed", format!("DELETE FROM audience_research WHERE audience_id = {audience} AND position = 9"), false),
        ("glossary", "INSERT INTO glossary_term (term, rule) VALUES ('OCR', 'explain')".to_string(), true),
        ("dictionary", format!("INSERT INTO dictionary_word (word, added_at) VALUES ('timesheet', '{NOW}')"), true),
        ("rule setting", "INSERT INTO check_setting (scope, rule, enabled) VALUES ('', 'passive', 0)".to_string(), true),
        ("collateral type", "UPDATE collateral_type SET position = position + 1".to_string(), true),
    ];
    for (what, sql, everywhere) in changes {
        ws.keep_open_errors(pitch, "c", 1).unwrap();
        ws.keep_open_errors(other, "c", 1).unwrap();
        assert_eq!(kept(&ws), (true, true));
        db.execute_batch(&sql).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(kept(&ws), (false, !everywhere), "{what}");
    }
}
