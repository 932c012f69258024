//! Pitchbridge export: a pitch (or a Markdown file) becomes one document model, which the
//! writers render as DOCX and PDF. Pure functions of their input: no clock, no random ids, so
//! the same input gives the same bytes.

pub mod docx;
pub mod model;
pub mod pdf;
pub mod sources;

use std::path::Path;

pub use docx::write_docx;
pub use pdf::{write_pdf, Fonts, PdfOutput};
pub use model::{Layout, Block, Chart, ChartSeries, Section, Approval, MAX_PICTURE_BYTES, ImageKind, Picture, Brand, Document};
pub use sources::{from_markdown, from_markdown_with_images};

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ExportError {
    #[error("{path} cannot be written: {message}")]
    Write { path: String, kind: std::io::ErrorKind, message: String },
    #[error("{0}")]
    Internal(String),
}

/// A picture checked all the way: a PNG or JPEG header of a sane size, and pixels that decode.
/// Broken pictures are refused here, before they reach either writer.
pub fn check_picture(bytes: Vec<u8>) -> Result<Picture, String> {
    let logo = Picture::from_bytes(bytes)?;
    printpdf::RawImage::decode_from_bytes(&logo.bytes, &mut Vec::new()).map_err(|e| format!("the picture is damaged ({e})"))?;
    Ok(logo)
}

/// Reads a picture file: refused unread when over the size limit, then checked all the way.
pub fn read_picture(path: &Path) -> Result<Picture, String> {
    use pitchbridge_core::files::{read_capped, ReadError};
    let bytes = read_capped(path, MAX_PICTURE_BYTES as u64).map_err(|e| match e {
        ReadError::TooLarge { .. } => match std::fs::metadata(path) {
            Ok(m) => format!("it is {:.1} MB; a picture may be at most 5 MB", m.len() as f64 / (1024.0 * 1024.0)),
            Err(_) => "a picture may be at most 5 MB".to_string(),
        },
        other => other.to_string(),
    })?;
    check_picture(bytes)
}

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed into place
/// only when complete: a failed write never leaves a half-written file. Every file
/// Pitchbridge writes for a person (exports, the glossary CSV) goes through here.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    use std::io::Write;
    let fail = |e: std::io::Error| ExportError::Write { path: path.display().to_string(), kind: e.kind(), message: e.to_string() };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // Made exclusively (O_EXCL) under an unpredictable name in the destination's folder, so a
    // link planted in a shared folder cannot redirect the write; renamed over the destination
    // only once complete.
    let mut tmp = tempfile::Builder::new().prefix(".pitchbridge-").suffix(".part").tempfile_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
