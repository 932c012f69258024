//! Text a reader sees in a Word file, wherever the file keeps it: text boxes and shapes,
//! footnotes and endnotes, picture descriptions and captions, a main part that is not at
//! `word/document.xml`, a table of header rows only, and lists whose instances override their
//! levels. The packages are written here part by part, as Word writes them.

use std::io::{Cursor, Write};

use pitchbridge_core::split::split_message;
use pitchbridge_import::{import_docx, ImportError};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn body(xml: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{xml}</w:body></w:document>"#
    )
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn rels(entries: &[(&str, &str)]) -> String {
    let rels: String = entries
        .iter()
        .enumerate()
        .map(|(i, (kind, target))| {
            format!(r#"<Relationship Id="rId{i}" Type="{REL}/{kind}" Target="{target}"/>"#)
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
    )
}

/// A package as Word lays it out, with `document.xml` and the parts given beside it.
fn word(document: &str, others: &[(&str, &str, String)]) -> Vec<u8> {
    let mut parts = vec![
        (
            "_rels/.rels",
            rels(&[("officeDocument", "word/document.xml")]),
        ),
        ("word/document.xml", body(document)),
    ];
    let doc_rels: Vec<(&str, &str)> = others
        .iter()
        .map(|(kind, name, _)| (*kind, *name))
        .collect();
    parts.push(("word/_rels/document.xml.rels", rels(&doc_rels)));
    for (_, name, xml) in others {
        parts.push((
            Box::leak(format!("word/{name}").into_boxed_str()),
            xml.clone(),
        ));
    }
    zip(&parts)
}

fn claims(source: &str) -> Vec<String> {
    split_message(source).into_iter().map(|c| c.text).collect()
}

/// A text box as Word 2010 and later write it: DrawingML in the choice, the same text again
/// as VML in the fallback.
fn text_box(text: &str) -> String {
    format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
        inner = p(text)
    )
}

#[test]
fn a_document_whose_only_text_is_in_a_text_box_is_read_once() {
    let file = word(
        &text_box("Spoilage claims fell 38% in the first season."),
        &[],
    );
    let got = import_docx(&file, "callout").unwrap();
    assert_eq!(
        claims(&got.source),
        vec!["Spoilage claims fell 38% in the first season."]
    );
    assert_eq!(got.report.text_boxes, 1);
    assert!(
        got.report.summary().contains("1 text box read in place"),
        "{}",
        got.report.summary()
    );
}

#[test]
fn a_sidebar_follows_the_paragraph_it_is_anchored_in() {
    let doc = format!(
        "{}<w:p><w:r><w:t>Every pallet is logged from dock to store.</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>{}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r><w:r><w:t xml:space=\"preserve\"> Readings upload every five minutes.</w:t></w:r></w:p>{}",
        p("Cold chain, proven."),
        p("Sidebar: 412 stores run it today."),
        p("Ask your rep for a pilot.")
    );
    let got = import_docx(&word(&doc, &[]), "x").unwrap();
    assert_eq!(
        claims(&got.source),
        vec![
            "Cold chain, proven.",
            "Every pallet is logged from dock to store.",
            "Readings upload every five minutes.",
            "Sidebar: 412 stores run it today.",
            "Ask your rep for a pilot."
        ]
    );
}

#[test]
fn footnotes_and_endnotes_follow_the_paragraph_that_cites_them() {
    let notes = |kind: &str, id: &str, text: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:{kind}s {W}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}><w:{kind} w:id="{id}"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}></w:{kind}s>"#
        )
    };
    let doc = format!(
        "<w:p><w:r><w:t>Waste fell 38% across 412 stores.</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p><w:p><w:r><w:t>Payback came inside one season.</w:t></w:r><w:r><w:endnoteReference w:id=\"2\"/></w:r></w:p>{}",
        p("Book a pilot.")
    );
    let file = word(
        &doc,
        &[
            (
                "footnotes",
                "footnotes.xml",
                notes(
                    "footnote",
                    "1",
                    "Source: FreshMart audit, 2025, n=412 stores.",
                ),
            ),
            (
                "endnotes",
                "endnotes.xml",
                notes("endnote", "2", "Median of 31 pilots, 2024–2025."),
            ),
        ],
    );
    let got = import_docx(&file, "x").unwrap();
    assert_eq!(
        claims(&got.source),
        vec![
            "Waste fell 38% across 412 stores.[1]",
            "[1] Source: FreshMart audit, 2025, n=412 stores.",
            "Payback came inside one season.[2]",
            "[2] Median of 31 pilots, 2024–2025.",
            "Book a pilot."
        ]
    );
    assert_eq!((got.report.footnotes, got.report.endnotes), (1, 1));
}

#[test]
fn a_described_picture_keeps_its_description_and_its_caption() {
    let picture = |descr: &str| {
        format!(
            r#"<w:p><w:r><w:drawing><wp:inline><wp:docPr id="2" name="Picture 2" descr="{descr}"/><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
        )
    };
    let doc = format!(
        "{}<w:p><w:pPr><w:pStyle w:val=\"Caption\"/></w:pPr><w:r><w:t>Figure 1: Door-open alerts by hour</w:t></w:r></w:p>{}",
        picture("Chart: door-open alerts drop 60% after install"),
        picture("image1.png")
    );
    let got = import_docx(&word(&doc, &[]), "x").unwrap();
    assert_eq!(
        claims(&got.source),
        vec![
            "Image: Chart: door-open alerts drop 60% after install",
            "Figure 1: Door-open alerts by hour"
        ]
    );
    assert_eq!(
        (got.report.image_descriptions, got.report.images_skipped),
        (1, 1),
        "a picture named only by its file name is skipped and counted"
    );
}

#[test]
fn the_main_part_is_found_through_the_package_relationships() {
    let package = zip(&[
        (
            "_rels/.rels",
            rels(&[("officeDocument", "/content/main.xml")]),
        ),
        (
            "content/main.xml",
            body(&format!(
                "{}{}",
                p("Ships in 48 hours."),
                "<w:p><w:pPr><w:pStyle w:val=\"H\"/></w:pPr><w:r><w:t>Proof</w:t></w:r></w:p>"
            )),
        ),
        (
            "content/_rels/main.xml.rels",
            rels(&[("styles", "look/styles.xml")]),
        ),
        (
            "content/look/styles.xml",
            format!(
                r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="H"><w:name w:val="heading 1"/></w:style></w:styles>"#
            ),
        ),
    ]);
    let got = import_docx(&package, "x").unwrap();
    assert_eq!(
        got.source, "Ships in 48 hours.\n\n# Proof\n",
        "the styles came from the relationship's target"
    );
    // Without any main part it is still not a Word document.
    assert_eq!(
        import_docx(&zip(&[("_rels/.rels", rels(&[]))]), "x").unwrap_err(),
        ImportError::NotDocx
    );
}

#[test]
fn a_table_of_header_rows_only_is_read() {
    let header_row = |cells: &[&str]| {
        let cells: String = cells
            .iter()
            .map(|c| format!("<w:tc>{}</w:tc>", p(c)))
            .collect();
        format!("<w:tr><w:trPr><w:tblHeader/></w:trPr>{cells}</w:tr>")
    };
    let doc = format!(
        "<w:tbl>{}</w:tbl>",
        header_row(&["Cold chain, from dock to store", "Five-minute readings"])
    );
    let got = import_docx(&word(&doc, &[]), "x").unwrap();
    assert_eq!(
        claims(&got.source),
        vec!["Cold chain, from dock to store; Five-minute readings"]
    );
}

fn numbering_xml() -> String {
    // Definition 7: level 0 numbered from 1, level 1 bulleted. Instance 1 uses it as it is;
    // instance 2 restarts level 0 at 1 and turns level 1 into numbers (a, b …).
    format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/></w:lvl></w:lvlOverride></w:num></w:numbering>"#
    )
}

fn item(num: &str, level: usize, text: &str) -> String {
    format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
}

#[test]
fn list_instances_override_and_restart_their_levels() {
    let doc = [
        item("1", 0, "Install the sensors."),
        item("1", 1, "One per door."),
        item("1", 0, "Pair the gateway."),
        p("Then the steps for stores:"),
        item("2", 0, "Open the app."),
        item("2", 1, "Sign in with your store code."),
        item("2", 1, "Pick your dock."),
        item("2", 0, "Start logging."),
    ]
    .concat();
    let got = import_docx(
        &word(&doc, &[("numbering", "numbering.xml", numbering_xml())]),
        "x",
    )
    .unwrap();
    assert_eq!(
        got.source,
        "1. Install the sensors.\n  - One per door.\n2. Pair the gateway.\n\nThen the steps for stores:\n1. Open the app.\n  1. Sign in with your store code.\n  2. Pick your dock.\n2. Start logging.\n"
    );
}

#[test]
fn a_paragraph_indented_under_an_item_continues_that_item() {
    let doc = [
        item("1", 0, "Alerts reach the store manager."),
        "<w:p><w:pPr><w:ind w:left=\"720\"/></w:pPr><w:r><w:t>Within two minutes of a door opening.</w:t></w:r></w:p>".to_string(),
        item("1", 0, "Reports go to head office."),
        p("Pricing follows."),
    ]
    .concat();
    let got = import_docx(
        &word(&doc, &[("numbering", "numbering.xml", numbering_xml())]),
        "x",
    )
    .unwrap();
    assert_eq!(
        claims(&got.source),
        vec![
            "Alerts reach the store manager. Within two minutes of a door opening.",
            "Reports go to head office.",
            "Pricing follows."
        ]
    );
}

#[test]
fn a_list_style_numbers_its_paragraphs() {
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="ListNumber2"><w:name w:val="List Number 2"/><w:basedOn w:val="ListNumber"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let styled = |style: &str, text: &str| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    };
    let doc = [
        styled("ListNumber", "Plug in the gateway."),
        styled("ListNumber2", "Green light means online."),
        styled("ListNumber", "Scan the door sensor."),
    ]
    .concat();
    let got = import_docx(
        &word(
            &doc,
            &[
                ("styles", "styles.xml", styles),
                ("numbering", "numbering.xml", numbering_xml()),
            ],
        ),
        "x",
    )
    .unwrap();
    assert_eq!(
        got.source,
        "1. Plug in the gateway.\n  - Green light means online.\n2. Scan the door sensor.\n"
    );
}
