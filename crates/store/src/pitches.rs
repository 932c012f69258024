//! Pitches: creating one from its type's sections, reading it with its blocks, deleting it.

use pitchbridge_core::collateral::CollateralType;
use pitchbridge_core::doc::{normalize_runs, DocBlock, Run};
use pitchbridge_core::*;
use rusqlite::{params, OptionalExtension, Row};

use crate::pitch_doc::{content_json, decode_block, kind_column};
use crate::rows::{not_found, word_count};
use crate::views::{PitchDetail, PitchSummary};
use crate::{Result, StoreError, Workspace};

/// What an export of a pitch reads, and nothing more: not the editor's links, claims or
/// coverage.
#[derive(Debug, Clone, PartialEq)]
pub struct PitchExportSource {
    pub title: String,
    pub status: PitchStatus,
    /// When its words last changed: a draft export's date.
    pub updated_at: String,
    /// "Channel × persona".
    pub audience_name: String,
    /// The launch's product: the letterhead name when the brand kit has none.
    pub product: String,
    pub collateral_type: CollateralType,
    pub blocks: Vec<DocBlock>,
}

/// A block to write into a pitch; `claim_ids` are the claims it translates.
#[derive(Debug, Clone)]
pub struct NewBlock {
    pub section: String,
    pub kind: BlockKind,
    pub text: String,
    pub claim_ids: Vec<Id>,
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

impl Workspace {
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
        pitchbridge_core::controls::refuse("title", title).map_err(StoreError::Invalid)?;
        self.get_launch(launch_id)?;
        self.get_audience(audience_id)?;
        let ct = self.get_collateral_type(collateral_type)?;
        for b in blocks {
            if !ct.sections.iter().any(|s| s.id == b.section) {
                return Err(StoreError::Invalid(format!("{} has no section \"{}\".", ct.name, b.section)));
            }
        }
        let tx = self.write_tx()?;
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

    /// A pitch as an export needs it, in one query and the blocks.
    pub fn pitch_export_source(&self, pitch_id: Id) -> Result<PitchExportSource> {
        let (title, status, audience_name, product, definition, updated_at): (String, String, String, String, String, String) = self
            .conn
            .prepare_cached(
                "SELECT p.title, p.status, a.channel || ' × ' || a.persona, l.product, ct.definition, p.updated_at
                 FROM pitch p
                 JOIN audience a ON a.id = p.audience_id
                 JOIN launch l ON l.id = p.launch_id
                 JOIN collateral_type ct ON ct.id = p.collateral_type
                 WHERE p.id = ?1",
            )?
            .query_row([pitch_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
            .optional()?
            .ok_or_else(|| not_found("Pitch", pitch_id))?;
        let collateral_type = serde_json::from_str(&definition).map_err(|e| StoreError::Invalid(format!("bad collateral type: {e}")))?;
        Ok(PitchExportSource {
            title,
            status: PitchStatus::parse(&status).unwrap_or(PitchStatus::Draft),
            updated_at,
            audience_name,
            product,
            collateral_type,
            blocks: self.pitch_doc(pitch_id)?,
        })
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
        let tx = self.write_tx()?;
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
}
