//! The audit trail: every review step, comment, decision and checklist change, and the check
//! of its hash chain.

use pitchbridge_core::audit::AuditEvent;
use pitchbridge_store::AuditVerification;

use crate::App;
use crate::error::ApiResult;

impl App {
    pub fn audit_events(&self) -> ApiResult<Vec<AuditEvent>> {
        Ok(self.ws()?.audit_events()?)
    }

    /// Checks the workspace's audit trail and reports the first broken link.
    pub fn verify_audit(&self) -> ApiResult<AuditVerification> {
        Ok(self.ws()?.verify_audit()?)
    }
}
