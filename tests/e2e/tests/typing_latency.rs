//! Benchmark (ignored in the test suite; run by `bench/typing-latency.sh`): keypress to next
//! paint with a 5,000-word pitch open, measured inside the app with the performance API.
//!
//! WebDriver sets the pitch up and reads the figures; the keys are real X key presses (xdotool),
//! 60 ms apart. A capture-phase keydown listener notes each event's time stamp; the next
//! animation frame is the frame that shows the key, and a task queued from that frame runs once
//! it has been painted. The difference is the latency. The same keys typed into a bare
//! contenteditable holding the same text, in the same window, give the platform's own floor.

use std::process::Command;
use std::time::Duration;

use pitchbridge_e2e::*;
use serde_json::json;

const WORDS_PER_PARAGRAPH: usize = 20;
const PARAGRAPHS: usize = 250;
const ROUNDS: usize = 4;
const TEXT: &str = "the quick brown fox jumps over the lazy dog the quick brown fox jumps over the lazy dog the quick brown fox jumps over ";

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
             let workspace = '';
             invoke('startup_snapshot').then(s => { workspace = s.status.workspace.path; return invoke('get_pitch_editor', { id: 1 }); }).then(view => {
               const sections = view.collateralType.sections.map(s => s.id);
               const blocks = [];
               for (let p = 0; p < paragraphs; p++) {
                 const text = Array.from({ length: words }, (_, w) => vocab[(p * 7 + w * 5) % vocab.length]).join(' ') + '.';
                 blocks.push({ key: 'bench' + p, section: sections[p % sections.length], kind: p % 5 === 4 ? 'bullet' : 'paragraph', level: 0, runs: [{ text }] });
               }
               return invoke('save_pitch_doc', { req: { pitchId: 1, workspace, blocks } });
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

    // Real key presses through the X server (xdotool), as a person's keyboard would send
    // them; WebDriver's own key injection adds tens of milliseconds of its own per key. A
    // capture-phase listener times each key to the frame after it was painted.
    c.execute(
        "window.__latency = [];
         document.addEventListener('keydown', e => {
           const t0 = e.timeStamp;
           requestAnimationFrame(() => setTimeout(() => window.__latency.push([t0, performance.now() - t0]), 0));
         }, true);
         // The baseline: the same 5,000 words in a bare contenteditable of the same size, on top.
         const vocab = ['invoice','approval','ledger','supplier','close','month','faster','team','cash','audit','routing','exception'];
         const pane = document.querySelector('.editor-scroll').getBoundingClientRect();
         const bare = document.createElement('div');
         bare.id = 'bare'; bare.contentEditable = 'true';
         Object.assign(bare.style, { position: 'fixed', left: pane.left + 'px', top: pane.top + 'px', width: pane.width + 'px',
           height: pane.height + 'px', overflow: 'auto', zIndex: 99, background: 'white', whiteSpace: 'pre-wrap',
           fontSize: '16px', lineHeight: '1.6', padding: '16px 32px', display: 'none' });
         for (let p = 0; p < 250; p++) {
           const e = document.createElement('p');
           e.textContent = Array.from({ length: 20 }, (_, w) => vocab[(p * 7 + w * 5) % vocab.length]).join(' ') + '.';
           bare.append(e);
         }
         document.body.append(bare);",
        vec![],
    )
    .await
    .unwrap();
    let window = String::from_utf8(Command::new("xdotool").args(["search", "--name", "Pitchbridge"]).output().unwrap().stdout).unwrap();
    let window = window.split_whitespace().last().expect("the app's X window").to_string();
    assert!(Command::new("xdotool").args(["windowfocus", "--sync", &window]).status().unwrap().success());

    let mut editor_ms: Vec<f64> = Vec::new();
    let mut bare_ms: Vec<f64> = Vec::new();
    let mut near_save: Vec<f64> = Vec::new();
    for round in 0..ROUNDS * 2 {
        let bare = round % 2 == 1;
        // Caret at the end of the middle paragraph of whichever is measured.
        c.execute(
            "const bare = document.getElementById('bare');
             bare.style.display = arguments[0] ? 'block' : 'none';
             const root = arguments[0] ? bare : document.querySelector('[data-testid=pitch-editor]');
             const blocks = root.querySelectorAll(arguments[0] ? 'p' : '[data-key]');
             const mid = blocks[Math.floor(blocks.length / 2)];
             root.focus();
             const r = document.createRange(); r.selectNodeContents(mid); r.collapse(false);
             const s = getSelection(); s.removeAllRanges(); s.addRange(r);
             mid.scrollIntoView({ block: 'center' });
             window.__latency = [];",
            vec![json!(bare)],
        )
        .await
        .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let typed = Command::new("xdotool").args(["type", "--delay", "60", TEXT]).status().unwrap();
        assert!(typed.success());
        tokio::time::sleep(Duration::from_millis(500)).await;
        // Each key's latency, and whether an autosave was on its way while it was handled.
        let samples = c
            .execute(
                "const saves = performance.getEntriesByName('pb-save-roundtrip').map(m => [m.startTime, m.startTime + m.duration]);
                 return window.__latency.map(([t0, ms]) => [ms, saves.some(([a, b]) => t0 >= a - 20 && t0 <= b + 20)]);",
                vec![],
            )
            .await
            .unwrap();
        let pairs: Vec<(f64, bool)> = samples
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|v| Some((v.get(0)?.as_f64()?, v.get(1)?.as_bool()?)))
            .collect();
        if !bare {
            near_save.extend(pairs.iter().filter(|p| p.1).map(|p| p.0));
        }
        let ms: Vec<f64> = pairs.iter().map(|p| p.0).collect();
        assert!(ms.len() >= TEXT.len() * 9 / 10, "only {} of {} keys were measured", ms.len(), TEXT.len());
        if bare { bare_ms.extend(ms) } else { editor_ms.extend(ms) }
    }
    // The text typed into the editor was really taken in.
    let words = c
        .execute("return document.querySelector('[data-testid=pitch-editor]').textContent.split('quick brown fox').length - 1", vec![])
        .await
        .unwrap();
    assert!(words.as_i64().unwrap() >= (ROUNDS * 3) as i64, "typed text missing: {words}");
    report_ms("typing latency, 5,000-word pitch", editor_ms);
    report_ms("baseline, bare contenteditable", bare_ms);
    if !near_save.is_empty() {
        report_ms("  editor keys while an autosave was on its way", near_save);
    }

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
