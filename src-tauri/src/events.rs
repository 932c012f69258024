//! The events the shell sends the UI, each with its name and payload type in one place. The
//! UI's typed listeners (`ui/src/lib/commands.ts`) are generated from these impls.

use pitchbridge_app::error::ApiError;
use pitchbridge_app::opened_files::OpenedFile;
use pitchbridge_app::results::ImportProgress;
use pitchbridge_app::workspace::WorkspaceInfo;
use serde::Serialize;
use tauri::{AppHandle, Emitter};

pub trait ShellEvent {
    const NAME: &'static str;
    type Payload: Serialize + Clone;
}

/// Another workspace is open (from the menu, a dialog, or a second start handing over).
pub struct WorkspaceChanged;
impl ShellEvent for WorkspaceChanged {
    const NAME: &'static str = "workspace-changed";
    type Payload = WorkspaceInfo;
}

/// A workspace could not be opened from the menu or a second start.
pub struct WorkspaceError;
impl ShellEvent for WorkspaceError {
    const NAME: &'static str = "workspace-error";
    type Payload = ApiError;
}

/// A second start asked to import a file (`--import FILE`).
pub struct ImportRequested;
impl ShellEvent for ImportRequested {
    const NAME: &'static str = "import-requested";
    type Payload = String;
}

/// A review package, decision or reviewer card was opened from the desktop while we run.
pub struct FileOpenRequested;
impl ShellEvent for FileOpenRequested {
    const NAME: &'static str = "file-open-requested";
    type Payload = OpenedFile;
}

/// Help → Keyboard Shortcuts (F1).
pub struct ShowShortcuts;
impl ShellEvent for ShowShortcuts {
    const NAME: &'static str = "show-shortcuts";
    type Payload = ();
}

/// A deals import has read further.
pub struct DealsImportProgress;
impl ShellEvent for DealsImportProgress {
    const NAME: &'static str = "deals-import-progress";
    type Payload = ImportProgress;
}

/// Sends `E` to the UI. A window that is gone has nobody to tell, so a failure is ignored.
pub fn emit<E: ShellEvent>(handle: &AppHandle, payload: E::Payload) {
    let _ = handle.emit(E::NAME, payload);
}
