//! The memory at scale: 100,000 stored pairs, suggestions for 500 claims reworded from stored
//! ones and for claims that match nothing, a 5,000-word paragraph and a Chinese claim; and
//! replacing one approved pitch's pairs (what an approval adds). Prints p50, p95 and max.
//! Targets: suggestions p95 ≤ 30 ms; a pitch's pairs ≤ 5 ms.
//!
//! `cargo bench -p pitchbridge-app --bench memory`

use std::time::Instant;

use pitchbridge_app::memory::SuggestRequest;
use pitchbridge_bench_support::Rng;
use pitchbridge_core::clock::FixedClock;
use pitchbridge_memory::text::terms;
use pitchbridge_store::NewPair;

const PAIRS: usize = 100_000;

fn percentiles(name: &str, mut ms: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    let p = |q: f64| ms[((ms.len() as f64 - 1.0) * q).round() as usize];
    println!("{name}: n={} p50={:.2} ms p95={:.2} ms max={:.2} ms", ms.len(), p(0.5), p(0.95), p(1.0));
}

fn claim(rng: &mut Rng) -> String {
    let n = 10 + rng.below(14) as usize;
    let mut words: Vec<String> = (0..n).map(|_| rng.made_up_word(3)).collect();
    words[rng.below(n as u64) as usize] = format!("{}", 2 + rng.below(400));
    let mut s = words.join(" ");
    s.push('.');
    s
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("memory.pitchbridge");
    let mut app = pitchbridge_app::App::new(Box::new(FixedClock("2027-01-15T10:00:00Z".into())));
    app.open_or_create(&path, true).unwrap();
    let mut rng = Rng::new(7);
    let sources: Vec<String> = (0..PAIRS).map(|_| claim(&mut rng)).collect();
    let t = Instant::now();
    {
        let ws = app.workspace_mut().unwrap();
        for chunk in sources.chunks(10_000) {
            let pairs: Vec<NewPair> = chunk
                .iter()
                .map(|s| NewPair { terms: terms(s).join(" "), source: s.clone(), target: format!("Approved: {s}"), approved_by: "Bench".into(), approved_on: "2027-01-01".into(), ..Default::default() })
                .collect();
            ws.add_tmx_pairs("bench.tmx", &pairs, "2027-01-15T10:00:00Z").unwrap();
        }
    }
    println!("{PAIRS} pairs stored in {:.1} s", t.elapsed().as_secs_f64());

    let ask = |text: String| SuggestRequest { text, claim_ids: vec![], audience_id: None, exclude_pitch_id: None };
    let (mut times, mut first) = (Vec::new(), 0);
    for i in 0..500 {
        let original = &sources[(i * 197) % PAIRS];
        let mut words: Vec<String> = original.split(' ').map(str::to_string).collect();
        let k = rng.below(words.len() as u64) as usize;
        words[k] = rng.made_up_word(3);
        let q = words.join(" ");
        let t = Instant::now();
        let found = app.suggest_from_memory(&ask(q)).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        if found.first().is_some_and(|s| &s.source == original) {
            first += 1;
        }
    }
    percentiles("suggest, a stored claim with one word changed", times);
    println!("  the stored claim ranked first in {first} of 500");
    let times: Vec<f64> = (0..200)
        .map(|_| {
            let q = claim(&mut rng);
            let t = Instant::now();
            app.suggest_from_memory(&ask(q)).unwrap();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    percentiles("suggest, a new claim", times);
    // As the editor asks: with the check that the memory still matches the pitches.
    app.suggest(&ask(sources[0].clone())).unwrap();
    let times: Vec<f64> = (0..200)
        .map(|i| {
            let q = sources[(i * 331) % PAIRS].replace('.', "!");
            let t = Instant::now();
            app.suggest(&ask(q)).unwrap();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    percentiles("suggest with the freshness check", times);
    let long = sources[..600].join(" ");
    let t = Instant::now();
    app.suggest_from_memory(&ask(long.clone())).unwrap();
    println!("suggest, a {}-word paragraph: {:.2} ms", long.split(' ').count(), t.elapsed().as_secs_f64() * 1000.0);
    let t = Instant::now();
    app.suggest_from_memory(&ask("月末决算时间缩短百分之三十，发票自动录入".into())).unwrap();
    println!("suggest, a Chinese claim: {:.2} ms", t.elapsed().as_secs_f64() * 1000.0);

    // What an approval adds: one pitch's twelve linked paragraphs, replacing what it had.
    let pitch: i64 = rusqlite::Connection::open(&path).unwrap().query_row("SELECT min(id) FROM pitch", [], |r| r.get(0)).unwrap();
    let times: Vec<f64> = (0..50)
        .map(|round| {
            let pairs: Vec<NewPair> = (0..12)
                .map(|b| {
                    let s = claim(&mut rng);
                    NewPair { block_key: format!("b{b}"), terms: terms(&s).join(" "), target: format!("Said {round}: {s}"), source: s, claim_ids: vec![b], ..Default::default() }
                })
                .collect();
            let t = Instant::now();
            app.workspace_mut().unwrap().replace_pitch_pairs(pitch, "fp", &pairs).unwrap();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    percentiles("a pitch's 12 pairs replaced", times);
}
