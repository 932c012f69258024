//! `pitchbridge people|training|deals|results|market`: the roster, training results and CRM
//! deals in, and a launch's results out.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use pitchbridge_app::error::{ApiError, ApiResult};
use pitchbridge_app::results::{FileReading, LaunchResults, MappingChoice};
use pitchbridge_results::analysis::GroupResult;
use pitchbridge_results::amount::DecimalMark;
use pitchbridge_results::day::DateOrder;
use pitchbridge_results::table::TextEncoding;

use crate::terminal::{complain, done, say};
use crate::{open, Format};

fn encoding(s: &str) -> Result<TextEncoding, String> {
    TextEncoding::parse(s).ok_or_else(|| "one of utf-8, windows-1252".into())
}

fn order(s: &str) -> Result<DateOrder, String> {
    DateOrder::parse(s).ok_or_else(|| "dmy (31/01/2027) or mdy (01/31/2027)".into())
}

#[derive(Subcommand)]
pub enum PeopleAction {
    /// Add the reps of a roster CSV (name, email, partner company, region, role, manager), or
    /// update those already on it by email.
    ///
    /// Example: pitchbridge people import --workspace team.pitchbridge reps.csv
    Import {
        #[arg(long)]
        workspace: PathBuf,
        /// The file's encoding, when the detected one is wrong (utf-8, windows-1252).
        #[arg(long, value_parser = encoding)]
        encoding: Option<TextEncoding>,
        file: PathBuf,
    },
    /// Say that deals owned by a name the CRM uses are a rep's.
    ///
    /// Example: pitchbridge people map --workspace team.pitchbridge --owner "Dana K." --email dana@example.com
    Map {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        owner: String,
        #[arg(long)]
        email: String,
    },
    /// List the roster.
    ///
    /// Example: pitchbridge people list --workspace team.pitchbridge
    List {
        #[arg(long)]
        workspace: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum TrainingAction {
    /// Keep a learning system's completion export (learner email, course, status, date,
    /// score) for the workspace's SCORM packages.
    ///
    /// Example: pitchbridge training import --workspace team.pitchbridge completions.csv
    Import {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long, value_parser = encoding)]
        encoding: Option<TextEncoding>,
        /// The order of day and month, when the file's dates do not settle it (dmy, mdy).
        #[arg(long, value_parser = order)]
        dates: Option<DateOrder>,
        file: PathBuf,
    },
    /// Attest by hand that a rep was certified on a launch (a kit with --kit, its audience id).
    ///
    /// Example: pitchbridge training certify --workspace team.pitchbridge --email dana@example.com --launch 1 --date 2027-03-01
    Certify {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        email: String,
        #[arg(long)]
        launch: i64,
        /// The kit's audience id; without it, the launch as a whole.
        #[arg(long)]
        kit: Option<i64>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        /// Who attests it (default: you, by your profile).
        #[arg(long)]
        by: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum DealsAction {
    /// Import a CRM export: a Salesforce opportunity report, a HubSpot deals export, or any CSV
    /// with a mapping file. Deals already imported from the same source are updated where they
    /// changed. With --dry-run, show the first rows and the mapping, and import nothing.
    ///
    /// Example: pitchbridge deals import --workspace team.pitchbridge --mapping salesforce opportunities.csv
    Import {
        #[arg(long)]
        workspace: PathBuf,
        /// salesforce, hubspot, a source imported before, or a mapping file (MAPPING.toml).
        #[arg(long)]
        mapping: String,
        /// The order of day and month, when the file's dates do not settle it (dmy, mdy).
        #[arg(long, value_parser = order)]
        dates: Option<DateOrder>,
        /// The decimal mark of amounts (point, comma), when detection is wrong.
        #[arg(long, value_parser = decimal)]
        decimal: Option<DecimalMark>,
        /// The file's encoding, when the detected one is wrong (utf-8, windows-1252).
        #[arg(long, value_parser = encoding)]
        encoding: Option<TextEncoding>,
        #[arg(long)]
        dry_run: bool,
        file: PathBuf,
    },
}

fn decimal(s: &str) -> Result<DecimalMark, String> {
    DecimalMark::parse(s).ok_or_else(|| "point (1,234.56) or comma (1.234,56)".into())
}

fn reading(r: &FileReading) {
    for n in &r.notes {
        say!("  {n}");
    }
    if r.problem_count > 0 {
        say!("{} row{} not imported:", r.problem_count, if r.problem_count == 1 { "" } else { "s" });
        for p in &r.problems {
            say!("  line {}: {}", p.line, p.reason);
        }
        if r.problem_count > r.problems.len() as u64 {
            say!("  … and {} more", r.problem_count - r.problems.len() as u64);
        }
    }
}


pub fn people(action: PeopleAction) -> ExitCode {
    done(
        (|| match action {
            PeopleAction::Import { workspace, encoding, file } => {
                let mut app = open(&workspace)?;
                let r = app.import_people(&file, encoding)?;
                say!("{} rows read: {} reps added, {} updated.", r.reading.rows, r.added, r.updated);
                reading(&r.reading);
                Ok(())
            }
            PeopleAction::Map { workspace, owner, email } => {
                let mut app = open(&workspace)?;
                app.map_deal_owner(&owner, &email)?;
                say!("Deals owned by \"{owner}\" now count as {email}'s.");
                Ok(())
            }
            PeopleAction::List { workspace } => {
                let app = open(&workspace)?;
                for p in app.people()? {
                    let partner = if p.partner.is_empty() { "direct".to_string() } else { p.partner };
                    say!("{}\t{}\t{}\t{}\t{}", p.email, p.name, partner, p.region, p.role);
                }
                Ok(())
            }
        })(),
        "people",
    )
}

pub fn training(action: TrainingAction) -> ExitCode {
    done(
        (|| match action {
            TrainingAction::Import { workspace, encoding, dates, file } => {
                let mut app = open(&workspace)?;
                let r = app.import_training(&file, encoding, dates)?;
                say!("{} rows read: {} training results kept, {} not started.", r.reading.rows, r.recorded, r.not_started);
                reading(&r.reading);
                if !r.unknown_people.is_empty() {
                    say!("Learners not on the roster (import the roster, then this file again):");
                    for (e, n) in r.unknown_people.iter().take(20) {
                        say!("  {e} ({n} row{})", if *n == 1 { "" } else { "s" });
                    }
                }
                if !r.unknown_courses.is_empty() {
                    say!("Courses that are none of this workspace's kits (left out):");
                    for (c, n) in r.unknown_courses.iter().take(20) {
                        say!("  {c} ({n} row{})", if *n == 1 { "" } else { "s" });
                    }
                }
                Ok(())
            }
            TrainingAction::Certify { workspace, email, launch, kit, date, by } => {
                let mut app = open(&workspace)?;
                let by = by.unwrap_or_default();
                if app.certify(&email, launch, kit, &date, &by)? {
                    say!("{email} certified on {date}.");
                } else {
                    say!("{email} was already recorded as certified on {date}.");
                }
                Ok(())
            }
        })(),
        "training",
    )
}

pub fn deals(action: DealsAction) -> ExitCode {
    done(
        (|| match action {
            DealsAction::Import { workspace, mapping, dates, decimal, encoding, dry_run, file } => {
                let choice = if mapping.ends_with(".toml") || Path::new(&mapping).is_file() {
                    let text = std::fs::read_to_string(&mapping).map_err(|e| ApiError::invalid(format!("Cannot read the mapping {mapping}: {e}")))?;
                    MappingChoice::Toml(text)
                } else {
                    MappingChoice::Named(mapping.clone())
                };
                let mut app = open(&workspace)?;
                let choice = if dates.is_some() || decimal.is_some() || encoding.is_some() {
                    let mut m = app.deal_mapping(&choice)?;
                    m.date_order = dates.or(m.date_order);
                    m.decimal = decimal.or(m.decimal);
                    m.encoding = encoding.or(m.encoding);
                    MappingChoice::Mapping(m)
                } else {
                    choice
                };
                if dry_run {
                    let p = app.preview_deals(&file, &choice)?;
                    say!("Columns: {}", p.header.join(" | "));
                    for r in &p.first_rows {
                        say!("  {}", r.join(" | "));
                    }
                    for n in &p.notes {
                        say!("  {n}");
                    }
                    say!("\nThe mapping (save it as a .toml file to edit it):\n{}", p.mapping_toml);
                    return Ok(());
                }
                let interactive = std::io::IsTerminal::is_terminal(&std::io::stderr());
                let mut last = 0;
                let mut progress = |at: u64, total: u64| {
                    let pct = if total == 0 { 100 } else { at * 100 / total };
                    if interactive && pct != last {
                        last = pct;
                        eprint!("\rImporting… {pct}%");
                    }
                };
                let r = app.import_deals(&file, &choice, &mut progress)?;
                if interactive {
                    eprintln!("\r                 \r");
                }
                say!(
                    "{} rows read into source \"{}\": {} deals added, {} updated, {} unchanged ({} still open).",
                    r.reading.rows, r.source, r.counts.added, r.counts.updated, r.counts.unchanged, r.open
                );
                reading(&r.reading);
                Ok(())
            }
        })(),
        "deals",
    )
}

fn pct(x: Option<f64>) -> String {
    x.map(|v| format!("{:.1}%", v * 100.0)).unwrap_or_else(|| "—".into())
}

fn ci(x: Option<[f64; 2]>) -> String {
    x.map(|c| format!("{:.1}% to {:.1}%", c[0] * 100.0, c[1] * 100.0)).unwrap_or_else(|| "—".into())
}

/// An interval of differences in points: "+2.1 to +9.8".
fn ci_points(x: Option<[f64; 2]>) -> String {
    x.map(|c| format!("{:+.1} to {:+.1}", c[0] * 100.0, c[1] * 100.0)).unwrap_or_else(|| "—".into())
}

fn money(x: Option<f64>, currency: &str) -> String {
    x.map(|v| format!("{v:.0} {currency}")).unwrap_or_else(|| "—".into())
}

fn group_line(label: &str, g: &GroupResult, currency: &str) -> String {
    format!(
        "{label:<22} {:>7} deals {:>7} won  win rate {:>6} (95% {})  mean won {}{}",
        g.deals,
        g.won,
        pct(g.win_rate),
        ci(g.ci95),
        money(g.mean_won_amount, currency),
        if g.small_sample && g.deals > 0 { "  [few deals]" } else { "" }
    )
}

pub fn results(workspace: &Path, launch: i64, format: Format, per_rep: bool) -> ExitCode {
    let r: ApiResult<LaunchResults> = open(workspace).and_then(|app| app.launch_results(launch, per_rep));
    let r = match r {
        Ok(r) => r,
        Err(e) => {
            complain!("pitchbridge results: {}", e.message);
            return ExitCode::from(2);
        }
    };
    if format == Format::Json {
        say!("{}", serde_json::to_string_pretty(&r).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    let x = &r.results;
    say!("{} — deals of product line \"{}\"{}", r.launch_name, r.product_line, if r.since.is_empty() { String::new() } else { format!(" closed since {}", r.since) });
    say!("{} closed deals: {} attributed to reps, {} not.", x.deals, x.attributed, x.unattributed);
    if x.deals == 0 && !r.product_lines.is_empty() {
        say!("No deal carries this product line. The deals' product lines are:");
        for (l, n) in r.product_lines.iter().take(10) {
            say!("  \"{l}\" ({n} closed deals)");
        }
        say!("Set the launch's with: pitchbridge market --workspace W --launch {launch} --product-line NAME");
    }
    say!("");
    say!("{}", group_line("Certified at close", &x.certified, &r.currency));
    say!("{}", group_line("Not yet certified", &x.not_certified, &r.currency));
    let d = &x.difference;
    say!("Difference (raw)       {:>7} points (95% {})", d.raw.map(|v| format!("{:+.1}", v * 100.0)).unwrap_or("—".into()), ci_points(d.raw_ci95));
    say!("Difference (adjusted)  {:>7} points (95% {}), for {}", d.adjusted.map(|v| format!("{:+.1}", v * 100.0)).unwrap_or("—".into()), ci_points(d.adjusted_ci95), d.adjusted_for.join(", "));
    say!("\n{}", d.verdict);
    let s = &x.same_reps;
    if s.reps > 0 {
        say!("\nThe same {} reps before and after certification:", s.reps);
        say!("{}", group_line("  Before", &s.before, &r.currency));
        say!("{}", group_line("  After", &s.after, &r.currency));
        say!("  Difference {} points (95% {})", s.difference.map(|v| format!("{:+.1}", v * 100.0)).unwrap_or("—".into()), ci_points(s.difference_ci95));
    }
    if r.other_currency_deals > 0 {
        say!("\n{} won deals in other currencies than {} are left out of the amounts.", r.other_currency_deals, r.currency);
    }
    let training: Vec<String> = r.training.iter().filter(|(_, n)| *n > 0).map(|(s, n)| format!("{n} {}", serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())).collect();
    if !training.is_empty() {
        say!("\nReps on this launch's training today: {}.", training.join(", "));
        for k in &r.training_by_kit {
            let states: Vec<String> = k.states.iter().filter(|(_, n)| *n > 0).map(|(s, n)| format!("{n} {}", serde_json::to_value(s).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())).collect();
            say!("  {}: {}", k.kit, states.join(", "));
        }
    }
    if !r.unknown_owners.is_empty() {
        say!("\nDeal owners not on the roster (map them with pitchbridge people map):");
        for (o, n) in r.unknown_owners.iter().take(20) {
            say!("  {o} ({n} closed deals)");
        }
    }
    if !r.loss_reasons.is_empty() {
        say!("\nWhy deals were lost, and what answers it:");
        for f in r.loss_reasons.iter().take(10) {
            let answer = if !f.answered_by.is_empty() {
                format!("answered by {}", f.answered_by.join("; "))
            } else if let Some(m) = f.matches.iter().find(|m| !m.answered_by.is_empty()) {
                format!("{} is answered by {}", m.label, m.answered_by.join("; "))
            } else {
                "NO approved objection-handling pitch answers it".to_string()
            };
            say!("  {:>6}  {} — {answer}", f.deals, f.reason);
            for m in f.matches.iter().take(3) {
                say!("          about {} ({}): {}", m.label, m.kind, m.text);
            }
        }
    }
    if per_rep {
        say!("\nPer rep: wins against what their regions, customers and quarters would give anyone");
        for p in &x.reps {
            say!(
                "  {:<32} {:>5} deals {:>5} won  expected {:>7.1}  contribution {:>+7.1} (95% {:+.1} to {:+.1})",
                p.email, p.deals, p.won, p.expected_won, p.contribution, p.contribution_ci95[0], p.contribution_ci95[1]
            );
        }
    } else if x.attributed > 0 {
        say!("\nPer-rep figures are left out; add --per-rep to see them.");
    }
    ExitCode::SUCCESS
}

/// Sets what a launch sells as the CRM names it, and when it became available per region.
pub fn market(workspace: &Path, launch: i64, product_line: Option<&str>, available: &[String], not_available: &[String]) -> ExitCode {
    done(
        (|| {
            let mut app = open(workspace)?;
            if let Some(line) = product_line {
                app.set_launch_product_line(launch, line)?;
            }
            for a in available {
                let (region, day) = a.rsplit_once('=').ok_or_else(|| ApiError::invalid(format!("\"{a}\": write REGION=YYYY-MM-DD")))?;
                app.set_launch_availability(launch, region, Some(day))?;
            }
            for region in not_available {
                app.set_launch_availability(launch, region, None)?;
            }
            let scope = app.results_scope(launch)?;
            say!("{}: product line \"{}\"{}", scope.launch_name, scope.product_line, if scope.launch_date.is_empty() { String::new() } else { format!(", deals closed since {}", scope.launch_date) });
            if scope.availability.is_empty() {
                say!("  Available in every region from the launch.");
            }
            for (region, from) in &scope.availability {
                say!("  {region}: available from {from}");
            }
            Ok(())
        })(),
        "market",
    )
}

/// Shows or sets the workspace's owner.
pub fn owner(workspace: &Path, claim: bool, to: Option<&str>) -> ExitCode {
    done(
        (|| {
            let mut app = open(workspace)?;
            let access = if claim || to.is_some() { app.set_workspace_owner(to)? } else { app.results_access()? };
            match &access.owner {
                Some(o) => say!("Owner: {o}{}", if access.may_see_reps { " (you see per-rep results)" } else { "" }),
                None => say!("No owner yet: whoever opens the workspace sees per-rep results. Claim it with --claim."),
            }
            Ok(())
        })(),
        "owner",
    )
}
