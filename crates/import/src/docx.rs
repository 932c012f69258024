//! Word (.docx): a zip of XML parts, read with bounded reads and a streaming XML reader that
//! refuses DOCTYPE declarations. The parts are found through the package's relationships, as
//! the format says. Headings (by style or outline level) become sections, list paragraphs
//! become items (bulleted or numbered, as `numbering.xml` and the paragraph styles say, with
//! each list instance's overrides), table rows become items, bold and italic are kept. Text
//! boxes, picture descriptions and the footnotes and endnotes a paragraph cites follow that
//! paragraph. Tracked changes are taken as accepted; comments are kept as notes; pictures
//! without a description, page headers and footers are skipped and counted.

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

/// What a package's relationships say: (the relationship type's last segment, the target part).
/// External targets (web links) are left out.
fn relationships(xml: &[u8], base_dir: &str, part: &str) -> Result<Vec<(String, String)>, ImportError> {
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
fn resolve_part(base_dir: &str, target: &str) -> String {
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
struct Parts {
    document: String,
    styles: Option<String>,
    numbering: Option<String>,
    comments: Option<String>,
    footnotes: Option<String>,
    endnotes: Option<String>,
    headers: u32,
    footers: u32,
}

fn find_parts(pkg: &mut Package) -> Result<Parts, ImportError> {
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

/// What the styles say: which are headings (and their level), and which number their
/// paragraphs (a "List Number" style carries its own numbering).
#[derive(Default)]
struct Styles {
    headings: HashMap<String, usize>,
    numbering: HashMap<String, (Option<String>, Option<usize>)>,
    based_on: HashMap<String, String>,
}

impl Styles {
    /// The numbering a style gives its paragraphs, through the styles it is based on.
    fn numbering_of(&self, style: &str) -> (Option<String>, Option<usize>) {
        let (mut id, mut level) = (None, None);
        let mut current = Some(style.to_string());
        for _ in 0..8 {
            let Some(s) = current else { break };
            if let Some((i, l)) = self.numbering.get(&s) {
                id = id.or_else(|| i.clone());
                level = level.or(*l);
            }
            current = self.based_on.get(&s).cloned();
        }
        (id, level)
    }
}

fn read_styles(xml: &[u8], part: &str) -> Result<Styles, ImportError> {
    let mut r = reader(xml);
    let mut buf = Vec::new();
    let mut out = Styles::default();
    let mut current: Option<String> = None;
    let mut in_ppr = false;
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error(part, e))? {
            Event::DocType(_) => return Err(ImportError::Doctype),
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"style" => current = attr(&e, b"styleId"),
                b"pPr" => in_ppr = true,
                b"basedOn" => {
                    if let (Some(id), Some(base)) = (current.as_ref(), attr(&e, b"val")) {
                        out.based_on.insert(id.clone(), base);
                    }
                }
                b"numId" if in_ppr => {
                    if let Some(id) = current.as_ref() {
                        out.numbering.entry(id.clone()).or_default().0 = attr(&e, b"val");
                    }
                }
                b"ilvl" if in_ppr => {
                    if let Some(id) = current.as_ref() {
                        out.numbering.entry(id.clone()).or_default().1 = attr(&e, b"val").and_then(|v| v.parse().ok());
                    }
                }
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
                            out.headings.insert(id.clone(), level);
                        }
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"style" => current = None,
                b"pPr" => in_ppr = false,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

/// One level of a list definition: numbered or bulleted, and the number it starts at.
#[derive(Clone, Copy)]
struct Level {
    ordered: bool,
    start: u64,
}

impl Default for Level {
    fn default() -> Self {
        Level { ordered: false, start: 1 }
    }
}

/// A list instance's override of one level: its own format, or a restart.
#[derive(Default, Clone, Copy)]
struct LevelOverride {
    ordered: Option<bool>,
    start: Option<u64>,
}

/// numbering.xml: list definitions (abstractNum) and the instances paragraphs name (num),
/// which may override a level's format or restart its numbering.
#[derive(Default)]
struct Lists {
    abstract_of: HashMap<String, String>,
    levels: HashMap<String, HashMap<usize, Level>>,
    overrides: HashMap<String, HashMap<usize, LevelOverride>>,
}

impl Lists {
    fn level(&self, num: &str, level: usize) -> (Level, Option<u64>) {
        let base = self.abstract_of.get(num).and_then(|a| self.levels.get(a)).and_then(|l| l.get(&level)).copied().unwrap_or_default();
        let over = self.overrides.get(num).and_then(|o| o.get(&level)).copied().unwrap_or_default();
        (Level { ordered: over.ordered.unwrap_or(base.ordered), start: base.start }, over.start)
    }

    /// Instances of one definition share their counters, as Word numbers them.
    fn counter_key(&self, num: &str) -> String {
        self.abstract_of.get(num).map(|a| format!("a{a}")).unwrap_or_else(|| format!("n{num}"))
    }
}

fn numbering(xml: &[u8], part: &str) -> Result<Lists, ImportError> {
    let mut r = reader(xml);
    let mut buf = Vec::new();
    let mut lists = Lists::default();
    let (mut abs, mut num): (Option<String>, Option<String>) = (None, None);
    let (mut lvl, mut over): (Option<usize>, Option<usize>) = (None, None);
    let level_of = |e: &BytesStart| attr(e, b"ilvl").and_then(|v| v.parse::<usize>().ok());
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error(part, e))? {
            Event::DocType(_) => return Err(ImportError::Doctype),
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"abstractNum" => abs = attr(&e, b"abstractNumId"),
                b"num" => num = attr(&e, b"numId"),
                b"lvlOverride" => over = level_of(&e),
                b"lvl" => lvl = level_of(&e).or(over),
                b"abstractNumId" => {
                    if let (Some(n), Some(a)) = (num.as_ref(), attr(&e, b"val")) {
                        lists.abstract_of.insert(n.clone(), a);
                    }
                }
                b"startOverride" => {
                    if let (Some(n), Some(l), Some(v)) = (num.as_ref(), over, attr(&e, b"val").and_then(|v| v.parse().ok())) {
                        lists.overrides.entry(n.clone()).or_default().entry(l).or_default().start = Some(v);
                    }
                }
                b"numFmt" | b"start" if lvl.is_some() && attr(&e, b"val").is_some() => {
                    let (l, v) = (lvl.unwrap_or_default(), attr(&e, b"val").unwrap_or_default());
                    let is_format = e.local_name().as_ref() == b"numFmt";
                    let ordered = v != "bullet" && v != "none";
                    match (num.as_ref(), abs.as_ref()) {
                        // A level redefined inside an instance's override.
                        (Some(n), _) if over.is_some() => {
                            let o = lists.overrides.entry(n.clone()).or_default().entry(l).or_default();
                            if is_format {
                                o.ordered = Some(ordered);
                            } else if o.start.is_none() {
                                o.start = v.parse().ok();
                            }
                        }
                        (None, Some(a)) => {
                            let level = lists.levels.entry(a.clone()).or_default().entry(l).or_default();
                            if is_format {
                                level.ordered = ordered;
                            } else if let Ok(start) = v.parse() {
                                level.start = start;
                            }
                        }
                        _ => {}
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"abstractNum" => abs = None,
                b"num" => num = None,
                b"lvlOverride" => over = None,
                b"lvl" => lvl = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(lists)
}

/// Each note's id and text in a comments, footnotes or endnotes part; the separator notes
/// Word keeps there (the line above the footnotes) are left out.
fn notes(xml: &[u8], element: &[u8], part: &str) -> Result<Vec<(String, String)>, ImportError> {
    let mut r = reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut in_text = false;
    loop {
        match r.read_event_into(&mut buf).map_err(|e| xml_error(part, e))? {
            Event::DocType(_) => return Err(ImportError::Doctype),
            Event::Start(e) => match e.local_name().as_ref() {
                l if l == element => {
                    let separator = attr(&e, b"type").is_some_and(|t| t != "normal");
                    current = if separator { None } else { Some((attr(&e, b"id").unwrap_or_default(), String::new())) };
                }
                b"t" => in_text = true,
                b"p" => {
                    if let Some((_, c)) = current.as_mut() {
                        if !c.is_empty() {
                            c.push(' ');
                        }
                    }
                }
                _ => {}
            },
            Event::Empty(e) if matches!(e.local_name().as_ref(), b"tab" | b"br") => {
                if let Some((_, c)) = current.as_mut() {
                    c.push(' ');
                }
            }
            Event::Text(t) if in_text => {
                if let Some((_, c)) = current.as_mut() {
                    c.push_str(&t.unescape().map_err(|e| xml_error(part, e))?);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                l if l == element => {
                    if let Some((id, c)) = current.take() {
                        let c = c.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !c.is_empty() {
                            out.push((id, c));
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
