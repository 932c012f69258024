//! The workspace glossary: its terms, and its exchange as CSV (the format `pitchbridge check
//! --glossary` reads too).

use std::path::Path;

use pitchbridge_checks::candidates::glossary_candidates;
pub use pitchbridge_checks::candidates::{CandidateKind, GlossaryCandidate};
use pitchbridge_checks::glossary_csv;
use pitchbridge_core::{GlossaryInput, GlossaryTerm, Id};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::{ApiError, ApiResult, ReadFailure};

/// Largest glossary CSV accepted: tens of thousands of terms.
pub const MAX_GLOSSARY_CSV_BYTES: u64 = 5 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateGlossaryRequest {
    #[ts(type = "number")]
    pub id: Id,
    pub term: GlossaryInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GlossaryImportReport {
    pub added: u32,
    pub updated: u32,
    /// One line per skipped row: "line 4: the term is empty".
    pub skipped: Vec<String>,
}

impl App {
    /// Acronyms and capitalised terms the workspace's Factory messages use that the glossary
    /// does not have yet, most used first.
    pub fn glossary_candidates(&self) -> ApiResult<Vec<GlossaryCandidate>> {
        let ws = self.ws()?;
        let mut known: Vec<String> = ws.list_glossary()?.into_iter().map(|t| t.term).collect();
        let mut claims: Vec<String> = vec![];
        for launch in ws.list_launches()? {
            known.push(launch.launch.product.clone());
            for message in ws.launch_detail(launch.launch.id)?.messages {
                claims.extend(ws.message_detail(message.id)?.claims.into_iter().map(|c| c.text));
            }
        }
        Ok(glossary_candidates(&self.checker().lists, claims.iter().map(String::as_str), &known))
    }

    pub fn list_glossary(&self) -> ApiResult<Vec<GlossaryTerm>> {
        Ok(self.ws()?.list_glossary()?)
    }

    pub fn add_glossary_term(&mut self, input: GlossaryInput) -> ApiResult<GlossaryTerm> {
        Ok(self.ws_mut()?.add_glossary_term(&input)?)
    }

    pub fn update_glossary_term(&mut self, req: UpdateGlossaryRequest) -> ApiResult<GlossaryTerm> {
        Ok(self.ws_mut()?.update_glossary_term(req.id, &req.term)?)
    }

    pub fn delete_glossary_term(&mut self, id: Id) -> ApiResult<()> {
        Ok(self.ws_mut()?.delete_glossary_term(id)?)
    }

    /// Reads a CSV (columns in the README) and merges it: new terms are added, known ones
    /// updated, bad rows skipped and listed. Nothing is written if the file itself is unusable.
    pub fn import_glossary_csv(&mut self, path: String) -> ApiResult<GlossaryImportReport> {
        let path = Path::new(&path);
        let bytes = pitchbridge_core::files::read_capped(path, MAX_GLOSSARY_CSV_BYTES).map_err(|e| ReadFailure(path, e))?;
        let parsed = glossary_csv::parse(&bytes).map_err(|e| ApiError::invalid(format!("{}: {e}", path.display())))?;
        let (added, updated) = self.ws_mut()?.merge_glossary(&parsed.entries)?;
        Ok(GlossaryImportReport {
            added: added as u32,
            updated: updated as u32,
            skipped: parsed.errors.iter().map(|e| format!("line {}: {}", e.line, e.message)).collect(),
        })
    }

    /// Writes the glossary as CSV (through a temporary file, like every export).
    pub fn export_glossary_csv(&self, path: String) -> ApiResult<u32> {
        let terms = self.ws()?.list_glossary()?;
        let entries: Vec<GlossaryInput> = terms
            .iter()
            .map(|t| GlossaryInput { term: t.term.clone(), customer_phrasing: t.customer_phrasing.clone(), rule: t.rule, note: t.note.clone() })
            .collect();
        let path = Path::new(&path);
        self.refuse_overwriting_workspace(path)?;
        pitchbridge_export::write_file(path, glossary_csv::write(&entries).as_bytes())?;
        Ok(entries.len() as u32)
    }
}
