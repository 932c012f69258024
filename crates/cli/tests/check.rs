//! `pitchbridge check` run as a user runs it: exit codes, both report formats, byte offsets
//! into the file, and every kind of bad input.

use std::process::Command;

fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pitchbridge")).arg("check").args(args).env_remove("DISPLAY").output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn json_findings_point_at_bytes_of_the_file_and_errors_set_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Close *faster*\n\nYour team sends the the invoice. Book a demo at [our site](https://x.example/demo).\n";
    let file = write(dir.path(), "pitch.md", text.as_bytes());
    let (code, out, err) = check(&["--format", "json", &file]);
    assert_eq!(code, 1, "{err}");
    let findings: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = findings.as_array().unwrap();
    let rw = list.iter().find(|f| f["rule"] == "repeated-word").expect("the doubled word");
    let (start, end) = (rw["start"].as_u64().unwrap() as usize, rw["end"].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], " the");
    assert_eq!(rw["severity"], "error");
    assert_eq!(rw["suggestion"], "");
    for f in list {
        for key in ["rule", "severity", "start", "end", "message", "suggestion"] {
            assert!(f.get(key).is_some(), "{key} in {f}");
        }
    }
    assert!(!list.iter().any(|f| f["rule"] == "call-to-action"), "the link is a way to act: {out}");

    let clean = write(dir.path(), "clean.txt", b"You close the month in three days. Book a walkthrough at ledgerline.example/demo.\n");
    let (code, out, _) = check(&[&clean]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn text_reports_lines_and_the_type_and_glossary_apply() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = write(
        dir.path(),
        "g.csv",
        b"term,customer_phrasing,rule,note\ntouchless,hands-off,avoid,\n,no term,avoid,\nfoo,bar,sometimes,\n",
    );
    let file = write(dir.path(), "p.txt", b"First line.\n\nOur touchless matching is ready. Reply to this email.\n");
    let (code, out, err) = check(&["--type", "email", "--glossary", &glossary, &file]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("p.txt:3:5: warning jargon:"), "{out}");
    assert!(out.contains("[fix: “hands-off”]"), "{out}");
    assert!(out.contains("info length: The email could say more: it has 11 words"), "the email's length limits apply: {out}");
    assert!(err.contains("line 3: the term is empty; row skipped"), "{err}");
    assert!(err.contains("line 4: rule “sometimes”"), "{err}");
}

#[test]
fn bad_input_exits_2_with_a_message_and_odd_text_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = check(&[&write(dir.path(), "bad.txt", &[b'o', b'k', 0xff, 0xfe, b'x'])]);
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8 text (invalid byte at offset 2)"), "{err}");
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8 & 0x7f).collect();
    let (code, _, err) = check(&[&write(dir.path(), "garbage.bin", &garbage)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("binary"), "{err}");
    let (code, _, err) = check(&[&dir.path().join("missing.md").display().to_string()]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    let (code, _, err) = check(&["--type", "brochure", &write(dir.path(), "a.md", b"Hi.")]);
    assert_eq!(code, 2);
    assert!(err.contains("no collateral type “brochure”"), "{err}");
    let (code, _, err) = check(&["--glossary", &write(dir.path(), "g.csv", b"name,value\n"), &write(dir.path(), "b.md", b"Hi.")]);
    assert_eq!(code, 2);
    assert!(err.contains("header"), "{err}");

    // Empty text: a finding that says so, not a crash.
    let (code, out, _) = check(&["--format", "json", &write(dir.path(), "empty.md", b"")]);
    assert_eq!(code, 1);
    assert!(out.contains("The pitch is empty"), "{out}");
    // A megabyte of prose.
    let big = "Your team stops re-keying invoices and very quickly closes the month. ".repeat(15_000);
    let (code, out, _) = check(&["--format", "json", &write(dir.path(), "big.txt", big.as_bytes())]);
    assert_eq!(code, 1);
    assert!(out.contains("\"weasel\""));
    // Text from every script, emoji and control characters.
    let odd = "Ünïcödé, 中文字, ελληνικά, русский 🙂 \u{202e}reversed\u{7}. Call 555-010-2299.";
    let (code, _, err) = check(&[&write(dir.path(), "odd.md", odd.as_bytes())]);
    assert!(code == 0 || code == 1, "{err}");
}

fn pitchbridge(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pitchbridge")).args(args).env_remove("DISPLAY").output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn export_writes_the_same_docx_twice_and_nothing_on_failure() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.pitchbridge").display().to_string();
    assert_eq!(pitchbridge(&["init", "--demo", &ws]).0, 0);
    let a = dir.path().join("a.docx").display().to_string();
    let b = dir.path().join("b.docx").display().to_string();
    let (code, out, err) = pitchbridge(&["export", "--workspace", &ws, "--pitch", "1", "--format", "docx", "-o", &a]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Wrote"), "{out}");
    pitchbridge(&["export", "--workspace", &ws, "--pitch", "1", "--format", "docx", "-o", &b]);
    assert!(std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap(), "byte-identical exports");

    let md = write(dir.path(), "p.md", b"# Title\n\n## Call to action\n\nBook a demo at [x](https://x.example).\n");
    let (code, _, err) = pitchbridge(&["export", "--markdown", &md, "--type", "one-pager", "--format", "docx", "-o", &b]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = pitchbridge(&["export", "--markdown", &md, "--type", "brochure", "--format", "docx", "-o", &b]);
    assert_ne!(code, 0);
    assert!(err.contains("no collateral type “brochure”"), "{err}");

    let blocked = dir.path().join("no/such/dir/out.docx").display().to_string();
    let (code, _, err) = pitchbridge(&["export", "--markdown", &md, "--format", "docx", "-o", &blocked]);
    assert_ne!(code, 0);
    assert!(err.contains("cannot be written"), "{err}");
    let (code, _, err) = pitchbridge(&["export", "--workspace", &ws, "--pitch", "999", "--format", "docx", "-o", &b]);
    assert_ne!(code, 0, "{err}");
    let left: Vec<String> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".part")).collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn markdown_pictures_are_embedded_and_bad_ones_left_out_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../tests/fixtures");
    std::fs::copy(fixtures.join("logo.png"), dir.path().join("pic.png")).unwrap();
    let png = std::fs::read(fixtures.join("logo.png")).unwrap();
    std::fs::write(dir.path().join("broken.png"), &png[..png.len() / 3]).unwrap();
    let big = dir.path().join("big.jpg");
    let mut huge = std::fs::read(fixtures.join("logo.jpg")).unwrap();
    huge.resize(50 * 1024 * 1024, 0);
    std::fs::write(&big, huge).unwrap();
    let md = write(dir.path(), "p.md", b"# Pictures\n\n![a](pic.png)\n\n![b](missing.png)\n\n![c](broken.png)\n\n![d](big.jpg)\n\n![e](https://x.example/e.png)\n");
    for format in ["pdf", "docx"] {
        let out = dir.path().join(format!("p.{format}")).display().to_string();
        let (code, _, err) = pitchbridge(&["export", "--markdown", &md, "--format", format, "-o", &out]);
        assert_eq!(code, 0, "{err}");
        for reason in ["missing.png was left out", "broken.png was left out: the picture is damaged", "big.jpg was left out: it is 50.0 MB", "only pictures beside the file"] {
            assert!(err.contains(reason), "{reason} in {err}");
        }
    }
    let list = Command::new("pdfimages").arg("-list").arg(dir.path().join("p.pdf")).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().skip(2).count(), 1);
}

#[test]
fn verify_audit_reports_an_intact_trail_and_the_first_broken_link() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.pitchbridge");
    let ws_s = ws.display().to_string();
    assert_eq!(pitchbridge(&["init", "--demo", &ws_s]).0, 0);
    let (code, out, _) = pitchbridge(&["verify-audit", &ws_s]);
    assert_eq!(code, 0);
    // The demo message's creation, its launch's targets, and the demo's reviews (reviewer
    // registered; submissions, decisions and comments; the message's second version).
    assert!(out.contains("intact: 14 events."), "{out}");
    // A forged event appended by hand, with a made-up hash.
    let conn = rusqlite::Connection::open(&ws).unwrap();
    conn.execute(
        "INSERT INTO audit_event (seq, at, actor, action, subject, payload, prev_hash, hash) VALUES (15, '2027-01-01T00:00:00Z', 'x', 'decision.approved', 'pitch:1', '{}', 'bad', 'bad')",
        [],
    )
    .unwrap();
    let (code, out, _) = pitchbridge(&["verify-audit", &ws_s]);
    assert_eq!(code, 1);
    assert!(out.contains("broken at event 15"), "{out}");
}
