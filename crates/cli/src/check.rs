//! `pitchbridge check`: the pitch checks on a file, with no workspace and no window.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use pitchbridge_app::catalog::collateral_types;
use pitchbridge_checks::file::{check_file, FileKind, LineIndex, MAX_FILE_BYTES};
use pitchbridge_checks::{glossary_csv, Checker, GlossaryEntry, Severity};
use crate::terminal::{self, complain};

const BAD_INPUT: u8 = 2;

/// Largest glossary file read: tens of thousands of terms (as the app allows).
const MAX_GLOSSARY_BYTES: u64 = pitchbridge_app::glossary::MAX_GLOSSARY_CSV_BYTES;

fn bad(message: String) -> ExitCode {
    complain!("pitchbridge check: {message}");
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
        let bytes = match pitchbridge_core::files::read_capped(path, MAX_GLOSSARY_BYTES) {
            Ok(b) => b,
            Err(e) => return bad(format!("cannot read the glossary {}: {e}", path.display())),
        };
        match glossary_csv::parse(&bytes) {
            Ok(parsed) => {
                for e in &parsed.errors {
                    complain!("pitchbridge check: {} line {}: {}; row skipped.", path.display(), e.line, e.message);
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
    let bytes = match pitchbridge_core::files::read_capped(file, MAX_FILE_BYTES) {
        Ok(b) => b,
        Err(e) => return bad(format!("cannot read {}: {e}", file.display())),
    };
    let checker = Checker::new();
    let kind = FileKind::from_name(&file.to_string_lossy());
    let findings = match check_file(&checker, &bytes, kind, collateral, &entries) {
        Ok(f) => f,
        Err(e) => return bad(format!("{} cannot be checked: {e}.", file.display())),
    };
    let report = if json {
        // JSON escapes control characters itself.
        serde_json::to_string_pretty(&findings).expect("findings serialise") + "\n"
    } else {
        let text = std::str::from_utf8(&bytes).expect("checked as UTF-8");
        let lines = LineIndex::new(text);
        let mut report = String::new();
        for f in &findings {
            let (line, col) = lines.line_col(f.start);
            let fix = match &f.suggestion {
                Some(s) if s.is_empty() => " [fix: delete]".to_string(),
                Some(s) => format!(" [fix: “{s}”]"),
                None => String::new(),
            };
            let _ = writeln!(report, "{}:{line}:{col}: {} {}: {}{fix}", file.display(), f.severity.as_str(), f.rule, f.message);
        }
        if findings.is_empty() {
            let _ = writeln!(report, "{}: no findings.", file.display());
        }
        report
    };
    terminal::out(&report);
    let code = if findings.iter().any(|f| f.severity == Severity::Error) { ExitCode::from(1) } else { ExitCode::SUCCESS };
    // The process ends here: freeing the dictionary's tables one by one would only cost time.
    std::mem::forget(checker);
    code
}
