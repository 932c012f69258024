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
        // The head, kept apart from the chain: a trail cut short (its last events removed) no
        // longer ends where the head says it does.
        self.conn.execute(
            "INSERT INTO workspace_meta (key, value) VALUES ('audit_head', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [format!("{seq} {hash}")],
        )?;
        Ok(AuditEvent { seq, at: at.into(), actor: actor.into(), action: action.into(), subject: subject.into(), payload, prev_hash, hash })
    }

    /// What each audit subject the workspace still holds is called: "pitch:3" → its title,
    /// "message:1" → the message's title, "reviewer:2" → the reviewer's name.
    pub fn audit_subject_names(&self) -> Result<Vec<(String, String)>> {
        let mut out = vec![];
        for (kind, sql) in [("pitch", "SELECT id, title FROM pitch"), ("message", "SELECT id, title FROM factory_message"), ("reviewer", "SELECT id, name FROM reviewer")] {
            // A workspace from before reviewers existed, open read-only, has no reviewer table.
            let mut stmt = match self.conn.prepare(sql) {
                Ok(s) => s,
                Err(rusqlite::Error::SqliteFailure(_, Some(m))) if m.starts_with("no such table") => continue,
                Err(e) => return Err(e.into()),
            };
            let rows = stmt.query_map([], |r| Ok((format!("{kind}:{}", r.get::<_, i64>(0)?), r.get::<_, String>(1)?)))?;
            for row in rows {
                out.push(row?);
            }
        }
        Ok(out)
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

    /// Records an event of the person working in the workspace (an import, an export) in its
    /// own transaction; a read-only workspace records nothing.
    pub fn record_event(&mut self, action: &str, subject: &str, payload: &serde_json::Value, at: &str) -> Result<()> {
        if self.is_read_only() {
            return Ok(());
        }
        self.in_transaction(|ws| {
            let actor = ws.actor.clone();
            ws.append_audit(&actor, action, subject, payload, at).map(|_| ())
        })
    }

    /// Checks the whole chain and reports the first broken link; then that the chain ends
    /// where its head says (no last events removed) and that every decision and comment the
    /// workspace holds has its event.
    pub fn verify_audit(&self) -> Result<AuditVerification> {
        let events = self.audit_events()?;
        let n = events.len() as u32;
        if let Err(b) = verify_chain(&events) {
            return Ok(AuditVerification { events: n, first_break: Some(b) });
        }
        let broken = |seq: i64, reason: String| Ok(AuditVerification { events: n, first_break: Some(ChainBreak { seq, reason }) });
        let last = events.last().map(|e| (e.seq, e.hash.as_str()));
        if let Some(head) = self.meta("audit_head")? {
            let (seq, hash) = head.split_once(' ').unwrap_or((head.as_str(), ""));
            let seq: i64 = seq.parse().unwrap_or(0);
            if last != Some((seq, hash)) {
                let have = last.map_or(0, |(s, _)| s);
                return broken(have + 1, format!("the trail ends at event {have}, but event {seq} was written: the last events were removed"));
            }
        }
        let count = |sql: &str| -> Result<i64> { Ok(self.conn.query_row(sql, [], |r| r.get(0))?) };
        let decisions = count("SELECT count(*) FROM decision")?;
        let decided = events.iter().filter(|e| e.action.starts_with("decision.")).count() as i64;
        if decided < decisions {
            return broken(last.map_or(1, |(s, _)| s + 1), format!("{decisions} decisions are recorded but only {decided} have their event: events were removed"));
        }
        // (A review copy holds the comments it was sent with, recorded where they were made.)
        let comments = if self.review_copy_of()?.is_some() { 0 } else { count("SELECT count(*) FROM comment")? };
        let commented = events.iter().filter(|e| e.action == "comment.added").count() as i64;
        if commented < comments {
            return broken(last.map_or(1, |(s, _)| s + 1), format!("{comments} comments are recorded but only {commented} have their event: events were removed"));
        }
        Ok(AuditVerification { events: n, first_break: None })
    }
}
