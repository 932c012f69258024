//! Exporting a 25,000-word document (about 70 pages) built from the check corpus, side by side
//! in one run with pandoc (Markdown -> DOCX), LibreOffice (our DOCX -> PDF) and typst (the same
//! text as typst markup -> PDF, through the typst Python package when `TYPST_PYTHON` names a
//! Python that has it; `bench/export.sh` sets that up).
//!
//! `cargo bench -p pitchbridge-export --bench export`

use std::process::Command;
use std::time::Instant;

use pitchbridge_export::sources::from_markdown;
use pitchbridge_export::{write_docx, write_pdf, Brand, Fonts};

const ROUNDS: usize = 15;

fn corpus_markdown(words: usize) -> String {
    let dir = &format!("{}/../../tests/check-corpus", std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
    files.sort();
    let texts: Vec<String> = files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let mut out = String::from("# Twenty-five thousand words\n\n");
    let mut n = 0;
    let mut part = 0;
    while n < words {
        for t in &texts {
            part += 1;
            // Each file's own title becomes a section of the long document.
            out.push_str(&t.replacen("# ", &format!("## {part}. "), 1));
            out.push_str("\n\n");
            n += t.split_whitespace().count();
        }
    }
    out
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

fn main() {
    let md = corpus_markdown(25_000);
    let words = md.split_whitespace().count();
    let mut docx_times = Vec::new();
    let mut size = 0;
    for _ in 0..ROUNDS {
        let t = Instant::now();
        let doc = from_markdown(&md, None, Brand::default());
        let bytes = write_docx(&doc).unwrap();
        docx_times.push(t.elapsed().as_secs_f64() * 1000.0);
        size = bytes.len();
    }
    let dir = std::env::temp_dir().join(format!("pb-export-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("doc.md");
    std::fs::write(&src, &md).unwrap();
    let mut pandoc_times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let ok = Command::new("pandoc").arg(&src).arg("-o").arg(dir.join("doc.docx")).status().map(|s| s.success()).unwrap_or(false);
        if !ok {
            break;
        }
        pandoc_times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    // PDF: ours, warm (fonts parsed once per process, as in the app).
    let fonts = Fonts::load();
    let mut pdf_times = Vec::new();
    let mut pages = 0;
    let mut pdf_size = 0;
    for _ in 0..ROUNDS {
        let t = Instant::now();
        let doc = from_markdown(&md, None, Brand::default());
        let out = write_pdf(&fonts, &doc).unwrap();
        pdf_times.push(t.elapsed().as_secs_f64() * 1000.0);
        pages = out.pages;
        pdf_size = out.bytes.len();
    }
    // LibreOffice converting our DOCX.
    let docx_path = dir.join("ours.docx");
    std::fs::write(&docx_path, write_docx(&from_markdown(&md, None, Brand::default())).unwrap()).unwrap();
    let mut lo_times = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let ok = Command::new("soffice")
            .args(["--headless", "--norestore", &format!("-env:UserInstallation=file://{}/lo", dir.display()), "--convert-to", "pdf", "--outdir"])
            .arg(&dir)
            .arg(&docx_path)
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
        if !ok {
            break;
        }
        lo_times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    // typst on the same text.
    let typ = dir.join("doc.typ");
    std::fs::write(&typ, to_typst(&md)).unwrap();
    let typst_times: Vec<f64> = std::env::var("TYPST_PYTHON")
        .ok()
        .and_then(|py| {
            let script = "import sys, time, typst\nts = []\nfor _ in range(5):\n    t = time.perf_counter(); typst.compile(sys.argv[1], output=sys.argv[2]); ts.append((time.perf_counter() - t) * 1000)\nprint(' '.join(str(x) for x in ts))";
            let out = Command::new(py).arg("-c").arg(script).arg(&typ).arg(dir.join("typst.pdf")).output().ok()?;
            out.status.success().then(|| String::from_utf8_lossy(&out.stdout).split_whitespace().filter_map(|v| v.parse().ok()).collect())
        })
        .unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    let ours_pdf = median(pdf_times);
    let ours = median(docx_times);
    println!("export: {words} words (Markdown source), DOCX {} KB", size / 1024);
    println!("  pitchbridge DOCX (parse + write), {ROUNDS} rounds: median {ours:.1} ms");
    if pandoc_times.is_empty() {
        println!("  pandoc: not installed (scripts/test.sh installs it)");
    } else {
        let p = median(pandoc_times.clone());
        println!("  pandoc Markdown -> DOCX, {} runs: median {p:.1} ms ({:.1}x pitchbridge)", pandoc_times.len(), p / ours);
    }
    println!("  pitchbridge PDF (parse + lay out + write), {ROUNDS} rounds: median {ours_pdf:.1} ms, {pages} pages, {} KB", pdf_size / 1024);
    if lo_times.is_empty() {
        println!("  LibreOffice: not installed");
    } else {
        let l = median(lo_times.clone());
        println!("  LibreOffice DOCX -> PDF, {} runs: median {l:.1} ms ({:.1}x pitchbridge)", lo_times.len(), l / ours_pdf);
    }
    if typst_times.is_empty() {
        println!("  typst: not available (run bench/export.sh)");
    } else {
        let t = median(typst_times.clone());
        println!("  typst runs (ms): {:?}", typst_times.iter().map(|x| x.round()).collect::<Vec<_>>());
        println!("  typst (Python package) compile, {} runs: median {t:.1} ms ({:.1}x pitchbridge)", typst_times.len(), t / ours_pdf);
    }
}

/// The Markdown as typst markup: headings, lists, emphasis, links and tables as plain
/// paragraphs, enough for the same text to be laid out.
fn to_typst(md: &str) -> String {
    let mut out = String::from("#set page(paper: \"a4\", margin: 2cm, numbering: \"1 of 1\")\n#set text(size: 10.5pt)\n\n");
    for line in md.lines() {
        let t = line.trim_start();
        let body: String = t.replace("**", "*").replace(['#', '_', '@', '$', '<', '>', '`', '[', ']'], " ");
        if let Some(h) = t.strip_prefix("### ") {
            out.push_str(&format!("=== {}\n", h.replace(['#', '*', '_', '@', '$', '<', '>', '`'], " ")));
        } else if let Some(h) = t.strip_prefix("## ") {
            out.push_str(&format!("== {}\n", h.replace(['#', '*', '_', '@', '$', '<', '>', '`'], " ")));
        } else if let Some(h) = t.strip_prefix("# ") {
            out.push_str(&format!("= {}\n", h.replace(['#', '*', '_', '@', '$', '<', '>', '`'], " ")));
        } else if t.starts_with('|') {
            out.push_str(&body.replace('|', " "));
            out.push_str("\n\n");
        } else {
            out.push_str(&body.replace('*', ""));
            out.push('\n');
        }
    }
    out
}
