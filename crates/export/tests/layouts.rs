//! Every layout rendered at low resolution and compared with its reference image in
//! `tests/export-reference/`, within a tolerance: a change to a layout shows up here and is
//! made on purpose (`UPDATE_REFERENCES=1 cargo test -p pitchbridge-export --test layouts`
//! rewrites the references after a look at the new pages).

use std::path::PathBuf;
use std::process::Command;

use pitchbridge_export::sources::from_markdown;
use pitchbridge_core::collateral::{parse_collateral_type, CollateralType};
use pitchbridge_export::{write_pdf, Brand, Fonts};

/// Each reference: its name (also the collateral type's id, but for the plain document) and
/// the corpus file laid out in it.
const CASES: [(&str, &str); 7] = [
    ("plain", "06-one-pager-vaultkeep.md"),
    ("one-pager", "05-one-pager-ledgerline.md"),
    ("battle-card", "07-battle-card-roadwise.md"),
    ("call-script", "09-call-script-appointwell.md"),
    ("email", "03-email-appointwell.md"),
    ("elevator-pitch", "01-elevator-ledgerline.md"),
    ("objection-handling", "11-objection-handling-vaultkeep.md"),
];

/// The shipped type file: its layout and roles are what is being tested.
fn collateral_type(id: &str) -> Option<CollateralType> {
    let path = root().join("assets/collateral-types").join(format!("{id}.toml"));
    path.exists().then(|| parse_collateral_type(&std::fs::read_to_string(&path).unwrap()).unwrap())
}

fn root() -> PathBuf {
    PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../..")
}

/// Grey pixels of page 1 at 20 dpi (a PGM from pdftoppm).
fn render(pdf: &[u8], dir: &std::path::Path) -> (usize, usize, Vec<u8>) {
    let path = dir.join("page.pdf");
    std::fs::write(&path, pdf).unwrap();
    let st = Command::new("pdftoppm").args(["-gray", "-r", "20", "-f", "1", "-l", "1", "-singlefile"]).arg(&path).arg(dir.join("page")).status().unwrap();
    assert!(st.success());
    parse_pgm(&std::fs::read(dir.join("page.pgm")).unwrap())
}

fn parse_pgm(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    // "P5\n<w> <h>\n255\n" then the pixels.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..i]).into_owned());
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[i + 1..].to_vec())
}

#[test]
fn every_layout_matches_its_reference_image() {
    let fonts = Fonts::load();
    let dir = tempfile::tempdir().unwrap();
    let update = std::env::var_os("UPDATE_REFERENCES").is_some();
    let mut failures = Vec::new();
    for (name, source) in CASES {
        let md = std::fs::read_to_string(root().join("tests/check-corpus").join(source)).unwrap();
        let ct = collateral_type(name);
        let pdf = write_pdf(&fonts, &from_markdown(&md, ct.as_ref(), Brand::default())).unwrap();
        let (w, h, pixels) = render(&pdf.bytes, dir.path());
        let reference = root().join("tests/export-reference").join(format!("{name}.pgm"));
        if update {
            std::fs::copy(dir.path().join("page.pgm"), &reference).unwrap();
            continue;
        }
        let (rw, rh, expected) = parse_pgm(&std::fs::read(&reference).unwrap_or_else(|_| panic!("{} is missing", reference.display())));
        if (rw, rh) != (w, h) {
            failures.push(format!("{name}: {w}x{h} against {rw}x{rh}"));
            continue;
        }
        // Mean absolute difference per pixel (0–255); rendering differences between poppler
        // versions stay well under the tolerance, a moved block does not.
        let diff: u64 = pixels.iter().zip(&expected).map(|(a, b)| a.abs_diff(*b) as u64).sum();
        let mean = diff as f64 / pixels.len() as f64;
        if mean > 2.0 {
            failures.push(format!("{name}: mean difference {mean:.2} per pixel"));
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}
