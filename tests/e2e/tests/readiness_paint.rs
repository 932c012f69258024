//! Benchmark (ignored in the test suite; run by `bench/readiness-paint.sh`): opening a launch's
//! readiness screen on the large generated workspace (1,000 launches, 20,000 pitches), from the
//! click to the frame that shows it painted, measured inside the app with the performance API.
//!
//! The app opens the workspace as a person would, on a day its readiness readings are already
//! kept; the screen is opened for several launches, each from its launch screen.

use pitchbridge_e2e::*;

const LAUNCHES: [usize; 8] = [1, 120, 250, 400, 550, 700, 850, 999];

#[tokio::test]
#[ignore = "benchmark: run bench/readiness-paint.sh"]
async fn opening_the_readiness_screen_on_a_large_workspace() {
    let file = std::env::var("PB_BENCH_FILE").expect("PB_BENCH_FILE names the large workspace");
    let sandbox = Sandbox::new();
    let driver = Driver::start(&sandbox);
    let c = driver.launch(&workspace_args(std::path::Path::new(&file))).await;
    assert_eq!(wait_ready(&c).await, "true");

    // The day's readings are kept already (bench/readiness-paint.sh marks them), as on any
    // day after the first opening: nothing runs in the background.
    let due = c
        .execute_async("const done = arguments[0]; window.__TAURI_INTERNALS__.invoke('readings_due').then(d => done(d.length), e => done(-1));", vec![])
        .await
        .unwrap();
    println!("readings still due when measuring: {due}");

    // First opening of each launch: the checks run on every pitch. Then again: the open errors
    // counted then are kept with a fingerprint of what was checked, as they are once the
    // morning's background readings have run.
    for pass in ["first opening (checks run)", "opened again (open errors kept)"] {
        let mut painted = Vec::new();
        for n in LAUNCHES {
            painted.push(open_readiness(&c, n).await);
        }
        report_ms(&format!("readiness screen, click to painted, {pass}"), painted);
    }
    c.close().await.unwrap();
}

/// Opens launch `n`'s readiness screen from its launch screen: milliseconds from the click to
/// the frame after the verdict first shows (that frame has been painted).
async fn open_readiness(c: &Client, n: usize) -> f64 {
    find_text(c, "[data-testid=launch-item]", &format!("Launch {n:04}")).await.click().await.unwrap();
    find(c, "[data-testid=open-readiness]").await;
    let ms = c
        .execute_async(
            "const done = arguments[0];
             const t0 = performance.now();
             document.querySelector('[data-testid=open-readiness]').click();
             const poll = () => {
               if (document.querySelector('[data-testid=readiness-verdict]')) {
                 requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
               } else {
                 setTimeout(poll, 1);
               }
             };
             poll();",
            vec![],
        )
        .await
        .unwrap();
    ms.as_f64().unwrap()
}
