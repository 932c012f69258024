//! The package: a zip read with bounded reads (entry count, unpacked size, compression ratio),
//! its relationships, and the parts the importer reads, found as the format says.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::result::ZipError;
use zip::ZipArchive;

use crate::ImportError;

/// More entries than any real document has.
pub(super) const MAX_ENTRIES: usize = 4_000;
/// The main document part, unpacked.
pub(super) const MAX_DOCUMENT_XML: u64 = 96 * 1024 * 1024;
/// Other parts we read (styles, numbering, comments), unpacked.
pub(super) const MAX_PART_XML: u64 = 16 * 1024 * 1024;
/// Unpacked bytes per compressed byte beyond which a part is a bomb, not a document. Real
/// document XML compresses 5–20×; a bomb compresses 1000×.
pub(super) const MAX_RATIO: u64 = 200;

pub(super) struct Package {
    pub(super) zip: ZipArchive<Cursor<Vec<u8>>>,
}

impl Package {
    pub(super) fn open(bytes: &[u8]) -> Result<Package, ImportError> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            // An OLE compound file: an encrypted OOXML package, or a legacy .doc.
            return Err(if contains(bytes, b"E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e") {
                ImportError::Encrypted
            } else {
                ImportError::NotDocx
            });
        }
        if !bytes.starts_with(b"PK\x03\x04") {
            return Err(ImportError::NotDocx);
        }
        let zip = ZipArchive::new(Cursor::new(bytes.to_vec())).map_err(|e| match e {
            ZipError::InvalidArchive(m) => ImportError::Damaged(m.to_string()),
            ZipError::UnsupportedArchive(m) => ImportError::Damaged(m.to_string()),
            other => ImportError::Damaged(other.to_string()),
        })?;
        if zip.len() > MAX_ENTRIES {
            return Err(ImportError::TooLarge { what: format!("{} zip entries", zip.len()), limit: MAX_ENTRIES.to_string() });
        }
        Ok(Package { zip })
    }

    pub(super) fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_string).collect()
    }

    /// Reads one part, never more than `limit` bytes, and checks the ratio on what was read.
    pub(super) fn part(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, ImportError> {
        let mut file = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(ZipError::UnsupportedArchive(m)) if m.contains("assword") || m.contains("ncrypt") => {
                return Err(ImportError::Encrypted)
            }
            Err(e) => return Err(ImportError::Damaged(e.to_string())),
        };
        if file.encrypted() {
            return Err(ImportError::Encrypted);
        }
        let compressed = file.compressed_size().max(1);
        let mut out = Vec::new();
        let mut chunk = [0u8; 64 * 1024];
        loop {
            let n = file.read(&mut chunk).map_err(|e| ImportError::Damaged(format!("{name}: {e}")))?;
            if n == 0 {
                break;
            }
            out.extend_from_slice(&chunk[..n]);
            let read = out.len() as u64;
            if read > 1024 * 1024 && read / compressed > MAX_RATIO {
                return Err(ImportError::ZipBomb(format!("{name} passed {} MB from {} KB", read / (1024 * 1024), compressed / 1024)));
            }
            if read > limit {
                return Err(ImportError::TooLarge { what: format!("{name} unpacked"), limit: format!("{} MB", limit / (1024 * 1024)) });
            }
        }
        Ok(Some(out))
    }
}

pub(super) fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

pub(super) fn reader(xml: &[u8]) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(xml);
    r.config_mut().trim_text(false);
    r
}

pub(super) fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == local).and_then(|a| a.unescape_value().ok()).map(|v| v.into_owned())
}

/// `w:b`, `w:i`: on unless `w:val` says off.
pub(super) fn toggle_on(e: &BytesStart) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off" | "none"))
}

pub(super) fn xml_error(part: &str, e: quick_xml::Error) -> ImportError {
    ImportError::Damaged(format!("{part}: {e}"))
}

/// What a package's relationships say: (the relationship type's last segment, the target part).
/// External targets (web links) are left out.
pub(super) fn relationships(xml: &[u8], base_dir: &str, part: &str) -> Result<Vec<(String, String)>, ImportError> {
    let mut r = reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error(part, e))? {
            Event::DocType(_) => return Err(ImportError::Doctype),
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let external = attr(&e, b"TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external"));
                if let (false, Some(kind), Some(target)) = (external, attr(&e, b"Type"), attr(&e, b"Target")) {
                    let kind = kind.rsplit('/').next().unwrap_or_default().to_string();
                    out.push((kind, resolve_part(base_dir, &target)));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// A relationship's target as a zip entry name: absolute from the package root when it starts
/// with `/`, else relative to the folder of the part whose relationships name it.
pub(super) fn resolve_part(base_dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') { Vec::new() } else { base_dir.split('/').filter(|s| !s.is_empty()).collect() };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The parts the importer reads, found as the format says: the main document from the
/// package's relationships, the others from the main document's.
pub(super) struct Parts {
    pub(super) document: String,
    pub(super) styles: Option<String>,
    pub(super) numbering: Option<String>,
    pub(super) comments: Option<String>,
    pub(super) footnotes: Option<String>,
    pub(super) endnotes: Option<String>,
    pub(super) headers: u32,
    pub(super) footers: u32,
}

pub(super) fn find_parts(pkg: &mut Package) -> Result<Parts, ImportError> {
    let names = pkg.names();
    let exists = |n: &str| names.iter().any(|x| x == n);
    let mut document = None;
    if let Some(rels) = pkg.part("_rels/.rels", MAX_PART_XML)? {
        document = relationships(&rels, "", "_rels/.rels")?.into_iter().find(|(k, t)| k == "officeDocument" && exists(t)).map(|(_, t)| t);
    }
    let document = match document {
        Some(d) => d,
        None if exists("word/document.xml") => "word/document.xml".to_string(),
        None => return Err(ImportError::NotDocx),
    };
    let (dir, file) = document.rsplit_once('/').unwrap_or(("", document.as_str()));
    let rels_name = if dir.is_empty() { format!("_rels/{file}.rels") } else { format!("{dir}/_rels/{file}.rels") };
    let in_dir = |n: &str| if dir.is_empty() { n.to_string() } else { format!("{dir}/{n}") };
    let mut parts = Parts { document: document.clone(), styles: None, numbering: None, comments: None, footnotes: None, endnotes: None, headers: 0, footers: 0 };
    match pkg.part(&rels_name, MAX_PART_XML)? {
        Some(rels) => {
            for (kind, target) in relationships(&rels, dir, &rels_name)? {
                if !exists(&target) {
                    continue;
                }
                match kind.as_str() {
                    "styles" => parts.styles = Some(target),
                    "numbering" => parts.numbering = Some(target),
                    "comments" => parts.comments = Some(target),
                    "footnotes" => parts.footnotes = Some(target),
                    "endnotes" => parts.endnotes = Some(target),
                    "header" => parts.headers += 1,
                    "footer" => parts.footers += 1,
                    _ => {}
                }
            }
        }
        // No relationships for the document: the usual names beside it.
        None => {
            let found = |n: &str| Some(in_dir(n)).filter(|p| exists(p));
            parts.styles = found("styles.xml");
            parts.numbering = found("numbering.xml");
            parts.comments = found("comments.xml");
            parts.footnotes = found("footnotes.xml");
            parts.endnotes = found("endnotes.xml");
            let prefix = in_dir("");
            let counted = |kind: &str| names.iter().filter(|n| n.strip_prefix(&prefix).is_some_and(|f| f.starts_with(kind) && f.ends_with(".xml") && !f.contains('/'))).count() as u32;
            parts.headers = counted("header");
            parts.footers = counted("footer");
        }
    }
    Ok(parts)
}
