//! TypeScript declarations for every type that crosses the IPC boundary, generated from the
//! Rust types. `ui/src/lib/bindings.ts` is this module's output, committed; a test fails when
//! it is stale (run `UPDATE_BINDINGS=1 cargo test -p pitchbridge-app --test bindings` to refresh).

use pitchbridge_checks::candidates::{CandidateKind, GlossaryCandidate};
use pitchbridge_checks::{readiness::Readiness, Rule, RuleSetting, Severity};
use pitchbridge_core::*;
use pitchbridge_core::audit::{AuditEvent, ChainBreak};
use pitchbridge_core::collateral::*;
use pitchbridge_core::doc::*;
use pitchbridge_core::links::*;
use pitchbridge_core::redline::*;
use pitchbridge_core::workflow::{CommentTarget, NewComment};
use pitchbridge_import::{ImportReport, SourceFormat};
use pitchbridge_store::*;
use ts_rs::{Config, TS};

use crate::audit::AuditSubject;
use crate::readiness::{MyExpiring, PitchVerification, ReadinessRequest, ReadinessSettings, TypeInterval, Reverification, ReverifyRequest, ValidUntilRequest, VerificationRequest};
use pitchbridge_core::readiness::{
    AudienceTarget, CellState, ClaimFact, Expiring, PitchRounds, ReviewFlow, Gate, LaunchReadiness, LaunchTargets, MatrixCell, Positioning, QueueEntry, ScorePart, ScoreWeights, TargetAudience, TrendPoint, TypeNeed,
};
use crate::audiences::*;
use crate::brand_kit::*;
use crate::checks::*;
use crate::error::*;
use crate::export::*;
use crate::glossary::*;
use crate::import::*;
use crate::launches::*;
use crate::messages::*;
use crate::pitch_editor::*;
use crate::pitches::*;
use crate::profile::*;
use crate::review::*;
use crate::review_files::*;
use crate::workspace::*;
use crate::training::{Certification, CertificationRequest, EditTrainingItemRequest, KitFormat, KitSourcePitch, TrainingExportRequest, TrainingItemRequest, TrainingKit, TrainingKitRequest};
use crate::launch_kit::{LaunchKitOutcome, LaunchKitPlan, LaunchKitRequest};
use crate::opened_files::{DecisionFilePreview, OpenedFile, OpenedKind, ReviewerCardPreview};
use crate::memory::{ConcordanceHit, Fared, SuggestRequest, Suggestion, TmxImport};
use pitchbridge_memory::{Band, Substitution};
use crate::results::{DealGroup, DealImport, DealPreview, FileReading, ImportProgress, KitTraining, LaunchResults, PeopleImport, ResultDeal, ResultDeals, ResultsAccess, TrainingImport, TrainingState};
use pitchbridge_results::analysis::{DifferenceResult, GroupResult, RepResult, Results, SameRepsResult};
use pitchbridge_results::amount::DecimalMark;
use pitchbridge_results::day::DateOrder;
use pitchbridge_results::deals::{DealField, DealMapping};
use pitchbridge_results::feedback::{LossFeedback, TopicMatch};
use pitchbridge_results::table::{RowProblem, TextEncoding};
use crate::training_review::{DecideKitRequest, KitOutcome, KitReviewState, KitStatus, SubmitKitRequest};
use pitchbridge_store::KitReview;
use pitchbridge_training::{ClozePart, ItemKind, ItemSource, KitItem, TalkLine};

macro_rules! declarations {
    ($cfg:expr; $($t:ty),* $(,)?) => {
        vec![$(format!("export {}", <$t as TS>::decl($cfg))),*]
    };
}

pub fn typescript() -> String {
    let cfg = Config::new().with_large_int("number");
    let decls: Vec<String> = declarations!(&cfg;
        ClaimKind, Launch, LaunchInput, FactoryMessage, Claim, Research, Audience, AudienceInput,
        PitchStatus, Pitch, BlockKind, PitchBlock, GlossaryRule, GlossaryTerm, GlossaryInput,
        WordLimit, ReadabilityTarget, SectionRole, Voice, Layout, Section, ChecklistItem, CollateralType,
        LaunchSummary, MessageSummary, PitchSummary, LaunchDetail, MessageDetail, PitchDetail,
        VersionReport, SearchHitKind, SearchHit,
        ErrorCode, ApiError, WorkspaceInfo, WorkspaceStatus, StartupSnapshot, UpdateLaunchRequest,
        CreateMessageRequest, AddMessageVersionRequest, SetClaimKindRequest,
        UpdateAudienceRequest, CreatePitchRequest, OpenWorkspaceRequest,
        Run, DocBlock, LinkState, Coverage, DiffOp, DiffSpan, ClaimRewording, RemovedClaim, StalePitch, TouchedPitch,
        LinkView, PitchLinks, MessageClaims, PitchVersionSummary, PitchEditorView,
        SavePitchDocRequest, SavePitchDocResult, LinkClaimsRequest, LinkRequest, ResolveLinkRequest, LinkResolution, SavePitchVersionRequest,
        PitchVersionRequest, SourceFormat, ImportReport, ImportRequest, ImportedClaim, ImportPreview, ImportOutcome,
        Rule, Severity, RuleSetting, Readiness, CheckPitchRequest, PitchFinding, RuleSummary, ManualItemView, PitchCheckReport,
        DismissFindingRequest, RestoreFindingRequest, ManualItemRequest, RuleInfo, CheckSettingsView, SetCheckSettingRequest,
        UpdateGlossaryRequest, GlossaryImportReport, GlossaryCandidate, CandidateKind, CheckSettingRow, Dismissal, ExportFormat, ExportPitchRequest, ExportOutcome, BrandKitView, BrandKitInput,
        CommentTarget, NewComment, Reviewer, ReviewRequest, Comment, DecisionRecord, PitchOutcome, ClaimDrift, ApprovalDrift,
        ProfileView, SaveProfileRequest, PassphraseRequest, SubmitRequest, PitchRef, AddCommentRequest, ResolveCommentRequest,
        DecideRequest, CompareVersionsRequest, ReviewState, DecisionImport, AuditEvent, ChainBreak, AuditVerification, AuditSubject,
        ReadinessRequest, ValidUntilRequest, VerificationRequest, LaunchReadiness, Gate, ScorePart, MatrixCell, Expiring, QueueEntry,
        CellState, AudienceTarget, TypeNeed, ClaimFact, LaunchTargets, TargetAudience, Positioning, ScoreWeights, ReviewFlow, PitchRounds, ReverifyRequest, Reverification, TrendPoint, MyExpiring, ReadinessSettings, TypeInterval, PitchVerification,
        TrainingKitRequest, TrainingKit, KitSourcePitch, KitFormat, TrainingExportRequest, KitItem, ItemKind, ItemSource, ClozePart, TalkLine,
        LaunchKitRequest, LaunchKitPlan, LaunchKitOutcome, Certification, CertificationRequest, TrainingItemRequest,
        EditTrainingItemRequest, KitReviewState, KitStatus, KitReview, SubmitKitRequest, KitOutcome, DecideKitRequest,
        TextEncoding, RowProblem, FileReading, PeopleImport, TrainingImport, DateOrder, DecimalMark, DealField, DealMapping,
        DealPreview, DealImportCounts, DealImport, ImportProgress, TrainingState, KitTraining, GroupResult, DifferenceResult, SameRepsResult,
        RepResult, Results, TopicMatch, LossFeedback, LaunchResults, DealGroup, ResultDeal, ResultDeals, ResultsAccess, PersonRow,
        ResultsScope, Band, Substitution, SuggestRequest, Fared, Suggestion, ConcordanceHit, TmxImport, OpenedKind, OpenedFile, DecisionFilePreview, ReviewerCardPreview,
    );
    let mut out = String::from(
        "// Generated from the Rust types by pitchbridge-app (src/bindings.rs). Do not edit.\n\n",
    );
    for d in decls {
        out.push_str(&d);
        out.push_str("\n\n");
    }
    // The codes as a value too, so the UI can recognise an ApiError without a copy of the list.
    let codes: Vec<String> = ErrorCode::ALL
        .iter()
        .map(|c| serde_json::to_string(c).expect("error codes serialise"))
        .collect();
    out.push_str(&format!("export const ERROR_CODES: ReadonlyArray<ErrorCode> = [{}];\n", codes.join(", ")));
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
