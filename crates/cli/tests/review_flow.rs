//! The whole review flow from the command line alone, as a launch team scripts it: two people
//! (two configuration folders) on one workspace, from profiles to an approved PDF with the
//! stamp. Passphrases come from a file or a file descriptor, never an argument.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

struct Person {
    config: std::path::PathBuf,
}

impl Person {
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_with_stdin(args, None)
    }

    fn run_with_stdin(&self, args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pitchbridge"))
            .args(args)
            .env("XDG_CONFIG_HOME", &self.config)
            .env_remove("DISPLAY")
            .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        if let Some(text) = stdin {
            child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        }
        let out = child.wait_with_output().unwrap();
        (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "pitchbridge {args:?}: {err}{out}");
        out
    }
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext").arg(pdf).arg("-").output().expect("pdftotext (scripts/test.sh installs poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn from_profiles_to_an_approved_pdf_with_the_command_line_alone() {
    let dir = tempfile::tempdir().unwrap();
    let writer = Person { config: dir.path().join("wren") };
    let reviewer = Person { config: dir.path().join("priya") };
    let ws = dir.path().join("team.pitchbridge").display().to_string();
    writer.ok(&["init", "--demo", &ws]);
    let listing = writer.ok(&["list", &ws]);
    let pitch = listing.lines().find_map(|l| l.trim().strip_prefix("pitch ")).and_then(|l| l.split_whitespace().next()).unwrap().to_string();

    // Profiles, each in its own configuration folder (the desktop app's).
    writer.ok(&["profile", "set", "--name", "Wren Okafor", "--email", "wren@ledgerline.example", "--role", "writer"]);
    reviewer.ok(&["profile", "set", "--name", "Priya Raman", "--email", "priya@ledgerline.example", "--role", "reviewer"]);
    assert!(reviewer.config.join("com.pitchbridge.desktop/profile.json").exists(), "the app's profile file");

    // A signing key needs a profile and a passphrase that is not an argument.
    let (code, _, err) = reviewer.run(&["profile", "key", "--passphrase", "hunter2"]);
    assert_eq!(code, 2, "no passphrase argument exists: {err}");
    let pass = dir.path().join("priya-pass.txt");
    std::fs::write(&pass, "correct horse battery staple\n").unwrap();
    let out = reviewer.ok(&["profile", "key", "--passphrase-file", &pass.display().to_string()]);
    assert!(out.contains("public key"), "{out}");
    assert!(reviewer.ok(&["profile", "show"]).contains("Signing key: "));

    // The reviewer registers; the writer submits to them by email.
    reviewer.ok(&["review", "register", "--workspace", &ws]);
    let (code, _, err) = writer.run(&["review", "submit", "--workspace", &ws, "--pitch", &pitch, "--reviewer", "nobody@ledgerline.example"]);
    assert_eq!(code, 1);
    assert!(err.contains("priya@ledgerline.example"), "names who can review: {err}");
    // Open error findings stop a submission until the writer says why it goes anyway.
    let (code, _, err) = writer.run(&["review", "submit", "--workspace", &ws, "--pitch", &pitch, "--reviewer", "Priya@Ledgerline.example"]);
    assert!(code == 1 && err.contains("error findings are open") && err.contains("give a reason to submit anyway"), "{err}");
    let out = writer.ok(&["review", "submit", "--workspace", &ws, "--pitch", &pitch, "--reviewer", "Priya@Ledgerline.example", "--note", "Pricing changed", "--override-reason", "The pricing claims are covered by the price list"]);
    assert!(out.contains("in-review") && out.contains("waiting for Priya Raman"), "{out}");

    // Only the reviewer may decide, and only with the right passphrase.
    let (code, _, err) = writer.run(&["review", "decide", "--workspace", &ws, "--pitch", &pitch, "--approve", "--passphrase-file", &pass.display().to_string()]);
    assert_eq!(code, 1);
    assert!(err.contains("only they can decide"), "{err}");
    let (code, _, err) = reviewer.run_with_stdin(&["review", "decide", "--workspace", &ws, "--pitch", &pitch, "--approve", "--passphrase-fd", "0"], Some("wrong guess\n"));
    assert_eq!(code, 1, "a wrong passphrase is refused");
    assert!(!err.is_empty());
    let (code, _, err) = reviewer.run(&["review", "decide", "--workspace", &ws, "--pitch", &pitch, "--request-changes"]);
    assert_eq!(code, 2, "changes need reasons: {err}");

    // Before a decision the writer's export is a draft.
    let draft = dir.path().join("draft.pdf");
    writer.ok(&["export", "--workspace", &ws, "--pitch", &pitch, "--format", "pdf", "-o", &draft.display().to_string()]);
    assert!(pdf_text(&draft).contains("DRAFT"));

    let (code, out, err) = reviewer.run_with_stdin(
        &["review", "decide", "--workspace", &ws, "--pitch", &pitch, "--approve", "--override-reason", "Positioning claims are for the one-pager", "--passphrase-fd", "0"],
        Some("correct horse battery staple\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(": approved.") && out.contains("approved by Priya Raman <priya@ledgerline.example>"), "{out}");

    // The writer exports the approved pitch: the stamp, no DRAFT mark.
    let pdf = dir.path().join("approved.pdf");
    writer.ok(&["export", "--workspace", &ws, "--pitch", &pitch, "--format", "pdf", "-o", &pdf.display().to_string()]);
    let text = pdf_text(&pdf);
    assert!(text.contains("Approved by Priya Raman on ") && !text.contains("DRAFT"), "{text}");

    // Every step is in the audit trail under the person who took it.
    assert!(writer.ok(&["verify-audit", &ws]).contains("intact"));
    let conn = rusqlite::Connection::open(&ws).unwrap();
    let actors: Vec<(String, String)> = conn
        .prepare("SELECT action, actor FROM audit_event ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // The last of each: the demo's own reviews come before these.
    let actor_of = |action: &str| actors.iter().rev().find(|(a, _)| a == action).map(|(_, who)| who.clone()).unwrap_or_default();
    assert_eq!(actor_of("review.submitted"), "Wren Okafor <wren@ledgerline.example>");
    assert_eq!(actor_of("decision.approved"), "Priya Raman <priya@ledgerline.example>");
    assert_eq!(actor_of("reviewer.registered"), "Priya Raman <priya@ledgerline.example>");
}

#[test]
fn withdrawing_gives_the_pitch_back_to_its_writer() {
    let dir = tempfile::tempdir().unwrap();
    let person = Person { config: dir.path().join("sam") };
    let ws = dir.path().join("w.pitchbridge").display().to_string();
    person.ok(&["init", "--demo", &ws]);
    person.ok(&["profile", "set", "--name", "Sam Ito", "--email", "sam@ledgerline.example", "--role", "reviewer"]);
    let pass = dir.path().join("p");
    std::fs::write(&pass, "a long enough passphrase\n").unwrap();
    person.ok(&["profile", "key", "--passphrase-file", &pass.display().to_string()]);
    person.ok(&["review", "register", "--workspace", &ws]);
    person.ok(&["review", "submit", "--workspace", &ws, "--pitch", "1", "--reviewer", "sam@ledgerline.example", "--override-reason", "Checking the flow"]);
    let out = person.ok(&["review", "withdraw", "--workspace", &ws, "--pitch", "1"]);
    assert!(out.contains(": draft."), "{out}");
    let (code, _, err) = person.run(&["review", "decide", "--workspace", &ws, "--pitch", "1", "--approve", "--passphrase-file", &pass.display().to_string()]);
    assert_eq!(code, 1);
    assert!(err.contains("not waiting for a decision"), "{err}");
    // An empty passphrase file and a closed descriptor are refused with the reason.
    let empty = dir.path().join("empty");
    std::fs::write(&empty, "").unwrap();
    person.ok(&["review", "submit", "--workspace", &ws, "--pitch", "1", "--reviewer", "sam@ledgerline.example", "--override-reason", "Checking the flow"]);
    let (code, _, err) = person.run(&["review", "decide", "--workspace", &ws, "--pitch", "1", "--approve", "--passphrase-file", &empty.display().to_string()]);
    assert_eq!(code, 1);
    assert!(err.contains("no passphrase"), "{err}");
    let (code, _, err) = person.run(&["review", "decide", "--workspace", &ws, "--pitch", "1", "--approve", "--passphrase-fd", "9"]);
    assert_eq!(code, 1);
    assert!(err.contains("not open"), "{err}");
}
