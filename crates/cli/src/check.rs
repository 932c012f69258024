//! `pitchbridge check`: the pitch checks on a file, with no workspace and no window.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use pitchbridge_app::catalog::collateral_types;
use pitchbridge_checks::file::{check_file, line_col, FileKind};
use pitchbridge_checks::{glossary_csv, Checker, GlossaryEntry, Severity};

const BAD_INPUT: u8 = 2;

fn bad(message: String) -> ExitCode {
    eprintln!("pitchbridge check: {message}");
    ExitCode::from(BAD_INPUT)
}

pub fn run(file: &Path, type_id: Option<&str>, glossary: Option<&Path>, json: bool) -> ExitCode {
    let types = collateral_types();
    let collateral = match type_id {
        None => None,
        Some(id) => match types.iter().find(|t| t.id == id) {
            Some(t) => Some(t),
            None => {
                let ids: Vec<&str> = types.iter().map(|t| t.id.as_str()).collect();
                return bad(format!("there is no collateral type “{id}”; the types are {}.", ids.join(", ")));
            }
        },
    };
    let mut entries = Vec::new();
    if let Some(path) = glossary {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return bad(format!("cannot read the glossary {}: {e}", path.display())),
        };
        match glossary_csv::parse(&bytes) {
            Ok(parsed) => {
                for e in &parsed.errors {
                    eprintln!("pitchbridge check: {} line {}: {}; row skipped.", path.display(), e.line, e.message);
                }
                entries = parsed
                    .entries
                    .into_iter()
                    .map(|g| GlossaryEntry { term: g.term, customer_phrasing: g.customer_phrasing, rule: g.rule })
                    .collect();
            }
            Err(e) => return bad(format!("{}: {e}", path.display())),
        }
    }
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => return bad(format!("cannot read {}: {e}", file.display())),
    };
    let checker = Checker::new();
    let kind = FileKind::from_name(&file.to_string_lossy());
    let findings = match check_file(&checker, &bytes, kind, collateral, &entries) {
        Ok(f) => f,
        Err(e) => return bad(format!("{} cannot be checked: {e}.", file.display())),
    };
    let mut out = std::io::stdout().lock();
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &findings).map_err(std::io::Error::from).and_then(|_| writeln!(out))
    } else {
        let text = std::str::from_utf8(&bytes).expect("checked as UTF-8");
        let mut r = Ok(());
        for f in &findings {
            let (line, col) = line_col(text, f.start);
            let fix = match &f.suggestion {
                Some(s) if s.is_empty() => " [fix: delete]".to_string(),
                Some(s) => format!(" [fix: “{s}”]"),
                None => String::new(),
            };
            r = r.and(writeln!(out, "{}:{line}:{col}: {} {}: {}{fix}", file.display(), f.severity.as_str(), f.rule, f.message));
        }
        if findings.is_empty() {
            r = r.and(writeln!(out, "{}: no findings.", file.display()));
        }
        r
    };
    if let Err(e) = written {
        // A closed pipe (`| head`) is not an error worth a message.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return bad(format!("cannot write the report: {e}"));
        }
    }
    let code = if findings.iter().any(|f| f.severity == Severity::Error) { ExitCode::from(1) } else { ExitCode::SUCCESS };
    // The process ends here: freeing the dictionary's tables one by one would only cost time.
    std::mem::forget(checker);
    code
}
