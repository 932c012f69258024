//! The committed capability and TypeScript must be what the shell's command modules say, and
//! every command must live in those modules. `UPDATE_BINDINGS=1` rewrites both files.

use std::path::{Path, PathBuf};

use pitchbridge_surface::{Surface, CAPABILITY_PATH, REFRESH, TYPESCRIPT_PATH};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn surface() -> Surface {
    Surface::read(&root().join("src-tauri/src")).unwrap_or_else(|e| panic!("the command surface cannot be read: {e}"))
}

fn check(relative: &str, generated: &str) {
    let path = root().join(relative);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "{relative} is stale; run {REFRESH}");
}

#[test]
fn committed_typescript_commands_are_up_to_date() {
    check(TYPESCRIPT_PATH, &surface().typescript().unwrap());
}

#[test]
fn committed_capability_is_up_to_date() {
    check(CAPABILITY_PATH, &surface().capability_json());
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// A command written anywhere else would be missing from the handler and the permissions.
#[test]
fn every_command_is_in_the_command_modules() {
    let src = root().join("src-tauri/src");
    let mut files = vec![];
    rust_files(&src, &mut files);
    for f in files {
        if f.parent() == Some(&src.join("commands")) {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(!text.contains("#[tauri::command"), "{} defines a command outside src-tauri/src/commands/", f.display());
    }
    let s = surface();
    assert!(s.commands.len() > 50, "only {} commands found", s.commands.len());
    assert!(!s.events.is_empty(), "no events found");
}

/// No hand-written call to a command or an event name outside the generated module.
#[test]
fn the_ui_reaches_the_shell_only_through_the_generated_functions() {
    let s = surface();
    let mut files = vec![];
    collect_ui(&root().join("ui/src"), &mut files);
    for f in files {
        if f.ends_with("lib/commands.ts") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for c in &s.commands {
            for quoted in [format!("\"{}\"", c.name), format!("'{}'", c.name)] {
                for call in [format!("({quoted}"), format!(">({quoted}")] {
                    assert!(!text.contains(&call), "{} calls `{}` by name; use the generated function", f.display(), c.name);
                }
            }
        }
        for e in &s.events {
            assert!(!text.contains(&format!("\"{}\"", e.name)), "{} names the event `{}`; use the generated listener", f.display(), e.name);
        }
    }
}

fn collect_ui(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect_ui(&p, out);
        } else if p.extension().is_some_and(|x| x == "ts" || x == "svelte") {
            out.push(p);
        }
    }
}
