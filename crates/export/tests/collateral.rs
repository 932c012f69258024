//! Collateral that goes to customers carries no scaffolding: the headline is the title, an
//! email's subject is its subject line, section names appear only where the layout calls for a
//! label; nested lists keep their levels, a customer's quotation is a pull quote, the files
//! carry a real date, title and author, and a confirmed marking is on every page.

use std::io::Read;
use std::process::Command;

use pitchbridge_core::collateral::{parse_collateral_type, CollateralType};
use pitchbridge_core::doc::{DocBlock, Run};
use pitchbridge_core::BlockKind;
use pitchbridge_export::sources::{from_markdown, from_pitch};
use pitchbridge_export::{write_docx, write_pdf, Approval, Block, Brand, Document, Fonts};

fn collateral(id: &str) -> CollateralType {
    let path = format!("{}/../../assets/collateral-types/{id}.toml", env!("CARGO_MANIFEST_DIR"));
    parse_collateral_type(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn block(key: &str, section: &str, kind: BlockKind, text: &str) -> DocBlock {
    DocBlock { key: key.into(), section: section.into(), kind, level: 0, runs: vec![Run::plain(text)] }
}

fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext").args(["-layout"]).arg(&path).arg("-").output().expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn docx_xml(bytes: Vec<u8>, part: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

fn one_pager() -> Document {
    use BlockKind::*;
    let blocks = vec![
        block("a", "headline", Paragraph, "Keep every load cold from dock to store"),
        block("b", "problem", Paragraph, "A reefer that fails at night spoils a whole load before anyone notices."),
        block("c", "solution", Paragraph, "Coldtrace sensors report every 30 seconds and wake the driver when a trailer warms."),
        block("d", "benefits", Bullet, "Spoilage down by a third in the first season."),
        block("e", "proof", Paragraph, "“We have not lost a load since March.” — Priya Shah, Fleet Manager, Northwind Grocers"),
        block("f", "call-to-action", Paragraph, "Book a 20-minute route review at coldtrace.example/review."),
    ];
    from_pitch("Coldtrace — one-pager for grocery fleet managers (working title)", "", &collateral("one-pager"), &blocks, Brand::default(), None)
}

#[test]
fn the_headline_is_the_title_and_section_names_are_not_printed() {
    let doc = one_pager();
    assert_eq!(doc.title, "Keep every load cold from dock to store");
    assert!(doc.sections.iter().all(|s| s.title.is_none()), "no scaffolding: {:?}", doc.sections.iter().map(|s| &s.title).collect::<Vec<_>>());
    let fonts = Fonts::load();
    let text = pdf_text(&write_pdf(&fonts, &doc).unwrap().bytes);
    for scaffolding in ["working title", "Headline", "Problem", "Call to action", "One-pager"] {
        assert!(!text.contains(scaffolding), "{scaffolding} printed:\n{text}");
    }
    assert!(text.contains("Keep every load cold from dock to store"));
    // With nothing in the headline, the working title stands in.
    let empty = from_pitch("Working title", "", &collateral("one-pager"), &[block("b", "problem", BlockKind::Paragraph, "Words.")], Brand::default(), None);
    assert_eq!(empty.title, "Working title");
}

#[test]
fn an_emails_subject_section_is_its_subject_line() {
    let blocks = vec![
        block("s", "subject", BlockKind::Paragraph, "Your reefers at night, without the phone calls"),
        block("o", "opening", BlockKind::Paragraph, "Hi Dana, your dispatchers call drivers every night for temperatures."),
    ];
    let doc = from_pitch("Email to fleet managers (working title)", "", &collateral("email"), &blocks, Brand::default(), None);
    assert_eq!(doc.title, "Your reefers at night, without the phone calls");
    let text = pdf_text(&write_pdf(&Fonts::load(), &doc).unwrap().bytes);
    assert!(text.contains("Subject: Your reefers at night"), "{text}");
    assert_eq!(text.matches("Your reefers at night").count(), 2, "the subject line and the running footer, not again as the body's first line:\n{text}");
}

#[test]
fn labels_appear_where_the_layout_calls_for_them_and_a_script_says_how_long_it_takes() {
    let card = from_pitch(
        "Card",
        "",
        &collateral("battle-card"),
        &[block("p", "positioning", BlockKind::Paragraph, "For fleets of 20 to 500 reefers."), block("l", "landmines", BlockKind::Bullet, "Ask who reads the temperatures at night.")],
        Brand::default(),
        None,
    );
    let titles: Vec<Option<&str>> = card.sections.iter().map(|s| s.title.as_deref()).collect();
    assert_eq!(titles, [None, Some("Landmines")]);
    let words = "word ".repeat(50);
    let script = from_pitch("Script", "", &collateral("call-script"), &[block("o", "opener", BlockKind::Paragraph, &words)], Brand::default(), None);
    assert_eq!(script.sections[0].title.as_deref(), Some("Opener · about 20 seconds"));
}

#[test]
fn nested_list_items_keep_their_level_in_both_formats() {
    let md = "# Plan\n\n- Install the sensors\n    - one per trailer door\n        - tested on site\n- Train the dispatchers\n";
    let doc = from_markdown(md, None, Brand::default());
    let Block::List { levels, .. } = &doc.sections.iter().flat_map(|s| &s.blocks).next().unwrap() else { panic!("a list") };
    assert_eq!(levels, &vec![0, 1, 2, 0]);
    let xml = docx_xml(write_docx(&doc).unwrap(), "word/document.xml");
    for level in 0..3 {
        assert!(xml.contains(&format!("<w:ilvl w:val=\"{level}\" />")), "level {level} in:\n{xml}");
    }
    // In the PDF the nested item starts further right.
    let text = pdf_text(&write_pdf(&Fonts::load(), &doc).unwrap().bytes);
    let indent = |needle: &str| text.lines().find(|l| l.contains(needle)).map(|l| l.len() - l.trim_start().len()).unwrap();
    assert!(indent("one per trailer door") > indent("Install the sensors"), "{text}");
    assert!(indent("tested on site") > indent("one per trailer door"), "{text}");
}

#[test]
fn a_customers_quotation_is_a_pull_quote_with_who_said_it() {
    let doc = one_pager();
    let quote = doc.sections.iter().flat_map(|s| &s.blocks).find_map(|b| match b {
        Block::Quote { runs, by } => Some((runs.iter().map(|r| r.text.as_str()).collect::<String>(), by.clone())),
        _ => None,
    });
    assert_eq!(quote, Some(("We have not lost a load since March.".into(), "Priya Shah, Fleet Manager, Northwind Grocers".into())));
    let md = "# Case\n\n> “Dispatch stopped calling drivers at 3 a.m.”\n>\n> — Ana Ortiz, Dispatch Lead, Harbor Foods\n";
    let from_md = from_markdown(md, None, Brand::default());
    assert!(from_md.sections.iter().flat_map(|s| &s.blocks).any(|b| matches!(b, Block::Quote { by, .. } if by == "Ana Ortiz, Dispatch Lead, Harbor Foods")));
    let xml = docx_xml(write_docx(&doc).unwrap(), "word/document.xml");
    assert!(xml.contains("w:val=\"PullQuote\""), "the Quote style");
    // A line of a call script in quotation marks, said by nobody in particular, is not one.
    let script = from_pitch("S", "", &collateral("call-script"), &[block("o", "opener", BlockKind::Paragraph, "\"Hi Dana, this is Sam from Coldtrace, do you have two minutes?\"")], Brand::default(), None);
    assert!(matches!(script.sections[0].blocks[0], Block::Paragraph(_)));
}

#[test]
fn the_files_carry_a_real_date_title_and_author_and_the_same_input_gives_the_same_bytes() {
    let fonts = Fonts::load();
    let mut doc = one_pager();
    doc.created = Some("2027-03-02T14:05:09Z".into());
    doc.brand.name = "Coldtrace".into();
    let pdf = write_pdf(&fonts, &doc).unwrap().bytes;
    assert!(pdf == write_pdf(&fonts, &doc).unwrap().bytes, "same input and time, same bytes");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let info = String::from_utf8_lossy(&Command::new("pdfinfo").args(["-isodates"]).arg(&path).output().unwrap().stdout).into_owned();
    let field = |name: &str| info.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_string()).unwrap_or_default();
    assert_eq!(field("Title:"), "Keep every load cold from dock to store", "{info}");
    assert_eq!(field("Author:"), "Coldtrace", "{info}");
    assert!(field("CreationDate:").starts_with("2027-03-02T14:05:09"), "{info}");
    let core = docx_xml(write_docx(&doc).unwrap(), "docProps/core.xml");
    assert!(core.contains("2027-03-02T14:05:09Z") && core.contains("<dc:title>Keep every load cold from dock to store</dc:title>") && core.contains("<dc:creator>Coldtrace</dc:creator>"), "{core}");
}

#[test]
fn the_stamp_has_one_colour_and_a_confirmed_marking_is_on_every_page() {
    let mut doc = one_pager();
    doc.approval = Some(Approval { by: "Priya Raman".into(), at: "2027-03-02".into(), version: "3".into(), expired_on: None });
    doc.markings = vec!["For internal and partner use only".into()];
    let header = docx_xml(write_docx(&doc).unwrap(), "word/header1.xml");
    assert!(header.contains("1A6B38"), "the approval's green, as in the PDF: {header}");
    assert!(header.contains("For internal and partner use only"), "{header}");
    let text = pdf_text(&write_pdf(&Fonts::load(), &doc).unwrap().bytes);
    assert!(text.contains("For internal and partner use only"), "{text}");
}
