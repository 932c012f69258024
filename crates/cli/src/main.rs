//! `pitchbridge`: the workspace from a terminal, with no window and no display.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pitchbridge_app::{ApiError, ApiResult, App, ErrorCode, OpenWorkspaceRequest};
use pitchbridge_app::store::SearchHitKind;
use pitchbridge_core::clock::SystemClock;

#[derive(Parser)]
#[command(name = "pitchbridge", version, about = "Pitchbridge workspaces from the command line")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new workspace file (with the demo launch when --demo is given).
    Init {
        /// Fill the new workspace with the demo launch, audiences, glossary and pitches.
        #[arg(long)]
        demo: bool,
        workspace: PathBuf,
    },
    /// List launches, Factory messages, audiences and pitches, with their ids.
    List { workspace: PathBuf },
    /// Full-text search over claims and pitch text.
    Search { workspace: PathBuf, query: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pitchbridge: {}", e.message);
            ExitCode::FAILURE
        }
    }
}

fn open(path: &Path) -> ApiResult<App> {
    let mut app = App::new(Box::new(SystemClock));
    app.open_workspace(OpenWorkspaceRequest { path: path.display().to_string(), create: false })?;
    Ok(app)
}

fn run(command: Command) -> ApiResult<()> {
    match command {
        Command::Init { demo, workspace } => {
            if workspace.exists() {
                return Err(ApiError::new(
                    ErrorCode::InvalidInput,
                    format!("{} already exists; init makes new workspaces only.", workspace.display()),
                ));
            }
            let mut app = App::new(Box::new(SystemClock));
            app.open_or_create(&workspace, demo)?;
            println!("Created {}{}", workspace.display(), if demo { " with the demo launch" } else { "" });
        }
        Command::List { workspace } => {
            let app = open(&workspace)?;
            print!("{}", listing(&app)?);
        }
        Command::Search { workspace, query } => {
            let app = open(&workspace)?;
            let hits = app.search(query.clone())?;
            if hits.is_empty() {
                println!("No matches for \"{query}\".");
            }
            for h in hits {
                let (kind, parent) = match h.kind {
                    SearchHitKind::Claim => ("claim", "message"),
                    SearchHitKind::PitchBlock => ("pitch paragraph", "pitch"),
                };
                let snippet = h.snippet.replace('\u{2}', "[").replace('\u{3}', "]");
                println!("{kind} {} in {parent} {} \"{}\": {snippet}", h.id, h.parent_id, h.parent_title);
            }
        }
    }
    Ok(())
}

fn listing(app: &App) -> ApiResult<String> {
    use std::fmt::Write;
    let mut out = String::new();
    let launches = app.list_launches()?;
    let _ = writeln!(out, "Launches ({})", launches.len());
    for l in &launches {
        let d = &l.launch;
        let _ = writeln!(
            out,
            "  launch {}  {}  [{} {}{}]",
            d.id,
            d.name,
            d.product,
            d.version,
            if d.launch_date.is_empty() { String::new() } else { format!(", {}", d.launch_date) }
        );
        let detail = app.get_launch(d.id)?;
        for m in &detail.messages {
            let _ = writeln!(out, "    message {}  {}  (version {}, {} claims)", m.id, m.title, m.current_version, m.claim_count);
        }
        for p in &detail.pitches {
            let _ = writeln!(
                out,
                "    pitch {}  {}  ({}, {}, {}, {} words)",
                p.pitch.id,
                p.pitch.title,
                p.collateral_type_name,
                p.audience_name,
                p.pitch.status.as_str(),
                p.word_count
            );
        }
    }
    let audiences = app.list_audiences()?;
    let _ = writeln!(out, "Audiences ({})", audiences.len());
    for a in &audiences {
        let _ = writeln!(out, "  audience {}  {} × {}", a.id, a.channel, a.persona);
    }
    Ok(out)
}
