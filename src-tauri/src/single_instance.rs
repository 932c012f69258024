//! One running Pitchbridge per user. A second start hands its workspace argument to the first
//! over a Unix socket and exits; the first brings its window to the front (and opens that
//! workspace if it is a different one). A socket, not D-Bus, so it works wherever the app runs.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use pitchbridge_app::workspace::OpenWorkspaceRequest;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};

use crate::events::{self, FileOpenRequested, ImportRequested};
use crate::state::Shared;
use crate::window;

#[derive(Serialize, Deserialize)]
struct Handover {
    workspace: Option<String>,
    /// `--import FILE` given to the later start.
    #[serde(default)]
    import: Option<String>,
    /// A review package, decision or reviewer card double-clicked while we run.
    #[serde(default)]
    opened: Option<String>,
}

pub enum Claim {
    /// We are the first instance: serve later starts on this listener.
    Primary(UnixListener),
    /// Another instance took our arguments; this process should exit.
    HandedOver,
    /// No socket could be made (e.g. an unwritable runtime dir): run on without the guard.
    Unavailable(String),
}

/// Where the socket lives: per user, in the runtime directory when there is one.
pub fn socket_path() -> PathBuf {
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(|| std::env::temp_dir().join(format!("pitchbridge-{}", user_id())));
    base.join("pitchbridge").join("instance.sock")
}

fn user_id() -> String {
    std::env::var("USER").unwrap_or_else(|_| "user".into())
}

pub fn claim(workspace: Option<&Path>, import: Option<&Path>, opened: Option<&Path>) -> Claim {
    let path = socket_path();
    if let Some(dir) = path.parent() {
        if let Err(e) = std::fs::create_dir_all(dir) {
            return Claim::Unavailable(e.to_string());
        }
    }
    if let Ok(mut stream) = UnixStream::connect(&path) {
        let msg = Handover {
            workspace: workspace.map(|p| p.display().to_string()),
            import: import.map(|p| p.display().to_string()),
            opened: opened.map(|p| p.display().to_string()),
        };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let sent = serde_json::to_string(&msg)
            .map(|line| writeln!(stream, "{line}"))
            .is_ok();
        let mut reply = String::new();
        if sent && BufReader::new(&stream).read_line(&mut reply).is_ok() && reply.trim() == "ok" {
            return Claim::HandedOver;
        }
    }
    // Nobody answered: whatever is there is left over from a crash.
    let _ = std::fs::remove_file(&path);
    match UnixListener::bind(&path) {
        Ok(l) => Claim::Primary(l),
        Err(e) => Claim::Unavailable(e.to_string()),
    }
}

/// Answers later starts for as long as the app runs.
pub fn serve(listener: UnixListener, handle: AppHandle) {
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut line = String::new();
            let mut reader = BufReader::new(&stream);
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            let msg: Handover = serde_json::from_str(line.trim()).unwrap_or(Handover { workspace: None, import: None, opened: None });
            let _ = (&stream).write_all(b"ok\n");
            let handle = handle.clone();
            tauri::async_runtime::spawn(async move {
                window::focus(&handle);
                if let Some(file) = msg.import {
                    events::emit::<ImportRequested>(&handle, file);
                }
                if let Some(file) = msg.opened.as_deref().and_then(|p| pitchbridge_app::opened_files::opened_file(Path::new(p))) {
                    events::emit::<FileOpenRequested>(&handle, file);
                }
                let Some(path) = msg.workspace else { return };
                let shared = handle.state::<Shared>().inner().clone();
                let already_open = shared
                    .run(|a| Ok(a.status().workspace.map(|w| w.path)))
                    .await
                    .ok()
                    .flatten();
                if already_open.as_deref() == Some(path.as_str()) {
                    return;
                }
                let req = OpenWorkspaceRequest { path, create: false };
                if let Err(e) = shared.open_and_show(&handle, req).await {
                    window::show_error(&handle, &e);
                }
            });
        }
    });
}

pub fn release() {
    let _ = std::fs::remove_file(socket_path());
}
