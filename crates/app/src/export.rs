//! Exporting a pitch: the workspace's pitch becomes the export's document model, written as
//! DOCX (and PDF) through a temporary file.

use std::path::Path;

use pitchbridge_core::Id;
use pitchbridge_export::sources::from_pitch;
use pitchbridge_export::{write_docx, write_file, write_pdf, Brand, Document, Fonts, Picture};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ApiError, ApiResult, App, ErrorCode};

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
fn fonts() -> &'static Fonts {
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
    write_file(path, &bytes).map_err(crate::checks::write_failed)?;
    Ok(ExportOutcome { path: path.display().to_string(), bytes: bytes.len() as u64, warnings })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandKitView {
    /// Empty: the launch's product name is printed.
    pub name: String,
    /// "#1F2A44"
    pub primary: String,
    pub accent: String,
    pub footer: String,
    pub logo_name: Option<String>,
    #[ts(type = "[number, number] | null")]
    pub logo_size: Option<(u32, u32)>,
    /// "sans" or "serif".
    pub font: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandKitInput {
    pub name: String,
    pub primary: String,
    pub accent: String,
    pub footer: String,
    /// "sans" or "serif".
    pub font: String,
}

/// Exports a Markdown file with no workspace: laid out as `type_id` (a plain document without
/// one), with the pictures it names that are files beside it. Pictures that cannot be used are
/// left out and named in the warnings.
pub fn export_markdown(md: &Path, type_id: Option<&str>, format: ExportFormat, output: &Path) -> ApiResult<ExportOutcome> {
    use pitchbridge_export::{from_markdown_with_images, read_picture, Layout};
    let layout = match type_id {
        None => Layout::Plain,
        Some(id) => {
            let types = crate::catalog::collateral_types();
            if !types.iter().any(|t| t.id == id) {
                let ids: Vec<&str> = types.iter().map(|t| t.id.as_str()).collect();
                return Err(ApiError::invalid(format!("There is no collateral type “{id}”; the types are {}.", ids.join(", "))));
            }
            Layout::for_collateral_type(id)
        }
    };
    let bytes = std::fs::read(md).map_err(|e| ApiError::new(ErrorCode::FileNotFound, format!("{}: {e}", md.display())))?;
    let text = String::from_utf8(bytes).map_err(|_| ApiError::invalid(format!("{} is not UTF-8 text.", md.display())))?;
    let base = md.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut load = |target: &str| -> Result<pitchbridge_export::Picture, String> {
        if target.contains("://") {
            return Err("only pictures beside the file are used, not web addresses".into());
        }
        read_picture(&base.join(target))
    };
    let (doc, problems) = from_markdown_with_images(&text, layout, Brand::default(), &mut load);
    let mut outcome = write_document(&doc, format, output)?;
    outcome.warnings.splice(0..0, problems);
    Ok(outcome)
}

impl App {
    /// The workspace's kit over the default one.
    fn brand(&self) -> ApiResult<Brand> {
        let row = self.ws()?.brand_kit()?;
        let mut brand = Brand::default();
        if let Some(n) = row.name {
            brand.name = n;
        }
        if let Some(c) = row.primary.and_then(|c| Brand::colour(&c).ok()) {
            brand.primary = c;
        }
        if let Some(c) = row.accent.and_then(|c| Brand::colour(&c).ok()) {
            brand.accent = c;
        }
        if let Some(f) = row.footer {
            brand.footer = f;
        }
        brand.logo = row.logo.and_then(|b| Picture::from_bytes(b).ok());
        if let Some(f) = row.font {
            brand.serif = f == "serif";
        }
        Ok(brand)
    }

    pub fn get_brand_kit(&self) -> ApiResult<BrandKitView> {
        let brand = self.brand()?;
        let row = self.ws()?.brand_kit()?;
        Ok(BrandKitView {
            name: brand.name,
            primary: format!("#{}", brand.primary),
            accent: format!("#{}", brand.accent),
            footer: brand.footer,
            logo_name: brand.logo.as_ref().and(row.logo_name),
            logo_size: brand.logo.as_ref().map(|l| (l.width_px, l.height_px)),
            font: if brand.serif { "serif" } else { "sans" }.into(),
        })
    }

    pub fn set_brand_kit(&mut self, input: BrandKitInput) -> ApiResult<BrandKitView> {
        let primary = Brand::colour(&input.primary).map_err(ApiError::invalid)?;
        let accent = Brand::colour(&input.accent).map_err(ApiError::invalid)?;
        let name = input.name.trim();
        let footer = input.footer.trim();
        if name.chars().count() > 120 || footer.chars().count() > 200 {
            return Err(ApiError::invalid("Keep the name under 120 characters and the footer under 200."));
        }
        if !matches!(input.font.as_str(), "sans" | "serif") {
            return Err(ApiError::invalid("The font is “sans” or “serif”."));
        }
        self.ws_mut()?.set_brand_kit(name, &primary, &accent, footer, &input.font)?;
        self.get_brand_kit()
    }

    /// Reads a PNG or JPEG file as the kit's logo; nothing changes if it is not a usable image.
    pub fn set_brand_logo(&mut self, path: String) -> ApiResult<BrandKitView> {
        let path = Path::new(&path);
        if !path.exists() {
            return Err(ApiError::new(ErrorCode::FileNotFound, format!("{} does not exist.", path.display())));
        }
        let logo = pitchbridge_export::read_picture(path).map_err(|e| ApiError::invalid(format!("{}: {e}.", path.display())))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        self.ws_mut()?.set_brand_logo(Some((&name, &logo.bytes)))?;
        self.get_brand_kit()
    }

    pub fn clear_brand_logo(&mut self) -> ApiResult<BrandKitView> {
        self.ws_mut()?.set_brand_logo(None)?;
        self.get_brand_kit()
    }

    /// The pitch's document model: its collateral type's sections, the launch's product as
    /// the brand name when the kit has none, and draft until approved.
    pub fn pitch_document(&self, pitch_id: Id) -> ApiResult<pitchbridge_export::Document> {
        let ws = self.ws()?;
        let view = ws.pitch_editor(pitch_id)?;
        let mut brand = self.brand()?;
        if brand.name.is_empty() {
            brand.name = ws.pitch_product(pitch_id)?;
        }
        let subtitle = format!("{} · {}", view.summary.audience_name, view.collateral_type.name);
        // Only a pitch whose approval still applies carries the stamp; anything else is a draft.
        let approval = if view.summary.pitch.status == pitchbridge_core::PitchStatus::Approved {
            ws.decisions(pitch_id)?.into_iter().find(|d| d.outcome != "changes-requested").map(|d| pitchbridge_export::Approval {
                by: d.signer.split(" <").next().unwrap_or(&d.signer).to_string(),
                // The day, as signed (UTC).
                at: d.signed_at.get(..10).unwrap_or(&d.signed_at).to_string(),
                version: d.version_number.to_string(),
            })
        } else {
            None
        };
        Ok(from_pitch(&view.summary.pitch.title, &subtitle, &view.collateral_type, &view.blocks, brand, approval))
    }

    pub fn export_pitch(&self, req: ExportPitchRequest) -> ApiResult<ExportOutcome> {
        let doc = self.pitch_document(req.pitch_id)?;
        write_document(&doc, req.format, Path::new(req.path.trim()))
    }
}
