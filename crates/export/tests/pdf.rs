//! PDFs out of the export, checked with the tools people check PDFs with: qpdf finds no
//! errors, pdffonts shows every font embedded and subset, pdftotext gives back the words
//! (Latin, Greek, Cyrillic and CJK, no U+FFFD), nothing is drawn past the margins, links are
//! there, and the same document gives the same bytes.

use std::process::Command;
use std::sync::OnceLock;

use pitchbridge_export::sources::from_markdown;
use pitchbridge_export::{write_pdf, Approval, Brand, Fonts, PdfOutput};

fn fonts() -> &'static Fonts {
    static F: OnceLock<Fonts> = OnceLock::new();
    F.get_or_init(Fonts::load)
}

fn pdf(md: &str) -> PdfOutput {
    write_pdf(fonts(), &from_markdown(md, None, Brand::default())).unwrap()
}

fn tool(dir: &std::path::Path, bytes: &[u8], cmd: &str, args: &[&str]) -> String {
    let path = dir.join("out.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new(cmd).args(args).arg(&path).args(if cmd == "pdftotext" { vec!["-"] } else { vec![] }).output().unwrap_or_else(|e| panic!("{cmd}: {e} (scripts/test.sh installs qpdf and poppler-utils)"));
    assert!(out.status.success(), "{cmd}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const MIXED: &str = "# Close the books sooner

## Problem

Finance teams **type invoice details** by hand and *chase approvers* by email. Ελληνικά κείμενα, русский текст, 中文字符和日本語のテキスト、한국어 텍스트.

## Benefits

- Close four days sooner.
- No more re-keying.

| Objection | Response |
|---|---|
| We already have an AP module. | Ledgerline works inside it. |

## Call to action

Book a review at [ledgerline.example/review](https://ledgerline.example/review).
";

#[test]
fn qpdf_pdffonts_and_pdftotext_agree_with_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let out = pdf(MIXED);
    assert!(out.missing_glyphs.is_empty(), "{:?}", out.missing_glyphs);
    assert!(out.bytes == pdf(MIXED).bytes, "the same input gives the same bytes");

    let check = tool(dir.path(), &out.bytes, "qpdf", &["--check"]);
    assert!(check.contains("No syntax or stream encoding errors"), "{check}");

    let fonts = tool(dir.path(), &out.bytes, "pdffonts", &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "regular, bold and the CJK fallback: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert_eq!((cols[n - 5], cols[n - 4], cols[n - 3]), ("yes", "yes", "yes"), "embedded, subset, with a Unicode map: {row}");
    }

    let text = tool(dir.path(), &out.bytes, "pdftotext", &["-enc", "UTF-8"]);
    assert!(!text.contains('\u{fffd}'), "{text}");
    let squashed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "Finance teams type invoice details by hand and chase approvers by email.",
        "Ελληνικά κείμενα, русский текст,",
        "中文字符和日本語のテキスト、한국어 텍스트.",
        "Ledgerline works inside it.",
        "Book a review at ledgerline.example/review.",
        "Page 1 of 1",
    ] {
        assert!(squashed.contains(words), "{words} in {squashed}");
    }
    assert!(!squashed.contains("DRAFT D") && squashed.matches("DRAFT").count() == 1, "the watermark is not text: {squashed}");

    // The link is an annotation with its address.
    let qdf = dir.path().join("qdf.pdf");
    let st = Command::new("qpdf").args(["--qdf", "--object-streams=disable"]).arg(dir.path().join("out.pdf")).arg(&qdf).status().unwrap();
    assert!(st.success());
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    assert!(raw.contains("/URI (https://ledgerline.example/review)"), "a link annotation");
}

#[test]
fn long_documents_paginate_inside_the_margins_and_odd_input_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    // A 2,000-character word, a long list and a long table.
    let mut md = String::from("# Long\n\n## Words\n\n");
    md.push_str(&"x".repeat(2000));
    md.push_str("\n\n");
    for i in 0..120 {
        md.push_str(&format!("- Item {i}: your team closes the month faster and stops re-keying invoices by hand.\n"));
    }
    md.push_str("\n| Objection | Response |\n|---|---|\n");
    for i in 0..60 {
        md.push_str(&format!("| Objection {i} about price and timing | Response {i}: it pays for itself within a quarter for most teams. |\n"));
    }
    md.push_str("\nA symbol no font has: \u{1F9EA} and \u{E000}.\n");
    let out = pdf(&md);
    assert!(out.pages >= 5, "{} pages", out.pages);
    assert_eq!(out.missing_glyphs, ["U+E000", "U+1F9EA"]);
    let info = tool(dir.path(), &out.bytes, "pdfinfo", &[]);
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).map(|v| v.trim().parse().unwrap()).unwrap();
    assert_eq!(pages, out.pages, "{info}");

    // Every word box lies inside the page's margins (with the header and footer bands).
    let bbox = tool(dir.path(), &out.bytes, "pdftotext", &["-bbox"]);
    let mut words = 0;
    for line in bbox.lines().filter(|l| l.trim_start().starts_with("<word ")) {
        let attr = |name: &str| -> f32 {
            let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            line[at..].split('"').next().unwrap().parse().unwrap()
        };
        let (x0, x1, y0, y1) = (attr("xMin"), attr("xMax"), attr("yMin"), attr("yMax"));
        assert!(x0 >= 56.0 && x1 <= 595.28 - 56.0, "{line}");
        assert!(y0 >= 20.0 && y1 <= 841.89 - 30.0, "{line}");
        words += 1;
    }
    assert!(words > 2000, "{words}");
    // The long word is all there.
    let text = tool(dir.path(), &out.bytes, "pdftotext", &[]);
    assert_eq!(text.matches('x').count(), 2000);
}

#[test]
fn an_approved_pdf_carries_the_stamp_and_no_watermark() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = from_markdown(MIXED, None, Brand::default());
    doc.approval = Some(Approval { by: "Priya Raman".into(), at: "2027-01-15 10:00 UTC".into(), version: "3".into(), expired_on: None });
    let out = write_pdf(fonts(), &doc).unwrap();
    let text = tool(dir.path(), &out.bytes, "pdftotext", &[]);
    assert!(text.contains("Approved by Priya Raman on 2027-01-15 10:00 UTC · version 3"), "{text}");
    assert!(!text.contains("DRAFT"), "{text}");
    assert!(out.bytes.len() < write_pdf(fonts(), &from_markdown(MIXED, None, Brand::default())).unwrap().bytes.len(), "no watermark shapes");
}

#[test]
fn the_brand_logo_goes_into_both_writers_and_bad_images_are_refused() {
    use pitchbridge_export::{write_docx, Picture};
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../tests/fixtures");
    for name in ["logo.png", "logo.jpg"] {
        let logo = Picture::from_bytes(std::fs::read(fixtures.join(name)).unwrap()).unwrap();
        assert_eq!((logo.width_px, logo.height_px), (240, 80), "{name}");
        let mut brand = Brand::default();
        brand.name = "Northwind".into();
        brand.logo = Some(logo.clone());
        let one_pager = pitchbridge_core::collateral::parse_collateral_type(include_str!("../../../assets/collateral-types/one-pager.toml")).unwrap();
        let mut doc = from_markdown(MIXED, Some(&one_pager), brand);
        // And the same picture in the body, scaled to fit.
        doc.sections[0].blocks.push(pitchbridge_export::Block::Image { picture: logo, alt: "logo".into() });
        let out = write_pdf(fonts(), &doc).unwrap();
        assert!(out.bytes == write_pdf(fonts(), &doc).unwrap().bytes, "deterministic with a logo");
        let path = dir.path().join("logo.pdf");
        std::fs::write(&path, &out.bytes).unwrap();
        let list = Command::new("pdfimages").arg("-list").arg(&path).output().unwrap();
        let list = String::from_utf8_lossy(&list.stdout);
        assert_eq!(list.lines().skip(2).count(), 2, "the letterhead's and the body's: {list}");
        assert!(list.contains("240    80"), "{list}");
        let docx = dir.path().join("logo.docx");
        std::fs::write(&docx, write_docx(&doc).unwrap()).unwrap();
        let shapes = Command::new("/usr/bin/python3")
            .args(["-c", "import docx, sys, re; d = docx.Document(sys.argv[1]); h = d.sections[0].header._element.xml; b = d.element.xml; ids = re.findall('docPr id=\"(\\d+)\"', h + b); print(h.count('<pic:pic'), len(d.inline_shapes), len(ids) == len(set(ids)))"])
            .arg(&docx)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&shapes.stdout).trim(), "1 1 True", "a logo in the header, a picture in the body, no duplicate drawing ids: {}", String::from_utf8_lossy(&shapes.stderr));
    }
    assert!(Picture::from_bytes(b"GIF89a not ours".to_vec()).unwrap_err().contains("not a PNG or JPEG"));
    assert!(Picture::from_bytes(vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 1, 2, 0, 0, 0, 0]).unwrap_err().contains("damaged"));
    let mut huge = std::fs::read(fixtures.join("logo.png")).unwrap();
    huge.resize(50 * 1024 * 1024, 0);
    assert!(Picture::from_bytes(huge).unwrap_err().contains("at most 5 MB"));
    // A PNG whose header is right and whose data is broken: a clear error, no file.
    let mut broken = std::fs::read(fixtures.join("logo.png")).unwrap();
    let keep = broken.len() / 3;
    broken.truncate(keep);
    let mut brand = Brand::default();
    brand.logo = Some(Picture::from_bytes(broken).unwrap());
    let err = write_pdf(fonts(), &from_markdown(MIXED, None, brand)).err().expect("a broken logo is refused");
    assert!(err.to_string().contains("The brand logo could not be read"), "{err}");
}

#[test]
fn the_brand_kit_chooses_the_typeface() {
    let dir = tempfile::tempdir().unwrap();
    let mut brand = Brand::default();
    brand.serif = true;
    let out = write_pdf(fonts(), &from_markdown(MIXED, None, brand.clone())).unwrap();
    let fonts_list = tool(dir.path(), &out.bytes, "pdffonts", &[]);
    assert!(fonts_list.contains("LiberationSerif") && !fonts_list.contains("LiberationSans "), "{fonts_list}");
    let docx = pitchbridge_export::write_docx(&from_markdown(MIXED, None, brand)).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("Liberation Serif"));
    let bad = "name = \"\"\nprimary = \"1F2A44\"\naccent = \"4A55C9\"\nfooter = \"\"\nfont = \"comic\"\n";
    assert!(Brand::parse(bad).unwrap_err().contains("not one of the shipped families"));
}

/// A table with more columns than a page holds is shown in parts, each with the first column
/// again, and every cell's words are in the PDF.
#[test]
fn a_very_wide_table_is_laid_out_in_parts_not_a_panic() {
    let cols = 60;
    let row = |label: &str| format!("|{}|\n", (0..cols).map(|c| format!(" {label}{c} ")).collect::<Vec<_>>().join("|"));
    let md = format!("# Price list\n\n{}|{}|\n{}{}", row("H"), vec!["---"; cols].join("|"), row("a"), row("b"));
    let out = pdf(&md);
    let dir = tempfile::tempdir().unwrap();
    let text = tool(dir.path(), &out.bytes, "pdftotext", &[]);
    for needle in ["H0", "H59", "a59", "b30"] {
        assert!(text.contains(needle), "{needle} in the PDF");
    }
    // The first column comes again with each part.
    assert!(text.matches("a0").count() >= 2, "{text}");
}
