//! The open workspace: opening or creating one, what the first screen needs, search.

use std::path::{Path, PathBuf};

use pitchbridge_store::{LaunchDetail, LaunchSummary, SearchHit, Workspace};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::{ApiError, ApiResult, ErrorCode};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceInfo {
    pub path: String,
    /// The file name without its extension, for the window title.
    pub name: String,
    pub read_only: bool,
    /// A review copy: a pitch sent from another workspace for review here.
    pub review_copy: bool,
}

/// What the UI needs at start-up: the open workspace, or why none could be opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceStatus {
    pub workspace: Option<WorkspaceInfo>,
    pub error: Option<ApiError>,
}

/// Everything the first screen needs, in one call, so start-up waits for one round trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StartupSnapshot {
    pub status: WorkspaceStatus,
    pub launches: Vec<LaunchSummary>,
    /// The first launch in the list, in full: the screen a writer lands on.
    pub first_launch: Option<LaunchDetail>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenWorkspaceRequest {
    pub path: String,
    /// Create a new, empty workspace at `path` instead of opening an existing one.
    pub create: bool,
}

impl App {
    pub fn status(&self) -> WorkspaceStatus {
        WorkspaceStatus { workspace: self.workspace.as_ref().map(info), error: self.last_error.clone() }
    }

    pub fn startup_snapshot(&self) -> ApiResult<StartupSnapshot> {
        let status = self.status();
        if self.workspace.is_none() {
            return Ok(StartupSnapshot { status, launches: Vec::new(), first_launch: None });
        }
        let launches = self.list_launches()?;
        let first_launch = match launches.first() {
            Some(l) => Some(self.get_launch(l.launch.id)?),
            None => None,
        };
        Ok(StartupSnapshot { status, launches, first_launch })
    }

    /// Opens `path`. On failure the workspace already open stays open, and the error is kept
    /// for the UI to show.
    pub fn open_workspace(&mut self, req: OpenWorkspaceRequest) -> ApiResult<WorkspaceInfo> {
        let path = PathBuf::from(req.path.trim());
        if req.path.trim().is_empty() {
            return Err(ApiError::invalid("Choose a file for the workspace."));
        }
        let result = if req.create { Workspace::create(&path) } else { Workspace::open(&path, false) };
        self.adopt(result.map_err(ApiError::from))
    }

    /// Opens the workspace at `path`, creating it when it does not exist (filled with the
    /// demo content when `with_demo` is set: what a first start does with the default
    /// workspace).
    pub fn open_or_create(&mut self, path: &Path, with_demo: bool) -> ApiResult<WorkspaceInfo> {
        let existed = path.exists();
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| {
                ApiError::new(ErrorCode::Io, format!("Could not create the folder {}: {e}", dir.display()))
            })?;
        }
        // A file given by name is opened, never turned into a workspace; only a missing one is
        // made (and the default workspace, which the app itself makes, even when empty).
        let made = (|| -> ApiResult<Workspace> {
            let mut ws = Workspace::open(path, !existed || with_demo).map_err(|e| e.at(path))?;
            if !existed && with_demo {
                install_collateral_types(&mut ws)?;
                crate::demo::seed_demo(&mut ws, &self.clock.now())?;
            }
            Ok(ws)
        })();
        let result = made.map_err(|e| {
            if !existed {
                // A workspace that could not be made leaves nothing behind.
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            // A write the disk refused while there is no room left: say so.
            if matches!(e.code, ErrorCode::Io | ErrorCode::Internal) && pitchbridge_store::disk_nearly_full(path) {
                ApiError::from(pitchbridge_store::StoreError::DiskFull)
            } else {
                e
            }
        });
        self.adopt(result)
    }

    pub(crate) fn adopt(&mut self, result: ApiResult<Workspace>) -> ApiResult<WorkspaceInfo> {
        match result {
            Ok(mut ws) => {
                if !ws.is_read_only() {
                    install_collateral_types(&mut ws)?;
                }
                ws.set_actor(&self.actor());
                let i = info(&ws);
                if let (Some(dir), Ok(id)) = (self.profile_dir.as_deref(), ws.workspace_id()) {
                    crate::opened_files::remember_workspace(dir, &id, ws.path());
                }
                self.workspace = Some(ws);
                self.last_error = None;
                Ok(i)
            }
            Err(e) => {
                self.last_error = Some(e.clone());
                Err(e)
            }
        }
    }

    pub fn search(&self, query: String) -> ApiResult<Vec<SearchHit>> {
        if query.chars().count() > 500 {
            return Err(ApiError::invalid("Search for at most 500 characters."));
        }
        Ok(self.ws()?.search(&query, 25)?)
    }

    /// Folds the write-ahead log into the workspace file once nothing has been written since
    /// the last call (the shell calls this every two seconds), so that the file alone holds
    /// the work when someone copies or mails it. Returns whether it folded anything.
    pub fn checkpoint_when_idle(&mut self) -> ApiResult<bool> {
        let Some(ws) = self.workspace.as_ref() else { return Ok(false) };
        let size = ws.wal_size();
        let idle = size > 0 && size == self.wal_size_seen;
        self.wal_size_seen = size;
        if !idle {
            return Ok(false);
        }
        let folded = ws.checkpoint()?;
        self.wal_size_seen = ws.wal_size();
        Ok(folded)
    }

    /// Folds the write-ahead log in now (on quitting).
    pub fn checkpoint(&mut self) -> ApiResult<bool> {
        match self.workspace.as_ref() {
            Some(ws) => Ok(ws.checkpoint()?),
            None => Ok(false),
        }
    }

    /// Writes a copy of the open workspace to `path`: one complete file, made while the
    /// workspace stays open, never over an existing file.
    pub fn save_workspace_copy(&self, path: &Path) -> ApiResult<()> {
        let ws = self.ws()?;
        if crate::files::same_file(path, ws.path()) {
            return Err(ApiError::invalid("Choose another file for the copy: this is the workspace itself."));
        }
        Ok(ws.save_copy(path)?)
    }
}

pub(crate) fn info(ws: &Workspace) -> WorkspaceInfo {
    WorkspaceInfo {
        path: ws.path().display().to_string(),
        name: ws
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Workspace".into()),
        read_only: ws.is_read_only(),
        review_copy: ws.review_copy_of().ok().flatten().is_some(),
    }
}

/// Brings the built-in collateral types into the workspace: missing ones are added and older
/// copies of built-in ones are replaced (nothing is written when they already match).
pub fn install_collateral_types(ws: &mut Workspace) -> ApiResult<()> {
    let present = ws.list_collateral_types()?;
    for ct in crate::catalog::collateral_types() {
        if !present.contains(&ct) {
            ws.upsert_collateral_type(&ct)?;
        }
    }
    Ok(())
}
