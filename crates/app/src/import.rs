//! Importing Factory material (Word, Markdown, text) as a new message or a new version.

use std::path::Path;

use pitchbridge_core::{ClaimKind, Id};
use pitchbridge_store::VersionReport;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::messages::check_message_size;

/// A file to import into a launch: as a new Factory message, or as a new version of one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRequest {
    pub path: String,
    #[ts(type = "number")]
    pub launch_id: Id,
    /// Set to import as a new version of this message.
    #[ts(type = "number | null")]
    pub message_id: Option<Id>,
    /// The new message's title; the document's own title when empty.
    pub title: String,
    /// The digest of the preview this import confirms (`ImportPreview::digest`): the import
    /// writes exactly what was previewed, and is refused if the file has changed since. `null`
    /// imports the file as it is now (the command line without a preview).
    pub digest: Option<String>,
}

/// A claim as an import would create it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedClaim {
    #[ts(type = "number")]
    pub number: i64,
    pub section: String,
    pub text: String,
    pub kind: ClaimKind,
}

/// What an import will do, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub file_name: String,
    pub format: pitchbridge_import::SourceFormat,
    /// The title a new message would get.
    pub title: String,
    pub report: pitchbridge_import::ImportReport,
    /// "2 images skipped, 3 comments kept as notes."
    pub summary: String,
    /// The claims of a new message.
    pub claims: Vec<ImportedClaim>,
    /// For a new version: what it changes, and which pitches it touches.
    pub changes: Option<VersionReport>,
    /// The file's digest as read for this preview; send it back to import what was shown.
    pub digest: String,
}

/// The file the last preview read, parsed: an import that confirms the preview writes this,
/// never a second reading of the file.
pub(crate) struct PreviewedImport {
    path: String,
    file_name: String,
    digest: String,
    imported: pitchbridge_import::Imported,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    #[ts(type = "number")]
    pub message_id: Id,
    pub summary: String,
    pub changes: Option<VersionReport>,
    #[ts(type = "number")]
    pub claim_count: i64,
}

impl App {
    /// Reads the file once: its name, digest and parsed text.
    fn read_import(path: &str) -> ApiResult<PreviewedImport> {
        let file = pitchbridge_import::read_source(Path::new(path))?;
        let imported = pitchbridge_import::import_source(&file)?;
        check_message_size(&imported.source)?;
        let file_name = Path::new(path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(PreviewedImport { path: path.to_string(), file_name, digest: file.digest, imported })
    }

    /// Reads the file and says what importing it would do; nothing is written. What was read
    /// is kept for the import that confirms this preview.
    pub fn preview_import(&mut self, req: ImportRequest) -> ApiResult<ImportPreview> {
        let read = Self::read_import(&req.path)?;
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.get_launch(req.launch_id)?;
        let imported = &read.imported;
        let (claims, changes) = match req.message_id {
            Some(message_id) => (vec![], Some(ws.preview_message_version(message_id, &imported.source, &now)?)),
            None => {
                let claims = pitchbridge_core::split::split_message(&imported.source)
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| ImportedClaim { number: i as i64 + 1, section: c.section, text: c.text, kind: c.proposed_kind })
                    .collect();
                (claims, None)
            }
        };
        let preview = ImportPreview {
            file_name: read.file_name.clone(),
            format: imported.format,
            title: imported.title.clone(),
            summary: imported.report.summary(),
            report: imported.report.clone(),
            claims,
            changes,
            digest: read.digest.clone(),
        };
        self.previewed_import = Some(read);
        Ok(preview)
    }

    /// The previewed file, if `digest` names it and the file on disk still has that digest.
    fn confirmed_preview(&mut self, path: &str, digest: &str) -> ApiResult<PreviewedImport> {
        let previewed = self
            .previewed_import
            .take()
            .filter(|p| p.path == path && p.digest == digest)
            .ok_or_else(|| ApiError::new(ErrorCode::ImportFailed, "This import's preview is no longer open. Preview the file again, then import it."))?;
        let now = pitchbridge_import::read_source(Path::new(path))?.digest;
        if now != digest {
            return Err(ApiError::new(
                ErrorCode::ImportFailed,
                format!("{} has changed since the preview. Preview it again to see what importing it will do now.", previewed.file_name),
            ));
        }
        Ok(previewed)
    }

    /// Imports the file: a new message in the launch, or a new version of `message_id`. With
    /// a digest, what the preview read is written (the file is only checked to be unchanged).
    pub fn apply_import(&mut self, req: ImportRequest) -> ApiResult<ImportOutcome> {
        let read = match &req.digest {
            Some(digest) => self.confirmed_preview(&req.path, digest)?,
            None => Self::read_import(&req.path)?,
        };
        let now = self.clock.now();
        let result = self.write_import(&req, &read.imported, &now);
        if result.is_err() && req.digest.is_some() {
            // Nothing was written: the same preview can be confirmed again.
            self.previewed_import = Some(read);
        }
        result
    }

    fn write_import(&mut self, req: &ImportRequest, imported: &pitchbridge_import::Imported, now: &str) -> ApiResult<ImportOutcome> {
        let ws = self.ws_mut()?;
        let summary = imported.report.summary();
        let file = Path::new(&req.path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // The message (or its new version) and the record of the import: one transaction.
        let outcome = ws.in_transaction(|ws| {
            let outcome = match req.message_id {
                Some(message_id) => {
                    let report = ws.add_message_version(message_id, &imported.source, now)?;
                    let claim_count = (report.unchanged.len() + report.reworded.len() + report.added.len()) as i64;
                    ImportOutcome { message_id, summary: summary.clone(), changes: Some(report), claim_count }
                }
                None => {
                    let title = if req.title.trim().is_empty() { imported.title.clone() } else { req.title.trim().to_string() };
                    let detail = ws.create_message(req.launch_id, &title, &imported.source, None, now)?;
                    ImportOutcome { message_id: detail.message.id, summary: summary.clone(), changes: None, claim_count: detail.claims.len() as i64 }
                }
            };
            let payload = serde_json::json!({ "file": file, "format": imported.format, "report": summary, "claims": outcome.claim_count });
            ws.record_event("import.applied", &format!("message:{}", outcome.message_id), &payload, now)?;
            Ok(outcome)
        })?;
        Ok(outcome)
    }
}
