//! The TypeScript bindings the UI compiles against must match the Rust types.

use std::path::PathBuf;

#[test]
fn committed_typescript_bindings_are_up_to_date() {
    let path = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../ui/src/lib/bindings.ts");
    let generated = pitchbridge_app::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/bindings.ts is stale; run UPDATE_BINDINGS=1 cargo test -p pitchbridge-app --test bindings"
    );
}
