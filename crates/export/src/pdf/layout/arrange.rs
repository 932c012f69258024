//! How each collateral layout arranges its page: the title band, an email's subject line,
//! columns and cards for the sections whose roles ask for them, a call script's numbered
//! steps, and the elevator pitch's frame.

use super::*;
use crate::model::SectionRole;

impl Layouter<'_> {
    /// The title on a band of the brand's colour across the page (one-pager, battle card,
    /// elevator pitch).
    pub fn band(&mut self, doc: &Document) {
        let primary = hex(&doc.brand.primary);
        let white = [1.0, 1.0, 1.0];
        let title = self.set(plain(&doc.title, BOLD, 22.0, white), TEXT_W);
        let sub = (!doc.subtitle.is_empty()).then(|| self.set(plain(&doc.subtitle, REGULAR, 11.0, tint(primary, 0.75)), TEXT_W));
        let h = title.line_h * title.lines.len() as f32 + sub.as_ref().map_or(0.0, |s| s.line_h * s.lines.len() as f32) + 28.0;
        let top = 56.0;
        self.page().items.push(Item::Rect { x: 0.0, y: top, w: PAGE_W, h, fill: Some(primary), stroke: None });
        self.y = top + 14.0;
        self.place(title, MARGIN_X, 99, 0.0);
        if let Some(sub) = sub {
            self.place(sub, MARGIN_X, 99, 0.0);
        }
        self.y = top + h + 16.0;
    }

    /// An email has no letterhead: the title is its subject line.
    pub fn subject(&mut self, doc: &Document) {
        let primary = hex(&doc.brand.primary);
        let label = self.set(vec![Span { text: "Subject: ".into(), font: BOLD, size: 11.0, color: GREY, link: None }, Span { text: doc.title.clone(), font: BOLD, size: 11.0, color: primary, link: None }], TEXT_W);
        self.place(label, MARGIN_X, 99, 0.0);
        let y = self.y + 4.0;
        self.page().items.push(Item::Rect { x: MARGIN_X, y, w: TEXT_W, h: 0.6, fill: Some([0.85, 0.85, 0.87]), stroke: None });
        self.y = y + 16.0;
    }

    /// Lays a section out in a column without placing it: its items and where it ends.
    fn measure(&mut self, doc: &Document, section: &Section, x0: f32, w: f32, top: f32) -> (Vec<Item>, f32) {
        let mut col = Layouter::new(self.fonts);
        col.family = self.family;
        col.paginate = false;
        col.x0 = x0;
        col.w = w;
        col.y = top;
        col.plans = std::mem::take(&mut self.plans);
        col.section(doc, section, true);
        self.plans = std::mem::take(&mut col.plans);
        self.missing.extend(col.missing.iter().copied());
        self.fonts_used.extend(col.fonts_used.iter().copied());
        let bottom = col.y;
        (col.pages.into_iter().flat_map(|p| p.items).collect(), bottom)
    }

    /// Two column sections side by side (a battle card's "why we win" and "landmines"). When they
    /// cannot share a page, they follow one another.
    pub fn columns(&mut self, doc: &Document, left: &Section, right: &Section) {
        const GAP: f32 = 20.0;
        let cw = (TEXT_W - GAP) / 2.0;
        for attempt in 0..2 {
            let top = self.y;
            let (a, ab) = self.measure(doc, left, MARGIN_X, cw, top);
            let (b, bb) = self.measure(doc, right, MARGIN_X + cw + GAP, cw, top);
            let bottom = ab.max(bb);
            if bottom <= PAGE_H - BOTTOM {
                self.page().items.extend(a);
                self.page().items.extend(b);
                self.y = bottom;
                return;
            }
            if attempt == 0 && self.y > TOP {
                self.new_page();
            } else {
                break;
            }
        }
        self.section(doc, left, true);
        self.section(doc, right, true);
    }

    /// A list as cards, two to a row (a one-pager's benefits).
    pub fn cards(&mut self, doc: &Document, section: &Section) {
        const GAP: f32 = 12.0;
        const PAD: f32 = 9.0;
        let primary = hex(&doc.brand.primary);
        let accent = hex(&doc.brand.accent);
        let cw = (TEXT_W - GAP) / 2.0;
        if let Some(t) = &section.title {
            self.space(10.0);
            let lines = self.set(plain(t, BOLD, 14.0, primary), TEXT_W);
            self.place(lines, MARGIN_X, 99, 60.0);
            self.y += 5.0;
        }
        for b in &section.blocks {
            let Block::List { items, .. } = b else {
                self.section(doc, &Section { id: section.id.clone(), role: SectionRole::Body, title: None, blocks: vec![b.clone()] }, false);
                continue;
            };
            for pair in items.chunks(2) {
                let laid: Vec<Lines> = pair.iter().map(|item| self.set(spans(item, BODY, INK, false, accent), cw - 2.0 * PAD)).collect();
                let h = laid.iter().map(|l| l.line_h * l.lines.len() as f32).fold(0.0, f32::max) + 2.0 * PAD;
                if h > self.room() && self.y > TOP {
                    self.new_page();
                }
                let top = self.y;
                for (i, lines) in laid.into_iter().enumerate() {
                    let x = MARGIN_X + i as f32 * (cw + GAP);
                    self.page().items.push(Item::Rect { x, y: top, w: cw, h, fill: Some(tint(accent, 0.92)), stroke: None });
                    self.page().items.push(Item::Rect { x, y: top, w: 3.0, h, fill: Some(accent), stroke: None });
                    self.y = top + PAD;
                    self.place(lines, x + PAD + 2.0, 99, 0.0);
                }
                self.y = top + h + GAP;
            }
        }
    }
}

/// Lays out the whole document in its collateral type's layout.
pub fn lay_out(fonts: &Fonts, doc: &Document) -> Laid {
    let mut l = Layouter::new(fonts);
    l.family = if doc.brand.serif { SERIF } else { 0 };
    match doc.layout {
        Layout::Email => l.subject(doc),
        Layout::OnePager | Layout::BattleCard | Layout::ElevatorPitch => l.band(doc),
        Layout::Plain | Layout::CallScript | Layout::ObjectionHandling => l.title(doc),
    }
    let card_top = l.y;
    let mut sections = doc.sections.iter().peekable();
    let mut step = 0;
    while let Some(s) = sections.next() {
        match (doc.layout, s.role) {
            (Layout::Email, _) => l.section(doc, s, false),
            (_, SectionRole::Cards) => l.cards(doc, s),
            (_, SectionRole::Column) if sections.peek().is_some_and(|n| n.role == SectionRole::Column) => {
                let right = sections.next().expect("peeked");
                l.columns(doc, s, right);
            }
            (Layout::CallScript, _) => {
                // A script's sections are its steps, numbered.
                step += 1;
                let numbered = Section { title: s.title.as_ref().map(|t| format!("{step}. {t}")), ..s.clone() };
                l.section(doc, &numbered, true);
            }
            _ => l.section(doc, s, true),
        }
    }
    // An elevator pitch is a card: a frame around what is said.
    if doc.layout == Layout::ElevatorPitch && l.pages.len() == 1 {
        let (x, w, h) = (MARGIN_X - 14.0, TEXT_W + 28.0, l.y - card_top + 14.0);
        l.page().items.insert(0, Item::Rect { x, y: card_top - 12.0, w, h, fill: Some([0.985, 0.985, 0.99]), stroke: Some(tint(hex(&doc.brand.accent), 0.4)) });
    }
    let mut laid = l.finish();
    if doc.layout == Layout::OnePager && laid.pages.len() > 1 {
        laid.warnings.push(format!(
            "The one-pager runs to {} pages; it should fit on one. Nothing was dropped: cut words to bring it back to a page.",
            laid.pages.len()
        ));
    }
    laid
}
