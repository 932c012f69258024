//! The audit trail.

use pitchbridge_app::audit::AuditSubject;
use pitchbridge_app::error::ApiResult;
use pitchbridge_app::store::AuditVerification;
use pitchbridge_core::audit::AuditEvent;

use super::Cmd;

#[tauri::command]
pub async fn audit_events(s: Cmd<'_>) -> ApiResult<Vec<AuditEvent>> {
    s.run(|a| a.audit_events()).await
}

/// What the trail's subjects are called now (pitch titles, message titles, reviewer names).
#[tauri::command]
pub async fn audit_subjects(s: Cmd<'_>) -> ApiResult<Vec<AuditSubject>> {
    s.run(|a| a.audit_subjects()).await
}

/// Checks the trail's hash chain and reports its first broken link.
#[tauri::command]
pub async fn verify_audit(s: Cmd<'_>) -> ApiResult<AuditVerification> {
    s.run(|a| a.verify_audit()).await
}
