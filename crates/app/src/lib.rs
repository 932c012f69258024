//! Pitchbridge use cases: what the desktop shell's commands and the command line call.
//!
//! [`App`] holds the open workspace (or the reason none is open) and exposes one method per
//! user action. Nothing here knows Tauri: the shell's commands are one-line adapters onto these
//! methods, and the tests drive them directly with no window.

pub mod bindings;
pub mod catalog;
pub mod checks;
pub mod demo;
pub mod export;
pub mod review;
mod error;

use std::path::{Path, PathBuf};

use pitchbridge_core::clock::Clock;
use pitchbridge_core::collateral::CollateralType;
use pitchbridge_core::*;
use pitchbridge_store::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use checks::*;
pub use export::*;
pub use review::*;
pub use error::{ApiError, ApiResult, ErrorCode};
/// The store's read models, re-exported for the shell.
pub use pitchbridge_store as store;

/// Longest Factory message text accepted in one paste: about 200 pages.
pub const MAX_MESSAGE_CHARS: usize = 2_000_000;

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
pub struct UpdateLaunchRequest {
    #[ts(type = "number")]
    pub id: Id,
    pub launch: LaunchInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreateMessageRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddMessageVersionRequest {
    #[ts(type = "number")]
    pub message_id: Id,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SetClaimKindRequest {
    #[ts(type = "number")]
    pub claim_id: Id,
    pub kind: ClaimKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAudienceRequest {
    #[ts(type = "number")]
    pub id: Id,
    pub audience: AudienceInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreatePitchRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
    pub collateral_type: String,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenWorkspaceRequest {
    pub path: String,
    /// Create a new, empty workspace at `path` instead of opening an existing one.
    pub create: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavePitchDocRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    /// The path of the workspace the pitch was opened from: a save meant for one workspace is
    /// refused if another has been opened since.
    pub workspace: String,
    pub blocks: Vec<pitchbridge_core::doc::DocBlock>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavePitchDocResult {
    /// Whether anything was written (an unchanged document writes nothing).
    pub changed: bool,
    /// The pitch's links, when paragraphs (and with them their links) were deleted.
    pub links: Option<PitchLinks>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkClaimsRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub block_key: String,
    #[ts(type = "Array<number>")]
    pub claim_ids: Vec<Id>,
}

/// One link, to remove.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub block_key: String,
    #[ts(type = "number")]
    pub claim_id: Id,
}

/// A stale link, resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ResolveLinkRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub block_key: String,
    #[ts(type = "number")]
    pub claim_id: Id,
    pub resolution: pitchbridge_core::links::LinkResolution,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavePitchVersionRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PitchVersionRequest {
    #[ts(type = "number")]
    pub pitch_id: Id,
    #[ts(type = "number")]
    pub number: i64,
}

/// A file to import into a launch: as a new Factory message, or as a new version of one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRequest {
    pub path: String,
    #[ts(type = "number")]
    pub launch_id: Id,
    /// Set to import as a new version of this message.
    #[ts(type = "number | null")]
    pub message_id: Option<Id>,
    /// The new message's title; the document's own title when empty.
    pub title: String,
}

/// A claim as an import would create it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedClaim {
    #[ts(type = "number")]
    pub number: i64,
    pub section: String,
    pub text: String,
    pub kind: ClaimKind,
}

/// What an import will do, shown before anything is written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub file_name: String,
    pub format: pitchbridge_import::SourceFormat,
    /// The title a new message would get.
    pub title: String,
    pub report: pitchbridge_import::ImportReport,
    /// "2 images skipped, 3 comments kept as notes."
    pub summary: String,
    /// The claims of a new message.
    pub claims: Vec<ImportedClaim>,
    /// For a new version: what it changes, and which pitches it touches.
    pub changes: Option<VersionReport>,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    #[ts(type = "number")]
    pub message_id: Id,
    pub summary: String,
    pub changes: Option<VersionReport>,
    #[ts(type = "number")]
    pub claim_count: i64,
}

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
}

impl App {
    pub fn new(clock: Box<dyn Clock>) -> App {
        App { workspace: None, last_error: None, clock, checker: Default::default(), profile_dir: None, unlocked_key: None }
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

    pub fn workspace(&self) -> Option<&Workspace> {
        self.workspace.as_ref()
    }

    // ---- workspace files ------------------------------------------------------------------

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
        let result = Workspace::open(path, true).map_err(ApiError::from).and_then(|mut ws| {
            if !existed && with_demo {
                install_collateral_types(&mut ws)?;
                demo::seed_demo(&mut ws, &self.clock.now())?;
            }
            Ok(ws)
        });
        self.adopt(result)
    }

    fn adopt(&mut self, result: ApiResult<Workspace>) -> ApiResult<WorkspaceInfo> {
        match result {
            Ok(mut ws) => {
                if !ws.is_read_only() {
                    install_collateral_types(&mut ws)?;
                }
                ws.set_actor(&self.actor());
                let i = info(&ws);
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

    // ---- launches -------------------------------------------------------------------------

    pub fn list_launches(&self) -> ApiResult<Vec<LaunchSummary>> {
        Ok(self.ws()?.list_launches()?)
    }

    pub fn get_launch(&self, id: Id) -> ApiResult<LaunchDetail> {
        Ok(self.ws()?.launch_detail(id)?)
    }

    pub fn create_launch(&mut self, input: LaunchInput) -> ApiResult<Launch> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.create_launch(&input, &now)?)
    }

    pub fn update_launch(&mut self, req: UpdateLaunchRequest) -> ApiResult<Launch> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.update_launch(req.id, &req.launch, &now)?)
    }

    pub fn delete_launch(&mut self, id: Id) -> ApiResult<()> {
        Ok(self.ws_mut()?.delete_launch(id)?)
    }

    // ---- Factory messages -----------------------------------------------------------------

    pub fn create_message(&mut self, req: CreateMessageRequest) -> ApiResult<MessageDetail> {
        check_message_size(&req.text)?;
        let now = self.clock.now();
        Ok(self.ws_mut()?.create_message(req.launch_id, &req.title, &req.text, None, &now)?)
    }

    pub fn add_message_version(&mut self, req: AddMessageVersionRequest) -> ApiResult<VersionReport> {
        check_message_size(&req.text)?;
        let now = self.clock.now();
        Ok(self.ws_mut()?.add_message_version(req.message_id, &req.text, &now)?)
    }

    /// What a new version would change, without changing anything.
    pub fn preview_message_version(&mut self, req: AddMessageVersionRequest) -> ApiResult<VersionReport> {
        check_message_size(&req.text)?;
        let now = self.clock.now();
        Ok(self.ws_mut()?.preview_message_version(req.message_id, &req.text, &now)?)
    }

    pub fn get_message(&self, id: Id) -> ApiResult<MessageDetail> {
        Ok(self.ws()?.message_detail(id)?)
    }

    pub fn set_claim_kind(&mut self, req: SetClaimKindRequest) -> ApiResult<Claim> {
        Ok(self.ws_mut()?.set_claim_kind(req.claim_id, req.kind)?)
    }

    pub fn delete_message(&mut self, id: Id) -> ApiResult<()> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.delete_message(id, &now)?)
    }

    // ---- audiences ------------------------------------------------------------------------

    pub fn list_audiences(&self) -> ApiResult<Vec<Audience>> {
        Ok(self.ws()?.list_audiences()?)
    }

    pub fn create_audience(&mut self, input: AudienceInput) -> ApiResult<Audience> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.create_audience(&input, &now)?)
    }

    pub fn update_audience(&mut self, req: UpdateAudienceRequest) -> ApiResult<Audience> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.update_audience(req.id, &req.audience, &now)?)
    }

    pub fn delete_audience(&mut self, id: Id) -> ApiResult<()> {
        Ok(self.ws_mut()?.delete_audience(id)?)
    }

    // ---- collateral types, pitches, glossary, search --------------------------------------

    pub fn list_collateral_types(&self) -> ApiResult<Vec<CollateralType>> {
        Ok(self.ws()?.list_collateral_types()?)
    }

    pub fn create_pitch(&mut self, req: CreatePitchRequest) -> ApiResult<PitchDetail> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.create_pitch(req.launch_id, req.audience_id, &req.collateral_type, &req.title, &now)?)
    }

    pub fn get_pitch(&self, id: Id) -> ApiResult<PitchDetail> {
        Ok(self.ws()?.pitch_detail(id)?)
    }

    pub fn delete_pitch(&mut self, id: Id) -> ApiResult<()> {
        Ok(self.ws_mut()?.delete_pitch(id)?)
    }

    // ---- importing Factory material --------------------------------------------------------

    fn read_import(path: &str) -> ApiResult<(String, pitchbridge_import::Imported)> {
        let path = Path::new(path);
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let imported = pitchbridge_import::import_file(path)?;
        check_message_size(&imported.source)?;
        Ok((file_name, imported))
    }

    /// Reads the file and says what importing it would do; nothing is written.
    pub fn preview_import(&mut self, req: ImportRequest) -> ApiResult<ImportPreview> {
        let (file_name, imported) = Self::read_import(&req.path)?;
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.get_launch(req.launch_id)?;
        let (claims, changes) = match req.message_id {
            Some(message_id) => (vec![], Some(ws.preview_message_version(message_id, &imported.source, &now)?)),
            None => {
                let claims = pitchbridge_core::split::split_message(&imported.source)
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| ImportedClaim { number: i as i64 + 1, section: c.section, text: c.text, kind: c.proposed_kind })
                    .collect();
                (claims, None)
            }
        };
        Ok(ImportPreview {
            file_name,
            format: imported.format,
            title: imported.title,
            summary: imported.report.summary(),
            report: imported.report,
            claims,
            changes,
        })
    }

    /// Imports the file: a new message in the launch, or a new version of `message_id`.
    pub fn apply_import(&mut self, req: ImportRequest) -> ApiResult<ImportOutcome> {
        let (_, imported) = Self::read_import(&req.path)?;
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        let summary = imported.report.summary();
        match req.message_id {
            Some(message_id) => {
                let report = ws.add_message_version(message_id, &imported.source, &now)?;
                let claim_count = (report.unchanged.len() + report.reworded.len() + report.added.len()) as i64;
                Ok(ImportOutcome { message_id, summary, changes: Some(report), claim_count })
            }
            None => {
                let title = if req.title.trim().is_empty() { imported.title.clone() } else { req.title.trim().to_string() };
                let detail = ws.create_message(req.launch_id, &title, &imported.source, None, &now)?;
                Ok(ImportOutcome { message_id: detail.message.id, summary, changes: None, claim_count: detail.claims.len() as i64 })
            }
        }
    }

    // ---- the side-by-side editor ----------------------------------------------------------

    pub fn get_pitch_editor(&self, id: Id) -> ApiResult<PitchEditorView> {
        Ok(self.ws()?.pitch_editor(id)?)
    }

    /// The autosave: the whole document, of which only what changed is written.
    pub fn save_pitch_doc(&mut self, req: SavePitchDocRequest) -> ApiResult<SavePitchDocResult> {
        let now = self.clock.now();
        // The reviewer a pitch was sent to may edit it while it is in review (an approval with
        // edits); nobody else may.
        let reviewing = self.may_edit_as_reviewer(req.pitch_id)?;
        let ws = self.ws_mut()?;
        if ws.path().display().to_string() != req.workspace {
            return Err(ApiError::new(
                ErrorCode::InvalidInput,
                "Another workspace was opened before this pitch's last changes were saved; they were not written into it.",
            ));
        }
        let (changed, removed) = if reviewing { ws.save_review_edits(req.pitch_id, &req.blocks, &now)? } else { ws.save_pitch_doc_reporting(req.pitch_id, &req.blocks, &now)? };
        let links = if removed { Some(ws.pitch_links(req.pitch_id)?) } else { None };
        Ok(SavePitchDocResult { changed, links })
    }

    pub fn link_claims(&mut self, req: LinkClaimsRequest) -> ApiResult<PitchLinks> {
        if req.claim_ids.is_empty() {
            return Err(ApiError::invalid("Select one or more claims to link."));
        }
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.link_claims(req.pitch_id, &req.block_key, &req.claim_ids, &now)?;
        Ok(ws.pitch_links(req.pitch_id)?)
    }

    pub fn unlink_claim(&mut self, req: LinkRequest) -> ApiResult<PitchLinks> {
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.unlink_claim(req.pitch_id, &req.block_key, req.claim_id, &now)?;
        Ok(ws.pitch_links(req.pitch_id)?)
    }

    /// Resolves a stale flag: the paragraph was revised, or still holds.
    pub fn confirm_link(&mut self, req: ResolveLinkRequest) -> ApiResult<PitchLinks> {
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.confirm_link(req.pitch_id, &req.block_key, req.claim_id, req.resolution, &now)?;
        Ok(ws.pitch_links(req.pitch_id)?)
    }

    pub fn save_pitch_version(&mut self, req: SavePitchVersionRequest) -> ApiResult<Vec<PitchVersionSummary>> {
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.save_pitch_version(req.pitch_id, &req.name, &now)?;
        Ok(ws.list_pitch_versions(req.pitch_id)?)
    }

    pub fn compare_pitch_version(&self, req: PitchVersionRequest) -> ApiResult<Vec<pitchbridge_core::redline::DiffSpan>> {
        Ok(self.ws()?.compare_pitch_version(req.pitch_id, req.number)?)
    }

    pub fn restore_pitch_version(&mut self, req: PitchVersionRequest) -> ApiResult<PitchEditorView> {
        let now = self.clock.now();
        let ws = self.ws_mut()?;
        ws.restore_pitch_version(req.pitch_id, req.number, &now)?;
        Ok(ws.pitch_editor(req.pitch_id)?)
    }

    pub fn list_glossary(&self) -> ApiResult<Vec<GlossaryTerm>> {
        Ok(self.ws()?.list_glossary()?)
    }

    pub fn search(&self, query: String) -> ApiResult<Vec<SearchHit>> {
        if query.chars().count() > 500 {
            return Err(ApiError::invalid("Search for at most 500 characters."));
        }
        Ok(self.ws()?.search(&query, 25)?)
    }
}

fn info(ws: &Workspace) -> WorkspaceInfo {
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

fn check_message_size(text: &str) -> ApiResult<()> {
    let n = text.chars().count();
    if n > MAX_MESSAGE_CHARS {
        return Err(ApiError::invalid(format!(
            "The text is {n} characters long; a Factory message can be at most {MAX_MESSAGE_CHARS}. Split it into several messages."
        )));
    }
    Ok(())
}

/// Brings the built-in collateral types into the workspace: missing ones are added and older
/// copies of built-in ones are replaced (nothing is written when they already match).
pub fn install_collateral_types(ws: &mut Workspace) -> ApiResult<()> {
    let present = ws.list_collateral_types()?;
    for ct in catalog::collateral_types() {
        if !present.contains(&ct) {
            ws.upsert_collateral_type(&ct)?;
        }
    }
    Ok(())
}
