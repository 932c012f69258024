//! Exporting a 25,000-word document (about 70 pages) built from the check corpus, side by side
//! in one run with pandoc turning the same Markdown into DOCX.
//!
//! `cargo bench -p pitchbridge-export --bench export`

use std::process::Command;
use std::time::Instant;

use pitchbridge_export::sources::from_markdown;
use pitchbridge_export::{write_docx, Brand, Layout};

const ROUNDS: usize = 15;

fn corpus_markdown(words: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/check-corpus");
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
        let doc = from_markdown(&md, Layout::Plain, Brand::default());
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
    let _ = std::fs::remove_dir_all(&dir);
    let ours = median(docx_times);
    println!("export: {words} words (Markdown source), DOCX {} KB", size / 1024);
    println!("  pitchbridge DOCX (parse + write), {ROUNDS} rounds: median {ours:.1} ms");
    if pandoc_times.is_empty() {
        println!("  pandoc: not installed (scripts/test.sh installs it)");
    } else {
        let p = median(pandoc_times.clone());
        println!("  pandoc Markdown -> DOCX, {} runs: median {p:.1} ms ({:.1}x pitchbridge)", pandoc_times.len(), p / ours);
    }
}
