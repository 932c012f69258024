//! A large workspace: 1,000 launches, 20,000 pitches, 200,000 claims. Measures opening it,
//! listing one launch, full-text search (p50/p95) and one autosave-sized write.
//!
//! `cargo bench -p pitchbridge-store --bench large_workspace` (set PB_BENCH_FILE to keep and
//! reuse the generated file between runs).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use pitchbridge_core::collateral::parse_collateral_type;
use pitchbridge_core::*;
use pitchbridge_bench_support::Rng;
use pitchbridge_store::{NewBlock, Workspace};

const LAUNCHES: usize = 1_000;
const PITCHES_PER_LAUNCH: usize = 20;
const CLAIMS_PER_LAUNCH: usize = 200;
const NOW: &str = "2027-01-15T10:00:00Z";

const WORDS: &[&str] = &[
    "invoice", "approval", "ledger", "vendor", "payment", "match", "close", "accrual", "audit",
    "supplier", "discount", "cash", "forecast", "workflow", "exception", "routing", "capture",
    "reconcile", "policy", "budget", "treasury", "controller", "receipt", "purchase", "order",
    "contract", "renewal", "margin", "partner", "reseller", "onboarding", "portal", "compliance",
    "fraud", "duplicate", "variance", "threshold", "dashboard", "report", "integration",
    "connector", "schedule", "batch", "currency", "entity", "subsidiary", "tax", "remittance",
    "statement", "escalation", "team", "month", "quarter", "faster", "fewer", "errors", "hours",
    "days", "clerk", "finance", "director", "customer", "pipeline", "deal", "quota",
];

/// Domain words and sentences from the benchmarks' shared generator.
struct Text(Rng);

impl Text {
    fn next(&mut self) -> u64 {
        self.0.next()
    }

    /// A domain word: low indices much more often, as in real text.
    fn word(&mut self) -> &'static str {
        self.0.pick(WORDS)
    }

    /// Real text: a third domain words, the rest from a long-tailed vocabulary of ~20,000
    /// made-up words.
    fn text_word(&mut self) -> String {
        if self.next() % 3 == 0 {
            return self.word().to_string();
        }
        self.0.made_up_word(3)
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut s: Vec<String> = (0..words).map(|_| self.text_word()).collect();
        s.insert(0, "The".into());
        format!("{} {}.", s.join(" "), self.next() % 10_000)
    }
}

fn generate(path: &PathBuf) {
    let started = Instant::now();
    let mut ws = Workspace::open(path, true).unwrap();
    let ct = parse_collateral_type(include_str!("../../../assets/collateral-types/one-pager.toml")).unwrap();
    ws.upsert_collateral_type(&ct).unwrap();
    let mut rng = Text(Rng::new(42));
    ws.in_transaction(|ws| {
        let audiences: Vec<Id> = (0..20)
            .map(|i| {
                ws.create_audience(
                    &AudienceInput { channel: format!("Channel {i}"), persona: format!("Persona {i}"), ..Default::default() },
                    NOW,
                )
                .map(|a| a.id)
            })
            .collect::<Result<_, _>>()?;
        for l in 0..LAUNCHES {
            let launch = ws.create_launch(&LaunchInput { name: format!("Launch {l:04}"), ..Default::default() }, NOW)?;
            let text: String = (0..CLAIMS_PER_LAUNCH).map(|_| format!("- {}\n", rng.sentence(14))).collect();
            let m = ws.create_message(launch.id, "Factory message", &text, None, NOW)?;
            for p in 0..PITCHES_PER_LAUNCH {
                let blocks: Vec<NewBlock> = ct
                    .sections
                    .iter()
                    .enumerate()
                    .map(|(k, s)| NewBlock {
                        section: s.id.clone(),
                        kind: BlockKind::Paragraph,
                        text: format!("{} {}", rng.sentence(12), rng.sentence(10)),
                        claim_ids: vec![m.claims[(p * 7 + k * 13) % m.claims.len()].id],
                    })
                    .collect();
                ws.create_pitch_with_blocks(launch.id, audiences[p % audiences.len()], &ct.id, &format!("Pitch {p}"), &blocks, NOW)?;
            }
        }
        Ok(())
    })
    .unwrap();
    drop(ws);
    eprintln!("generated {} in {:.1} s", path.display(), started.elapsed().as_secs_f64());
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "{name:<28} n={:<5} p50={:>8.3} ms  p95={:>8.3} ms  max={:>8.3} ms",
        samples.len(),
        percentile(&samples, 0.5),
        percentile(&samples, 0.95),
        percentile(&samples, 1.0)
    );
}

fn main() {
    // `cargo bench` passes --bench; `cargo test` runs benches with no flag: skip the big run then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let keep = std::env::var_os("PB_BENCH_FILE").map(PathBuf::from);
    let dir = tempfile::tempdir().unwrap();
    let path = keep.clone().unwrap_or_else(|| dir.path().join("large.pitchbridge"));
    if !path.exists() {
        generate(&path);
    }
    let size = std::fs::metadata(&path).unwrap().len();
    println!("workspace: {LAUNCHES} launches, {} pitches, {} claims, {:.0} MB", LAUNCHES * PITCHES_PER_LAUNCH, LAUNCHES * CLAIMS_PER_LAUNCH, size as f64 / 1e6);

    let mut opens = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let ws = Workspace::open(&path, false).unwrap();
        opens.push(t.elapsed());
        drop(ws);
    }
    report("open workspace", opens);

    let mut ws = Workspace::open(&path, false).unwrap();
    let mut lists = Vec::new();
    for i in 0..200 {
        let t = Instant::now();
        let d = ws.launch_detail((i * 37 % LAUNCHES) as i64 + 1).unwrap();
        lists.push(t.elapsed());
        assert_eq!(d.pitches.len(), PITCHES_PER_LAUNCH);
    }
    report("list one launch", lists);

    let mut rng = Text(Rng::new(7));
    let mut searches = Vec::new();
    for i in 0..500 {
        // One, two and three-word queries, common and rare words, some as prefixes.
        let q = match i % 3 {
            0 => rng.word().to_string(),
            1 => format!("{} {}", rng.word(), rng.word()),
            _ => format!("{} {} {}", rng.word(), rng.word(), &rng.word()[..3]),
        };
        let t = Instant::now();
        let hits = ws.search(&q, 25).unwrap();
        searches.push(t.elapsed());
        std::hint::black_box(hits);
    }
    report("full-text search (25 hits)", searches);

    // The worst case: only the most common domain words, each in thousands of claims.
    let mut common = Vec::new();
    for i in 0..200 {
        let q = if i % 2 == 0 { WORDS[i % 8].to_string() } else { format!("{} {}", WORDS[i % 8], &WORDS[(i + 3) % 8][..3]) };
        let t = Instant::now();
        std::hint::black_box(ws.search(&q, 25).unwrap());
        common.push(t.elapsed());
    }
    report("search, most common words", common);

    let mut writes = Vec::new();
    for i in 0..500 {
        let block = (i * 101 % 100_000) as i64 + 1;
        let text = format!("Your team closes the month {i} days sooner, with fewer errors.");
        let t = Instant::now();
        ws.update_block_text(block, &text, NOW).unwrap();
        writes.push(t.elapsed());
    }
    report("autosave-sized write", writes);

    // Readiness: each launch targets four audiences with a one-pager each (set here, so a
    // kept file from before targets existed is measured the same way).
    let audiences: Vec<Id> = ws.list_audiences().unwrap().into_iter().take(4).map(|a| a.id).collect();
    if ws.launch_targets(1).unwrap().audiences.is_empty() {
        let t = Instant::now();
        ws.in_transaction(|ws| {
            for l in 1..=LAUNCHES as i64 {
                let targets = pitchbridge_core::readiness::LaunchTargets {
                    launch_id: l,
                    positioning: Default::default(),
                    audiences: audiences.iter().map(|a| pitchbridge_core::readiness::TargetAudience { audience_id: *a, types: vec!["one-pager".into()] }).collect(),
                    target_score: 80,
                };
                ws.set_launch_targets(&targets, NOW)?;
            }
            Ok(())
        })
        .unwrap();
        eprintln!("targets set in {:.1} s", t.elapsed().as_secs_f64());
    }
    let mut one = Vec::new();
    for i in 0..200 {
        let t = Instant::now();
        let facts = ws.readiness_facts((i * 37 % LAUNCHES) as i64 + 1).unwrap();
        let r = pitchbridge_core::readiness::evaluate(&facts, "2027-02-01");
        one.push(t.elapsed());
        assert_eq!(r.audiences.len(), 4);
    }
    report("readiness, one launch", one);
    let mut all = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        for l in 1..=LAUNCHES as i64 {
            std::hint::black_box(pitchbridge_core::readiness::evaluate(&ws.readiness_facts(l).unwrap(), "2027-02-01"));
        }
        all.push(t.elapsed());
    }
    report("readiness, all launches", all);

    drop(ws);
    // Cold: the OS page cache dropped before each open (needs root; skipped otherwise).
    let mut cold = Vec::new();
    for _ in 0..5 {
        let _ = std::process::Command::new("sync").status();
        if std::fs::write("/proc/sys/vm/drop_caches", "3").is_err() {
            break;
        }
        let t = Instant::now();
        let ws = Workspace::open(&path, false).unwrap();
        let first = ws.list_launches().unwrap();
        cold.push(t.elapsed());
        std::hint::black_box(first);
    }
    if !cold.is_empty() {
        report("open + list, cold cache", cold);
    }

}
