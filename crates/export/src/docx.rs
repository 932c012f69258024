//! The DOCX writer: docx-rs builds the parts; then the package is finished by hand where
//! docx-rs falls short (see ENGINEERING facts): entries deflated instead of stored, the Normal
//! style marked default, drawing ids made unique, and a fixed timestamp on every entry so the
//! same document always gives the same bytes.

use std::io::{Cursor, Read, Write};

use docx_rs::*;
use pitchbridge_core::doc::Run as DocRun;

use crate::model::{Block, Document, Layout, SectionRole};
use crate::ExportError;

const BULLETS: usize = 2;
const BODY_PT: usize = 11;
/// A4 less two 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1134;

/// Half-points, as Word counts font sizes.
/// The DRAFT mark's red and the approval stamp's green, the same in the PDF.
const DRAFT_COLOUR: &str = "9E1A1A";
const APPROVED_COLOUR: &str = "1A6B38";

fn hp(pt: usize) -> usize {
    pt * 2
}

fn styles(doc: &Document) -> Vec<Style> {
    let primary = doc.brand.primary.clone();
    vec![
        Style::new("Normal", StyleType::Paragraph).name("Normal").size(hp(BODY_PT)).line_spacing(LineSpacing::new().after(160).line(276).line_rule(LineSpacingType::Auto)),
        Style::new("Title", StyleType::Paragraph).name("Title").based_on("Normal").next("Normal").size(hp(26)).bold().color(primary.clone()).line_spacing(LineSpacing::new().before(0).after(80)),
        Style::new("Subtitle", StyleType::Paragraph).name("Subtitle").based_on("Normal").next("Normal").size(hp(12)).color("5F6368").line_spacing(LineSpacing::new().after(240)),
        Style::new("Heading1", StyleType::Paragraph).name("heading 1").based_on("Normal").next("Normal").size(hp(16)).bold().color(primary.clone()).outline_lvl(0).line_spacing(LineSpacing::new().before(360).after(120)),
        Style::new("Heading2", StyleType::Paragraph).name("heading 2").based_on("Normal").next("Normal").size(hp(13)).bold().color(primary.clone()).outline_lvl(1).line_spacing(LineSpacing::new().before(240).after(80)),
        Style::new("Heading3", StyleType::Paragraph).name("heading 3").based_on("Normal").next("Normal").size(hp(12)).bold().italic().outline_lvl(2).line_spacing(LineSpacing::new().before(200).after(60)),
        Style::new("ListBullet", StyleType::Paragraph).name("List Bullet").based_on("Normal"),
        Style::new("ListNumber", StyleType::Paragraph).name("List Number").based_on("Normal"),
        Style::new("CallToAction", StyleType::Paragraph).name("Call to Action").based_on("Normal").size(hp(12)).bold().color(doc.brand.accent.clone()),
        Style::new("Stamp", StyleType::Paragraph).name("Stamp").based_on("Normal").size(hp(9)).color(DRAFT_COLOUR),
        Style::new("PullQuote", StyleType::Paragraph).name("Quote").based_on("Normal").next("Normal").size(hp(13)).italic().color(primary.clone()),
        Style::new("QuoteBy", StyleType::Paragraph).name("Quote Attribution").based_on("Normal").next("Normal").size(hp(9)).color("5F6368"),
        Style::new("Hyperlink", StyleType::Character).name("Hyperlink").color(doc.brand.accent.clone()).underline("single"),
    ]
}

fn runs(p: Paragraph, runs: &[DocRun]) -> Paragraph {
    let mut p = p;
    for r in runs {
        let mut run = Run::new().add_text(&r.text);
        if r.bold {
            run = run.bold();
        }
        if r.italic {
            run = run.italic();
        }
        match &r.link {
            Some(href) => {
                p = p.add_hyperlink(Hyperlink::new(href, HyperlinkType::External).add_run(run.style("Hyperlink")));
            }
            None => p = p.add_run(run),
        }
    }
    p
}

fn para(style: &str, content: &[DocRun]) -> Paragraph {
    runs(Paragraph::new().style(style), content)
}

/// A paragraph or a table: what a body, or a table cell, holds.
enum Piece {
    P(Paragraph),
    T(Table),
}

/// Numbered lists made so far (each restarts at 1, so each gets its own numbering).
struct Lists {
    next: usize,
    made: Vec<usize>,
}

fn tint_hex(hex: &str, t: f32) -> String {
    let v = u32::from_str_radix(hex, 16).unwrap_or(0x4A55C9);
    let c = |shift: u32| {
        let x = ((v >> shift) & 255) as f32;
        (x + (255.0 - x) * t).round() as u32
    };
    format!("{:02X}{:02X}{:02X}", c(16), c(8), c(0))
}

fn white_borders() -> TableBorders {
    let b = |p| TableBorder::new(p).size(12).color("FFFFFF");
    TableBorders::new()
        .set(b(TableBorderPosition::Top))
        .set(b(TableBorderPosition::Bottom))
        .set(b(TableBorderPosition::Left))
        .set(b(TableBorderPosition::Right))
        .set(b(TableBorderPosition::InsideH))
        .set(b(TableBorderPosition::InsideV))
}

/// One cell across the text width, with a coloured outline or none.
fn boxed(cell: TableCell, outline: Option<String>) -> Table {
    let table = Table::new(vec![TableRow::new(vec![cell.width(TEXT_WIDTH, WidthType::Dxa)])]).set_grid(vec![TEXT_WIDTH]).width(TEXT_WIDTH, WidthType::Dxa);
    match outline {
        None => table.clear_all_border(),
        Some(c) => {
            let b = |p| TableBorder::new(p).size(8).color(c.clone());
            table.set_borders(
                TableBorders::new()
                    .set(b(TableBorderPosition::Top))
                    .set(b(TableBorderPosition::Bottom))
                    .set(b(TableBorderPosition::Left))
                    .set(b(TableBorderPosition::Right))
                    .clear(TableBorderPosition::InsideH)
                    .clear(TableBorderPosition::InsideV),
            )
        }
    }
}

/// The paragraphs (and tables) of one block.
fn block_pieces(b: &Block, lists: &mut Lists, accent: &str) -> Vec<Piece> {
    match b {
        Block::Heading { level, runs: r } => vec![Piece::P(para(if *level <= 2 { "Heading2" } else { "Heading3" }, r).keep_next(true))],
        Block::Paragraph(r) => vec![Piece::P(para("Normal", r))],
        // The call to action in a box of the accent colour.
        Block::Callout(r) => {
            let cell = TableCell::new().shading(Shading::new().shd_type(ShdType::Clear).fill(tint_hex(accent, 0.88))).add_paragraph(para("CallToAction", r));
            vec![Piece::T(boxed(cell, Some(accent.to_string()))), Piece::P(Paragraph::new())]
        }
        Block::List { ordered: false, items, levels } => items
            .iter()
            .enumerate()
            .map(|(i, item)| Piece::P(para("ListBullet", item).numbering(NumberingId::new(BULLETS), IndentLevel::new(level_of(levels, i)))))
            .collect(),
        Block::List { ordered: true, items, levels } => {
            let id = lists.next;
            lists.next += 1;
            lists.made.push(id);
            items.iter().enumerate().map(|(i, item)| Piece::P(para("ListNumber", item).numbering(NumberingId::new(id), IndentLevel::new(level_of(levels, i))))).collect()
        }
        // A customer's words set apart: a bar of the accent colour, larger italic type, and
        // who said them below.
        Block::Quote { runs: r, by } => {
            let mut cell = TableCell::new()
                .set_border(TableCellBorder::new(TableCellBorderPosition::Left).size(24).color(accent.to_string()))
                .add_paragraph(para("PullQuote", &quoted(r)));
            if !by.is_empty() {
                cell = cell.add_paragraph(Paragraph::new().style("QuoteBy").add_run(Run::new().add_text(format!("— {by}"))));
            }
            let table = Table::new(vec![TableRow::new(vec![cell.width(TEXT_WIDTH, WidthType::Dxa)])]).set_grid(vec![TEXT_WIDTH]).width(TEXT_WIDTH, WidthType::Dxa).clear_all_border();
            vec![Piece::T(table), Piece::P(Paragraph::new())]
        }
        Block::Image { picture, .. } => {
            // Scaled to the text width at most, and to 600 pt high (EMU: 635 a twip).
            let max_w = TEXT_WIDTH as f64 * 635.0;
            let max_h = 600.0 * 12700.0;
            let natural = (picture.width_px as f64 * 9525.0, picture.height_px as f64 * 9525.0);
            let scale = (max_w / natural.0).min(max_h / natural.1).min(1.0);
            let pic = Pic::new_with_dimensions(picture.bytes.clone(), picture.width_px, picture.height_px).size((natural.0 * scale) as u32, (natural.1 * scale) as u32);
            vec![Piece::P(Paragraph::new().add_run(Run::new().add_image(pic)))]
        }
        // Word has no drawing of ours: the chart's values as a table under its caption.
        Block::Chart(chart) => {
            let header: Vec<Vec<DocRun>> = std::iter::once(String::new()).chain(chart.series.iter().map(|s| s.label.clone())).map(|t| vec![DocRun::plain(t)]).collect();
            let rows: Vec<Vec<Vec<DocRun>>> = chart
                .x_labels
                .iter()
                .enumerate()
                .map(|(i, x)| std::iter::once(x.clone()).chain(chart.series.iter().map(|s| s.values.get(i).map(|v| format!("{v:.0}")).unwrap_or_default())).map(|t| vec![DocRun::plain(t)]).collect())
                .collect();
            let mut out = vec![Piece::P(para("Normal", &[DocRun { italic: true, ..DocRun::plain(chart.caption.clone()) }]))];
            out.extend(block_pieces(&Block::Table { header, rows }, lists, accent));
            out
        }
        Block::Table { header, rows } => {
            let cell = |c: &Vec<DocRun>, bold: bool| {
                let p = if bold {
                    let strong: Vec<DocRun> = c.iter().map(|r| DocRun { bold: true, ..r.clone() }).collect();
                    para("Normal", &strong)
                } else {
                    para("Normal", c)
                };
                TableCell::new().add_paragraph(p)
            };
            let mut table_rows = vec![TableRow::new(header.iter().map(|c| cell(c, true)).collect())];
            table_rows.extend(rows.iter().map(|r| TableRow::new(r.iter().map(|c| cell(c, false)).collect())));
            // Column widths are needed for readers that lay the grid out (python-docx,
            // Word's "autofit" off): the text width shared evenly.
            let columns = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
            let grid = vec![TEXT_WIDTH / columns; columns];
            vec![Piece::T(Table::new(table_rows).set_grid(grid).width(TEXT_WIDTH, WidthType::Dxa))]
        }
    }
}

/// Item `i`'s list level (0 to 3).
fn level_of(levels: &[u8], i: usize) -> usize {
    levels.get(i).copied().unwrap_or(0).min(3) as usize
}

/// A quotation's words between quotation marks (added when the words have none).
fn quoted(r: &[DocRun]) -> Vec<DocRun> {
    let text: String = r.iter().map(|r| r.text.as_str()).collect();
    if text.trim_start().starts_with(['“', '"', '«']) {
        return r.to_vec();
    }
    let mut out = vec![DocRun::plain("“")];
    out.extend(r.iter().cloned());
    out.push(DocRun::plain("”"));
    out
}

/// The document as DOCX bytes.
pub fn write_docx(doc: &Document) -> Result<Vec<u8>, ExportError> {
    let doc = &*doc.without_control_characters();
    let mut d = Docx::new()
        .page_size(11906, 16838) // A4 in twentieths of a point
        .page_margin(PageMargin::new().top(1701).bottom(1418).left(1134).right(1134).header(567).footer(567))
        .default_fonts({
            let family = if doc.brand.serif { "Liberation Serif" } else { "Liberation Sans" };
            RunFonts::new().ascii(family).hi_ansi(family).east_asia("Droid Sans Fallback").cs(family)
        })
        .default_size(hp(BODY_PT))
        .created_at(doc.created.as_deref().unwrap_or("2000-01-01T00:00:00Z"))
        .updated_at(doc.created.as_deref().unwrap_or("2000-01-01T00:00:00Z"));
    for s in styles(doc) {
        d = d.add_style(s);
    }
    // Bullets: one abstract list; numbered lists each restart at 1 (a numbering instance per list).
    d = d
        .add_abstract_numbering(
            (0..4).fold(AbstractNumbering::new(BULLETS), |a, level| {
                let glyph = ["•", "◦", "▪", "–"][level];
                a.add_level(Level::new(level, Start::new(1), NumberFormat::new("bullet"), LevelText::new(glyph), LevelJc::new("left")).indent(Some(360 * (level as i32 + 1)), Some(SpecialIndentType::Hanging(360)), None, None))
            }),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    let mut lists = Lists { next: 3, made: Vec::new() };
    let primary = doc.brand.primary.clone();
    let accent = doc.brand.accent.clone();
    let mut body: Vec<Piece> = Vec::new();

    // The title: on a band of the brand's colour for the one-pager, battle card and elevator
    // pitch; a subject line for an email; plain otherwise.
    let title = Paragraph::new().style("Title").add_run(Run::new().add_text(&doc.title));
    let subtitle = (!doc.subtitle.is_empty()).then(|| Paragraph::new().style("Subtitle").add_run(Run::new().add_text(&doc.subtitle)));
    match doc.layout {
        Layout::OnePager | Layout::BattleCard | Layout::ElevatorPitch => {
            let white = |p: Paragraph, text: &str, style: &str| {
                let _ = p;
                Paragraph::new().style(style).add_run(Run::new().add_text(text).color("FFFFFF"))
            };
            let mut cell = TableCell::new().shading(Shading::new().shd_type(ShdType::Clear).fill(primary.clone())).add_paragraph(white(title, &doc.title, "Title"));
            if let Some(s) = subtitle {
                cell = cell.add_paragraph(white(s, &doc.subtitle, "Subtitle"));
            }
            body.push(Piece::T(boxed(cell, None)));
            body.push(Piece::P(Paragraph::new()));
        }
        Layout::Email => {
            body.push(Piece::P(Paragraph::new().style("Title").add_run(Run::new().add_text("Subject: ").color("5F6368")).add_run(Run::new().add_text(&doc.title))));
        }
        _ => {
            body.push(Piece::P(title));
            if let Some(s) = subtitle {
                body.push(Piece::P(s));
            }
        }
    }

    let mut sections = doc.sections.iter().peekable();
    let mut step = 0;
    let mut framed: Vec<Piece> = Vec::new();
    while let Some(section) = sections.next() {
        let show_title = doc.layout != Layout::Email;
        let title = section.title.as_ref().filter(|_| show_title).map(|t| {
            if doc.layout == Layout::CallScript {
                step += 1;
                format!("{step}. {t}")
            } else {
                t.clone()
            }
        });
        let mut pieces: Vec<Piece> = Vec::new();
        if section.role == SectionRole::Column && sections.peek().is_some_and(|n| n.role == SectionRole::Column) {
            // Two column sections side by side (a battle card's why we win and landmines).
            let right = sections.next().expect("peeked");
            let column = |sec: &crate::model::Section, lists: &mut Lists| {
                let mut cell = TableCell::new().width(TEXT_WIDTH / 2, WidthType::Dxa);
                if let Some(t) = &sec.title {
                    cell = cell.add_paragraph(Paragraph::new().style("Heading1").add_run(Run::new().add_text(t)));
                }
                for piece in sec.blocks.iter().flat_map(|b| block_pieces(b, lists, &accent)) {
                    cell = match piece {
                        Piece::P(p) => cell.add_paragraph(p),
                        Piece::T(t) => cell.add_table(t),
                    };
                }
                cell
            };
            let (a, b) = (column(section, &mut lists), column(right, &mut lists));
            let table = Table::new(vec![TableRow::new(vec![a, b])]).set_grid(vec![TEXT_WIDTH / 2; 2]).width(TEXT_WIDTH, WidthType::Dxa).clear_all_border();
            pieces.push(Piece::T(table));
        } else {
            if let Some(t) = title {
                pieces.push(Piece::P(Paragraph::new().style("Heading1").keep_next(true).add_run(Run::new().add_text(t))));
            }
            for b in &section.blocks {
                match (section.role, b) {
                    // A list as cards, two to a row (a one-pager's benefits).
                    (SectionRole::Cards, Block::List { items, .. }) => {
                        let card = |item: &Vec<DocRun>| {
                            TableCell::new()
                                .width(TEXT_WIDTH / 2, WidthType::Dxa)
                                .shading(Shading::new().shd_type(ShdType::Clear).fill(tint_hex(&accent, 0.9)))
                                .add_paragraph(para("Normal", item))
                        };
                        let rows = items
                            .chunks(2)
                            .map(|pair| {
                                let mut cells: Vec<TableCell> = pair.iter().map(card).collect();
                                if cells.len() == 1 {
                                    cells.push(TableCell::new().width(TEXT_WIDTH / 2, WidthType::Dxa).add_paragraph(Paragraph::new()));
                                }
                                TableRow::new(cells)
                            })
                            .collect();
                        pieces.push(Piece::T(Table::new(rows).set_grid(vec![TEXT_WIDTH / 2; 2]).width(TEXT_WIDTH, WidthType::Dxa).set_borders(white_borders())));
                    }
                    _ => pieces.extend(block_pieces(b, &mut lists, &accent)),
                }
            }
        }
        if doc.layout == Layout::ElevatorPitch {
            framed.extend(pieces);
        } else {
            body.extend(pieces);
        }
    }
    // An elevator pitch is a card: its words in one framed box.
    if !framed.is_empty() {
        let mut cell = TableCell::new();
        for piece in framed {
            cell = match piece {
                Piece::P(p) => cell.add_paragraph(p),
                Piece::T(t) => cell.add_table(t),
            };
        }
        body.push(Piece::T(boxed(cell, Some(tint_hex(&accent, 0.4)))));
    }
    for id in &lists.made {
        d = d
            .add_abstract_numbering((0..4).fold(AbstractNumbering::new(*id), |a, level| {
                let (format, text) = [("decimal", "%1."), ("lowerLetter", "%2."), ("lowerRoman", "%3."), ("decimal", "%4.")][level];
                a.add_level(Level::new(level, Start::new(1), NumberFormat::new(format), LevelText::new(text), LevelJc::new("left")).indent(Some(360 * (level as i32 + 1)), Some(SpecialIndentType::Hanging(360)), None, None))
            }))
            .add_numbering(Numbering::new(*id, *id));
    }
    for piece in body {
        d = match piece {
            Piece::P(p) => d.add_paragraph(p),
            Piece::T(t) => d.add_table(t),
        };
    }

    // Header: the brand and, on a draft, the DRAFT mark; on an approved export, the stamp.
    let mut mark = match doc.mark() {
        (text, crate::model::MarkTone::Warning) => Paragraph::new().style("Stamp").add_run(Run::new().add_text(text).bold()),
        (text, crate::model::MarkTone::Approved) => Paragraph::new().style("Stamp").add_run(Run::new().add_text(text).bold().color(APPROVED_COLOUR)),
    };
    // Markings a reviewer confirmed ("For internal and partner use only"), on every page.
    for m in &doc.markings {
        mark = mark.add_run(Run::new().add_text(format!("   ·   {m}")).bold().color("5F6368"));
    }
    // An email carries no letterhead: only the mark.
    let header = if doc.layout == crate::model::Layout::Email {
        Header::new().add_paragraph(mark)
    } else {
        let mut letterhead = Paragraph::new();
        if let Some(logo) = &doc.brand.logo {
            // At most 36 pt high and 150 pt wide, in proportion (EMU: 12,700 a point).
            let scale = (36.0 / logo.height_px as f64).min(150.0 / logo.width_px as f64);
            let (w, h) = ((logo.width_px as f64 * scale * 12700.0) as u32, (logo.height_px as f64 * scale * 12700.0) as u32);
            letterhead = letterhead.add_run(Run::new().add_image(Pic::new_with_dimensions(logo.bytes.clone(), logo.width_px, logo.height_px).size(w, h))).add_run(Run::new().add_text("  "));
        }
        letterhead = letterhead.add_run(Run::new().add_text(&doc.brand.name).bold().color(doc.brand.primary.clone()));
        Header::new().add_paragraph(letterhead).add_paragraph(mark)
    };
    d = d.header(header);
    let footer_text = if doc.brand.footer.is_empty() { doc.title.clone() } else { doc.brand.footer.clone() };
    d = d.footer(
        Footer::new().add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(format!("{footer_text} · Page ")).size(hp(9)))
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(" of ").size(hp(9)))
                .add_num_pages(NumPages::new()),
        ),
    );

    let mut stored = Cursor::new(Vec::new());
    d.build().pack(&mut stored).map_err(|e| ExportError::Internal(format!("the Word package could not be assembled: {e}")))?;
    finish_package(stored.get_ref(), doc.watermark(), &doc.title, &doc.brand.name)
}

/// Re-writes the package: deflated entries with a fixed date, in the same order, with the
/// fixes docx-rs needs.
fn finish_package(stored: &[u8], watermark: Option<&str>, title: &str, author: &str) -> Result<Vec<u8>, ExportError> {
    let internal = |e: &dyn std::fmt::Display| ExportError::Internal(format!("the Word package could not be finished: {e}"));
    let mut input = zip::ZipArchive::new(Cursor::new(stored)).map_err(|e| internal(&e))?;
    let mut entries: Vec<(String, Vec<u8>)> = Vec::with_capacity(input.len());
    for i in 0..input.len() {
        let mut entry = input.by_index(i).map_err(|e| internal(&e))?;
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry.read_to_end(&mut bytes).map_err(|e| internal(&e))?;
        entries.push((entry.name().to_string(), bytes));
    }
    // docx-rs numbers hyperlink relationships from a counter that lives as long as the process:
    // number them from 1 in each document instead.
    let link_ids = entries
        .iter()
        .find(|(n, _)| n == "word/_rels/document.xml.rels")
        .map(|(_, b)| hyperlink_numbers(b))
        .unwrap_or_default();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    // Drawing ids are unique across the whole package (body, header, footer).
    let mut drawings = 0;
    for (name, mut bytes) in entries {
        if let (Some(word), "word/header1.xml") = (watermark, name.as_str()) {
            bytes = add_watermark(&bytes, word);
        }
        if name == "docProps/core.xml" {
            bytes = core_properties(&bytes, title, author);
        } else if name == "word/styles.xml" {
            bytes = mark_normal_default(&bytes);
        } else if name.starts_with("word/") && (name.ends_with(".xml") || name.ends_with(".rels")) {
            bytes = renumber_drawings(&bytes, &mut drawings);
            if !link_ids.is_empty() {
                bytes = renumber_links(&bytes, &link_ids);
            }
        }
        out.start_file(name, options).map_err(|e| internal(&e))?;
        out.write_all(&bytes).map_err(|e| internal(&e))?;
    }
    Ok(out.finish().map_err(|e| internal(&e))?.into_inner())
}

/// The package's title and author (the brand: who publishes the collateral).
fn core_properties(xml: &[u8], title: &str, author: &str) -> Vec<u8> {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut text = String::from_utf8_lossy(xml).into_owned();
    if let (Some(a), Some(b)) = (text.find("<dc:creator>"), text.find("</dc:creator>")) {
        text.replace_range(a..b + "</dc:creator>".len(), &format!("<dc:creator>{}</dc:creator>", esc(author)));
    }
    if !text.contains("<dc:title>") {
        if let Some(at) = text.rfind("</cp:coreProperties>") {
            text.insert_str(at, &format!("<dc:title>{}</dc:title>", esc(title)));
        }
    }
    text.into_bytes()
}

const LINK_ID: &str = "rIdHyperlink";

/// The numbers of the hyperlink relationships, in ascending order.
fn hyperlink_numbers(rels: &[u8]) -> Vec<u64> {
    let text = String::from_utf8_lossy(rels);
    let mut out: Vec<u64> = text
        .match_indices(LINK_ID)
        .filter_map(|(at, _)| {
            let digits: String = text[at + LINK_ID.len()..].chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn renumber_links(xml: &[u8], numbers: &[u64]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    if !text.contains(LINK_ID) {
        return xml.to_vec();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    while let Some(at) = rest.find(LINK_ID) {
        let (before, after) = rest.split_at(at + LINK_ID.len());
        out.push_str(before);
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        let n: u64 = digits.parse().unwrap_or(0);
        let k = numbers.iter().position(|x| *x == n).map_or(n, |i| i as u64 + 1);
        out.push_str(&k.to_string());
        rest = &after[digits.len()..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Word's own kind of watermark: a pale diagonal word behind the page, anchored in the header
/// (a VML text path, what Word writes for Design > Watermark), so it repeats on every page and
/// a writer can remove it the usual way.
fn add_watermark(xml: &[u8], word: &str) -> Vec<u8> {
    const MARK: &str = concat!(
        r##"<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:pict>"##,
        r##"<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">"##,
        r##"<v:path textpathok="t" o:connecttype="custom"/><v:textpath on="t" fitshape="t"/></v:shapetype>"##,
        r##"<v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s2049" type="#_x0000_t136" "##,
        r##"style="position:absolute;margin-left:0;margin-top:0;width:460pt;height:140pt;rotation:315;z-index:-251654144;"##,
        r##"mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin" "##,
        r##"o:allowincell="f" fillcolor="#F0E6E6" stroked="f"><v:fill opacity=".5"/>"##,
        r##"<v:textpath style="font-family:&quot;Liberation Sans&quot;;font-size:1pt;font-weight:bold" string="WORD"/>"##,
        r##"<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r></w:p>"##
    );
    let text = String::from_utf8_lossy(xml);
    match text.rfind("</w:hdr>") {
        Some(at) => format!("{}{}{}", &text[..at], MARK.replace("WORD", word), &text[at..]).into_bytes(),
        None => xml.to_vec(),
    }
}

fn mark_normal_default(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    text.replacen(r#"<w:style w:type="paragraph" w:styleId="Normal">"#, r#"<w:style w:type="paragraph" w:styleId="Normal" w:default="1">"#, 1).into_bytes()
}

/// Every `wp:docPr id="…"` gets its own number (docx-rs writes 1 for every picture).
fn renumber_drawings(xml: &[u8], n: &mut u32) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    if !text.contains("<wp:docPr id=\"") {
        return xml.to_vec();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    while let Some(at) = rest.find("<wp:docPr id=\"") {
        let (before, after) = rest.split_at(at + "<wp:docPr id=\"".len());
        out.push_str(before);
        *n += 1;
        out.push_str(&n.to_string());
        let close = after.find('"').unwrap_or(0);
        rest = &after[close..];
    }
    out.push_str(rest);
    out.into_bytes()
}
