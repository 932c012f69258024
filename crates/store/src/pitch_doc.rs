//! The pitch editor's side of the store: the document, its links to claims, stale flags,
//! coverage and named versions.

use std::collections::{HashMap, HashSet};

use pitchbridge_core::doc::{doc_text, validate_doc, word_count, DocBlock, Run};
use pitchbridge_core::fingerprint::fingerprint;
use pitchbridge_core::links::{coverage, link_state, LinkResolution, LinkState};
use pitchbridge_core::redline::{word_diff, DiffSpan};
use pitchbridge_core::*;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::views::{LinkView, MessageClaims, PitchEditorView, PitchLinks, PitchVersionSummary, StalePitch};
use crate::{Result, StoreError, Workspace};

/// The JSON kept in `pitch_block.content` (see migration 0002).
#[derive(Debug, Default, Serialize, Deserialize)]
struct StoredContent {
    #[serde(default)]
    level: u8,
    #[serde(default)]
    numbered: bool,
    #[serde(default)]
    runs: Vec<Run>,
}

pub(crate) fn content_json(kind: BlockKind, level: u8, runs: &[Run]) -> String {
    let c = StoredContent { level, numbered: kind == BlockKind::Numbered, runs: runs.to_vec() };
    serde_json::to_string(&c).expect("block content serialises")
}

/// The kind column predates numbered lists: both list kinds are stored as 'bullet'.
pub(crate) fn kind_column(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Numbered => "bullet",
        k => k.as_str(),
    }
}

/// Reads a block's kind, heading level and runs back from its two columns.
pub(crate) fn decode_block(kind_col: &str, content: &str, text: &str) -> (BlockKind, u8, Vec<Run>) {
    let c: StoredContent = serde_json::from_str(content).unwrap_or_default();
    let kind = match BlockKind::parse(kind_col).unwrap_or(BlockKind::Paragraph) {
        BlockKind::Bullet if c.numbered => BlockKind::Numbered,
        k => k,
    };
    // A block whose content could not be read still shows its plain text.
    let runs = if c.runs.is_empty() && !text.is_empty() { vec![Run::plain(text)] } else { c.runs };
    (kind, c.level, runs)
}

/// A pitch as a named version keeps it: the document and its links.
#[derive(Debug, Serialize, Deserialize)]
struct Snapshot {
    blocks: Vec<DocBlock>,
    links: Vec<SnapshotLink>,
}

#[derive(Debug, Serialize, Deserialize)]
struct SnapshotLink {
    block_key: String,
    claim_id: Id,
    fingerprint: String,
}

fn invalid(e: impl ToString) -> StoreError {
    StoreError::Invalid(e.to_string())
}

fn block_id(conn: &Connection, pitch_id: Id, key: &str) -> Result<Id> {
    conn.query_row("SELECT id FROM pitch_block WHERE pitch_id = ?1 AND key = ?2", params![pitch_id, key], |r| r.get(0))
        .optional()?
        .ok_or_else(|| {
            StoreError::Invalid("That paragraph is no longer in the pitch. It may have been deleted.".into())
        })
}

impl Workspace {
    fn pitch_row(&self, pitch_id: Id) -> Result<(Id, String)> {
        self.conn
            .query_row("SELECT launch_id, collateral_type FROM pitch WHERE id = ?1", [pitch_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound { what: "Pitch", id: pitch_id.to_string() })
    }

    /// The pitch's blocks in order.
    pub fn pitch_doc(&self, pitch_id: Id) -> Result<Vec<DocBlock>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, section, kind, content, text FROM pitch_block WHERE pitch_id = ?1 ORDER BY ordinal, id")?;
        let rows = stmt.query_map([pitch_id], |r| {
            let kind: String = r.get(2)?;
            let content: String = r.get(3)?;
            let text: String = r.get(4)?;
            let (kind, level, runs) = decode_block(&kind, &content, &text);
            Ok(DocBlock { key: r.get(0)?, section: r.get(1)?, kind, level, runs })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes the whole document: blocks are matched by key, so only what changed is
    /// rewritten and links stay on their blocks. Blocks no longer present are deleted with
    /// their links. Returns whether anything changed.
    pub fn save_pitch_doc(&mut self, pitch_id: Id, blocks: &[DocBlock], now: &str) -> Result<bool> {
        Ok(self.save_pitch_doc_reporting(pitch_id, blocks, now)?.0)
    }

    /// [`Self::save_pitch_doc`], also saying whether blocks (and so perhaps links) were deleted.
    pub fn save_pitch_doc_reporting(&mut self, pitch_id: Id, blocks: &[DocBlock], now: &str) -> Result<(bool, bool)> {
        self.writable()?;
        self.ensure_writer_can_edit(pitch_id)?;
        self.write_pitch_doc(pitch_id, blocks, now)
    }

    /// The reviewer's edits to a pitch in review (the writer cannot change it then).
    pub fn save_review_edits(&mut self, pitch_id: Id, blocks: &[DocBlock], now: &str) -> Result<(bool, bool)> {
        self.writable()?;
        if self.pitch_status(pitch_id)? != PitchStatus::InReview {
            return Err(StoreError::Refused("Only a pitch in review takes a reviewer's edits.".into()));
        }
        self.write_pitch_doc(pitch_id, blocks, now)
    }

    /// Writes the document and, when anything changed, rechecks an approval, in one
    /// transaction. The caller has decided whether the pitch's state allows the change.
    pub(crate) fn write_pitch_doc(&mut self, pitch_id: Id, blocks: &[DocBlock], now: &str) -> Result<(bool, bool)> {
        self.in_transaction(|ws| {
            let result = ws.write_blocks(pitch_id, blocks, now)?;
            if result.0 {
                ws.recheck_approval(pitch_id, now)?;
            }
            Ok(result)
        })
    }

    pub(crate) fn write_blocks(&mut self, pitch_id: Id, blocks: &[DocBlock], now: &str) -> Result<(bool, bool)> {
        let (_, type_id) = self.pitch_row(pitch_id)?;
        let ct = self.get_collateral_type(&type_id)?;
        let section_ids: Vec<&str> = ct.sections.iter().map(|s| s.id.as_str()).collect();
        let blocks = validate_doc(blocks, &section_ids).map_err(invalid)?;

        let tx = self.write_tx()?;
        let mut existing: HashMap<String, (Id, i64, String, String, String, String)> = tx
            .prepare_cached("SELECT key, id, ordinal, section, kind, content, text FROM pitch_block WHERE pitch_id = ?1")?
            .query_map([pitch_id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))))?
            .collect::<rusqlite::Result<_>>()?;
        let mut changed = false;
        for (i, b) in blocks.iter().enumerate() {
            let ordinal = i as i64 + 1;
            let content = content_json(b.kind, b.level, &b.runs);
            let text = b.text();
            let kind = kind_column(b.kind);
            match existing.remove(&b.key) {
                Some((id, o, s, k, c, t)) => {
                    if t != text {
                        // Only a text change touches the search index (its trigger watches `text`).
                        tx.prepare_cached(
                            "UPDATE pitch_block SET ordinal = ?2, section = ?3, kind = ?4, content = ?5, text = ?6 WHERE id = ?1",
                        )?
                        .execute(params![id, ordinal, b.section, kind, content, text])?;
                        changed = true;
                    } else if o != ordinal || s != b.section || k != kind || c != content {
                        tx.prepare_cached("UPDATE pitch_block SET ordinal = ?2, section = ?3, kind = ?4, content = ?5 WHERE id = ?1")?
                            .execute(params![id, ordinal, b.section, kind, content])?;
                        changed = true;
                    }
                }
                None => {
                    tx.prepare_cached(
                        "INSERT INTO pitch_block (pitch_id, ordinal, section, kind, content, text, key)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    )?
                    .execute(params![pitch_id, ordinal, b.section, kind, content, text, b.key])?;
                    changed = true;
                }
            }
        }
        let removed = !existing.is_empty();
        for (id, ..) in existing.into_values() {
            tx.execute("DELETE FROM pitch_block WHERE id = ?1", [id])?;
            changed = true;
        }
        if changed {
            tx.execute("UPDATE pitch SET updated_at = ?2 WHERE id = ?1", params![pitch_id, now])?;
        }
        tx.commit()?;
        Ok((changed, removed))
    }

    /// Links a block to claims of the pitch's launch (linking again refreshes the link).
    pub fn link_claims(&mut self, pitch_id: Id, block_key: &str, claim_ids: &[Id], now: &str) -> Result<()> {
        self.writable()?;
        self.ensure_writer_can_edit(pitch_id)?;
        // The claims a pitch links are part of what an approval covers.
        self.in_transaction(|ws| {
            ws.write_links(pitch_id, block_key, claim_ids, now)?;
            ws.recheck_approval(pitch_id, now)
        })
    }

    fn write_links(&mut self, pitch_id: Id, block_key: &str, claim_ids: &[Id], now: &str) -> Result<()> {
        let (launch_id, _) = self.pitch_row(pitch_id)?;
        let tx = self.write_tx()?;
        let block = block_id(&tx, pitch_id, block_key)?;
        for claim_id in claim_ids {
            let fp: String = tx
                .query_row(
                    "SELECT c.fingerprint FROM claim c JOIN factory_message m ON m.id = c.message_id
                     WHERE c.id = ?1 AND m.launch_id = ?2 AND c.removed_in IS NULL",
                    params![claim_id, launch_id],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| invalid(format!("Claim {claim_id} is not a current claim of this pitch's launch.")))?;
            tx.execute(
                "INSERT INTO block_claim_link (block_id, claim_id, claim_fingerprint, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(block_id, claim_id) DO UPDATE SET claim_fingerprint = excluded.claim_fingerprint",
                params![block, claim_id, fp, now],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn unlink_claim(&mut self, pitch_id: Id, block_key: &str, claim_id: Id, now: &str) -> Result<()> {
        self.writable()?;
        self.ensure_writer_can_edit(pitch_id)?;
        self.in_transaction(|ws| {
            let block = block_id(&ws.conn, pitch_id, block_key)?;
            ws.conn.execute("DELETE FROM block_claim_link WHERE block_id = ?1 AND claim_id = ?2", params![block, claim_id])?;
            ws.recheck_approval(pitch_id, now)
        })
    }

    /// Resolves a stale flag: the paragraph was revised, or still holds for the claim's new
    /// text. Either way the link now stands against the claim as it reads today.
    pub fn confirm_link(
        &mut self,
        pitch_id: Id,
        block_key: &str,
        claim_id: Id,
        resolution: LinkResolution,
        numbers_confirmed: bool,
        now: &str,
    ) -> Result<()> {
        self.writable()?;
        self.ensure_writer_can_edit(pitch_id)?;
        let block = block_id(&self.conn, pitch_id, block_key)?;
        let (fp, text, removed): (String, String, bool) = self
            .conn
            .query_row("SELECT fingerprint, text, removed_in IS NOT NULL FROM claim WHERE id = ?1", [claim_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?
            .ok_or_else(|| StoreError::NotFound { what: "Claim", id: claim_id.to_string() })?;
        if removed {
            return Err(invalid("That claim is no longer in the Factory message. Unlink it instead."));
        }
        // "It still holds" while the paragraph still says a number the claim no longer says
        // (41% where the claim now says 38%) needs the writer to look again.
        if resolution == LinkResolution::StillHolds && !numbers_confirmed {
            let (linked_fp, paragraph): (String, String) = self
                .conn
                .query_row(
                    "SELECT l.claim_fingerprint, b.text FROM block_claim_link l JOIN pitch_block b ON b.id = l.block_id WHERE l.block_id = ?1 AND l.claim_id = ?2",
                    params![block, claim_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| invalid("That paragraph is not linked to that claim."))?;
            let old: Option<String> = self
                .conn
                .query_row("SELECT text FROM claim_revision WHERE claim_id = ?1 AND fingerprint = ?2 ORDER BY version DESC LIMIT 1", params![claim_id, linked_fp], |r| r.get(0))
                .optional()?;
            let stale = old.map(|old| pitchbridge_core::links::stale_numbers(&paragraph, &old, &text)).unwrap_or_default();
            if !stale.is_empty() {
                return Err(StoreError::NeedsConfirmation(format!(
                    "The paragraph still says {} where the claim no longer does (it now reads: “{text}”). Revise the paragraph, or confirm that it still holds as it is.",
                    stale.join(", ")
                )));
            }
        }
        self.in_transaction(|ws| {
            let n = ws.conn.execute(
                "UPDATE block_claim_link SET claim_fingerprint = ?3, resolution = ?4, resolved_at = ?5
                 WHERE block_id = ?1 AND claim_id = ?2",
                params![block, claim_id, fp, resolution.as_str(), now],
            )?;
            if n == 0 {
                return Err(invalid("That paragraph is not linked to that claim."));
            }
            let actor = ws.actor.clone();
            ws.append_audit(&actor, "link.resolved", &format!("pitch:{pitch_id}"), &serde_json::json!({ "block": block_key, "claim": claim_id, "resolution": resolution.as_str() }), now)?;
            Ok(())
        })
    }

    /// Every link of the pitch with its state, and the coverage of the required claims.
    pub fn pitch_links(&self, pitch_id: Id) -> Result<PitchLinks> {
        let (launch_id, type_id) = self.pitch_row(pitch_id)?;
        let ct = self.get_collateral_type(&type_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.key, l.claim_id, l.claim_fingerprint, c.fingerprint, c.removed_in IS NOT NULL, c.text,
                    (SELECT r.text FROM claim_revision r WHERE r.claim_id = c.id AND r.fingerprint = l.claim_fingerprint
                     ORDER BY r.version DESC LIMIT 1)
             FROM block_claim_link l
             JOIN pitch_block b ON b.id = l.block_id
             JOIN claim c ON c.id = l.claim_id
             WHERE b.pitch_id = ?1
             ORDER BY b.ordinal, c.message_id, c.number",
        )?;
        let links: Vec<LinkView> = stmt
            .query_map([pitch_id], |r| {
                let linked_fp: String = r.get(2)?;
                let current_fp: String = r.get(3)?;
                let removed: bool = r.get(4)?;
                let text: String = r.get(5)?;
                let old: Option<String> = r.get(6)?;
                let state = link_state(&linked_fp, &current_fp, removed);
                let (old_text, diff) = match state {
                    LinkState::Current => (String::new(), vec![]),
                    _ => {
                        let old = old.unwrap_or_default();
                        let new = if removed { String::new() } else { text };
                        let diff = word_diff(&old, &new);
                        (old, diff)
                    }
                };
                Ok(LinkView { block_key: r.get(0)?, claim_id: r.get(1)?, state, old_text, diff })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let claims: Vec<(Id, ClaimKind)> = self
            .conn
            .prepare_cached(
                "SELECT c.id, c.kind FROM claim c JOIN factory_message m ON m.id = c.message_id
                 WHERE m.launch_id = ?1 AND c.removed_in IS NULL ORDER BY m.id, c.number",
            )?
            .query_map([launch_id], |r| {
                let kind: String = r.get(1)?;
                Ok((r.get(0)?, ClaimKind::parse(&kind).unwrap_or(ClaimKind::Other)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let linked: HashSet<Id> = links.iter().filter(|l| l.state != LinkState::Removed).map(|l| l.claim_id).collect();
        let coverage = coverage(&claims, &linked, &ct.required_claim_kinds);
        Ok(PitchLinks { links, coverage })
    }

    /// Everything the side-by-side editor shows for one pitch.
    pub fn pitch_editor(&self, pitch_id: Id) -> Result<PitchEditorView> {
        let detail = self.pitch_detail(pitch_id)?;
        let pitch = &detail.summary.pitch;
        let collateral_type = self.get_collateral_type(&pitch.collateral_type)?;
        let audience = self.get_audience(pitch.audience_id)?;
        let launch = self.launch_detail(pitch.launch_id)?;
        let mut messages = Vec::with_capacity(launch.messages.len());
        for m in &launch.messages {
            let d = self.message_detail(m.id)?;
            messages.push(MessageClaims { message_id: m.id, title: d.message.title, version: d.message.current_version, claims: d.claims });
        }
        Ok(PitchEditorView {
            launch_name: launch.launch.name,
            collateral_type,
            audience,
            messages,
            blocks: self.pitch_doc(pitch_id)?,
            links: self.pitch_links(pitch_id)?,
            glossary: self.list_glossary()?,
            versions: self.list_pitch_versions(pitch_id)?,
            summary: detail.summary,
        })
    }

    // ---- named versions -------------------------------------------------------------------

    pub fn list_pitch_versions(&self, pitch_id: Id) -> Result<Vec<PitchVersionSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT number, name, created_at, snapshot FROM pitch_version WHERE pitch_id = ?1 ORDER BY number DESC",
        )?;
        let rows = stmt.query_map([pitch_id], |r| {
            let snapshot: String = r.get(3)?;
            let words = serde_json::from_str::<Snapshot>(&snapshot)
                .map(|s| s.blocks.iter().map(|b| word_count(&b.text())).sum())
                .unwrap_or(0);
            Ok(PitchVersionSummary { number: r.get(0)?, name: r.get(1)?, created_at: r.get(2)?, word_count: words })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps the pitch as it stands now under a name.
    pub fn save_pitch_version(&mut self, pitch_id: Id, name: &str, now: &str) -> Result<PitchVersionSummary> {
        self.keep_pitch_version(pitch_id, None, name, now)
    }

    /// [`Self::save_pitch_version`] under a given number (a review copy keeps the number the
    /// version has in the workspace it came from).
    pub(crate) fn keep_pitch_version(&mut self, pitch_id: Id, number: Option<i64>, name: &str, now: &str) -> Result<PitchVersionSummary> {
        self.writable()?;
        self.pitch_row(pitch_id)?;
        let name = name.trim();
        if name.chars().count() > 120 {
            return Err(invalid("A version name can be at most 120 characters."));
        }
        let blocks = self.pitch_doc(pitch_id)?;
        let links: Vec<SnapshotLink> = self
            .conn
            .prepare_cached(
                "SELECT b.key, l.claim_id, l.claim_fingerprint FROM block_claim_link l
                 JOIN pitch_block b ON b.id = l.block_id WHERE b.pitch_id = ?1 ORDER BY b.ordinal, l.claim_id",
            )?
            .query_map([pitch_id], |r| Ok(SnapshotLink { block_key: r.get(0)?, claim_id: r.get(1)?, fingerprint: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
        let words = blocks.iter().map(|b| word_count(&b.text())).sum();
        let fp = fingerprint(&serde_json::to_string(&blocks).map_err(invalid)?);
        let snapshot = serde_json::to_string(&Snapshot { blocks, links }).map_err(invalid)?;
        let tx = self.write_tx()?;
        let number: i64 = match number {
            Some(n) => n,
            None => tx.query_row("SELECT coalesce(max(number), 0) + 1 FROM pitch_version WHERE pitch_id = ?1", [pitch_id], |r| r.get(0))?,
        };
        let name = if name.is_empty() { format!("Version {number}") } else { name.to_string() };
        tx.execute(
            "INSERT INTO pitch_version (pitch_id, number, name, snapshot, fingerprint, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![pitch_id, number, name, snapshot, fp, now],
        )?;
        tx.commit()?;
        Ok(PitchVersionSummary { number, name, created_at: now.to_string(), word_count: words })
    }

    /// The blocks of a kept version; number 0 is the pitch as it is now.
    pub fn pitch_version_blocks(&self, pitch_id: Id, number: i64) -> Result<Vec<DocBlock>> {
        if number == 0 {
            return self.pitch_doc(pitch_id);
        }
        Ok(self.pitch_snapshot(pitch_id, number)?.blocks)
    }

    /// A word-level redline between two versions (0 is the pitch as it is now).
    pub fn compare_pitch_versions(&self, pitch_id: Id, from: i64, to: i64) -> Result<Vec<DiffSpan>> {
        let a = self.pitch_version_blocks(pitch_id, from)?;
        let b = self.pitch_version_blocks(pitch_id, to)?;
        Ok(word_diff(&doc_text(&a), &doc_text(&b)))
    }

    fn pitch_snapshot(&self, pitch_id: Id, number: i64) -> Result<Snapshot> {
        let json: String = self
            .conn
            .query_row("SELECT snapshot FROM pitch_version WHERE pitch_id = ?1 AND number = ?2", params![pitch_id, number], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::NotFound { what: "Pitch version", id: number.to_string() })?;
        serde_json::from_str(&json).map_err(|e| invalid(format!("Version {number} of this pitch cannot be read: {e}")))
    }

    /// A word-level redline from a named version to the pitch as it is now.
    pub fn compare_pitch_version(&self, pitch_id: Id, number: i64) -> Result<Vec<DiffSpan>> {
        let then = self.pitch_snapshot(pitch_id, number)?;
        let now = self.pitch_doc(pitch_id)?;
        Ok(word_diff(&doc_text(&then.blocks), &doc_text(&now)))
    }

    /// Puts a named version back. What was there is first kept as a version of its own, so a
    /// restore can itself be undone.
    pub fn restore_pitch_version(&mut self, pitch_id: Id, number: i64, now: &str) -> Result<PitchVersionSummary> {
        let snapshot = self.pitch_snapshot(pitch_id, number)?;
        self.ensure_writer_can_edit(pitch_id)?;
        self.in_transaction(|ws| {
            let kept = ws.save_pitch_version(pitch_id, &format!("Before restoring version {number}"), now)?;
            ws.write_blocks(pitch_id, &snapshot.blocks, now)?;
            ws.conn.execute(
                "DELETE FROM block_claim_link WHERE block_id IN (SELECT id FROM pitch_block WHERE pitch_id = ?1)",
                [pitch_id],
            )?;
            for l in &snapshot.links {
                // Claims deleted since the version was kept cannot be linked again.
                ws.conn.execute(
                    "INSERT OR IGNORE INTO block_claim_link (block_id, claim_id, claim_fingerprint, created_at)
                     SELECT b.id, c.id, ?3, ?4 FROM pitch_block b, claim c
                     WHERE b.pitch_id = ?5 AND b.key = ?1 AND c.id = ?2",
                    params![l.block_key, l.claim_id, l.fingerprint, now, pitch_id],
                )?;
            }
            ws.recheck_approval(pitch_id, now)?;
            Ok(kept)
        })
    }

    /// Pitches with links that a message's current version has made stale, and how many.
    pub fn pitches_with_stale_links(&self, message_id: Id) -> Result<Vec<StalePitch>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.title, count(*) FROM block_claim_link l
             JOIN claim c ON c.id = l.claim_id
             JOIN pitch_block b ON b.id = l.block_id
             JOIN pitch p ON p.id = b.pitch_id
             WHERE c.message_id = ?1 AND (c.removed_in IS NOT NULL OR c.fingerprint <> l.claim_fingerprint)
             GROUP BY p.id ORDER BY p.title COLLATE NOCASE, p.id",
        )?;
        let rows = stmt.query_map([message_id], |r| Ok(StalePitch { pitch_id: r.get(0)?, title: r.get(1)?, stale_links: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
