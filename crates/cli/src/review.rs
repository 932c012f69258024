//! `pitchbridge review`: the review workflow over the same use cases as the desktop app, with
//! the desktop app's profile, so the audit trail names the same person.

use std::path::PathBuf;

use clap::{ArgGroup, Subcommand};
use pitchbridge_app::error::{ApiError, ApiResult};
use pitchbridge_app::review::{DecideRequest, PitchRef, ReviewState, SubmitRequest};
use pitchbridge_app::store::PitchOutcome;
use pitchbridge_app::App;

use crate::passphrase::PassphraseSource;
use crate::terminal::{self, say};

#[derive(Subcommand)]
pub enum ReviewAction {
    /// Where a pitch stands in review: its state, who it waits for, the decisions so far.
    ///
    /// Example: pitchbridge review status --workspace team.pitchbridge --pitch 2
    Status {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        pitch: i64,
    },
    /// Register your own signing key as a reviewer in the workspace.
    ///
    /// Example: pitchbridge review register --workspace team.pitchbridge
    Register {
        #[arg(long)]
        workspace: PathBuf,
    },
    /// Save your reviewer card (your public key) for a writer on another machine.
    ///
    /// Example: pitchbridge review card -o "Priya reviewer card.pbreviewer"
    Card {
        #[arg(short = 'o', long = "output", value_name = "CARD")]
        output: PathBuf,
    },
    /// Register the reviewer a reviewer card names.
    ///
    /// Example: pitchbridge review add-reviewer --workspace team.pitchbridge "Priya reviewer card.pbreviewer"
    AddReviewer {
        #[arg(long)]
        workspace: PathBuf,
        card: PathBuf,
    },
    /// Send a pitch to a registered reviewer (named by email). It is read-only for you until
    /// they decide or you withdraw it.
    ///
    /// Example: pitchbridge review submit --workspace team.pitchbridge --pitch 2 --reviewer priya@example.com --note "Pricing changed"
    Submit {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        pitch: i64,
        #[arg(long, value_name = "EMAIL")]
        reviewer: String,
        #[arg(long, default_value = "")]
        note: String,
        /// Submit although error findings are open, saying why (recorded with the request).
        #[arg(long = "override-reason", value_name = "WHY")]
        override_reason: Option<String>,
    },
    /// Take a pitch back from review.
    ///
    /// Example: pitchbridge review withdraw --workspace team.pitchbridge --pitch 2
    Withdraw {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        pitch: i64,
    },
    /// Decide on a pitch sent to you, signing with your passphrase.
    ///
    /// Example: pitchbridge review decide --workspace team.pitchbridge --pitch 2 --approve --passphrase-fd 3 3< pass.txt
    #[command(group(ArgGroup::new("outcome").required(true).args(["approve", "approve_with_edits", "request_changes"])))]
    Decide {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        pitch: i64,
        /// Approve the text as it is.
        #[arg(long)]
        approve: bool,
        /// Approve with the edits you made to the text (in the app).
        #[arg(long = "approve-with-edits")]
        approve_with_edits: bool,
        /// Send it back; --reasons says what must change.
        #[arg(long = "request-changes", requires = "reasons")]
        request_changes: bool,
        #[arg(long, default_value = "")]
        reasons: String,
        /// A manual checklist item the writer ticked that you confirm (repeat for several).
        #[arg(long = "confirm", value_name = "ITEM")]
        confirm: Vec<String>,
        /// Approve although required claims are untranslated or your comments are
        /// unresolved, saying why (signed with the decision).
        #[arg(long = "override-reason", value_name = "WHY")]
        override_reason: Option<String>,
        #[command(flatten)]
        passphrase: PassphraseSource,
    },
    /// Write a review package for a pitch that is in review, for a reviewer on another machine.
    ///
    /// Example: pitchbridge review export --workspace team.pitchbridge --pitch 2 -o "For review.pbreview"
    Export {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        pitch: i64,
        #[arg(short = 'o', long = "output", value_name = "PACKAGE")]
        output: PathBuf,
    },
    /// Open a review package as a new review copy (a workspace of its own).
    ///
    /// Example: pitchbridge review open "For review.pbreview" -o "For review (copy).pitchbridge"
    Open {
        package: PathBuf,
        #[arg(short = 'o', long = "output", value_name = "COPY")]
        output: PathBuf,
    },
    /// Save the pitch's latest decision as a file for the writer (from a review copy).
    ///
    /// Example: pitchbridge review decision --workspace "For review (copy).pitchbridge" --pitch 2 -o decision.pbdecision
    Decision {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        pitch: i64,
        #[arg(short = 'o', long = "output", value_name = "DECISION")]
        output: PathBuf,
    },
    /// Apply a decision file. It is refused, with the reason and nothing changed, unless it is
    /// signed by the registered reviewer the pitch was sent to and every fingerprint matches.
    ///
    /// Example: pitchbridge review import --workspace team.pitchbridge decision.pbdecision
    Import {
        #[arg(long)]
        workspace: PathBuf,
        decision: PathBuf,
    },
}

pub fn run(action: ReviewAction) -> ApiResult<()> {
    match action {
        ReviewAction::Status { workspace, pitch } => {
            let app = crate::open(&workspace)?;
            terminal::out(&describe(&app, pitch, &app.review_state(pitch)?)?);
        }
        ReviewAction::Register { workspace } => {
            let mut app = crate::open(&workspace)?;
            let r = app.register_as_reviewer()?;
            say!("Registered {} <{}> as a reviewer in {}.", r.name, r.email, workspace.display());
        }
        ReviewAction::Card { output } => {
            let app = crate::new_app();
            app.export_reviewer_card(&output)?;
            say!("Wrote your reviewer card {}.", output.display());
        }
        ReviewAction::AddReviewer { workspace, card } => {
            let mut app = crate::open(&workspace)?;
            let r = app.import_reviewer_card(&card)?;
            say!("Registered {} <{}> as a reviewer.", r.name, r.email);
        }
        ReviewAction::Submit { workspace, pitch, reviewer, note, override_reason } => {
            let mut app = crate::open(&workspace)?;
            let r = registered_reviewer(&app, &reviewer)?;
            let state = app.submit_for_review(SubmitRequest { pitch_id: pitch, reviewer_id: r.id, note, override_reason })?;
            terminal::out(&describe(&app, pitch, &state)?);
        }
        ReviewAction::Withdraw { workspace, pitch } => {
            let mut app = crate::open(&workspace)?;
            let state = app.withdraw_review(PitchRef { pitch_id: pitch })?;
            terminal::out(&describe(&app, pitch, &state)?);
        }
        ReviewAction::Decide { workspace, pitch, approve, approve_with_edits, request_changes, reasons, confirm, passphrase, override_reason } => {
            let outcome = match (approve, approve_with_edits, request_changes) {
                (true, _, _) => PitchOutcome::Approved,
                (_, true, _) => PitchOutcome::ApprovedWithEdits,
                _ => PitchOutcome::ChangesRequested,
            };
            let mut app = crate::open(&workspace)?;
            // Refuse what cannot succeed before asking for the passphrase.
            let state = app.review_state(pitch)?;
            if !state.is_reviewer {
                return Err(ApiError::refused(match &state.request {
                    Some(r) if r.closed_at.is_none() => format!("This pitch was sent to {} <{}> for review; only they can decide on it.", r.reviewer.name, r.reviewer.email),
                    _ => "This pitch is not waiting for a decision.".to_string(),
                }));
            }
            let passphrase = passphrase.read("Passphrase for your signing key: ", false)?;
            let state = app.decide(DecideRequest { pitch_id: pitch, outcome, reasons, passphrase, confirmed_items: confirm, override_reason })?;
            terminal::out(&describe(&app, pitch, &state)?);
        }
        ReviewAction::Export { workspace, pitch, output } => {
            let app = crate::open(&workspace)?;
            app.export_review_package(pitch, &output)?;
            say!("Wrote the review package {}.", output.display());
        }
        ReviewAction::Open { package, output } => {
            let mut app = crate::new_app();
            app.open_review_package(&package, &output)?;
            say!("Opened the review package as {}.", output.display());
        }
        ReviewAction::Decision { workspace, pitch, output } => {
            let app = crate::open(&workspace)?;
            app.export_decision(pitch, &output)?;
            say!("Wrote the decision {}.", output.display());
        }
        ReviewAction::Import { workspace, decision } => {
            let mut app = crate::open(&workspace)?;
            let done = app.import_decision(&decision)?;
            let d = &done.decision;
            say!("Applied the decision on pitch {} \"{}\": {} Signed by {} at {}.", done.pitch_id, done.pitch_title, d.meaning, d.signer, d.signed_at);
        }
    }
    Ok(())
}

/// The registered reviewer with this email, or which reviewers there are.
pub fn registered_reviewer(app: &App, email: &str) -> ApiResult<pitchbridge_app::store::Reviewer> {
    let reviewers = app.list_reviewers()?;
    if let Some(r) = reviewers.iter().find(|r| r.email.eq_ignore_ascii_case(email.trim())) {
        return Ok(r.clone());
    }
    let known: Vec<String> = reviewers.iter().map(|r| r.email.clone()).collect();
    Err(ApiError::invalid(if known.is_empty() {
        format!("{email} is not a registered reviewer, and none is registered yet: they run `pitchbridge review register`, or you add their card.")
    } else {
        format!("{email} is not a registered reviewer; the reviewers are {}.", known.join(", "))
    }))
}

/// "Pitch 2 "…": in review, waiting for Priya <…>." and the decisions so far.
fn describe(app: &App, pitch: i64, state: &ReviewState) -> ApiResult<String> {
    use std::fmt::Write;
    let title = app.get_pitch(pitch)?.summary.pitch.title;
    let mut out = format!("Pitch {pitch} \"{title}\": {}", state.status.as_str());
    if let Some(r) = state.request.as_ref().filter(|r| r.closed_at.is_none()) {
        let _ = write!(out, ", waiting for {} <{}>", r.reviewer.name, r.reviewer.email);
    }
    out.push_str(".\n");
    for d in &state.decisions {
        let _ = writeln!(out, "  {} by {} at {}{}", d.outcome, d.signer, d.signed_at, if d.reasons.is_empty() { String::new() } else { format!(": {}", d.reasons) });
    }
    Ok(out)
}
