//! Word (.docx): a zip of XML parts, read with bounded reads and a streaming XML reader that
//! refuses DOCTYPE declarations. The parts are found through the package's relationships, as
//! the format says. Headings (by style or outline level) become sections, list paragraphs
//! become items (bulleted or numbered, as `numbering.xml` and the paragraph styles say, with
//! each list instance's overrides), table rows become items, bold and italic are kept. Text
//! boxes, picture descriptions and the footnotes and endnotes a paragraph cites follow that
//! paragraph. Tracked changes are taken as accepted; comments are kept as notes; pictures
//! without a description, page headers and footers are skipped and counted.

mod package;
mod parts;

use std::collections::HashMap;

use quick_xml::events::Event;

use package::{attr, find_parts, reader, toggle_on, xml_error, Package, MAX_DOCUMENT_XML, MAX_PART_XML};
use parts::{notes, numbering, read_styles, Lists, Styles};
use crate::{table_row, title_from, ImportError, ImportReport, Imported, SourceFormat};

/// Tables within tables within tables… past this depth are read as plain cell text.
const MAX_TABLE_DEPTH: usize = 4;
/// Alt text worth keeping: not empty, and not the name Word or a camera gave the file.
fn meaningful_alt(alt: &str) -> Option<String> {
    let alt = alt.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = alt.to_ascii_lowercase();
    let generic = ["picture ", "image ", "grafik ", "figure ", "chart ", "graphic "].iter().any(|p| lower.strip_prefix(p).is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit())))
        || [".png", ".jpg", ".jpeg", ".gif", ".emf", ".wmf", ".svg", ".tif", ".bmp"].iter().any(|x| lower.ends_with(x));
    (!alt.is_empty() && !generic && alt.chars().any(char::is_alphabetic)).then_some(alt)
}

#[derive(Default)]
struct Paragraph {
    style: Option<String>,
    outline: Option<usize>,
    /// Direct numbering: the list instance (when given) and the level (when given); what is
    /// missing comes from the paragraph's style.
    num_id: Option<String>,
    num_level: Option<usize>,
    /// Left indent in twentieths of a point: a paragraph indented under a list item continues it.
    indent: i64,
    text: String,
}

#[derive(Default)]
struct Run {
    bold: bool,
    italic: bool,
    text: String,
}

#[derive(Default)]
struct TableState {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
    header_rows: usize,
    row_is_header: bool,
}

/// Appends a run's text with its emphasis, keeping spaces outside the markers.
fn push_run(out: &mut String, run: &Run) {
    let text = run.text.as_str();
    let core = text.trim();
    if core.is_empty() {
        out.push_str(text);
        return;
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    let mark = match (run.bold, run.italic) {
        (true, true) => "***",
        (true, false) => "**",
        (false, true) => "*",
        _ => "",
    };
    out.push_str(lead);
    out.push_str(mark);
    out.push_str(core);
    out.push_str(mark);
    out.push_str(trail);
}

/// The paragraph and run being read when a text box opens inside them: the box's own
/// paragraphs are read in between, and the outer ones carry on after it.
struct Outer {
    para: Option<Paragraph>,
    run: Option<Run>,
    in_text: bool,
}

/// A drawing being read: whether it holds a picture, and the picture's description.
#[derive(Default)]
struct Drawing {
    picture: bool,
    alt: Option<String>,
}

/// How the body's lists are numbered as they are read.
#[derive(Default)]
struct ListState {
    /// Per list definition and level, the last number given.
    counters: HashMap<(String, usize), u64>,
    /// Instances whose restart at a level has been applied.
    restarted: std::collections::HashSet<(String, usize)>,
    /// The level of the list item just written, while plain paragraphs may still continue it.
    open_item: Option<usize>,
}

pub fn import_docx(bytes: &[u8], name: &str) -> Result<Imported, ImportError> {
    let mut pkg = Package::open(bytes)?;
    let parts = find_parts(&mut pkg)?;
    let mut report = ImportReport { headers_skipped: parts.headers, footers_skipped: parts.footers, ..ImportReport::default() };
    let document = pkg.part(&parts.document, MAX_DOCUMENT_XML)?.ok_or(ImportError::NotDocx)?;
    let mut read = |part: &Option<String>| -> Result<Option<(Vec<u8>, String)>, ImportError> {
        match part {
            Some(p) => Ok(pkg.part(p, MAX_PART_XML)?.map(|x| (x, p.clone()))),
            None => Ok(None),
        }
    };
    let styles = match read(&parts.styles)? {
        Some((x, p)) => read_styles(&x, &p)?,
        None => Styles::default(),
    };
    let lists = match read(&parts.numbering)? {
        Some((x, p)) => numbering(&x, &p)?,
        None => Lists::default(),
    };
    if let Some((x, p)) = read(&parts.comments)? {
        report.comments = notes(&x, b"comment", &p)?.into_iter().map(|(_, t)| t).collect();
    }
    let footnotes: HashMap<String, String> = match read(&parts.footnotes)? {
        Some((x, p)) => notes(&x, b"footnote", &p)?.into_iter().collect(),
        None => HashMap::new(),
    };
    let endnotes: HashMap<String, String> = match read(&parts.endnotes)? {
        Some((x, p)) => notes(&x, b"endnote", &p)?.into_iter().collect(),
        None => HashMap::new(),
    };
    let part_name = parts.document.as_str();

    let mut r = reader(&document);
    let mut buf = Vec::new();
    let mut out = String::with_capacity(document.len() / 4);
    let mut para: Option<Paragraph> = None;
    let mut run: Option<Run> = None;
    let mut tables: Vec<TableState> = Vec::new();
    let (mut in_text, mut deleted, mut in_run_props, mut in_para_props, mut skip) = (false, 0usize, false, false, 0usize);
    let mut list = ListState::default();
    let mut deep_tables = 0usize;
    // Text boxes open inside the paragraph around them; what they hold, and the notes a
    // paragraph cites, are written after it, where a reader meets them.
    let mut outer: Vec<Outer> = Vec::new();
    let mut boxed = String::new();
    let mut drawings: Vec<Drawing> = Vec::new();
    let mut cited: Vec<String> = Vec::new();
    let mut note_number = 0u32;

    loop {
        let event = r.read_event_into(&mut buf).map_err(|e| xml_error(part_name, e))?;
        match event {
            Event::DocType(_) => return Err(ImportError::Doctype),
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let local = e.local_name();
                let local = local.as_ref();
                if skip > 0 {
                    if !empty {
                        skip += 1;
                    }
                    buf.clear();
                    continue;
                }
                match local {
                    b"p" if !empty => para = Some(Paragraph::default()),
                    b"pPr" if !empty => in_para_props = true,
                    b"pStyle" if in_para_props => {
                        if let Some(p) = para.as_mut() {
                            p.style = attr(e, b"val");
                        }
                    }
                    b"outlineLvl" if in_para_props => {
                        if let (Some(p), Some(v)) = (para.as_mut(), attr(e, b"val").and_then(|v| v.parse::<usize>().ok())) {
                            if v < 9 {
                                p.outline = Some(v + 1);
                            }
                        }
                    }
                    b"ilvl" if in_para_props => {
                        if let Some(p) = para.as_mut() {
                            p.num_level = Some(attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0));
                        }
                    }
                    b"numId" if in_para_props => {
                        if let Some(p) = para.as_mut() {
                            p.num_id = attr(e, b"val");
                        }
                    }
                    b"ind" if in_para_props => {
                        if let Some(p) = para.as_mut() {
                            p.indent = attr(e, b"left").or_else(|| attr(e, b"start")).and_then(|v| v.parse().ok()).unwrap_or(0);
                        }
                    }
                    b"r" if !empty => run = Some(Run::default()),
                    b"rPr" if !empty => in_run_props = true,
                    b"b" if in_run_props => {
                        if let Some(x) = run.as_mut() {
                            x.bold = toggle_on(e);
                        }
                    }
                    b"i" if in_run_props => {
                        if let Some(x) = run.as_mut() {
                            x.italic = toggle_on(e);
                        }
                    }
                    b"t" if !empty => in_text = true,
                    b"tab" if !in_para_props && !in_run_props => {
                        if let Some(x) = run.as_mut() {
                            x.text.push(' ');
                        }
                    }
                    b"br" | b"cr" => {
                        if let Some(x) = run.as_mut() {
                            x.text.push(' ');
                        }
                    }
                    b"footnoteReference" | b"endnoteReference" if deleted == 0 => {
                        let notes = if local == b"footnoteReference" { &footnotes } else { &endnotes };
                        if let Some(note) = attr(e, b"id").and_then(|id| notes.get(&id)) {
                            note_number += 1;
                            if local == b"footnoteReference" {
                                report.footnotes += 1;
                            } else {
                                report.endnotes += 1;
                            }
                            let mark = format!("[{note_number}]");
                            match (run.as_mut(), para.as_mut()) {
                                (Some(x), _) => x.text.push_str(&mark),
                                (None, Some(p)) => p.text.push_str(&mark),
                                _ => {}
                            }
                            cited.push(format!("{mark} {note}"));
                        }
                    }
                    b"ins" | b"moveTo" if !empty && !in_run_props && !in_para_props => report.insertions_accepted += 1,
                    b"del" | b"moveFrom" if !empty && !in_run_props && !in_para_props => {
                        deleted += 1;
                        report.deletions_dropped += 1;
                    }
                    // Word writes a drawing twice: as DrawingML (the choice) and as VML (the
                    // fallback for old readers). The choice is read; the fallback would repeat it.
                    b"Fallback" if !empty => skip = 1,
                    b"drawing" | b"pict" if !empty => drawings.push(Drawing::default()),
                    // Pictures, and charts and diagrams (kept in parts of their own, not read).
                    b"blip" | b"imagedata" | b"chart" | b"relIds" => {
                        if let Some(d) = drawings.last_mut() {
                            d.picture = true;
                        }
                    }
                    // A picture's description: DrawingML's docPr, or a VML shape's alt.
                    b"docPr" | b"shape" => {
                        if let Some(d) = drawings.last_mut() {
                            if let Some(alt) = attr(e, if local == b"docPr" { b"descr" } else { b"alt" }).and_then(|a| meaningful_alt(&a)) {
                                d.alt = Some(alt);
                            }
                        }
                    }
                    b"txbxContent" if !empty => {
                        report.text_boxes += 1;
                        outer.push(Outer { para: para.take(), run: run.take(), in_text });
                        in_text = false;
                    }
                    b"object" => {
                        report.images_skipped += 1;
                        if !empty {
                            skip = 1;
                        }
                    }
                    // Field codes, and what was deleted, are not text; a tracked formatting change
                    // holds the *old* formatting, which must not override the current one.
                    b"instrText" | b"delText" | b"delInstrText" | b"pPrChange" | b"rPrChange" | b"sectPrChange"
                    | b"tblPrChange" | b"trPrChange" | b"tcPrChange" | b"numberingChange"
                        if !empty =>
                    {
                        skip = 1
                    }
                    b"tbl" if !empty => {
                        report.tables += 1;
                        // Tables nested deeper than this are read as text of the cell they sit in.
                        if tables.len() < MAX_TABLE_DEPTH {
                            tables.push(TableState::default());
                        } else {
                            deep_tables += 1;
                        }
                    }
                    b"tblHeader" => {
                        if let Some(t) = tables.last_mut() {
                            t.row_is_header = toggle_on(e);
                        }
                    }
                    // Rows and cells of tables nested too deep belong to the cell around them.
                    b"tr" if !empty && deep_tables == 0 => {
                        if let Some(t) = tables.last_mut() {
                            t.row.clear();
                            t.row_is_header = false;
                        }
                    }
                    b"tc" if !empty && deep_tables == 0 => {
                        if let Some(t) = tables.last_mut() {
                            t.cell.clear();
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(ref t) if in_text && skip == 0 && deleted == 0 => {
                if let Some(x) = run.as_mut() {
                    x.text.push_str(&t.unescape().map_err(|e| xml_error(part_name, e))?);
                }
            }
            Event::End(ref e) => {
                let local = e.local_name();
                let local = local.as_ref();
                if skip > 0 {
                    skip -= 1;
                    buf.clear();
                    continue;
                }
                match local {
                    b"t" => in_text = false,
                    b"pPr" => in_para_props = false,
                    b"rPr" => in_run_props = false,
                    b"r" => {
                        if let (Some(x), Some(p)) = (run.take(), para.as_mut()) {
                            push_run(&mut p.text, &x);
                        }
                    }
                    b"del" | b"moveFrom" if deleted > 0 && !in_run_props && !in_para_props => deleted -= 1,
                    b"txbxContent" => {
                        if let Some(o) = outer.pop() {
                            (para, run, in_text) = (o.para, o.run, o.in_text);
                        }
                    }
                    b"drawing" | b"pict" => {
                        if let Some(d) = drawings.pop() {
                            if d.picture {
                                match d.alt {
                                    // A described picture says something to the reader: its
                                    // description is kept as a line of text.
                                    Some(alt) => {
                                        report.image_descriptions += 1;
                                        boxed.push_str(&format!("\nImage: {alt}\n"));
                                    }
                                    None => report.images_skipped += 1,
                                }
                            }
                        }
                    }
                    b"p" => {
                        if let Some(p) = para.take() {
                            let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
                            if let Some(t) = tables.last_mut() {
                                if !text.is_empty() {
                                    if !t.cell.is_empty() {
                                        t.cell.push(' ');
                                    }
                                    t.cell.push_str(&text);
                                }
                            } else if !outer.is_empty() {
                                if !text.is_empty() {
                                    emit_paragraph(&mut boxed, &p, &text, &styles, &lists, &mut list);
                                }
                            } else {
                                if !text.is_empty() {
                                    emit_paragraph(&mut out, &p, &text, &styles, &lists, &mut list);
                                }
                                flush_after(&mut out, &mut boxed, &mut cited, &mut list);
                            }
                        }
                    }
                    b"tc" if deep_tables == 0 => {
                        if let Some(t) = tables.last_mut() {
                            let cell = std::mem::take(&mut t.cell);
                            t.row.push(cell);
                        }
                    }
                    b"tr" if deep_tables == 0 => {
                        if let Some(t) = tables.last_mut() {
                            let row = std::mem::take(&mut t.row);
                            if t.row_is_header && t.rows.len() == t.header_rows {
                                t.header_rows += 1;
                            }
                            t.rows.push(row);
                        }
                    }
                    b"tbl" if deep_tables > 0 => deep_tables -= 1,
                    b"tbl" => {
                        if let Some(t) = tables.pop() {
                            let flat = emit_table(&t);
                            match tables.last_mut() {
                                // A table inside a cell: its rows become that cell's text.
                                Some(outer_table) => {
                                    outer_table.cell.push(' ');
                                    outer_table.cell.push_str(&flat.replace("\n- ", "; ").replace("- ", ""));
                                }
                                None if !outer.is_empty() => {
                                    boxed.push_str(&flat);
                                    boxed.push('\n');
                                }
                                None => {
                                    list.open_item = None;
                                    out.push('\n');
                                    out.push_str(&flat);
                                    out.push('\n');
                                    flush_after(&mut out, &mut boxed, &mut cited, &mut list);
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    flush_after(&mut out, &mut boxed, &mut cited, &mut list);
    let source = out.trim().to_string() + "\n";
    if !source.chars().any(|c| c.is_alphanumeric()) {
        return Err(ImportError::Empty);
    }
    Ok(Imported { format: SourceFormat::Docx, title: title_from(&source, name), source, report })
}

/// Writes what belongs after a paragraph or table of the body: the text boxes and picture
/// descriptions anchored in it, then the notes it cites, each a paragraph of its own.
fn flush_after(out: &mut String, boxed: &mut String, cited: &mut Vec<String>, list: &mut ListState) {
    if boxed.trim().is_empty() && cited.is_empty() {
        boxed.clear();
        return;
    }
    list.open_item = None;
    out.push_str(boxed);
    boxed.clear();
    for note in cited.drain(..) {
        out.push('\n');
        out.push_str(&note);
        out.push('\n');
    }
}

fn emit_paragraph(out: &mut String, p: &Paragraph, text: &str, styles: &Styles, lists: &Lists, list: &mut ListState) {
    let heading = p.style.as_ref().and_then(|s| styles.headings.get(s).copied()).or(p.outline);
    if let Some(level) = heading {
        // A heading is plain text: emphasis markers would only get in the way of its name.
        let plain = text.replace("**", "").replace('*', "");
        out.push('\n');
        out.push_str(&"#".repeat(level.clamp(1, 6)));
        out.push(' ');
        out.push_str(plain.trim());
        out.push_str("\n\n");
        list.counters.clear();
        list.open_item = None;
        return;
    }
    // Numbering set on the paragraph wins; what it leaves out comes from its style.
    let (style_id, style_level) = p.style.as_deref().map(|s| styles.numbering_of(s)).unwrap_or_default();
    let num_id = p.num_id.clone().or(style_id).filter(|id| id != "0");
    if let Some(id) = num_id {
        let level = p.num_level.or(style_level).unwrap_or(0).min(8);
        let (def, restart) = lists.level(&id, level);
        let key = lists.counter_key(&id);
        // A new item ends the numbering of the levels below it.
        list.counters.retain(|(k, l), _| k != &key || *l <= level);
        out.push_str(&"  ".repeat(level));
        if def.ordered {
            if restart.is_some() && list.restarted.insert((id.clone(), level)) {
                list.counters.remove(&(key.clone(), level));
            }
            let start = restart.unwrap_or(def.start);
            let n = list.counters.entry((key, level)).and_modify(|n| *n += 1).or_insert(start);
            out.push_str(&format!("{n}. "));
        } else {
            out.push_str("- ");
        }
        out.push_str(text);
        out.push('\n');
        list.open_item = Some(level);
        return;
    }
    // An indented paragraph right under a list item is more of that item, as a reader sees it.
    if let (Some(level), true) = (list.open_item, p.indent > 0) {
        out.push_str(&"  ".repeat(level + 2));
        out.push_str(text);
        out.push('\n');
        return;
    }
    list.open_item = None;
    out.push('\n');
    out.push_str(text);
    out.push('\n');
}

fn emit_table(t: &TableState) -> String {
    let mut out = String::new();
    // Without a marked header row, a first row of a table with body rows is taken as header.
    let header_rows = if t.header_rows > 0 { t.header_rows } else if t.rows.len() > 1 { 1 } else { 0 };
    // A table of header rows only (a heading bar, a form's labels) still says what it says.
    let header_rows = if header_rows >= t.rows.len() { 0 } else { header_rows };
    let header = if header_rows > 0 { t.rows.first().map(|r| r.as_slice()) } else { None };
    for row in &t.rows[header_rows.min(t.rows.len())..] {
        let item = table_row(header, row);
        if !item.is_empty() {
            out.push_str("- ");
            out.push_str(&item);
            out.push('\n');
        }
    }
    out
}
