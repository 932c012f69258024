//! The audit trail: append-only (the schema's triggers refuse UPDATE and DELETE) and hash
//! chained. Events are written by the same transaction as the change they record.

use pitchbridge_core::audit::{event_hash, verify_chain, AuditEvent, ChainBreak, GENESIS};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Result, Workspace};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditVerification {
    pub events: u32,
    /// The first broken link, if any.
    pub first_break: Option<ChainBreak>,
}

impl Workspace {
    /// Appends an event after the last one. Call inside the transaction of the change.
    pub(crate) fn append_audit(&self, actor: &str, action: &str, subject: &str, payload: &serde_json::Value, at: &str) -> Result<AuditEvent> {
        let last: Option<(i64, String)> = self
            .conn
            .query_row("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (seq, prev_hash) = match last {
            Some((s, h)) => (s + 1, h),
            None => (1, GENESIS.to_string()),
        };
        let payload = serde_json::to_string(payload).expect("JSON values serialise");
        let hash = event_hash(&prev_hash, seq, at, actor, action, subject, &payload);
        self.conn.execute(
            "INSERT INTO audit_event (seq, at, actor, action, subject, payload, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![seq, at, actor, action, subject, payload, prev_hash, hash],
        )?;
        Ok(AuditEvent { seq, at: at.into(), actor: actor.into(), action: action.into(), subject: subject.into(), payload, prev_hash, hash })
    }

    pub fn audit_events(&self) -> Result<Vec<AuditEvent>> {
        let rows = self
            .conn
            .prepare_cached("SELECT seq, at, actor, action, subject, payload, prev_hash, hash FROM audit_event ORDER BY seq")?
            .query_map([], |r| {
                Ok(AuditEvent {
                    seq: r.get(0)?,
                    at: r.get(1)?,
                    actor: r.get(2)?,
                    action: r.get(3)?,
                    subject: r.get(4)?,
                    payload: r.get(5)?,
                    prev_hash: r.get(6)?,
                    hash: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Checks the whole chain and reports the first broken link.
    pub fn verify_audit(&self) -> Result<AuditVerification> {
        let events = self.audit_events()?;
        Ok(match verify_chain(&events) {
            Ok(n) => AuditVerification { events: n as u32, first_break: None },
            Err(b) => AuditVerification { events: events.len() as u32, first_break: Some(b) },
        })
    }
}
