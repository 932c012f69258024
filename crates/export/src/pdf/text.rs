//! Text for the PDF: fonts with fallback, shaping (rustybuzz) and line breaking
//! (unicode-linebreak). Kerning and ligatures are left off so that every glyph advances by its
//! font's own width and stands for its own characters: the PDF then needs no per-glyph
//! adjustments, what is measured is what is drawn, and copied text is exact.

use std::collections::BTreeSet;
use std::str::FromStr;

use rustybuzz::{Direction, Face, Feature, Script, ShapePlan, UnicodeBuffer};
use unicode_linebreak::{linebreaks, BreakOpportunity};

pub const REGULAR: u8 = 0;
pub const BOLD: u8 = 1;
pub const ITALIC: u8 = 2;
pub const BOLD_ITALIC: u8 = 3;
/// Droid Sans Fallback: Chinese, Japanese and whatever Liberation Sans lacks.
pub const FALLBACK: u8 = 4;
/// Nanum Square: Korean, which Droid Sans Fallback lacks.
pub const FALLBACK_KO: u8 = 5;

/// Where the serif family's four styles start (REGULAR..BOLD_ITALIC added to it).
pub const SERIF: u8 = 6;

pub const FONT_FILES: [&[u8]; 10] = [
    include_bytes!("../../../../assets/fonts/LiberationSans-Regular.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSans-Bold.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSans-Italic.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSans-BoldItalic.ttf"),
    include_bytes!("../../../../assets/fonts/DroidSansFallbackFull.ttf"),
    include_bytes!("../../../../assets/fonts/NanumSquareR.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../../../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
];

pub struct Fonts {
    faces: Vec<Face<'static>>,
    /// printpdf's parse of each font, made on first use and kept (it costs milliseconds).
    parsed: Vec<std::sync::OnceLock<Option<printpdf::ParsedFont>>>,
    upem: [f32; 10],
    ascender: [f32; 10],
    features: Vec<Feature>,
}

impl Fonts {
    pub fn load() -> Fonts {
        let faces: Vec<Face<'static>> = FONT_FILES.iter().map(|b| Face::from_slice(b, 0).expect("the shipped fonts parse")).collect();
        let mut upem = [1000.0; 10];
        let mut ascender = [0.8; 10];
        for (i, f) in faces.iter().enumerate() {
            upem[i] = f.units_per_em() as f32;
            ascender[i] = f.ascender() as f32 / upem[i];
        }
        let parsed = (0..FONT_FILES.len()).map(|_| std::sync::OnceLock::new()).collect();
        Fonts {
            faces,
            parsed,
            upem,
            ascender,
            features: ["-kern", "-liga", "-clig"].iter().map(|f| Feature::from_str(f).expect("feature")).collect(),
        }
    }

    pub fn parsed(&self, font: u8) -> Option<&printpdf::ParsedFont> {
        self.parsed[font as usize]
            .get_or_init(|| printpdf::ParsedFont::from_bytes(FONT_FILES[font as usize], 0, &mut Vec::new()))
            .as_ref()
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
    /// The byte range of the paragraph's text this glyph stands for (for copying text out of
    /// the PDF); empty for the second and later glyphs of one cluster.
    pub text: std::ops::Range<usize>,
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
    // Liberation Sans has every printable ASCII character: no look-up for most text.
    if c.is_ascii() || c.is_whitespace() || fonts.faces[style as usize].glyph_index(c).is_some() {
        return style;
    }
    for fallback in [FALLBACK, FALLBACK_KO] {
        if fonts.faces[fallback as usize].glyph_index(c).is_some() {
            return fallback;
        }
    }
    if !c.is_control() {
        missing.insert(c as u32);
    }
    style
}

/// Shaping plans, made once per face, script and direction for one export (making a plan
/// costs more than shaping a paragraph with it).
#[derive(Default)]
pub struct Plans {
    plans: Vec<(u8, Script, Direction, ShapePlan)>,
    /// Glyph and advance (font units) per face and character, for simple text.
    glyphs: std::collections::HashMap<(u8, char), (u16, u16)>,
}

/// Text that shaping would not change once kerning and ligatures are off: Latin, Greek and
/// Cyrillic letters, digits and punctuation, with no combining marks. It is mapped character
/// by character (the common case, and much faster than shaping).
fn is_simple(text: &str) -> bool {
    text.chars().all(|c| matches!(c as u32, 0x20..=0x7E | 0xA0..=0x2FF | 0x370..=0x3FF | 0x400..=0x4FF | 0x2000..=0x206F | 0x20A0..=0x20CF | 0x2100..=0x214F))
}

impl Plans {
    fn get(&mut self, fonts: &Fonts, face: u8, script: Script, direction: Direction) -> &ShapePlan {
        let i = match self.plans.iter().position(|(f, s, d, _)| *f == face && *s == script && *d == direction) {
            Some(i) => i,
            None => {
                let plan = ShapePlan::new(&fonts.faces[face as usize], direction, Some(script), None, &fonts.features);
                self.plans.push((face, script, direction, plan));
                self.plans.len() - 1
            }
        };
        &self.plans[i].3
    }
}

pub fn shape(fonts: &Fonts, plans: &mut Plans, spans: Vec<Span>, missing: &mut BTreeSet<u32>) -> Shaped {
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
            let scale = span.size / fonts.upem[face as usize];
            if is_simple(piece) {
                let f = &fonts.faces[face as usize];
                for (k, c) in piece.char_indices() {
                    let (gid, adv) = *plans.glyphs.entry((face, c)).or_insert_with(|| {
                        let gid = f.glyph_index(c).map_or(0, |g| g.0);
                        (gid, f.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid)).unwrap_or(0))
                    });
                    let at = base + start + k;
                    glyphs.push(Glyph { gid, font: face, advance: adv as f32 * scale, cluster: at, text: at..at + c.len_utf8(), span: si });
                }
                continue;
            }
            let mut buf = UnicodeBuffer::new();
            buf.push_str(piece);
            buf.guess_segment_properties();
            let plan = plans.get(fonts, face, buf.script(), buf.direction());
            let out = rustybuzz::shape_with_plan(&fonts.faces[face as usize], plan, buf);
            let infos = out.glyph_infos();
            let positions = out.glyph_positions();
            let mut last_cluster = usize::MAX;
            for (k, (info, pos)) in infos.iter().zip(positions).enumerate() {
                let cluster = info.cluster as usize;
                let next_cluster = infos[k + 1..].iter().map(|i| i.cluster as usize).find(|c| *c != cluster).unwrap_or(piece.len());
                let at = base + start;
                let glyph_text = if cluster != last_cluster { at + cluster..at + next_cluster.max(cluster) } else { at + cluster..at + cluster };
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
    /// The text a glyph stands for.
    pub fn text_of(&self, g: &Glyph) -> &str {
        &self.text[g.text.clone()]
    }

    fn is_space(&self, g: usize) -> bool {
        let t = self.text_of(&self.glyphs[g]);
        !t.is_empty() && t.chars().all(char::is_whitespace)
    }

    pub fn is_space_glyph(&self, g: usize) -> bool {
        self.is_space(g)
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
        // A line is never narrower than one glyph can be set in.
        let max = max.max(1.0);
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
