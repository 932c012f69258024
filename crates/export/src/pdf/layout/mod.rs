//! Pagination: the document model flowed onto A4 pages as positioned lines, boxes and links.
//! Headings stay with what follows them, a list item never leaves its bullet alone at the foot
//! of a page, and tables break between rows (repeating their header).

use std::collections::BTreeSet;

use pitchbridge_core::doc::Run;

use super::text::*;
use crate::model::{Block, Document, Layout, Section};

mod arrange;

pub use arrange::lay_out;

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 56.7;
pub const TOP: f32 = 82.0;
pub const BOTTOM: f32 = 70.0;
pub const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

const BODY: f32 = 10.5;
const LEADING: f32 = 1.38;
const GREY: [f32; 3] = [0.36, 0.37, 0.4];
const INK: [f32; 3] = [0.11, 0.11, 0.13];

/// A run of glyphs drawn from one point, in one font, size and colour. `y` is the baseline,
/// measured from the top of the page.
#[derive(Debug, Clone)]
pub struct GlyphRun {
    pub x: f32,
    pub y: f32,
    pub font: u8,
    pub size: f32,
    pub color: [f32; 3],
    pub glyphs: Vec<(u16, String)>,
}

#[derive(Debug, Clone)]
pub enum Item {
    Text(GlyphRun),
    /// A filled (and optionally outlined) rectangle; `y` is its top.
    Rect { x: f32, y: f32, w: f32, h: f32, fill: Option<[f32; 3]>, stroke: Option<[f32; 3]> },
    Link { x: f32, y: f32, w: f32, h: f32, url: String },
    /// The brand's logo, scaled into this box (`y` is its top).
    Logo { x: f32, y: f32, w: f32, h: f32 },
    /// Picture number `n` of the document, scaled into this box.
    Picture { n: usize, x: f32, y: f32, w: f32, h: f32 },
    /// A line through points (page coordinates, `y` down), solid or dashed.
    Path { points: Vec<(f32, f32)>, stroke: [f32; 3], width: f32, dashed: bool },
}

pub struct Page {
    pub items: Vec<Item>,
}

pub struct Laid {
    pub pages: Vec<Page>,
    /// The document's pictures, in the order `Item::Picture` numbers them.
    pub pictures: Vec<crate::model::Picture>,
    /// What the layout had to give way on (a one-pager that runs over).
    pub warnings: Vec<String>,
    /// Code points no shipped font can draw.
    pub missing: BTreeSet<u32>,
    /// Fonts the pages use.
    pub fonts_used: BTreeSet<u8>,
}

pub fn hex(c: &str) -> [f32; 3] {
    let v = u32::from_str_radix(c, 16).unwrap_or(0x1F2A44);
    [((v >> 16) & 255) as f32 / 255.0, ((v >> 8) & 255) as f32 / 255.0, (v & 255) as f32 / 255.0]
}

fn tint(c: [f32; 3], t: f32) -> [f32; 3] {
    [c[0] + (1.0 - c[0]) * t, c[1] + (1.0 - c[1]) * t, c[2] + (1.0 - c[2]) * t]
}

fn font_of(bold: bool, italic: bool) -> u8 {
    match (bold, italic) {
        (false, false) => REGULAR,
        (true, false) => BOLD,
        (false, true) => ITALIC,
        (true, true) => BOLD_ITALIC,
    }
}

fn spans(runs: &[Run], size: f32, color: [f32; 3], force_bold: bool, link_color: [f32; 3]) -> Vec<Span> {
    runs.iter()
        .filter(|r| !r.text.is_empty())
        .map(|r| Span {
            text: r.text.clone(),
            font: font_of(r.bold || force_bold, r.italic),
            size,
            color: if r.link.is_some() { link_color } else { color },
            link: r.link.clone(),
        })
        .collect()
}

fn plain(text: &str, font: u8, size: f32, color: [f32; 3]) -> Vec<Span> {
    vec![Span { text: text.to_string(), font, size, color, link: None }]
}

/// A block cut into lines, ready to place: each line's glyph runs relative to the line's
/// left edge and baseline.
struct Lines {
    lines: Vec<(Vec<GlyphRun>, Vec<(f32, f32, String)>)>,
    line_h: f32,
    ascent: f32,
}

pub struct Layouter<'f> {
    fonts: &'f Fonts,
    pub pages: Vec<Page>,
    y: f32,
    missing: BTreeSet<u32>,
    fonts_used: BTreeSet<u8>,
    plans: Plans,
    pictures: Vec<crate::model::Picture>,
    /// Added to a style (REGULAR..BOLD_ITALIC) to pick the brand's family.
    family: u8,
    /// The column being filled: its left edge and width (the text block, or one column).
    x0: f32,
    w: f32,
    /// Off while laying out a column to measure it: nothing moves to a new page.
    paginate: bool,
}

impl<'f> Layouter<'f> {
    pub fn new(fonts: &'f Fonts) -> Layouter<'f> {
        Layouter {
            fonts,
            pages: vec![Page { items: Vec::new() }],
            y: TOP,
            missing: BTreeSet::new(),
            fonts_used: BTreeSet::new(),
            plans: Plans::default(),
            pictures: Vec::new(),
            family: 0,
            x0: MARGIN_X,
            w: TEXT_W,
            paginate: true,
        }
    }

    fn set(&mut self, mut spans: Vec<Span>, width: f32) -> Lines {
        for s in &mut spans {
            if s.font <= BOLD_ITALIC {
                s.font += self.family;
            }
        }
        let size = spans.iter().map(|s| s.size).fold(BODY, f32::max);
        let shaped = shape(self.fonts, &mut self.plans, spans, &mut self.missing);
        let mut lines = Vec::new();
        for lr in shaped.lines(width) {
            let mut runs: Vec<GlyphRun> = Vec::new();
            let mut links: Vec<(f32, f32, String)> = Vec::new();
            let mut x = 0.0;
            let mut open_link: Option<(f32, String)> = None;
            let mut end = lr.end;
            while end > lr.start && shaped.is_space_glyph(end - 1) {
                end -= 1;
            }
            for g in &shaped.glyphs[lr.start..end] {
                let span = &shaped.spans[g.span];
                self.fonts_used.insert(g.font);
                let same = runs.last().is_some_and(|r: &GlyphRun| r.font == g.font && r.size == span.size && r.color == span.color);
                if !same {
                    runs.push(GlyphRun { x, y: 0.0, font: g.font, size: span.size, color: span.color, glyphs: Vec::new() });
                }
                runs.last_mut().expect("a run").glyphs.push((g.gid, shaped.text_of(g).to_string()));
                // A link is one rectangle per line over its words.
                if open_link.as_ref().map(|(_, u)| u) != span.link.as_ref() {
                    if let Some((from, url)) = open_link.take() {
                        links.push((from, x - from, url));
                    }
                    open_link = span.link.clone().map(|u| (x, u));
                }
                x += g.advance;
            }
            if let Some((from, url)) = open_link.take() {
                links.push((from, x - from, url));
            }
            lines.push((runs, links));
        }
        Lines { lines, line_h: size * LEADING, ascent: size * 0.9 }
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a page")
    }

    fn new_page(&mut self) {
        self.pages.push(Page { items: Vec::new() });
        self.y = TOP;
    }

    fn room(&self) -> f32 {
        if self.paginate {
            PAGE_H - BOTTOM - self.y
        } else {
            f32::INFINITY
        }
    }

    /// Places lines at `x`, breaking pages between lines; the first `keep` lines stay
    /// together (with `extra` height that must follow on the same page).
    fn place(&mut self, lines: Lines, x: f32, keep: usize, extra: f32) {
        let need = lines.line_h * keep.min(lines.lines.len()) as f32 + extra;
        if need > self.room() && self.y > TOP {
            self.new_page();
        }
        for (runs, links) in lines.lines {
            if lines.line_h > self.room() && self.y > TOP {
                self.new_page();
            }
            let baseline = self.y + lines.ascent;
            for mut r in runs {
                r.x += x;
                r.y = baseline;
                self.page().items.push(Item::Text(r));
            }
            for (lx, w, url) in links {
                let size = lines.ascent / 0.9;
                self.page().items.push(Item::Link { x: x + lx, y: baseline - size * 0.85, w, h: size * 1.1, url });
            }
            self.y += lines.line_h;
        }
    }

    /// Places lines at a fixed position, outside the flow (running header and footer).
    fn place_at(&mut self, lines: Lines, x: f32, y: f32) {
        let mut y = y;
        for (runs, links) in lines.lines {
            let baseline = y + lines.ascent;
            for mut r in runs {
                r.x += x;
                r.y = baseline;
                self.page().items.push(Item::Text(r));
            }
            for (lx, w, url) in links {
                self.page().items.push(Item::Link { x: x + lx, y: baseline - 8.0, w, h: 10.0, url });
            }
            y += lines.line_h;
        }
    }

    fn space(&mut self, pt: f32) {
        if self.y > TOP {
            self.y = (self.y + pt).min(PAGE_H - BOTTOM);
        }
    }

    pub fn title(&mut self, doc: &Document) {
        let primary = hex(&doc.brand.primary);
        let t = self.set(plain(&doc.title, BOLD, 22.0, primary), TEXT_W);
        self.place(t, MARGIN_X, 2, 0.0);
        if !doc.subtitle.is_empty() {
            let s = self.set(plain(&doc.subtitle, REGULAR, 11.0, GREY), TEXT_W);
            self.place(s, MARGIN_X, 1, 0.0);
        }
        // A rule in the brand's accent under the title.
        let y = self.y + 4.0;
        self.page().items.push(Item::Rect { x: MARGIN_X, y, w: TEXT_W, h: 1.5, fill: Some(hex(&doc.brand.accent)), stroke: None });
        self.y = y + 14.0;
    }

    pub fn section(&mut self, doc: &Document, section: &crate::model::Section, show_title: bool) {
        let primary = hex(&doc.brand.primary);
        let accent = hex(&doc.brand.accent);
        let (x0, w) = (self.x0, self.w);
        if let (Some(t), true) = (&section.title, show_title) {
            self.space(10.0);
            let lines = self.set(plain(t, BOLD, 14.0, primary), w);
            // A heading keeps its own lines and the next two lines of text with it (a table's
            // header and first row; a chart whole).
            let follows = match section.blocks.first() {
                Some(Block::Table { .. }) => 70.0,
                Some(Block::Chart(_)) => 100.0,
                _ => BODY * LEADING * 2.0,
            };
            self.place(lines, x0, 99, follows);
            self.y += 3.0;
        }
        for b in &section.blocks {
            match b {
                Block::Heading { level, runs } => {
                    self.space(6.0);
                    let size = if *level <= 2 { 12.0 } else { 11.0 };
                    let lines = self.set(spans(runs, size, primary, true, accent), w);
                    self.place(lines, x0, 99, BODY * LEADING * 2.0);
                    self.y += 2.0;
                }
                Block::Paragraph(runs) => {
                    let lines = self.set(spans(runs, BODY, INK, false, accent), w);
                    // No single line of a paragraph left at the foot of a page.
                    self.place(lines, x0, 2, 0.0);
                    self.y += 6.0;
                }
                Block::List { ordered, items, levels } => {
                    // Each level indents further, with its own bullet or its own count.
                    let mut counts = [0usize; 4];
                    for (i, item) in items.iter().enumerate() {
                        let level = levels.get(i).copied().unwrap_or(0).min(3) as usize;
                        counts[level] += 1;
                        counts[level + 1..].iter_mut().for_each(|c| *c = 0);
                        let marker = if *ordered {
                            let n = counts[level];
                            match level {
                                1 => format!("{}.", char::from(b'a' + ((n - 1) % 26) as u8)),
                                2 => format!("{}.", ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"].get(n - 1).copied().unwrap_or("x")),
                                _ => format!("{n}."),
                            }
                        } else {
                            ["•", "◦", "▪", "–"][level].to_string()
                        };
                        let indent = 18.0 * level as f32;
                        let mut lines = self.set(spans(item, BODY, INK, false, accent), w - 18.0 - indent);
                        let m = self.set(plain(&marker, if *ordered { REGULAR } else { BOLD }, BODY, primary), 18.0);
                        // The marker goes with the item's first line, and the item's
                        // first two lines stay together: no lone bullet at a page foot.
                        if let (Some(first), Some((mruns, _))) = (lines.lines.first_mut(), m.lines.into_iter().next()) {
                            for mut r in mruns {
                                r.x -= 18.0;
                                first.0.insert(0, r);
                            }
                        }
                        self.place(lines, x0 + 18.0 + indent, 2, 0.0);
                        self.y += 2.0;
                    }
                    self.y += 4.0;
                }
                Block::Quote { runs, by } => self.pull_quote(runs, by, primary, accent),
                Block::Callout(runs) => self.callout(runs, accent),
                Block::Table { header, rows } => self.table(header, rows, primary, accent),
                Block::Image { picture, .. } => self.picture(picture),
                Block::Chart(chart) => self.chart(chart, primary, accent),
            }
        }
    }

    /// A picture at its natural size (96 px to the inch) or smaller: never wider than the
    /// column, never taller than a page.
    fn picture(&mut self, picture: &crate::model::Picture) {
        let natural = (picture.width_px as f32 * 0.75, picture.height_px as f32 * 0.75);
        let scale = (self.w / natural.0).min((PAGE_H - TOP - BOTTOM) / natural.1).min(1.0);
        let (w, h) = (natural.0 * scale, natural.1 * scale);
        if h > self.room() && self.y > TOP {
            self.new_page();
        }
        let n = self.pictures.len();
        self.pictures.push(picture.clone());
        let (x, y) = (self.x0, self.y);
        self.page().items.push(Item::Picture { n, x, y, w, h });
        self.y += h + 8.0;
    }

    /// A customer's words set apart: a bar of the accent colour, larger italic type, and who
    /// said them below; kept on one page.
    fn pull_quote(&mut self, runs: &[Run], by: &str, primary: [f32; 3], accent: [f32; 3]) {
        const BAR: f32 = 3.0;
        const GAP: f32 = 12.0;
        let text: String = runs.iter().map(|r| r.text.as_str()).collect();
        let mut words: Vec<Run> = runs.iter().map(|r| Run { italic: true, ..r.clone() }).collect();
        if !text.trim_start().starts_with(['“', '"', '«']) {
            words.insert(0, Run { italic: true, ..Run::plain("“") });
            words.push(Run { italic: true, ..Run::plain("”") });
        }
        let quote = self.set(spans(&words, 13.0, primary, false, accent), self.w - BAR - GAP);
        let by_lines = (!by.is_empty()).then(|| self.set(plain(&format!("— {by}"), REGULAR, 9.0, GREY), self.w - BAR - GAP));
        let h = quote.line_h * quote.lines.len() as f32 + by_lines.as_ref().map_or(0.0, |b| 4.0 + b.line_h * b.lines.len() as f32);
        self.space(6.0);
        if h > self.room() && self.y > TOP {
            self.new_page();
        }
        let top = self.y;
        let x = self.x0;
        self.page().items.push(Item::Rect { x, y: top, w: BAR, h, fill: Some(accent), stroke: None });
        self.place(quote, x + BAR + GAP, 99, 0.0);
        if let Some(b) = by_lines {
            self.y += 4.0;
            self.place(b, x + BAR + GAP, 99, 0.0);
        }
        self.y = self.y.max(top + h) + 10.0;
    }

    fn callout(&mut self, runs: &[Run], accent: [f32; 3]) {
        const PAD: f32 = 10.0;
        let lines = self.set(spans(runs, 12.0, accent, true, accent), self.w - 2.0 * PAD);
        let h = lines.line_h * lines.lines.len() as f32 + 2.0 * PAD;
        self.space(4.0);
        if h > self.room() && self.y > TOP {
            self.new_page();
        }
        let top = self.y;
        let page = self.pages.len();
        let at = self.page().items.len();
        self.y += PAD;
        self.place(lines, self.x0 + PAD, 99, 0.0);
        let bottom = self.y + PAD;
        // The box goes under the text (drawn first). A callout longer than a page (only in
        // a pathological pitch) keeps its text and loses its box.
        if self.pages.len() == page {
            let (x, w) = (self.x0, self.w);
            self.page().items.insert(at, Item::Rect { x, y: top, w, h: bottom - top, fill: Some(tint(accent, 0.88)), stroke: Some(accent) });
        }
        self.y = bottom + 8.0;
    }

    /// A line chart drawn as vectors: a frame with gridlines at quarters of the scale, one line
    /// per series (the first in the brand's primary colour, the next in its accent, dashed
    /// ones grey), the scale's values on the left, the points' labels under it (thinned to
    /// fit) and a key above it.
    fn chart(&mut self, chart: &crate::model::Chart, primary: [f32; 3], accent: [f32; 3]) {
        const H: f32 = 50.0;
        const LEFT: f32 = 28.0;
        let key_h = 14.0;
        let labels_h = 14.0;
        self.space(6.0);
        if key_h + H + labels_h > self.room() && self.y > TOP {
            self.new_page();
        }
        let (x0, w) = (self.x0, self.w);
        let colours = |i: usize, dashed: bool| if dashed { GREY } else if i == 0 { primary } else { accent };
        // The key.
        let mut kx = x0 + LEFT;
        let top = self.y;
        for (i, s) in chart.series.iter().enumerate() {
            let c = colours(i, s.dashed);
            self.page().items.push(Item::Path { points: vec![(kx, top + 6.0), (kx + 16.0, top + 6.0)], stroke: c, width: 1.8, dashed: s.dashed });
            let t = self.set(plain(&s.label, REGULAR, 8.5, GREY), w);
            let label_w = self.text_width(&s.label, 8.5);
            self.place_at(t, kx + 20.0, top);
            kx += 20.0 + label_w + 14.0;
        }
        let (px, py, pw, ph) = (x0 + LEFT, top + key_h, w - LEFT, H);
        let grid = [0.86, 0.87, 0.89];
        for q in 0..=4 {
            let y = py + ph - ph * q as f32 / 4.0;
            self.page().items.push(Item::Path { points: vec![(px, y), (px + pw, y)], stroke: grid, width: 0.5, dashed: false });
            let value = chart.y_max * q as f32 / 4.0;
            let t = self.set(plain(&format!("{value:.0}"), REGULAR, 7.5, GREY), LEFT);
            let vw = self.text_width(&format!("{value:.0}"), 7.5);
            self.place_at(t, px - vw - 4.0, y - 4.5);
        }
        let n = chart.x_labels.len();
        let x_at = |i: usize| if n <= 1 { px + pw / 2.0 } else { px + pw * i as f32 / (n - 1) as f32 };
        let y_at = |v: f32| py + ph - ph * (v / chart.y_max.max(f32::EPSILON)).clamp(0.0, 1.0);
        for (i, s) in chart.series.iter().enumerate() {
            let points: Vec<(f32, f32)> = s.values.iter().enumerate().take(n).map(|(j, v)| (x_at(j), y_at(*v))).collect();
            let c = colours(i, s.dashed);
            if points.len() == 1 {
                // One reading: a short mark, so it shows.
                let (x, y) = points[0];
                self.page().items.push(Item::Rect { x: x - 2.0, y: y - 2.0, w: 4.0, h: 4.0, fill: Some(c), stroke: None });
            } else if !points.is_empty() {
                self.page().items.push(Item::Path { points, stroke: c, width: if s.dashed { 1.0 } else { 1.8 }, dashed: s.dashed });
            }
        }
        // Point labels, as many as fit without touching.
        let widest = chart.x_labels.iter().map(|l| self.text_width(l, 7.5)).fold(0.0, f32::max) + 8.0;
        let every = if n <= 1 { 1 } else { ((widest * n as f32 / pw).ceil() as usize).max(1) };
        for (i, label) in chart.x_labels.iter().enumerate() {
            if i % every != 0 && i != n - 1 {
                continue;
            }
            let lw = self.text_width(label, 7.5);
            let t = self.set(plain(label, REGULAR, 7.5, GREY), widest);
            self.place_at(t, (x_at(i) - lw / 2.0).clamp(px, px + pw - lw), py + ph + 3.0);
        }
        self.y = py + ph + labels_h + 6.0;
    }

    /// The width of a line of text in the regular face.
    fn text_width(&mut self, text: &str, size: f32) -> f32 {
        let shaped = shape(self.fonts, &mut self.plans, plain(text, REGULAR + self.family, size, GREY), &mut self.missing);
        shaped.glyphs.iter().map(|g| g.advance).sum()
    }

    fn table(&mut self, header: &[Vec<Run>], rows: &[Vec<Vec<Run>>], primary: [f32; 3], accent: [f32; 3]) {
        const PAD: f32 = 5.0;
        // The narrowest column that still holds a short word at this size.
        const MIN_COL: f32 = 48.0;
        let cols = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
        let fit = ((self.w / MIN_COL).floor() as usize).max(2);
        if cols > fit {
            // More columns than the page holds: the table is shown in parts, each with the
            // first column again so every row keeps its name, and the columns that follow.
            let others: Vec<usize> = (1..cols).collect();
            for part in others.chunks(fit - 1) {
                let pick = |cells: &[Vec<Run>]| -> Vec<Vec<Run>> { std::iter::once(0).chain(part.iter().copied()).map(|c| cells.get(c).cloned().unwrap_or_default()).collect() };
                let part_rows: Vec<Vec<Vec<Run>>> = rows.iter().map(|r| pick(r)).collect();
                self.table(&pick(header), &part_rows, primary, accent);
            }
            return;
        }
        let col_w = self.w / cols as f32;
        let border = [0.75, 0.76, 0.78];
        let set_row = |this: &mut Self, cells: &[Vec<Run>], bold: bool| -> (Vec<Lines>, f32) {
            let laid: Vec<Lines> = (0..cols)
                .map(|c| {
                    let runs = cells.get(c).cloned().unwrap_or_default();
                    this.set(spans(&runs, 9.5, if bold { primary } else { INK }, bold, accent), col_w - 2.0 * PAD)
                })
                .collect();
            let h = laid.iter().map(|l| l.line_h * l.lines.len().max(1) as f32).fold(0.0, f32::max) + 2.0 * PAD;
            (laid, h)
        };
        let (head, head_h) = set_row(self, header, true);
        let draw_row = |this: &mut Self, laid: Vec<Lines>, h: f32, fill: Option<[f32; 3]>| {
            let top = this.y;
            for c in 0..cols {
                let x = this.x0 + c as f32 * col_w;
                this.page().items.push(Item::Rect { x, y: top, w: col_w, h, fill, stroke: Some(border) });
            }
            for (c, lines) in laid.into_iter().enumerate() {
                this.y = top + PAD;
                let x = this.x0 + c as f32 * col_w + PAD;
                for (runs, links) in lines.lines {
                    let baseline = this.y + lines.ascent;
                    for mut r in runs {
                        r.x += x;
                        r.y = baseline;
                        this.page().items.push(Item::Text(r));
                    }
                    for (lx, w, url) in links {
                        this.page().items.push(Item::Link { x: x + lx, y: baseline - 9.0, w, h: 11.0, url });
                    }
                    this.y += lines.line_h;
                }
            }
            this.y = top + h;
        };
        self.space(4.0);
        if head_h * 2.0 > self.room() && self.y > TOP {
            self.new_page();
        }
        let head_again = |this: &mut Self| set_row(this, header, true);
        draw_row(self, head, head_h, Some(tint(accent, 0.9)));
        for row in rows {
            let (laid, h) = set_row(self, row, false);
            // Tables break between rows, and the header comes again on the new page.
            if h > self.room() && self.y > TOP + head_h {
                self.new_page();
                let (again, again_h) = head_again(self);
                draw_row(self, again, again_h, Some(tint(accent, 0.9)));
            }
            draw_row(self, laid, h, None);
        }
        self.y += 10.0;
    }

    pub fn finish(self) -> Laid {
        Laid { pages: self.pages, pictures: self.pictures, warnings: Vec::new(), missing: self.missing, fonts_used: self.fonts_used }
    }
}

/// The running header and footer of page `n` of `total`, and the DRAFT watermark.
pub fn furniture(fonts: &Fonts, doc: &Document, n: usize, total: usize, missing: &mut BTreeSet<u32>) -> Vec<Item> {
    let mut l = Layouter::new(fonts);
    l.family = if doc.brand.serif { SERIF } else { 0 };
    let primary = hex(&doc.brand.primary);
    // An email carries no letterhead.
    if doc.layout != Layout::Email {
        let mut x = MARGIN_X;
        if let Some(logo) = &doc.brand.logo {
            // At most 20 pt high and 110 pt wide, in proportion, left of the name.
            let scale = (20.0 / logo.height_px as f32).min(110.0 / logo.width_px as f32);
            let (w, h) = (logo.width_px as f32 * scale, logo.height_px as f32 * scale);
            l.page().items.push(Item::Logo { x, y: 42.0 - h, w, h });
            x += w + 8.0;
        }
        let brand = l.set(plain(&doc.brand.name, BOLD, 9.0, primary), TEXT_W / 2.0);
        let brand = Lines { lines: brand.lines.into_iter().take(1).collect(), ..brand };
        l.place_at(brand, x, 30.0);
    }
    let (mark, color) = match doc.mark() {
        (text, crate::model::MarkTone::Warning) => (text, [0.62, 0.1, 0.1]),
        (text, crate::model::MarkTone::Approved) => (text, [0.1, 0.42, 0.22]),
    };
    let mark_lines = l.set(plain(&mark, BOLD, 8.0, color), TEXT_W * 0.7);
    let w = mark_lines.lines.first().map_or(0.0, |(runs, _)| runs.iter().map(|r| r.glyphs.iter().map(|(g, _)| fonts.advance(r.font, *g, r.size)).sum::<f32>()).sum());
    let mark_lines = Lines { lines: mark_lines.lines.into_iter().take(1).collect(), ..mark_lines };
    l.place_at(mark_lines, PAGE_W - MARGIN_X - w, 30.0);
    // Markings a reviewer confirmed ("For internal and partner use only"), on every page,
    // under the mark.
    if !doc.markings.is_empty() {
        let marking = l.set(plain(&doc.markings.join("  ·  "), BOLD, 7.5, GREY), TEXT_W * 0.7);
        let mw = marking.lines.first().map_or(0.0, |(runs, _)| runs.iter().map(|r| r.glyphs.iter().map(|(g, _)| fonts.advance(r.font, *g, r.size)).sum::<f32>()).sum());
        let marking = Lines { lines: marking.lines.into_iter().take(1).collect(), ..marking };
        l.place_at(marking, PAGE_W - MARGIN_X - mw, 41.0);
    }
    if doc.layout != Layout::Email {
        l.page().items.push(Item::Rect { x: MARGIN_X, y: 48.0, w: TEXT_W, h: 0.6, fill: Some([0.85, 0.85, 0.87]), stroke: None });
    }

    let footer = if doc.brand.footer.is_empty() { doc.title.clone() } else { doc.brand.footer.clone() };
    let f = l.set(plain(&footer, REGULAR, 8.0, GREY), TEXT_W - 90.0);
    let first = Lines { lines: f.lines.into_iter().take(1).collect(), ..f };
    l.place_at(first, MARGIN_X, PAGE_H - 45.0);
    let page_text = format!("Page {n} of {total}");
    let p = l.set(plain(&page_text, REGULAR, 8.0, GREY), 90.0);
    let pw = p.lines.first().map_or(0.0, |(runs, _)| runs.iter().map(|r| r.glyphs.iter().map(|(g, _)| fonts.advance(r.font, *g, r.size)).sum::<f32>()).sum());
    l.place_at(p, PAGE_W - MARGIN_X - pw, PAGE_H - 45.0);
    missing.extend(l.missing.iter().copied());
    l.pages.into_iter().flat_map(|p| p.items).collect()
}
