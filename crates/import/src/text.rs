//! Plain text: taken as it is, once it is known to be UTF-8.

use crate::{title_from, utf8, ImportError, ImportReport, Imported, SourceFormat};

pub fn import_text(bytes: &[u8], name: &str) -> Result<Imported, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = utf8(bytes)?.replace("\r\n", "\n");
    if !text.chars().any(|c| c.is_alphanumeric()) {
        return Err(ImportError::Empty);
    }
    Ok(Imported { format: SourceFormat::Text, title: title_from(&text, name), source: text, report: ImportReport::default() })
}
