// Generated from src-tauri/src/commands and src-tauri/src/events.rs by pitchbridge-surface.
// Do not edit: change the Rust, then run `UPDATE_BINDINGS=1 cargo test -p pitchbridge-surface`.

import type { UnlistenFn } from "@tauri-apps/api/event";
import type {
  AddCommentRequest,
  AddMessageVersionRequest,
  ApiError,
  Audience,
  AudienceInput,
  AuditEvent,
  AuditSubject,
  AuditVerification,
  BrandKitInput,
  BrandKitView,
  Certification,
  CertificationRequest,
  CheckPitchRequest,
  CheckSettingsView,
  Claim,
  CollateralType,
  CompareVersionsRequest,
  ConcordanceHit,
  CreateMessageRequest,
  CreatePitchRequest,
  DateOrder,
  DealGroup,
  DealImport,
  DealMapping,
  DealPreview,
  DecideKitRequest,
  DecideRequest,
  DecisionFilePreview,
  DecisionImport,
  DiffSpan,
  DismissFindingRequest,
  Dismissal,
  EditTrainingItemRequest,
  ExportFormat,
  ExportOutcome,
  GlossaryCandidate,
  GlossaryImportReport,
  GlossaryInput,
  GlossaryTerm,
  ImportOutcome,
  ImportPreview,
  ImportProgress,
  ImportRequest,
  KitFormat,
  Launch,
  LaunchDetail,
  LaunchInput,
  LaunchKitOutcome,
  LaunchKitPlan,
  LaunchReadiness,
  LaunchResults,
  LaunchSummary,
  LaunchTargets,
  LinkClaimsRequest,
  LinkRequest,
  ManualItemRequest,
  MessageDetail,
  MyExpiring,
  OpenWorkspaceRequest,
  OpenedFile,
  PassphraseRequest,
  PeopleImport,
  PersonRow,
  PitchCheckReport,
  PitchDetail,
  PitchEditorView,
  PitchLinks,
  PitchRef,
  PitchVerification,
  PitchVersionRequest,
  PitchVersionSummary,
  ProfileView,
  ReadinessRequest,
  ReadinessSettings,
  ResolveCommentRequest,
  ResolveLinkRequest,
  RestoreFindingRequest,
  ResultDeals,
  ResultsAccess,
  ResultsScope,
  Reverification,
  ReverifyRequest,
  ReviewState,
  Reviewer,
  ReviewerCardPreview,
  SavePitchDocRequest,
  SavePitchDocResult,
  SavePitchVersionRequest,
  SaveProfileRequest,
  ScoreWeights,
  SearchHit,
  SetCheckSettingRequest,
  SetClaimKindRequest,
  StartupSnapshot,
  SubmitKitRequest,
  SubmitRequest,
  SuggestRequest,
  Suggestion,
  TmxImport,
  TrainingImport,
  TrainingItemRequest,
  TrainingKit,
  TrainingKitRequest,
  TrendPoint,
  UpdateAudienceRequest,
  UpdateGlossaryRequest,
  UpdateLaunchRequest,
  ValidUntilRequest,
  VerificationRequest,
  VersionReport,
  WorkspaceInfo,
} from "./bindings";
import { call, on } from "./ipc";

// ---- audiences ---------------------------------------------------------------------------------

export function listAudiences(): Promise<Audience[]> {
  return call<Audience[]>("list_audiences");
}

export function createAudience(input: AudienceInput): Promise<Audience> {
  return call<Audience>("create_audience", { input });
}

export function updateAudience(req: UpdateAudienceRequest): Promise<Audience> {
  return call<Audience>("update_audience", { req });
}

export function deleteAudience(id: number): Promise<void> {
  return call<void>("delete_audience", { id });
}

// ---- audit -------------------------------------------------------------------------------------

export function auditEvents(): Promise<AuditEvent[]> {
  return call<AuditEvent[]>("audit_events");
}

/** What the trail's subjects are called now (pitch titles, message titles, reviewer names). */
export function auditSubjects(): Promise<AuditSubject[]> {
  return call<AuditSubject[]>("audit_subjects");
}

/** Checks the trail's hash chain and reports its first broken link. */
export function verifyAudit(): Promise<AuditVerification> {
  return call<AuditVerification>("verify_audit");
}

// ---- brand kit ---------------------------------------------------------------------------------

export function getBrandKit(): Promise<BrandKitView> {
  return call<BrandKitView>("get_brand_kit");
}

export function setBrandKit(input: BrandKitInput): Promise<BrandKitView> {
  return call<BrandKitView>("set_brand_kit", { input });
}

/** Asks for a PNG or JPEG and makes it the kit's logo; `None` when cancelled. */
export function pickBrandLogo(): Promise<BrandKitView | null> {
  return call<BrandKitView | null>("pick_brand_logo");
}

export function clearBrandLogo(): Promise<BrandKitView> {
  return call<BrandKitView>("clear_brand_logo");
}

// ---- checks ------------------------------------------------------------------------------------

export function checkPitch(req: CheckPitchRequest): Promise<PitchCheckReport> {
  return call<PitchCheckReport>("check_pitch", { req });
}

export function dismissFinding(req: DismissFindingRequest): Promise<Dismissal> {
  return call<Dismissal>("dismiss_finding", { req });
}

export function restoreFinding(req: RestoreFindingRequest): Promise<void> {
  return call<void>("restore_finding", { req });
}

export function setManualItem(req: ManualItemRequest): Promise<void> {
  return call<void>("set_manual_item", { req });
}

export function getCheckSettings(): Promise<CheckSettingsView> {
  return call<CheckSettingsView>("get_check_settings");
}

export function setCheckSetting(req: SetCheckSettingRequest): Promise<CheckSettingsView> {
  return call<CheckSettingsView>("set_check_setting", { req });
}

export function spellingSuggestions(word: string): Promise<string[]> {
  return call<string[]>("spelling_suggestions", { word });
}

export function addDictionaryWord(word: string): Promise<string[]> {
  return call<string[]>("add_dictionary_word", { word });
}

export function removeDictionaryWord(word: string): Promise<string[]> {
  return call<string[]>("remove_dictionary_word", { word });
}

export function listDictionaryWords(): Promise<string[]> {
  return call<string[]>("list_dictionary_words");
}

// ---- export ------------------------------------------------------------------------------------

/**
 * Asks where to save, then exports the pitch in each format asked (the second beside the
 * first, with its own extension), then opens the first in the system's viewer. `None` when
 * the dialog is cancelled.
 */
export function exportPitch(pitchId: number, formats: ExportFormat[]): Promise<ExportOutcome[] | null> {
  return call<ExportOutcome[] | null>("export_pitch", { pitchId, formats });
}

// ---- glossary ----------------------------------------------------------------------------------

export function glossaryCandidates(): Promise<GlossaryCandidate[]> {
  return call<GlossaryCandidate[]>("glossary_candidates");
}

export function listGlossary(): Promise<GlossaryTerm[]> {
  return call<GlossaryTerm[]>("list_glossary");
}

export function addGlossaryTerm(input: GlossaryInput): Promise<GlossaryTerm> {
  return call<GlossaryTerm>("add_glossary_term", { input });
}

export function updateGlossaryTerm(req: UpdateGlossaryRequest): Promise<GlossaryTerm> {
  return call<GlossaryTerm>("update_glossary_term", { req });
}

export function deleteGlossaryTerm(id: number): Promise<void> {
  return call<void>("delete_glossary_term", { id });
}

/** Asks for a CSV file and merges it into the glossary; `None` when the dialog is cancelled. */
export function importGlossaryCsv(): Promise<GlossaryImportReport | null> {
  return call<GlossaryImportReport | null>("import_glossary_csv");
}

/**
 * Asks where to save, then writes the glossary as CSV; the number of terms written, or
 * `None` when cancelled.
 */
export function exportGlossaryCsv(): Promise<number | null> {
  return call<number | null>("export_glossary_csv");
}

// ---- import ------------------------------------------------------------------------------------

/** The `--import` file, once: the UI asks after it has opened the workspace. */
export function takePendingImport(): Promise<string | null> {
  return call<string | null>("take_pending_import");
}

/** Shows the native open dialog for a Word, Markdown or text file; `None` when cancelled. */
export function pickImportFile(): Promise<string | null> {
  return call<string | null>("pick_import_file");
}

/** Reads the file once and says what importing it would do; nothing is written. */
export function previewImport(req: ImportRequest): Promise<ImportPreview> {
  return call<ImportPreview>("preview_import", { req });
}

/** Imports what the preview showed (refused if the file has changed since). */
export function applyImport(req: ImportRequest): Promise<ImportOutcome> {
  return call<ImportOutcome>("apply_import", { req });
}

// ---- launches ----------------------------------------------------------------------------------

export function listLaunches(): Promise<LaunchSummary[]> {
  return call<LaunchSummary[]>("list_launches");
}

export function getLaunch(id: number): Promise<LaunchDetail> {
  return call<LaunchDetail>("get_launch", { id });
}

export function createLaunch(input: LaunchInput): Promise<Launch> {
  return call<Launch>("create_launch", { input });
}

export function updateLaunch(req: UpdateLaunchRequest): Promise<Launch> {
  return call<Launch>("update_launch", { req });
}

export function deleteLaunch(id: number): Promise<void> {
  return call<void>("delete_launch", { id });
}

// ---- memory ------------------------------------------------------------------------------------

export function suggestWording(req: SuggestRequest): Promise<Suggestion[]> {
  return call<Suggestion[]>("suggest_wording", { req });
}

export function concordance(phrase: string): Promise<ConcordanceHit[]> {
  return call<ConcordanceHit[]>("concordance", { phrase });
}

/** Saves the memory as TMX where the person chooses: how many pairs, or `None` when cancelled. */
export function exportMemoryTmx(): Promise<number | null> {
  return call<number | null>("export_memory_tmx");
}

/** Reads a TMX file the person chooses into the memory; `None` when cancelled. */
export function importMemoryTmx(): Promise<TmxImport | null> {
  return call<TmxImport | null>("import_memory_tmx");
}

// ---- messages ----------------------------------------------------------------------------------

export function createMessage(req: CreateMessageRequest): Promise<MessageDetail> {
  return call<MessageDetail>("create_message", { req });
}

export function getMessage(id: number): Promise<MessageDetail> {
  return call<MessageDetail>("get_message", { id });
}

/** What a new version would change, without changing anything. */
export function previewMessageVersion(req: AddMessageVersionRequest): Promise<VersionReport> {
  return call<VersionReport>("preview_message_version", { req });
}

export function addMessageVersion(req: AddMessageVersionRequest): Promise<VersionReport> {
  return call<VersionReport>("add_message_version", { req });
}

export function setClaimKind(req: SetClaimKindRequest): Promise<Claim> {
  return call<Claim>("set_claim_kind", { req });
}

export function deleteMessage(id: number): Promise<void> {
  return call<void>("delete_message", { id });
}

// ---- pitch editor ------------------------------------------------------------------------------

export function getPitchEditor(id: number): Promise<PitchEditorView> {
  return call<PitchEditorView>("get_pitch_editor", { id });
}

/** Saves the whole document; only changed blocks are written. */
export function savePitchDoc(req: SavePitchDocRequest): Promise<SavePitchDocResult> {
  return call<SavePitchDocResult>("save_pitch_doc", { req });
}

export function linkClaims(req: LinkClaimsRequest): Promise<PitchLinks> {
  return call<PitchLinks>("link_claims", { req });
}

export function unlinkClaim(req: LinkRequest): Promise<PitchLinks> {
  return call<PitchLinks>("unlink_claim", { req });
}

/** A stale link brought up to date with its claim's current text. */
export function confirmLink(req: ResolveLinkRequest): Promise<PitchLinks> {
  return call<PitchLinks>("confirm_link", { req });
}

export function savePitchVersion(req: SavePitchVersionRequest): Promise<PitchVersionSummary[]> {
  return call<PitchVersionSummary[]>("save_pitch_version", { req });
}

export function comparePitchVersion(req: PitchVersionRequest): Promise<DiffSpan[]> {
  return call<DiffSpan[]>("compare_pitch_version", { req });
}

export function restorePitchVersion(req: PitchVersionRequest): Promise<PitchEditorView> {
  return call<PitchEditorView>("restore_pitch_version", { req });
}

// ---- pitches -----------------------------------------------------------------------------------

export function listCollateralTypes(): Promise<CollateralType[]> {
  return call<CollateralType[]>("list_collateral_types");
}

export function createPitch(req: CreatePitchRequest): Promise<PitchDetail> {
  return call<PitchDetail>("create_pitch", { req });
}

export function getPitch(id: number): Promise<PitchDetail> {
  return call<PitchDetail>("get_pitch", { id });
}

export function deletePitch(id: number): Promise<void> {
  return call<void>("delete_pitch", { id });
}

// ---- profile -----------------------------------------------------------------------------------

export function getProfile(): Promise<ProfileView | null> {
  return call<ProfileView | null>("get_profile");
}

export function saveProfile(req: SaveProfileRequest): Promise<ProfileView> {
  return call<ProfileView>("save_profile", { req });
}

export function createSigningKey(req: PassphraseRequest): Promise<ProfileView> {
  return call<ProfileView>("create_signing_key", { req });
}

/** The reviewer proves they hold their key before editing a pitch in review. */
export function unlockForReview(req: PassphraseRequest): Promise<void> {
  return call<void>("unlock_for_review", { req });
}

// ---- readiness ---------------------------------------------------------------------------------

export function launchReadiness(req: ReadinessRequest): Promise<LaunchReadiness> {
  return call<LaunchReadiness>("launch_readiness", { req });
}

/** The launches whose reading for today is still to be kept. */
export function readingsDue(): Promise<number[]> {
  return call<number[]>("readings_due");
}

/** Keeps today's reading of a launch, for its trend. */
export function recordReadiness(launchId: number): Promise<TrendPoint> {
  return call<TrendPoint>("record_readiness", { launchId });
}

export function launchTargets(launchId: number): Promise<LaunchTargets> {
  return call<LaunchTargets>("launch_targets", { launchId });
}

export function setLaunchTargets(targets: LaunchTargets): Promise<LaunchTargets> {
  return call<LaunchTargets>("set_launch_targets", { targets });
}

export function messageValidUntil(messageId: number): Promise<string> {
  return call<string>("message_valid_until", { messageId });
}

export function setMessageValidUntil(req: ValidUntilRequest): Promise<string> {
  return call<string>("set_message_valid_until", { req });
}

export function setPitchVerification(req: VerificationRequest): Promise<void> {
  return call<void>("set_pitch_verification", { req });
}

export function readinessSettings(): Promise<ReadinessSettings> {
  return call<ReadinessSettings>("readiness_settings");
}

/** The score's weights and the re-verification intervals, set together. */
export function setReadinessSettings(settings: ReadinessSettings): Promise<ReadinessSettings> {
  return call<ReadinessSettings>("set_readiness_settings", { settings });
}

export function pitchVerification(pitchId: number): Promise<PitchVerification> {
  return call<PitchVerification>("pitch_verification", { pitchId });
}

export function setReadinessWeights(weights: ScoreWeights): Promise<ScoreWeights> {
  return call<ScoreWeights>("set_readiness_weights", { weights });
}

export function reverification(pitchId: number): Promise<Reverification> {
  return call<Reverification>("reverification", { pitchId });
}

/** What expires within two weeks that is the person's to re-verify or to write. */
export function expiringForMe(): Promise<MyExpiring[]> {
  return call<MyExpiring[]>("expiring_for_me");
}

/** The verifier re-verifies an approved pitch with a signed decision. */
export function reverify(req: ReverifyRequest): Promise<ReviewState> {
  return call<ReviewState>("reverify", { req });
}

/**
 * The readiness report for a VP, saved where the person chooses and opened in their viewer;
 * `None` when they cancel the save dialog.
 */
export function exportReadinessReport(launchId: number, format: ExportFormat): Promise<ExportOutcome | null> {
  return call<ExportOutcome | null>("export_readiness_report", { launchId, format });
}

// ---- results -----------------------------------------------------------------------------------

/** Shows the open dialog for a CSV export; `None` when cancelled. */
export function pickResultsFile(title: string): Promise<string | null> {
  return call<string | null>("pick_results_file", { title });
}

export function launchResults(launchId: number, perRep: boolean): Promise<LaunchResults> {
  return call<LaunchResults>("launch_results", { launchId, perRep });
}

export function resultsDeals(launchId: number, group: DealGroup, limit: number): Promise<ResultDeals> {
  return call<ResultDeals>("results_deals", { launchId, group, limit });
}

export function resultsAccess(): Promise<ResultsAccess> {
  return call<ResultsAccess>("results_access");
}

/** Makes the person using the app the workspace's owner, or (the owner) hands it to `email`. */
export function setWorkspaceOwner(email: string | null): Promise<ResultsAccess> {
  return call<ResultsAccess>("set_workspace_owner", { email });
}

export function importPeople(path: string): Promise<PeopleImport> {
  return call<PeopleImport>("import_people", { path });
}

export function people(): Promise<PersonRow[]> {
  return call<PersonRow[]>("people");
}

export function importTrainingResults(path: string, dateOrder: DateOrder | null): Promise<TrainingImport> {
  return call<TrainingImport>("import_training_results", { path, dateOrder });
}

export function certifyRep(email: string, launchId: number, audienceId: number | null, day: string, attestedBy: string): Promise<boolean> {
  return call<boolean>("certify_rep", { email, launchId, audienceId, day, attestedBy });
}

/** The file's first rows and the mapping as it would be applied. */
export function previewDeals(path: string, mapping: DealMapping): Promise<DealPreview> {
  return call<DealPreview>("preview_deals", { path, mapping });
}

/** Imports a CRM export with a mapping, telling the UI how far it is as it reads. */
export function importDeals(path: string, mapping: DealMapping): Promise<DealImport> {
  return call<DealImport>("import_deals", { path, mapping });
}

export function mapDealOwner(owner: string, email: string): Promise<void> {
  return call<void>("map_deal_owner", { owner, email });
}

export function resultsScope(launchId: number): Promise<ResultsScope> {
  return call<ResultsScope>("results_scope", { launchId });
}

/**
 * Sets the launch's product line and its regions' availability (the whole list: regions left
 * out are forgotten).
 */
export function setResultsScope(launchId: number, productLine: string, availability: Array<[string, string]>): Promise<ResultsScope> {
  return call<ResultsScope>("set_results_scope", { launchId, productLine, availability });
}

// ---- review ------------------------------------------------------------------------------------

export function registerAsReviewer(): Promise<Reviewer> {
  return call<Reviewer>("register_as_reviewer");
}

export function listReviewers(): Promise<Reviewer[]> {
  return call<Reviewer[]>("list_reviewers");
}

export function reviewState(pitchId: number): Promise<ReviewState> {
  return call<ReviewState>("review_state", { pitchId });
}

export function submitForReview(req: SubmitRequest): Promise<ReviewState> {
  return call<ReviewState>("submit_for_review", { req });
}

export function withdrawReview(req: PitchRef): Promise<ReviewState> {
  return call<ReviewState>("withdraw_review", { req });
}

export function addComment(req: AddCommentRequest): Promise<ReviewState> {
  return call<ReviewState>("add_comment", { req });
}

export function resolveComment(req: ResolveCommentRequest): Promise<ReviewState> {
  return call<ReviewState>("resolve_comment", { req });
}

/** The reviewer's decision, signed with their passphrase. */
export function decide(req: DecideRequest): Promise<ReviewState> {
  return call<ReviewState>("decide", { req });
}

/** Any two versions of a pitch (or a version with the text now), word by word. */
export function compareVersions(req: CompareVersionsRequest): Promise<DiffSpan[]> {
  return call<DiffSpan[]>("compare_versions", { req });
}

// ---- review files ------------------------------------------------------------------------------

/** Asks where to save the person's reviewer card; `false` when cancelled. */
export function exportReviewerCard(): Promise<boolean> {
  return call<boolean>("export_reviewer_card");
}

/** Asks for a reviewer card and registers the reviewer it names; `None` when cancelled. */
export function importReviewerCard(): Promise<Reviewer | null> {
  return call<Reviewer | null>("import_reviewer_card");
}

/**
 * Asks where to save, then writes the pitch's review package; the path, or `None` when
 * cancelled.
 */
export function exportReviewPackage(pitchId: number): Promise<string | null> {
  return call<string | null>("export_review_package", { pitchId });
}

/**
 * Asks for a review package and opens it as a review copy beside it (never over an existing
 * file), which becomes the open workspace.
 */
export function openReviewPackage(): Promise<WorkspaceInfo | null> {
  return call<WorkspaceInfo | null>("open_review_package");
}

/** Asks where to save the pitch's latest decision as a file for the writer. */
export function exportDecision(pitchId: number): Promise<string | null> {
  return call<string | null>("export_decision", { pitchId });
}

/** Asks for a decision file and applies it (or says why not). */
export function importDecision(): Promise<DecisionImport | null> {
  return call<DecisionImport | null>("import_decision");
}

/** The review package, decision or reviewer card the app was started with, once. */
export function takeOpenedFile(): Promise<OpenedFile | null> {
  return call<OpenedFile | null>("take_opened_file");
}

/**
 * Opens a review package handed over by the desktop as a review copy: at `copy` (beside the
 * package), or where the person chooses when `choose` is set (`None` when they cancel).
 */
export function openReviewPackageFile(packagePath: string, copy: string, choose: boolean): Promise<WorkspaceInfo | null> {
  return call<WorkspaceInfo | null>("open_review_package_file", { packagePath, copy, choose });
}

export function previewDecisionFile(path: string): Promise<DecisionFilePreview> {
  return call<DecisionFilePreview>("preview_decision_file", { path });
}

/** Applies a decision file the person has seen the preview of. */
export function applyDecisionFile(path: string): Promise<DecisionImport> {
  return call<DecisionImport>("apply_decision_file", { path });
}

/** Opens the workspace a decision was made for and applies it there. */
export function applyDecisionInItsWorkspace(path: string): Promise<DecisionImport> {
  return call<DecisionImport>("apply_decision_in_its_workspace", { path });
}

export function previewReviewerCard(path: string): Promise<ReviewerCardPreview> {
  return call<ReviewerCardPreview>("preview_reviewer_card", { path });
}

/** Registers the reviewer of a card the person has seen. */
export function addReviewerFromCard(path: string): Promise<Reviewer> {
  return call<Reviewer>("add_reviewer_from_card", { path });
}

// ---- training ----------------------------------------------------------------------------------

export function trainingKit(req: TrainingKitRequest): Promise<TrainingKit> {
  return call<TrainingKit>("training_kit", { req });
}

/**
 * Saves the kit in one format where the person chooses; `None` when they cancel. The rep
 * guide opens in their viewer.
 */
export function exportTrainingKit(launchId: number, audienceId: number, format: KitFormat): Promise<ExportOutcome[] | null> {
  return call<ExportOutcome[] | null>("export_training_kit", { launchId, audienceId, format });
}

export function launchKitPlan(launchId: number, audienceId: number): Promise<LaunchKitPlan> {
  return call<LaunchKitPlan>("launch_kit_plan", { launchId, audienceId });
}

/** Saves the launch kit (a zip) where the person chooses; `None` when they cancel. */
export function exportLaunchKit(launchId: number, audienceId: number): Promise<LaunchKitOutcome | null> {
  return call<LaunchKitOutcome | null>("export_launch_kit", { launchId, audienceId });
}

export function certification(launchId: number, audienceId: number): Promise<Certification> {
  return call<Certification>("certification", { launchId, audienceId });
}

export function setCertification(req: CertificationRequest): Promise<Certification> {
  return call<Certification>("set_certification", { req });
}

/** Removes an item from the kit (`removed` true) or puts it back. */
export function removeTrainingItem(req: TrainingItemRequest, removed: boolean): Promise<TrainingKit> {
  return call<TrainingKit>("remove_training_item", { req, removed });
}

/** Moves an item one place up (−1) or down (+1) among its kind. */
export function moveTrainingItem(req: TrainingItemRequest, by: number): Promise<TrainingKit> {
  return call<TrainingKit>("move_training_item", { req, by });
}

/** Rewords an item, or puts it back as made (`item` null). */
export function editTrainingItem(req: EditTrainingItemRequest): Promise<TrainingKit> {
  return call<TrainingKit>("edit_training_item", { req });
}

/** Sends the kit as it is to a registered reviewer. */
export function submitTrainingKit(req: SubmitKitRequest): Promise<TrainingKit> {
  return call<TrainingKit>("submit_training_kit", { req });
}

export function withdrawTrainingKit(req: TrainingKitRequest): Promise<TrainingKit> {
  return call<TrainingKit>("withdraw_training_kit", { req });
}

/** The reviewer's signed decision on the kit. */
export function decideTrainingKit(req: DecideKitRequest): Promise<TrainingKit> {
  return call<TrainingKit>("decide_training_kit", { req });
}

// ---- workspace ---------------------------------------------------------------------------------

/** The open workspace, its launches and the first launch in full: the first screen's data. */
export function startupSnapshot(): Promise<StartupSnapshot> {
  return call<StartupSnapshot>("startup_snapshot");
}

/** Opens (or creates) the named workspace. */
export function openWorkspace(req: OpenWorkspaceRequest): Promise<WorkspaceInfo> {
  return call<WorkspaceInfo>("open_workspace", { req });
}

/**
 * Shows the native open (or save, for a new workspace) dialog, then opens the choice; `None`
 * when cancelled.
 */
export function pickWorkspace(create: boolean): Promise<WorkspaceInfo | null> {
  return call<WorkspaceInfo | null>("pick_workspace", { create });
}

/**
 * Called by the UI once the first screen with data has been painted (on the frame after the
 * one that painted it, which started `first_frame_ms_ago`); the start-up benchmark reads the
 * lines it prints. The pitch checker (its dictionary) is then built in the background, so the
 * first check is quick and start-up does not wait for it.
 */
export function frontendReady(firstFrameMsAgo: number): Promise<void> {
  return call<void>("frontend_ready", { firstFrameMsAgo });
}

/** Full-text search over current claims and pitch text. */
export function search(query: string): Promise<SearchHit[]> {
  return call<SearchHit[]>("search", { query });
}

/**
 * Asks where to save a copy of the open workspace (one complete file to mail or keep), then
 * writes it while the workspace stays open; the path, or `None` when cancelled.
 */
export function saveWorkspaceCopy(): Promise<string | null> {
  return call<string | null>("save_workspace_copy");
}

// ---- events from the shell -------------------------------------------------------------

/** Another workspace is open (from the menu, a dialog, or a second start handing over). */
export function onWorkspaceChanged(handler: (payload: WorkspaceInfo) => void): Promise<UnlistenFn> {
  return on<WorkspaceInfo>("workspace-changed", handler);
}

/** A workspace could not be opened from the menu or a second start. */
export function onWorkspaceError(handler: (payload: ApiError) => void): Promise<UnlistenFn> {
  return on<ApiError>("workspace-error", handler);
}

/** A second start asked to import a file (`--import FILE`). */
export function onImportRequested(handler: (payload: string) => void): Promise<UnlistenFn> {
  return on<string>("import-requested", handler);
}

/** A review package, decision or reviewer card was opened from the desktop while we run. */
export function onFileOpenRequested(handler: (payload: OpenedFile) => void): Promise<UnlistenFn> {
  return on<OpenedFile>("file-open-requested", handler);
}

/** Help → Keyboard Shortcuts (F1). */
export function onShowShortcuts(handler: () => void): Promise<UnlistenFn> {
  return on<null>("show-shortcuts", () => handler());
}

/** A deals import has read further. */
export function onDealsImportProgress(handler: (payload: ImportProgress) => void): Promise<UnlistenFn> {
  return on<ImportProgress>("deals-import-progress", handler);
}
