//! The PDF writer: our own layout (shaping, line breaking, pagination in `text` and
//! `layout`), drawn with printpdf, which embeds and subsets the fonts. Glyphs are written as
//! glyph ids with the text they stand for, so text copied out of the PDF is the pitch's text.

mod layout;
mod text;

use std::collections::BTreeSet;

use printpdf::*;

use crate::model::Document;
use crate::ExportError;
use layout::{furniture, lay_out, Item, PAGE_H, PAGE_W};
pub use text::Fonts;

/// A finished PDF, with what the writer had to leave out.
pub struct PdfOutput {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Characters no shipped font has ("U+1F9EA"), drawn as empty boxes.
    pub missing_glyphs: Vec<String>,
    /// Where the layout gave way (a one-pager longer than a page).
    pub warnings: Vec<String>,
}

fn colour(c: [f32; 3]) -> Color {
    Color::Rgb(Rgb::new(c[0], c[1], c[2], None))
}

/// printpdf names an embedded font "<id>+<name>"; a six-capital id makes that the standard
/// subset tag ("PBFNTA+LiberationSans") readers expect of a subset font.
fn font_id(font: u8) -> FontId {
    FontId(format!("PBFNT{}", (b'A' + font) as char))
}

/// `YYYY-MM-DDTHH:MM:SSZ` (UTC) as printpdf's date; `None` for anything else.
fn pdf_date(s: &str) -> Option<printpdf::OffsetDateTime> {
    use printpdf::date::{Date, Offset, Time};
    let n = |a: usize, b: usize| -> Option<u32> { s.get(a..b)?.parse().ok() };
    if s.len() < 19 || s.as_bytes()[4] != b'-' || s.as_bytes()[10] != b'T' {
        return None;
    }
    let date = Date { year: n(0, 4)? as i32, month: n(5, 7)? as u8, day: n(8, 10)? as u8 };
    let time = Time { hour: n(11, 13)? as u8, minute: n(14, 16)? as u8, second: n(17, 19)? as u8, millisecond: 0 };
    Some(printpdf::OffsetDateTime::new_in_offset(date, time, Offset { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 }))
}

pub fn write_pdf(fonts: &Fonts, doc: &Document) -> Result<PdfOutput, ExportError> {
    let doc = &*doc.without_control_characters();
    let laid = lay_out(fonts, doc);
    let layout_warnings = laid.warnings.clone();
    let total = laid.pages.len();
    let mut missing: BTreeSet<u32> = laid.missing.clone();
    let mut used = laid.fonts_used.clone();
    let family = if doc.brand.serif { text::SERIF } else { 0 };
    used.insert(text::BOLD + family);
    used.insert(text::REGULAR + family);

    let mut pdf = PdfDocument::new(&doc.title);
    pdf.metadata.info.producer = "Pitchbridge".into();
    pdf.metadata.info.creator = "Pitchbridge".into();
    pdf.metadata.info.document_title = doc.title.clone();
    pdf.metadata.info.author = doc.brand.name.clone();
    if let Some(at) = doc.created.as_deref().and_then(pdf_date) {
        pdf.metadata.info.creation_date = at.clone();
        pdf.metadata.info.modification_date = at.clone();
        pdf.metadata.info.metadata_date = at;
    }
    for f in &used {
        let parsed = fonts.parsed(*f).ok_or_else(|| ExportError::Internal("a shipped font could not be read".into()))?;
        pdf.resources.fonts.map.insert(font_id(*f), PdfFont::new(parsed.clone()));
    }

    // The DRAFT watermark is drawn as shapes, not text, so text copied out of the page is the
    // pitch's alone.
    let watermark = doc.watermark().map(|word| watermark(fonts, word));
    let logo_id = XObjectId("PBLOGO".into());
    let mut logo_size = (1.0f32, 1.0f32);
    if let Some(logo) = &doc.brand.logo {
        let image = RawImage::decode_from_bytes(&logo.bytes, &mut Vec::new())
            .map_err(|e| ExportError::Internal(format!("The brand logo could not be read: {e}. Choose another image in the brand kit.")))?;
        logo_size = (image.width as f32, image.height as f32);
        pdf.resources.xobjects.map.insert(logo_id.clone(), XObject::Image(image));
    }
    let mut picture_sizes = Vec::with_capacity(laid.pictures.len());
    for (n, picture) in laid.pictures.iter().enumerate() {
        let image = RawImage::decode_from_bytes(&picture.bytes, &mut Vec::new())
            .map_err(|e| ExportError::Internal(format!("Picture {} could not be read: {e}.", n + 1)))?;
        picture_sizes.push((image.width as f32, image.height as f32));
        pdf.resources.xobjects.map.insert(XObjectId(format!("PBPIC{n}")), XObject::Image(image));
    }

    let mut pages = Vec::with_capacity(total);
    for (i, page) in laid.pages.into_iter().enumerate() {
        let mut ops = Vec::new();
        if let Some(shape) = &watermark {
            ops.extend([
                Op::SaveGraphicsState,
                Op::SetFillColor { col: colour([0.94, 0.9, 0.9]) },
                Op::DrawPolygon { polygon: shape.clone() },
                Op::RestoreGraphicsState,
            ]);
        }
        let items = furniture(fonts, doc, i + 1, total, &mut missing).into_iter().chain(page.items);
        // Consecutive text runs share one text object, and font and colour are set only when
        // they change: a page's content stream stays small (it is compressed on save).
        let mut in_text = false;
        let mut font_now: Option<(u8, f32)> = None;
        let mut fill_now: Option<[f32; 3]> = None;
        for item in items {
            if !matches!(item, Item::Text(_)) && in_text {
                ops.push(Op::EndTextSection);
                in_text = false;
            }
            match item {
                Item::Rect { x, y, w, h, fill, stroke } => {
                    let mode = match (fill, stroke) {
                        (Some(_), Some(_)) => PaintMode::FillStroke,
                        (None, Some(_)) => PaintMode::Stroke,
                        _ => PaintMode::Fill,
                    };
                    if let Some(f) = fill {
                        if fill_now != Some(f) {
                            ops.push(Op::SetFillColor { col: colour(f) });
                            fill_now = Some(f);
                        }
                    }
                    if let Some(s) = stroke {
                        ops.push(Op::SetOutlineColor { col: colour(s) });
                        ops.push(Op::SetOutlineThickness { pt: Pt(0.6) });
                    }
                    let mut rect = Rect::from_xywh(Pt(x), Pt(PAGE_H - y - h), Pt(w), Pt(h));
                    rect.mode = Some(mode);
                    ops.push(Op::DrawRectangle { rectangle: rect });
                }
                Item::Text(run) => {
                    used.insert(run.font);
                    if !in_text {
                        ops.push(Op::StartTextSection);
                        in_text = true;
                    }
                    if font_now != Some((run.font, run.size)) {
                        ops.push(Op::SetFont { font: PdfFontHandle::External(font_id(run.font)), size: Pt(run.size) });
                        font_now = Some((run.font, run.size));
                    }
                    if fill_now != Some(run.color) {
                        ops.push(Op::SetFillColor { col: colour(run.color) });
                        fill_now = Some(run.color);
                    }
                    ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(run.x), Pt(PAGE_H - run.y)) });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::GlyphIds(run.glyphs.into_iter().map(|(gid, t)| Codepoint { gid, offset: 0.0, cid: Some(t) }).collect())],
                    });
                }
                Item::Logo { x, y, w, h } => {
                    ops.push(Op::UseXobject {
                        id: logo_id.clone(),
                        transform: XObjectTransform {
                            translate_x: Some(Pt(x)),
                            translate_y: Some(Pt(PAGE_H - y - h)),
                            scale_x: Some(w / logo_size.0),
                            scale_y: Some(h / logo_size.1),
                            dpi: Some(72.0),
                            ..Default::default()
                        },
                    });
                }
                Item::Picture { n, x, y, w, h } => {
                    let (pw, ph) = picture_sizes[n];
                    ops.push(Op::UseXobject {
                        id: XObjectId(format!("PBPIC{n}")),
                        transform: XObjectTransform {
                            translate_x: Some(Pt(x)),
                            translate_y: Some(Pt(PAGE_H - y - h)),
                            scale_x: Some(w / pw),
                            scale_y: Some(h / ph),
                            dpi: Some(72.0),
                            ..Default::default()
                        },
                    });
                }
                Item::Path { points, stroke, width, dashed } => {
                    ops.push(Op::SaveGraphicsState);
                    ops.push(Op::SetOutlineColor { col: colour(stroke) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(width) });
                    if dashed {
                        ops.push(Op::SetLineDashPattern { dash: LineDashPattern::new(0.0, &[4.0, 3.0]) });
                    }
                    let points = points.into_iter().map(|(x, y)| LinePoint { p: Point { x: Pt(x), y: Pt(PAGE_H - y) }, bezier: false }).collect();
                    ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
                    ops.push(Op::RestoreGraphicsState);
                    // The state restored: colours are set again when next needed.
                    fill_now = None;
                    font_now = None;
                }
                Item::Link { x, y, w, h, url } => {
                    let rect = Rect::from_xywh(Pt(x), Pt(PAGE_H - y - h), Pt(w), Pt(h));
                    ops.push(Op::LinkAnnotation {
                        link: LinkAnnotation::new(rect, Actions::Uri(url), Some(BorderArray::Solid([0.0, 0.0, 0.0])), None, None),
                    });
                }
            }
        }
        if in_text {
            ops.push(Op::EndTextSection);
        }
        pages.push(PdfPage::new(Mm::from(Pt(PAGE_W)), Mm::from(Pt(PAGE_H)), ops));
    }
    // Fonts first seen in the running header or footer.
    for f in &used {
        if !pdf.resources.fonts.map.contains_key(&font_id(*f)) {
            if let Some(parsed) = fonts.parsed(*f) {
                pdf.resources.fonts.map.insert(font_id(*f), PdfFont::new(parsed.clone()));
            }
        }
    }
    let opts = PdfSaveOptions { optimize: false, subset_fonts: true, secure: true, image_optimization: None };
    let mut lo = printpdf::serialize::to_lopdf_doc(pdf.with_pages(pages), &opts, &mut Vec::new());
    // Deflate at a fast level: most of a large export's time was lopdf's best compression,
    // for a few percent of size.
    let mut streams: Vec<&mut lopdf::Stream> = lo
        .objects
        .values_mut()
        .filter_map(|o| match o {
            lopdf::Object::Stream(s) => Some(s),
            _ => None,
        })
        .collect();
    // Two halves on two threads.
    let half = streams.len() / 2;
    let (a, b) = streams.split_at_mut(half);
    std::thread::scope(|scope| {
        scope.spawn(|| a.iter_mut().for_each(|s| compress_fast(s)));
        b.iter_mut().for_each(|s| compress_fast(s));
    });
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| ExportError::Internal(format!("the PDF could not be written: {e}")))?;
    Ok(PdfOutput {
        bytes: fixed_id(bytes),
        pages: total,
        missing_glyphs: missing.into_iter().map(|c| format!("U+{c:04X}")).collect(),
        warnings: layout_warnings,
    })
}

fn compress_fast(stream: &mut lopdf::Stream) {
    use std::io::Write;
    // printpdf marks raw image data as not to be compressed; it deflates well all the same.
    let image = stream.dict.get(b"Subtype").and_then(|s| s.as_name()).is_ok_and(|n| n == b"Image");
    if stream.dict.get(b"Filter").is_ok() || !(stream.allows_compression || image) {
        return;
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(2));
    if encoder.write_all(&stream.content).is_err() {
        return;
    }
    if let Ok(compressed) = encoder.finish() {
        if compressed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

/// The word as filled outlines, diagonal across the middle of the page.
fn watermark(fonts: &Fonts, word: &str) -> Polygon {
    const SIZE: f32 = 110.0;
    let shaped = text::shape(fonts, &mut text::Plans::default(), vec![text::Span { text: word.into(), font: text::BOLD, size: SIZE, color: [0.0; 3], link: None }], &mut BTreeSet::new());
    let width: f32 = shaped.glyphs.iter().map(|g| g.advance).sum();
    let scale = SIZE / fonts.units_per_em(text::BOLD);
    let (sin, cos) = 50f32.to_radians().sin_cos();
    // Text space: the word's baseline centred on the page, then rotated about the centre.
    let (cx, cy) = (PAGE_W / 2.0, PAGE_H / 2.0);
    let mut rings = Vec::new();
    let mut pen = -width / 2.0;
    for g in &shaped.glyphs {
        for ring in fonts.outline(g.font, g.gid) {
            let points = ring
                .into_iter()
                .map(|(x, y, bezier)| {
                    let (tx, ty) = (pen + x * scale, y * scale - SIZE * 0.35);
                    LinePoint { p: Point { x: Pt(cx + tx * cos - ty * sin), y: Pt(cy + tx * sin + ty * cos) }, bezier }
                })
                .collect();
            rings.push(PolygonRing { points });
        }
        pen += g.advance;
    }
    Polygon { rings, mode: PaintMode::Fill, winding_order: WindingOrder::NonZero }
}

/// printpdf writes a random document /ID; make it a digest of the content instead, so the
/// same document gives the same bytes. The strings keep their length: offsets stay valid.
fn fixed_id(mut bytes: Vec<u8>) -> Vec<u8> {
    let Some(at) = find(&bytes, b"/ID") else { return bytes };
    let mut spans = Vec::new();
    let mut i = at;
    while spans.len() < 2 && i < bytes.len() {
        if bytes[i] == b'(' {
            let start = i + 1;
            let end = start + bytes[start..].iter().position(|b| *b == b')').unwrap_or(0);
            spans.push(start..end);
            i = end;
        }
        i += 1;
    }
    for s in &spans {
        bytes[s.clone()].fill(b'0');
    }
    let digest = {
        use sha2::Digest;
        let d = sha2::Sha256::digest(&bytes);
        d.iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    for s in spans {
        let n = s.len().min(digest.len());
        bytes[s.start..s.start + n].copy_from_slice(&digest.as_bytes()[..n]);
    }
    bytes
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}
