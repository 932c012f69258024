//! `pitchbridge kit-review`: a training kit reviewed like a pitch, over the same use cases as
//! the Training screen and with the desktop app's profile.

use std::path::PathBuf;

use clap::{ArgGroup, Subcommand};
use pitchbridge_app::error::{ApiError, ApiResult};
use pitchbridge_app::training::{TrainingKit, TrainingKitRequest};
use pitchbridge_app::training_review::{DecideKitRequest, KitOutcome, KitStatus, SubmitKitRequest};

use crate::passphrase::PassphraseSource;
use crate::terminal::{self, say};

#[derive(Subcommand)]
pub enum KitReviewAction {
    /// Where a launch's training kit for an audience stands: its state, who it waits for,
    /// the decisions so far, and what changed since its approval.
    ///
    /// Example: pitchbridge kit-review status --workspace team.pitchbridge --launch 1 --audience 2
    Status {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        launch: i64,
        #[arg(long)]
        audience: i64,
    },
    /// Send the kit as it is to a registered reviewer (named by email). It cannot change until
    /// they decide or you withdraw it.
    ///
    /// Example: pitchbridge kit-review submit --workspace team.pitchbridge --launch 1 --audience 2 --reviewer priya@example.com
    Submit {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        launch: i64,
        #[arg(long)]
        audience: i64,
        #[arg(long, value_name = "EMAIL")]
        reviewer: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Take the kit back from review.
    ///
    /// Example: pitchbridge kit-review withdraw --workspace team.pitchbridge --launch 1 --audience 2
    Withdraw {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        launch: i64,
        #[arg(long)]
        audience: i64,
    },
    /// Approve the kit sent to you, or ask for changes, signing with your passphrase.
    ///
    /// Example: pitchbridge kit-review decide --workspace team.pitchbridge --launch 1 --audience 2 --approve --passphrase-fd 3 3< pass.txt
    #[command(group(ArgGroup::new("outcome").required(true).args(["approve", "request_changes"])))]
    Decide {
        #[arg(long)]
        workspace: PathBuf,
        #[arg(long)]
        launch: i64,
        #[arg(long)]
        audience: i64,
        #[arg(long)]
        approve: bool,
        /// Send it back; --reasons says what must change.
        #[arg(long = "request-changes", requires = "reasons")]
        request_changes: bool,
        #[arg(long, default_value = "")]
        reasons: String,
        #[command(flatten)]
        passphrase: PassphraseSource,
    },
}

pub fn run(action: KitReviewAction) -> ApiResult<()> {
    match action {
        KitReviewAction::Status { workspace, launch, audience } => {
            let app = crate::open(&workspace)?;
            terminal::out(&describe(&app.training_kit(TrainingKitRequest { launch_id: launch, audience_id: audience })?));
        }
        KitReviewAction::Submit { workspace, launch, audience, reviewer, note } => {
            let mut app = crate::open(&workspace)?;
            let r = crate::review::registered_reviewer(&app, &reviewer)?;
            terminal::out(&describe(&app.submit_training_kit(SubmitKitRequest { launch_id: launch, audience_id: audience, reviewer_id: r.id, note })?));
        }
        KitReviewAction::Withdraw { workspace, launch, audience } => {
            let mut app = crate::open(&workspace)?;
            terminal::out(&describe(&app.withdraw_training_kit(TrainingKitRequest { launch_id: launch, audience_id: audience })?));
        }
        KitReviewAction::Decide { workspace, launch, audience, approve, reasons, passphrase, .. } => {
            let mut app = crate::open(&workspace)?;
            // Refuse what cannot succeed before asking for the passphrase.
            let kit = app.training_kit(TrainingKitRequest { launch_id: launch, audience_id: audience })?;
            if !kit.review.is_reviewer {
                return Err(ApiError::refused(match kit.review.reviews.iter().find(|r| r.closed_at.is_none()) {
                    Some(r) => format!("This kit was sent to {} <{}> for review; only they can decide on it.", r.reviewer.name, r.reviewer.email),
                    None => "This kit is not waiting for a decision.".to_string(),
                }));
            }
            let passphrase = passphrase.read("Passphrase for your signing key: ", false)?;
            let outcome = if approve { KitOutcome::Approved } else { KitOutcome::ChangesRequested };
            let kit = app.decide_training_kit(DecideKitRequest { launch_id: launch, audience_id: audience, outcome, reasons, passphrase })?;
            say!("Signed.");
            terminal::out(&describe(&kit));
        }
    }
    Ok(())
}

/// "Training kit for Launch — Audience: approved (12 items)." and its reviews.
fn describe(kit: &TrainingKit) -> String {
    use std::fmt::Write;
    let state = match kit.review.status {
        KitStatus::Draft => "draft",
        KitStatus::InReview => "in review",
        KitStatus::Approved => "approved",
        KitStatus::ChangesRequested => "changes requested",
        KitStatus::ChangedSinceApproval => "changed since its approval",
    };
    let mut out = format!("Training kit for {} — {}: {state} ({} items, {} reworded)", kit.launch_name, kit.audience_name, kit.items.len(), kit.edited.len());
    if let Some(r) = kit.review.reviews.iter().find(|r| r.closed_at.is_none()) {
        let _ = write!(out, ", waiting for {} <{}>", r.reviewer.name, r.reviewer.email);
    }
    out.push_str(".\n");
    for c in &kit.review.changes {
        let _ = writeln!(out, "  since the approval: {c}");
    }
    for r in kit.review.reviews.iter().filter(|r| r.closed_at.is_some()) {
        let who = if r.signer.is_empty() { r.submitted_by.as_str() } else { r.signer.as_str() };
        let _ = writeln!(
            out,
            "  {} by {} at {}{}",
            r.outcome.as_deref().unwrap_or_default(),
            who,
            r.closed_at.as_deref().unwrap_or_default(),
            if r.reasons.is_empty() { String::new() } else { format!(": {}", r.reasons) }
        );
    }
    out
}
