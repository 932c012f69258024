//! Text for the PDF: fonts with fallback, shaping (rustybuzz) and line breaking
//! (unicode-linebreak). Kerning is left off so that every glyph advances by its font's own
//! width: the PDF then needs no per-glyph adjustments and what is measured is what is drawn.

use std::collections::BTreeSet;
use std::str::FromStr;

use rustybuzz::{Face, Feature, UnicodeBuffer};
use unicode_linebreak::{linebreaks, BreakOpportunity};

pub const REGULAR: u8 = 0;
pub const BOLD: u8 = 1;
pub const ITALIC: u8 = 2;
pub const BOLD_ITALIC: u8 = 3;
/// Droid Sans Fallback: CJK and whatever Liberation Sans lacks.
pub const FALLBACK: u8 = 4;

pub const FONT_FILES: [&[u8]; 5] = [
    include_bytes!("../../../../assets/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSans-BoldItalic.ttf"),
    include_bytes!("../../../../assets/fonts/DroidSansFallbackFull.ttf"),
];

pub struct Fonts {
    faces: Vec<Face<'static>>,
    upem: [f32; 5],
    ascender: [f32; 5],
    features: Vec<Feature>,
}

impl Fonts {
    pub fn load() -> Fonts {
        let faces: Vec<Face<'static>> = FONT_FILES.iter().map(|b| Face::from_slice(b, 0).expect("the shipped fonts parse")).collect();
        let mut upem = [1000.0; 5];
        let mut ascender = [0.8; 5];
        for (i, f) in faces.iter().enumerate() {
            upem[i] = f.units_per_em() as f32;
            ascender[i] = f.ascender() as f32 / upem[i];
        }
        Fonts { faces, upem, ascender, features: vec![Feature::from_str("-kern").expect("feature")] }
    }

    pub fn ascender(&self, font: u8) -> f32 {
        self.ascender[font as usize]
    }

    /// A glyph's outline as closed rings of points in font units; `true` marks a cubic Bézier
    /// control point (quadratic curves are raised to cubic).
    pub fn outline(&self, font: u8, gid: u16) -> Vec<Vec<(f32, f32, bool)>> {
        struct Rings {
            rings: Vec<Vec<(f32, f32, bool)>>,
            at: (f32, f32),
        }
        impl rustybuzz::ttf_parser::OutlineBuilder for Rings {
            fn move_to(&mut self, x: f32, y: f32) {
                self.rings.push(vec![(x, y, false)]);
                self.at = (x, y);
            }
            fn line_to(&mut self, x: f32, y: f32) {
                if let Some(r) = self.rings.last_mut() {
                    r.push((x, y, false));
                }
                self.at = (x, y);
            }
            fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
                let (x0, y0) = self.at;
                let c1 = (x0 + 2.0 / 3.0 * (x1 - x0), y0 + 2.0 / 3.0 * (y1 - y0));
                let c2 = (x + 2.0 / 3.0 * (x1 - x), y + 2.0 / 3.0 * (y1 - y));
                self.curve_to(c1.0, c1.1, c2.0, c2.1, x, y);
            }
            fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
                if let Some(r) = self.rings.last_mut() {
                    r.extend([(x1, y1, true), (x2, y2, true), (x, y, false)]);
                }
                self.at = (x, y);
            }
            fn close(&mut self) {}
        }
        let mut b = Rings { rings: Vec::new(), at: (0.0, 0.0) };
        self.faces[font as usize].outline_glyph(rustybuzz::ttf_parser::GlyphId(gid), &mut b);
        b.rings
    }

    pub fn units_per_em(&self, font: u8) -> f32 {
        self.upem[font as usize]
    }

    /// Width of a glyph in points at `size`.
    pub fn advance(&self, font: u8, gid: u16, size: f32) -> f32 {
        let f = &self.faces[font as usize];
        f.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid)).unwrap_or(0) as f32 * size / self.upem[font as usize]
    }
}

/// A stretch of text in one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    /// REGULAR, BOLD, ITALIC or BOLD_ITALIC.
    pub font: u8,
    pub size: f32,
    pub color: [f32; 3],
    pub link: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Glyph {
    pub gid: u16,
    pub font: u8,
    pub advance: f32,
    /// Byte offset of the glyph's cluster in the paragraph's text.
    pub cluster: usize,
    /// The text this glyph stands for (for copying text out of the PDF); empty for the second
    /// and later glyphs of one cluster.
    pub text: String,
    pub span: usize,
}

/// A paragraph shaped once: glyphs in order with their widths.
pub struct Shaped {
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub spans: Vec<Span>,
    /// prefix[i] = width of glyphs[..i].
    prefix: Vec<f32>,
}

/// Which face draws each character: the style's own, else the fallback; characters no font
/// has are reported (and drawn as the fallback's empty box).
fn face_for(fonts: &Fonts, style: u8, c: char, missing: &mut BTreeSet<u32>) -> u8 {
    if c.is_whitespace() || fonts.faces[style as usize].glyph_index(c).is_some() {
        return style;
    }
    if fonts.faces[FALLBACK as usize].glyph_index(c).is_some() {
        return FALLBACK;
    }
    if !c.is_control() {
        missing.insert(c as u32);
    }
    style
}

pub fn shape(fonts: &Fonts, spans: Vec<Span>, missing: &mut BTreeSet<u32>) -> Shaped {
    let mut text = String::new();
    let mut glyphs = Vec::new();
    for (si, span) in spans.iter().enumerate() {
        // Control characters (a tab, a stray form feed) are shown as spaces.
        let clean: String = span.text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let base = text.len();
        text.push_str(&clean);
        // Runs of one face, shaped together.
        let mut chars = clean.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let face = face_for(fonts, span.font, c, missing);
            let mut end = start + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if face_for(fonts, span.font, d, missing) != face {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let piece = &clean[start..end];
            let mut buf = UnicodeBuffer::new();
            buf.push_str(piece);
            buf.guess_segment_properties();
            let out = rustybuzz::shape(&fonts.faces[face as usize], &fonts.features, buf);
            let infos = out.glyph_infos();
            let positions = out.glyph_positions();
            let scale = span.size / fonts.upem[face as usize];
            let mut last_cluster = usize::MAX;
            for (k, (info, pos)) in infos.iter().zip(positions).enumerate() {
                let cluster = info.cluster as usize;
                let next_cluster = infos[k + 1..].iter().map(|i| i.cluster as usize).find(|c| *c != cluster).unwrap_or(piece.len());
                let glyph_text = if cluster != last_cluster { piece[cluster..next_cluster.max(cluster)].to_string() } else { String::new() };
                last_cluster = cluster;
                glyphs.push(Glyph {
                    gid: info.glyph_id as u16,
                    font: face,
                    advance: pos.x_advance as f32 * scale,
                    cluster: base + start + cluster,
                    text: glyph_text,
                    span: si,
                });
            }
        }
    }
    let mut prefix = Vec::with_capacity(glyphs.len() + 1);
    let mut w = 0.0;
    prefix.push(0.0);
    for g in &glyphs {
        w += g.advance;
        prefix.push(w);
    }
    Shaped { text, glyphs, spans, prefix }
}

/// A line: glyphs `start..end` of the paragraph.
#[derive(Debug, Clone, Copy)]
pub struct LineRange {
    pub start: usize,
    pub end: usize,
}

impl Shaped {
    fn is_space(&self, g: usize) -> bool {
        self.glyphs[g].text.chars().all(char::is_whitespace) && !self.glyphs[g].text.is_empty()
    }

    /// Width of glyphs a..b without the spaces at their end.
    fn width(&self, a: usize, mut b: usize) -> f32 {
        while b > a && self.is_space(b - 1) {
            b -= 1;
        }
        self.prefix[b] - self.prefix[a]
    }

    /// The first glyph at or after byte `byte`.
    fn glyph_at(&self, byte: usize) -> usize {
        self.glyphs.partition_point(|g| g.cluster < byte)
    }

    /// Greedy line filling at the break opportunities Unicode allows; a word longer than the
    /// line is cut where it must be.
    pub fn lines(&self, max: f32) -> Vec<LineRange> {
        let mut out = Vec::new();
        let n = self.glyphs.len();
        if n == 0 {
            return out;
        }
        let mut start = 0;
        let mut fit: Option<usize> = None;
        let push = |out: &mut Vec<LineRange>, a: usize, b: usize| {
            out.push(LineRange { start: a, end: b });
        };
        let skip_spaces = |mut a: usize| {
            while a < n && self.is_space(a) {
                a += 1;
            }
            a
        };
        for (byte, opportunity) in linebreaks(&self.text) {
            let g = self.glyph_at(byte);
            loop {
                if self.width(start, g) <= max {
                    fit = Some(g);
                    break;
                }
                match fit {
                    Some(f) if f > start => {
                        push(&mut out, start, f);
                        start = skip_spaces(f);
                        fit = None;
                    }
                    _ => {
                        // One unbreakable stretch wider than the line: cut it.
                        let mut e = start + 1;
                        while e < g && self.prefix[e + 1] - self.prefix[start] <= max {
                            e += 1;
                        }
                        push(&mut out, start, e);
                        start = e;
                        fit = None;
                    }
                }
            }
            if opportunity == BreakOpportunity::Mandatory && g > start {
                push(&mut out, start, g);
                start = skip_spaces(g);
                fit = None;
            }
        }
        if start < n {
            push(&mut out, start, n);
        }
        out
    }
}
