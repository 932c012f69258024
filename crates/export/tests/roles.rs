//! A collateral type that exists only in this test, with section names of its own, gets its
//! layout from the roles its file names: the writers never look at section ids.

use std::process::Command;

use pitchbridge_core::collateral::{parse_collateral_type, CollateralType, SectionRole};
use pitchbridge_core::doc::{DocBlock, Run};
use pitchbridge_core::BlockKind;
use pitchbridge_export::sources::from_pitch;
use pitchbridge_export::{write_docx, write_pdf, Block, Brand, Document, Fonts};

const BRIEF: &str = r#"
id = "competitive-brief"
name = "Competitive brief"
description = "A type no Pitchbridge ships."
order = 99
layout = "battle-card"
words = { max = 900 }
readability = { max_grade = 12.0, min_ease = 40.0 }

[[sections]]
id = "where-we-shine"
name = "Where we shine"
guidance = ""
role = "column"
label = true

[[sections]]
id = "traps-to-set"
name = "Traps to set"
guidance = ""
role = "column"
label = true

[[sections]]
id = "customer-wins"
name = "Customer wins"
guidance = ""
role = "cards"

[[sections]]
id = "pushback"
name = "Pushback"
guidance = ""
role = "objections"

[[sections]]
id = "next-move"
name = "Next move"
guidance = ""
role = "callout"

[[checklist]]
id = "facts-checked"
text = "Every statement about the competitor was checked this quarter."
"#;

fn block(key: &str, section: &str, kind: BlockKind, text: &str) -> DocBlock {
    DocBlock { key: key.into(), section: section.into(), kind, level: if kind == BlockKind::Heading { 2 } else { 0 }, runs: vec![Run::plain(text)] }
}

fn blocks() -> Vec<DocBlock> {
    use BlockKind::*;
    vec![
        block("a", "where-we-shine", Bullet, "Closes the books in three days instead of ten."),
        block("b", "where-we-shine", Bullet, "Partners keep a 22 percent margin."),
        block("c", "traps-to-set", Bullet, "Ask how long their last audit took."),
        block("d", "traps-to-set", Bullet, "Ask who reconciles the bank feeds today."),
        block("e", "customer-wins", Bullet, "Harbor Freight Co cut close time by 60 percent."),
        block("f", "customer-wins", Bullet, "Nordic Pallets retired four spreadsheets."),
        block("g", "pushback", Heading, "We already have an ERP."),
        block("h", "pushback", Paragraph, "It plugs into the ERP you have; nothing is replaced."),
        block("i", "next-move", Paragraph, "Book a thirty-minute close review this week."),
    ]
}

fn brief() -> CollateralType {
    parse_collateral_type(BRIEF).unwrap()
}

/// The same type with every role taken away: a plain run of sections.
fn without_roles() -> CollateralType {
    let mut ct = brief();
    ct.sections.iter_mut().for_each(|s| s.role = SectionRole::Body);
    ct
}

fn document(ct: &CollateralType) -> Document {
    from_pitch("Ledgerline against the spreadsheet", "Controllers · Competitive brief", ct, &blocks(), Brand::default(), None)
}

/// Each word pdftotext finds on page 1 with its top-left corner.
fn words(pdf: &[u8]) -> Vec<(String, f32, f32)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (scripts/test.sh installs poppler-utils)");
    let html = String::from_utf8(out.stdout).unwrap();
    html.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l.strip_prefix("<word xMin=\"")?;
            let x: f32 = rest.split('"').next()?.parse().ok()?;
            let y: f32 = l.split("yMin=\"").nth(1)?.split('"').next()?.parse().ok()?;
            let w = l.split('>').nth(1)?.split('<').next()?.to_string();
            Some((w, x, y))
        })
        .collect()
}

fn at(words: &[(String, f32, f32)], word: &str) -> (f32, f32) {
    words.iter().find(|(w, _, _)| w == word).map(|(_, x, y)| (*x, *y)).unwrap_or_else(|| panic!("{word} is not on page 1: {words:?}"))
}

#[test]
fn the_document_model_takes_each_sections_role_from_the_type_file() {
    let doc = document(&brief());
    let role = |id: &str| doc.sections.iter().find(|s| s.id == id).unwrap().role;
    assert_eq!(role("where-we-shine"), SectionRole::Column);
    let pushback = doc.sections.iter().find(|s| s.id == "pushback").unwrap();
    assert!(matches!(pushback.blocks.last(), Some(Block::Table { .. })), "objections become a table: {:?}", pushback.blocks);
    let next = doc.sections.iter().find(|s| s.id == "next-move").unwrap();
    assert!(matches!(next.blocks[0], Block::Callout(_)), "the callout section is the callout");

    let plain = document(&without_roles());
    assert!(plain.sections.iter().all(|s| s.blocks.iter().all(|b| !matches!(b, Block::Table { .. } | Block::Callout(_)))));
}

#[test]
fn the_pdf_lays_out_columns_and_cards_by_role() {
    let fonts = Fonts::load();
    let laid = words(&write_pdf(&fonts, &document(&brief())).unwrap().bytes);
    // The two column sections start side by side.
    let (shine_x, shine_y) = at(&laid, "shine");
    let (traps_x, traps_y) = at(&laid, "Traps");
    assert!((shine_y - traps_y).abs() < 1.0 && traps_x > shine_x + 150.0, "columns: shine at {shine_x},{shine_y}, traps at {traps_x},{traps_y}");
    // The two customer wins are cards on one row.
    let (harbor_x, harbor_y) = at(&laid, "Harbor");
    let (nordic_x, nordic_y) = at(&laid, "Nordic");
    assert!((harbor_y - nordic_y).abs() < 1.0 && nordic_x > harbor_x + 150.0, "cards: {harbor_x},{harbor_y} and {nordic_x},{nordic_y}");
    // The objection is a row of an Objection / Response table.
    let (_, objection_y) = at(&laid, "Objection");
    let (_, response_y) = at(&laid, "Response");
    assert!((objection_y - response_y).abs() < 1.0, "objection table header");

    // Without the roles, the same words follow one another.
    let plain = words(&write_pdf(&fonts, &document(&without_roles())).unwrap().bytes);
    assert!(at(&plain, "Traps").1 > at(&plain, "shine").1 + 20.0, "no columns without the role");
    assert!(at(&plain, "Nordic").1 > at(&plain, "Harbor").1 + 5.0, "no cards without the role");
}

/// Whether one table row of the DOCX holds both texts.
fn one_row_holds(docx: Vec<u8>, a: &str, b: &str) -> bool {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
    xml.split("<w:tr").skip(1).any(|row| {
        let row = row.split("</w:tr>").next().unwrap_or("");
        row.contains(a) && row.contains(b)
    })
}

#[test]
fn the_docx_puts_the_column_sections_in_one_row() {
    assert!(one_row_holds(write_docx(&document(&brief())).unwrap(), "Where we shine", "Traps to set"), "the two column sections share a table row");
    assert!(one_row_holds(write_docx(&document(&brief())).unwrap(), "Harbor Freight", "Nordic Pallets"), "the two wins are cards on one row");
    assert!(!one_row_holds(write_docx(&document(&without_roles())).unwrap(), "Where we shine", "Traps to set"), "no columns without the role");
}
