//! `pitchbridge profile`: the person's profile and signing key, the same ones the desktop app
//! keeps (`$XDG_CONFIG_HOME/com.pitchbridge.desktop`, else `~/.config/…`).

use clap::Subcommand;
use pitchbridge_app::error::{ApiError, ApiResult};
use pitchbridge_app::profile::{PassphraseRequest, ProfileView, SaveProfileRequest};

use crate::passphrase::PassphraseSource;
use crate::terminal::{self, say};

#[derive(Subcommand)]
pub enum ProfileAction {
    /// Show the profile: name, email, role and whether a signing key exists.
    ///
    /// Example: pitchbridge profile show
    Show,
    /// Set your name, email and role (your signing key, if any, is kept).
    ///
    /// Example: pitchbridge profile set --name "Priya Raman" --email priya@example.com --role reviewer
    Set {
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        #[arg(long, value_parser = ["writer", "reviewer"])]
        role: String,
    },
    /// Make your signing key, locked with a passphrase you will type for every decision.
    ///
    /// Example: pitchbridge profile key --passphrase-file ~/.config/pitchbridge-pass
    Key {
        #[command(flatten)]
        passphrase: PassphraseSource,
    },
}

pub fn run(action: ProfileAction) -> ApiResult<()> {
    let mut app = crate::new_app();
    match action {
        ProfileAction::Show => match app.get_profile()? {
            Some(p) => terminal::out(&describe(&p)),
            None => say!("No profile yet: pitchbridge profile set --name N --email E --role writer|reviewer"),
        },
        ProfileAction::Set { name, email, role } => {
            let p = app.save_profile(SaveProfileRequest { name, email, role })?;
            terminal::out(&format!("Saved.\n{}", describe(&p)));
        }
        ProfileAction::Key { passphrase } => {
            if app.get_profile()?.is_none() {
                return Err(ApiError::refused("Set up your profile first: pitchbridge profile set --name N --email E --role reviewer"));
            }
            let passphrase = passphrase.read("New passphrase for your signing key: ", true)?;
            let p = app.create_signing_key(PassphraseRequest { passphrase })?;
            say!("Made your signing key; its public key is {}.", p.public_key.unwrap_or_default());
        }
    }
    Ok(())
}

fn describe(p: &ProfileView) -> String {
    format!(
        "{} <{}>, {}\n{}\n",
        p.name,
        p.email,
        p.role,
        match &p.public_key {
            Some(k) => format!("Signing key: {k}"),
            None => "No signing key yet: pitchbridge profile key".into(),
        }
    )
}
