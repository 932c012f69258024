//! Text recall of the Word import, with pandoc as the oracle: every word pandoc reads from a
//! Word file (`pandoc -t plain`) should be in the text Pitchbridge imports from it. The corpus
//! (tests/import-corpus) is made into Word files by pandoc and by LibreOffice, so both tools'
//! ways of writing footnotes, pictures, text frames, tables and lists are read.
//!
//! `cargo test -p pitchbridge-import --test recall -- --nocapture` prints the table.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use pitchbridge_import::import_file;

/// Every file must keep at least this share of pandoc's words.
const RECALL_FLOOR: f64 = 0.98;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn words(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *out.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    out
}

fn run(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("{cmd:?} could not start ({e}); scripts/test.sh installs pandoc and LibreOffice")
    });
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn word_import_keeps_the_words_pandoc_reads() {
    let corpus = root().join("tests/import-corpus");
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("pandoc");
    let resaved = dir.path().join("libreoffice");
    std::fs::create_dir_all(&made).unwrap();
    let mut sources: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    sources.sort();
    let mut files = vec![];
    let mut for_libreoffice = vec![];
    for src in &sources {
        let stem = src.file_stem().unwrap().to_str().unwrap().to_string();
        match src.extension().and_then(|e| e.to_str()) {
            Some("md") if stem != "README" => {
                let docx = made.join(format!("{stem}.docx"));
                run(Command::new("pandoc")
                    .arg(src)
                    .arg("--resource-path")
                    .arg(root().join("tests/fixtures"))
                    .arg("-o")
                    .arg(&docx));
                files.push(docx.clone());
                for_libreoffice.push(docx);
            }
            Some("fodt") => for_libreoffice.push(src.clone()),
            _ => {}
        }
    }
    let profile = dir.path().join("profile");
    run(Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(&resaved)
        .args(&for_libreoffice));
    for f in &for_libreoffice {
        files.push(resaved.join(format!("{}.docx", f.file_stem().unwrap().to_str().unwrap())));
    }

    let (mut total, mut kept) = (0usize, 0usize);
    let mut failures = vec![];
    println!(
        "{:<44} {:>7} {:>7} {:>7}  missing",
        "file", "pandoc", "kept", "recall"
    );
    for file in &files {
        let oracle = String::from_utf8(
            run(Command::new("pandoc")
                .arg(file)
                .args(["-t", "plain", "--wrap=none"]))
            .stdout,
        )
        .unwrap();
        let imported = import_file(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let (want, have) = (words(&oracle), words(&imported.source));
        let n: usize = want.values().sum();
        let k: usize = want
            .iter()
            .map(|(w, c)| (*c).min(*have.get(w).unwrap_or(&0)))
            .sum();
        let mut missing: Vec<&str> = want
            .iter()
            .filter(|(w, c)| have.get(*w).unwrap_or(&0) < c)
            .map(|(w, _)| w.as_str())
            .collect();
        missing.sort();
        let recall = k as f64 / n.max(1) as f64;
        let name = format!(
            "{}/{}",
            file.parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_str()
                .unwrap(),
            file.file_name().unwrap().to_str().unwrap()
        );
        println!(
            "{name:<44} {n:>7} {k:>7} {recall:>7.3}  {}",
            missing
                .iter()
                .take(8)
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        );
        println!("    report: {}", imported.report.summary());
        total += n;
        kept += k;
        if recall < RECALL_FLOOR {
            failures.push(format!(
                "{name}: {recall:.3} (missing: {})",
                missing.join(" ")
            ));
        }
    }
    println!(
        "{:<44} {total:>7} {kept:>7} {:>7.3}",
        "all files",
        kept as f64 / total as f64
    );
    assert!(
        files.len() >= 11,
        "the corpus made {} Word files",
        files.len()
    );
    assert!(
        failures.is_empty(),
        "below {RECALL_FLOOR}:\n{}",
        failures.join("\n")
    );
}
