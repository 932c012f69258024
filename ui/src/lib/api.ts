// The one bridge to the desktop shell: a typed function per command, and the shell's events.
// Every failure comes out as an `ApiError`, so screens can show `message` and branch on `code`.

import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type {
  AddMessageVersionRequest,
  ApiError,
  Audience,
  AudienceInput,
  Claim,
  CollateralType,
  BrandKitInput,
  BrandKitView,
  CheckPitchRequest,
  CheckSettingsView,
  CreateMessageRequest,
  Dismissal,
  DismissFindingRequest,
  ExportFormat,
  ExportOutcome,
  GlossaryImportReport,
  GlossaryInput,
  ManualItemRequest,
  PitchCheckReport,
  RestoreFindingRequest,
  SetCheckSettingRequest,
  UpdateGlossaryRequest,
  CreatePitchRequest,
  DiffSpan,
  GlossaryTerm,
  ImportOutcome,
  ImportPreview,
  ImportRequest,
  LinkClaimsRequest,
  LinkRequest,
  Launch,
  LaunchDetail,
  LaunchInput,
  LaunchSummary,
  MessageDetail,
  OpenWorkspaceRequest,
  PitchDetail,
  PitchEditorView,
  PitchLinks,
  PitchVersionRequest,
  PitchVersionSummary,
  ResolveLinkRequest,
  SavePitchDocRequest,
  SavePitchDocResult,
  SavePitchVersionRequest,
  SearchHit,
  SetClaimKindRequest,
  StartupSnapshot,
  UpdateAudienceRequest,
  UpdateLaunchRequest,
  VersionReport,
  WorkspaceInfo,
  AddCommentRequest,
  AuditEvent,
  AuditVerification,
  CompareVersionsRequest,
  DecideRequest,
  DecisionImport,
  PassphraseRequest,
  PitchRef,
  ProfileView,
  ResolveCommentRequest,
  Reviewer,
  ReviewState,
  SaveProfileRequest,
  SubmitRequest,
} from "./bindings";
import { ERROR_CODES } from "./bindings";

const ERROR_CODE_SET: ReadonlySet<string> = new Set<string>(ERROR_CODES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

export function isApiError(value: unknown): value is ApiError {
  return (
    isRecord(value) &&
    typeof value.code === "string" &&
    ERROR_CODE_SET.has(value.code) &&
    typeof value.message === "string"
  );
}

/** Turns whatever a failed call produced into an `ApiError`. */
export function toApiError(reason: unknown): ApiError {
  if (isApiError(reason)) {
    return { code: reason.code, message: reason.message };
  }
  if (typeof reason === "string") {
    return { code: "internal", message: reason || "Something went wrong." };
  }
  if (reason instanceof Error) {
    return { code: "internal", message: reason.message || "Something went wrong." };
  }
  if (isRecord(reason) && typeof reason.message === "string") {
    return { code: "internal", message: reason.message };
  }
  return { code: "internal", message: "Something went wrong." };
}

/** Plain data only crosses the bridge: reactive proxies and the like are flattened first. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

async function call<T>(command: string, args?: InvokeArgs, fresh = false): Promise<T> {
  try {
    // `fresh` arguments were just built as plain objects: no copy needed (the autosave sends
    // the whole pitch every second of typing, and copying it was garbage for the collector).
    return await invoke<T>(command, args === undefined || fresh ? args : plain(args));
  } catch (reason) {
    throw toApiError(reason);
  }
}

// ---- workspace -------------------------------------------------------------------------------

/** The open workspace, its launches and the first launch in full: the first screen's data. */
/** The start-up snapshot: the one boot.js asked for before this code loaded (once), or a new one. */
export function startupSnapshot(): Promise<StartupSnapshot> {
  const early = (window as { __pbStartup?: Promise<StartupSnapshot> }).__pbStartup;
  if (early) {
    delete (window as { __pbStartup?: Promise<StartupSnapshot> }).__pbStartup;
    return early.catch((reason: unknown) => {
      throw toApiError(reason);
    });
  }
  return call<StartupSnapshot>("startup_snapshot");
}

export function openWorkspace(req: OpenWorkspaceRequest): Promise<WorkspaceInfo> {
  return call<WorkspaceInfo>("open_workspace", { req });
}

/** Shows the system's open or save dialog; `null` when the person cancels it. */
export function pickWorkspace(create: boolean): Promise<WorkspaceInfo | null> {
  return call<WorkspaceInfo | null>("pick_workspace", { create });
}

/** The first screen has been painted; its first frame started `firstFrameMsAgo` before. */
export function frontendReady(firstFrameMsAgo: number): Promise<null> {
  return call<null>("frontend_ready", { firstFrameMsAgo });
}

// ---- launches --------------------------------------------------------------------------------

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

export function deleteLaunch(id: number): Promise<null> {
  return call<null>("delete_launch", { id });
}

// ---- Factory messages and claims -------------------------------------------------------------

export function createMessage(req: CreateMessageRequest): Promise<MessageDetail> {
  return call<MessageDetail>("create_message", { req });
}

export function addMessageVersion(req: AddMessageVersionRequest): Promise<VersionReport> {
  return call<VersionReport>("add_message_version", { req });
}

/** What a new version would change, with nothing written. */
export function previewMessageVersion(req: AddMessageVersionRequest): Promise<VersionReport> {
  return call<VersionReport>("preview_message_version", { req });
}

export function getMessage(id: number): Promise<MessageDetail> {
  return call<MessageDetail>("get_message", { id });
}

export function setClaimKind(req: SetClaimKindRequest): Promise<Claim> {
  return call<Claim>("set_claim_kind", { req });
}

export function deleteMessage(id: number): Promise<null> {
  return call<null>("delete_message", { id });
}

// ---- audiences -------------------------------------------------------------------------------

export function listAudiences(): Promise<Audience[]> {
  return call<Audience[]>("list_audiences");
}

export function createAudience(input: AudienceInput): Promise<Audience> {
  return call<Audience>("create_audience", { input });
}

export function updateAudience(req: UpdateAudienceRequest): Promise<Audience> {
  return call<Audience>("update_audience", { req });
}

export function deleteAudience(id: number): Promise<null> {
  return call<null>("delete_audience", { id });
}

// ---- collateral types, pitches, glossary, search ---------------------------------------------

export function listCollateralTypes(): Promise<CollateralType[]> {
  return call<CollateralType[]>("list_collateral_types");
}

export function createPitch(req: CreatePitchRequest): Promise<PitchDetail> {
  return call<PitchDetail>("create_pitch", { req });
}

export function getPitch(id: number): Promise<PitchDetail> {
  return call<PitchDetail>("get_pitch", { id });
}

export function deletePitch(id: number): Promise<null> {
  return call<null>("delete_pitch", { id });
}

// ---- importing Factory material -------------------------------------------------------------

/** Shows the system's open dialog for a Word, Markdown or text file; `null` when cancelled. */
export function pickImportFile(): Promise<string | null> {
  return call<string | null>("pick_import_file");
}

/** The file named with `--import` on the command line, once. */
export function takePendingImport(): Promise<string | null> {
  return call<string | null>("take_pending_import");
}

/** Reads the file and says what importing it would do; nothing is written. */
export function previewImport(req: ImportRequest): Promise<ImportPreview> {
  return call<ImportPreview>("preview_import", { req });
}

export function applyImport(req: ImportRequest): Promise<ImportOutcome> {
  return call<ImportOutcome>("apply_import", { req });
}

// ---- the side-by-side editor ---------------------------------------------------------------

export function getPitchEditor(id: number): Promise<PitchEditorView> {
  return call<PitchEditorView>("get_pitch_editor", { id });
}

/** The autosave: the whole document goes, only what changed is written. */
export function savePitchDoc(req: SavePitchDocRequest): Promise<SavePitchDocResult> {
  return call<SavePitchDocResult>("save_pitch_doc", { req }, true);
}

export function linkClaims(req: LinkClaimsRequest): Promise<PitchLinks> {
  return call<PitchLinks>("link_claims", { req });
}

export function unlinkClaim(req: LinkRequest): Promise<PitchLinks> {
  return call<PitchLinks>("unlink_claim", { req });
}

/** Resolves a stale flag: the paragraph was revised, or still holds. */
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

// ---- checks ----------------------------------------------------------------------------------

/** Runs every enabled check over the editor's current document (or the stored one). */
export function checkPitch(req: CheckPitchRequest): Promise<PitchCheckReport> {
  return call<PitchCheckReport>("check_pitch", { req }, true);
}

export function dismissFinding(req: DismissFindingRequest): Promise<Dismissal> {
  return call<Dismissal>("dismiss_finding", { req });
}

export function restoreFinding(req: RestoreFindingRequest): Promise<null> {
  return call<null>("restore_finding", { req });
}

export function setManualItem(req: ManualItemRequest): Promise<null> {
  return call<null>("set_manual_item", { req });
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

// ---- export ----------------------------------------------------------------------------------

/** Asks where to save, writes each format, opens the first; `null` when cancelled. */
export function exportPitch(pitchId: number, formats: ExportFormat[]): Promise<ExportOutcome[] | null> {
  return call<ExportOutcome[] | null>("export_pitch", { pitchId, formats });
}

export function getBrandKit(): Promise<BrandKitView> {
  return call<BrandKitView>("get_brand_kit");
}

export function setBrandKit(input: BrandKitInput): Promise<BrandKitView> {
  return call<BrandKitView>("set_brand_kit", { input });
}

/** Asks for a PNG or JPEG logo; `null` when cancelled. */
export function pickBrandLogo(): Promise<BrandKitView | null> {
  return call<BrandKitView | null>("pick_brand_logo");
}

export function clearBrandLogo(): Promise<BrandKitView> {
  return call<BrandKitView>("clear_brand_logo");
}

// ---- review and approval ---------------------------------------------------------------------

/** The person's profile, or `null` before they have made one. */
export function getProfile(): Promise<ProfileView | null> {
  return call<ProfileView | null>("get_profile");
}

export function saveProfile(req: SaveProfileRequest): Promise<ProfileView> {
  return call<ProfileView>("save_profile", { req });
}

export function createSigningKey(req: PassphraseRequest): Promise<ProfileView> {
  return call<ProfileView>("create_signing_key", { req });
}

export function registerAsReviewer(): Promise<Reviewer> {
  return call<Reviewer>("register_as_reviewer");
}

export function listReviewers(): Promise<Reviewer[]> {
  return call<Reviewer[]>("list_reviewers");
}

/** Asks where to save the person's reviewer card; `false` when cancelled. */
export function exportReviewerCard(): Promise<boolean> {
  return call<boolean>("export_reviewer_card");
}

/** Asks for a reviewer card and registers its reviewer; `null` when cancelled. */
export function importReviewerCard(): Promise<Reviewer | null> {
  return call<Reviewer | null>("import_reviewer_card");
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

/** The reviewer's passphrase, proving they hold their key, before editing a pitch in review. */
export function unlockForReview(req: PassphraseRequest): Promise<void> {
  return call<void>("unlock_for_review", { req });
}

export function decide(req: DecideRequest): Promise<ReviewState> {
  return call<ReviewState>("decide", { req });
}

/** Asks where to save the review package; its path, or `null` when cancelled. */
export function exportReviewPackage(pitchId: number): Promise<string | null> {
  return call<string | null>("export_review_package", { pitchId });
}

/** Asks for a review package and opens it as a review copy; `null` when cancelled. */
export function openReviewPackage(): Promise<WorkspaceInfo | null> {
  return call<WorkspaceInfo | null>("open_review_package");
}

/** Asks where to save the latest decision; its path, or `null` when cancelled. */
export function exportDecision(pitchId: number): Promise<string | null> {
  return call<string | null>("export_decision", { pitchId });
}

/** Asks for a decision file and applies it; `null` when cancelled. */
export function importDecision(): Promise<DecisionImport | null> {
  return call<DecisionImport | null>("import_decision");
}

export function compareVersions(req: CompareVersionsRequest): Promise<DiffSpan[]> {
  return call<DiffSpan[]>("compare_versions", { req });
}

export function auditEvents(): Promise<AuditEvent[]> {
  return call<AuditEvent[]>("audit_events");
}

export function verifyAudit(): Promise<AuditVerification> {
  return call<AuditVerification>("verify_audit");
}

// ---- glossary --------------------------------------------------------------------------------

export function listGlossary(): Promise<GlossaryTerm[]> {
  return call<GlossaryTerm[]>("list_glossary");
}

export function addGlossaryTerm(input: GlossaryInput): Promise<GlossaryTerm> {
  return call<GlossaryTerm>("add_glossary_term", { input });
}

export function updateGlossaryTerm(req: UpdateGlossaryRequest): Promise<GlossaryTerm> {
  return call<GlossaryTerm>("update_glossary_term", { req });
}

export function deleteGlossaryTerm(id: number): Promise<null> {
  return call<null>("delete_glossary_term", { id });
}

/** Asks for a CSV and merges it; `null` when the dialog is cancelled. */
export function importGlossaryCsv(): Promise<GlossaryImportReport | null> {
  return call<GlossaryImportReport | null>("import_glossary_csv");
}

/** Asks where to save and writes the glossary as CSV; the number of terms, or `null`. */
export function exportGlossaryCsv(): Promise<number | null> {
  return call<number | null>("export_glossary_csv");
}

export function search(query: string): Promise<SearchHit[]> {
  return call<SearchHit[]>("search", { query });
}

// ---- events from the shell -------------------------------------------------------------------

async function on<T>(event: string, handler: (payload: T) => void): Promise<UnlistenFn> {
  try {
    return await listen<T>(event, (e) => handler(e.payload));
  } catch (reason) {
    throw toApiError(reason);
  }
}

/** Another workspace was opened (from the menu, say): everything shown is out of date. */
export function onWorkspaceChanged(handler: (info: WorkspaceInfo) => void): Promise<UnlistenFn> {
  return on<WorkspaceInfo>("workspace-changed", handler);
}

/** Something the shell did on its own failed, e.g. opening a file from the menu. */
export function onWorkspaceError(handler: (error: ApiError) => void): Promise<UnlistenFn> {
  return on<unknown>("workspace-error", (payload) => handler(toApiError(payload)));
}

/** Files dragged over the window from outside: `paths` while hovering (empty when they leave),
 *  then `dropped` with the paths. (The shell's drag-and-drop events, listened to directly: the
 *  webview module that wraps them would add 25 KB to start-up.) */
export async function onFileDrop(handlers: { hover: (paths: string[]) => void; dropped: (paths: string[]) => void }): Promise<UnlistenFn> {
  type Drag = { paths?: string[] };
  const unlisteners = await Promise.all([
    on<Drag>("tauri://drag-enter", (p) => handlers.hover(p.paths ?? [])),
    on<Drag>("tauri://drag-leave", () => handlers.hover([])),
    on<Drag>("tauri://drag-drop", (p) => {
      handlers.hover([]);
      if (p.paths && p.paths.length > 0) handlers.dropped(p.paths);
    }),
  ]);
  return () => unlisteners.forEach((u) => u());
}

/** A later start of the app was given `--import FILE`. */
export function onImportRequested(handler: (path: string) => void): Promise<UnlistenFn> {
  return on<string>("import-requested", handler);
}

/** The shell's Help menu asked for the keyboard shortcuts. */
export function onShowShortcuts(handler: () => void): Promise<UnlistenFn> {
  return on<unknown>("show-shortcuts", () => handler());
}
