//! The editor's store: the document round-trips, links follow blocks, stale flags follow
//! new versions of the Factory message, coverage, and named versions.

use pitchbridge_core::collateral::parse_collateral_type;
use pitchbridge_core::doc::{DocBlock, Run};
use pitchbridge_core::links::{LinkResolution, LinkState};
use pitchbridge_core::redline::DiffOp;
use pitchbridge_core::*;
use pitchbridge_store::{StoreError, Workspace};

const NOW: &str = "2027-01-15T10:00:00Z";

const MESSAGE: &str = "Ledgerline is the AP platform for mid-market teams.\n\
- Goes live in under 30 days with no custom middleware.\n\
- Finance teams close the month four days faster.\n\
- Harbor & Vale raised touchless processing from 22% to 81%.";

struct Fixture {
    _dir: tempfile::TempDir,
    ws: Workspace,
    pitch: Id,
    message: Id,
    claims: Vec<Claim>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("w.pitchbridge"), true).unwrap();
    let ct = parse_collateral_type(include_str!("../../../assets/collateral-types/email.toml")).unwrap();
    ws.upsert_collateral_type(&ct).unwrap();
    let launch = ws
        .create_launch(&LaunchInput { name: "Spring".into(), product: "Ledgerline".into(), ..Default::default() }, NOW)
        .unwrap();
    let m = ws.create_message(launch.id, "Factory", MESSAGE, None, NOW).unwrap();
    let audience = ws
        .create_audience(&AudienceInput { channel: "VAR".into(), persona: "IT director".into(), ..Default::default() }, NOW)
        .unwrap();
    let p = ws.create_pitch(launch.id, audience.id, "email", "Intro email", NOW).unwrap();
    Fixture { _dir: dir, ws, pitch: p.summary.pitch.id, message: m.message.id, claims: m.claims }
}

fn para(key: &str, section: &str, text: &str) -> DocBlock {
    DocBlock { key: key.into(), section: section.into(), kind: BlockKind::Paragraph, level: 0, runs: vec![Run::plain(text)] }
}

#[test]
fn a_rich_document_round_trips_exactly() {
    let mut f = fixture();
    let doc = vec![
        DocBlock { key: "h1".into(), section: "subject".into(), kind: BlockKind::Heading, level: 3, runs: vec![Run::plain("Subject")] },
        DocBlock {
            key: "p1".into(),
            section: "opening".into(),
            kind: BlockKind::Paragraph,
            level: 0,
            runs: vec![
                Run::plain("Close the books "),
                Run { text: "four days".into(), bold: true, italic: true, ..Run::default() },
                Run { text: " sooner".into(), link: Some("https://example.com/close".into()), ..Run::default() },
                Run::plain(" — 速い، سريع 🚀"),
            ],
        },
        DocBlock { key: "n1".into(), section: "value".into(), kind: BlockKind::Numbered, level: 0, runs: vec![Run::plain("One")] },
        DocBlock { key: "n2".into(), section: "value".into(), kind: BlockKind::Numbered, level: 0, runs: vec![Run::plain("Two")] },
        DocBlock { key: "u1".into(), section: "value".into(), kind: BlockKind::Bullet, level: 0, runs: vec![Run::plain("Dot")] },
    ];
    assert!(f.ws.save_pitch_doc(f.pitch, &doc, NOW).unwrap());
    assert_eq!(f.ws.pitch_doc(f.pitch).unwrap(), doc);
    // Saving the same document again writes nothing.
    assert!(!f.ws.save_pitch_doc(f.pitch, &doc, NOW).unwrap());
    assert_eq!(f.ws.integrity_check().unwrap(), "ok");
}

#[test]
fn the_new_pitch_skeleton_is_one_empty_paragraph_per_section() {
    let f = fixture();
    let doc = f.ws.pitch_doc(f.pitch).unwrap();
    let sections: Vec<&str> = doc.iter().map(|b| b.section.as_str()).collect();
    let ct = f.ws.get_collateral_type("email").unwrap();
    assert_eq!(sections, ct.sections.iter().map(|s| s.id.as_str()).collect::<Vec<_>>());
    assert!(doc.iter().all(|b| b.runs.is_empty()));
}

#[test]
fn bad_documents_are_refused_and_change_nothing() {
    let mut f = fixture();
    let before = f.ws.pitch_doc(f.pitch).unwrap();
    let js = DocBlock {
        runs: vec![Run { text: "click".into(), link: Some("javascript:alert(1)".into()), ..Run::default() }],
        ..para("x", "opening", "")
    };
    assert!(matches!(f.ws.save_pitch_doc(f.pitch, &[js], NOW), Err(StoreError::Invalid(_))));
    assert!(matches!(f.ws.save_pitch_doc(f.pitch, &[para("x", "nowhere", "a")], NOW), Err(StoreError::Invalid(_))));
    assert!(matches!(f.ws.save_pitch_doc(999, &[para("x", "opening", "a")], NOW), Err(StoreError::NotFound { .. })));
    assert_eq!(f.ws.pitch_doc(f.pitch).unwrap(), before);
}

#[test]
fn links_follow_their_block_through_edits_moves_and_deletion() {
    let mut f = fixture();
    let (c1, c2, c3) = (f.claims[1].id, f.claims[2].id, f.claims[3].id);
    f.ws.save_pitch_doc(f.pitch, &[para("a", "opening", "Live in a month."), para("b", "value", "Close sooner.")], NOW).unwrap();
    f.ws.link_claims(f.pitch, "a", &[c1, c2], NOW).unwrap();
    f.ws.link_claims(f.pitch, "b", &[c2], NOW).unwrap();
    // A claim may feed several paragraphs, a paragraph translate several claims.
    let pairs = |ws: &Workspace| -> Vec<(String, Id)> {
        ws.pitch_links(f.pitch).unwrap().links.into_iter().map(|l| (l.block_key, l.claim_id)).collect()
    };
    assert_eq!(pairs(&f.ws), vec![("a".into(), c1), ("a".into(), c2), ("b".into(), c2)]);

    // Edit and reorder: links stay with their blocks.
    f.ws.save_pitch_doc(f.pitch, &[para("b", "opening", "Close the month sooner."), para("a", "value", "Live in 30 days.")], NOW).unwrap();
    assert_eq!(pairs(&f.ws), vec![("b".into(), c2), ("a".into(), c1), ("a".into(), c2)]);

    f.ws.unlink_claim(f.pitch, "a", c1, NOW).unwrap();
    assert_eq!(pairs(&f.ws), vec![("b".into(), c2), ("a".into(), c2)]);

    // Deleting a block drops its links.
    f.ws.save_pitch_doc(f.pitch, &[para("b", "opening", "Close the month sooner.")], NOW).unwrap();
    assert_eq!(pairs(&f.ws), vec![("b".into(), c2)]);

    // Claims of another launch, and blocks that do not exist, cannot be linked.
    assert!(matches!(f.ws.link_claims(f.pitch, "b", &[c3 + 100], NOW), Err(StoreError::Invalid(_))));
    assert!(matches!(f.ws.link_claims(f.pitch, "zz", &[c3], NOW), Err(StoreError::Invalid(_))));
}

#[test]
fn coverage_counts_required_kinds_and_names_the_gaps() {
    let mut f = fixture();
    // email requires positioning and benefit claims.
    let required: Vec<Id> = f
        .claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Positioning | ClaimKind::Benefit))
        .map(|c| c.id)
        .collect();
    assert!(required.len() >= 2, "the fixture needs two required claims: {:?}", f.claims);
    let cov = f.ws.pitch_links(f.pitch).unwrap().coverage;
    assert_eq!((cov.required as usize, cov.linked, cov.gaps.clone()), (required.len(), 0, required.clone()));

    f.ws.save_pitch_doc(f.pitch, &[para("a", "opening", "We help you close.")], NOW).unwrap();
    f.ws.link_claims(f.pitch, "a", &[required[0]], NOW).unwrap();
    let cov = f.ws.pitch_links(f.pitch).unwrap().coverage;
    assert_eq!(cov.linked, 1);
    assert_eq!(cov.gaps, required[1..].to_vec());
}

#[test]
fn a_new_message_version_flags_linked_paragraphs_stale_with_a_word_diff() {
    let mut f = fixture();
    let (live, close, proof) = (f.claims[1].id, f.claims[2].id, f.claims[3].id);
    f.ws.save_pitch_doc(f.pitch, &[para("a", "opening", "Live in a month."), para("b", "value", "Close sooner.")], NOW).unwrap();
    f.ws.link_claims(f.pitch, "a", &[live, close], NOW).unwrap();
    f.ws.link_claims(f.pitch, "b", &[proof], NOW).unwrap();

    let v2 = MESSAGE
        .replace("under 30 days", "under 45 days")
        .replace("\n- Harbor & Vale raised touchless processing from 22% to 81%.", "\n- Suppliers are paid on time.");
    let report = f.ws.add_message_version(f.message, &v2, NOW).unwrap();
    assert_eq!(report.reworded, vec![live]);
    assert_eq!(report.removed, vec![proof]);
    assert_eq!(report.rewordings[0].claim_id, live);
    // Each change says which pitches it reaches.
    assert_eq!(report.rewordings[0].pitches.iter().map(|p| p.pitch_id).collect::<Vec<_>>(), vec![f.pitch]);
    assert_eq!(report.removed_claims[0].pitches[0].title, "Intro email");
    assert_eq!(report.removed_claims[0].text, "Harbor & Vale raised touchless processing from 22% to 81%.");
    assert_eq!(report.stale_pitches.len(), 1);
    assert_eq!((report.stale_pitches[0].pitch_id, report.stale_pitches[0].stale_links), (f.pitch, 2));

    let links = f.ws.pitch_links(f.pitch).unwrap().links;
    let state = |key: &str, claim: Id| links.iter().find(|l| l.block_key == key && l.claim_id == claim).unwrap().clone();
    // The reworded claim keeps its id; its link is stale, with the old text and the diff.
    let changed = state("a", live);
    assert_eq!(changed.state, LinkState::Changed);
    assert_eq!(changed.old_text, "Goes live in under 30 days with no custom middleware.");
    let edits: Vec<(DiffOp, &str)> =
        changed.diff.iter().filter(|d| d.op != DiffOp::Same).map(|d| (d.op, d.text.as_str())).collect();
    assert_eq!(edits, vec![(DiffOp::Removed, "30"), (DiffOp::Added, "45")]);
    assert_eq!(state("a", close).state, LinkState::Current);
    assert_eq!(state("b", proof).state, LinkState::Removed);

    // Resolving: confirm the reworded one; a removed claim can only be unlinked.
    f.ws.confirm_link(f.pitch, "a", live, LinkResolution::StillHolds, false, NOW).unwrap();
    assert!(matches!(f.ws.confirm_link(f.pitch, "b", proof, LinkResolution::Revised, false, NOW), Err(StoreError::Invalid(_))));
    f.ws.unlink_claim(f.pitch, "b", proof, NOW).unwrap();
    let links = f.ws.pitch_links(f.pitch).unwrap().links;
    assert!(links.iter().all(|l| l.state == LinkState::Current));
    assert!(f.ws.pitches_with_stale_links(f.message).unwrap().is_empty());
}

#[test]
fn a_paragraph_that_still_quotes_the_old_number_is_confirmed_only_on_purpose() {
    let mut f = fixture();
    let live = f.claims[1].id;
    f.ws.save_pitch_doc(f.pitch, &[para("a", "opening", "You go live in under 30 days.")], NOW).unwrap();
    f.ws.link_claims(f.pitch, "a", &[live], NOW).unwrap();
    f.ws.add_message_version(f.message, &MESSAGE.replace("under 30 days", "under 45 days"), NOW).unwrap();
    let events = f.ws.audit_events().unwrap().len();

    // "Still holds" while the paragraph says 30 and the claim now says 45: refused, nothing changed.
    let err = f.ws.confirm_link(f.pitch, "a", live, LinkResolution::StillHolds, false, NOW).unwrap_err();
    let StoreError::NeedsConfirmation(why) = err else { panic!("{err:?}") };
    assert!(why.contains("still says 30") && why.contains("under 45 days"), "{why}");
    assert_eq!(f.ws.pitch_links(f.pitch).unwrap().links[0].state, LinkState::Changed);
    assert_eq!(f.ws.audit_events().unwrap().len(), events);

    // Confirmed on purpose: the link is current and the audit trail says who resolved it.
    f.ws.confirm_link(f.pitch, "a", live, LinkResolution::StillHolds, true, NOW).unwrap();
    assert_eq!(f.ws.pitch_links(f.pitch).unwrap().links[0].state, LinkState::Current);
    let last = f.ws.audit_events().unwrap().pop().unwrap();
    assert_eq!(last.action, "link.resolved");
}

#[test]
fn a_preview_of_a_version_changes_nothing() {
    let mut f = fixture();
    let live = f.claims[1].id;
    f.ws.save_pitch_doc(f.pitch, &[para("a", "opening", "Live in a month.")], NOW).unwrap();
    f.ws.link_claims(f.pitch, "a", &[live], NOW).unwrap();
    let v2 = MESSAGE.replace("under 30 days", "under 45 days");
    let preview = f.ws.preview_message_version(f.message, &v2, NOW).unwrap();
    assert_eq!(preview.reworded, vec![live]);
    assert_eq!(preview.stale_pitches.len(), 1);
    let m = f.ws.message_detail(f.message).unwrap();
    assert_eq!(m.message.current_version, 1);
    assert_eq!(m.claims, f.claims);
    assert_eq!(f.ws.pitch_links(f.pitch).unwrap().links[0].state, LinkState::Current);
}

#[test]
fn named_versions_compare_word_by_word_and_restore_with_their_links() {
    let mut f = fixture();
    let live = f.claims[1].id;
    f.ws.save_pitch_doc(f.pitch, &[para("a", "opening", "Live in a month, not a year.")], NOW).unwrap();
    f.ws.link_claims(f.pitch, "a", &[live], NOW).unwrap();
    let v1 = f.ws.save_pitch_version(f.pitch, "First draft", NOW).unwrap();
    assert_eq!((v1.number, v1.name.as_str(), v1.word_count), (1, "First draft", 7));

    f.ws.save_pitch_doc(f.pitch, &[para("b", "opening", "Live in thirty days, not a year.")], NOW).unwrap();
    let diff = f.ws.compare_pitch_version(f.pitch, 1).unwrap();
    let edits: Vec<(DiffOp, &str)> = diff.iter().filter(|d| d.op != DiffOp::Same).map(|d| (d.op, d.text.as_str())).collect();
    assert_eq!(edits, vec![(DiffOp::Removed, "a month,"), (DiffOp::Added, "thirty days,")]);

    let kept = f.ws.restore_pitch_version(f.pitch, 1, NOW).unwrap();
    assert_eq!(kept.name, "Before restoring version 1");
    assert_eq!(f.ws.pitch_doc(f.pitch).unwrap(), vec![para("a", "opening", "Live in a month, not a year.")]);
    let links = f.ws.pitch_links(f.pitch).unwrap().links;
    assert_eq!((links[0].block_key.as_str(), links[0].claim_id), ("a", live));
    let names: Vec<String> = f.ws.list_pitch_versions(f.pitch).unwrap().into_iter().map(|v| v.name).collect();
    assert_eq!(names, vec!["Before restoring version 1".to_string(), "First draft".to_string()]);
    assert!(matches!(f.ws.compare_pitch_version(f.pitch, 9), Err(StoreError::NotFound { .. })));
}

#[test]
fn a_workspace_from_before_pitch_documents_is_migrated_with_its_text_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.pitchbridge");
    {
        // A file as the first schema left it: one pitch block with plain text and a link.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_initial.sql")).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA application_id = {}; PRAGMA user_version = 1;
             INSERT INTO launch (id, name, created_at, updated_at) VALUES (1, 'L', 'x', 'x');
             INSERT INTO factory_message (id, launch_id, title, created_at, updated_at) VALUES (1, 1, 'M', 'x', 'x');
             INSERT INTO message_version (message_id, number, source_text, created_at) VALUES (1, 1, 'A claim.', 'x');
             INSERT INTO claim (id, message_id, number, kind, text, fingerprint, since_version)
                 VALUES (7, 1, 1, 'feature', 'A claim.', 'fp', 1);
             INSERT INTO audience (id, channel, persona, created_at, updated_at) VALUES (1, 'VAR', 'CIO', 'x', 'x');
             INSERT INTO collateral_type (id, name, position, definition) VALUES ('email', 'Email', 1, '{{}}');
             INSERT INTO pitch (id, launch_id, audience_id, collateral_type, title, created_at, updated_at)
                 VALUES (1, 1, 1, 'email', 'P', 'x', 'x');
             INSERT INTO pitch_block (id, pitch_id, ordinal, section, kind, content, text)
                 VALUES (5, 1, 1, 'opening', 'heading', '{{\"type\":\"heading\",\"text\":\"Hello there\"}}', 'Hello there');
             INSERT INTO block_claim_link (block_id, claim_id, claim_fingerprint, created_at) VALUES (5, 7, 'fp', 'x');",
            pitchbridge_store::APPLICATION_ID
        ))
        .unwrap();
    }
    let ws = Workspace::open(&path, false).unwrap();
    assert_eq!(ws.schema_version().unwrap(), pitchbridge_store::SCHEMA_VERSION);
    let doc = ws.pitch_doc(1).unwrap();
    assert_eq!(
        doc,
        vec![DocBlock { key: "b5".into(), section: "opening".into(), kind: BlockKind::Heading, level: 2, runs: vec![Run::plain("Hello there")] }]
    );
    let detail = ws.pitch_detail(1).unwrap();
    assert_eq!(detail.blocks[0].claim_ids, vec![7]);
    assert_eq!(ws.integrity_check().unwrap(), "ok");
}
