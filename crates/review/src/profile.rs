//! A person's local profile: who they are, their role, and their signing key (encrypted under
//! their passphrase). It lives in the user's own configuration folder, never in a workspace,
//! so a shared workspace never holds anyone's private key.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::EncryptedKey;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Writer,
    Reviewer,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Made on first use (the first time the person needs to sign).
    pub key: Option<EncryptedKey>,
}

impl Profile {
    /// How the person is named in the audit trail and on decisions: "Name <email>".
    pub fn actor(&self) -> String {
        actor(&self.name, &self.email)
    }
}

/// "Name <email>", or the name alone when there is no email.
pub fn actor(name: &str, email: &str) -> String {
    if email.is_empty() {
        name.to_string()
    } else {
        format!("{name} <{email}>")
    }
}

pub const PROFILE_FILE: &str = "profile.json";

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("Your profile at {} cannot be read ({detail}). Fix or remove the file, then try again.", .path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("Your profile could not be saved to {}: {detail}", .path.display())]
    Write { path: PathBuf, detail: String },
    #[error("{0}")]
    Invalid(String),
}

/// The profile kept in `dir`, or `None` before the person has made one.
pub fn load(dir: &Path) -> Result<Option<Profile>, ProfileError> {
    let path = dir.join(PROFILE_FILE);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(ProfileError::Damaged { path, detail: e.to_string() }),
    };
    serde_json::from_slice(&bytes).map(Some).map_err(|e| ProfileError::Damaged { path, detail: e.to_string() })
}

/// Checks the fields a person types.
pub fn validate(name: &str, email: &str) -> Result<(String, String), ProfileError> {
    let name = name.trim();
    let email = email.trim();
    if name.is_empty() {
        return Err(ProfileError::Invalid("Enter your name: it goes on every comment and decision you make.".into()));
    }
    if name.chars().count() > 200 || email.chars().count() > 200 {
        return Err(ProfileError::Invalid("A name or email can be at most 200 characters.".into()));
    }
    if !email.is_empty() && !(email.contains('@') && !email.contains(char::is_whitespace) && !email.starts_with('@') && !email.ends_with('@')) {
        return Err(ProfileError::Invalid(format!("\"{email}\" does not look like an email address.")));
    }
    if name.contains(['<', '>']) {
        return Err(ProfileError::Invalid("A name cannot contain < or >.".into()));
    }
    Ok((name.to_string(), email.to_string()))
}

/// Saves the profile whole or not at all (a temporary file, synced, then renamed), readable
/// by its owner only.
pub fn save(dir: &Path, profile: &Profile) -> Result<(), ProfileError> {
    let path = dir.join(PROFILE_FILE);
    let fail = |e: std::io::Error| ProfileError::Write { path: path.clone(), detail: e.to_string() };
    std::fs::create_dir_all(dir).map_err(fail)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(0o600)).map_err(fail)?;
    }
    tmp.write_all(&serde_json::to_vec_pretty(profile).expect("a profile serialises")).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(&path).map_err(|e| fail(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_round_trips_and_a_damaged_one_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()).unwrap(), None);
        let p = Profile { name: "Priya Raman".into(), email: "priya@ledgerline.example".into(), role: Role::Reviewer, key: None };
        save(dir.path(), &p).unwrap();
        assert_eq!(load(dir.path()).unwrap(), Some(p.clone()));
        assert_eq!(p.actor(), "Priya Raman <priya@ledgerline.example>");
        std::fs::write(dir.path().join(PROFILE_FILE), b"{not json").unwrap();
        assert!(matches!(load(dir.path()), Err(ProfileError::Damaged { .. })));
        assert!(validate(" ", "a@b").is_err());
        assert!(validate("Priya", "not an email").is_err());
        assert_eq!(validate(" Priya ", "").unwrap(), ("Priya".into(), String::new()));
    }
}
