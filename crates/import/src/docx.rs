//! Word (.docx): a zip of XML parts, read with bounded reads and a streaming XML reader that
//! refuses DOCTYPE declarations. Headings (by style or outline level) become sections, list
//! paragraphs become items (bulleted or numbered, as `numbering.xml` says), table rows become
//! items, bold and italic are kept. Tracked changes are taken as accepted; comments are kept as
//! notes; images, page headers and footers are skipped and counted.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::result::ZipError;
use zip::ZipArchive;

use crate::{table_row, title_from, ImportError, ImportReport, Imported, SourceFormat};

/// More entries than any real document has.
const MAX_ENTRIES: usize = 4_000;
/// The main document part, unpacked.
const MAX_DOCUMENT_XML: u64 = 96 * 1024 * 1024;
/// Other parts we read (styles, numbering, comments), unpacked.
const MAX_PART_XML: u64 = 16 * 1024 * 1024;
/// Unpacked bytes per compressed byte beyond which a part is a bomb, not a document. Real
/// document XML compresses 5–20×; a bomb compresses 1000×.
const MAX_RATIO: u64 = 200;
/// Tables within tables within tables… past this depth are read as plain cell text.
const MAX_TABLE_DEPTH: usize = 4;

struct Package {
    zip: ZipArchive<Cursor<Vec<u8>>>,
}

impl Package {
    fn open(bytes: &[u8]) -> Result<Package, ImportError> {
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

    fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_string).collect()
    }

    /// Reads one part, never more than `limit` bytes, and checks the ratio on what was read.
    fn part(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, ImportError> {
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

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn reader(xml: &[u8]) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(xml);
    r.config_mut().trim_text(false);
    r
}

fn attr(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.local_name().as_ref() == local).and_then(|a| a.unescape_value().ok()).map(|v| v.into_owned())
}

/// `w:b`, `w:i`: on unless `w:val` says off.
fn toggle_on(e: &BytesStart) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off" | "none"))
}

fn xml_error(part: &str, e: quick_xml::Error) -> ImportError {
    ImportError::Damaged(format!("{part}: {e}"))
}

/// Style id → (heading level, 0 for none).
fn heading_styles(xml: &[u8]) -> Result<HashMap<String, usize>, ImportError> {
    let mut r = reader(xml);
    let mut buf = Vec::new();
    let mut out = HashMap::new();
    let mut current: Option<String> = None;
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error("styles.xml", e))? {
            Event::DocType(_) => return Err(ImportError::Doctype),
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => current = attr(&e, b"styleId"),
                b"name" => {
                    if let (Some(id), Some(name)) = (current.as_ref(), attr(&e, b"val")) {
                        let name = name.to_ascii_lowercase();
                        let level = if name == "title" {
                            1
                        } else if let Some(n) = name.strip_prefix("heading ") {
                            n.trim().parse::<usize>().unwrap_or(0)
                        } else {
                            0
                        };
                        if level > 0 {
                            out.insert(id.clone(), level);
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// numId → for each level, whether it is numbered (true) or bulleted (false).
fn numbering(xml: &[u8]) -> Result<HashMap<String, HashMap<String, bool>>, ImportError> {
    let mut r = reader(xml);
    let mut buf = Vec::new();
    let mut abstracts: HashMap<String, HashMap<String, bool>> = HashMap::new();
    let mut nums: HashMap<String, String> = HashMap::new();
    let (mut abs, mut lvl, mut num): (Option<String>, Option<String>, Option<String>) = (None, None, None);
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error("numbering.xml", e))? {
            Event::DocType(_) => return Err(ImportError::Doctype),
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"abstractNum" => abs = attr(&e, b"abstractNumId"),
                b"lvl" => lvl = attr(&e, b"ilvl"),
                b"numFmt" => {
                    if let (Some(a), Some(l), Some(fmt)) = (abs.as_ref(), lvl.as_ref(), attr(&e, b"val")) {
                        abstracts.entry(a.clone()).or_default().insert(l.clone(), fmt != "bullet" && fmt != "none");
                    }
                }
                b"num" => num = attr(&e, b"numId"),
                b"abstractNumId" => {
                    if let (Some(n), Some(a)) = (num.as_ref(), attr(&e, b"val")) {
                        nums.insert(n.clone(), a);
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"abstractNum" => abs = None,
                b"num" => num = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(nums.into_iter().filter_map(|(n, a)| abstracts.get(&a).map(|levels| (n, levels.clone()))).collect())
}

/// The text of each comment in comments.xml.
fn comments(xml: &[u8]) -> Result<Vec<String>, ImportError> {
    let mut r = reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut in_text = false;
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error("comments.xml", e))? {
            Event::DocType(_) => return Err(ImportError::Doctype),
            Event::Start(e) => match e.local_name().as_ref() {
                b"comment" => current = Some(String::new()),
                b"t" => in_text = true,
                b"p" => {
                    if let Some(c) = current.as_mut() {
                        if !c.is_empty() {
                            c.push(' ');
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.unescape().map_err(|e| xml_error("comments.xml", e))?);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"comment" => {
                    if let Some(c) = current.take() {
                        let c = c.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !c.is_empty() {
                            out.push(c);
                        }
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[derive(Default)]
struct Paragraph {
    style: Option<String>,
    outline: Option<usize>,
    num: Option<(String, usize)>,
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

pub fn import_docx(bytes: &[u8], name: &str) -> Result<Imported, ImportError> {
    let mut pkg = Package::open(bytes)?;
    let names = pkg.names();
    let mut report = ImportReport {
        headers_skipped: names.iter().filter(|n| n.starts_with("word/header") && n.ends_with(".xml")).count() as u32,
        footers_skipped: names.iter().filter(|n| n.starts_with("word/footer") && n.ends_with(".xml")).count() as u32,
        ..ImportReport::default()
    };
    let document = pkg.part("word/document.xml", MAX_DOCUMENT_XML)?.ok_or(ImportError::NotDocx)?;
    let styles = match pkg.part("word/styles.xml", MAX_PART_XML)? {
        Some(x) => heading_styles(&x)?,
        None => HashMap::new(),
    };
    let lists = match pkg.part("word/numbering.xml", MAX_PART_XML)? {
        Some(x) => numbering(&x)?,
        None => HashMap::new(),
    };
    if let Some(x) = pkg.part("word/comments.xml", MAX_PART_XML)? {
        report.comments = comments(&x)?;
    }

    let mut r = reader(&document);
    let mut buf = Vec::new();
    let mut out = String::with_capacity(document.len() / 4);
    let mut para: Option<Paragraph> = None;
    let mut run: Option<Run> = None;
    let mut tables: Vec<TableState> = Vec::new();
    let (mut in_text, mut deleted, mut in_run_props, mut in_para_props, mut skip) = (false, 0usize, false, false, 0usize);
    let mut counters: HashMap<String, u64> = HashMap::new();
    let mut deep_tables = 0usize;

    loop {
        let event = r.read_event_into(&mut buf).map_err(|e| xml_error("document.xml", e))?;
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
                            let level = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0);
                            let id = p.num.as_ref().map(|n| n.0.clone()).unwrap_or_default();
                            p.num = Some((id, level));
                        }
                    }
                    b"numId" if in_para_props => {
                        if let Some(p) = para.as_mut() {
                            let id = attr(e, b"val").unwrap_or_default();
                            let level = p.num.as_ref().map(|n| n.1).unwrap_or(0);
                            p.num = if id == "0" { None } else { Some((id, level)) };
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
                    b"ins" | b"moveTo" if !empty && !in_run_props && !in_para_props => report.insertions_accepted += 1,
                    b"del" | b"moveFrom" if !empty && !in_run_props && !in_para_props => {
                        deleted += 1;
                        report.deletions_dropped += 1;
                    }
                    b"drawing" | b"pict" | b"object" => {
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
                    x.text.push_str(&t.unescape().map_err(|e| xml_error("document.xml", e))?);
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
                            } else if !text.is_empty() {
                                emit_paragraph(&mut out, &p, &text, &styles, &lists, &mut counters);
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
                                Some(outer) => {
                                    outer.cell.push(' ');
                                    outer.cell.push_str(&flat.replace("\n- ", "; ").replace("- ", ""));
                                }
                                None => {
                                    out.push_str(&flat);
                                    out.push('\n');
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
    let source = out.trim().to_string() + "\n";
    if !source.chars().any(|c| c.is_alphanumeric()) {
        return Err(ImportError::Empty);
    }
    Ok(Imported { format: SourceFormat::Docx, title: title_from(&source, name), source, report })
}

fn emit_paragraph(
    out: &mut String,
    p: &Paragraph,
    text: &str,
    styles: &HashMap<String, usize>,
    lists: &HashMap<String, HashMap<String, bool>>,
    counters: &mut HashMap<String, u64>,
) {
    let heading = p.style.as_ref().and_then(|s| styles.get(s).copied()).or(p.outline);
    if let Some(level) = heading {
        // A heading is plain text: emphasis markers would only get in the way of its name.
        let plain = text.replace("**", "").replace('*', "");
        out.push('\n');
        out.push_str(&"#".repeat(level.clamp(1, 6)));
        out.push(' ');
        out.push_str(plain.trim());
        out.push_str("\n\n");
        counters.clear();
        return;
    }
    if let Some((id, level)) = &p.num {
        let ordered = lists.get(id).and_then(|l| l.get(&level.to_string())).copied().unwrap_or(false);
        out.push_str(&"  ".repeat((*level).min(8)));
        if ordered {
            let n = counters.entry(format!("{id}/{level}")).or_insert(0);
            *n += 1;
            out.push_str(&format!("{n}. "));
        } else {
            out.push_str("- ");
        }
        out.push_str(text);
        out.push('\n');
        return;
    }
    out.push('\n');
    out.push_str(text);
    out.push('\n');
}

fn emit_table(t: &TableState) -> String {
    let mut out = String::new();
    // Without a marked header row, a first row of a table with body rows is taken as header.
    let header_rows = if t.header_rows > 0 { t.header_rows } else if t.rows.len() > 1 { 1 } else { 0 };
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
