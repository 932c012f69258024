//! Re-aligning a 500-claim Factory message against its previous version and propagating the
//! stale flags to the 100 pitches that link to it: `add_message_version`, which applies the
//! version (claims keep their ids, reworded and removed ones are marked) and then counts the
//! stale links per pitch.
//!
//! `cargo bench -p pitchbridge-store --bench realign`

use std::time::{Duration, Instant};

use pitchbridge_core::collateral::parse_collateral_type;
use pitchbridge_core::doc::{DocBlock, Run};
use pitchbridge_core::*;
use pitchbridge_bench_support::Rng;
use pitchbridge_store::Workspace;

const CLAIMS: usize = 500;
const PITCHES: usize = 100;
const LINKS_PER_PITCH: usize = 12;
const ROUNDS: usize = 30;
const NOW: &str = "2027-01-15T10:00:00Z";

const WORDS: &[&str] = &[
    "invoice", "approval", "ledger", "vendor", "payment", "match", "close", "accrual", "audit", "supplier",
    "discount", "cash", "forecast", "workflow", "exception", "routing", "capture", "reconcile", "policy",
    "budget", "treasury", "controller", "receipt", "purchase", "order", "contract", "renewal", "margin",
];

/// A word: a third from the domain list, the rest from a long-tailed made-up vocabulary of
/// about 20,000 words, as in real text.
fn word(rng: &mut Rng) -> String {
    if rng.next() % 3 == 0 {
        return WORDS[(rng.next() as usize) % WORDS.len()].to_string();
    }
    rng.made_up_word(2)
}

fn sentence(rng: &mut Rng, i: usize) -> String {
    let n = 12 + (rng.next() % 10) as usize;
    let words: Vec<String> = (0..n).map(|_| word(rng)).collect();
    format!("Claim {i} says {}.", words.join(" "))
}

/// Version text: each claim a bullet. `variant` rewords every tenth claim (changing two
/// words), drops every fiftieth and adds a new one every fiftieth, differently per variant.
fn version(base: &[String], variant: usize) -> String {
    let mut out = String::new();
    for (i, c) in base.iter().enumerate() {
        if variant > 0 && (i + variant) % 50 == 0 {
            continue;
        }
        let text = if variant > 0 && (i + variant) % 10 == 0 {
            c.replacen("says", &format!("now says (v{variant})"), 1)
        } else {
            c.clone()
        };
        out.push_str("- ");
        out.push_str(&text);
        out.push('\n');
        if variant > 0 && (i + variant) % 50 == 25 {
            out.push_str(&format!("- A new claim {i} added in variant {variant} about supplier payments.\n"));
        }
    }
    out
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(&dir.path().join("realign.pitchbridge"), true).unwrap();
    let ct = parse_collateral_type(include_str!("../../../assets/collateral-types/one-pager.toml")).unwrap();
    ws.upsert_collateral_type(&ct).unwrap();
    let mut rng = Rng::new(42);
    let base: Vec<String> = (0..CLAIMS).map(|i| sentence(&mut rng, i)).collect();
    let launch = ws.create_launch(&LaunchInput { name: "Bench".into(), ..Default::default() }, NOW).unwrap();
    let audience = ws
        .create_audience(&AudienceInput { channel: "VAR".into(), persona: "CFO".into(), ..Default::default() }, NOW)
        .unwrap();
    let message = ws.create_message(launch.id, "Factory", &version(&base, 0), None, NOW).unwrap();
    assert_eq!(message.claims.len(), CLAIMS);
    let claim_ids: Vec<Id> = message.claims.iter().map(|c| c.id).collect();
    ws.in_transaction(|ws| {
        for p in 0..PITCHES {
            let pitch = ws.create_pitch(launch.id, audience.id, "one-pager", &format!("Pitch {p}"), NOW)?;
            let id = pitch.summary.pitch.id;
            let blocks: Vec<DocBlock> = (0..LINKS_PER_PITCH)
                .map(|b| DocBlock {
                    key: format!("p{b}"),
                    section: "benefits".into(),
                    kind: BlockKind::Bullet,
                    level: 0,
                    runs: vec![Run::plain(format!("Paragraph {b} of pitch {p}."))],
                })
                .collect();
            ws.save_pitch_doc(id, &blocks, NOW)?;
            for b in 0..LINKS_PER_PITCH {
                let claim = claim_ids[(rng.next() as usize) % claim_ids.len()];
                ws.link_claims(id, &format!("p{b}"), &[claim], NOW)?;
            }
        }
        Ok(())
    })
    .unwrap();

    let mut samples: Vec<Duration> = Vec::with_capacity(ROUNDS);
    let mut last = None;
    for round in 0..ROUNDS {
        // Alternate between variants so that each round re-aligns a real change.
        let text = version(&base, 1 + round % 7);
        let t = Instant::now();
        let report = ws.add_message_version(message.message.id, &text, NOW).unwrap();
        samples.push(t.elapsed());
        last = Some(report);
    }
    let report = last.unwrap();
    samples.sort();
    let pct = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize].as_secs_f64() * 1000.0;
    println!(
        "realign {CLAIMS} claims + stale flags over {PITCHES} pitches: n={ROUNDS} p50={:.2} ms p95={:.2} ms max={:.2} ms",
        pct(0.5),
        pct(0.95),
        pct(1.0)
    );
    println!(
        "last round: {} unchanged, {} reworded, {} added, {} removed; {} pitches with stale links",
        report.unchanged.len(),
        report.reworded.len(),
        report.added.len(),
        report.removed.len(),
        report.stale_pitches.len()
    );
}
