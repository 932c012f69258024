//! A Markdown or plain-text file as check blocks, remembering where each piece of block text
//! came from so findings can be reported as byte offsets into the file.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::CheckBlock;

#[derive(Debug, Clone, Copy)]
struct Piece {
    text_start: usize,
    len: usize,
    src_start: usize,
    src_end: usize,
    /// The block text is the file's bytes here (no escape or entity in between).
    exact: bool,
}

#[derive(Debug, Default)]
pub struct SourceText {
    pub blocks: Vec<CheckBlock>,
    pieces: Vec<Vec<Piece>>,
}

impl SourceText {
    /// The file offset of a byte offset into a block's text.
    pub fn to_source(&self, block: usize, offset: usize) -> usize {
        let pieces = &self.pieces[block];
        let Some(p) = pieces.iter().rev().find(|p| p.text_start <= offset) else { return 0 };
        if offset >= p.text_start + p.len {
            return p.src_end;
        }
        if p.exact {
            p.src_start + (offset - p.text_start)
        } else {
            p.src_start
        }
    }

    /// The file offset where text ending at `offset` ends (the end of a range).
    pub fn to_source_end(&self, block: usize, offset: usize) -> usize {
        let pieces = &self.pieces[block];
        match pieces.iter().find(|p| p.text_start < offset && offset <= p.text_start + p.len) {
            Some(p) if p.exact => p.src_start + (offset - p.text_start),
            Some(p) => p.src_end,
            None => self.to_source(block, offset),
        }
    }

    /// A file laid out as a collateral type's sections (`## Subject line`, `## Proof`): the
    /// blocks under each heading that names a section belong to it, as a workspace pitch's
    /// blocks do, so section limits and roles apply. The naming headings and the document's
    /// title above the first of them are scaffolding, not text of the pitch, and are dropped.
    /// A file whose headings do not name every required section (its own structure, with a
    /// "Proof" heading that happens to match) is left as it is.
    pub fn assign_sections(&mut self, sections: &[(String, String, bool)]) {
        let key = |s: &str| s.trim().trim_end_matches(':').trim().to_lowercase().replace(['-', '_'], " ");
        let naming = |b: &CheckBlock| -> Option<String> {
            if !b.heading {
                return None;
            }
            let k = key(&b.text);
            sections.iter().find(|(id, name, _)| key(name) == k || key(id) == k).map(|(id, _, _)| id.clone())
        };
        let named: Vec<String> = self.blocks.iter().filter_map(naming).collect();
        let any_required = sections.iter().any(|(_, _, required)| *required);
        let laid_out = sections.iter().filter(|(_, _, required)| *required || !any_required).all(|(id, _, _)| named.contains(id));
        if !laid_out {
            return;
        }
        let Some(first) = self.blocks.iter().position(|b| naming(b).is_some()) else { return };
        let mut current = String::new();
        let mut kept = Vec::with_capacity(self.blocks.len());
        let mut kept_pieces = Vec::with_capacity(self.pieces.len());
        for (i, (mut b, p)) in std::mem::take(&mut self.blocks).into_iter().zip(std::mem::take(&mut self.pieces)).enumerate() {
            if let Some(id) = naming(&b) {
                current = id;
                continue;
            }
            if i < first && b.heading {
                continue;
            }
            b.section = current.clone();
            kept.push(b);
            kept_pieces.push(p);
        }
        self.blocks = kept;
        self.pieces = kept_pieces;
    }

    fn push_piece(&mut self, text: &str, src: Range<usize>, exact: bool) {
        let b = self.blocks.last_mut().expect("a block is open");
        let text_start = b.text.len();
        b.text.push_str(text);
        self.pieces.last_mut().expect("a block is open").push(Piece {
            text_start,
            len: text.len(),
            src_start: src.start,
            src_end: src.end,
            exact,
        });
    }

    fn open(&mut self, heading: bool) {
        if self.blocks.last().is_some_and(|b| b.text.trim().is_empty()) {
            let last = self.blocks.last_mut().expect("checked");
            last.heading |= heading;
            return;
        }
        self.blocks.push(CheckBlock { heading, ..CheckBlock::default() });
        self.pieces.push(Vec::new());
    }

    fn close(&mut self) {
        if self.blocks.last().is_some_and(|b| b.text.trim().is_empty()) {
            self.blocks.pop();
            self.pieces.pop();
        }
    }
}

/// Paragraphs, headings, list items and table cells become blocks; code and HTML are left
/// out; a link's text keeps its place and its address counts as a way to act.
pub fn from_markdown(src: &str) -> SourceText {
    let mut out = SourceText::default();
    let mut open = false;
    let mut skip = 0usize;
    let mut link_start: Option<usize> = None;
    for (event, range) in Parser::new_ext(src, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::HtmlBlock) | Event::Start(Tag::Image { .. }) => skip += 1,
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::HtmlBlock) | Event::End(TagEnd::Image) => skip = skip.saturating_sub(1),
            _ if skip > 0 => {}
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Item) | Event::Start(Tag::TableCell) => {
                out.open(false);
                open = true;
            }
            Event::Start(Tag::Heading { .. }) => {
                out.open(true);
                open = true;
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) | Event::End(TagEnd::TableCell) | Event::End(TagEnd::Heading(_)) => {
                if open {
                    out.close();
                }
                open = false;
            }
            Event::Start(Tag::Link { .. }) if open => {
                link_start = out.blocks.last().map(|b| b.text.len());
            }
            Event::End(TagEnd::Link) if open => {
                if let (Some(start), Some(b)) = (link_start.take(), out.blocks.last_mut()) {
                    b.links.push(start..b.text.len());
                }
            }
            Event::Text(t) | Event::Code(t) if open => {
                let exact = src.get(range.clone()) == Some(&*t);
                out.push_piece(&t, range, exact);
            }
            Event::SoftBreak | Event::HardBreak if open => {
                out.push_piece(" ", range, false);
            }
            _ => {}
        }
    }
    out
}

/// Blank lines separate paragraphs; a line starting with a bullet or a number is an item.
pub fn from_plain(src: &str) -> SourceText {
    let mut out = SourceText::default();
    let mut para: Option<Range<usize>> = None;
    let flush = |out: &mut SourceText, para: &mut Option<Range<usize>>| {
        if let Some(r) = para.take() {
            out.blocks.push(CheckBlock::default());
            out.pieces.push(Vec::new());
            out.push_piece(&src[r.clone()], r, true);
        }
    };
    let mut pos = 0;
    for line in src.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim_start();
        if trimmed.trim().is_empty() {
            flush(&mut out, &mut para);
            continue;
        }
        let indent = body.len() - trimmed.len();
        let marker = ["- ", "* ", "• ", "– "].iter().find(|m| trimmed.starts_with(**m)).map(|m| m.len()).or_else(|| {
            let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
            (digits > 0 && (trimmed[digits..].starts_with(". ") || trimmed[digits..].starts_with(") "))).then_some(digits + 2)
        });
        let text_start = start + indent + marker.unwrap_or(0);
        let text_end = start + body.trim_end().len();
        if marker.is_some() {
            flush(&mut out, &mut para);
            para = Some(text_start..text_end.max(text_start));
            flush(&mut out, &mut para);
        } else {
            para = Some(para.map_or(text_start..text_end, |r| r.start..text_end));
        }
    }
    flush(&mut out, &mut para);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_offsets_point_back_into_the_file() {
        let src = "# Close *faster*\n\nCut the **month-end** close\nby days &amp; book [a demo](https://x.io).\n\n```\ncode the the\n```\n\n- one item\n";
        let s = from_markdown(src);
        let texts: Vec<&str> = s.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["Close faster", "Cut the month-end close by days & book a demo.", "one item"]);
        assert!(s.blocks[0].heading);
        let b = &s.blocks[1];
        let at = b.text.find("month-end").unwrap();
        assert_eq!(&src[s.to_source(1, at)..s.to_source_end(1, at + "month-end".len())], "month-end");
        let demo = b.text.find("a demo").unwrap();
        assert_eq!(b.links, [demo..demo + 6]);
        assert_eq!(&src[s.to_source(1, demo)..s.to_source_end(1, demo + 6)], "a demo");
    }

    #[test]
    fn plain_text_paragraphs_and_items() {
        let src = "First line\ncontinues here.\n\n- a bullet\n2. a number\n\nLast.";
        let s = from_plain(src);
        let texts: Vec<&str> = s.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, ["First line\ncontinues here.", "a bullet", "a number", "Last."]);
        assert_eq!(s.to_source(1, 2), src.find("bullet").unwrap());
    }
}
