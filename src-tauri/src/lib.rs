//! The Pitchbridge desktop shell. It owns the window, the menu, the file dialogs and the
//! single-instance guard; everything else is `pitchbridge_app`.

mod commands;
mod dialogs;
mod events;
mod menu;
mod painting;
#[cfg(unix)]
mod single_instance;
mod startup;
mod state;
mod window;
mod zoom;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use pitchbridge_app::App;
use pitchbridge_core::clock::SystemClock;
use tauri::Manager;

use state::{PendingImport, PendingOpen, Shared};

/// The default workspace, in the OS app-data directory.
const DEFAULT_WORKSPACE: &str = "Workspace.pitchbridge";

/// `--workspace PATH`, `--workspace=PATH`, or a bare path (as a file manager passes it).
fn workspace_argument(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    let mut bare = None;
    while let Some(a) = args.next() {
        if a == "--workspace" {
            return args.next().map(PathBuf::from);
        } else if let Some(p) = a.strip_prefix("--workspace=") {
            return Some(PathBuf::from(p));
        } else if a == "--import" {
            args.next();
        } else if !a.starts_with('-') && bare.is_none() && !is_review_file(Path::new(&a)) {
            bare = Some(PathBuf::from(a));
        }
    }
    bare
}

/// A review package, decision or reviewer card: opened in the workspace, not as one.
fn is_review_file(path: &Path) -> bool {
    use pitchbridge_app::opened_files::{opened_kind, OpenedKind};
    matches!(opened_kind(path), Some(OpenedKind::ReviewPackage | OpenedKind::Decision | OpenedKind::ReviewerCard))
}

/// The first bare argument that is a review package, decision or reviewer card.
fn opened_argument(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        if a == "--workspace" || a == "--import" {
            args.next();
        } else if !a.starts_with('-') && is_review_file(Path::new(&a)) {
            return Some(PathBuf::from(a));
        }
    }
    None
}

/// `--import FILE`: a Word, Markdown or text file to import once the workspace is open (what
/// "Open with Pitchbridge" on such a file does).
fn import_argument(args: impl IntoIterator<Item = String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(a) = args.next() {
        if a == "--import" {
            return args.next().map(PathBuf::from);
        } else if let Some(p) = a.strip_prefix("--import=") {
            return Some(PathBuf::from(p));
        }
    }
    None
}

fn absolute(p: PathBuf) -> PathBuf {
    std::path::absolute(&p).unwrap_or(p)
}

const USAGE: &str = "Usage: pitchbridge-desktop [WORKSPACE.pitchbridge | FILE.pbreview | FILE.pbdecision | FILE.pbreviewer] [--import FILE]

Opens the Pitchbridge desktop app on a workspace (the one from last time, or the demo on the
first start). A review package is opened as a review copy (asked where first), a decision is
shown before it is applied, a reviewer card offers to add the reviewer. --import FILE imports a
Word, Markdown or text file as Factory material once the workspace is open. The command line is `pitchbridge`; `pitchbridge help` lists its commands.

Example: pitchbridge-desktop ~/Documents/team.pitchbridge";

pub fn run() {
    // Answered without a window: package managers and scripts check these.
    if let Some(a) = std::env::args().nth(1) {
        if a == "--version" || a == "-V" {
            println!("pitchbridge-desktop {}", env!("CARGO_PKG_VERSION"));
            return;
        }
        if a == "--help" || a == "-h" {
            println!("{USAGE}");
            return;
        }
    }
    startup::mark_start();
    painting::choose_painter();
    let workspace = workspace_argument(std::env::args().skip(1)).map(absolute);
    let import = import_argument(std::env::args().skip(1)).map(absolute);
    let opened = opened_argument(std::env::args().skip(1)).map(absolute);

    #[cfg(unix)]
    let listener = match single_instance::claim(workspace.as_deref(), import.as_deref(), opened.as_deref()) {
        single_instance::Claim::Primary(l) => Some(l),
        single_instance::Claim::HandedOver => {
            println!("Pitchbridge is already running; its window was brought to the front.");
            return;
        }
        single_instance::Claim::Unavailable(why) => {
            eprintln!("pitchbridge: running without the single-instance guard ({why})");
            None
        }
    };

    let shared = Shared::new(App::new(Box::new(SystemClock)));
    let setup_shared = shared.clone();
    let exit_shared = shared.clone();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(shared)
        .manage(PendingImport(Mutex::new(import.map(|p| p.display().to_string()))))
        .manage(PendingOpen(Mutex::new(opened.as_deref().and_then(pitchbridge_app::opened_files::opened_file))))
        .menu(|h| menu::build(h))
        .on_menu_event(menu::on_event)
        .on_page_load(|_, payload| startup::mark(&format!("page-{:?}", payload.event())))
        .setup(move |app| {
            startup::mark("setup");
            let path = match &workspace {
                Some(p) => p.clone(),
                None => app.path().app_data_dir()?.join(DEFAULT_WORKSPACE),
            };
            let config_dir = app.path().app_config_dir()?;
            setup_shared.with(|a| {
                // The person's profile and signing key live in their own configuration
                // folder, never in a workspace.
                a.set_profile_dir(config_dir);
                // A failure is kept in the app's status; the UI shows it and offers to open
                // or create another workspace.
                let first_start = workspace.is_none() && !path.exists();
                if a.open_or_create(&path, workspace.is_none()).is_ok() && first_start {
                    // The demo taken through review, so every readiness state shows; the demo
                    // is whole without it, so a failure here only leaves that out.
                    if let Err(e) = a.add_demo_reviews() {
                        eprintln!("The demo's review states were not added: {}", e.message);
                    }
                }
            });
            #[cfg(unix)]
            if let Some(l) = listener {
                single_instance::serve(l, app.handle().clone());
            }
            // Once writing stops, the log is folded into the workspace file, so the file alone
            // holds the work when someone copies or mails it.
            let idle_shared = setup_shared.clone();
            std::thread::spawn(move || loop {
                std::thread::sleep(std::time::Duration::from_secs(2));
                let _ = idle_shared.with(|a| a.checkpoint_when_idle());
            });
            zoom::restore(app.handle());
            startup::mark("workspace-open");
            Ok(())
        })
        // Every command in src/commands, listed by the build script (pitchbridge-surface).
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
        .build(tauri::generate_context!())
        .map(|app| {
            app.run(move |_, event| {
                if let tauri::RunEvent::Exit = event {
                    let _ = exit_shared.with(|a| a.checkpoint());
                    #[cfg(unix)]
                    single_instance::release();
                }
            })
        });
    #[cfg(unix)]
    single_instance::release();
    if let Err(e) = result {
        eprintln!("Pitchbridge could not start: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn workspace_argument_forms() {
        assert_eq!(workspace_argument(args(&["--workspace", "a.pitchbridge"])), Some("a.pitchbridge".into()));
        assert_eq!(workspace_argument(args(&["--workspace=b"])), Some("b".into()));
        assert_eq!(workspace_argument(args(&["c.pitchbridge"])), Some("c.pitchbridge".into()));
        assert_eq!(workspace_argument(args(&["--verbose"])), None);
        // The file after --import is not a workspace.
        assert_eq!(workspace_argument(args(&["--import", "brief.docx"])), None);
        assert_eq!(import_argument(args(&["--workspace", "w", "--import", "brief.docx"])), Some("brief.docx".into()));
        assert_eq!(import_argument(args(&["--import=notes.md"])), Some("notes.md".into()));
        assert_eq!(import_argument(args(&["w.pitchbridge"])), None);
    }
}
