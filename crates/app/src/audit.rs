//! The audit trail: every review step, comment, decision and checklist change, and the check
//! of its hash chain.

use pitchbridge_core::audit::AuditEvent;
use pitchbridge_store::AuditVerification;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::ApiResult;

/// An audit subject ("pitch:3") and what it is called now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditSubject {
    pub subject: String,
    pub name: String,
}

impl App {
    /// The names of the audit trail's subjects the workspace still holds, for the audit screen
    /// to say "Close the books sooner — one-pager…" rather than "pitch 3".
    pub fn audit_subjects(&self) -> ApiResult<Vec<AuditSubject>> {
        Ok(self.ws()?.audit_subject_names()?.into_iter().map(|(subject, name)| AuditSubject { subject, name }).collect())
    }

    pub fn audit_events(&self) -> ApiResult<Vec<AuditEvent>> {
        Ok(self.ws()?.audit_events()?)
    }

    /// Checks the workspace's audit trail and reports the first broken link.
    pub fn verify_audit(&self) -> ApiResult<AuditVerification> {
        Ok(self.ws()?.verify_audit()?)
    }
}
