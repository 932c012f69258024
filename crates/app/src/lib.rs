//! Pitchbridge use cases: what the desktop shell's commands and the command line call.
//!
//! [`App`] holds the open workspace (or the reason none is open) and exposes one method per
//! user action. Nothing here knows Tauri: the shell's commands are one-line adapters onto these
//! methods, and the tests drive them directly with no window.

pub mod audiences;
pub mod audit;
pub mod bindings;
pub mod brand_kit;
pub mod catalog;
pub mod checks;
pub mod demo;
pub mod error;
pub mod export;
pub mod files;
pub mod glossary;
pub mod import;
pub mod launch_kit;
pub mod launches;
pub mod memory;
pub mod messages;
pub mod opened_files;
pub mod pitch_editor;
pub mod pitches;
pub mod profile;
pub mod readiness;
pub mod readiness_report;
pub mod review;
pub mod review_files;
pub mod results;
pub mod training;
pub mod training_review;
mod training_guide;
pub mod workspace;

use std::path::PathBuf;

use pitchbridge_core::clock::Clock;
use pitchbridge_store::Workspace;

pub use error::{ApiError, ApiResult, ErrorCode};
/// The store's read models, re-exported for the shell.
pub use pitchbridge_store as store;

pub struct App {
    workspace: Option<Workspace>,
    /// Why the last attempt to open a workspace failed, shown until another one opens.
    last_error: Option<ApiError>,
    clock: Box<dyn Clock>,
    checker: checks::SharedChecker,
    /// Where the person's profile and signing key live (their configuration folder); `None`
    /// until the shell or the command line says.
    profile_dir: Option<PathBuf>,
    /// The public key the person proved they hold this session (by their passphrase): what
    /// lets a reviewer edit a pitch in review. Knowing a public key is not enough.
    unlocked_key: Option<String>,
    /// The file the last import preview read, for the import that confirms it.
    previewed_import: Option<import::PreviewedImport>,
    /// The write-ahead log's size at the last idle check: unchanged since means idle.
    wal_size_seen: u64,
}

impl App {
    pub fn new(clock: Box<dyn Clock>) -> App {
        App { workspace: None, last_error: None, clock, checker: Default::default(), profile_dir: None, unlocked_key: None, previewed_import: None, wal_size_seen: 0 }
    }

    fn ws(&self) -> ApiResult<&Workspace> {
        self.workspace
            .as_ref()
            .ok_or_else(|| ApiError::new(ErrorCode::NoWorkspace, "No workspace is open. Open or create one from the File menu."))
    }

    fn ws_mut(&mut self) -> ApiResult<&mut Workspace> {
        self.workspace
            .as_mut()
            .ok_or_else(|| ApiError::new(ErrorCode::NoWorkspace, "No workspace is open. Open or create one from the File menu."))
    }

    /// The open workspace to write to directly: for benchmarks that fill one quickly.
    pub fn workspace_mut(&mut self) -> Option<&mut Workspace> {
        self.workspace.as_mut()
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref()
    }

}
