//! The one document model every writer renders: what a pitch is once it leaves the editor.

use pitchbridge_core::doc::Run;

/// How the collateral is laid out (the collateral type's page design), and how each section is
/// presented: both come from the type file, never from section ids.
pub use pitchbridge_core::collateral::{Layout, SectionRole};

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 is a section title, 2 and 3 headings inside a section.
    Heading { level: u8, runs: Vec<Run> },
    Paragraph(Vec<Run>),
    /// `levels[i]` is item `i`'s nesting (0 for the first level; missing means 0).
    List { ordered: bool, items: Vec<Vec<Run>>, levels: Vec<u8> },
    Table { header: Vec<Vec<Run>>, rows: Vec<Vec<Vec<Run>>> },
    /// The call to action, set apart.
    Callout(Vec<Run>),
    /// A customer's words, shown as a pull quote, with who said them.
    Quote { runs: Vec<Run>, by: String },
    /// A picture, scaled to fit the text width (and the page).
    Image { picture: Picture, alt: String },
    /// Lines over time (a readiness trend): drawn as vectors in the PDF, a table of its values
    /// in the DOCX.
    Chart(Chart),
}

/// Series of values over the same points, on one scale from 0 to `y_max`.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// What it shows, in words (the table's caption in Word, read out by a screen reader).
    pub caption: String,
    /// One label per point ("1 Dec").
    pub x_labels: Vec<String>,
    pub y_max: f32,
    pub series: Vec<ChartSeries>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    pub label: String,
    pub values: Vec<f32>,
    /// A reference line (a target) rather than a measurement.
    pub dashed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The collateral type's section id ("" for a document without sections).
    pub id: String,
    /// How it is presented.
    pub role: SectionRole,
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

/// Who approved what, printed on an approved export.
#[derive(Debug, Clone, PartialEq)]
pub struct Approval {
    pub by: String,
    /// UTC, as recorded.
    pub at: String,
    pub version: String,
    /// The day the approval lapsed, when it has: the export then carries an EXPIRED mark in
    /// place of the stamp, until the verifier re-verifies it.
    pub expired_on: Option<String>,
}

/// Largest picture (or logo) accepted: far beyond any logo, small enough to keep exports quick.
pub const MAX_PICTURE_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
}

/// A picture in an export (the brand kit's logo, or one in the text), checked to be a PNG or
/// JPEG of a sane size.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub bytes: Vec<u8>,
    pub kind: ImageKind,
    pub width_px: u32,
    pub height_px: u32,
}

impl Picture {
    /// Reads the image's size from its header; refuses what is not a PNG or JPEG, a damaged
    /// header, or a file too large.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Picture, String> {
        if bytes.len() > MAX_PICTURE_BYTES {
            return Err(format!("the picture is {:.1} MB; a picture may be at most 5 MB", bytes.len() as f64 / (1024.0 * 1024.0)));
        }
        let (kind, w, h) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() >= 24 && &bytes[12..16] == b"IHDR" {
            let w = u32::from_be_bytes(bytes[16..20].try_into().expect("four bytes"));
            let h = u32::from_be_bytes(bytes[20..24].try_into().expect("four bytes"));
            (ImageKind::Png, w, h)
        } else if bytes.starts_with(&[0xFF, 0xD8]) {
            let (w, h) = jpeg_size(&bytes).ok_or("the JPEG picture is damaged (no image size in it)")?;
            (ImageKind::Jpeg, w, h)
        } else {
            return Err("the picture is not a PNG or JPEG image".into());
        };
        if w == 0 || h == 0 || w > 10_000 || h > 10_000 {
            return Err(format!("the picture is {w}×{h} pixels; use an image between 1 and 10,000 pixels a side"));
        }
        Ok(Picture { bytes, kind, width_px: w, height_px: h })
    }
}

/// The size in a JPEG's start-of-frame segment.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
        if matches!(marker, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF) {
            let h = u16::from_be_bytes([b[i + 5], b[i + 6]]) as u32;
            let w = u16::from_be_bytes([b[i + 7], b[i + 8]]) as u32;
            return Some((w, h));
        }
        i += 2 + len;
    }
    None
}

#[derive(Debug, Clone, PartialEq)]
pub struct Brand {
    pub name: String,
    /// RGB hex without '#', e.g. "4A55C9".
    pub primary: String,
    pub accent: String,
    pub footer: String,
    pub logo: Option<Picture>,
    /// Liberation Serif instead of Liberation Sans.
    pub serif: bool,
}

impl Default for Brand {
    /// The kit in `assets/brand/default/brand.toml`.
    fn default() -> Brand {
        Brand::parse(include_str!("../../../assets/brand/default/brand.toml")).expect("the default brand kit is valid")
    }
}

impl Brand {
    /// A brand kit file: name, primary and accent colours (RGB hex), footer text.
    pub fn parse(toml_text: &str) -> Result<Brand, String> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Raw {
            name: String,
            primary: String,
            accent: String,
            footer: String,
            #[serde(default)]
            font: Option<String>,
        }
        let raw: Raw = toml::from_str(toml_text).map_err(|e| e.to_string())?;
        let colour = |c: &str| -> Result<String, String> {
            let hex = c.trim().trim_start_matches('#');
            if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
                Ok(hex.to_ascii_uppercase())
            } else {
                Err(format!("“{c}” is not a colour: use six hex digits, e.g. 1F2A44"))
            }
        };
        let serif = match raw.font.as_deref().map(str::trim) {
            None | Some("sans") => false,
            Some("serif") => true,
            Some(other) => return Err(format!("font “{other}” is not one of the shipped families: use \"sans\" or \"serif\"")),
        };
        Ok(Brand { name: raw.name.trim().to_string(), primary: colour(&raw.primary)?, accent: colour(&raw.accent)?, footer: raw.footer.trim().to_string(), logo: None, serif })
    }

    /// A colour as the kit keeps it: six hex digits, upper case.
    pub fn colour(c: &str) -> Result<String, String> {
        let hex = c.trim().trim_start_matches('#');
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            Ok(hex.to_ascii_uppercase())
        } else {
            Err(format!("“{c}” is not a colour: use six hex digits, e.g. #1F2A44"))
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    /// "Distributor × CFO · One-pager".
    pub subtitle: String,
    pub layout: Layout,
    pub sections: Vec<Section>,
    pub brand: Brand,
    /// `None` is a draft: it carries the DRAFT watermark.
    pub approval: Option<Approval>,
    /// When the document was made (an approval's time, or the export's), as
    /// `YYYY-MM-DDTHH:MM:SSZ`: the files' creation date. Passed in, so the same document and
    /// time give the same bytes; `None` writes none.
    pub created: Option<String>,
    /// Lines printed on every page (a confirmed "for internal and partner use only").
    pub markings: Vec<String>,
    /// A report for the team (launch readiness), not collateral: no approval stamp, no DRAFT.
    pub internal_report: bool,
}

/// What the header's mark says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkTone {
    /// Draft or expired: not for customers.
    Warning,
    Approved,
}

impl Document {
    /// The mark every page carries: DRAFT, EXPIRED, or the approval stamp.
    pub fn mark(&self) -> (String, MarkTone) {
        if self.internal_report {
            return ("Internal report — not for customers".into(), MarkTone::Approved);
        }
        match &self.approval {
            None => ("DRAFT — not approved for customer use".into(), MarkTone::Warning),
            // One line in the page header, like the DRAFT mark.
            Some(Approval { expired_on: Some(day), .. }) => (format!("EXPIRED on {day} — re-verify before customer use"), MarkTone::Warning),
            Some(a) => (format!("Approved by {} on {} · version {}", a.by, a.at, a.version), MarkTone::Approved),
        }
    }

    /// The word drawn large behind every page, when the document is not for customers.
    pub fn watermark(&self) -> Option<&'static str> {
        if self.internal_report {
            return None;
        }
        match &self.approval {
            None => Some("DRAFT"),
            Some(a) if a.expired_on.is_some() => Some("EXPIRED"),
            Some(_) => None,
        }
    }

    /// Every piece of text in the document (titles, runs, cells, brand and stamp), for a
    /// pass over all of it.
    fn texts_mut(&mut self) -> Vec<&mut String> {
        let mut out: Vec<&mut String> = vec![&mut self.title, &mut self.subtitle, &mut self.brand.name, &mut self.brand.footer];
        out.extend(self.markings.iter_mut());
        if let Some(a) = &mut self.approval {
            out.extend([&mut a.by, &mut a.at, &mut a.version]);
        }
        for s in &mut self.sections {
            if let Some(t) = &mut s.title {
                out.push(t);
            }
            for b in &mut s.blocks {
                match b {
                    Block::Heading { runs, .. } | Block::Paragraph(runs) | Block::Callout(runs) => out.extend(runs.iter_mut().map(|r| &mut r.text)),
                    Block::List { items, .. } => out.extend(items.iter_mut().flatten().map(|r| &mut r.text)),
                    Block::Table { header, rows } => {
                        out.extend(header.iter_mut().flatten().map(|r| &mut r.text));
                        out.extend(rows.iter_mut().flatten().flatten().map(|r| &mut r.text));
                    }
                    Block::Image { alt, .. } => out.push(alt),
                    Block::Chart(c) => {
                        out.push(&mut c.caption);
                        out.extend(c.x_labels.iter_mut());
                        out.extend(c.series.iter_mut().map(|s| &mut s.label));
                    }
                    Block::Quote { runs, by } => {
                        out.extend(runs.iter_mut().map(|r| &mut r.text));
                        out.push(by);
                    }
                }
            }
        }
        out
    }

    /// The document without control characters, which Word's XML forbids and no font draws;
    /// both writers start from this, so no stored or pasted text can break a file.
    pub fn without_control_characters(&self) -> std::borrow::Cow<'_, Document> {
        let mut copy = self.clone();
        let mut changed = false;
        for t in copy.texts_mut() {
            if t.chars().any(pitchbridge_core::controls::is_unwanted) {
                *t = pitchbridge_core::controls::strip(t).0;
                changed = true;
            }
        }
        if changed {
            std::borrow::Cow::Owned(copy)
        } else {
            std::borrow::Cow::Borrowed(self)
        }
    }

    /// The document's words in reading order, one string per block (what copying the PDF's
    /// text must give back).
    pub fn plain_text(&self) -> Vec<String> {
        let mut out = vec![self.title.clone()];
        let runs = |r: &[Run]| r.iter().map(|r| r.text.as_str()).collect::<String>();
        for s in &self.sections {
            if let Some(t) = &s.title {
                out.push(t.clone());
            }
            for b in &s.blocks {
                match b {
                    Block::Heading { runs: r, .. } | Block::Paragraph(r) | Block::Callout(r) => out.push(runs(r)),
                    Block::List { items, .. } => out.extend(items.iter().map(|i| runs(i))),
                    Block::Table { header, rows } => {
                        out.extend(header.iter().map(|c| runs(c)));
                        out.extend(rows.iter().flatten().map(|c| runs(c)));
                    }
                    Block::Quote { runs: r, by } => {
                        out.push(runs(r));
                        if !by.is_empty() {
                            out.push(by.clone());
                        }
                    }
                    Block::Image { .. } => {}
                    Block::Chart(c) => out.push(c.caption.clone()),
                }
            }
        }
        out
    }
}
