//! The shell's state: the one `App`, run on the blocking pool, and the `--import` file waiting
//! for the UI.

use std::sync::{Arc, Mutex};

use pitchbridge_app::error::{ApiError, ApiResult, ErrorCode};
use pitchbridge_app::workspace::{OpenWorkspaceRequest, WorkspaceInfo};
use pitchbridge_app::App;
use tauri::AppHandle;

/// The app's one piece of shared state.
#[derive(Clone)]
pub struct Shared(pub Arc<Mutex<App>>);

impl Shared {
    pub fn new(app: App) -> Shared {
        Shared(Arc::new(Mutex::new(app)))
    }

    /// Runs `f` with the app on the calling thread (set-up, before the window exists).
    pub fn with<T>(&self, f: impl FnOnce(&mut App) -> T) -> T {
        // A panic in an earlier command must not lock the writer out of their work.
        let mut guard = self.0.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }

    /// Runs `f` with the app on the blocking pool, so SQLite never stalls the UI thread.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut App) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let shared = self.clone();
        tauri::async_runtime::spawn_blocking(move || shared.with(f))
            .await
            .map_err(|e| ApiError::new(ErrorCode::Internal, format!("The operation stopped unexpectedly: {e}")))?
    }

    /// Opens (or creates) a workspace and brings the window in step with it: its title, and a
    /// `workspace-changed` event for the UI. The one way every path opens a workspace.
    pub async fn open_and_show(&self, handle: &AppHandle, req: OpenWorkspaceRequest) -> ApiResult<WorkspaceInfo> {
        let info = self.run(move |a| a.open_workspace(req)).await?;
        crate::window::show_workspace(handle, &info);
        Ok(info)
    }
}

/// A file named on the command line (`--import FILE`), waiting for the UI to import it.
pub struct PendingImport(pub Mutex<Option<String>>);

/// A review package, decision or reviewer card named on the command line (what a double-click
/// does), for the UI to take once the workspace is open.
pub struct PendingOpen(pub Mutex<Option<pitchbridge_app::opened_files::OpenedFile>>);
