//! Exporting a pitch: the workspace's pitch becomes the export's document model, written as
//! DOCX (and PDF) through a temporary file.

use std::path::Path;

use pitchbridge_core::Id;
use pitchbridge_export::sources::from_pitch;
use pitchbridge_export::{write_docx, write_file, write_pdf, Brand, Document, Fonts};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode, ReadFailure};
use crate::App;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Docx,
    Pdf,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Docx => "docx",
            ExportFormat::Pdf => "pdf",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportPitchRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub format: ExportFormat,
    pub path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportOutcome {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// What the writer had to compromise on: characters no font has, a layout that ran over.
    pub warnings: Vec<String>,
}

/// The fonts, parsed once per process.
pub(crate) fn fonts() -> &'static Fonts {
    static FONTS: std::sync::OnceLock<Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(Fonts::load)
}

/// Renders the document in the format asked and writes it through a temporary file.
pub fn write_document(doc: &Document, format: ExportFormat, path: &Path) -> ApiResult<ExportOutcome> {
    if path.as_os_str().is_empty() {
        return Err(ApiError::invalid("Choose where to save the export."));
    }
    let (bytes, warnings) = match format {
        ExportFormat::Docx => (write_docx(doc).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?, Vec::new()),
        ExportFormat::Pdf => {
            let out = write_pdf(fonts(), doc).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            let mut warnings = out.warnings.clone();
            if !out.missing_glyphs.is_empty() {
                warnings.push(format!(
                    "No shipped font has {} {}; {}.",
                    if out.missing_glyphs.len() == 1 { "this character:" } else { "these characters:" },
                    out.missing_glyphs.join(", "),
                    if out.missing_glyphs.len() == 1 { "it is drawn as an empty box" } else { "they are drawn as empty boxes" }
                ));
            }
            (out.bytes, warnings)
        }
    };
    write_file(path, &bytes)?;
    Ok(ExportOutcome { path: path.display().to_string(), bytes: bytes.len() as u64, warnings })
}

/// Largest Markdown file exported: as large as the largest text an import reads.
pub const MAX_MARKDOWN_BYTES: u64 = 8 * 1024 * 1024;

/// Exports a Markdown file with no workspace: laid out as `type_id` (a plain document without
/// one), with the pictures it names that are files beside it. Pictures that cannot be used are
/// left out and named in the warnings.
pub fn export_markdown(md: &Path, type_id: Option<&str>, format: ExportFormat, output: &Path) -> ApiResult<ExportOutcome> {
    use pitchbridge_export::{from_markdown_with_images, read_picture};
    let types = crate::catalog::collateral_types();
    let ct = match type_id {
        None => None,
        Some(id) => match types.iter().find(|t| t.id == id) {
            Some(t) => Some(t),
            None => {
                let ids: Vec<&str> = types.iter().map(|t| t.id.as_str()).collect();
                return Err(ApiError::invalid(format!("There is no collateral type “{id}”; the types are {}.", ids.join(", "))));
            }
        },
    };
    if crate::files::same_file(output, md) {
        return Err(ApiError::invalid(format!("{} is the Markdown file being exported; choose another file to write.", output.display())));
    }
    let bytes = pitchbridge_core::files::read_capped(md, MAX_MARKDOWN_BYTES).map_err(|e| ReadFailure(md, e))?;
    let text = String::from_utf8(bytes).map_err(|_| ApiError::invalid(format!("{} is not UTF-8 text.", md.display())))?;
    // Pictures come from the Markdown file's own folder (or below it), as the README says:
    // not from absolute paths, `..`, or links that lead elsewhere.
    let folder = md.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let base = std::fs::canonicalize(folder).map_err(|e| ApiError::new(ErrorCode::Io, format!("{}: {e}", folder.display())))?;
    let mut load = |target: &str| -> Result<pitchbridge_export::Picture, String> {
        if target.contains("://") {
            return Err("only pictures beside the file are used, not web addresses".into());
        }
        let real = std::fs::canonicalize(base.join(target)).map_err(|_| "the file is not there".to_string())?;
        if !real.starts_with(&base) {
            return Err("only pictures in the Markdown file's folder are used".into());
        }
        read_picture(&real)
    };
    let (doc, problems) = from_markdown_with_images(&text, ct, Brand::default(), &mut load);
    let mut outcome = write_document(&doc, format, output)?;
    outcome.warnings.splice(0..0, problems);
    Ok(outcome)
}

impl App {
    /// The pitch's document model: its collateral type's sections, the launch's product as
    /// the brand name when the kit has none, and draft until approved.
    pub fn pitch_document(&self, pitch_id: Id) -> ApiResult<pitchbridge_export::Document> {
        let ws = self.ws()?;
        let source = ws.pitch_export_source(pitch_id)?;
        let mut brand = self.brand()?;
        if brand.name.is_empty() {
            brand.name = source.product.clone();
        }
        // Only a pitch whose approval still applies carries the stamp; anything else is a draft.
        let decision = if source.status == pitchbridge_core::PitchStatus::Approved {
            ws.decisions(pitch_id)?.into_iter().find(|d| d.outcome != "changes-requested")
        } else {
            None
        };
        // An approval past its expiry (counted from today's clock, never kept) is marked so.
        let expired_on = match decision {
            Some(_) => self.pitch_expires_on(pitch_id)?.filter(|day| *day <= self.today()),
            None => None,
        };
        let approval = decision.as_ref().map(|d| pitchbridge_export::Approval {
            by: d.signer.split(" <").next().unwrap_or(&d.signer).to_string(),
            // The day, as signed (UTC).
            at: d.signed_at.get(..10).unwrap_or(&d.signed_at).to_string(),
            version: d.version_number.to_string(),
            expired_on: expired_on.clone(),
        });
        // The files' date: the approval's, or when the draft's words last changed (the same
        // pitch gives the same bytes).
        let created = decision.map(|d| d.signed_at).unwrap_or_else(|| source.updated_at.clone());
        // A marking the type ties to a checklist item, once a reviewer confirmed that item.
        let confirmed: Vec<String> = ws.manual_items(pitch_id)?.into_iter().filter(|m| m.state == "confirmed").map(|m| m.item_id).collect();
        let markings = source.collateral_type.checklist.iter().filter(|i| confirmed.contains(&i.id)).filter_map(|i| i.marking.clone()).collect();
        // The audience and the type are the writer's scaffolding: not printed.
        let mut doc = from_pitch(&source.title, "", &source.collateral_type, &source.blocks, brand, approval);
        doc.created = Some(created);
        doc.markings = markings;
        Ok(doc)
    }

    /// Writes the pitch's export, and records who exported which version, when, to what.
    pub fn export_pitch(&mut self, req: ExportPitchRequest) -> ApiResult<ExportOutcome> {
        let path = Path::new(req.path.trim());
        self.refuse_overwriting_workspace(path)?;
        let doc = self.pitch_document(req.pitch_id)?;
        let outcome = write_document(&doc, req.format, path)?;
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        let version = match &doc.approval {
            Some(a) if a.expired_on.is_some() => format!("expired approval of version {}", a.version),
            Some(a) => format!("approved version {}", a.version),
            None => format!("draft of {}", doc.created.clone().unwrap_or_default()),
        };
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let payload = serde_json::json!({ "format": req.format.extension(), "file": file, "version": version, "bytes": outcome.bytes });
        ws.record_event("pitch.exported", &format!("pitch:{}", req.pitch_id), &payload, &now)?;
        Ok(outcome)
    }
}
