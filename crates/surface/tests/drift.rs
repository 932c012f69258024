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
            if let Some(callee) = called_by_name(&text, &c.name) {
                panic!("{} calls `{}` by name through `{callee}`; use the generated function", f.display(), c.name);
            }
        }
        for e in &s.events {
            assert!(!text.contains(&format!("\"{}\"", e.name)), "{} names the event `{}`; use the generated listener", f.display(), e.name);
        }
    }
}

/// The function a quoted command name is passed to as the first argument, when that
/// function reaches the shell (`invoke`, `call`, with or without a type argument).
/// A test asserting `expect(kind).toBe("decide")` names a command without calling it.
fn called_by_name(text: &str, name: &str) -> Option<String> {
    for quote in ['"', '\'', '`'] {
        let needle = format!("({quote}{name}{quote}");
        let mut from = 0;
        while let Some(at) = text[from..].find(&needle) {
            let at = from + at;
            from = at + needle.len();
            let mut before = text[..at].trim_end();
            if before.ends_with('>') {
                // skip a type argument: call<ReviewState>("decide", …)
                if let Some(open) = before.rfind('<') {
                    before = &before[..open];
                }
            }
            let callee: String = before.chars().rev().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$').collect::<Vec<_>>().into_iter().rev().collect();
            if ["invoke", "call"].contains(&callee.as_str()) {
                return Some(callee);
            }
        }
    }
    None
}

#[test]
fn a_hand_written_invoke_is_caught_and_a_test_assertion_is_not() {
    assert_eq!(called_by_name(r#"await invoke("decide", { req })"#, "decide").as_deref(), Some("invoke"));
    assert_eq!(called_by_name(r#"return call<ReviewState>("decide", { req });"#, "decide").as_deref(), Some("call"));
    assert_eq!(called_by_name(r#"invoke<string>('decide')"#, "decide").as_deref(), Some("invoke"));
    assert_eq!(called_by_name(r#"expect(ui.dialog?.kind).toBe("decide");"#, "decide"), None);
    assert_eq!(called_by_name(r#"invoke("decided")"#, "decide"), None);
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
