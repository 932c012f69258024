//! The person using the app: their profile (name, email, role) and signing key, kept in their
//! own configuration folder, never in a workspace; and proving they hold the key.

use std::path::{Path, PathBuf};

use pitchbridge_review::profile::{self, Profile, Role};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::{ApiError, ApiResult, ErrorCode};

/// The profile as the UI sees it: never the key itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub name: String,
    pub email: String,
    /// "writer" or "reviewer".
    pub role: String,
    /// Hex public key, once a signing key has been made.
    pub public_key: Option<String>,
    /// Whether this key is registered as a reviewer in the open workspace.
    pub registered_here: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SaveProfileRequest {
    pub name: String,
    pub email: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PassphraseRequest {
    pub passphrase: String,
}

/// Where the desktop app keeps the profile on this machine ($XDG_CONFIG_HOME or ~/.config,
/// then the app's identifier), for the command line to find the same one.
pub fn default_profile_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("com.pitchbridge.desktop"))
}

impl App {
    pub fn set_profile_dir(&mut self, dir: PathBuf) {
        self.profile_dir = Some(dir);
        let actor = self.actor();
        if let Some(ws) = self.workspace.as_mut() {
            ws.set_actor(&actor);
        }
    }

    fn profile_dir(&self) -> ApiResult<&Path> {
        self.profile_dir.as_deref().ok_or_else(|| ApiError::new(ErrorCode::Internal, "No folder for the profile was set."))
    }

    pub(crate) fn load_profile(&self) -> ApiResult<Option<Profile>> {
        match &self.profile_dir {
            Some(dir) => profile::load(dir).map_err(ApiError::from),
            None => Ok(None),
        }
    }

    pub(crate) fn require_profile(&self) -> ApiResult<Profile> {
        self.load_profile()?.ok_or_else(|| ApiError::refused("Set up your profile first (your name and email): Your profile, at the foot of the sidebar."))
    }

    /// How the person using the app is named in the audit trail.
    pub(crate) fn actor(&self) -> String {
        match self.load_profile() {
            Ok(Some(p)) => p.actor(),
            _ => std::env::var("USER").map(|u| format!("{u} (no profile)")).unwrap_or_else(|_| "Unnamed user".into()),
        }
    }

    pub fn get_profile(&self) -> ApiResult<Option<ProfileView>> {
        let Some(p) = self.load_profile()? else { return Ok(None) };
        let public_key = p.key.as_ref().map(|k| k.public_key.clone());
        let registered_here = match (&public_key, self.workspace.as_ref()) {
            (Some(k), Some(ws)) => ws.reviewer_by_key(k)?.is_some(),
            _ => false,
        };
        Ok(Some(ProfileView {
            name: p.name,
            email: p.email,
            role: if p.role == Role::Reviewer { "reviewer" } else { "writer" }.into(),
            public_key,
            registered_here,
        }))
    }

    pub fn save_profile(&mut self, req: SaveProfileRequest) -> ApiResult<ProfileView> {
        let (name, email) = profile::validate(&req.name, &req.email)?;
        let role = match req.role.as_str() {
            "reviewer" => Role::Reviewer,
            "writer" => Role::Writer,
            other => return Err(ApiError::invalid(format!("Unknown role \"{other}\": choose writer or reviewer."))),
        };
        let key = self.load_profile()?.and_then(|p| p.key);
        profile::save(self.profile_dir()?, &Profile { name, email, role, key })?;
        let actor = self.actor();
        if let Some(ws) = self.workspace.as_mut() {
            ws.set_actor(&actor);
        }
        Ok(self.get_profile()?.expect("just saved"))
    }

    /// Makes the person's signing key (once), encrypted under their passphrase.
    pub fn create_signing_key(&mut self, req: PassphraseRequest) -> ApiResult<ProfileView> {
        let mut p = self.require_profile()?;
        if p.key.is_some() {
            return Err(ApiError::refused("You already have a signing key."));
        }
        p.key = Some(pitchbridge_review::new_key(&req.passphrase).map_err(|e| ApiError::invalid(e.to_string()))?);
        profile::save(self.profile_dir()?, &p)?;
        Ok(self.get_profile()?.expect("just saved"))
    }

    /// The reviewer proves they hold their key (their passphrase) before editing a pitch in
    /// review; it holds for the rest of the session.
    pub fn unlock_for_review(&mut self, req: PassphraseRequest) -> ApiResult<()> {
        let p = self.require_profile()?;
        let key = p.key.ok_or_else(|| ApiError::refused("You have no signing key yet: make one in your profile."))?;
        pitchbridge_review::unlock(&key, &req.passphrase)?;
        self.unlocked_key = Some(key.public_key);
        Ok(())
    }

    /// The person's public key. A damaged profile counts as none here, so it never stands in
    /// the way of opening or saving a pitch; the profile dialog says what is wrong with it.
    pub(crate) fn own_public_key(&self) -> Option<String> {
        self.load_profile().ok().flatten().and_then(|p| p.key).map(|k| k.public_key)
    }
}
