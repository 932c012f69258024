//! Files handed to the app by the desktop (a double-click, "Open with"): what kind each is, by
//! its extension or, without one, by what it holds; and what the person is shown before
//! anything happens to it.

use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult};
use crate::App;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum OpenedKind {
    Workspace,
    ReviewPackage,
    Decision,
    ReviewerCard,
}

/// A file the desktop handed over, and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenedFile {
    pub kind: OpenedKind,
    pub path: String,
    /// Where a review package's copy goes unless the person chooses: beside the package.
    pub review_copy: Option<String>,
}

/// What a decision file will do, shown before it is applied.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DecisionFilePreview {
    pub pitch_title: String,
    /// "approved", "approved-with-edits", "changes-requested".
    pub outcome: String,
    pub meaning: String,
    pub signer: String,
    pub signed_at: String,
    pub reasons: String,
    pub comments: u32,
    /// Whether it was made for the open workspace (it applies nowhere else).
    pub for_this_workspace: bool,
    /// Where the workspace it was made for is on this machine, when it has been opened here.
    pub workspace_path: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewerCardPreview {
    pub name: String,
    pub email: String,
    /// Already registered here with the same key.
    pub already_registered: bool,
}

/// What kind of Pitchbridge file `path` is: by extension, else by its first bytes (an SQLite
/// file whose application id is "PBWS"; JSON naming one of the review formats). `None` for
/// anything else.
pub fn opened_kind(path: &Path) -> Option<OpenedKind> {
    let by_ext = match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("pitchbridge") => Some(OpenedKind::Workspace),
        Some("pbreview") => Some(OpenedKind::ReviewPackage),
        Some("pbdecision") => Some(OpenedKind::Decision),
        Some("pbreviewer") => Some(OpenedKind::ReviewerCard),
        _ => None,
    };
    if by_ext.is_some() {
        return by_ext;
    }
    let mut head = [0u8; 256];
    let n = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)).unwrap_or(0);
    let head = &head[..n];
    if head.starts_with(b"SQLite format 3\0") && head.len() >= 72 && &head[68..72] == b"PBWS" {
        return Some(OpenedKind::Workspace);
    }
    let text = String::from_utf8_lossy(head);
    if text.contains(crate::review_files::REVIEWER_CARD_FORMAT) {
        Some(OpenedKind::ReviewerCard)
    } else if text.contains(pitchbridge_store::PACKAGE_FORMAT) {
        Some(OpenedKind::ReviewPackage)
    } else if text.contains(pitchbridge_review::DECISION_FORMAT) {
        Some(OpenedKind::Decision)
    } else {
        None
    }
}

/// The file in the person's configuration folder that says where each workspace they opened
/// is (by its identity), so a decision can find the workspace it belongs to.
const KNOWN_WORKSPACES: &str = "known-workspaces.json";

/// Notes where a workspace is. Best effort: a folder that cannot be written loses nothing else.
pub(crate) fn remember_workspace(dir: &Path, id: &str, path: &Path) {
    let file = dir.join(KNOWN_WORKSPACES);
    let mut known: std::collections::BTreeMap<String, String> = std::fs::read(&file).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default();
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string();
    if known.get(id) == Some(&path) {
        return;
    }
    known.insert(id.to_string(), path);
    if std::fs::create_dir_all(dir).is_ok() {
        let _ = pitchbridge_export::write_file(&file, &serde_json::to_vec_pretty(&known).unwrap_or_default());
    }
}

/// Where the workspace with this identity was last opened, if the file is still there.
pub(crate) fn known_workspace(dir: &Path, id: &str) -> Option<std::path::PathBuf> {
    let known: std::collections::BTreeMap<String, String> = serde_json::from_slice(&std::fs::read(dir.join(KNOWN_WORKSPACES)).ok()?).ok()?;
    known.get(id).map(std::path::PathBuf::from).filter(|p| p.is_file())
}

/// The file as the UI is told of it.
pub fn opened_file(path: &Path) -> Option<OpenedFile> {
    let kind = opened_kind(path)?;
    let review_copy = (kind == OpenedKind::ReviewPackage).then(|| crate::files::review_copy_path(path).display().to_string());
    Some(OpenedFile { kind, path: path.display().to_string(), review_copy })
}

impl App {
    /// What applying a decision file would do, without applying it.
    pub fn preview_decision_file(&self, path: &Path) -> ApiResult<DecisionFilePreview> {
        let bytes = pitchbridge_core::files::read_capped(path, 64 * 1024 * 1024).map_err(|e| ApiError::invalid(format!("Cannot read {}: {e}", path.display())))?;
        let file = pitchbridge_review::parse_decision_file(&bytes).map_err(|e| ApiError::invalid(e.to_string()))?;
        let d = &file.decision;
        let here = self.ws().ok().and_then(|ws| ws.workspace_id().ok());
        Ok(DecisionFilePreview {
            pitch_title: d.pitch_title.clone(),
            outcome: d.outcome.clone(),
            meaning: d.meaning.clone(),
            signer: format!("{} <{}>", d.signer_name, d.signer_email),
            signed_at: d.signed_at.clone(),
            reasons: d.reasons.clone(),
            comments: d.comments.len() as u32,
            for_this_workspace: here.as_deref() == Some(d.workspace_id.as_str()),
            workspace_path: self.profile_dir.as_deref().and_then(|dir| known_workspace(dir, &d.workspace_id)).map(|p| p.display().to_string()),
        })
    }

    /// Opens the workspace a decision was made for (where it was last opened on this machine)
    /// and applies the decision there.
    pub fn apply_decision_in_its_workspace(&mut self, path: &Path) -> ApiResult<(crate::workspace::WorkspaceInfo, crate::review_files::DecisionImport)> {
        let preview = self.preview_decision_file(path)?;
        let target = preview
            .workspace_path
            .ok_or_else(|| ApiError::invalid("The workspace this decision was made for has not been opened on this machine. Open it, then open the decision again."))?;
        let info = self.open_workspace(crate::workspace::OpenWorkspaceRequest { path: target, create: false })?;
        let done = self.import_decision(path)?;
        Ok((info, done))
    }

    /// Who a reviewer card names, before they are added.
    pub fn preview_reviewer_card(&self, path: &Path) -> ApiResult<ReviewerCardPreview> {
        let bytes = pitchbridge_core::files::read_capped(path, 1024 * 1024).map_err(|e| ApiError::invalid(format!("Cannot read {}: {e}", path.display())))?;
        let card: crate::review_files::ReviewerCard = serde_json::from_slice(&bytes)
            .ok()
            .filter(|c: &crate::review_files::ReviewerCard| c.format == crate::review_files::REVIEWER_CARD_FORMAT)
            .ok_or_else(|| ApiError::invalid(format!("{} is not a Pitchbridge reviewer card.", path.display())))?;
        let already_registered = self.ws()?.reviewer_by_key(&card.public_key)?.is_some();
        Ok(ReviewerCardPreview { name: card.name, email: card.email, already_registered })
    }
}
