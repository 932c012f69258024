//! Benchmark (ignored in the test suite; run by `bench/typing-latency.sh`): keypress to next
//! paint with a 5,000-word pitch open, measured inside the app with the performance API.
//!
//! Each key is sent through WebDriver on its own. A capture-phase keydown listener notes the
//! event's time stamp; the next animation frame is the frame that shows the key, and a task
//! queued from that frame runs once it has been painted. The difference is the latency.

use std::time::Duration;

use pitchbridge_e2e::*;
use serde_json::json;

const WORDS_PER_PARAGRAPH: usize = 20;
const PARAGRAPHS: usize = 250;
const KEYS: usize = 300;

#[tokio::test]
#[ignore = "benchmark: run bench/typing-latency.sh"]
async fn typing_latency_with_a_5000_word_pitch() {
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&[]).await;
    assert_eq!(wait_ready(&c).await, "true");

    // Fill the first demo pitch with 5,000 words through the app's own save command.
    let filled = c
        .execute_async(
            "const [paragraphs, words, done] = arguments;
             const invoke = window.__TAURI_INTERNALS__.invoke;
             const vocab = ['invoice','approval','ledger','supplier','close','month','faster','team','cash','audit','routing','exception'];
             invoke('get_pitch_editor', { id: 1 }).then(view => {
               const sections = view.collateralType.sections.map(s => s.id);
               const blocks = [];
               for (let p = 0; p < paragraphs; p++) {
                 const text = Array.from({ length: words }, (_, w) => vocab[(p * 7 + w * 5) % vocab.length]).join(' ') + '.';
                 blocks.push({ key: 'bench' + p, section: sections[p % sections.length], kind: p % 5 === 4 ? 'bullet' : 'paragraph', level: 0, runs: [{ text }] });
               }
               return invoke('save_pitch_doc', { req: { pitchId: 1, blocks } });
             }).then(() => done('ok'), e => done('error: ' + JSON.stringify(e)));",
            vec![json!(std::env::var("PB_BENCH_PARAGRAPHS").ok().and_then(|v| v.parse::<usize>().ok()).unwrap_or(PARAGRAPHS)), json!(WORDS_PER_PARAGRAPH)],
        )
        .await
        .unwrap();
    assert_eq!(filled, json!("ok"));

    find_text(&c, "[data-testid=pitch-item]", "Month-end without another integration").await.click().await.unwrap();
    find(&c, "[data-testid=pitch-editor] [data-key]").await;
    let words = c
        .execute("return document.querySelector('[data-testid=pitch-words]').textContent", vec![])
        .await
        .unwrap();
    eprintln!("pitch open: {}", words.as_str().unwrap_or("").trim());

    // Caret in the middle of the document; start measuring.
    c.execute(
        "const ed = document.querySelector('[data-testid=pitch-editor]');
         const blocks = ed.querySelectorAll('[data-key]');
         const mid = blocks[Math.floor(blocks.length / 2)];
         ed.focus();
         if (arguments[0]) ed.setAttribute('spellcheck', 'false');
         const r = document.createRange(); r.selectNodeContents(mid); r.collapse(false);
         const s = getSelection(); s.removeAllRanges(); s.addRange(r);
         window.__latency = [];
         ed.addEventListener('keydown', e => {
           const t0 = e.timeStamp;
           requestAnimationFrame(() => setTimeout(() => window.__latency.push(performance.now() - t0), 0));
         }, true);",
        vec![json!(std::env::var("PB_BENCH_NO_SPELLCHECK").is_ok())],
    )
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;

    let editor = find(&c, "[data-testid=pitch-editor]").await;
    let text = "the quick brown fox jumps over the lazy dog and keeps typing ";
    for ch in text.chars().cycle().take(KEYS) {
        editor.send_keys(&ch.to_string()).await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let samples = c.execute("return window.__latency", vec![]).await.unwrap();
    let mut ms: Vec<f64> = samples.as_array().unwrap().iter().filter_map(|v| v.as_f64()).collect();
    assert!(ms.len() >= KEYS * 9 / 10, "only {} of {KEYS} keys were measured", ms.len());
    ms.sort_by(f64::total_cmp);
    let pct = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "typing latency, 5,000-word pitch: n={} p50={:.1} ms p95={:.1} ms max={:.1} ms",
        ms.len(),
        pct(0.5),
        pct(0.95),
        pct(1.0)
    );
    // Where the time went, from the app's own performance measures.
    let breakdown = c
        .execute(
            "const by = {};
             for (const m of performance.getEntriesByType('measure')) (by[m.name] ??= []).push(m.duration);
             return Object.entries(by).map(([name, d]) => {
               d.sort((a, b) => a - b);
               const p = q => d[Math.round((d.length - 1) * q)].toFixed(1);
               return `${name}: n=${d.length} p50=${p(0.5)} p95=${p(0.95)} max=${p(1)} ms`;
             }).join('\\n');",
            vec![],
        )
        .await
        .unwrap();
    println!("{}", breakdown.as_str().unwrap_or(""));
    c.close().await.unwrap();
}
