//! Tauri commands: one-line adapters onto `pitchbridge_app::App`. Work runs on the blocking
//! pool so SQLite never stalls the UI thread.

use std::sync::{Arc, Mutex};

use pitchbridge_app::*;
use pitchbridge_app::store;
use pitchbridge_core::collateral::CollateralType;
use pitchbridge_core::*;
use pitchbridge_app::store::{
    LaunchDetail, LaunchSummary, MessageDetail, PitchDetail, PitchEditorView, PitchLinks, PitchVersionSummary, SearchHit,
    VersionReport,
};
use pitchbridge_core::redline::DiffSpan;
use tauri::{AppHandle, State};

/// The app's one piece of shared state.
#[derive(Clone)]
pub struct Shared(pub Arc<Mutex<App>>);

impl Shared {
    /// Runs `f` with the app on the blocking pool.
    pub async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut App) -> ApiResult<T> + Send + 'static,
    ) -> ApiResult<T> {
        let app = self.0.clone();
        tauri::async_runtime::spawn_blocking(move || {
            // A panic in an earlier command must not lock the writer out of their work.
            let mut guard = app.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut guard)
        })
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

type Cmd<'a> = State<'a, Shared>;

#[tauri::command]
pub async fn startup_snapshot(handle: AppHandle, s: Cmd<'_>) -> ApiResult<StartupSnapshot> {
    crate::startup::mark("first-command");
    let snapshot = s.run(|a| a.startup_snapshot()).await?;
    if let Some(info) = &snapshot.status.workspace {
        crate::window::set_title(&handle, info);
    }
    Ok(snapshot)
}

#[tauri::command]
pub async fn open_workspace(handle: AppHandle, s: Cmd<'_>, req: OpenWorkspaceRequest) -> ApiResult<WorkspaceInfo> {
    s.open_and_show(&handle, req).await
}

/// Shows the native open (or save, for a new workspace) dialog, then opens the choice.
#[tauri::command]
pub async fn pick_workspace(handle: AppHandle, s: Cmd<'_>, create: bool) -> ApiResult<Option<WorkspaceInfo>> {
    let Some(path) = crate::menu::ask_for_workspace(&handle, create).await else { return Ok(None) };
    let req = OpenWorkspaceRequest { path: path.display().to_string(), create };
    s.open_and_show(&handle, req).await.map(Some)
}

/// A file named on the command line (`--import FILE`), waiting for the UI to import it.
pub struct PendingImport(pub Mutex<Option<String>>);

/// The `--import` file, once: the UI asks after it has opened the workspace.
#[tauri::command]
pub fn take_pending_import(pending: State<'_, PendingImport>) -> Option<String> {
    pending.0.lock().unwrap_or_else(|p| p.into_inner()).take()
}

/// Shows the native open dialog for a Word, Markdown or text file; `None` when cancelled.
#[tauri::command]
pub async fn pick_import_file(handle: AppHandle) -> ApiResult<Option<String>> {
    Ok(crate::menu::ask_for_file(&handle, "Import Factory material", "Word, Markdown or text", &["docx", "md", "markdown", "txt"], None, None).await.map(|p| p.display().to_string()))
}

#[tauri::command]
pub async fn preview_import(s: Cmd<'_>, req: ImportRequest) -> ApiResult<ImportPreview> {
    s.run(move |a| a.preview_import(req)).await
}

#[tauri::command]
pub async fn apply_import(s: Cmd<'_>, req: ImportRequest) -> ApiResult<ImportOutcome> {
    s.run(move |a| a.apply_import(req)).await
}

#[tauri::command]
pub async fn list_launches(s: Cmd<'_>) -> ApiResult<Vec<LaunchSummary>> {
    s.run(|a| a.list_launches()).await
}

#[tauri::command]
pub async fn get_launch(s: Cmd<'_>, id: Id) -> ApiResult<LaunchDetail> {
    s.run(move |a| a.get_launch(id)).await
}

#[tauri::command]
pub async fn create_launch(s: Cmd<'_>, input: LaunchInput) -> ApiResult<Launch> {
    s.run(move |a| a.create_launch(input)).await
}

#[tauri::command]
pub async fn update_launch(s: Cmd<'_>, req: UpdateLaunchRequest) -> ApiResult<Launch> {
    s.run(move |a| a.update_launch(req)).await
}

#[tauri::command]
pub async fn delete_launch(s: Cmd<'_>, id: Id) -> ApiResult<()> {
    s.run(move |a| a.delete_launch(id)).await
}

#[tauri::command]
pub async fn create_message(s: Cmd<'_>, req: CreateMessageRequest) -> ApiResult<MessageDetail> {
    s.run(move |a| a.create_message(req)).await
}

#[tauri::command]
pub async fn add_message_version(s: Cmd<'_>, req: AddMessageVersionRequest) -> ApiResult<VersionReport> {
    s.run(move |a| a.add_message_version(req)).await
}

#[tauri::command]
pub async fn get_message(s: Cmd<'_>, id: Id) -> ApiResult<MessageDetail> {
    s.run(move |a| a.get_message(id)).await
}

#[tauri::command]
pub async fn set_claim_kind(s: Cmd<'_>, req: SetClaimKindRequest) -> ApiResult<Claim> {
    s.run(move |a| a.set_claim_kind(req)).await
}

#[tauri::command]
pub async fn delete_message(s: Cmd<'_>, id: Id) -> ApiResult<()> {
    s.run(move |a| a.delete_message(id)).await
}

#[tauri::command]
pub async fn list_audiences(s: Cmd<'_>) -> ApiResult<Vec<Audience>> {
    s.run(|a| a.list_audiences()).await
}

#[tauri::command]
pub async fn create_audience(s: Cmd<'_>, input: AudienceInput) -> ApiResult<Audience> {
    s.run(move |a| a.create_audience(input)).await
}

#[tauri::command]
pub async fn update_audience(s: Cmd<'_>, req: UpdateAudienceRequest) -> ApiResult<Audience> {
    s.run(move |a| a.update_audience(req)).await
}

#[tauri::command]
pub async fn delete_audience(s: Cmd<'_>, id: Id) -> ApiResult<()> {
    s.run(move |a| a.delete_audience(id)).await
}

#[tauri::command]
pub async fn list_collateral_types(s: Cmd<'_>) -> ApiResult<Vec<CollateralType>> {
    s.run(|a| a.list_collateral_types()).await
}

#[tauri::command]
pub async fn create_pitch(s: Cmd<'_>, req: CreatePitchRequest) -> ApiResult<PitchDetail> {
    s.run(move |a| a.create_pitch(req)).await
}

#[tauri::command]
pub async fn get_pitch(s: Cmd<'_>, id: Id) -> ApiResult<PitchDetail> {
    s.run(move |a| a.get_pitch(id)).await
}

#[tauri::command]
pub async fn delete_pitch(s: Cmd<'_>, id: Id) -> ApiResult<()> {
    s.run(move |a| a.delete_pitch(id)).await
}

#[tauri::command]
pub async fn get_pitch_editor(s: Cmd<'_>, id: Id) -> ApiResult<PitchEditorView> {
    s.run(move |a| a.get_pitch_editor(id)).await
}

#[tauri::command]
pub async fn save_pitch_doc(s: Cmd<'_>, req: SavePitchDocRequest) -> ApiResult<SavePitchDocResult> {
    s.run(move |a| a.save_pitch_doc(req)).await
}

#[tauri::command]
pub async fn link_claims(s: Cmd<'_>, req: LinkClaimsRequest) -> ApiResult<PitchLinks> {
    s.run(move |a| a.link_claims(req)).await
}

#[tauri::command]
pub async fn unlink_claim(s: Cmd<'_>, req: LinkRequest) -> ApiResult<PitchLinks> {
    s.run(move |a| a.unlink_claim(req)).await
}

#[tauri::command]
pub async fn confirm_link(s: Cmd<'_>, req: ResolveLinkRequest) -> ApiResult<PitchLinks> {
    s.run(move |a| a.confirm_link(req)).await
}

#[tauri::command]
pub async fn save_pitch_version(s: Cmd<'_>, req: SavePitchVersionRequest) -> ApiResult<Vec<PitchVersionSummary>> {
    s.run(move |a| a.save_pitch_version(req)).await
}

#[tauri::command]
pub async fn compare_pitch_version(s: Cmd<'_>, req: PitchVersionRequest) -> ApiResult<Vec<DiffSpan>> {
    s.run(move |a| a.compare_pitch_version(req)).await
}

#[tauri::command]
pub async fn restore_pitch_version(s: Cmd<'_>, req: PitchVersionRequest) -> ApiResult<PitchEditorView> {
    s.run(move |a| a.restore_pitch_version(req)).await
}

#[tauri::command]
pub async fn preview_message_version(s: Cmd<'_>, req: AddMessageVersionRequest) -> ApiResult<VersionReport> {
    s.run(move |a| a.preview_message_version(req)).await
}

#[tauri::command]
pub async fn list_glossary(s: Cmd<'_>) -> ApiResult<Vec<GlossaryTerm>> {
    s.run(|a| a.list_glossary()).await
}

#[tauri::command]
pub async fn search(s: Cmd<'_>, query: String) -> ApiResult<Vec<SearchHit>> {
    s.run(move |a| a.search(query)).await
}

/// Called by the UI once the first screen with data has been painted (on the frame after the
/// one that painted it, which started `first_frame_ms_ago`); the start-up benchmark reads the
/// lines it prints. The pitch checker (its dictionary) is then built in the background, so the
/// first check is quick and start-up does not wait for it.
#[tauri::command]
pub fn frontend_ready(s: Cmd<'_>, first_frame_ms_ago: f64) {
    crate::startup::report_ready(first_frame_ms_ago);
    let checker = s.0.lock().unwrap_or_else(|p| p.into_inner()).shared_checker();
    std::thread::spawn(move || warm_checker(&checker));
}

#[tauri::command]
pub async fn check_pitch(s: Cmd<'_>, req: CheckPitchRequest) -> ApiResult<PitchCheckReport> {
    s.run(move |a| a.check_pitch(req)).await
}

#[tauri::command]
pub async fn dismiss_finding(s: Cmd<'_>, req: DismissFindingRequest) -> ApiResult<store::Dismissal> {
    s.run(move |a| a.dismiss_finding(req)).await
}

#[tauri::command]
pub async fn restore_finding(s: Cmd<'_>, req: RestoreFindingRequest) -> ApiResult<()> {
    s.run(move |a| a.restore_finding(req)).await
}

#[tauri::command]
pub async fn set_manual_item(s: Cmd<'_>, req: ManualItemRequest) -> ApiResult<()> {
    s.run(move |a| a.set_manual_item(req)).await
}

#[tauri::command]
pub async fn get_check_settings(s: Cmd<'_>) -> ApiResult<CheckSettingsView> {
    s.run(|a| a.get_check_settings()).await
}

#[tauri::command]
pub async fn set_check_setting(s: Cmd<'_>, req: SetCheckSettingRequest) -> ApiResult<CheckSettingsView> {
    s.run(move |a| a.set_check_setting(req)).await
}

#[tauri::command]
pub async fn spelling_suggestions(s: Cmd<'_>, word: String) -> ApiResult<Vec<String>> {
    s.run(move |a| a.spelling_suggestions(word)).await
}

#[tauri::command]
pub async fn add_dictionary_word(s: Cmd<'_>, word: String) -> ApiResult<Vec<String>> {
    s.run(move |a| a.add_dictionary_word(word)).await
}

#[tauri::command]
pub async fn remove_dictionary_word(s: Cmd<'_>, word: String) -> ApiResult<Vec<String>> {
    s.run(move |a| a.remove_dictionary_word(word)).await
}

#[tauri::command]
pub async fn list_dictionary_words(s: Cmd<'_>) -> ApiResult<Vec<String>> {
    s.run(|a| a.list_dictionary_words()).await
}

#[tauri::command]
pub async fn add_glossary_term(s: Cmd<'_>, input: GlossaryInput) -> ApiResult<GlossaryTerm> {
    s.run(move |a| a.add_glossary_term(input)).await
}

#[tauri::command]
pub async fn update_glossary_term(s: Cmd<'_>, req: UpdateGlossaryRequest) -> ApiResult<GlossaryTerm> {
    s.run(move |a| a.update_glossary_term(req)).await
}

#[tauri::command]
pub async fn delete_glossary_term(s: Cmd<'_>, id: Id) -> ApiResult<()> {
    s.run(move |a| a.delete_glossary_term(id)).await
}

/// Asks for a CSV file and merges it into the glossary; `None` when the dialog is cancelled.
#[tauri::command]
pub async fn import_glossary_csv(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<GlossaryImportReport>> {
    let Some(path) = crate::menu::ask_for_file(&handle, "Import glossary", "CSV", &["csv"], None, None).await else { return Ok(None) };
    s.run(move |a| a.import_glossary_csv(path.display().to_string())).await.map(Some)
}

/// Asks where to save, then writes the glossary as CSV; the number of terms written, or
/// `None` when cancelled.
#[tauri::command]
pub async fn export_glossary_csv(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<u32>> {
    let Some(path) = crate::menu::ask_for_file(&handle, "Export glossary", "CSV", &["csv"], Some("glossary".into()), None).await else { return Ok(None) };
    s.run(move |a| a.export_glossary_csv(path.display().to_string())).await.map(Some)
}

/// Asks where to save, then exports the pitch in each format asked (the second format goes
/// beside the first, with its own extension), then opens the first in the system's viewer.
/// `None` when the dialog is cancelled.
#[tauri::command]
pub async fn export_pitch(handle: AppHandle, s: Cmd<'_>, pitch_id: Id, formats: Vec<ExportFormat>) -> ApiResult<Option<Vec<ExportOutcome>>> {
    let Some(first) = formats.first().copied() else { return Err(ApiError::invalid("Choose DOCX, PDF or both.")) };
    let (title, folder) = s
        .run(move |a| {
            let folder = a.workspace().and_then(|w| w.path().parent().map(|p| p.to_path_buf()));
            a.get_pitch(pitch_id).map(|p| (p.summary.pitch.title, folder))
        })
        .await?;
    let label = if first == ExportFormat::Pdf { "PDF" } else { "Word document" };
    // Exports start beside the workspace file, where a writer keeps the launch's material.
    let Some(path) = crate::menu::ask_for_file(&handle, "Export pitch", label, &[first.extension()], Some(crate::menu::file_stem_for(&title)), folder).await else { return Ok(None) };
    let outcomes = s
        .run(move |a| {
            formats
                .iter()
                .map(|f| a.export_pitch(ExportPitchRequest { pitch_id, format: *f, path: path.with_extension(f.extension()).display().to_string() }))
                .collect::<ApiResult<Vec<_>>>()
        })
        .await?;
    if let Some(o) = outcomes.first() {
        crate::window::open_in_viewer(&o.path);
    }
    Ok(Some(outcomes))
}

#[tauri::command]
pub async fn get_brand_kit(s: Cmd<'_>) -> ApiResult<BrandKitView> {
    s.run(|a| a.get_brand_kit()).await
}

#[tauri::command]
pub async fn set_brand_kit(s: Cmd<'_>, input: BrandKitInput) -> ApiResult<BrandKitView> {
    s.run(move |a| a.set_brand_kit(input)).await
}

/// Asks for a PNG or JPEG and makes it the kit's logo; `None` when cancelled.
#[tauri::command]
pub async fn pick_brand_logo(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<BrandKitView>> {
    let Some(path) = crate::menu::ask_for_file(&handle, "Choose a logo", "PNG or JPEG image", &["png", "jpg", "jpeg"], None, None).await else { return Ok(None) };
    s.run(move |a| a.set_brand_logo(path.display().to_string())).await.map(Some)
}

#[tauri::command]
pub async fn clear_brand_logo(s: Cmd<'_>) -> ApiResult<BrandKitView> {
    s.run(|a| a.clear_brand_logo()).await
}

// ---- review and approval ------------------------------------------------------------------

#[tauri::command]
pub async fn get_profile(s: Cmd<'_>) -> ApiResult<Option<ProfileView>> {
    s.run(|a| a.get_profile()).await
}

#[tauri::command]
pub async fn save_profile(s: Cmd<'_>, req: SaveProfileRequest) -> ApiResult<ProfileView> {
    s.run(move |a| a.save_profile(req)).await
}

#[tauri::command]
pub async fn create_signing_key(s: Cmd<'_>, req: PassphraseRequest) -> ApiResult<ProfileView> {
    s.run(move |a| a.create_signing_key(req)).await
}

#[tauri::command]
pub async fn register_as_reviewer(s: Cmd<'_>) -> ApiResult<store::Reviewer> {
    s.run(|a| a.register_as_reviewer()).await
}

#[tauri::command]
pub async fn list_reviewers(s: Cmd<'_>) -> ApiResult<Vec<store::Reviewer>> {
    s.run(|a| a.list_reviewers()).await
}

/// Asks where to save the person's reviewer card; `false` when cancelled.
#[tauri::command]
pub async fn export_reviewer_card(handle: AppHandle, s: Cmd<'_>) -> ApiResult<bool> {
    let name = s.run(|a| Ok(a.get_profile()?.map(|p| p.name).unwrap_or_default())).await?;
    let suggested = format!("{} reviewer card", crate::menu::file_stem_for(&name));
    let Some(path) = crate::menu::ask_for_file(&handle, "Save your reviewer card", "Pitchbridge reviewer card", &["pbreviewer"], Some(suggested), None).await else {
        return Ok(false);
    };
    s.run(move |a| a.export_reviewer_card(&path)).await.map(|_| true)
}

/// Asks for a reviewer card and registers the reviewer it names; `None` when cancelled.
#[tauri::command]
pub async fn import_reviewer_card(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<store::Reviewer>> {
    let Some(path) = crate::menu::ask_for_file(&handle, "Add a reviewer", "Pitchbridge reviewer card", &["pbreviewer"], None, None).await else {
        return Ok(None);
    };
    s.run(move |a| a.import_reviewer_card(&path)).await.map(Some)
}

#[tauri::command]
pub async fn review_state(s: Cmd<'_>, pitch_id: Id) -> ApiResult<ReviewState> {
    s.run(move |a| a.review_state(pitch_id)).await
}

#[tauri::command]
pub async fn submit_for_review(s: Cmd<'_>, req: SubmitRequest) -> ApiResult<ReviewState> {
    s.run(move |a| a.submit_for_review(req)).await
}

#[tauri::command]
pub async fn withdraw_review(s: Cmd<'_>, req: PitchRef) -> ApiResult<ReviewState> {
    s.run(move |a| a.withdraw_review(req)).await
}

#[tauri::command]
pub async fn add_comment(s: Cmd<'_>, req: AddCommentRequest) -> ApiResult<ReviewState> {
    s.run(move |a| a.add_comment(req)).await
}

#[tauri::command]
pub async fn resolve_comment(s: Cmd<'_>, req: ResolveCommentRequest) -> ApiResult<ReviewState> {
    s.run(move |a| a.resolve_comment(req)).await
}

#[tauri::command]
pub async fn unlock_for_review(s: Cmd<'_>, req: PassphraseRequest) -> ApiResult<()> {
    s.run(move |a| a.unlock_for_review(req)).await
}

#[tauri::command]
pub async fn decide(s: Cmd<'_>, req: DecideRequest) -> ApiResult<ReviewState> {
    s.run(move |a| a.decide(req)).await
}

fn workspace_folder(a: &App) -> Option<std::path::PathBuf> {
    a.workspace().and_then(|w| w.path().parent().map(|p| p.to_path_buf()))
}

/// Asks where to save, then writes the pitch's review package; the path, or `None` when
/// cancelled.
#[tauri::command]
pub async fn export_review_package(handle: AppHandle, s: Cmd<'_>, pitch_id: Id) -> ApiResult<Option<String>> {
    let (title, folder) = s.run(move |a| Ok((a.get_pitch(pitch_id)?.summary.pitch.title, workspace_folder(a)))).await?;
    let suggested = format!("{} for review", crate::menu::file_stem_for(&title));
    let Some(path) = crate::menu::ask_for_file(&handle, "Save the review package", "Pitchbridge review package", &["pbreview"], Some(suggested), folder).await else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    s.run(move |a| a.export_review_package(pitch_id, &path)).await.map(|_| Some(shown))
}

/// Asks for a review package and opens it as a review copy beside it (never over an existing
/// file), which becomes the open workspace.
#[tauri::command]
pub async fn open_review_package(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<WorkspaceInfo>> {
    let Some(package) = crate::menu::ask_for_file(&handle, "Open a review package", "Pitchbridge review package", &["pbreview"], None, None).await else {
        return Ok(None);
    };
    let stem = package.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "Review".into());
    let folder = package.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let mut copy = folder.join(format!("{stem} (review copy).{}", store::EXTENSION));
    let mut n = 2;
    while copy.exists() {
        copy = folder.join(format!("{stem} (review copy {n}).{}", store::EXTENSION));
        n += 1;
    }
    let info = s.run(move |a| a.open_review_package(&package, &copy)).await?;
    crate::window::show_workspace(&handle, &info);
    Ok(Some(info))
}

/// Asks where to save the pitch's latest decision as a file for the writer.
#[tauri::command]
pub async fn export_decision(handle: AppHandle, s: Cmd<'_>, pitch_id: Id) -> ApiResult<Option<String>> {
    let (title, folder) = s.run(move |a| Ok((a.get_pitch(pitch_id)?.summary.pitch.title, workspace_folder(a)))).await?;
    let suggested = format!("{} decision", crate::menu::file_stem_for(&title));
    let Some(path) = crate::menu::ask_for_file(&handle, "Save the decision", "Pitchbridge decision", &["pbdecision"], Some(suggested), folder).await else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    s.run(move |a| a.export_decision(pitch_id, &path)).await.map(|_| Some(shown))
}

/// Asks for a decision file and applies it (or says why not).
#[tauri::command]
pub async fn import_decision(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<DecisionImport>> {
    let folder = s.run(|a| Ok(workspace_folder(a))).await?;
    let Some(path) = crate::menu::ask_for_file(&handle, "Import a decision", "Pitchbridge decision", &["pbdecision"], None, folder).await else {
        return Ok(None);
    };
    s.run(move |a| a.import_decision(&path)).await.map(Some)
}

#[tauri::command]
pub async fn compare_versions(s: Cmd<'_>, req: CompareVersionsRequest) -> ApiResult<Vec<DiffSpan>> {
    s.run(move |a| a.compare_versions(req)).await
}

#[tauri::command]
pub async fn audit_events(s: Cmd<'_>) -> ApiResult<Vec<pitchbridge_core::audit::AuditEvent>> {
    s.run(|a| a.audit_events()).await
}

#[tauri::command]
pub async fn verify_audit(s: Cmd<'_>) -> ApiResult<store::AuditVerification> {
    s.run(|a| a.verify_audit()).await
}
