//! Markdown: parsed with pulldown-cmark (CommonMark plus tables), then written out again in
//! the normalised form: headings, one line per paragraph, one item per list item (nested items
//! indented), table rows as items with their header cells as context.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::{table_row, title_from, utf8, ImportError, ImportReport, Imported, SourceFormat};

struct List {
    ordered: bool,
    next: u64,
}

#[derive(Default)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    in_head: bool,
}

pub fn import_markdown(bytes: &[u8], name: &str) -> Result<Imported, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = utf8(bytes)?;
    let mut report = ImportReport::default();
    let mut out = String::with_capacity(text.len());
    let mut lists: Vec<List> = Vec::new();
    let mut line = String::new();
    // The marker of the list item whose text is being collected, written when its text ends.
    let mut item_prefix: Option<String> = None;
    let mut table: Option<Table> = None;
    let mut heading: Option<usize> = None;
    let mut in_image = 0usize;

    let flush = |out: &mut String, line: &mut String, prefix: &mut Option<String>, heading: Option<usize>| {
        let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
        line.clear();
        let prefix = prefix.take();
        if text.is_empty() {
            return;
        }
        if let Some(level) = heading {
            out.push_str(&"#".repeat(level.clamp(1, 6)));
            out.push(' ');
        } else if let Some(p) = prefix {
            out.push_str(&p);
        }
        out.push_str(&text);
        out.push('\n');
        if heading.is_some() {
            out.push('\n');
        }
    };

    for event in Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        if in_image > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => in_image += 1,
                Event::End(TagEnd::Image) => in_image -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut out, &mut line, &mut item_prefix, None);
                heading = Some(level as usize);
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut out, &mut line, &mut item_prefix, heading);
                heading = None;
            }
            Event::Start(Tag::List(start)) => {
                // The text of the item this list is nested in comes first.
                flush(&mut out, &mut line, &mut item_prefix, None);
                lists.push(List { ordered: start.is_some(), next: start.unwrap_or(1) });
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut out, &mut line, &mut item_prefix, None);
                lists.pop();
                if lists.is_empty() {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Item) => {
                flush(&mut out, &mut line, &mut item_prefix, None);
                // Deeper than eight levels reads as the eighth: no real brief nests further, and
                // a hostile file must not make the indentation grow without bound.
                let depth = lists.len().saturating_sub(1).min(8);
                let marker = match lists.last_mut() {
                    Some(l) if l.ordered => {
                        let m = format!("{}. ", l.next);
                        l.next += 1;
                        m
                    }
                    _ => "- ".to_string(),
                };
                item_prefix = Some(format!("{}{}", "  ".repeat(depth), marker));
            }
            Event::End(TagEnd::Item) => flush(&mut out, &mut line, &mut item_prefix, None),
            Event::Start(Tag::Paragraph) => {
                if lists.is_empty() && table.is_none() {
                    flush(&mut out, &mut line, &mut item_prefix, None);
                } else if !line.is_empty() {
                    line.push(' ');
                }
            }
            Event::End(TagEnd::Paragraph) => {
                if lists.is_empty() && table.is_none() {
                    flush(&mut out, &mut line, &mut item_prefix, None);
                    out.push('\n');
                }
            }
            Event::Start(Tag::Table(_)) => {
                flush(&mut out, &mut line, &mut item_prefix, None);
                table = Some(Table::default());
                report.tables += 1;
            }
            Event::Start(Tag::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.in_head = true;
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(t) = table.as_mut() {
                    t.header = std::mem::take(&mut t.row);
                    t.in_head = false;
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(t) = table.as_mut() {
                    t.row.push(line.split_whitespace().collect::<Vec<_>>().join(" "));
                    line.clear();
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(t) = table.as_mut() {
                    if !t.in_head {
                        let row = std::mem::take(&mut t.row);
                        t.rows.push(row);
                    }
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    let header = if t.header.iter().any(|h| !h.is_empty()) { Some(t.header.as_slice()) } else { None };
                    for row in &t.rows {
                        let item = table_row(header, row);
                        if !item.is_empty() {
                            out.push_str("- ");
                            out.push_str(&item);
                            out.push('\n');
                        }
                    }
                    out.push('\n');
                }
            }
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => line.push('*'),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => line.push_str("**"),
            Event::Start(Tag::Image { .. }) => {
                report.images_skipped += 1;
                in_image = 1;
            }
            Event::Text(t) | Event::Code(t) => line.push_str(&t),
            Event::SoftBreak | Event::HardBreak => line.push(' '),
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut out, &mut line, &mut item_prefix, None);
            }
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut out, &mut line, &mut item_prefix, None);
                out.push('\n');
            }
            // Raw HTML, footnotes and rules carry no claims.
            _ => {}
        }
    }
    flush(&mut out, &mut line, &mut item_prefix, None);
    let source = out.trim().to_string() + "\n";
    if !source.chars().any(|c| c.is_alphanumeric()) {
        return Err(ImportError::Empty);
    }
    Ok(Imported { format: SourceFormat::Markdown, title: title_from(&source, name), source, report })
}
