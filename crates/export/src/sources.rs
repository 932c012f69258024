//! Building the document model: from a workspace pitch, or from a Markdown file.

use pitchbridge_core::collateral::{CollateralType, SectionRole};
use pitchbridge_core::doc::{DocBlock, Run};
use pitchbridge_core::BlockKind;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::*;

/// A pitch's blocks in its collateral type's sections, each presented as its role says. The
/// section's name is printed only where the type asks for a label; a title section's first
/// line is the document's title (an email's subject line), so the pitch's working `title`
/// only stands in when that section is empty. Runs of list blocks become lists; a callout
/// section's paragraphs become the callout; a paragraph that is a customer's quotation becomes
/// a pull quote; in an objections section, each heading and the paragraphs under it become a
/// row of an objection → response table. A call script's steps say how long they take to say.
pub fn from_pitch(title: &str, subtitle: &str, ct: &CollateralType, blocks: &[DocBlock], brand: Brand, approval: Option<Approval>) -> Document {
    let mut sections = Vec::new();
    let mut doc_title: Option<String> = None;
    for s in &ct.sections {
        let mut mine: Vec<&DocBlock> = blocks.iter().filter(|b| b.section == s.id && !b.text().trim().is_empty()).collect();
        if mine.is_empty() {
            continue;
        }
        if matches!(s.role, SectionRole::Title | SectionRole::Subject) {
            let first = mine.remove(0);
            doc_title.get_or_insert_with(|| first.text().trim().to_string());
            if mine.is_empty() {
                continue;
            }
        }
        let mut out: Vec<Block> = Vec::new();
        if s.role == SectionRole::Objections {
            out.extend(objection_table(&mine));
        } else {
            for b in &mine {
                push_block(&mut out, b, s.role == SectionRole::Callout);
            }
        }
        let label = s.label.then(|| match ct.layout {
            Layout::CallScript => format!("{} · {}", s.name, speaking_time(&mine)),
            _ => s.name.clone(),
        });
        let role = if matches!(s.role, SectionRole::Title | SectionRole::Subject) { SectionRole::Body } else { s.role };
        let mut section = Section { id: s.id.clone(), role, title: label, blocks: out };
        tabulate_objections(&mut section);
        sections.push(section);
    }
    Document {
        title: doc_title.unwrap_or_else(|| title.to_string()),
        subtitle: subtitle.to_string(),
        layout: ct.layout,
        sections,
        brand,
        approval,
        created: None,
        markings: Vec::new(),
        internal_report: false,
    }
}

/// About how long the blocks take to say aloud, at 150 words a minute: "about 20 seconds".
fn speaking_time(blocks: &[&DocBlock]) -> String {
    let words: u32 = blocks.iter().map(|b| pitchbridge_core::doc::word_count(&b.text())).sum();
    let seconds = ((words as f32 / 150.0 * 60.0 / 5.0).round() as u32).max(1) * 5;
    if seconds < 60 {
        format!("about {seconds} seconds")
    } else {
        let (m, s) = (seconds / 60, seconds % 60);
        if s == 0 { format!("about {m} min") } else { format!("about {m} min {s} s") }
    }
}

/// A paragraph that is a quotation and, after it, who said it (“We closed in four days.”
/// — Dana Ruiz, CFO, Meridale Foods; or "…," says Dana Ruiz): the words and the attribution.
/// A quotation nobody is named for (a line of a call script) stays a paragraph.
pub fn as_quote(text: &str) -> Option<(String, String)> {
    let (words, by) = quote_parts(text)?;
    (!by.is_empty()).then_some((words, by))
}

/// The words between a paragraph's opening and closing quotation marks, and what follows
/// them when that is only who said it (an empty string when nothing follows).
fn quote_parts(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let open = t.chars().next()?;
    let close = match open {
        '“' => '”',
        '"' => '"',
        '«' => '»',
        _ => return None,
    };
    let body_start = open.len_utf8();
    let end = t[body_start..].rfind(close)? + body_start;
    let words = t[body_start..end].trim().trim_end_matches(',').trim();
    let rest = t[end + close.len_utf8()..].trim();
    let by = if let Some(r) = rest.strip_prefix(['—', '–', '-']) {
        r
    } else if let Some(r) = rest.strip_prefix("says ").or_else(|| rest.strip_prefix("said ")) {
        r
    } else if rest.is_empty() {
        ""
    } else {
        // A sentence that merely contains a quotation.
        return None;
    };
    let by = by.trim().trim_end_matches('.').trim();
    (words.split_whitespace().count() >= 3).then(|| (words.to_string(), by.to_string()))
}

fn push_block(out: &mut Vec<Block>, b: &DocBlock, callout: bool) {
    let runs = b.runs.clone();
    match b.kind {
        BlockKind::Heading => out.push(Block::Heading { level: b.level.clamp(2, 3), runs }),
        BlockKind::Bullet | BlockKind::Numbered => {
            let ordered = b.kind == BlockKind::Numbered;
            if let Some(Block::List { ordered: o, items, levels }) = out.last_mut() {
                if *o == ordered {
                    items.push(runs);
                    levels.push(0);
                    return;
                }
            }
            out.push(Block::List { ordered, items: vec![runs], levels: vec![0] });
        }
        BlockKind::Paragraph if callout => out.push(Block::Callout(runs)),
        BlockKind::Paragraph => match as_quote(&b.text()) {
            Some((words, by)) => out.push(Block::Quote { runs: vec![Run::plain(words)], by }),
            None => out.push(Block::Paragraph(runs)),
        },
    }
}

/// In an objections section, a list whose items each open with bold words ("**Too
/// expensive?** It pays for itself…") becomes an objection → response table.
fn tabulate_objections(section: &mut Section) {
    if section.role != SectionRole::Objections {
        return;
    }
    for block in &mut section.blocks {
        let Block::List { items, .. } = block else { continue };
        let split = |item: &Vec<Run>| -> Option<(Vec<Run>, Vec<Run>)> {
            let lead: Vec<Run> = item.iter().take_while(|r| r.bold || r.text.trim().is_empty()).cloned().collect();
            let rest: Vec<Run> = item[lead.len()..].to_vec();
            let lead_text: String = lead.iter().map(|r| r.text.as_str()).collect();
            if lead_text.trim().is_empty() || rest.iter().all(|r| r.text.trim().is_empty()) {
                return None;
            }
            let mut rest = rest;
            if let Some(first) = rest.first_mut() {
                first.text = first.text.trim_start_matches([' ', ':', '—', '–', '-']).to_string();
            }
            let lead = lead.into_iter().map(|r| Run { bold: false, ..r }).collect();
            Some((lead, rest))
        };
        let rows: Option<Vec<(Vec<Run>, Vec<Run>)>> = items.iter().map(split).collect();
        if let Some(rows) = rows.filter(|r| !r.is_empty()) {
            *block = Block::Table {
                header: vec![vec![Run::plain("Objection")], vec![Run::plain("Response")]],
                rows: rows.into_iter().map(|(o, r)| vec![o, r]).collect(),
            };
        }
    }
}

fn objection_table(blocks: &[&DocBlock]) -> Vec<Block> {
    let has_headings = blocks.iter().any(|b| b.kind == BlockKind::Heading);
    if !has_headings {
        let mut out = Vec::new();
        for b in blocks {
            push_block(&mut out, b, false);
        }
        return out;
    }
    let mut rows: Vec<Vec<Vec<Run>>> = Vec::new();
    let mut before = Vec::new();
    for b in blocks {
        if b.kind == BlockKind::Heading {
            rows.push(vec![b.runs.clone(), Vec::new()]);
        } else if let Some(row) = rows.last_mut() {
            let cell = &mut row[1];
            if !cell.is_empty() {
                cell.push(Run::plain(" "));
            }
            cell.extend(b.runs.iter().cloned());
        } else {
            push_block(&mut before, b, false);
        }
    }
    before.push(Block::Table { header: vec![vec![Run::plain("Objection")], vec![Run::plain("Response")]], rows });
    before
}

/// A Markdown file: the first level-1 heading is the title, level-2 headings start sections,
/// deeper ones are headings inside them. Code and HTML are left out. Images are read through
/// `load` (local PNG or JPEG files beside the Markdown); one that cannot be used is reported
/// in the returned problems and left out. Laid out as `ct` says (a plain document without one):
/// a section whose heading names one of the type's sections (by id or name) takes its role.
pub fn from_markdown(src: &str, ct: Option<&CollateralType>, brand: Brand) -> Document {
    from_markdown_with_images(src, ct, brand, &mut |_| Err("images are not read here".into())).0
}

/// How a Markdown section is presented: the role of the type's section its heading names.
/// Without a type, a plain document keeps two conventions of its own: a section headed "Call
/// to action" is the callout, and one about objections is a table of them.
fn role_for(ct: Option<&CollateralType>, id: &str) -> SectionRole {
    match ct {
        Some(ct) => ct.sections.iter().find(|s| s.id == id || slug(&s.name) == id).map(|s| s.role).unwrap_or_default(),
        None if id == "call-to-action" => SectionRole::Callout,
        None if id.contains("objection") => SectionRole::Objections,
        None => SectionRole::Body,
    }
}

pub fn from_markdown_with_images(
    src: &str,
    ct: Option<&CollateralType>,
    brand: Brand,
    load: &mut dyn FnMut(&str) -> Result<Picture, String>,
) -> (Document, Vec<String>) {
    let mut problems = Vec::new();
    let mut title: Option<String> = None;
    let layout = ct.map(|c| c.layout).unwrap_or_default();
    let mut sections: Vec<Section> = vec![Section { id: String::new(), role: SectionRole::Body, title: None, blocks: Vec::new() }];
    // With a type, a heading that names one of its sections is printed only if that section
    // is a label; without one, the file's own headings are the document's.
    let labelled = |id: &str| match ct {
        Some(ct) => ct.sections.iter().find(|s| s.id == id || slug(&s.name) == id).is_none_or(|s| s.label),
        None => true,
    };
    let mut runs: Vec<Run> = Vec::new();
    let (mut bold, mut italic) = (0u32, 0u32);
    let mut link: Option<String> = None;
    let mut heading: Option<HeadingLevel> = None;
    let mut list_stack: Vec<bool> = Vec::new();
    let mut items: Vec<Vec<Run>> = Vec::new();
    let mut levels: Vec<u8> = Vec::new();
    let mut quote_depth = 0u32;
    let mut table: Option<(Vec<Vec<Run>>, Vec<Vec<Vec<Run>>>, bool)> = None;
    let mut row: Vec<Vec<Run>> = Vec::new();
    let mut skip = 0u32;

    let push_text = |runs: &mut Vec<Run>, text: &str, bold: u32, italic: u32, link: &Option<String>| {
        let r = Run { text: text.to_string(), bold: bold > 0, italic: italic > 0, link: link.clone() };
        match runs.last_mut() {
            Some(last) if last.bold == r.bold && last.italic == r.italic && last.link == r.link => last.text.push_str(text),
            _ => runs.push(r),
        }
    };
    for event in Parser::new_ext(src, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        let section = sections.last_mut().expect("one section at least");
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image) => skip = skip.saturating_sub(1),
            _ if skip > 0 => {}
            Event::Start(Tag::Image { dest_url, title, .. }) => {
                // The alt text is the image's text events, skipped; the title stands in.
                skip += 1;
                match load(&dest_url) {
                    Ok(picture) => section.blocks.push(Block::Image { picture, alt: title.to_string() }),
                    Err(e) => problems.push(format!("The image {dest_url} was left out: {e}.")),
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(level);
                runs.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                match heading.take() {
                    Some(HeadingLevel::H1) if title.is_none() => title = Some(text.trim().to_string()),
                    Some(HeadingLevel::H1 | HeadingLevel::H2) => {
                        let id = slug(&text);
                        let title = labelled(&id).then(|| text.trim().to_string());
                        sections.push(Section { role: role_for(ct, &id), id, title, blocks: Vec::new() })
                    }
                    Some(level) => section.blocks.push(Block::Heading { level: if level == HeadingLevel::H3 { 2 } else { 3 }, runs: std::mem::take(&mut runs) }),
                    None => {}
                }
                runs.clear();
            }
            Event::Start(Tag::Paragraph) => runs.clear(),
            Event::Start(Tag::BlockQuote(_)) => quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote_depth = quote_depth.saturating_sub(1),
            Event::End(TagEnd::Paragraph) => {
                if list_stack.is_empty() && table.is_none() && !runs.iter().all(|r| r.text.trim().is_empty()) {
                    let text: String = runs.iter().map(|r| r.text.as_str()).collect();
                    let by_line = text.trim_start().starts_with(['—', '–']);
                    match (quote_depth > 0, section.blocks.last_mut()) {
                        // "> — Dana Ruiz, CFO" after the quoted words: who said them.
                        (true, Some(Block::Quote { by, .. })) if by_line && by.is_empty() => {
                            *by = text.trim().trim_start_matches(['—', '–']).trim().to_string();
                            runs.clear();
                        }
                        (true, _) => {
                            let runs_now = std::mem::take(&mut runs);
                            let (quoted, by) = match quote_parts(&text) {
                                Some((words, by)) => (vec![Run::plain(words)], by),
                                None => (runs_now, String::new()),
                            };
                            section.blocks.push(Block::Quote { runs: quoted, by });
                        }
                        (false, _) => match as_quote(&text) {
                            Some((words, by)) => {
                                runs.clear();
                                section.blocks.push(Block::Quote { runs: vec![Run::plain(words)], by });
                            }
                            None => section.blocks.push(Block::Paragraph(std::mem::take(&mut runs))),
                        },
                    }
                }
            }
            Event::Start(Tag::List(start)) => {
                if list_stack.is_empty() {
                    items.clear();
                    levels.clear();
                }
                list_stack.push(start.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                let ordered = list_stack.pop().unwrap_or(false);
                if list_stack.is_empty() && !items.is_empty() {
                    section.blocks.push(Block::List { ordered, items: std::mem::take(&mut items), levels: std::mem::take(&mut levels) });
                }
            }
            Event::Start(Tag::Item) => {
                // A nested list begins inside its parent item: the parent's words are an item
                // of their own, one level up.
                if !runs.is_empty() && list_stack.len() > 1 {
                    items.push(std::mem::take(&mut runs));
                    levels.push((list_stack.len() - 2).min(3) as u8);
                }
                runs.clear();
            }
            Event::End(TagEnd::Item) => {
                if !runs.iter().all(|r| r.text.trim().is_empty()) {
                    items.push(std::mem::take(&mut runs));
                    levels.push((list_stack.len().saturating_sub(1)).min(3) as u8);
                }
            }
            Event::Start(Tag::Table(_)) => table = Some((Vec::new(), Vec::new(), true)),
            Event::End(TagEnd::Table) => {
                if let Some((header, rows, _)) = table.take() {
                    section.blocks.push(Block::Table { header, rows });
                }
            }
            Event::Start(Tag::TableHead) => row.clear(),
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.0 = std::mem::take(&mut row);
                    t.2 = false;
                }
            }
            Event::Start(Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    t.1.push(std::mem::take(&mut row));
                }
            }
            Event::Start(Tag::TableCell) => runs.clear(),
            Event::End(TagEnd::TableCell) => row.push(std::mem::take(&mut runs)),
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = pitchbridge_core::doc::safe_href(&dest_url).then(|| dest_url.to_string());
            }
            Event::End(TagEnd::Link) => link = None,
            Event::Text(t) | Event::Code(t) => push_text(&mut runs, &t, bold, italic, &link),
            Event::SoftBreak | Event::HardBreak => push_text(&mut runs, " ", bold, italic, &link),
            _ => {}
        }
    }
    sections.retain(|s| !s.blocks.is_empty() || s.title.is_some());
    for s in sections.iter_mut() {
        tabulate_objections(s);
    }
    // A callout section's paragraphs are set apart as the call to action.
    for s in sections.iter_mut().filter(|s| s.role == SectionRole::Callout) {
        for b in &mut s.blocks {
            if let Block::Paragraph(r) = b {
                *b = Block::Callout(std::mem::take(r));
            }
        }
    }
    // A title section's first line is the document's title (with a type that has one).
    let mut title = title;
    for s in sections.iter_mut().filter(|s| matches!(s.role, SectionRole::Title | SectionRole::Subject)) {
        if let Some(pos) = s.blocks.iter().position(|b| matches!(b, Block::Paragraph(_) | Block::Heading { .. })) {
            if let Block::Paragraph(r) | Block::Heading { runs: r, .. } = s.blocks.remove(pos) {
                title = Some(r.iter().map(|r| r.text.as_str()).collect::<String>().trim().to_string());
            }
        }
        s.role = SectionRole::Body;
    }
    sections.retain(|s| !s.blocks.is_empty() || s.title.is_some());
    let doc = Document {
        title: title.unwrap_or_else(|| "Untitled".to_string()),
        subtitle: String::new(),
        layout,
        sections,
        brand,
        approval: None,
        created: None,
        markings: Vec::new(),
        internal_report: false,
    };
    (doc, problems)
}

fn slug(text: &str) -> String {
    let mut s = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            s.extend(c.to_lowercase());
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    s.trim_end_matches('-').to_string()
}
