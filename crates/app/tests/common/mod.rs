//! Helpers the app's test files share: an app on a fixed clock, and a demo workspace.

#![allow(dead_code)]

use pitchbridge_app::App;
use pitchbridge_core::clock::FixedClock;

pub fn app() -> App {
    App::new(Box::new(FixedClock("2027-01-15T10:00:00Z".into())))
}

pub fn demo(dir: &std::path::Path) -> (App, std::path::PathBuf) {
    let path = dir.join("demo.pitchbridge");
    let mut a = app();
    a.open_or_create(&path, true).unwrap();
    (a, path)
}
