//! Repositories: reading and writing the core objects. Every write runs in one transaction.

use pitchbridge_core::align::{align, Alignment, PreviousClaim};
use pitchbridge_core::collateral::CollateralType;
use pitchbridge_core::doc::{normalize_runs, Run};
use pitchbridge_core::fingerprint::fingerprint;
use pitchbridge_core::redline::word_diff;
use pitchbridge_core::split::split_message;
use std::collections::HashMap;
use pitchbridge_core::*;
use rusqlite::{params, OptionalExtension, Row};

use crate::pitch_doc::{content_json, decode_block, kind_column};
use crate::views::*;
use crate::{Result, StoreError, Workspace};

/// A block to write into a pitch; `claim_ids` are the claims it translates.
#[derive(Debug, Clone)]
pub struct NewBlock {
    pub section: String,
    pub kind: BlockKind,
    pub text: String,
    pub claim_ids: Vec<Id>,
}

fn launch_from_row(r: &Row) -> rusqlite::Result<Launch> {
    Ok(Launch {
        id: r.get("id")?,
        name: r.get("name")?,
        product: r.get("product")?,
        version: r.get("version")?,
        launch_date: r.get("launch_date")?,
        owner_pm: r.get("owner_pm")?,
        description: r.get("description")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

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

fn pitch_from_row(r: &Row) -> rusqlite::Result<Pitch> {
    let status: String = r.get("status")?;
    Ok(Pitch {
        id: r.get("id")?,
        launch_id: r.get("launch_id")?,
        audience_id: r.get("audience_id")?,
        collateral_type: r.get("collateral_type")?,
        title: r.get("title")?,
        status: PitchStatus::parse(&status).unwrap_or(PitchStatus::Draft),
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

fn not_found(what: &'static str, id: impl ToString) -> StoreError {
    StoreError::NotFound { what, id: id.to_string() }
}

fn word_count(text: &str) -> i64 {
    i64::from(pitchbridge_core::doc::word_count(text))
}

const RESEARCH_KINDS: [&str; 4] = ["pain", "goal", "objection", "words"];

impl Workspace {
    // ---- launches -------------------------------------------------------------------------

    pub fn list_launches(&self) -> Result<Vec<LaunchSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.*,
                    (SELECT count(*) FROM factory_message m WHERE m.launch_id = l.id) AS messages,
                    (SELECT count(*) FROM pitch p WHERE p.launch_id = l.id) AS pitches
             FROM launch l ORDER BY l.name COLLATE NOCASE, l.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(LaunchSummary {
                launch: launch_from_row(r)?,
                message_count: r.get("messages")?,
                pitch_count: r.get("pitches")?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn get_launch(&self, id: Id) -> Result<Launch> {
        self.conn
            .prepare_cached("SELECT * FROM launch WHERE id = ?1")?
            .query_row([id], launch_from_row)
            .optional()?
            .ok_or_else(|| not_found("Launch", id))
    }

    pub fn create_launch(&mut self, input: &LaunchInput, now: &str) -> Result<Launch> {
        self.writable()?;
        let clean = validate_launch(input).map_err(StoreError::Invalid)?;
        self.conn.execute(
            "INSERT INTO launch (name, product, version, launch_date, owner_pm, description, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![clean.name, clean.product, clean.version, clean.launch_date, clean.owner_pm, clean.description, now],
        )?;
        self.get_launch(self.conn.last_insert_rowid())
    }

    pub fn update_launch(&mut self, id: Id, input: &LaunchInput, now: &str) -> Result<Launch> {
        self.writable()?;
        let clean = validate_launch(input).map_err(StoreError::Invalid)?;
        let n = self.conn.execute(
            "UPDATE launch SET name = ?2, product = ?3, version = ?4, launch_date = ?5,
                    owner_pm = ?6, description = ?7, updated_at = ?8 WHERE id = ?1",
            params![id, clean.name, clean.product, clean.version, clean.launch_date, clean.owner_pm, clean.description, now],
        )?;
        if n == 0 {
            return Err(not_found("Launch", id));
        }
        self.get_launch(id)
    }

    /// Deletes a launch with its messages, claims and pitches.
    pub fn delete_launch(&mut self, id: Id) -> Result<()> {
        self.writable()?;
        let n = self.conn.execute("DELETE FROM launch WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(not_found("Launch", id));
        }
        Ok(())
    }

    pub fn launch_detail(&self, id: Id) -> Result<LaunchDetail> {
        let launch = self.get_launch(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.id, m.title, m.current_version, m.updated_at,
                    (SELECT count(*) FROM claim c WHERE c.message_id = m.id AND c.removed_in IS NULL)
             FROM factory_message m WHERE m.launch_id = ?1 ORDER BY m.id",
        )?;
        let messages = stmt
            .query_map([id], |r| {
                Ok(MessageSummary {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    current_version: r.get(2)?,
                    updated_at: r.get(3)?,
                    claim_count: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let pitches = self.list_pitches(id)?;
        Ok(LaunchDetail { launch, messages, pitches })
    }

    // ---- Factory messages and claims ----------------------------------------------------

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
        let claims = split_message(source_text);
        if claims.is_empty() {
            return Err(StoreError::Invalid(
                "The text has no sentences or bullets to turn into claims.".into(),
            ));
        }
        self.get_launch(launch_id)?;
        let tx = self.conn.savepoint()?;
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

        let tx = self.conn.savepoint()?;
        tx.execute(
            "INSERT INTO message_version (message_id, number, source_text, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![message_id, version, source_text, now],
        )?;
        tx.execute(
            "UPDATE factory_message SET current_version = ?2, updated_at = ?3 WHERE id = ?1",
            params![message_id, version, now],
        )?;
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
                    add_claim.execute(params![message_id, new_index as i64 + 1, c.proposed_kind.as_str(), c.text, c.section, fp, version])?;
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
        drop((move_claim, reword_claim, add_claim, remove_claim, add_revision));
        // Which pitches each change reaches.
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
        drop(touched);
        tx.commit()?;
        report.stale_pitches = self.pitches_with_stale_links(message_id)?;
        Ok(report)
    }

    /// What [`Self::add_message_version`] would do, without doing it: the version is applied
    /// inside a transaction that is then rolled back.
    pub fn preview_message_version(&mut self, message_id: Id, source_text: &str, now: &str) -> Result<VersionReport> {
        self.writable()?;
        self.conn.execute_batch("SAVEPOINT preview")?;
        let report = self.add_message_version(message_id, source_text, now);
        self.conn.execute_batch("ROLLBACK TO preview; RELEASE preview")?;
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

    // ---- audiences ------------------------------------------------------------------------

    pub fn list_audiences(&self) -> Result<Vec<Audience>> {
        let ids: Vec<Id> = self
            .conn
            .prepare_cached("SELECT id FROM audience ORDER BY channel COLLATE NOCASE, persona COLLATE NOCASE, id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.get_audience(id)).collect()
    }

    pub fn get_audience(&self, id: Id) -> Result<Audience> {
        let (channel, persona, summary): (String, String, String) = self
            .conn
            .prepare_cached("SELECT channel, persona, summary FROM audience WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?
            .ok_or_else(|| not_found("Audience", id))?;
        let mut research = Research::default();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT kind, text FROM audience_research WHERE audience_id = ?1 ORDER BY kind, position")?;
        let rows = stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (kind, text) = row?;
            match kind.as_str() {
                "pain" => research.pains.push(text),
                "goal" => research.goals.push(text),
                "objection" => research.objections.push(text),
                _ => research.customer_words.push(text),
            }
        }
        Ok(Audience { id, channel, persona, summary, research })
    }

    pub fn create_audience(&mut self, input: &AudienceInput, now: &str) -> Result<Audience> {
        self.writable()?;
        let clean = validate_audience(input).map_err(StoreError::Invalid)?;
        let tx = self.conn.savepoint()?;
        tx.execute(
            "INSERT INTO audience (channel, persona, summary, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
            params![clean.channel, clean.persona, clean.summary, now],
        )?;
        let id = tx.last_insert_rowid();
        write_research(&tx, id, &clean.research)?;
        tx.commit()?;
        self.get_audience(id)
    }

    pub fn update_audience(&mut self, id: Id, input: &AudienceInput, now: &str) -> Result<Audience> {
        self.writable()?;
        let clean = validate_audience(input).map_err(StoreError::Invalid)?;
        let tx = self.conn.savepoint()?;
        let n = tx.execute(
            "UPDATE audience SET channel = ?2, persona = ?3, summary = ?4, updated_at = ?5 WHERE id = ?1",
            params![id, clean.channel, clean.persona, clean.summary, now],
        )?;
        if n == 0 {
            return Err(not_found("Audience", id));
        }
        tx.execute("DELETE FROM audience_research WHERE audience_id = ?1", [id])?;
        write_research(&tx, id, &clean.research)?;
        tx.commit()?;
        self.get_audience(id)
    }

    /// Refuses while pitches are written for the audience: deleting them silently would lose work.
    pub fn delete_audience(&mut self, id: Id) -> Result<()> {
        self.writable()?;
        let used: i64 = self.conn.query_row("SELECT count(*) FROM pitch WHERE audience_id = ?1", [id], |r| r.get(0))?;
        if used > 0 {
            return Err(StoreError::Invalid(format!(
                "This audience has {used} pitch{} written for it; delete or move those first.",
                if used == 1 { "" } else { "es" }
            )));
        }
        if self.conn.execute("DELETE FROM audience WHERE id = ?1", [id])? == 0 {
            return Err(not_found("Audience", id));
        }
        Ok(())
    }

    // ---- collateral types -----------------------------------------------------------------

    pub fn upsert_collateral_type(&mut self, ct: &CollateralType) -> Result<()> {
        self.writable()?;
        let definition = serde_json::to_string(ct).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.conn.execute(
            "INSERT INTO collateral_type (id, name, position, definition) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(id) DO UPDATE SET name = excluded.name, position = excluded.position,
                                           definition = excluded.definition",
            params![ct.id, ct.name, ct.order, definition],
        )?;
        Ok(())
    }

    pub fn list_collateral_types(&self) -> Result<Vec<CollateralType>> {
        let defs: Vec<String> = self
            .conn
            .prepare_cached("SELECT definition FROM collateral_type ORDER BY position, id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        defs.iter()
            .map(|d| serde_json::from_str(d).map_err(|e| StoreError::Invalid(format!("bad collateral type: {e}"))))
            .collect()
    }

    pub fn get_collateral_type(&self, id: &str) -> Result<CollateralType> {
        let def: String = self
            .conn
            .query_row("SELECT definition FROM collateral_type WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| not_found("Collateral type", id))?;
        serde_json::from_str(&def).map_err(|e| StoreError::Invalid(format!("bad collateral type: {e}")))
    }

    // ---- pitches --------------------------------------------------------------------------

    /// Creates a pitch whose skeleton is one empty paragraph per section of its type.
    pub fn create_pitch(
        &mut self,
        launch_id: Id,
        audience_id: Id,
        collateral_type: &str,
        title: &str,
        now: &str,
    ) -> Result<PitchDetail> {
        let ct = self.get_collateral_type(collateral_type)?;
        let blocks: Vec<NewBlock> = ct
            .sections
            .iter()
            .map(|s| NewBlock { section: s.id.clone(), kind: BlockKind::Paragraph, text: String::new(), claim_ids: vec![] })
            .collect();
        self.create_pitch_with_blocks(launch_id, audience_id, collateral_type, title, &blocks, now)
    }

    pub fn create_pitch_with_blocks(
        &mut self,
        launch_id: Id,
        audience_id: Id,
        collateral_type: &str,
        title: &str,
        blocks: &[NewBlock],
        now: &str,
    ) -> Result<PitchDetail> {
        self.writable()?;
        let title = title.trim();
        if title.is_empty() {
            return Err(StoreError::Invalid("A pitch needs a title.".into()));
        }
        self.get_launch(launch_id)?;
        self.get_audience(audience_id)?;
        let ct = self.get_collateral_type(collateral_type)?;
        for b in blocks {
            if !ct.sections.iter().any(|s| s.id == b.section) {
                return Err(StoreError::Invalid(format!("{} has no section \"{}\".", ct.name, b.section)));
            }
        }
        let tx = self.conn.savepoint()?;
        tx.execute(
            "INSERT INTO pitch (launch_id, audience_id, collateral_type, title, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![launch_id, audience_id, collateral_type, title, now],
        )?;
        let pitch_id = tx.last_insert_rowid();
        for (i, b) in blocks.iter().enumerate() {
            let level = if b.kind == BlockKind::Heading { 2 } else { 0 };
            let runs = normalize_runs(&[Run::plain(b.text.clone())]);
            tx.execute(
                "INSERT INTO pitch_block (pitch_id, ordinal, section, kind, content, text, key)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![pitch_id, i as i64 + 1, b.section, kind_column(b.kind), content_json(b.kind, level, &runs), b.text, format!("b{}", i + 1)],
            )?;
            let block_id = tx.last_insert_rowid();
            for claim_id in &b.claim_ids {
                let fp: String = tx
                    .query_row(
                        "SELECT c.fingerprint FROM claim c JOIN factory_message m ON m.id = c.message_id
                         WHERE c.id = ?1 AND m.launch_id = ?2",
                        params![claim_id, launch_id],
                        |r| r.get(0),
                    )
                    .optional()?
                    .ok_or_else(|| StoreError::Invalid(format!("Claim {claim_id} is not part of this launch.")))?;
                tx.execute(
                    "INSERT OR IGNORE INTO block_claim_link (block_id, claim_id, claim_fingerprint, created_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![block_id, claim_id, fp, now],
                )?;
            }
        }
        tx.commit()?;
        self.pitch_detail(pitch_id)
    }

    pub fn list_pitches(&self, launch_id: Id) -> Result<Vec<PitchSummary>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.*, a.channel || ' × ' || a.persona AS audience_name, ct.name AS type_name,
                    (SELECT group_concat(b.text, ' ') FROM pitch_block b WHERE b.pitch_id = p.id) AS all_text
             FROM pitch p
             JOIN audience a ON a.id = p.audience_id
             JOIN collateral_type ct ON ct.id = p.collateral_type
             WHERE p.launch_id = ?1 ORDER BY p.title COLLATE NOCASE, p.id",
        )?;
        let rows = stmt.query_map([launch_id], |r| {
            let text: Option<String> = r.get("all_text")?;
            Ok(PitchSummary {
                pitch: pitch_from_row(r)?,
                audience_name: r.get("audience_name")?,
                collateral_type_name: r.get("type_name")?,
                word_count: word_count(text.as_deref().unwrap_or("")),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn pitch_detail(&self, id: Id) -> Result<PitchDetail> {
        let summary = self
            .conn
            .prepare_cached(
                "SELECT p.*, a.channel || ' × ' || a.persona AS audience_name, ct.name AS type_name
                 FROM pitch p
                 JOIN audience a ON a.id = p.audience_id
                 JOIN collateral_type ct ON ct.id = p.collateral_type
                 WHERE p.id = ?1",
            )?
            .query_row([id], |r| {
                Ok(PitchSummary {
                    pitch: pitch_from_row(r)?,
                    audience_name: r.get("audience_name")?,
                    collateral_type_name: r.get("type_name")?,
                    word_count: 0,
                })
            })
            .optional()?
            .ok_or_else(|| not_found("Pitch", id))?;
        let mut blocks: Vec<PitchBlock> = self
            .conn
            .prepare_cached(
                "SELECT id, pitch_id, ordinal, section, kind, text, key, content FROM pitch_block
                 WHERE pitch_id = ?1 ORDER BY ordinal, id",
            )?
            .query_map([id], |r| {
                let kind: String = r.get(4)?;
                let text: String = r.get(5)?;
                let content: String = r.get(7)?;
                let (kind, level, runs) = decode_block(&kind, &content, &text);
                Ok(PitchBlock {
                    id: r.get(0)?,
                    pitch_id: r.get(1)?,
                    ordinal: r.get(2)?,
                    section: r.get(3)?,
                    key: r.get(6)?,
                    kind,
                    level,
                    runs,
                    text,
                    claim_ids: vec![],
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut links = self
            .conn
            .prepare_cached("SELECT claim_id FROM block_claim_link WHERE block_id = ?1 ORDER BY claim_id")?;
        for b in &mut blocks {
            b.claim_ids = links.query_map([b.id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        }
        let words = blocks.iter().map(|b| word_count(&b.text)).sum();
        Ok(PitchDetail { summary: PitchSummary { word_count: words, ..summary }, blocks })
    }

    /// Writes one block's text: the size of an autosave.
    pub fn update_block_text(&mut self, block_id: Id, text: &str, now: &str) -> Result<()> {
        self.writable()?;
        let pitch_id: Id = self
            .conn
            .query_row("SELECT pitch_id FROM pitch_block WHERE id = ?1", [block_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| not_found("Pitch paragraph", block_id))?;
        self.ensure_writer_can_edit(pitch_id)?;
        self.in_transaction(|ws| {
            ws.write_block_text(block_id, text, now)?;
            ws.recheck_approval(pitch_id, now)
        })
    }

    fn write_block_text(&mut self, block_id: Id, text: &str, now: &str) -> Result<()> {
        let tx = self.conn.savepoint()?;
        let content = content_json(BlockKind::Paragraph, 0, &normalize_runs(&[Run::plain(text)]));
        let pitch_id: Id = tx
            .query_row(
                "UPDATE pitch_block SET text = ?2, content = ?3 WHERE id = ?1 RETURNING pitch_id",
                params![block_id, text, content],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| not_found("Pitch paragraph", block_id))?;
        tx.execute("UPDATE pitch SET updated_at = ?2 WHERE id = ?1", params![pitch_id, now])?;
        tx.commit()?;
        Ok(())
    }

    pub fn delete_pitch(&mut self, id: Id) -> Result<()> {
        self.writable()?;
        // Its reviewer is working on it: the writer takes it back first.
        if self.pitch_status(id).ok() == Some(PitchStatus::InReview) {
            return Err(StoreError::Refused("This pitch is in review. Withdraw it from review before deleting it.".into()));
        }
        if self.conn.execute("DELETE FROM pitch WHERE id = ?1", [id])? == 0 {
            return Err(not_found("Pitch", id));
        }
        Ok(())
    }

    // ---- glossary -------------------------------------------------------------------------

    pub fn list_glossary(&self) -> Result<Vec<GlossaryTerm>> {
        let rows = self
            .conn
            .prepare_cached("SELECT id, term, customer_phrasing, rule, note FROM glossary_term ORDER BY term COLLATE NOCASE")?
            .query_map([], |r| {
                let rule: String = r.get(3)?;
                Ok(GlossaryTerm {
                    id: r.get(0)?,
                    term: r.get(1)?,
                    customer_phrasing: r.get(2)?,
                    rule: GlossaryRule::parse(&rule).unwrap_or(GlossaryRule::Explain),
                    note: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn add_glossary_term(&mut self, input: &GlossaryInput) -> Result<GlossaryTerm> {
        self.writable()?;
        let term = input.term.trim();
        if term.is_empty() {
            return Err(StoreError::Invalid("A glossary entry needs a term.".into()));
        }
        let exists: bool = self
            .conn
            .query_row("SELECT 1 FROM glossary_term WHERE term = ?1", [term], |_| Ok(true))
            .optional()?
            .unwrap_or(false);
        if exists {
            return Err(StoreError::Invalid(format!("\"{term}\" is already in the glossary.")));
        }
        self.conn.execute(
            "INSERT INTO glossary_term (term, customer_phrasing, rule, note) VALUES (?1, ?2, ?3, ?4)",
            params![term, input.customer_phrasing.trim(), input.rule.as_str(), input.note.trim()],
        )?;
        Ok(stored_term(self.conn.last_insert_rowid(), term, input))
    }

    pub fn update_glossary_term(&mut self, id: Id, input: &GlossaryInput) -> Result<GlossaryTerm> {
        self.writable()?;
        let term = input.term.trim();
        if term.is_empty() {
            return Err(StoreError::Invalid("A glossary entry needs a term.".into()));
        }
        let clash: Option<Id> = self
            .conn
            .query_row("SELECT id FROM glossary_term WHERE term = ?1 AND id <> ?2", params![term, id], |r| r.get(0))
            .optional()?;
        if clash.is_some() {
            return Err(StoreError::Invalid(format!("\"{term}\" is already in the glossary.")));
        }
        let n = self.conn.execute(
            "UPDATE glossary_term SET term = ?2, customer_phrasing = ?3, rule = ?4, note = ?5 WHERE id = ?1",
            params![id, term, input.customer_phrasing.trim(), input.rule.as_str(), input.note.trim()],
        )?;
        if n == 0 {
            return Err(StoreError::NotFound { what: "glossary term", id: id.to_string() });
        }
        Ok(stored_term(id, term, input))
    }

    pub fn delete_glossary_term(&mut self, id: Id) -> Result<()> {
        self.writable()?;
        let n = self.conn.execute("DELETE FROM glossary_term WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NotFound { what: "glossary term", id: id.to_string() });
        }
        Ok(())
    }

    /// Adds new terms and updates existing ones (matched by term, ignoring case), all in one
    /// transaction. Returns (added, updated).
    pub fn merge_glossary(&mut self, entries: &[GlossaryInput]) -> Result<(usize, usize)> {
        self.in_transaction(|ws| {
            let (mut added, mut updated) = (0, 0);
            for e in entries {
                let term = e.term.trim();
                if term.is_empty() {
                    continue;
                }
                let existing: Option<Id> =
                    ws.conn.query_row("SELECT id FROM glossary_term WHERE term = ?1", [term], |r| r.get(0)).optional()?;
                match existing {
                    Some(id) => {
                        ws.update_glossary_term(id, e)?;
                        updated += 1;
                    }
                    None => {
                        ws.add_glossary_term(e)?;
                        added += 1;
                    }
                }
            }
            Ok((added, updated))
        })
    }

    // ---- workspace metadata ---------------------------------------------------------------

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM workspace_meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.writable()?;
        self.conn.execute(
            "INSERT INTO workspace_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Runs `f` inside one transaction: all of it is written, or none of it.
    pub fn in_transaction<T>(&mut self, f: impl FnOnce(&mut Workspace) -> Result<T>) -> Result<T> {
        self.writable()?;
        self.conn.execute_batch("SAVEPOINT bulk")?;
        match f(self) {
            Ok(v) => {
                self.conn.execute_batch("RELEASE bulk")?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK TO bulk; RELEASE bulk");
                Err(e)
            }
        }
    }
}

/// A glossary term as written: its fields trimmed.
fn stored_term(id: Id, term: &str, input: &GlossaryInput) -> GlossaryTerm {
    GlossaryTerm {
        id,
        term: term.to_string(),
        customer_phrasing: input.customer_phrasing.trim().to_string(),
        rule: input.rule,
        note: input.note.trim().to_string(),
    }
}

pub(crate) fn write_research(tx: &rusqlite::Connection, audience_id: Id, research: &Research) -> Result<()> {
    let lists = [&research.pains, &research.goals, &research.objections, &research.customer_words];
    let mut stmt = tx.prepare_cached(
        "INSERT INTO audience_research (audience_id, kind, position, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (kind, list) in RESEARCH_KINDS.iter().zip(lists) {
        for (i, text) in list.iter().enumerate() {
            stmt.execute(params![audience_id, kind, i as i64, text])?;
        }
    }
    Ok(())
}
