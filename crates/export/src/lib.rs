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
pub use model::{Layout, Block, Section, Approval, MAX_PICTURE_BYTES, ImageKind, Picture, Brand, Document};
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
    let size = std::fs::metadata(path).map_err(|e| e.to_string())?.len();
    if size > MAX_PICTURE_BYTES as u64 {
        return Err(format!("it is {:.1} MB; a picture may be at most 5 MB", size as f64 / (1024.0 * 1024.0)));
    }
    check_picture(std::fs::read(path).map_err(|e| e.to_string())?)
}

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed into place
/// only when complete: a failed write never leaves a half-written file. Every file
/// Pitchbridge writes for a person (exports, the glossary CSV) goes through here.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    use std::io::Write;
    let fail = |e: std::io::Error| ExportError::Write { path: path.display().to_string(), kind: e.kind(), message: e.to_string() };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.part", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}
