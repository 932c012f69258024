//! `pitchbridge`: the workspace from a terminal, with no window and no display.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod check;
mod terminal;
mod passphrase;
mod profile;
mod review;
mod kit_review;
mod results;
mod memory;
mod status;

use pitchbridge_app::error::{ApiError, ApiResult, ErrorCode};
use pitchbridge_app::export::{ExportFormat, ExportPitchRequest};
use pitchbridge_app::import::{ImportPreview, ImportRequest};
use pitchbridge_app::workspace::OpenWorkspaceRequest;
use pitchbridge_app::App;
use pitchbridge_app::store::SearchHitKind;
use pitchbridge_core::clock::SystemClock;
use terminal::{complain, say};

#[derive(Parser)]
#[command(name = "pitchbridge", version, about = "Pitchbridge workspaces from the command line")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new workspace file (with the demo launch when --demo is given).
    ///
    /// Example: pitchbridge init --demo team.pitchbridge
    Init {
        /// Fill the new workspace with the demo launch, audiences, glossary and pitches, the
        /// pitches taken through review as on the desktop's first start.
        #[arg(long)]
        demo: bool,
        workspace: PathBuf,
    },
    /// List launches, Factory messages, audiences and pitches, with their ids.
    ///
    /// Example: pitchbridge list team.pitchbridge
    List { workspace: PathBuf },
    /// Full-text search over claims and pitch text.
    ///
    /// Example: pitchbridge search team.pitchbridge "month-end"
    Search { workspace: PathBuf, query: String },
    /// Import a Word (.docx), Markdown or text file as a new Factory message, or as a new
    /// version of one (--version-of). Shows what it will do; --dry-run stops there.
    ///
    /// Example: pitchbridge import --workspace team.pitchbridge --launch 1 --dry-run brief.docx
    Import {
        #[arg(long)]
        workspace: PathBuf,
        /// The launch the message belongs to.
        #[arg(long)]
        launch: i64,
        /// Import as a new version of this message.
        #[arg(long = "version-of", value_name = "MESSAGE_ID")]
        version_of: Option<i64>,
        /// Title of a new message (default: the document's title).
        #[arg(long, default_value = "")]
        title: String,
        /// Show what the import would do, and write nothing.
        #[arg(long)]
        dry_run: bool,
        file: PathBuf,
    },
    /// Run the pitch checks on a Markdown or text file, with no workspace. Exits 0 when nothing
    /// of error severity is found, 1 when something is, 2 on bad input.
    ///
    /// Example: pitchbridge check --type email --glossary glossary.csv draft.md
    Check {
        /// Check against this collateral type's limits (elevator-pitch, email, one-pager,
        /// battle-card, call-script, objection-handling).
        #[arg(long = "type", value_name = "TYPE")]
        collateral_type: Option<String>,
        /// A glossary CSV (columns term,customer_phrasing,rule,note) for the jargon checks.
        #[arg(long, value_name = "GLOSSARY.csv")]
        glossary: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        file: PathBuf,
    },
    /// Where each launch stands: its gates and what blocks them, its score, the matrix of
    /// required claims × target audiences, what expires and who is waiting for a decision.
    /// Exits 0 when every gate passes, 1 when one fails, 2 on bad input.
    ///
    /// Example: pitchbridge status team.pitchbridge --at 2027-03-02 --format json
    Status {
        workspace: PathBuf,
        /// Only this launch.
        #[arg(long)]
        launch: Option<i64>,
        /// Evaluate on this day (YYYY-MM-DD): what will have expired by then. Default: today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        at: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// A launch's readiness as a one-page report for a VP: verdict, score and its parts, the
    /// gates and what blocks them, the trend as a chart, the matrix, and what expires. PDF, or
    /// DOCX when OUT ends in .docx.
    ///
    /// Example: pitchbridge report team.pitchbridge --launch 1 -o readiness.pdf
    Report {
        workspace: PathBuf,
        #[arg(long)]
        launch: i64,
        /// Evaluate on this day (YYYY-MM-DD). Default: today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        at: Option<String>,
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
    },
    /// Drills for a launch's field team of one audience, made from its approved, unexpired
    /// pitches (multiple choice, proof-point gaps, objection drills, talk tracks), in a learning
    /// system's format, or the rep guide with its answer key. Exits 0 when written, 1 with what
    /// is missing when nothing approved can be drilled, 2 on bad input.
    ///
    /// Example: pitchbridge kit --workspace team.pitchbridge --launch 1 --audience 2 --format scorm -o field.zip
    Kit {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        launch: i64,
        #[arg(long)]
        audience: i64,
        #[arg(long, value_enum)]
        format: KitTo,
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
    },
    /// Everything a launch's field team of one audience needs, in one zip: the positioning
    /// brief, the approved pitches as PDF, the rep guide and answer key, the training packages
    /// and a manifest of what each file was made from. Only approved, unexpired content goes
    /// in; what is missing is said first. Exits 0 when written, 1 when nothing approved can go
    /// in, 2 on bad input.
    ///
    /// Example: pitchbridge launch-kit --workspace team.pitchbridge --launch 1 --audience 2 -o kit.zip
    LaunchKit {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        launch: i64,
        #[arg(long)]
        audience: i64,
        #[arg(short = 'o', long = "output", value_name = "OUT.zip")]
        output: PathBuf,
    },
    /// Whether a launch kit made earlier still holds: each pitch it was made from compared with
    /// the workspace now (changed, no longer approved, expired or gone), and the files to
    /// replace. Exits 0 when it holds, 1 when it is stale, 2 on bad input.
    ///
    /// Example: pitchbridge kit-check --workspace team.pitchbridge kit.zip
    KitCheck {
        #[arg(long)]
        workspace: PathBuf,
        kit: PathBuf,
    },
    /// Check the workspace's audit trail: every event intact and in order. Exits 0 when it is,
    /// 1 with the first broken link when it is not.
    ///
    /// Example: pitchbridge verify-audit team.pitchbridge
    VerifyAudit { workspace: PathBuf },
    /// Export a pitch (--workspace and --pitch) or a Markdown file (--markdown) as finished
    /// collateral. Written through a temporary file: a failed export leaves nothing behind.
    ///
    /// Example: pitchbridge export --workspace team.pitchbridge --pitch 3 --format pdf -o card.pdf
    Export {
        #[arg(long, requires = "pitch", conflicts_with = "markdown")]
        workspace: Option<PathBuf>,
        #[arg(long)]
        pitch: Option<i64>,
        /// A Markdown file to export, with no workspace.
        #[arg(long, value_name = "FILE")]
        markdown: Option<PathBuf>,
        /// With --markdown: lay it out as this collateral type (default: a plain document).
        #[arg(long = "type", value_name = "TYPE", requires = "markdown")]
        collateral_type: Option<String>,
        #[arg(long, value_enum)]
        format: ExportTo,
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: PathBuf,
        /// With --pitch: export only a pitch whose approval applies and has not expired;
        /// refuse a draft or an expired approval instead of marking it.
        #[arg(long, requires = "pitch")]
        strict: bool,
    },
    /// The review workflow: register as a reviewer, submit, decide, withdraw, and the offline
    /// round trip (review packages out, decision files back).
    Review {
        #[command(subcommand)]
        action: review::ReviewAction,
    },
    /// A training kit's review: submit it, withdraw it, decide on it (signed), see its state.
    KitReview {
        #[command(subcommand)]
        action: kit_review::KitReviewAction,
    },
    /// The rep roster: import it, map the names a CRM gives reps, list it.
    People {
        #[command(subcommand)]
        action: results::PeopleAction,
    },
    /// Training results: a learning system's completion export, or a certification attested by hand.
    Training {
        #[command(subcommand)]
        action: results::TrainingAction,
    },
    /// CRM deal exports (Salesforce, HubSpot, or any CSV with a mapping).
    Deals {
        #[command(subcommand)]
        action: results::DealsAction,
    },
    /// A launch's results: win rate and deal size of reps certified at close against reps not
    /// yet certified, raw and adjusted for region, new or existing customer, quarter and
    /// availability, with 95% intervals; the same reps before and after; per rep (--per-rep)
    /// wins against what their territory would have given anyone.
    ///
    /// Example: pitchbridge results --workspace team.pitchbridge --launch 1 --format json
    Results {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        launch: i64,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Include each rep's figures (left out unless asked for).
        #[arg(long)]
        per_rep: bool,
    },
    /// What a launch sells as the CRM names it (its product line), and when it became
    /// available in each region: which deals are the launch's and how they compare.
    ///
    /// Example: pitchbridge market --workspace team.pitchbridge --launch 1 --product-line "ColdTrace" --available EMEA=2027-03-01
    Market {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        launch: i64,
        #[arg(long)]
        product_line: Option<String>,
        /// REGION=YYYY-MM-DD: the product could be bought there from that day. Repeatable.
        #[arg(long, value_name = "REGION=YYYY-MM-DD")]
        available: Vec<String>,
        /// Forget a region's availability. Repeatable.
        #[arg(long, value_name = "REGION")]
        forget: Vec<String>,
    },
    /// Who owns the workspace: the one person who sees per-rep results. --claim makes you the
    /// owner of a workspace with none; the owner hands it over with --to.
    ///
    /// Example: pitchbridge owner --workspace team.pitchbridge --claim
    Owner {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long, conflicts_with = "to")]
        claim: bool,
        #[arg(long, value_name = "EMAIL")]
        to: Option<String>,
    },
    /// The memory of approved wording: TMX export and import, and a concordance search.
    Tm {
        #[command(subcommand)]
        action: memory::TmAction,
    },
    /// Approved wordings other pitches used for a claim like this one, graded like a CAT
    /// tool's matches (context, exact, 95–99 with numbers carried in, 85–94, 75–84).
    ///
    /// Example: pitchbridge suggest --workspace team.pitchbridge --audience 2 "Month-end close takes 40% less time."
    Suggest {
        #[arg(long)]
        workspace: PathBuf,
        /// The audience the wording is for: the same claim for the same audience is a context match.
        #[arg(long)]
        audience: Option<i64>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        text: String,
    },
    /// Your profile (name, email, role) and signing key: the desktop app's own.
    Profile {
        #[command(subcommand)]
        action: profile::ProfileAction,
    },
}

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum ExportTo {
    Docx,
    Pdf,
}

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
pub(crate) enum Format {
    Json,
    Text,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Check { collateral_type, glossary, format, file } = cli.command {
        return check::run(&file, collateral_type.as_deref(), glossary.as_deref(), format == Format::Json);
    }
    if let Command::Status { workspace, launch, at, format } = &cli.command {
        return status::run(workspace, *launch, at.as_deref(), *format == Format::Json);
    }
    if let Command::Kit { workspace, launch, audience, format, output } = &cli.command {
        return kit(workspace, *launch, *audience, *format, output);
    }
    if let Command::LaunchKit { workspace, launch, audience, output } = &cli.command {
        return launch_kit(workspace, *launch, *audience, output);
    }
    if let Command::KitCheck { workspace, kit } = &cli.command {
        return kit_check(workspace, kit);
    }
    match cli.command {
        Command::People { action } => return results::people(action),
        Command::Training { action } => return results::training(action),
        Command::Deals { action } => return results::deals(action),
        Command::Results { workspace, launch, format, per_rep } => return results::results(&workspace, launch, format, per_rep),
        Command::Owner { workspace, claim, to } => return results::owner(&workspace, claim, to.as_deref()),
        Command::Tm { action } => return memory::tm(action),
        Command::Suggest { workspace, audience, format, text } => return memory::suggest(&workspace, audience, format, &text),
        Command::Market { workspace, launch, product_line, available, forget } => {
            return results::market(&workspace, launch, product_line.as_deref(), &available, &forget)
        }
        command => match run(command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            complain!("pitchbridge: {}", e.message);
            ExitCode::FAILURE
        }
    },
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum KitTo {
    /// Moodle's GIFT quiz format.
    Gift,
    /// An Anki deck (.apkg) of the flashcards and proof-point gaps.
    Apkg,
    /// A SCORM 1.2 package (.zip) for a learning system: the quiz, scored and reported.
    Scorm,
    /// The rep guide as PDF, and its answer key beside it (OUT-answer-key.pdf).
    Pdf,
    /// The rep guide as Word, and its answer key beside it.
    Docx,
}

fn kit(workspace: &Path, launch_id: i64, audience_id: i64, format: KitTo, output: &Path) -> ExitCode {
    use pitchbridge_app::training::{KitFormat, TrainingExportRequest, TrainingKitRequest};
    let bad = |e: ApiError| {
        complain!("pitchbridge kit: {}", e.message);
        ExitCode::from(2)
    };
    let app = match open(workspace) {
        Ok(a) => a,
        Err(e) => return bad(e),
    };
    let kit = match app.training_kit(TrainingKitRequest { launch_id, audience_id }) {
        Ok(k) => k,
        Err(e) => return bad(e),
    };
    if kit.items.is_empty() {
        complain!("pitchbridge kit: nothing approved to train {} on for {}.", kit.audience_name, kit.launch_name);
        for line in &kit.left_out {
            complain!("  {line}");
        }
        return ExitCode::FAILURE;
    }
    let format = match format {
        KitTo::Gift => KitFormat::Gift,
        KitTo::Apkg => KitFormat::Apkg,
        KitTo::Scorm => KitFormat::Scorm,
        KitTo::Pdf => KitFormat::Pdf,
        KitTo::Docx => KitFormat::Docx,
    };
    match app.export_training_kit(TrainingExportRequest { launch_id, audience_id, format, path: output.display().to_string() }) {
        Ok(files) => {
            say!("{} items from {} approved pitch{}.", kit.items.len(), kit.pitches.len(), if kit.pitches.len() == 1 { "" } else { "es" });
            for out in files {
                say!("Wrote {} ({} bytes).", out.path, out.bytes);
            }
            for line in &kit.left_out {
                say!("  Left out: {line}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => bad(e),
    }
}

fn launch_kit(workspace: &Path, launch_id: i64, audience_id: i64, output: &Path) -> ExitCode {
    use pitchbridge_app::launch_kit::LaunchKitRequest;
    let bad = |e: ApiError| {
        complain!("pitchbridge launch-kit: {}", e.message);
        ExitCode::from(2)
    };
    let mut app = match open(workspace) {
        Ok(a) => a,
        Err(e) => return bad(e),
    };
    let plan = match app.launch_kit_plan(launch_id, audience_id) {
        Ok(p) => p,
        Err(e) => return bad(e),
    };
    for line in &plan.missing {
        complain!("Missing: {line}");
    }
    if plan.pitches.is_empty() {
        complain!("pitchbridge launch-kit: nothing approved to put in a launch kit for {}.", plan.audience_name);
        return ExitCode::FAILURE;
    }
    match app.export_launch_kit(LaunchKitRequest { launch_id, audience_id, path: output.display().to_string() }) {
        Ok(out) => {
            say!("Wrote {} ({} bytes) for {}:", out.path, out.bytes, plan.audience_name);
            for f in &out.files {
                say!("  {f}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => bad(e),
    }
}

fn kit_check(workspace: &Path, kit: &Path) -> ExitCode {
    let checked = open(workspace).and_then(|app| app.check_launch_kit(kit));
    match checked {
        Ok(c) if c.current => {
            say!("{} holds: every pitch it was made from ({} for {}, made {}) is still approved and unchanged.", kit.display(), c.launch, c.audience, c.created);
            ExitCode::SUCCESS
        }
        Ok(c) => {
            say!("{} is stale ({} for {}, made {}):", kit.display(), c.launch, c.audience, c.created);
            for p in &c.problems {
                say!("  {p}");
            }
            say!("Files to replace: {}.", c.stale_files.join(", "));
            ExitCode::FAILURE
        }
        Err(e) => {
            complain!("pitchbridge kit-check: {}", e.message);
            ExitCode::from(2)
        }
    }
}

pub(crate) fn open(path: &Path) -> ApiResult<App> {
    let mut app = new_app();
    app.open_workspace(OpenWorkspaceRequest { path: path.display().to_string(), create: false })?;
    Ok(app)
}

/// An app that knows the person's profile (the desktop app's), so the audit trail names them.
pub(crate) fn new_app() -> App {
    let mut app = App::new(Box::new(SystemClock));
    if let Some(dir) = pitchbridge_app::profile::default_profile_dir() {
        app.set_profile_dir(dir);
    }
    app
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
            let mut app = new_app();
            app.open_or_create(&workspace, demo)?;
            if demo {
                // The same demo as the desktop's first start: its pitches taken through review,
                // so readiness and review have something in every state.
                app.add_demo_reviews()?;
            }
            say!("Created {}{}", workspace.display(), if demo { " with the demo launch" } else { "" });
        }
        Command::List { workspace } => {
            let app = open(&workspace)?;
            terminal::out(&listing(&app)?);
        }
        Command::Search { workspace, query } => {
            let app = open(&workspace)?;
            let hits = app.search(query.clone())?;
            if hits.is_empty() {
                say!("No matches for \"{query}\".");
            }
            for h in hits {
                let (kind, parent) = match h.kind {
                    SearchHitKind::Claim => ("claim", "message"),
                    SearchHitKind::PitchBlock => ("pitch paragraph", "pitch"),
                };
                let snippet = h.snippet.replace('\u{2}', "[").replace('\u{3}', "]");
                say!("{kind} {} in {parent} {} \"{}\": {snippet}", h.id, h.parent_id, h.parent_title);
            }
        }
        Command::Import { workspace, launch, version_of, title, dry_run, file } => {
            let mut app = open(&workspace)?;
            let req = ImportRequest { path: file.display().to_string(), launch_id: launch, message_id: version_of, title, digest: None };
            let preview = app.preview_import(req.clone())?;
            terminal::out(&describe_import(&preview));
            if dry_run {
                say!("Dry run: nothing was written.");
                return Ok(());
            }
            // What was shown is what is written: the file is read once.
            let outcome = app.apply_import(ImportRequest { digest: Some(preview.digest.clone()), ..req })?;
            match outcome.changes {
                Some(r) => say!("Imported as version {} of message {}.", r.version, outcome.message_id),
                None => say!("Imported as message {} with {} claims.", outcome.message_id, outcome.claim_count),
            }
        }
        Command::Check { .. } | Command::Status { .. } | Command::Kit { .. } | Command::LaunchKit { .. } | Command::KitCheck { .. } | Command::People { .. } | Command::Training { .. } | Command::Deals { .. } | Command::Results { .. } | Command::Market { .. } | Command::Owner { .. } | Command::Tm { .. } | Command::Suggest { .. } => unreachable!("handled in main"),
        Command::Report { workspace, launch, at, output } => {
            let app = open(&workspace)?;
            let format = if output.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx")) { ExportFormat::Docx } else { ExportFormat::Pdf };
            let outcome = app.export_readiness_report(pitchbridge_app::readiness_report::ReadinessReportRequest {
                launch_id: launch,
                at,
                format,
                path: output.display().to_string(),
            })?;
            for w in &outcome.warnings {
                say!("Note: {w}");
            }
            say!("Wrote {} ({} bytes).", outcome.path, outcome.bytes);
        }
        Command::VerifyAudit { workspace } => {
            let app = open(&workspace)?;
            let v = app.verify_audit()?;
            match v.first_break {
                None => say!("The audit trail is intact: {} event{}.", v.events, if v.events == 1 { "" } else { "s" }),
                Some(b) => {
                    say!("The audit trail is broken at event {}: {}.", b.seq, b.reason);
                    std::process::exit(1);
                }
            }
        }
        Command::Export { workspace, pitch, markdown, collateral_type, format, output, strict } => {
            let app_format = match format {
                ExportTo::Docx => ExportFormat::Docx,
                ExportTo::Pdf => ExportFormat::Pdf,
            };
            let outcome = match (workspace, pitch, markdown) {
                (Some(ws), Some(pitch), None) => {
                    let mut app = open(&ws)?;
                    if strict {
                        match app.pitch_document(pitch)?.approval {
                            None => return Err(ApiError::refused("Pitch {pitch} is not approved, so --strict will not export it. Export it without --strict to get a copy marked DRAFT.".replace("{pitch}", &pitch.to_string()))),
                            Some(a) if a.expired_on.is_some() => {
                                return Err(ApiError::refused(format!(
                                    "Pitch {pitch}'s approval expired on {}: its verifier must re-verify it before it goes out. Without --strict it exports marked EXPIRED.",
                                    a.expired_on.unwrap_or_default()
                                )))
                            }
                            Some(_) => {}
                        }
                    }
                    app.export_pitch(ExportPitchRequest { pitch_id: pitch, format: app_format, path: output.display().to_string() })?
                }
                (None, None, Some(md)) => pitchbridge_app::export::export_markdown(&md, collateral_type.as_deref(), app_format, &output)?,
                _ => {
                    return Err(ApiError::invalid("Give --workspace and --pitch, or --markdown FILE."));
                }
            };
            for w in &outcome.warnings {
                complain!("pitchbridge: {w}");
            }
            say!("Wrote {} ({} bytes).", outcome.path, outcome.bytes);
        }
        Command::Review { action } => review::run(action)?,
        Command::KitReview { action } => kit_review::run(action)?,
        Command::Profile { action } => profile::run(action)?,
    }
    Ok(())
}

fn describe_import(p: &ImportPreview) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({:?}): {}", p.file_name, p.format, p.summary);
    for c in &p.report.comments {
        let _ = writeln!(out, "  note: {c}");
    }
    for c in &p.claims {
        let _ = writeln!(out, "  {:>3}  {:<11} {}{}", c.number, c.kind.as_str(), if c.section.is_empty() { String::new() } else { format!("[{}] ", c.section) }, c.text);
    }
    if let Some(r) = &p.changes {
        let _ = writeln!(
            out,
            "Version {}: {} unchanged, {} reworded, {} new, {} removed.",
            r.version,
            r.unchanged.len(),
            r.reworded.len(),
            r.added.len(),
            r.removed.len()
        );
        for rw in &r.rewordings {
            let diff: String = rw
                .diff
                .iter()
                .map(|d| match d.op {
                    pitchbridge_core::redline::DiffOp::Same => d.text.clone(),
                    pitchbridge_core::redline::DiffOp::Added => format!("{{+{}+}}", d.text),
                    pitchbridge_core::redline::DiffOp::Removed => format!("[-{}-]", d.text),
                })
                .collect();
            let _ = writeln!(out, "  reworded {:>3}: {diff}{}", rw.number, reaches(&rw.pitches));
        }
        for rm in &r.removed_claims {
            let _ = writeln!(out, "  removed  {:>3}: {}{}", rm.number, rm.text, reaches(&rm.pitches));
        }
        for sp in &r.stale_pitches {
            let _ = writeln!(out, "  pitch {} \"{}\": {} links go stale", sp.pitch_id, sp.title, sp.stale_links);
        }
    }
    out
}

/// " → pitch 3 \"Title\" (approved)" for each pitch a change reaches.
fn reaches(pitches: &[pitchbridge_app::store::TouchedPitch]) -> String {
    pitches.iter().map(|p| format!(" → pitch {} \"{}\" ({})", p.pitch_id, p.title, p.status.as_str())).collect()
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
