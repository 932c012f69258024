//! Factory messages, their versions, and the claims split from them. Claims keep their ids
//! across versions (see `pitchbridge_core::align`).

use std::collections::HashMap;

use pitchbridge_core::align::{align, Alignment, PreviousClaim};
use pitchbridge_core::fingerprint::fingerprint;
use pitchbridge_core::redline::word_diff;
use pitchbridge_core::split::{split_message, SplitClaim};
use pitchbridge_core::*;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::rows::not_found;
use crate::views::{ClaimRewording, MessageDetail, RemovedClaim, TouchedPitch, VersionReport};
use crate::{Result, StoreError, Workspace};

pub(crate) fn claim_from_row(r: &Row) -> rusqlite::Result<Claim> {
    let kind: String = r.get("kind")?;
    Ok(Claim {
        id: r.get("id")?,
        message_id: r.get("message_id")?,
        number: r.get("number")?,
        kind: ClaimKind::parse(&kind).unwrap_or(ClaimKind::Other),
        text: r.get("text")?,
        section: r.get("section")?,
        fingerprint: r.get("fingerprint")?,
        since_version: r.get("since_version")?,
    })
}

impl Workspace {
    /// Creates a message from pasted text: version 1, split into claims. `kinds` overrides
    /// the proposed kinds in order (used by the demo, whose kinds are curated).
    pub fn create_message(
        &mut self,
        launch_id: Id,
        title: &str,
        source_text: &str,
        kinds: Option<&[ClaimKind]>,
        now: &str,
    ) -> Result<MessageDetail> {
        self.writable()?;
        let title = title.trim();
        if title.is_empty() {
            return Err(StoreError::Invalid("A Factory message needs a title.".into()));
        }
        pitchbridge_core::controls::refuse("title", title).map_err(StoreError::Invalid)?;
        let claims = split_message(source_text);
        if claims.is_empty() {
            return Err(StoreError::Invalid(
                "The text has no sentences or bullets to turn into claims.".into(),
            ));
        }
        self.get_launch(launch_id)?;
        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO factory_message (launch_id, title, current_version, created_at, updated_at)
             VALUES (?1, ?2, 1, ?3, ?3)",
            params![launch_id, title, now],
        )?;
        let message_id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO message_version (message_id, number, source_text, created_at) VALUES (?1, 1, ?2, ?3)",
            params![message_id, source_text, now],
        )?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO claim (message_id, number, kind, text, section, fingerprint, since_version)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)",
            )?;
            let mut revision = tx.prepare_cached(
                "INSERT INTO claim_revision (claim_id, version, number, text, fingerprint) VALUES (?1, 1, ?2, ?3, ?4)",
            )?;
            for (i, c) in claims.iter().enumerate() {
                let kind = kinds.and_then(|k| k.get(i).copied()).unwrap_or(c.proposed_kind);
                let fp = fingerprint(&c.text);
                insert.execute(params![message_id, i as i64 + 1, kind.as_str(), c.text, c.section, fp])?;
                let claim_id = tx.last_insert_rowid();
                revision.execute(params![claim_id, i as i64 + 1, c.text, fp])?;
            }
        }
        self.append_audit(&self.actor, "message.created", &format!("message:{message_id}"), &serde_json::json!({ "launch": launch_id, "title": title, "claims": claims.len() }), now)?;
        tx.commit()?;
        self.message_detail(message_id)
    }

    /// Applies a new version of a message's text: unchanged and reworded claims keep their
    /// ids, new ones are added, missing ones are marked removed.
    pub fn add_message_version(&mut self, message_id: Id, source_text: &str, now: &str) -> Result<VersionReport> {
        self.writable()?;
        // Approved pitches linking a claim that changed need re-approval: decided in the same
        // transaction as the new version.
        self.in_transaction(|ws| {
            let report = ws.write_message_version(message_id, source_text, now)?;
            ws.recheck_approvals_for_message(message_id, now)?;
            let actor = ws.actor.clone();
            let counts = serde_json::json!({
                "version": report.version,
                "unchanged": report.unchanged.len(),
                "reworded": report.reworded.len(),
                "added": report.added.len(),
                "removed": report.removed.len(),
            });
            ws.append_audit(&actor, "message.versioned", &format!("message:{message_id}"), &counts, now)?;
            Ok(report)
        })
    }

    fn write_message_version(&mut self, message_id: Id, source_text: &str, now: &str) -> Result<VersionReport> {
        let detail = self.message_detail(message_id)?;
        let split = split_message(source_text);
        if split.is_empty() {
            return Err(StoreError::Invalid(
                "The new text has no sentences or bullets to turn into claims.".into(),
            ));
        }
        let previous: Vec<PreviousClaim> = detail
            .claims
            .iter()
            .map(|c| PreviousClaim { id: c.id, text: c.text.clone(), fingerprint: c.fingerprint.clone() })
            .collect();
        let texts: Vec<String> = split.iter().map(|c| c.text.clone()).collect();
        let alignment = align(&previous, &texts);
        let version = detail.message.current_version + 1;
        let mut report = VersionReport {
            version,
            unchanged: vec![],
            reworded: vec![],
            added: vec![],
            removed: vec![],
            rewordings: vec![],
            removed_claims: vec![],
            stale_pitches: vec![],
        };
        let before: HashMap<Id, &Claim> = detail.claims.iter().map(|c| (c.id, c)).collect();

        let tx = self.write_tx()?;
        tx.execute(
            "INSERT INTO message_version (message_id, number, source_text, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![message_id, version, source_text, now],
        )?;
        tx.execute(
            "UPDATE factory_message SET current_version = ?2, updated_at = ?3 WHERE id = ?1",
            params![message_id, version, now],
        )?;
        let new_version = NewVersion { message_id, version, split: &split, before: &before };
        new_version.apply(&tx, alignment, &mut report)?;
        name_touched_pitches(&tx, &mut report)?;
        tx.commit()?;
        report.stale_pitches = self.pitches_with_stale_links(message_id)?;
        Ok(report)
    }

    /// What [`Self::add_message_version`] would do, without doing it: the version is applied
    /// inside a transaction that is then rolled back.
    pub fn preview_message_version(&mut self, message_id: Id, source_text: &str, now: &str) -> Result<VersionReport> {
        self.writable()?;
        // Taken as a write at once (as every write is), then rolled back whatever happened.
        let top = self.conn.is_autocommit();
        self.conn.execute_batch(if top { "BEGIN IMMEDIATE" } else { "SAVEPOINT preview" })?;
        let report = self.add_message_version(message_id, source_text, now);
        self.conn.execute_batch(if top { "ROLLBACK" } else { "ROLLBACK TO preview; RELEASE preview" })?;
        report
    }

    pub fn message_detail(&self, id: Id) -> Result<MessageDetail> {
        let message = self
            .conn
            .prepare_cached(
                "SELECT m.id, m.launch_id, m.title, m.current_version, m.created_at, m.updated_at, v.source_text
                 FROM factory_message m
                 JOIN message_version v ON v.message_id = m.id AND v.number = m.current_version
                 WHERE m.id = ?1",
            )?
            .query_row([id], |r| {
                Ok(FactoryMessage {
                    id: r.get(0)?,
                    launch_id: r.get(1)?,
                    title: r.get(2)?,
                    current_version: r.get(3)?,
                    created_at: r.get(4)?,
                    updated_at: r.get(5)?,
                    source_text: r.get(6)?,
                })
            })
            .optional()?
            .ok_or_else(|| not_found("Factory message", id))?;
        let claims = self
            .conn
            .prepare_cached("SELECT * FROM claim WHERE message_id = ?1 AND removed_in IS NULL ORDER BY number")?
            .query_map([id], claim_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(MessageDetail { message, claims })
    }

    pub fn set_claim_kind(&mut self, claim_id: Id, kind: ClaimKind) -> Result<Claim> {
        self.writable()?;
        let n = self.conn.execute("UPDATE claim SET kind = ?2 WHERE id = ?1", params![claim_id, kind.as_str()])?;
        if n == 0 {
            return Err(not_found("Claim", claim_id));
        }
        Ok(self.conn.query_row("SELECT * FROM claim WHERE id = ?1", [claim_id], claim_from_row)?)
    }

    pub fn delete_message(&mut self, id: Id, now: &str) -> Result<()> {
        self.writable()?;
        self.in_transaction(|ws| {
            // Approved pitches that link its claims lose those links: their approval lapses.
            let approved = ws.approved_pitches_linking(id)?;
            if ws.conn.execute("DELETE FROM factory_message WHERE id = ?1", [id])? == 0 {
                return Err(not_found("Factory message", id));
            }
            for pitch in approved {
                ws.recheck_approval(pitch, now)?;
            }
            Ok(())
        })
    }
}

/// A new version of a message being written: its split claims, and the claims before it.
struct NewVersion<'a> {
    message_id: Id,
    version: i64,
    split: &'a [SplitClaim],
    before: &'a HashMap<Id, &'a Claim>,
}

impl NewVersion<'_> {
    /// Writes what the alignment says of each claim (moved, reworded, added, removed) and
    /// every new text into `claim_revision`, and records it in the report.
    fn apply(&self, tx: &Connection, alignment: Vec<Alignment>, report: &mut VersionReport) -> Result<()> {
        let (split, before, version) = (self.split, self.before, self.version);
        // Prepared once: a long message means thousands of these.
        let mut move_claim = tx.prepare_cached("UPDATE claim SET number = ?2, section = ?3 WHERE id = ?1")?;
        let mut reword_claim = tx.prepare_cached(
            "UPDATE claim SET number = ?2, section = ?3, text = ?4, fingerprint = ?5, since_version = ?6 WHERE id = ?1",
        )?;
        let mut add_claim = tx.prepare_cached(
            "INSERT INTO claim (message_id, number, kind, text, section, fingerprint, since_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut remove_claim = tx.prepare_cached("UPDATE claim SET removed_in = ?2 WHERE id = ?1")?;
        // claim_revision keeps every text a claim has had, under the version that gave it it.
        let mut add_revision = tx.prepare_cached(
            "INSERT INTO claim_revision (claim_id, version, number, text, fingerprint) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for a in alignment {
            let (claim_id, index, fp) = match a {
                Alignment::Unchanged { id, new_index } => {
                    let c = &split[new_index];
                    let old = before[&id];
                    // Most claims of a new version did not move: nothing to write for them.
                    if old.number != new_index as i64 + 1 || old.section != c.section {
                        move_claim.execute(params![id, new_index as i64 + 1, c.section])?;
                    }
                    report.unchanged.push(id);
                    // Its text is already in claim_revision, from the version that gave it.
                    continue;
                }
                Alignment::Reworded { id, new_index, .. } => {
                    let c = &split[new_index];
                    let fp = fingerprint(&c.text);
                    reword_claim.execute(params![id, new_index as i64 + 1, c.section, c.text, fp, version])?;
                    report.reworded.push(id);
                    report.rewordings.push(ClaimRewording {
                        claim_id: id,
                        number: new_index as i64 + 1,
                        diff: word_diff(&before[&id].text, &c.text),
                        pitches: vec![],
                    });
                    (id, new_index, fp)
                }
                Alignment::Added { new_index } => {
                    let c = &split[new_index];
                    let fp = fingerprint(&c.text);
                    add_claim.execute(params![self.message_id, new_index as i64 + 1, c.proposed_kind.as_str(), c.text, c.section, fp, version])?;
                    let id = tx.last_insert_rowid();
                    report.added.push(id);
                    (id, new_index, fp)
                }
                Alignment::Removed { id } => {
                    remove_claim.execute(params![id, version])?;
                    report.removed.push(id);
                    let c = before[&id];
                    report.removed_claims.push(RemovedClaim { claim_id: id, number: c.number, text: c.text.clone(), pitches: vec![] });
                    continue;
                }
            };
            let c = &split[index];
            add_revision.execute(params![claim_id, version, index as i64 + 1, c.text, fp])?;
        }
        Ok(())
    }
}

/// Names, on each reworded and removed claim of the report, the pitches that link it.
fn name_touched_pitches(tx: &Connection, report: &mut VersionReport) -> Result<()> {
    let mut touched = tx.prepare_cached(
        "SELECT DISTINCT p.id, p.title, p.status FROM block_claim_link l
         JOIN pitch_block b ON b.id = l.block_id JOIN pitch p ON p.id = b.pitch_id
         WHERE l.claim_id = ?1 ORDER BY p.title COLLATE NOCASE, p.id",
    )?;
    let mut pitches_of = |claim_id: Id| -> Result<Vec<TouchedPitch>> {
        Ok(touched
            .query_map([claim_id], |r| {
                let status: String = r.get(2)?;
                Ok(TouchedPitch {
                    pitch_id: r.get(0)?,
                    title: r.get(1)?,
                    status: PitchStatus::parse(&status).unwrap_or(PitchStatus::Draft),
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    };
    for r in &mut report.rewordings {
        r.pitches = pitches_of(r.claim_id)?;
    }
    for r in &mut report.removed_claims {
        r.pitches = pitches_of(r.claim_id)?;
    }
    Ok(())
}
