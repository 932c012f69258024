//! The smallest Tauri 2 app that shows a page and says when it is on screen, for comparison.

use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();

/// The page has been painted; its first frame started `first_frame_ms_ago`.
#[tauri::command]
fn ready(first_frame_ms_ago: f64) {
    let now = STARTED.get().unwrap().elapsed().as_secs_f64() * 1000.0;
    println!("pitchbridge-mark first-frame {:.1}", now - first_frame_ms_ago.clamp(0.0, now));
    println!("pitchbridge-ready {now:.1}");
}

fn main() {
    STARTED.get_or_init(Instant::now);
    tauri::Builder::default()
        .setup(|_| {
            println!("pitchbridge-mark setup {:.1}", STARTED.get().unwrap().elapsed().as_secs_f64() * 1000.0);
            Ok(())
        })
        .on_page_load(|_, p| {
            let at = STARTED.get().unwrap().elapsed().as_secs_f64() * 1000.0;
            println!("pitchbridge-mark page-{:?} {at:.1}", p.event());
        })
        .invoke_handler(tauri::generate_handler![ready])
        .run(tauri::generate_context!())
        .expect("bare window");
}
