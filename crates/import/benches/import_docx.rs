//! Importing a 100-page Word document, and re-aligning it against its previous version.
//!
//! The document is made by pandoc from generated Markdown (about 50,000 words: headings,
//! paragraphs, bulleted and nested lists and tables, as a long positioning brief has), so it
//! is a real Word file, not one written by us. The second version rewords every twentieth
//! paragraph and drops a few.
//!
//! `cargo bench -p pitchbridge-import --bench import_docx` (needs pandoc).

use std::process::Command;
use std::time::{Duration, Instant};

use pitchbridge_core::split::split_message;
use pitchbridge_import::import_docx;
use pitchbridge_bench_support::Rng;
use pitchbridge_store::Workspace;

const SECTIONS: usize = 140;
const NOW: &str = "2027-01-15T10:00:00Z";

/// Sentences of made-up words from the benchmarks' shared generator.
struct Text(Rng);

impl Text {
    fn next(&mut self) -> u64 {
        self.0.next()
    }

    fn word(&mut self) -> String {
        self.0.made_up_word(2)
    }

    fn sentence(&mut self) -> String {
        let n = 10 + (self.next() % 14) as usize;
        let mut words: Vec<String> = (0..n).map(|_| self.word()).collect();
        if self.next() % 4 == 0 {
            words[2] = format!("**{}**", words[2]);
        }
        let mut s = words.join(" ");
        s[..1].make_ascii_uppercase();
        s + "."
    }
}

/// One version of the brief; `variant` 1 rewords every twentieth paragraph and drops some.
fn brief(variant: usize) -> String {
    let mut rng = Text(Rng::new(7));
    let mut md = String::from("# Product brief\n\n");
    let mut para = 0usize;
    for s in 0..SECTIONS {
        md.push_str(&format!("## Section {s}\n\n"));
        for _ in 0..4 {
            para += 1;
            let mut text: Vec<String> = (0..4).map(|_| rng.sentence()).collect();
            if variant == 1 && para % 20 == 0 {
                text[1] = format!("Now reworded in version two: {}", text[1].to_lowercase());
            }
            if variant == 1 && para % 97 == 0 {
                continue;
            }
            md.push_str(&text.join(" "));
            md.push_str("\n\n");
        }
        for i in 0..4 {
            md.push_str(&format!("- {}\n", rng.sentence()));
            if i == 1 {
                md.push_str(&format!("    - {}\n", rng.sentence()));
            }
        }
        md.push('\n');
        if s % 5 == 0 {
            md.push_str("| Plan | Price | Limit |\n|---|---|---|\n");
            for r in 0..4 {
                md.push_str(&format!("| Plan {r} | ${} per month | {} invoices |\n", 100 * (r + 1), 1000 * (r + 1)));
            }
            md.push('\n');
        }
    }
    md
}

fn pandoc(markdown: &str, dir: &std::path::Path, name: &str) -> Vec<u8> {
    let src = dir.join(format!("{name}.md"));
    let out = dir.join(format!("{name}.docx"));
    std::fs::write(&src, markdown).unwrap();
    let status = Command::new("pandoc").arg(&src).arg("-o").arg(&out).status().expect("pandoc is needed");
    assert!(status.success());
    std::fs::read(out).unwrap()
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pct = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0;
    println!("{name:<40} n={:<3} p50={:>7.1} ms  p95={:>7.1} ms  max={:>7.1} ms", samples.len(), pct(0.5), pct(0.95), pct(1.0));
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = pandoc(&brief(0), dir.path(), "v1");
    let v2 = pandoc(&brief(1), dir.path(), "v2");
    let imported = import_docx(&v1, "brief").unwrap();
    let words = imported.source.split_whitespace().count();
    let claims = split_message(&imported.source).len();
    println!("document: {} KB .docx, {words} words (~{} pages at 500 words), {claims} claims", v1.len() / 1024, words / 500);

    let mut samples = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let got = import_docx(&v1, "brief").unwrap();
        let _ = split_message(&got.source);
        samples.push(t.elapsed());
    }
    report("import 100-page .docx (read + split)", samples);

    // Re-aligning the second version against the first, in a workspace, alternating so each
    // round is a real change.
    let a = import_docx(&v1, "brief").unwrap().source;
    let b = import_docx(&v2, "brief").unwrap().source;
    let mut ws = Workspace::open(&dir.path().join("w.pitchbridge"), true).unwrap();
    let launch = ws.create_launch(&pitchbridge_core::LaunchInput { name: "Bench".into(), ..Default::default() }, NOW).unwrap();
    let message = ws.create_message(launch.id, "Brief", &a, None, NOW).unwrap();
    let mut samples = Vec::new();
    let mut last = None;
    for round in 0..10 {
        let text = if round % 2 == 0 { &b } else { &a };
        let t = Instant::now();
        last = Some(ws.add_message_version(message.message.id, text, NOW).unwrap());
        samples.push(t.elapsed());
    }
    let r = last.unwrap();
    report("re-align against the previous version", samples);
    if std::env::var("PB_BENCH_PARTS").is_ok() {
        use pitchbridge_core::align::{align, PreviousClaim};
        use pitchbridge_core::fingerprint::fingerprint;
        let t = Instant::now();
        for _ in 0..9 {
            let _ = split_message(&a);
        }
        let sa = split_message(&a);
        let split_ms = t.elapsed() / 10;
        let prev: Vec<PreviousClaim> =
            sa.iter().enumerate().map(|(i, c)| PreviousClaim { id: i as i64, text: c.text.clone(), fingerprint: fingerprint(&c.text) }).collect();
        let sb: Vec<String> = split_message(&b).into_iter().map(|c| c.text).collect();
        let t = Instant::now();
        for _ in 0..9 {
            let _ = align(&prev, &sb);
        }
        let _ = align(&prev, &sb);
        println!("parts: split {split_ms:?}, align {:?}", t.elapsed() / 10);
        let t = Instant::now();
        let _ = ws.message_detail(message.message.id).unwrap();
        println!("parts: message_detail {:?}", t.elapsed());
    }
    println!("last round: {} unchanged, {} reworded, {} added, {} removed", r.unchanged.len(), r.reworded.len(), r.added.len(), r.removed.len());
}
