//! `pitchbridge status` through the real binary: exit codes a launch team can run nightly, the
//! JSON's shape, evaluation at a later day, and bad input.

use std::path::Path;
use std::process::Command;

fn pitchbridge(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pitchbridge")).args(args).env("XDG_CONFIG_HOME", std::env::temp_dir().join("pb-status-config")).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn demo(dir: &Path) -> String {
    let ws = dir.join("team.pitchbridge").display().to_string();
    assert_eq!(pitchbridge(&["init", "--demo", &ws]).0, 0);
    ws
}

#[test]
fn the_demo_launch_is_not_ready_and_says_what_blocks_it() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let (code, out, _) = pitchbridge(&["status", &ws]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL Approved coverage"), "{out}");
    assert!(out.contains("Distributor × CFO, one-pager: claims 1, 2, 12,"), "{out}");
    assert!(out.contains("not in an approved, current pitch"), "{out}");
    // The demo's later message version changed a claim the approved objection handling quotes.
    assert!(out.contains("FAIL No stale links"), "{out}");
    assert!(out.contains("objection handling for distributor CFOs: 1 link to claims that changed"), "{out}");
    assert!(out.contains("PASS No open errors"), "{out}");

    let (code, out, _) = pitchbridge(&["status", &ws, "--format", "json", "--at", "2027-03-02"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let l = &v["launches"][0];
    for key in ["id", "name", "launch_date", "days_to_launch", "score", "ready", "gates", "matrix", "expiring", "review_queue"] {
        assert!(!l[key].is_null(), "{key} missing from {l}");
    }
    assert_eq!(l["days_to_launch"], 0, "evaluated on launch day");
    assert_eq!(l["ready"], false);
    let cell = &l["matrix"][0];
    for key in ["claim_id", "claim_number", "audience_id", "state"] {
        assert!(!cell[key].is_null(), "{key} missing from {cell}");
    }
    let states: Vec<&str> = l["matrix"].as_array().unwrap().iter().map(|c| c["state"].as_str().unwrap()).collect();
    assert!(states.contains(&"draft") && states.contains(&"none"), "{states:?}");
    assert!(states.iter().all(|s| ["none", "draft", "in-review", "changes-requested", "approved", "needs-reapproval", "needs-reverification"].contains(s)));
}

/// Records, by hand, an approval of each target audience's training kit on what it is made
/// from on `day` (the signed route is tested in tests/kit.rs).
fn approve_kits_by_hand(path: &Path, day: &str) {
    use pitchbridge_core::readiness::{kit_basis, kit_pitches};
    let ws = pitchbridge_store::Workspace::open(path, false).unwrap();
    let launch = ws.list_launches().unwrap()[0].launch.id;
    let facts = ws.readiness_facts(launch).unwrap();
    let mut rows = Vec::new();
    for t in &facts.targets {
        let sources: Vec<(i64, &str)> = kit_pitches(&facts.pitches, t.audience_id, day).iter().filter_map(|p| Some((p.id, p.approved_fingerprint.as_deref()?))).collect();
        rows.push((t.audience_id, kit_basis(&sources, &ws.glossary_digest().unwrap(), &ws.kit_state_digest(launch, t.audience_id).unwrap())));
    }
    drop(ws);
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute("INSERT INTO reviewer (name, public_key, registered_at, registered_by) VALUES ('Priya', ?1, '2027-01-01', 'test')", [&"ab".repeat(32)]).unwrap();
    for (audience, basis) in rows {
        conn.execute(
            "INSERT INTO training_review (launch_id, audience_id, reviewer_id, kit_fingerprint, basis, items, sources, submitted_by, submitted_at, closed_at, outcome)
             VALUES (?1, ?2, (SELECT max(id) FROM reviewer), 'fp', ?3, '[]', '[]', 'test', '2027-01-20', '2027-01-21', 'approved')",
            rusqlite::params![launch, audience, basis],
        )
        .unwrap();
    }
}

#[test]
fn every_gate_passing_exits_0_and_the_approval_expiring_by_a_later_day_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    // Set up by hand: the one-pager approved on 2027-01-10, the only pitch and the only target,
    // and the claims it does not say taken out of the message.
    let conn = rusqlite::Connection::open(&ws).unwrap();
    conn.execute_batch(
        "PRAGMA foreign_keys = ON;
         DELETE FROM pitch WHERE collateral_type <> 'one-pager';
         UPDATE pitch SET status = 'approved' WHERE collateral_type = 'one-pager';
         INSERT INTO pitch_version (pitch_id, number, snapshot, fingerprint, created_at)
           SELECT id, 1, '[]', '', '2027-01-10T09:00:00Z' FROM pitch WHERE collateral_type = 'one-pager';
         INSERT INTO decision (pitch_id, pitch_version_id, verdict, signer, signed_at, meaning, pitch_fingerprint, claim_fingerprints, signature)
           SELECT p.id, (SELECT max(id) FROM pitch_version), 'approve', 'Priya', '2027-01-10T09:00:00Z', 'Approved', '', '{}', x'00'
           FROM pitch p WHERE p.collateral_type = 'one-pager';
         DELETE FROM launch_target WHERE collateral_type <> 'one-pager';
         UPDATE claim SET removed_in = 99 WHERE id NOT IN (
           SELECT l.claim_id FROM block_claim_link l JOIN pitch_block b ON b.id = l.block_id JOIN pitch p ON p.id = b.pitch_id WHERE p.collateral_type = 'one-pager');",
    )
    .unwrap();
    drop(conn);
    // Without an approved training kit for the one audience, one gate still stands.
    let (code, out, _) = pitchbridge(&["status", &ws, "--at", "2027-02-01"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL Training kits approved") && out.contains("no approved training kit yet"), "{out}");
    approve_kits_by_hand(Path::new(&ws), "2027-02-01");
    let (code, out, err) = pitchbridge(&["status", &ws, "--at", "2027-02-01"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains(": ready; score"), "{out}");
    // 90 days after 2027-01-10 the approval has lapsed.
    let (code, out, _) = pitchbridge(&["status", &ws, "--at", "2027-04-10"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("expired 2027-04-10"), "{out}");
}

#[test]
fn bad_input_exits_2_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    for (args, why) in [
        (vec!["status", ws.as_str(), "--at", "2027-02-30"], "not a date"),
        (vec!["status", ws.as_str(), "--launch", "999"], "999"),
        (vec!["status", "/nonexistent/w.pitchbridge"], ""),
    ] {
        let (code, _, err) = pitchbridge(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(err.contains(why) && err.starts_with("pitchbridge status:"), "{err}");
    }
}

#[test]
fn strict_export_refuses_a_draft_and_an_expired_approval_which_otherwise_exports_marked_expired() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let conn = rusqlite::Connection::open(&ws).unwrap();
    let pitch: i64 = conn.query_row("SELECT id FROM pitch WHERE collateral_type = 'one-pager'", [], |r| r.get(0)).unwrap();
    let pdf = dir.path().join("one-pager.pdf").display().to_string();
    let (code, _, err) = pitchbridge(&["export", "--workspace", &ws, "--pitch", &pitch.to_string(), "--format", "pdf", "-o", &pdf, "--strict"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not approved"), "{err}");
    assert!(!Path::new(&pdf).exists(), "nothing written");

    // Approved long ago (2026-01-10), so expired 90 days later, before today.
    conn.execute_batch(&format!(
        "UPDATE pitch SET status = 'approved' WHERE id = {pitch};
         INSERT INTO pitch_version (pitch_id, number, snapshot, fingerprint, created_at) VALUES ({pitch}, 1, '[]', '', '2026-01-10T09:00:00Z');
         INSERT INTO decision (pitch_id, pitch_version_id, verdict, signer, signed_at, meaning, pitch_fingerprint, claim_fingerprints, signature)
           VALUES ({pitch}, (SELECT max(id) FROM pitch_version), 'approve', 'Priya Raman <priya@ledgerline.example>', '2026-01-10T09:00:00Z', 'Approved', '', '{{}}', x'00');"
    ))
    .unwrap();
    drop(conn);
    let (code, _, err) = pitchbridge(&["export", "--workspace", &ws, "--pitch", &pitch.to_string(), "--format", "pdf", "-o", &pdf, "--strict"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("expired on 2026-04-10"), "{err}");
    let (code, _, err) = pitchbridge(&["export", "--workspace", &ws, "--pitch", &pitch.to_string(), "--format", "pdf", "-o", &pdf]);
    assert_eq!(code, 0, "{err}");
    let text = Command::new("pdftotext").args([&pdf, "-"]).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("EXPIRED on 2026-04-10"), "{text}");
    assert!(!text.contains("Approved by"), "no approval stamp on an expired export");
}

#[test]
fn the_report_is_one_page_a_vp_can_read_with_the_trend_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let pdf = dir.path().join("readiness.pdf").display().to_string();
    let (code, out, err) = pitchbridge(&["report", &ws, "--launch", "1", "-o", &pdf]);
    assert_eq!(code, 0, "{out}{err}");
    let info = String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")), "one page:\n{info}");
    assert!(info.contains("Readiness: Ledgerline 4.0 launch"), "the title is the PDF's Title:\n{info}");
    let text = String::from_utf8(Command::new("pdftotext").args(["-layout", &pdf, "-"]).output().unwrap().stdout).unwrap();
    for said in [
        "Readiness: Ledgerline 4.0 launch",
        "Not ready — off track.",
        "Score 27 of 100 against a target of 80",
        "Blocked: Training kits approved (3 things in the way)",
        // The page holds the gates with how much is in their way, and what to act on first.
        "Blocked: Approved coverage (5 things in the way)",
        "Blocked: No stale links",
        "Passing: No open errors",
        "Three times the volume — call script for MSP AP managers — expired",
        "waiting 2 days for",
        // Audience names wrap in the table's first column.
        "Distributor ×",
        "VAR × IT",
        // The trend's key: opening the workspace kept today's reading.
        "Gates passed (%)",
        "Target (80)",
        "Internal report — not for customers",
    ] {
        assert!(text.contains(said), "“{said}” missing from:\n{text}");
    }
    assert!(!text.contains("DRAFT"), "a report is not collateral: no DRAFT mark");
    // The chart is vector lines: the page's content has stroked paths, not an image.
    let qdf = dir.path().join("qdf.pdf");
    assert!(Command::new("qpdf").args(["--qdf", "--object-streams=disable", &pdf]).arg(&qdf).status().unwrap().success());
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    assert!(raw.lines().any(|l| l.trim_end().ends_with(" l")) && raw.lines().any(|l| l.trim() == "S"), "stroked lines in the content");
    assert!(!raw.contains("/Subtype /Image"), "no picture of a chart");

    // As DOCX, the trend is a table of its readings.
    let docx = dir.path().join("readiness.docx").display().to_string();
    assert_eq!(pitchbridge(&["report", &ws, "--launch", "1", "-o", &docx]).0, 0);
    let py = Command::new("/usr/bin/python3")
        .args(["-c", "import docx,sys; d=docx.Document(sys.argv[1]); print('\\n'.join(c.text for t in d.tables for r in t.rows for c in r.cells))", &docx])
        .output()
        .unwrap();
    let cells = String::from_utf8_lossy(&py.stdout);
    assert!(py.status.success(), "{}", String::from_utf8_lossy(&py.stderr));
    assert!(cells.contains("Gates passed (%)") && cells.contains("Target (80)") && cells.contains("\n27\n"), "{cells}");

    let (code, _, err) = pitchbridge(&["report", &ws, "--launch", "99", "-o", &pdf]);
    assert_ne!(code, 0);
    assert!(err.contains("99") || err.to_lowercase().contains("launch"), "{err}");
}
