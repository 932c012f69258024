//! Importing Factory material (Word, Markdown, text) as a new message or a new version.

use std::path::Path;

use pitchbridge_core::{ClaimKind, Id};
use pitchbridge_store::VersionReport;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::ApiResult;
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
    fn read_import(path: &str) -> ApiResult<(String, pitchbridge_import::Imported)> {
        let path = Path::new(path);
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let imported = pitchbridge_import::import_file(path)?;
        check_message_size(&imported.source)?;
        Ok((file_name, imported))
    }

    /// Reads the file and says what importing it would do; nothing is written.
    pub fn preview_import(&mut self, req: ImportRequest) -> ApiResult<ImportPreview> {
        let (file_name, imported) = Self::read_import(&req.path)?;
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.get_launch(req.launch_id)?;
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
        Ok(ImportPreview {
            file_name,
            format: imported.format,
            title: imported.title,
            summary: imported.report.summary(),
            report: imported.report,
            claims,
            changes,
        })
    }

    /// Imports the file: a new message in the launch, or a new version of `message_id`.
    pub fn apply_import(&mut self, req: ImportRequest) -> ApiResult<ImportOutcome> {
        let (_, imported) = Self::read_import(&req.path)?;
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        let summary = imported.report.summary();
        match req.message_id {
            Some(message_id) => {
                let report = ws.add_message_version(message_id, &imported.source, &now)?;
                let claim_count = (report.unchanged.len() + report.reworded.len() + report.added.len()) as i64;
                Ok(ImportOutcome { message_id, summary, changes: Some(report), claim_count })
            }
            None => {
                let title = if req.title.trim().is_empty() { imported.title.clone() } else { req.title.trim().to_string() };
                let detail = ws.create_message(req.launch_id, &title, &imported.source, None, &now)?;
                Ok(ImportOutcome { message_id: detail.message.id, summary, changes: None, claim_count: detail.claims.len() as i64 })
            }
        }
    }
}
