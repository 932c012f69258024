//! The checks' speed and memory on a 5,000-word pitch built from the check corpus:
//! - cold: building the checker (word lists and the en_US dictionary) and the first check;
//! - warm: a full check, spelling included, repeated;
//! - the memory the checker adds (resident set before and after building it).
//!
//! `cargo bench -p pitchbridge-checks --bench check`

use std::time::Instant;

use pitchbridge_checks::source::from_markdown;
use pitchbridge_checks::{glossary_csv, CheckInput, Checker, GlossaryEntry, RuleSettings};
use pitchbridge_core::collateral::parse_collateral_type;

const ROUNDS: usize = 200;

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The corpus pitches, one after another, until the text reaches 5,000 words.
pub fn five_thousand_words() -> String {
    let dir = &format!("{}/../../tests/check-corpus", std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "md")).collect();
    files.sort();
    let texts: Vec<String> = files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let mut out = String::new();
    let mut words = 0;
    'fill: loop {
        for t in &texts {
            for para in t.split("\n\n") {
                out.push_str(para);
                out.push_str("\n\n");
                // Words as the checks see them: Markdown markup and link addresses left out.
                words += from_markdown(para).blocks.iter().map(|b| b.text.split_whitespace().count()).sum::<usize>();
                if words >= 5_000 {
                    break 'fill;
                }
            }
        }
    }
    out
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let text = five_thousand_words();
    // The same text for the command-line comparison (bench/check-cli.sh).
    if let Some(path) = std::env::var_os("PB_WRITE_TEXT") {
        std::fs::write(path, &text).unwrap();
        return;
    }
    let source = from_markdown(&text);
    let glossary: Vec<GlossaryEntry> = glossary_csv::parse(include_bytes!("../../../tests/check-corpus/glossary.csv"))
        .unwrap()
        .entries
        .into_iter()
        .map(|g| GlossaryEntry { term: g.term, customer_phrasing: g.customer_phrasing, rule: g.rule })
        .collect();
    let ct = parse_collateral_type(include_str!("../../../assets/collateral-types/one-pager.toml")).unwrap();
    let input = CheckInput { blocks: source.blocks.clone(), collateral: Some(&ct), glossary: &glossary, product_names: vec!["Ledgerline".into()], ..CheckInput::default() };
    let settings = RuleSettings::default();

    let rss_before = rss_kib();
    let t = Instant::now();
    let checker = Checker::new();
    let build = t.elapsed();
    let first = checker.check(&input, &settings);
    let cold = t.elapsed();
    let rss_after = rss_kib();

    let mut times = Vec::with_capacity(ROUNDS);
    let mut n = 0;
    for _ in 0..ROUNDS {
        let t = Instant::now();
        n += checker.check(&input, &settings).len();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let words: usize = source.blocks.iter().map(|b| b.text.split_whitespace().count()).sum();
    println!("check: {words} words, {} blocks, {} findings", source.blocks.len(), first.len());
    println!("cold: checker built in {:.1} ms, ready with the first check in {:.1} ms", build.as_secs_f64() * 1000.0, cold.as_secs_f64() * 1000.0);
    println!("memory: the checker adds {:.1} MB resident", (rss_after.saturating_sub(rss_before)) as f64 / 1024.0);
    println!(
        "warm full check (spelling included), {ROUNDS} rounds: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        pct(&times, 0.5),
        pct(&times, 0.95),
        times[times.len() - 1]
    );
    assert_eq!(n, first.len() * ROUNDS, "the same text gives the same findings every time");
    // What the command line does on top: a correction for every misspelling.
    let with_fixes = CheckInput { suggest_spellings: true, ..input };
    let t = Instant::now();
    let f = checker.check(&with_fixes, &settings);
    let fixes = f.iter().filter(|f| f.rule == pitchbridge_checks::Rule::Spelling && f.suggestion.is_some()).count();
    println!("with spelling corrections (as the command line runs it): {:.2} ms, {fixes} corrections", t.elapsed().as_secs_f64() * 1000.0);
    // The app also parses the full dictionary in the background, for ranked corrections.
    let t = Instant::now();
    checker.speller().prepare_suggestions();
    println!(
        "ranked corrections ready (as the app does after start-up) in {:.1} ms; checker and dictionary add {:.1} MB resident in all",
        t.elapsed().as_secs_f64() * 1000.0,
        (rss_kib().saturating_sub(rss_before)) as f64 / 1024.0
    );
}
