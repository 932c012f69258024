//! The offline round trip, workspace side. A review package holds one pitch in review with
//! everything a reviewer needs to judge it: the launch, its Factory messages and claims, the
//! audience and its research, the glossary, the checklist state and the comments. Opened on
//! the reviewer's machine it becomes a review copy: a workspace of its own with the same ids
//! and fingerprints, so a decision made there names exactly what the writer's workspace holds.

use std::path::Path;

use pitchbridge_core::collateral::CollateralType;
use pitchbridge_core::doc::DocBlock;
use pitchbridge_core::*;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::checks::{CheckSettingRow, Dismissal, ManualItemState};
use crate::review::{Comment, ReviewRequest};
use crate::views::MessageDetail;
use crate::{Result, StoreError, Workspace};

pub const PACKAGE_FORMAT: &str = "pitchbridge-review-package/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageLink {
    pub block_key: String,
    pub claim_id: Id,
    pub fingerprint: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewPackage {
    /// Always [`PACKAGE_FORMAT`].
    pub format: String,
    /// The writer's workspace: the decision must go back there.
    pub workspace_id: String,
    pub exported_at: String,
    pub exported_by: String,
    pub launch: Launch,
    pub messages: Vec<MessageDetail>,
    /// Claims the pitch still links that their message has since removed (with the version
    /// that removed them): the review copy keeps them as removed, as here.
    #[serde(default)]
    pub removed_claims: Vec<(Claim, i64)>,
    pub audience: Audience,
    pub collateral_type: CollateralType,
    pub pitch: Pitch,
    pub blocks: Vec<DocBlock>,
    pub links: Vec<PackageLink>,
    pub request: ReviewRequest,
    pub manual_items: Vec<ManualItemState>,
    pub dismissals: Vec<Dismissal>,
    pub comments: Vec<Comment>,
    pub glossary: Vec<GlossaryTerm>,
    /// The workspace's rule settings and dictionary, so the reviewer's checklist is the
    /// writer's.
    #[serde(default)]
    pub check_settings: Vec<CheckSettingRow>,
    #[serde(default)]
    pub dictionary: Vec<String>,
}

/// `workspace_meta` keys of a review copy.
pub const META_COPY_OF: &str = "review_copy_of";
/// The highest comment id the package brought: later ones are the reviewer's own.
pub const META_COPY_LAST_COMMENT: &str = "review_copy_last_comment";

impl Workspace {
    /// Everything a reviewer on another machine needs for one pitch in review.
    pub fn review_package(&self, pitch_id: Id, by: &str, now: &str) -> Result<ReviewPackage> {
        let detail = self.pitch_detail(pitch_id)?;
        let pitch = detail.summary.pitch;
        let request = self
            .open_request(pitch_id)?
            .ok_or_else(|| StoreError::Refused("Submit the pitch for review first: a review package carries a pitch in review.".into()))?;
        let launch = self.get_launch(pitch.launch_id)?;
        let messages = self
            .launch_detail(pitch.launch_id)?
            .messages
            .iter()
            .map(|m| self.message_detail(m.id))
            .collect::<Result<Vec<_>>>()?;
        let links = self
            .conn
            .prepare_cached(
                "SELECT b.key, l.claim_id, l.claim_fingerprint FROM block_claim_link l JOIN pitch_block b ON b.id = l.block_id
                 WHERE b.pitch_id = ?1 ORDER BY b.ordinal, l.claim_id",
            )?
            .query_map([pitch_id], |r| Ok(PackageLink { block_key: r.get(0)?, claim_id: r.get(1)?, fingerprint: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
        let removed_claims = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT c.*, c.removed_in AS removed FROM block_claim_link l JOIN pitch_block b ON b.id = l.block_id
                 JOIN claim c ON c.id = l.claim_id WHERE b.pitch_id = ?1 AND c.removed_in IS NOT NULL ORDER BY c.id",
            )?
            .query_map([pitch_id], |r| Ok((crate::messages::claim_from_row(r)?, r.get::<_, i64>("removed")?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        // The text the reviewer judges is the version sent, whatever happened since.
        let blocks = self.pitch_version_blocks(pitch_id, request.version_number)?;
        Ok(ReviewPackage {
            format: PACKAGE_FORMAT.into(),
            removed_claims,
            workspace_id: self.workspace_id()?,
            exported_at: now.into(),
            exported_by: by.into(),
            launch,
            messages,
            audience: self.get_audience(pitch.audience_id)?,
            collateral_type: self.get_collateral_type(&pitch.collateral_type)?,
            blocks,
            links,
            request,
            manual_items: self.manual_items(pitch_id)?,
            dismissals: self.dismissals(pitch_id)?,
            comments: self.comments(pitch_id)?,
            glossary: self.list_glossary()?,
            check_settings: self.check_settings()?,
            dictionary: self.dictionary_words()?,
            pitch,
        })
    }

    /// Makes a new workspace at `path` holding the package, with the ids it had at home.
    pub fn create_review_copy(path: &Path, p: &ReviewPackage, by: &str, now: &str) -> Result<Workspace> {
        if p.format != PACKAGE_FORMAT {
            return Err(StoreError::Invalid(format!("This is not a review package this version of Pitchbridge reads (format \"{}\").", p.format)));
        }
        let mut ws = Workspace::create(path)?;
        ws.set_actor(by);
        ws.in_transaction(|ws| {
            ws.upsert_collateral_type(&p.collateral_type)?;
            let l = &p.launch;
            ws.conn.execute(
                "INSERT INTO launch (id, name, product, version, launch_date, owner_pm, description, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![l.id, l.name, l.product, l.version, l.launch_date, l.owner_pm, l.description, l.created_at, l.updated_at],
            )?;
            for m in &p.messages {
                let msg = &m.message;
                ws.conn.execute(
                    "INSERT INTO factory_message (id, launch_id, title, current_version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![msg.id, l.id, msg.title, msg.current_version, msg.created_at, msg.updated_at],
                )?;
                ws.conn.execute(
                    "INSERT INTO message_version (message_id, number, source_text, created_at) VALUES (?1, ?2, ?3, ?4)",
                    params![msg.id, msg.current_version, msg.source_text, msg.updated_at],
                )?;
                for c in &m.claims {
                    ws.conn.execute(
                        "INSERT INTO claim (id, message_id, number, kind, text, section, fingerprint, since_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        params![c.id, msg.id, c.number, c.kind.as_str(), c.text, c.section, c.fingerprint, c.since_version],
                    )?;
                    ws.conn.execute(
                        "INSERT INTO claim_revision (claim_id, version, number, text, fingerprint) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![c.id, msg.current_version, c.number, c.text, c.fingerprint],
                    )?;
                }
            }
            for (c, removed_in) in &p.removed_claims {
                ws.conn.execute(
                    "INSERT INTO claim (id, message_id, number, kind, text, section, fingerprint, since_version, removed_in) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![c.id, c.message_id, c.number, c.kind.as_str(), c.text, c.section, c.fingerprint, c.since_version, removed_in],
                )?;
                ws.conn.execute(
                    "INSERT INTO claim_revision (claim_id, version, number, text, fingerprint) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![c.id, c.since_version, c.number, c.text, c.fingerprint],
                )?;
            }
            let a = &p.audience;
            ws.conn.execute(
                "INSERT INTO audience (id, channel, persona, summary, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![a.id, a.channel, a.persona, a.summary, now],
            )?;
            crate::audiences::write_research(&ws.conn, a.id, &a.research)?;
            for g in &p.glossary {
                ws.conn.execute(
                    "INSERT INTO glossary_term (id, term, customer_phrasing, rule, note) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![g.id, g.term, g.customer_phrasing, g.rule.as_str(), g.note],
                )?;
            }
            for c in &p.check_settings {
                ws.set_check_setting(&c.scope, &c.rule, Some((c.enabled, c.severity.as_deref())))?;
            }
            for w in &p.dictionary {
                ws.add_dictionary_word(w, now)?;
            }
            let pt = &p.pitch;
            ws.conn.execute(
                "INSERT INTO pitch (id, launch_id, audience_id, collateral_type, title, status, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?7)",
                params![pt.id, l.id, a.id, pt.collateral_type, pt.title, pt.created_at, pt.updated_at],
            )?;
            ws.write_blocks(pt.id, &p.blocks, now)?;
            for link in &p.links {
                ws.conn.execute(
                    "INSERT INTO block_claim_link (block_id, claim_id, claim_fingerprint, created_at)
                     SELECT b.id, ?2, ?3, ?4 FROM pitch_block b WHERE b.pitch_id = ?5 AND b.key = ?1",
                    params![link.block_key, link.claim_id, link.fingerprint, now, pt.id],
                )?;
            }
            ws.keep_pitch_version(pt.id, Some(p.request.version_number), "Sent for review", now)?;
            let r = &p.request.reviewer;
            ws.conn.execute(
                "INSERT INTO reviewer (id, name, email, public_key, registered_at, registered_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![r.id, r.name, r.email, r.public_key, r.registered_at, p.exported_by],
            )?;
            let q = &p.request;
            ws.conn.execute(
                "INSERT INTO review_request (id, pitch_id, reviewer_id, version_number, note, submitted_by, submitted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![q.id, pt.id, r.id, q.version_number, q.note, q.submitted_by, q.submitted_at],
            )?;
            ws.conn.execute("UPDATE pitch SET status = 'in-review' WHERE id = ?1", [pt.id])?;
            for m in &p.manual_items {
                ws.conn.execute(
                    "INSERT INTO checklist_result (pitch_id, item_id, source, state, updated_by, updated_at) VALUES (?1, ?2, 'manual', ?3, ?4, ?5)",
                    params![pt.id, m.item_id, m.state, m.updated_by, m.updated_at],
                )?;
            }
            for d in &p.dismissals {
                ws.conn.execute(
                    "INSERT INTO finding_dismissal (id, pitch_id, rule, block_key, quote, reason, dismissed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![d.id, pt.id, d.rule, d.block_key, d.quote, d.reason, d.dismissed_at],
                )?;
            }
            let mut last_comment = 0;
            for c in &p.comments {
                let (kind, target_id, key) = match &c.target {
                    workflow::CommentTarget::Block { key } => {
                        let id: Id = ws.conn.query_row("SELECT coalesce((SELECT id FROM pitch_block WHERE pitch_id = ?1 AND key = ?2), 0)", params![pt.id, key], |r| r.get(0))?;
                        ("block", id, key.clone())
                    }
                    workflow::CommentTarget::Claim { id } => ("claim", *id, String::new()),
                };
                ws.conn.execute(
                    "INSERT INTO comment (id, pitch_id, parent_id, target_kind, target_id, block_key, range_start, range_end, quote, body, author, created_at, resolved_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                    params![c.id, pt.id, c.parent_id, kind, target_id, key, c.start, c.end, c.quote, c.body, c.author, c.created_at, c.resolved_at],
                )?;
                last_comment = last_comment.max(c.id);
            }
            ws.set_meta(META_COPY_OF, &p.workspace_id)?;
            ws.set_meta(META_COPY_LAST_COMMENT, &last_comment.to_string())?;
            ws.append_audit(
                by,
                "review.copy-opened",
                &format!("pitch:{}", pt.id),
                &serde_json::json!({ "from": p.workspace_id, "exportedBy": p.exported_by, "exportedAt": p.exported_at, "version": p.request.version_number }),
                now,
            )?;
            Ok(())
        })?;
        Ok(ws)
    }

    /// The workspace a review copy was made from, when this is one.
    pub fn review_copy_of(&self) -> Result<Option<String>> {
        self.meta(META_COPY_OF)
    }
}
