//! `pitchbridge tm` and `pitchbridge suggest`: the memory of approved wording from a terminal.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use pitchbridge_app::memory::SuggestRequest;

use crate::terminal::{done, say};
use crate::{open, Format};

#[derive(Subcommand)]
pub enum TmAction {
    /// Write the memory (approved, unexpired claim → sentence pairs, and pairs read from TMX)
    /// as a TMX 1.4b file for translation tools.
    ///
    /// Example: pitchbridge tm export --workspace team.pitchbridge -o memory.tmx
    Export {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "OUT.tmx")]
        output: PathBuf,
    },
    /// Read a TMX file into the memory: its pairs are offered like approved wording.
    ///
    /// Example: pitchbridge tm import --workspace team.pitchbridge agency-memory.tmx
    Import {
        #[arg(long)]
        workspace: PathBuf,
        file: PathBuf,
    },
    /// Every approved sentence using a phrase, with the claim it translates (a concordance).
    ///
    /// Example: pitchbridge tm search --workspace team.pitchbridge "month-end"
    Search {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        phrase: String,
    },
}


pub fn tm(action: TmAction) -> ExitCode {
    done(
        (|| match action {
            TmAction::Export { workspace, output } => {
                let mut app = open(&workspace)?;
                let n = app.export_tmx(&output)?;
                say!("Wrote {} ({n} pair{}).", output.display(), if n == 1 { "" } else { "s" });
                Ok(())
            }
            TmAction::Import { workspace, file } => {
                let mut app = open(&workspace)?;
                let r = app.import_tmx(&file)?;
                say!("{} pairs read: {} added, {} already in the memory.", r.read, r.added, r.read - r.added);
                if r.skipped > 0 {
                    say!("{} units skipped: they lack a source or a target.", r.skipped);
                }
                Ok(())
            }
            TmAction::Search { workspace, format, phrase } => {
                let mut app = open(&workspace)?;
                let hits = app.concordance(&phrase, 200)?;
                if format == Format::Json {
                    say!("{}", serde_json::to_string_pretty(&hits).unwrap_or_default());
                    return Ok(());
                }
                if hits.is_empty() {
                    say!("No approved sentence uses \"{phrase}\".");
                }
                for h in hits {
                    say!("{}\n    for: {}\n    {} — {}, approved by {} on {}\n", h.text, h.source, h.pitch_title, h.audience_name, h.approved_by, h.approved_on);
                }
                Ok(())
            }
        })(),
        "tm",
    )
}

/// Prints the approved wordings the memory offers for a claim's text.
pub fn suggest(workspace: &Path, audience: Option<i64>, format: Format, text: &str) -> ExitCode {
    done(
        (|| {
            let mut app = open(workspace)?;
            let found = app.suggest(&SuggestRequest { text: text.to_string(), claim_ids: Vec::new(), audience_id: audience, exclude_pitch_id: None })?;
            if format == Format::Json {
                say!("{}", serde_json::to_string_pretty(&found).unwrap_or_default());
                return Ok(());
            }
            if found.is_empty() {
                say!("Nothing approved says a claim like this one (75% or closer).");
            }
            for (i, s) in found.iter().enumerate() {
                let band = if s.score > 100 { "context".to_string() } else if s.score == 100 { "exact".to_string() } else { format!("{}%", s.score) };
                say!("{}. [{band}] {}", i + 1, s.text);
                for sub in &s.substitutions {
                    say!("   {} → {} (from the claim)", sub.from, sub.to);
                }
                let from = if s.origin == "tmx" { "a memory file".to_string() } else { format!("“{}”, {}", s.pitch_title, s.audience_name) };
                say!("   for: {}\n   {from}; approved by {} on {}", s.source, s.approved_by, s.approved_on);
            }
            Ok(())
        })(),
        "suggest",
    )
}
