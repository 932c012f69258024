//! The command line, run as a user would run it: a real binary on real files.

use std::process::Command;

fn pitchbridge(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_pitchbridge")).args(args).env_remove("DISPLAY").output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn init_demo_then_list_and_search() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.pitchbridge");
    let ws = ws.to_str().unwrap();
    let (ok, out, err) = pitchbridge(&["init", "--demo", ws]);
    assert!(ok, "{err}");
    assert!(out.contains("with the demo launch"));

    let (ok, out, err) = pitchbridge(&["list", ws]);
    assert!(ok, "{err}");
    assert!(out.contains("Launches (1)"), "{out}");
    assert!(out.contains("launch 1  Ledgerline 4.0 launch"), "{out}");
    // Version 2: the demo's later message version, which leaves an approval needing review.
    assert!(out.contains("message 1  Ledgerline 4.0 Factory message  (version 2, 24 claims)"), "{out}");
    assert_eq!(out.matches("    pitch ").count(), 6, "{out}");
    for state in ["draft,", "approved,", "in-review,", "changes-requested,", "needs-reapproval,"] {
        assert!(out.contains(state), "a pitch {state} {out}");
    }
    assert!(out.contains("Audiences (3)"), "{out}");

    let (ok, out, _) = pitchbridge(&["search", ws, "invoice"]);
    assert!(ok);
    assert!(out.contains("claim "), "{out}");
    assert!(out.contains("pitch paragraph "), "{out}");
    assert!(out.contains("[invoice"), "matches are marked: {out}");

    let (ok, out, _) = pitchbridge(&["search", ws, "zzzyzzy"]);
    assert!(ok);
    assert!(out.contains("No matches"));
}

#[test]
fn init_refuses_an_existing_file_and_list_reports_bad_files_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "hello").unwrap();
    let (ok, _, err) = pitchbridge(&["init", notes.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("already exists"), "{err}");
    let (ok, _, err) = pitchbridge(&["list", notes.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("is not a Pitchbridge workspace"), "{err}");
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), "hello");
    let (ok, _, err) = pitchbridge(&["list", dir.path().join("missing.pitchbridge").to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("was not found"), "{err}");
}

#[test]
fn an_empty_workspace_lists_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("empty.pitchbridge");
    let (ok, _, err) = pitchbridge(&["init", ws.to_str().unwrap()]);
    assert!(ok, "{err}");
    let (ok, out, _) = pitchbridge(&["list", ws.to_str().unwrap()]);
    assert!(ok);
    assert_eq!(out, "Launches (0)\nAudiences (0)\n");
}

#[test]
fn import_a_file_then_a_new_version_and_refuse_a_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("demo.pitchbridge");
    let ws = ws.to_str().unwrap();
    assert!(pitchbridge(&["init", "--demo", ws]).0);
    let file = dir.path().join("brief.md");
    std::fs::write(&file, "# Beacon brief\n\nBeacon schedules crews.\n\n- Crews see jobs on phones.\n- Plans start at $19.\n").unwrap();
    let file = file.to_str().unwrap();

    let (ok, out, err) = pitchbridge(&["import", "--workspace", ws, "--launch", "1", "--dry-run", file]);
    assert!(ok, "{err}");
    assert!(out.contains("Dry run: nothing was written."), "{out}");
    assert!(out.contains("pricing     [Beacon brief] Plans start at $19."), "{out}");
    assert!(pitchbridge(&["list", ws]).1.contains("Launches (1)"));
    assert!(!pitchbridge(&["list", ws]).1.contains("Beacon brief"));

    let (ok, out, err) = pitchbridge(&["import", "--workspace", ws, "--launch", "1", file]);
    assert!(ok, "{err}");
    assert!(out.contains("Imported as message 2 with 3 claims."), "{out}");
    assert!(pitchbridge(&["list", ws]).1.contains("message 2  Beacon brief  (version 1, 3 claims)"));

    std::fs::write(file, "# Beacon brief\n\nBeacon schedules crews.\n\n- Crews see jobs on phones.\n- Plans start at $24.\n").unwrap();
    let (ok, out, err) = pitchbridge(&["import", "--workspace", ws, "--launch", "1", "--version-of", "2", file]);
    assert!(ok, "{err}");
    assert!(out.contains("Version 2: 2 unchanged, 1 reworded, 0 new, 0 removed."), "{out}");
    assert!(out.contains("[-$19.-]{+$24.+}"), "{out}");
    assert!(out.contains("Imported as version 2 of message 2."), "{out}");

    let bad = dir.path().join("bad.docx");
    std::fs::write(&bad, "not a document").unwrap();
    let (ok, _, err) = pitchbridge(&["import", "--workspace", ws, "--launch", "1", bad.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("not a Word document"), "{err}");
}

/// Every command's help ends with an example of it: a person reads `pitchbridge help X` once.
#[test]
fn every_command_has_an_example_in_its_help() {
    fn commands(prefix: &[&str]) -> Vec<Vec<String>> {
        let mut args: Vec<&str> = prefix.to_vec();
        args.push("--help");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pitchbridge")).args(&args).output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut found = Vec::new();
        let mut in_commands = false;
        for line in text.lines() {
            if line.starts_with("Commands:") {
                in_commands = true;
                continue;
            }
            if in_commands {
                let Some(name) = line.strip_prefix("  ").and_then(|l| l.split_whitespace().next()) else { break };
                if name != "help" && !line.starts_with("   ") {
                    let mut path: Vec<String> = prefix.iter().map(|s| s.to_string()).collect();
                    path.push(name.to_string());
                    found.push(path);
                }
            }
        }
        found
    }
    let mut missing = Vec::new();
    let top = commands(&[]);
    assert!(top.len() > 20, "{top:?}");
    for cmd in top {
        let refs: Vec<&str> = cmd.iter().map(String::as_str).collect();
        let subs = commands(&refs);
        for path in if subs.is_empty() { vec![cmd.clone()] } else { subs } {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push("--help");
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_pitchbridge")).args(&args).output().unwrap();
            if !String::from_utf8_lossy(&out.stdout).contains("Example: pitchbridge") {
                missing.push(path.join(" "));
            }
        }
    }
    assert!(missing.is_empty(), "no example in the help of: {missing:?}");
}
