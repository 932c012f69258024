//! `pitchbridge kit` through the real binary, its GIFT read back by a GIFT parser (pygiftparser,
//! installed by scripts/test.sh): exit codes, and every question made of approved wording.

use std::path::Path;
use std::process::Command;

fn pitchbridge(config: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pitchbridge")).args(args).env("XDG_CONFIG_HOME", config).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A new demo workspace (taken through review) in a folder of its own, with a profile folder.
fn demo() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let ws = dir.path().join("team.pitchbridge").display().to_string();
    assert_eq!(pitchbridge(&config, &["init", "--demo", &ws]).0, 0);
    (dir, config, ws)
}

/// The Python with the test-only readers in it.
fn oracle_python() -> String {
    let python = std::env::var("PITCHBRIDGE_ORACLE_PYTHON").unwrap_or_else(|_| "/var/cache/pitchbridge/tools/oracles/bin/python".into());
    assert!(Path::new(&python).exists(), "{python} is missing: run scripts/test.sh, which installs the GIFT reader");
    python
}

const READ_GIFT: &str = r#"
import json, sys
from pygiftparser import parser
out = []
for q in parser.parseFile(open(sys.argv[1], encoding="utf-8")):
    answers = getattr(q.answers, "answers", None) or []
    out.append({"title": q.title, "valid": q.valid, "type": type(q.answers).__name__,
                "answers": [[a.answer, a.fraction] for a in answers], "feedback": q.generalFeedback})
print(json.dumps(out))
"#;

const READ_APKG: &str = r#"
import json, os, sys, tempfile
from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageRequest
col = Collection(os.path.join(tempfile.mkdtemp(), "reader.anki2"))
col.import_anki_package(ImportAnkiPackageRequest(package_path=sys.argv[1]))
notes = []
for nid in col.find_notes(""):
    n = col.get_note(nid)
    cards = [col.get_card(c) for c in n.card_ids()]
    notes.append({"type": n.note_type()["name"], "fields": dict(n.items()), "tags": n.tags,
                  "questions": [c.question() for c in cards], "deck": col.decks.name(cards[0].did)})
print(json.dumps(notes))
col.close()
"#;

#[test]
fn a_deck_of_flashcards_and_proof_point_gaps_opens_in_ankis_own_library() {
    let (dir, config, ws) = demo();
    let db = rusqlite::Connection::open(&ws).unwrap();
    let it_director: i64 = db.query_row("SELECT id FROM audience WHERE persona = 'IT director'", [], |r| r.get(0)).unwrap();
    let card: String = db
        .query_row("SELECT group_concat(b.text, ' ') FROM pitch_block b JOIN pitch p ON p.id = b.pitch_id WHERE p.collateral_type = 'battle-card'", [], |r| r.get(0))
        .unwrap();
    let deck = dir.path().join("var.apkg").display().to_string();
    let (code, out, err) = pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "1", "--audience", &it_director.to_string(), "--format", "apkg", "-o", &deck]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Wrote"), "{out}");

    let read = Command::new(oracle_python()).args(["-c", READ_APKG, &deck]).output().unwrap();
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    let notes: Vec<serde_json::Value> = serde_json::from_slice(&read.stdout).unwrap();
    let of = |t: &str| notes.iter().filter(|n| n["type"] == t).collect::<Vec<_>>();
    let (cards, clozes) = (of("Pitchbridge card"), of("Pitchbridge cloze"));
    assert!(cards.len() >= 5 && clozes.len() >= 3, "{} cards, {} clozes", cards.len(), clozes.len());
    assert_eq!(cards.len() + clozes.len(), notes.len());
    for n in &notes {
        assert_eq!(n["deck"], "Ledgerline 4.0 launch — VAR × IT director");
        let tags: Vec<&str> = n["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
        assert_eq!(tags, vec!["audience::VAR_×_IT_director", "launch::Ledgerline_4.0_launch", "pitchbridge"]);
    }
    // A card's back is approved wording (Anki keeps the fields as HTML).
    for c in cards.iter().filter(|c| c["fields"]["Source"] != "Glossary") {
        let back = c["fields"]["Back"].as_str().unwrap().replace("&amp;", "&");
        assert!(card.contains(&back), "“{back}” is not in the approved card");
    }
    assert!(cards.iter().any(|c| c["fields"]["Source"] == "Glossary"), "the glossary's customer words are drilled too");
    // A gap is asked as Anki asks a cloze: hidden on the front.
    let harbor = clozes.iter().find(|c| c["fields"]["Text"].as_str().unwrap().contains("{{c1::22%}}")).expect("the Harbor & Vale proof point");
    let question = harbor["questions"][0].as_str().unwrap();
    assert!(question.contains("[...]") && !question.contains("22%"), "{question}");
}

#[test]
fn a_kit_of_approved_wording_is_written_as_gift_and_nothing_approved_exits_1() {
    let (dir, config, ws) = demo();
    let db = rusqlite::Connection::open(&ws).unwrap();
    let audience = |persona: &str| -> String { db.query_row("SELECT id FROM audience WHERE persona = ?1", [persona], |r| r.get::<_, i64>(0)).unwrap().to_string() };
    // The approved battle card's text: every right answer must be found in it.
    let card: String = db
        .query_row("SELECT group_concat(b.text, ' ') FROM pitch_block b JOIN pitch p ON p.id = b.pitch_id WHERE p.collateral_type = 'battle-card'", [], |r| r.get(0))
        .unwrap();

    let gift = dir.path().join("var.gift").display().to_string();
    let (code, out, err) = pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "1", "--audience", &audience("IT director"), "--format", "gift", "-o", &gift]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("from 1 approved pitch.") && out.contains("Left out:") && out.contains("changes-requested"), "{out}");

    let read = Command::new(oracle_python()).args(["-c", READ_GIFT, &gift]).output().unwrap();
    assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
    let questions: Vec<serde_json::Value> = serde_json::from_slice(&read.stdout).unwrap();
    let of_type = |t: &str| questions.iter().filter(|q| q["type"] == t).collect::<Vec<_>>();
    assert!(questions.iter().all(|q| q["valid"] == true), "{questions:#?}");
    let (choice, short, essay) = (of_type("SelectSet"), of_type("ShortSet"), of_type("Essay"));
    assert!(choice.len() >= 5 && short.len() >= 3 && essay.len() == 2, "{} choice, {} short, {} essay", choice.len(), short.len(), essay.len());
    assert_eq!(choice.len() + short.len() + essay.len(), questions.len());
    for q in &choice {
        let answers = q["answers"].as_array().unwrap();
        let right: Vec<&str> = answers.iter().filter(|a| a[1] == 100).map(|a| a[0].as_str().unwrap()).collect();
        assert_eq!(right.len(), 1, "{q}");
        assert!(answers.len() >= 3, "{q}");
        // Every choice is approved wording (the reader keeps GIFT's escapes in answers).
        for a in answers {
            let text = a[0].as_str().unwrap().replace("\\:", ":");
            assert!(card.contains(&text), "“{text}” is not in the approved card");
        }
    }
    for q in &short {
        let gap = q["answers"][0][0].as_str().unwrap();
        assert!(card.contains(gap), "{gap}");
    }
    for q in &essay {
        assert!(q["feedback"].as_str().unwrap().starts_with("Approved answer: "), "{q}");
    }

    // Nothing approved and unexpired for the MSP team: exit 1 with what is missing.
    let (code, _, err) = pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "1", "--audience", &audience("AP manager"), "--format", "gift", "-o", &gift]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("nothing approved") && err.contains("expired on") && err.contains("in-review"), "{err}");
    // Bad input: exit 2.
    let (code, _, err) = pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "99", "--audience", "1", "--format", "gift", "-o", &gift]);
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("pitchbridge kit:") && err.contains("99"), "{err}");
}

/// Runs the package in WebKit under scorm-again's SCORM 1.2 runtime (tests/scorm), answering
/// every question right or every other one wrong; returns what it reported.
fn run_scorm(package: &str, mode: &str, dir: &Path) -> serde_json::Value {
    run_scorm_resumed(package, mode, dir, "")
}

/// As `run_scorm`, with what the learning system kept from earlier sessions.
fn run_scorm_resumed(package: &str, mode: &str, dir: &Path, suspend_data: &str) -> serde_json::Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let runtime = root.join("ui/node_modules/scorm-again/dist/scorm12.js");
    assert!(runtime.exists(), "{} is missing: npm ci in ui/ installs scorm-again", runtime.display());
    let shots = std::env::var("E2E_SCREENSHOTS").map(std::path::PathBuf::from).unwrap_or_else(|_| dir.to_path_buf());
    let shot = shots.join(format!("scorm-{mode}.png"));
    let out = Command::new("timeout")
        .args(["120", "xvfb-run", "-a", "/usr/bin/python3"])
        .arg(root.join("tests/scorm/run_in_webkit.py"))
        .args([package, &runtime.display().to_string(), mode, &shot.display().to_string(), suspend_data])
        .env("NO_AT_BRIDGE", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_str(stdout.lines().last().unwrap_or_default()).unwrap()
}

#[test]
fn a_scorm_package_reports_score_pass_or_fail_completion_and_time_to_a_scorm_runtime() {
    let (dir, config, ws) = demo();
    let db = rusqlite::Connection::open(&ws).unwrap();
    let it_director: i64 = db.query_row("SELECT id FROM audience WHERE persona = 'IT director'", [], |r| r.get(0)).unwrap();
    // Two attempts, a pass holding 30 days (the card's approval lapses later).
    db.execute("INSERT INTO training_settings (launch_id, audience_id, pass_mark, attempts, validity_days) VALUES (1, ?1, 80, 2, 30)", [it_director]).unwrap();
    let package = dir.path().join("var-scorm.zip").display().to_string();
    let (code, _, err) = pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "1", "--audience", &it_director.to_string(), "--format", "scorm", "-o", &package]);
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::metadata(&package).unwrap().len() <= 1024 * 1024, "a SCORM package is at most 1 MB");
    let names: Vec<String> = {
        let mut z = zip::ZipArchive::new(std::fs::File::open(&package).unwrap()).unwrap();
        (0..z.len()).map(|i| z.by_index(i).unwrap().name().to_string()).collect()
    };
    assert_eq!(names, vec!["imsmanifest.xml", "index.html"]);

    let all_right = run_scorm(&package, "right", dir.path());
    assert_eq!((all_right["raw"].as_str(), all_right["status"].as_str()), (Some("100"), Some("passed")), "{all_right}");
    assert_eq!((all_right["min"].as_str(), all_right["max"].as_str()), (Some("0"), Some("100")));
    let n = all_right["questions"].as_u64().unwrap();
    assert!(n >= 8, "{n} questions");

    let half = run_scorm(&package, "half", dir.path());
    let right = n / 2;
    let expected = ((100 * right) as f64 / n as f64).round() as u64;
    assert_eq!(half["raw"].as_str(), Some(expected.to_string().as_str()), "{half}");
    assert_eq!(half["status"], "failed");
    assert!(half["shown"].as_str().unwrap().contains("not passed"), "{half}");

    // A failed first attempt is counted and suspended, so the count comes back next time.
    let set = |run: &serde_json::Value, element: &str| -> Option<String> {
        run["calls"].as_array().unwrap().iter().rev().find(|c| c["name"] == "LMSSetValue" && c["args"][0] == element).map(|c| c["args"][1].as_str().unwrap().to_string())
    };
    assert_eq!(set(&half, "cmi.suspend_data").as_deref(), Some("attempts:1"));
    assert_eq!(set(&half, "cmi.core.exit").as_deref(), Some("suspend"));
    assert_eq!(set(&all_right, "cmi.core.exit").as_deref(), Some(""), "a pass is not suspended");
    assert!(half["intro"].as_str().unwrap().contains("Attempt 1 of 2") && half["intro"].as_str().unwrap().contains("A pass holds until"), "{}", half["intro"]);
    let second = run_scorm_resumed(&package, "look", dir.path(), "attempts:1");
    assert!(second["intro"].as_str().unwrap().contains("Attempt 2 of 2") && second["submitDisabled"] == false, "{second}");
    let spent = run_scorm_resumed(&package, "look", dir.path(), "attempts:2");
    assert_eq!(spent["submitDisabled"], true, "{spent}");
    assert!(spent["shown"].as_str().unwrap().contains("used all 2 attempts"), "{spent}");

    for run in [&all_right, &half] {
        let calls = run["calls"].as_array().unwrap();
        let names: Vec<&str> = calls.iter().map(|c| c["name"].as_str().unwrap()).collect();
        assert_eq!(names.first(), Some(&"LMSInitialize"));
        assert_eq!(names.last(), Some(&"LMSFinish"));
        assert!(calls.iter().all(|c| c["error"] == "0" && c["result"] != "false"), "every call accepted: {calls:#?}");
        // Incomplete while it is taken; the time spent, in SCORM 1.2's HHHH:MM:SS form.
        assert!(calls.iter().any(|c| c["args"] == serde_json::json!(["cmi.core.lesson_status", "incomplete"])));
        let time = calls.iter().find(|c| c["args"][0] == "cmi.core.session_time").expect("session time reported");
        let t = time["args"][1].as_str().unwrap();
        assert!(t.len() == 10 && t.as_bytes()[4] == b':' && t.as_bytes()[7] == b':', "{t}");
        // Nothing fetched beyond the learning system's own pages.
        for url in run["requested"].as_array().unwrap() {
            assert!(url.as_str().unwrap().starts_with("http://127.0.0.1:"), "{url}");
        }
    }
}

#[test]
fn the_rep_guide_and_its_answer_key_are_pages_a_rep_keeps() {
    let (dir, config, ws) = demo();
    let db = rusqlite::Connection::open(&ws).unwrap();
    let it_director: i64 = db.query_row("SELECT id FROM audience WHERE persona = 'IT director'", [], |r| r.get(0)).unwrap();
    let guide = dir.path().join("guide.pdf");
    let (code, out, err) = pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "1", "--audience", &it_director.to_string(), "--format", "pdf", "-o", &guide.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    let key = dir.path().join("guide-answer-key.pdf");
    assert!(out.contains("guide.pdf") && out.contains("guide-answer-key.pdf"), "{out}");
    let read = |p: &Path| String::from_utf8(Command::new("pdftotext").arg(p).arg("-").output().unwrap().stdout).unwrap();
    let text = read(&guide);
    for said in ["Rep guide: Ledgerline 4.0 launch", "Positioning", "What to say", "Proof points", "Objections", "Calls to action", "Words to use",
                 "“Security will take months.”", "Harbor & Vale Outfitters went from 22% to 81%", "Register the deal in PartnerDesk"] {
        assert!(text.contains(said), "“{said}” missing from the guide:\n{text}");
    }
    assert!(!text.contains("DRAFT"), "the guide is made of approved wording");
    let answers = read(&key);
    assert!(answers.contains("Answer key") && answers.contains("Quiz") && answers.contains("Two-way sync with 14 mid-market ERPs"), "{answers}");
    // The guide does not give the quiz away: no question is in it.
    assert!(!text.contains("Which sentence is how"), "{text}");

    let docx = dir.path().join("guide.docx");
    assert_eq!(pitchbridge(&config, &["kit", "--workspace", &ws, "--launch", "1", "--audience", &it_director.to_string(), "--format", "docx", "-o", &docx.display().to_string()]).0, 0);
    let py = Command::new("/usr/bin/python3")
        .args(["-c", "import docx,sys; d=docx.Document(sys.argv[1]); print('\\n'.join([p.text for p in d.paragraphs] + [c.text for t in d.tables for r in t.rows for c in r.cells]))"])
        .arg(&docx)
        .output()
        .unwrap();
    let words = String::from_utf8_lossy(&py.stdout);
    assert!(py.status.success(), "{}", String::from_utf8_lossy(&py.stderr));
    assert!(words.contains("What to say") && words.contains("You answer") && words.contains("Security will take months"), "{words}");
    assert!(dir.path().join("guide-answer-key.docx").exists());
}

#[test]
fn the_launch_kit_holds_only_approved_current_content_and_its_manifest_says_what_each_file_came_from() {
    use std::io::Read;
    let (dir, config, ws) = demo();
    let db = rusqlite::Connection::open(&ws).unwrap();
    let audience = |persona: &str| -> String { db.query_row("SELECT id FROM audience WHERE persona = ?1", [persona], |r| r.get::<_, i64>(0)).unwrap().to_string() };
    let zip_path = dir.path().join("kit.zip");
    let (code, out, err) = pitchbridge(&config, &["launch-kit", "--workspace", &ws, "--launch", "1", "--audience", &audience("IT director"), "-o", &zip_path.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    // The email is not approved: said before the kit is made.
    assert!(err.contains("Missing:") && err.contains("email"), "{err}");
    assert!(out.contains("manifest.json"), "{out}");

    let mut z = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let mut read = |name: &str| -> Vec<u8> {
        let mut bytes = Vec::new();
        z.by_name(name).unwrap_or_else(|_| panic!("{name} in the kit")).read_to_end(&mut bytes).unwrap();
        bytes
    };
    let manifest: serde_json::Value = serde_json::from_slice(&read("manifest.json")).unwrap();
    assert_eq!(manifest["audience"], "VAR × IT director");
    assert!(manifest["missing"].as_array().unwrap().iter().any(|m| m.as_str().unwrap().contains("email")));
    let ws_store = pitchbridge_store::Workspace::open(Path::new(&ws), false).unwrap();
    let card: i64 = db.query_row("SELECT id FROM pitch WHERE collateral_type = 'battle-card'", [], |r| r.get(0)).unwrap();
    let card_fingerprint = ws_store.pitch_content_fingerprint(card).unwrap();
    let files = manifest["files"].as_array().unwrap();
    let names: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    for expected in ["positioning-brief.pdf", "rep-guide.pdf", "rep-guide-answer-key.pdf", "training/scorm-1.2.zip", "training/quiz.gift", "training/flashcards.apkg"] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    let pitch_pdfs: Vec<&&str> = names.iter().filter(|n| n.starts_with("pitches/")).collect();
    assert_eq!(pitch_pdfs.len(), 1, "only the approved battle card: {names:?}");
    for f in files {
        let name = f["path"].as_str().unwrap();
        let bytes = read(name);
        assert_eq!(f["bytes"].as_u64().unwrap() as usize, bytes.len(), "{name}");
        let digest: String = {
            use sha2::Digest;
            sha2::Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
        };
        assert_eq!(f["sha256"].as_str().unwrap(), digest, "{name}");
        // Every file was made from the approved battle card's current version, and nothing else.
        let from = f["made_from"].as_array().unwrap();
        assert!(!from.is_empty() && from.iter().all(|p| p["id"] == card && p["fingerprint"] == card_fingerprint.as_str()), "{name}: {from:?}");
    }
    let pitch_pdf = dir.path().join("card.pdf");
    std::fs::write(&pitch_pdf, read(pitch_pdfs[0])).unwrap();
    let text = String::from_utf8(Command::new("pdftotext").arg(&pitch_pdf).arg("-").output().unwrap().stdout).unwrap();
    assert!(text.contains("Approved by") && !text.contains("DRAFT"), "{text}");
    let brief = dir.path().join("brief.pdf");
    std::fs::write(&brief, read("positioning-brief.pdf")).unwrap();
    let info = String::from_utf8(Command::new("pdfinfo").arg(&brief).output().unwrap().stdout).unwrap();
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 1")), "one page:\n{info}");

    // The kit holds until a pitch in it changes state; then kit-check names it (exit 1).
    let (code, out, _) = pitchbridge(&config, &["kit-check", "--workspace", &ws, &zip_path.display().to_string()]);
    assert_eq!(code, 0, "{out}");
    db.execute("UPDATE pitch SET status = 'needs-reapproval' WHERE collateral_type = 'battle-card'", []).unwrap();
    let (code, out, _) = pitchbridge(&config, &["kit-check", "--workspace", &ws, &zip_path.display().to_string()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("is stale") && out.contains("needs-reapproval") && out.contains("training/scorm-1.2.zip"), "{out}");
    let (code, _, err) = pitchbridge(&config, &["kit-check", "--workspace", &ws, &ws]);
    assert_eq!(code, 2, "{err}");
    db.execute("UPDATE pitch SET status = 'approved' WHERE collateral_type = 'battle-card'", []).unwrap();

    // Nothing approved and current for the MSP team: exit 1, with what is missing.
    let (code, _, err) = pitchbridge(&config, &["launch-kit", "--workspace", &ws, "--launch", "1", "--audience", &audience("AP manager"), "-o", &zip_path.display().to_string()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("No approved, current call script") && err.contains("expired"), "{err}");
}

/// A kit through `pitchbridge kit-review`, as a writer and a product manager with profiles of
/// their own: submitted, refused to anyone but its reviewer, approved with a signature, and
/// the launch kit's manifest then names the approval.
#[test]
fn a_kit_goes_through_review_on_the_command_line_and_the_launch_kit_names_its_approval() {
    let (dir, writer, ws) = demo();
    let reviewer = dir.path().join("config-priya");
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, "correct horse battery\n").unwrap();
    let pass = pass.display().to_string();
    let ok = |config: &Path, args: &[&str]| {
        let (code, out, err) = pitchbridge(config, args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        out
    };
    ok(&writer, &["profile", "set", "--name", "Wren Alvarez", "--email", "wren@ledgerline.example", "--role", "writer"]);
    ok(&reviewer, &["profile", "set", "--name", "Priya Raman", "--email", "priya@ledgerline.example", "--role", "reviewer"]);
    ok(&reviewer, &["profile", "key", "--passphrase-file", &pass]);
    ok(&reviewer, &["review", "register", "--workspace", &ws]);
    let db = rusqlite::Connection::open(&ws).unwrap();
    let audience: i64 = db.query_row("SELECT id FROM audience WHERE persona = 'IT director'", [], |r| r.get(0)).unwrap();
    let audience = audience.to_string();
    let kit = ["--workspace", ws.as_str(), "--launch", "1", "--audience", audience.as_str()];
    let with = |verb: &str, more: &[&str]| -> Vec<String> { ["kit-review", verb].iter().chain(kit.iter()).chain(more.iter()).map(|s| s.to_string()).collect() };
    let run = |config: &Path, args: Vec<String>| pitchbridge(config, &args.iter().map(String::as_str).collect::<Vec<_>>());

    let (code, out, _) = run(&writer, with("status", &[]));
    assert_eq!(code, 0);
    assert!(out.contains("Training kit for Ledgerline 4.0 launch — VAR × IT director: draft (37 items, 0 reworded)."), "{out}");
    let (code, _, err) = run(&writer, with("submit", &["--reviewer", "nobody@example.com"]));
    assert_eq!(code, 1);
    assert!(err.contains("priya@ledgerline.example"), "names who can review: {err}");
    let (code, out, err) = run(&writer, with("submit", &["--reviewer", "priya@ledgerline.example", "--note", "For the partner summit"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("in review") && out.contains("waiting for Priya Raman"), "{out}");
    // The writer cannot decide; a wrong passphrase signs nothing.
    let (code, _, err) = run(&writer, with("decide", &["--approve", "--passphrase-file", &pass]));
    assert_ne!(code, 0);
    assert!(err.contains("only they can decide"), "{err}");
    let wrong = dir.path().join("wrong.txt");
    std::fs::write(&wrong, "not my passphrase\n").unwrap();
    let (code, _, err) = run(&reviewer, with("decide", &["--approve", "--passphrase-file", &wrong.display().to_string()]));
    assert_ne!(code, 0);
    assert!(err.to_lowercase().contains("passphrase"), "{err}");
    let (code, out, err) = run(&reviewer, with("decide", &["--approve", "--passphrase-file", &pass]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(": approved (37 items") && out.contains("approved by Priya Raman"), "{out}");

    // The launch kit's manifest names the approval and carries its signature.
    let zip_path = dir.path().join("kit.zip").display().to_string();
    let (code, out, err) = pitchbridge(&writer, &["launch-kit", "--workspace", &ws, "--launch", "1", "--audience", &audience, "-o", &zip_path]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains("training kit"), "nothing missing about training: {out}");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let manifest: serde_json::Value = serde_json::from_reader(zip.by_name("manifest.json").unwrap()).unwrap();
    let t = &manifest["training_kit"];
    assert_eq!(t["approved"], true, "{t}");
    let signature: String = db.query_row("SELECT signature FROM training_review WHERE outcome = 'approved'", [], |r| r.get(0)).unwrap();
    assert_eq!(t["signature"], signature.as_str());
    // And the audit trail holds each step, its chain intact.
    let (code, out, err) = pitchbridge(&writer, &["verify-audit", &ws]);
    assert_eq!(code, 0, "{out}{err}");
    let actions: Vec<String> = db.prepare("SELECT action FROM audit_event WHERE action LIKE 'training.%' ORDER BY seq").unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(actions, vec!["training.submitted", "training.approved"]);
}
