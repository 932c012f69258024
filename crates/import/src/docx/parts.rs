//! The parts beside the document: styles (which paragraphs are headings or list items),
//! numbering (list definitions and instances) and notes (comments, footnotes, endnotes).

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::package::{attr, reader, xml_error};
use crate::ImportError;

/// What the styles say: which are headings (and their level), and which number their
/// paragraphs (a "List Number" style carries its own numbering).
#[derive(Default)]
pub(super) struct Styles {
    pub(super) headings: HashMap<String, usize>,
    pub(super) numbering: HashMap<String, (Option<String>, Option<usize>)>,
    pub(super) based_on: HashMap<String, String>,
}

impl Styles {
    /// The numbering a style gives its paragraphs, through the styles it is based on.
    pub(super) fn numbering_of(&self, style: &str) -> (Option<String>, Option<usize>) {
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

pub(super) fn read_styles(xml: &[u8], part: &str) -> Result<Styles, ImportError> {
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
pub(super) struct Level {
    pub(super) ordered: bool,
    pub(super) start: u64,
}

impl Default for Level {
    fn default() -> Self {
        Level { ordered: false, start: 1 }
    }
}

/// A list instance's override of one level: its own format, or a restart.
#[derive(Default, Clone, Copy)]
pub(super) struct LevelOverride {
    pub(super) ordered: Option<bool>,
    pub(super) start: Option<u64>,
}

/// numbering.xml: list definitions (abstractNum) and the instances paragraphs name (num),
/// which may override a level's format or restart its numbering.
#[derive(Default)]
pub(super) struct Lists {
    pub(super) abstract_of: HashMap<String, String>,
    pub(super) levels: HashMap<String, HashMap<usize, Level>>,
    pub(super) overrides: HashMap<String, HashMap<usize, LevelOverride>>,
}

impl Lists {
    pub(super) fn level(&self, num: &str, level: usize) -> (Level, Option<u64>) {
        let base = self.abstract_of.get(num).and_then(|a| self.levels.get(a)).and_then(|l| l.get(&level)).copied().unwrap_or_default();
        let over = self.overrides.get(num).and_then(|o| o.get(&level)).copied().unwrap_or_default();
        (Level { ordered: over.ordered.unwrap_or(base.ordered), start: base.start }, over.start)
    }

    /// Instances of one definition share their counters, as Word numbers them.
    pub(super) fn counter_key(&self, num: &str) -> String {
        self.abstract_of.get(num).map(|a| format!("a{a}")).unwrap_or_else(|| format!("n{num}"))
    }
}

pub(super) fn numbering(xml: &[u8], part: &str) -> Result<Lists, ImportError> {
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
pub(super) fn notes(xml: &[u8], element: &[u8], part: &str) -> Result<Vec<(String, String)>, ImportError> {
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
