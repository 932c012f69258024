//! Hostile and unlucky input at the command line, through the real binary: a closed pipe, text
//! that would drive the terminal, outputs that are inputs, pictures from elsewhere, files that
//! are not files, a read-only folder and a full disk.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_pitchbridge")
}

fn pitchbridge(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(bin()).args(args).env_remove("DISPLAY").env("XDG_CONFIG_HOME", std::env::temp_dir().join("pb-hardening-config")).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn demo(dir: &Path) -> String {
    let ws = dir.join("team.pitchbridge").display().to_string();
    assert_eq!(pitchbridge(&["init", "--demo", &ws]).0, 0);
    ws
}

#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let md = dir.path().join("long.md");
    let claims: String = (0..3000).map(|i| format!("- Claim number {i} keeps the cold chain intact.\n")).collect();
    std::fs::write(&md, format!("# Long brief\n\n{claims}")).unwrap();
    for args in [vec!["list", ws.as_str()], vec!["import", "--workspace", &ws, "--launch", "1", "--dry-run", md.to_str().unwrap()], vec!["check", md.to_str().unwrap()]] {
        let mut child = Command::new(bin()).args(&args).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut first = [0u8; 16];
        child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{args:?}: {err}");
        assert!(out.status.code().is_some_and(|c| c == 0 || c == 1), "{args:?}: {:?}", out.status);
    }
}

#[test]
fn text_from_files_cannot_drive_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let md = dir.path().join("brief.md");
    std::fs::write(&md, "# Brief \u{1b}]0;owned\u{7}\n\n- Sensors report \u{1b}[31mevery\u{1b}[0m 30 seconds.\n").unwrap();
    let (code, out, err) = pitchbridge(&["import", "--workspace", &ws, "--launch", "1", "--dry-run", md.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "no raw control character reaches the terminal: {out:?}");
    assert!(out.contains("control characters removed (first on line 1)"), "{out}");
    // A name given on the command line with one is shown escaped in the error.
    let evil = dir.path().join("evil\u{1b}[2J.md");
    let (_, _, err) = pitchbridge(&["check", evil.to_str().unwrap()]);
    assert!(!err.contains('\u{1b}') && err.contains("\\u{1b}"), "{err:?}");
}

#[test]
fn an_output_that_is_an_input_is_refused_and_the_input_kept() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let before = std::fs::read(&ws).unwrap();
    let (code, _, err) = pitchbridge(&["export", "--workspace", &ws, "--pitch", "1", "--format", "pdf", "-o", &ws]);
    assert_eq!(code, 1);
    assert!(err.contains("is the open workspace"), "{err}");
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    // The same file by another name (a link) is the same file.
    let link = dir.path().join("link.pitchbridge");
    std::os::unix::fs::symlink(&ws, &link).unwrap();
    let (code, _, _) = pitchbridge(&["export", "--workspace", &ws, "--pitch", "1", "--format", "docx", "-o", link.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(std::fs::read(&ws).unwrap(), before);
    assert!(pitchbridge(&["list", &ws]).1.contains("Ledgerline"), "the workspace still opens");

    let md = dir.path().join("x.md");
    std::fs::write(&md, "# One-pager\n\nCold chain, kept.\n").unwrap();
    let (code, _, err) = pitchbridge(&["export", "--markdown", md.to_str().unwrap(), "--format", "pdf", "-o", md.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("is the Markdown file being exported"), "{err}");
    assert_eq!(std::fs::read_to_string(&md).unwrap(), "# One-pager\n\nCold chain, kept.\n");
}

#[test]
fn an_export_replaces_a_link_it_is_given_and_never_writes_through_it() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let out = dir.path().join("out.pdf");
    std::os::unix::fs::symlink(&victim, &out).unwrap();
    let md = dir.path().join("x.md");
    std::fs::write(&md, "# Title\n\nBody.\n").unwrap();
    let (code, _, err) = pitchbridge(&["export", "--markdown", md.to_str().unwrap(), "--format", "pdf", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().ends_with(".part")).collect();
    assert!(left.is_empty());
}

#[test]
fn markdown_pictures_come_only_from_the_files_own_folder() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let outside = dir.path().join("outside.png");
    std::fs::copy(fixtures.join("logo.png"), &outside).unwrap();
    let folder = dir.path().join("brief");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(fixtures.join("logo.png"), folder.join("inside.png")).unwrap();
    std::os::unix::fs::symlink(&outside, folder.join("sneaky.png")).unwrap();
    let md = folder.join("brief.md");
    std::fs::write(&md, format!("# Brief\n\n![a](inside.png)\n\n![b](../outside.png)\n\n![c]({})\n\n![d](sneaky.png)\n", outside.display())).unwrap();
    let pdf = dir.path().join("brief.pdf");
    let (code, _, err) = pitchbridge(&["export", "--markdown", md.to_str().unwrap(), "--format", "pdf", "-o", pdf.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches("only pictures in the Markdown file's folder are used").count(), 3, "{err}");
    let list = Command::new("pdfimages").arg("-list").arg(&pdf).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&list.stdout).lines().skip(2).count(), 1, "only the picture beside the file");
}

#[test]
fn files_that_are_not_files_or_too_large_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let started = std::time::Instant::now();
    let (code, _, err) = pitchbridge(&["check", fifo.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a regular file"), "{err}");
    assert!(started.elapsed().as_secs() < 20, "a FIFO is refused, not waited on");
    let (code, _, err) = pitchbridge(&["check", "/dev/zero"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a regular file"), "{err}");
    let big = dir.path().join("big.md");
    std::fs::write(&big, "word ".repeat(2_000_000)).unwrap();
    let (code, _, err) = pitchbridge(&["check", big.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("larger than 8 MB"), "{err}");
    let (code, _, err) = pitchbridge(&["export", "--markdown", big.to_str().unwrap(), "--format", "pdf", "-o", dir.path().join("b.pdf").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("too large"), "{err}");
}

/// Runs a shell script in a mount namespace of its own (root only), where a small tmpfs is a
/// full disk and a read-only remount a read-only folder, without touching the machine.
fn in_namespace(script: &str) -> (i32, String) {
    let out = Command::new("unshare").args(["-m", "sh", "-c", script]).output().expect("unshare (util-linux)");
    (out.status.code().unwrap_or(-1), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn a_read_only_folder_and_a_full_disk_are_not_called_damage() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let mnt = dir.path().join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let b = bin();
    let m = mnt.display();
    let md = dir.path().join("brief.md");
    std::fs::write(&md, "# Brief\n\n- Sensors report every 30 seconds.\n").unwrap();
    let md = md.display();
    // A healthy workspace on a read-only file system opens read-only, and a change is refused
    // with the reason, never called damage; nothing is left beside it.
    let (_, out) = in_namespace(&format!(
        "mount -t tmpfs -o size=8m tmpfs {m} && cp {ws} {m}/w.pitchbridge && mount -o remount,ro {m} && \
         {b} list {m}/w.pitchbridge; echo rc=$?; {b} import --workspace {m}/w.pitchbridge --launch 1 {md}; echo rc=$?; ls -a {m}"
    ));
    assert!(out.contains("Ledgerline") && out.contains("rc=0"), "the workspace is read: {out}");
    assert!(out.contains("open read-only") && out.contains("rc=1"), "{out}");
    assert!(!out.contains("damaged") && !out.contains("-wal") && !out.contains("-shm"), "{out}");
    // A disk that fills up while a workspace is made.
    let (_, out) = in_namespace(&format!(
        "mount -t tmpfs -o size=256k tmpfs {m} && head -c 250000 /dev/zero > {m}/filler; {b} init --demo {m}/new.pitchbridge; echo rc=$?; ls -a {m}"
    ));
    assert!(out.contains("rc=1"), "{out}");
    assert!(out.contains("is full") && !out.contains("damaged"), "{out}");
    assert!(!out.contains("new.pitchbridge"), "a workspace that could not be made leaves nothing behind: {out}");
}

#[test]
fn an_import_of_a_pipe_or_a_device_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let ws = demo(dir.path());
    let fifo = dir.path().join("brief.md");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (code, _, err) = pitchbridge(&["import", "--workspace", &ws, "--launch", "1", "--dry-run", fifo.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("not a regular file"), "{err}");
}
