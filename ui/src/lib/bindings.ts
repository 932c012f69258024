// Generated from the Rust types by pitchbridge-app (src/bindings.rs). Do not edit.

export type ClaimKind = "positioning" | "feature" | "advantage" | "benefit" | "proof" | "pricing" | "other";

export type Launch = { id: number, name: string, product: string, version: string, 
/**
 * ISO date (YYYY-MM-DD), or empty when not yet set.
 */
launchDate: string, ownerPm: string, description: string, createdAt: string, updatedAt: string, };

export type LaunchInput = { name: string, product: string, version: string, launchDate: string, ownerPm: string, description: string, };

export type FactoryMessage = { id: number, launchId: number, title: string, 
/**
 * The newest version's number; versions count from 1.
 */
currentVersion: number, 
/**
 * The newest version's source text, as pasted or imported.
 */
sourceText: string, createdAt: string, updatedAt: string, };

export type Claim = { id: number, messageId: number, 
/**
 * 1-based position in the current version: the number a writer sees.
 */
number: number, kind: ClaimKind, text: string, 
/**
 * The heading the claim sits under, if any.
 */
section: string, fingerprint: string, 
/**
 * The message version in which this claim's current text first appeared.
 */
sinceVersion: number, };

export type Research = { pains: Array<string>, goals: Array<string>, objections: Array<string>, customerWords: Array<string>, };

export type Audience = { id: number, channel: string, persona: string, summary: string, research: Research, };

export type AudienceInput = { channel: string, persona: string, summary: string, research: Research, };

export type PitchStatus = "draft" | "in-review" | "changes-requested" | "approved" | "needs-reapproval";

export type Pitch = { id: number, launchId: number, audienceId: number, 
/**
 * Id of a [`crate::collateral::CollateralType`], e.g. `one-pager`.
 */
collateralType: string, title: string, status: PitchStatus, createdAt: string, updatedAt: string, };

export type BlockKind = "heading" | "paragraph" | "bullet" | "numbered";

export type PitchBlock = { id: number, pitchId: number, ordinal: number, 
/**
 * A section id of the pitch's collateral type.
 */
section: string, 
/**
 * Stable within the pitch; the editor's handle on the block.
 */
key: string, kind: BlockKind, 
/**
 * Heading level (2 or 3); 0 for other blocks.
 */
level: number, runs: Array<Run>, text: string, claimIds: Array<number>, };

export type GlossaryRule = "explain" | "avoid" | "preferred";

export type GlossaryTerm = { id: number, term: string, customerPhrasing: string, rule: GlossaryRule, note: string, };

export type GlossaryInput = { term: string, customerPhrasing: string, rule: GlossaryRule, note: string, };

export type WordLimit = { min?: number, max?: number, };

export type ReadabilityTarget = { 
/**
 * Flesch–Kincaid grade ceiling.
 */
max_grade: number, 
/**
 * Flesch reading-ease floor.
 */
min_ease: number, };

export type SectionRole = "body" | "cards" | "column" | "callout" | "objections" | "title" | "subject";

export type Voice = "writer" | "customer";

export type Layout = "plain" | "elevator-pitch" | "email" | "one-pager" | "battle-card" | "call-script" | "objection-handling";

export type Section = { id: string, name: string, guidance: string, required: boolean, words: WordLimit, 
/**
 * How exports present it (`body` when the type file does not say).
 */
role: SectionRole, 
/**
 * Whose words the section holds: the writer's (the default) or the customer's (an
 * objection as the customer puts it), which the checks do not hold to the writer's rules.
 */
voice: Voice, 
/**
 * Whether exports print the section's name above it. Names are the writer's scaffolding,
 * printed only where the layout calls for a label (a battle card's "Landmines", a call
 * script's steps).
 */
label: boolean, };

export type ChecklistItem = { id: string, text: string, 
/**
 * Printed on every export once a reviewer has confirmed the item ("For internal and
 * partner use only").
 */
marking?: string, };

export type CollateralType = { id: string, name: string, description: string, order: number, words: WordLimit, readability: ReadabilityTarget, 
/**
 * The page design of its exports (`plain` when the type file does not say).
 */
layout: Layout, sections: Array<Section>, checklist: Array<ChecklistItem>, 
/**
 * Claims of these kinds must be translated somewhere in the pitch (the coverage meter).
 */
required_claim_kinds: Array<ClaimKind>, };

export type LaunchSummary = { launch: Launch, messageCount: number, pitchCount: number, };

export type MessageSummary = { id: number, title: string, currentVersion: number, claimCount: number, updatedAt: string, };

export type PitchSummary = { pitch: Pitch, 
/**
 * "VAR × IT director"
 */
audienceName: string, collateralTypeName: string, wordCount: number, };

export type LaunchDetail = { launch: Launch, messages: Array<MessageSummary>, pitches: Array<PitchSummary>, };

export type MessageDetail = { message: FactoryMessage, claims: Array<Claim>, };

export type PitchDetail = { summary: PitchSummary, blocks: Array<PitchBlock>, };

export type VersionReport = { version: number, unchanged: Array<number>, reworded: Array<number>, added: Array<number>, removed: Array<number>, 
/**
 * Reworded claims: their text before and after, word by word.
 */
rewordings: Array<ClaimRewording>, 
/**
 * Claims the new version no longer has, as they last read.
 */
removedClaims: Array<RemovedClaim>, 
/**
 * Pitches whose links this version made stale.
 */
stalePitches: Array<StalePitch>, };

export type SearchHitKind = "claim" | "pitch-block";

export type SearchHit = { kind: SearchHitKind, 
/**
 * The claim or block id.
 */
id: number, 
/**
 * The message (for a claim) or the pitch (for a block) it belongs to.
 */
parentId: number, parentTitle: string, launchId: number, 
/**
 * The matching text with matches between U+0002 and U+0003, so the UI can mark them
 * without parsing HTML.
 */
snippet: string, };

export type ErrorCode = "no-workspace" | "not-a-workspace" | "workspace-corrupt" | "newer-version" | "file-not-found" | "read-only" | "not-found" | "invalid-input" | "disk-full" | "io" | "import-failed" | "workspace-busy" | "needs-confirmation" | "review-refused" | "internal";

export type ApiError = { code: ErrorCode, message: string, };

export type WorkspaceInfo = { path: string, 
/**
 * The file name without its extension, for the window title.
 */
name: string, readOnly: boolean, 
/**
 * A review copy: a pitch sent from another workspace for review here.
 */
reviewCopy: boolean, };

export type WorkspaceStatus = { workspace: WorkspaceInfo | null, error: ApiError | null, };

export type StartupSnapshot = { status: WorkspaceStatus, launches: Array<LaunchSummary>, 
/**
 * The first launch in the list, in full: the screen a writer lands on.
 */
firstLaunch: LaunchDetail | null, };

export type UpdateLaunchRequest = { id: number, launch: LaunchInput, };

export type CreateMessageRequest = { launchId: number, title: string, text: string, };

export type AddMessageVersionRequest = { messageId: number, text: string, };

export type SetClaimKindRequest = { claimId: number, kind: ClaimKind, };

export type UpdateAudienceRequest = { id: number, audience: AudienceInput, };

export type CreatePitchRequest = { launchId: number, audienceId: number, collateralType: string, title: string, };

export type OpenWorkspaceRequest = { path: string, 
/**
 * Create a new, empty workspace at `path` instead of opening an existing one.
 */
create: boolean, };

export type Run = { text: string, bold?: boolean, italic?: boolean, link?: string, };

export type DocBlock = { 
/**
 * Stable within the pitch; assigned by the editor.
 */
key: string, 
/**
 * A section id of the pitch's collateral type.
 */
section: string, kind: BlockKind, 
/**
 * 2 or 3 for headings (the section title is level 1); 0 otherwise.
 */
level: number, runs: Array<Run>, };

export type LinkState = "current" | "changed" | "removed";

export type Coverage = { 
/**
 * Current claims whose kind the collateral type requires.
 */
required: number, 
/**
 * Of those, how many at least one block links to.
 */
linked: number, 
/**
 * Required claims nothing links to, in the order given.
 */
gaps: Array<number>, };

export type DiffOp = "same" | "added" | "removed";

export type DiffSpan = { op: DiffOp, text: string, };

export type ClaimRewording = { claimId: number, number: number, diff: Array<DiffSpan>, 
/**
 * Pitches with a paragraph linked to this claim: the change reaches them.
 */
pitches: Array<TouchedPitch>, };

export type RemovedClaim = { claimId: number, number: number, text: string, pitches: Array<TouchedPitch>, };

export type StalePitch = { pitchId: number, title: string, staleLinks: number, };

export type TouchedPitch = { pitchId: number, title: string, status: PitchStatus, };

export type LinkView = { blockKey: string, claimId: number, state: LinkState, 
/**
 * For a stale link: the claim's text when the link was made.
 */
oldText: string, 
/**
 * For a stale link: from that text to the claim's text now (empty if removed).
 */
diff: Array<DiffSpan>, };

export type PitchLinks = { links: Array<LinkView>, coverage: Coverage, };

export type MessageClaims = { messageId: number, title: string, version: number, claims: Array<Claim>, };

export type PitchVersionSummary = { number: number, name: string, createdAt: string, wordCount: number, };

export type PitchEditorView = { summary: PitchSummary, launchName: string, collateralType: CollateralType, audience: Audience, messages: Array<MessageClaims>, blocks: Array<DocBlock>, links: PitchLinks, glossary: Array<GlossaryTerm>, versions: Array<PitchVersionSummary>, };

export type SavePitchDocRequest = { pitchId: number, 
/**
 * The path of the workspace the pitch was opened from: a save meant for one workspace is
 * refused if another has been opened since.
 */
workspace: string, blocks: Array<DocBlock>, };

export type SavePitchDocResult = { 
/**
 * Whether anything was written (an unchanged document writes nothing).
 */
changed: boolean, 
/**
 * The pitch's links, when paragraphs (and with them their links) were deleted.
 */
links: PitchLinks | null, };

export type LinkClaimsRequest = { pitchId: number, blockKey: string, claimIds: Array<number>, };

export type LinkRequest = { pitchId: number, blockKey: string, claimId: number, };

export type ResolveLinkRequest = { pitchId: number, blockKey: string, claimId: number, resolution: LinkResolution, 
/**
 * The writer saw that the paragraph still says a number the claim no longer says, and
 * confirms it holds anyway.
 */
numbersConfirmed: boolean, };

export type LinkResolution = "revised" | "still-holds";

export type SavePitchVersionRequest = { pitchId: number, name: string, };

export type PitchVersionRequest = { pitchId: number, number: number, };

export type SourceFormat = "docx" | "markdown" | "text";

export type ImportReport = { imagesSkipped: number, 
/**
 * Reviewers' comments in the document, kept as notes (not claims).
 */
comments: Array<string>, headersSkipped: number, footersSkipped: number, 
/**
 * Tracked insertions taken as accepted.
 */
insertionsAccepted: number, 
/**
 * Tracked deletions left out, as accepted.
 */
deletionsDropped: number, tables: number, 
/**
 * Control characters (NUL, BEL, ESC…) taken out of the text, and the line of the first.
 */
controlsRemoved: number, controlsFirstLine: number, 
/**
 * Text boxes and shapes whose text was read, after the paragraph they sit in.
 */
textBoxes: number, 
/**
 * Footnotes and endnotes kept, each after the paragraph that cites it.
 */
footnotes: number, endnotes: number, 
/**
 * Pictures whose description (alt text) was kept as a line of text.
 */
imageDescriptions: number, };

export type ImportRequest = { path: string, launchId: number, 
/**
 * Set to import as a new version of this message.
 */
messageId: number | null, 
/**
 * The new message's title; the document's own title when empty.
 */
title: string, 
/**
 * The digest of the preview this import confirms (`ImportPreview::digest`): the import
 * writes exactly what was previewed, and is refused if the file has changed since. `null`
 * imports the file as it is now (the command line without a preview).
 */
digest: string | null, };

export type ImportedClaim = { number: number, section: string, text: string, kind: ClaimKind, };

export type ImportPreview = { fileName: string, format: SourceFormat, 
/**
 * The title a new message would get.
 */
title: string, report: ImportReport, 
/**
 * "2 images skipped, 3 comments kept as notes."
 */
summary: string, 
/**
 * The claims of a new message.
 */
claims: Array<ImportedClaim>, 
/**
 * For a new version: what it changes, and which pitches it touches.
 */
changes: VersionReport | null, 
/**
 * The file's digest as read for this preview; send it back to import what was shown.
 */
digest: string, };

export type ImportOutcome = { messageId: number, summary: string, changes: VersionReport | null, claimCount: number, };

export type Rule = "call-to-action" | "customer-focus" | "jargon" | "acronym" | "hype" | "weasel" | "passive" | "proof" | "coverage" | "audience-fit" | "length" | "readability" | "spelling" | "sentence-length" | "wordy" | "cliche" | "repeated-word";

export type Severity = "info" | "warning" | "error";

export type RuleSetting = { enabled: boolean, severity?: Severity, };

export type Readiness = { score: number, 
/**
 * One line per reason, for the hover.
 */
reasons: Array<string>, };

export type CheckPitchRequest = { pitchId: number, 
/**
 * The editor's current document; the stored one when absent.
 */
blocks?: Array<DocBlock>, };

export type PitchFinding = { 
/**
 * Stable while the flagged words stay the same: rule, block, words and occurrence.
 */
key: string, rule: Rule, severity: Severity, blockKey: string | null, start: number, end: number, 
/**
 * The flagged words (what a dismissal is bound to).
 */
quote: string, message: string, suggestion: string | null, claimId: number | null, dismissal: Dismissal | null, };

export type RuleSummary = { rule: Rule, label: string, enabled: boolean, severity: Severity, 
/**
 * Findings still open.
 */
open: number, dismissed: number, worst: Severity | null, };

export type ManualItemView = { id: string, text: string, ticked: boolean, 
/**
 * "", "ticked", or (after review) "confirmed".
 */
state: string, updatedAt: string, };

export type PitchCheckReport = { pitchId: number, findings: Array<PitchFinding>, rules: Array<RuleSummary>, manual: Array<ManualItemView>, readiness: Readiness, };

export type DismissFindingRequest = { pitchId: number, rule: Rule, 
/**
 * "" for a finding about the pitch as a whole.
 */
blockKey: string, quote: string, reason: string, };

export type RestoreFindingRequest = { pitchId: number, dismissalId: number, };

export type ManualItemRequest = { pitchId: number, itemId: string, ticked: boolean, };

export type RuleInfo = { rule: Rule, label: string, defaultSeverity: Severity, };

export type CheckSettingsView = { rules: Array<RuleInfo>, settings: Array<CheckSettingRow>, };

export type SetCheckSettingRequest = { 
/**
 * "" for the whole workspace, or a collateral type id.
 */
scope: string, rule: Rule, 
/**
 * `null` removes the override.
 */
setting: RuleSetting | null, };

export type UpdateGlossaryRequest = { id: number, term: GlossaryInput, };

export type GlossaryImportReport = { added: number, updated: number, 
/**
 * One line per skipped row: "line 4: the term is empty".
 */
skipped: Array<string>, };

export type GlossaryCandidate = { term: string, kind: CandidateKind, 
/**
 * How many claims use it.
 */
claims: number, 
/**
 * The first claim that uses it, for context.
 */
example: string, 
/**
 * What the message says it stands for, when it spells it out ("overall equipment
 * effectiveness (OEE)").
 */
spelledOut: string | null, };

export type CandidateKind = "acronym" | "term";

export type CheckSettingRow = { 
/**
 * "" for the whole workspace, else a collateral type id.
 */
scope: string, rule: string, enabled: boolean, severity?: string, };

export type Dismissal = { id: number, rule: string, blockKey: string, quote: string, reason: string, dismissedAt: string, };

export type ExportFormat = "docx" | "pdf";

export type ExportPitchRequest = { pitchId: number, format: ExportFormat, path: string, };

export type ExportOutcome = { path: string, bytes: number, 
/**
 * What the writer had to compromise on: characters no font has, a layout that ran over.
 */
warnings: Array<string>, };

export type BrandKitView = { 
/**
 * Empty: the launch's product name is printed.
 */
name: string, 
/**
 * "#1F2A44"
 */
primary: string, accent: string, footer: string, logoName: string | null, logoSize: [number, number] | null, 
/**
 * "sans" or "serif".
 */
font: string, };

export type BrandKitInput = { name: string, primary: string, accent: string, footer: string, 
/**
 * "sans" or "serif".
 */
font: string, };

export type CommentTarget = { "kind": "block", key: string, } | { "kind": "claim", id: number, };

export type NewComment = { parentId: number | null, target: CommentTarget, start: number, end: number, body: string, 
/**
 * The words the range held when the comment was written: checked against the text, so a
 * comment never lands on other words. A comment carried in a decision keeps it even if
 * the reviewer's later edits moved the words (it then shows as outdated).
 */
quote?: string, };

export type Reviewer = { id: number, name: string, email: string, 
/**
 * Hex ed25519 public key.
 */
publicKey: string, registeredAt: string, };

export type ReviewRequest = { id: number, pitchId: number, reviewer: Reviewer, 
/**
 * The pitch version kept at submission: the text under review.
 */
versionNumber: number, note: string, submittedBy: string, submittedAt: string, closedAt: string | null, outcome: string | null, };

export type Comment = { id: number, 
/**
 * The thread's first comment, for a reply.
 */
parentId: number | null, target: CommentTarget, 
/**
 * UTF-16 offsets into the target's text, as the editor counts.
 */
start: number, end: number, 
/**
 * The words the range held when the comment was made.
 */
quote: string, body: string, author: string, createdAt: string, resolvedAt: string | null, 
/**
 * The words at the range are no longer the quoted ones (the text changed since).
 */
outdated: boolean, };

export type DecisionRecord = { id: number, 
/**
 * "approved", "approved-with-edits" or "changes-requested".
 */
outcome: string, 
/**
 * "Approved as accurate to the Factory message …"
 */
meaning: string, signer: string, signerKey: string, signedAt: string, reasons: string, 
/**
 * The pitch version the decision is about (for edits: the version holding them).
 */
versionNumber: number, pitchFingerprint: string, 
/**
 * The signed JSON, exactly.
 */
body: string, 
/**
 * Hex ed25519 signature over `body`.
 */
signature: string, };

export type PitchOutcome = "approved" | "approved-with-edits" | "changes-requested";

export type ClaimDrift = { claimId: number, number: number, 
/**
 * Word-level redline from the approved claim text to the current one.
 */
redline: Array<DiffSpan>, 
/**
 * "changed", "removed" (from the message), "linked" (newly linked) or "unlinked".
 */
change: string, };

export type ApprovalDrift = { decisionId: number, textChanged: boolean, 
/**
 * Word-level redline from the approved text to the current text.
 */
redline: Array<DiffSpan>, claims: Array<ClaimDrift>, };

export type ProfileView = { name: string, email: string, 
/**
 * "writer" or "reviewer".
 */
role: string, 
/**
 * Hex public key, once a signing key has been made.
 */
publicKey: string | null, 
/**
 * Whether this key is registered as a reviewer in the open workspace.
 */
registeredHere: boolean, };

export type SaveProfileRequest = { name: string, email: string, role: string, };

export type PassphraseRequest = { passphrase: string, };

export type SubmitRequest = { pitchId: number, reviewerId: number, note: string, 
/**
 * Why the writer submits although error findings are open; without one, such a
 * submission is refused with what is open (needs-confirmation).
 */
overrideReason?: string, };

export type PitchRef = { pitchId: number, };

export type AddCommentRequest = { pitchId: number, comment: NewComment, };

export type ResolveCommentRequest = { pitchId: number, commentId: number, resolved: boolean, };

export type DecideRequest = { pitchId: number, outcome: PitchOutcome, reasons: string, passphrase: string, 
/**
 * Manual checklist items the writer ticked that the reviewer confirms: signed with the
 * decision, so only the reviewer's key can confirm anything.
 */
confirmedItems: Array<string>, 
/**
 * Why the reviewer approves although required claims are untranslated or their own
 * comments are unresolved; without one, such an approval is refused with what is open.
 */
overrideReason?: string, };

export type CompareVersionsRequest = { pitchId: number, 
/**
 * 0 means the pitch as it is now.
 */
from: number, to: number, };

export type ReviewState = { status: PitchStatus, 
/**
 * The latest request, open or closed.
 */
request: ReviewRequest | null, decisions: Array<DecisionRecord>, comments: Array<Comment>, 
/**
 * What changed since the last approval, when the pitch needs re-approval.
 */
drift: ApprovalDrift | null, reviewers: Array<Reviewer>, 
/**
 * The person using the app is the reviewer this pitch waits for.
 */
isReviewer: boolean, 
/**
 * …and has unlocked their key this session, so they may edit the text.
 */
reviewerUnlocked: boolean, 
/**
 * The writer may edit the text (not while it is in review).
 */
writerCanEdit: boolean, 
/**
 * The reviewer has changed the text they were sent.
 */
reviewerEdited: boolean, 
/**
 * Redline of the reviewer's edits (from the version sent to the text now).
 */
editsRedline: Array<DiffSpan>, 
/**
 * This workspace is a review copy: decisions go back as a decision file.
 */
reviewCopy: boolean, };

export type DecisionImport = { pitchId: number, pitchTitle: string, decision: DecisionRecord, };

export type AuditEvent = { seq: number, 
/**
 * UTC, RFC 3339.
 */
at: string, actor: string, 
/**
 * What happened: "finding.dismissed", "checklist.ticked", …
 */
action: string, 
/**
 * What it happened to: "pitch:3".
 */
subject: string, 
/**
 * JSON with the details.
 */
payload: string, prevHash: string, hash: string, };

export type ChainBreak = { seq: number, reason: string, };

export type AuditVerification = { events: number, 
/**
 * The first broken link, if any.
 */
firstBreak: ChainBreak | null, };

export type AuditSubject = { subject: string, name: string, };

export type ReadinessRequest = { launchId: number, 
/**
 * YYYY-MM-DD; today when absent.
 */
at?: string, };

export type ValidUntilRequest = { messageId: number, 
/**
 * YYYY-MM-DD, or empty for no end.
 */
validUntil: string, };

export type VerificationRequest = { pitchId: number, 
/**
 * A registered reviewer; none for the reviewer of the pitch's last approval.
 */
verifierId: number | null, 
/**
 * Days; none for its collateral type's interval.
 */
intervalDays: number | null, };

export type LaunchReadiness = { launchId: number, name: string, launchDate: string, 
/**
 * On the day evaluated; negative once the launch date has passed.
 */
daysToLaunch: number | null, score: number, targetScore: number, parts: Array<ScorePart>, 
/**
 * Every gate passes.
 */
ready: boolean, 
/**
 * Ready, or at the target score with time left before launch.
 */
onTrack: boolean, hasTargets: boolean, gates: Array<Gate>, audiences: Array<AudienceTarget>, 
/**
 * The matrix's rows: claims of a kind some target type requires.
 */
claims: Array<ClaimFact>, matrix: Array<MatrixCell>, 
/**
 * Approved pitches expired or expiring within two weeks, soonest first.
 */
expiring: Array<Expiring>, reviewQueue: Array<QueueEntry>, reviewFlow: ReviewFlow, 
/**
 * Pitches to act on first: those blocking a gate, expired ones, then those expiring.
 */
mostUrgent: number[], 
/**
 * The stored daily readings, oldest first (filled by the caller; evaluation leaves it empty).
 */
trend: Array<TrendPoint>, };

export type Gate = { name: string, passed: boolean, 
/**
 * What stands in the way, one line each.
 */
blocking: Array<string>, };

export type ScorePart = { name: string, weight: number, 
/**
 * 0 to 1.
 */
value: number, 
/**
 * What it adds to the score, 0 to 100 in all.
 */
points: number, explanation: string, };

export type MatrixCell = { claimId: number, claimNumber: number, audienceId: number, state: CellState, 
/**
 * The pitches behind the state, best first.
 */
pitchIds: number[], };

export type Expiring = { pitchId: number, title: string, expiresOn: string, 
/**
 * Negative once expired.
 */
daysLeft: number, verifier: string | null, };

export type QueueEntry = { reviewer: string, pitchId: number, title: string, waitingDays: number, };

export type CellState = "none" | "draft" | "changes-requested" | "needs-reverification" | "needs-reapproval" | "in-review" | "approved";

export type AudienceTarget = { audienceId: number, audienceName: string, types: Array<TypeNeed>, };

export type TypeNeed = { typeId: string, typeName: string, requiredKinds: Array<ClaimKind>, };

export type ClaimFact = { id: number, number: number, kind: ClaimKind, text: string, };

export type LaunchTargets = { launchId: number, positioning: Positioning, audiences: Array<TargetAudience>, targetScore: number, };

export type TargetAudience = { audienceId: number, types: Array<string>, };

export type Positioning = { forWhom: string, need: string, category: string, keyBenefit: string, unlike: string, };

export type ScoreWeights = { coverage: number, freshness: number, checks: number, 
/**
 * Target audiences whose training kit is approved and current. Weights saved before kits
 * existed read as 0 here, so their scores do not move.
 */
training: number, };

export type ReviewFlow = { 
/**
 * Decisions made (withdrawals left out).
 */
decided: number, 
/**
 * Hours from submission to decision.
 */
p50Hours: number | null, p90Hours: number | null, 
/**
 * Pitches sent back with changes requested, and how many times, most first.
 */
rounds: Array<PitchRounds>, };

export type PitchRounds = { pitchId: number, title: string, changesRequested: number, };

export type ReverifyRequest = { pitchId: number, 
/**
 * Approved renews the approval from today; changes requested sends it back to the writer.
 */
outcome: PitchOutcome, reasons: string, passphrase: string, 
/**
 * As in a decision: why it is re-verified although something is open.
 */
overrideReason?: string, };

export type Reverification = { expiresOn: string | null, expired: boolean, 
/**
 * Who re-verifies it, by name.
 */
verifier: string | null, 
/**
 * Whether the person using the app is that verifier.
 */
mine: boolean, 
/**
 * What changed since the last approval: new message versions, "valid until" days, targets.
 */
changes: Array<string>, };

export type TrendPoint = { day: string, score: number, gatesPassed: number, gatesTotal: number, };

export type MyExpiring = { launchId: number, launchName: string, pitchId: number, title: string, expiresOn: string, 
/**
 * Negative once expired.
 */
daysLeft: number, 
/**
 * Theirs to re-verify; otherwise theirs as the writer.
 */
toVerify: boolean, };

export type ReadinessSettings = { weights: ScoreWeights, defaultIntervalDays: number, typeIntervals: Array<TypeInterval>, };

export type TypeInterval = { typeId: string, name: string, 
/**
 * Days; none for the workspace's default.
 */
days: number | null, };

export type PitchVerification = { verifierId: number | null, intervalDays: number | null, 
/**
 * The interval the pitch follows without its own: its type's, else the workspace's.
 */
inheritedIntervalDays: number, 
/**
 * Where that comes from: the collateral type's name, or "the workspace".
 */
inheritedFrom: string, 
/**
 * The reviewer of its last approval, who verifies it when no verifier is set.
 */
approver: string | null, expiresOn: string | null, };

export type TrainingKitRequest = { launchId: number, audienceId: number, };

export type TrainingKit = { launchName: string, audienceName: string, items: Array<KitItem>, 
/**
 * The approved, unexpired pitches the items come from.
 */
pitches: Array<KitSourcePitch>, 
/**
 * The audience's pitches that could not be used, one line each with the reason.
 */
leftOut: Array<string>, 
/**
 * Items the writer removed from the kit (they can be put back).
 */
removed: Array<KitItem>, 
/**
 * Keys of the items the writer reworded…
 */
edited: Array<string>, 
/**
 * …and of those whose approved source changed since, so the rewording needs a look.
 */
outdatedEdits: Array<string>, 
/**
 * The kit's review: its state, who has it, what changed since it was approved.
 */
review: KitReviewState, };

export type KitSourcePitch = { pitchId: number, title: string, typeName: string, expiresOn: string | null, };

export type KitFormat = "gift" | "apkg" | "scorm" | "pdf" | "docx";

export type TrainingExportRequest = { launchId: number, audienceId: number, format: KitFormat, path: string, };

export type KitItem = { 
/**
 * Stable for the same source: the kind, the pitch, the block and the claim.
 */
key: string, source: ItemSource, } & ({ "kind": "flashcard", front: string, back: string, } | { "kind": "multipleChoice", question: string, choices: Array<string>, answer: number, } | { "kind": "cloze", parts: Array<ClozePart>, } | { "kind": "objectionDrill", objection: string, answer: string, } | { "kind": "talkTrack", lines: Array<TalkLine>, words: number, targetSeconds: number, callToAction: string, });

export type ItemKind = { "kind": "flashcard", front: string, back: string, } | { "kind": "multipleChoice", question: string, choices: Array<string>, answer: number, } | { "kind": "cloze", parts: Array<ClozePart>, } | { "kind": "objectionDrill", objection: string, answer: string, } | { "kind": "talkTrack", lines: Array<TalkLine>, words: number, targetSeconds: number, callToAction: string, };

export type ItemSource = { 
/**
 * None for an item made from the glossary.
 */
pitchId: number | null, pitchTitle: string, 
/**
 * The approved version it was made from.
 */
pitchFingerprint: string, blockKeys: Array<string>, claimIds: number[], claimFingerprints: Array<string>, };

export type ClozePart = { "type": "text", "text": string } | { "type": "gap", "text": string };

export type TalkLine = { section: string, text: string, };

export type LaunchKitRequest = { launchId: number, audienceId: number, path: string, };

export type LaunchKitPlan = { launchName: string, audienceName: string, 
/**
 * The approved, unexpired pitches that go in.
 */
pitches: Array<string>, 
/**
 * What the field will not get, one line each: a required collateral type with no approved
 * pitch, a pitch left out and why.
 */
missing: Array<string>, };

export type LaunchKitOutcome = { path: string, bytes: number, 
/**
 * The files in the zip, in order.
 */
files: Array<string>, plan: LaunchKitPlan, };

export type Certification = { passMark: number, attempts: number, validityDays: number, 
/**
 * The day a pass made today lapses.
 */
passValidUntil: string | null, 
/**
 * Set when an approval's expiry comes before the validity: the pitch that caps it.
 */
cappedBy: string | null, };

export type CertificationRequest = { launchId: number, audienceId: number, passMark: number, attempts: number, validityDays: number, };

export type TrainingItemRequest = { launchId: number, audienceId: number, key: string, };

export type EditTrainingItemRequest = { launchId: number, audienceId: number, key: string, item: ItemKind | null, };

export type KitReviewState = { status: KitStatus, 
/**
 * The kit as it is now: its items and certification settings.
 */
fingerprint: string, 
/**
 * Its reviews, newest first.
 */
reviews: Array<KitReview>, 
/**
 * Since the last approval, one line each: pitches gone stale, items changed.
 */
changes: Array<string>, 
/**
 * Keys of approved items that are no longer in the kit as approved.
 */
staleItems: Array<string>, reviewers: Array<Reviewer>, 
/**
 * The person using the app is the reviewer the kit waits for.
 */
isReviewer: boolean, };

export type KitStatus = "draft" | "in-review" | "approved" | "changes-requested" | "changed-since-approval";

export type KitReview = { id: number, reviewer: Reviewer, 
/**
 * The items and certification settings as sent.
 */
kitFingerprint: string, 
/**
 * What the items were made from (see [`pitchbridge_core::readiness::kit_basis`]).
 */
basis: string, note: string, submittedBy: string, submittedAt: string, closedAt: string | null, 
/**
 * "withdrawn", "approved" or "changes-requested".
 */
outcome: string | null, reasons: string, 
/**
 * Who signed the decision, their public key, the signed JSON and the signature.
 */
signer: string, signerKey: string, body: string | null, signature: string, };

export type SubmitKitRequest = { launchId: number, audienceId: number, reviewerId: number, note: string, };

export type KitOutcome = "approved" | "changes-requested";

export type DecideKitRequest = { launchId: number, audienceId: number, outcome: KitOutcome, reasons: string, passphrase: string, };

export type TextEncoding = "utf8" | "utf8-bom" | "windows1252";

export type RowProblem = { line: number, reason: string, };

export type FileReading = { encoding: TextEncoding, separator: string, rows: number, 
/**
 * What was detected or guessed, in words.
 */
notes: Array<string>, 
/**
 * Rows not imported, with why (the first hundred).
 */
problems: Array<RowProblem>, problem_count: number, };

export type PeopleImport = { reading: FileReading, added: number, updated: number, };

export type TrainingImport = { reading: FileReading, 
/**
 * Results kept (a result already kept is not counted again).
 */
recorded: number, not_started: number, 
/**
 * Learners not on the roster, with how many rows each.
 */
unknown_people: Array<[string, number]>, 
/**
 * Courses that are none of the workspace's kits, with how many rows each.
 */
unknown_courses: Array<[string, number]>, };

export type DateOrder = "dmy" | "mdy" | "ymd";

export type DecimalMark = "point" | "comma";

export type DealField = "deal_id" | "deal_name" | "owner" | "account" | "stage" | "won" | "closed" | "close_date" | "amount" | "currency" | "region" | "customer_type" | "product_line" | "pitch" | "loss_reason";

export type DealMapping = { 
/**
 * The name deals of this source are kept under; deal ids are unique within a source.
 */
source: string, 
/**
 * Field → the file's column name.
 */
columns: { [key in DealField]?: string }, 
/**
 * Stage names that mean won or lost, beyond "Closed Won" / "Closed Lost".
 */
won_stages: Array<string>, lost_stages: Array<string>, date_order: DateOrder | null, decimal: DecimalMark | null, encoding: TextEncoding | null, 
/**
 * The currency of amounts written without one.
 */
currency: string | null, };

export type DealPreview = { header: Array<string>, first_rows: Array<Array<string>>, 
/**
 * The mapping as it would be applied (every column found), to show and edit.
 */
mapping: DealMapping, 
/**
 * The same as TOML, to save and edit as a file.
 */
mapping_toml: string, notes: Array<string>, 
/**
 * Sources whose mappings the workspace remembers, with their deals.
 */
known_sources: Array<[string, number]>, };

export type DealImportCounts = { added: number, updated: number, unchanged: number, };

export type DealImport = { source: string, reading: FileReading, counts: DealImportCounts, open: number, };

export type ImportProgress = { done: number, total: number, };

export type TrainingState = "not-started" | "in-progress" | "passed" | "failed" | "expired";

export type KitTraining = { 
/**
 * The kit's audience; 0 for certifications attested for the launch as a whole.
 */
audience_id: number, kit: string, states: Array<[TrainingState, number]>, };

export type GroupResult = { deals: number, won: number, win_rate: number | null, ci95: [number, number] | null, 
/**
 * The mean amount of won deals, with Student's t interval.
 */
mean_won_amount: number | null, mean_won_amount_ci95: [number, number] | null, 
/**
 * Fewer than [`MIN_DEALS`] deals: read as a hint.
 */
small_sample: boolean, };

export type DifferenceResult = { 
/**
 * Win rate of certified minus not certified, as a fraction.
 */
raw: number | null, raw_ci95: [number, number] | null, 
/**
 * The Mantel–Haenszel difference over strata of the confounders.
 */
adjusted: number | null, adjusted_ci95: [number, number] | null, adjusted_for: Array<string>, 
/**
 * Strata with deals of both groups, and the deals in them.
 */
adjusted_strata: number, adjusted_deals: number, 
/**
 * The Mantel–Haenszel odds ratio over the same strata.
 */
adjusted_odds_ratio: number | null, adjusted_odds_ratio_ci95: [number, number] | null, 
/**
 * Mean won amount of certified minus not certified, with Welch's interval.
 */
amount: number | null, amount_ci95: [number, number] | null, 
/**
 * In words, and what it means when raw and adjusted disagree.
 */
verdict: string, disagree: boolean, };

export type SameRepsResult = { 
/**
 * Reps with closed deals both before their first certification and while certified.
 */
reps: number, before: GroupResult, after: GroupResult, difference: number | null, difference_ci95: [number, number] | null, };

export type RepResult = { email: string, name: string, deals: number, won: number, 
/**
 * The wins expected from the win rates of the rep's regions, customer types, quarters and
 * availability over all reps: what the territory would have given anyone.
 */
expected_won: number, 
/**
 * Won − expected: the rep's own contribution, with its interval.
 */
contribution: number, contribution_ci95: [number, number], certified_deals: number, };

export type Results = { 
/**
 * Closed deals of the launch.
 */
deals: number, attributed: number, unattributed: number, certified: GroupResult, not_certified: GroupResult, difference: DifferenceResult, same_reps: SameRepsResult, 
/**
 * Sorted by contribution, highest first.
 */
reps: Array<RepResult>, min_deals: number, };

export type TopicMatch = { kind: string, label: string, text: string, 
/**
 * The approved objection-handling pitches that speak to it.
 */
answered_by: Array<string>, };

export type LossFeedback = { reason: string, deals: number, matches: Array<TopicMatch>, 
/**
 * An approved objection-handling pitch speaks to the reason itself.
 */
answered_by: Array<string>, 
/**
 * Nothing approved answers it: for the writers.
 */
needs_answer: boolean, };

export type LaunchResults = { launch_id: number, launch_name: string, product_line: string, since: string, 
/**
 * The currency amounts are compared in (the one most won deals are in).
 */
currency: string, 
/**
 * Won deals left out of amounts because they are in another currency.
 */
other_currency_deals: number, 
/**
 * Whether `reps` was asked for; without it, per-rep figures are left out.
 */
per_rep: boolean, 
/**
 * Deal owners not on the roster (nor mapped), with their closed deals: map them to count them.
 */
unknown_owners: Array<[string, number]>, 
/**
 * Reps by their state on the launch's training today (their best state on any kit).
 */
training: Array<[TrainingState, number]>, 
/**
 * The same for each kit with any result.
 */
training_by_kit: Array<KitTraining>, 
/**
 * Loss reasons of lost deals, with the claims and objections each is about and whether an
 * approved objection-handling pitch answers it; unanswered first.
 */
loss_reasons: Array<LossFeedback>, 
/**
 * Product lines the deals carry, when the launch's has none: to set the right one.
 */
product_lines: Array<[string, number]>, 
/**
 * Closed deals of the launch.
 */
deals: number, attributed: number, unattributed: number, certified: GroupResult, not_certified: GroupResult, difference: DifferenceResult, same_reps: SameRepsResult, 
/**
 * Sorted by contribution, highest first.
 */
reps: Array<RepResult>, min_deals: number, };

export type DealGroup = "all" | "certified" | "not-certified" | "won" | "lost";

export type ResultDeal = { source: string, deal_id: string, owner: string, 
/**
 * The rep's name, when the owner is on the roster.
 */
rep: string | null, account: string, won: boolean, close_date: string, amount: number | null, currency: string, region: string, customer: string, certified: boolean, loss_reason: string, };

export type ResultDeals = { deals: Array<ResultDeal>, 
/**
 * How many deals are in the group (more than listed when over the limit).
 */
total: number, };

export type ResultsAccess = { owner: string | null, 
/**
 * The person using the app, by their profile's email.
 */
me: string | null, may_see_reps: boolean, };

export type PersonRow = { id: number, email: string, name: string, partner: string, region: string, role: string, manager: string, };

export type ResultsScope = { launch_id: number, launch_name: string, product_line: string, launch_date: string, availability: Array<[string, string]>, };

export type Band = "75-84" | "85-94" | "95-99" | "exact" | "context";

export type Substitution = { from: string, to: string, };

export type SuggestRequest = { 
/**
 * The claim's text (several claims' texts, joined, for a paragraph linked to several).
 */
text: string, 
/**
 * The claims, when known: a pair of the same claim for the same audience is a context match.
 */
claimIds: number[], audienceId: number | null, 
/**
 * A pitch whose own wording is not offered back to it.
 */
excludePitchId: number | null, };

export type Fared = { deals: number, won: number, win_rate: number, };

export type Suggestion = { 
/**
 * 101 for context, 100 for exact, else the match in percent.
 */
score: number, band: Band, 
/**
 * The approved sentence, with the claim's numbers carried in.
 */
text: string, substitutions: Array<Substitution>, 
/**
 * The claim text it was approved for.
 */
source: string, claim_ids: number[], pitch_id: number | null, pitch_title: string, audience_id: number | null, audience_name: string, approved_by: string, approved_on: string, 
/**
 * "pitch" (approved here) or "tmx" (read from a memory file).
 */
origin: string, 
/**
 * How the deals that used the pitch fared, once deals name it.
 */
fared: Fared | null, };

export type ConcordanceHit = { text: string, source: string, claim_ids: number[], pitch_title: string, audience_name: string, approved_by: string, approved_on: string, };

export type TmxImport = { read: number, added: number, 
/**
 * Units without both a source and a target.
 */
skipped: number, };

export type OpenedKind = "workspace" | "review-package" | "decision" | "reviewer-card";

export type OpenedFile = { kind: OpenedKind, path: string, 
/**
 * Where a review package's copy goes unless the person chooses: beside the package.
 */
reviewCopy: string | null, };

export type DecisionFilePreview = { pitchTitle: string, 
/**
 * "approved", "approved-with-edits", "changes-requested".
 */
outcome: string, meaning: string, signer: string, signedAt: string, reasons: string, comments: number, 
/**
 * Whether it was made for the open workspace (it applies nowhere else).
 */
forThisWorkspace: boolean, 
/**
 * Where the workspace it was made for is on this machine, when it has been opened here.
 */
workspacePath: string | null, };

export type ReviewerCardPreview = { name: string, email: string, 
/**
 * Already registered here with the same key.
 */
alreadyRegistered: boolean, };

export const ERROR_CODES: ReadonlyArray<ErrorCode> = ["no-workspace", "not-a-workspace", "workspace-corrupt", "newer-version", "file-not-found", "read-only", "not-found", "invalid-input", "disk-full", "io", "import-failed", "workspace-busy", "needs-confirmation", "review-refused", "internal"];
