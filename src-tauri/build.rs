//! The command surface is read from `src/commands/*.rs` (pitchbridge-surface): the app
//! manifest's command list (so each command needs its permission) and the handler list come
//! from there, and the committed capability must match it.

use std::path::Path;

use pitchbridge_surface::{Surface, CAPABILITY_PATH, REFRESH};

fn main() {
    println!("cargo:rerun-if-changed=src/commands");
    println!("cargo:rerun-if-changed=src/events.rs");
    let surface = Surface::read(Path::new("src")).unwrap_or_else(|e| panic!("the command surface cannot be read: {e}"));

    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("handler.rs"), surface.handler_rs()).expect("OUT_DIR is writable");

    let capability = Path::new("..").join(CAPABILITY_PATH);
    println!("cargo:rerun-if-changed={}", capability.display());
    let committed = std::fs::read_to_string(&capability).unwrap_or_default();
    if committed != surface.capability_json() {
        panic!("{CAPABILITY_PATH} does not match the commands in src/commands; run `{REFRESH}`");
    }

    // tauri-build wants a list that lives as long as the build script.
    let names: &'static [&'static str] =
        Box::leak(surface.command_names().into_iter().map(|n| &*Box::leak(n.into_boxed_str())).collect::<Vec<_>>().into_boxed_slice());
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(names)))
        .expect("tauri-build failed");
}
