//! Training kits as the workspace keeps them, per launch and audience: certification
//! settings, the writer's changes to items (removed, moved, reworded), and the kit's reviews
//! with the signed decisions on them.

use std::collections::HashMap;

use pitchbridge_core::Id;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::review::{refused, Reviewer};
use crate::{Result, StoreError, Workspace};

/// The settings a kit falls back on when none are set.
pub const DEFAULT_CERTIFICATION: (u32, u32, u32) = (80, 3, 90);

impl Workspace {
    /// (pass mark, attempts (0 for no limit), validity in days) for a launch's kit for an audience.
    pub fn certification_settings(&self, launch_id: Id, audience_id: Id) -> Result<(u32, u32, u32)> {
        Ok(self
            .conn
            .prepare_cached("SELECT pass_mark, attempts, validity_days FROM training_settings WHERE launch_id = ?1 AND audience_id = ?2")?
            .query_row(params![launch_id, audience_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?
            .unwrap_or(DEFAULT_CERTIFICATION))
    }

    /// Sets them, refusing values out of range with the reason; the change is audited.
    pub fn set_certification_settings(&mut self, launch_id: Id, audience_id: Id, pass_mark: u32, attempts: u32, validity_days: u32, now: &str) -> Result<()> {
        if !(1..=100).contains(&pass_mark) {
            return Err(StoreError::Invalid("The pass mark is a score from 1 to 100.".into()));
        }
        if attempts > 20 {
            return Err(StoreError::Invalid("Allow at most 20 attempts, or 0 for no limit.".into()));
        }
        if !(1..=3650).contains(&validity_days) {
            return Err(StoreError::Invalid("A pass holds for 1 to 3,650 days.".into()));
        }
        self.launch_detail(launch_id)?;
        self.get_audience(audience_id)?;
        self.ensure_kit_editable(launch_id, audience_id)?;
        self.in_transaction(|ws| {
            ws.conn.execute(
                "INSERT INTO training_settings (launch_id, audience_id, pass_mark, attempts, validity_days) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (launch_id, audience_id) DO UPDATE SET pass_mark = excluded.pass_mark, attempts = excluded.attempts, validity_days = excluded.validity_days",
                params![launch_id, audience_id, pass_mark, attempts, validity_days],
            )?;
            let actor = ws.actor.clone();
            let payload = serde_json::json!({ "audience": audience_id, "pass_mark": pass_mark, "attempts": attempts, "validity_days": validity_days });
            ws.append_audit(&actor, "training.certification-set", &format!("launch:{launch_id}"), &payload, now).map(|_| ())
        })
    }
}

/// A writer's change to one of a kit's items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemState {
    pub key: String,
    /// Its place among the items of its kind, once moved.
    pub position: Option<i64>,
    pub removed: bool,
    /// The writer's wording (the item's kind and fields as JSON), when they reworded it.
    pub edit: Option<String>,
    /// The fingerprint of the item as made when it was reworded.
    pub made_fingerprint: String,
}

impl Workspace {
    pub fn training_item_states(&self, launch_id: Id, audience_id: Id) -> Result<Vec<ItemState>> {
        Ok(self
            .conn
            .prepare_cached("SELECT item_key, position, removed, edit, made_fingerprint FROM training_item_state WHERE launch_id = ?1 AND audience_id = ?2 ORDER BY item_key")?
            .query_map(params![launch_id, audience_id], |r| {
                Ok(ItemState { key: r.get(0)?, position: r.get(1)?, removed: r.get::<_, i64>(2)? == 1, edit: r.get(3)?, made_fingerprint: r.get(4)? })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Removes an item from the kit, or puts it back.
    pub fn set_training_item_removed(&mut self, launch_id: Id, audience_id: Id, key: &str, removed: bool, now: &str) -> Result<()> {
        self.ensure_kit_editable(launch_id, audience_id)?;
        self.in_transaction(|ws| {
            ws.conn.execute(
                "INSERT INTO training_item_state (launch_id, audience_id, item_key, removed) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (launch_id, audience_id, item_key) DO UPDATE SET removed = excluded.removed",
                params![launch_id, audience_id, key, removed as i64],
            )?;
            let actor = ws.actor.clone();
            let payload = serde_json::json!({ "audience": audience_id, "item": key });
            let action = if removed { "training.item-removed" } else { "training.item-restored" };
            ws.append_audit(&actor, action, &format!("launch:{launch_id}"), &payload, now).map(|_| ())
        })
    }

    /// Keeps the writer's wording of an item (`edit`, the item's kind and fields as JSON,
    /// checked by the caller), with the fingerprint of the item as made; `None` puts the item
    /// back as made. Refused while the kit is in review.
    pub fn set_training_item_edit(&mut self, launch_id: Id, audience_id: Id, key: &str, edit: Option<&str>, made_fingerprint: &str, now: &str) -> Result<()> {
        self.ensure_kit_editable(launch_id, audience_id)?;
        self.in_transaction(|ws| {
            ws.conn.execute(
                "INSERT INTO training_item_state (launch_id, audience_id, item_key, edit, made_fingerprint) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (launch_id, audience_id, item_key) DO UPDATE SET edit = excluded.edit, made_fingerprint = excluded.made_fingerprint",
                params![launch_id, audience_id, key, edit, made_fingerprint],
            )?;
            let actor = ws.actor.clone();
            let payload = match edit {
                Some(e) => serde_json::json!({ "audience": audience_id, "item": key, "edit": serde_json::from_str::<serde_json::Value>(e).unwrap_or_default() }),
                None => serde_json::json!({ "audience": audience_id, "item": key }),
            };
            let action = if edit.is_some() { "training.item-edited" } else { "training.item-reverted" };
            ws.append_audit(&actor, action, &format!("launch:{launch_id}"), &payload, now).map(|_| ())
        })
    }

    /// Keeps the order of a kind's items: each key's place is its index in `keys`.
    pub fn set_training_item_order(&mut self, launch_id: Id, audience_id: Id, keys: &[String]) -> Result<()> {
        self.ensure_kit_editable(launch_id, audience_id)?;
        self.in_transaction(|ws| {
            for (i, key) in keys.iter().enumerate() {
                ws.conn.execute(
                    "INSERT INTO training_item_state (launch_id, audience_id, item_key, position) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (launch_id, audience_id, item_key) DO UPDATE SET position = excluded.position",
                    params![launch_id, audience_id, key, i as i64],
                )?;
            }
            Ok(())
        })
    }
}

/// A kit sent for review, with the decision on it once made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KitReview {
    #[ts(type = "number")]
    pub id: Id,
    pub reviewer: Reviewer,
    /// The items and certification settings as sent.
    pub kit_fingerprint: String,
    /// What the items were made from (see [`pitchbridge_core::readiness::kit_basis`]).
    pub basis: String,
    /// The items as sent (JSON), and the pitches they came from (JSON).
    #[ts(skip)]
    #[serde(skip)]
    pub items: String,
    #[ts(skip)]
    #[serde(skip)]
    pub sources: String,
    pub note: String,
    pub submitted_by: String,
    pub submitted_at: String,
    pub closed_at: Option<String>,
    /// "withdrawn", "approved" or "changes-requested".
    pub outcome: Option<String>,
    pub reasons: String,
    /// Who signed the decision, their public key, the signed JSON and the signature.
    pub signer: String,
    pub signer_key: String,
    pub body: Option<String>,
    pub signature: String,
}

/// What is sent with a kit for review.
pub struct KitSubmission<'a> {
    pub launch_id: Id,
    pub audience_id: Id,
    pub reviewer_id: Id,
    pub kit_fingerprint: &'a str,
    pub basis: &'a str,
    pub items: &'a str,
    pub sources: &'a str,
    pub note: &'a str,
}

/// A signed decision on a kit, its signature already checked by the caller.
pub struct KitDecisionRecord<'a> {
    pub request_id: Id,
    /// "approved" or "changes-requested".
    pub outcome: &'a str,
    pub reasons: &'a str,
    pub signer: &'a str,
    pub signer_key: &'a str,
    pub kit_fingerprint: &'a str,
    pub body: &'a str,
    pub signature: &'a str,
}

const KIT_REVIEW_COLUMNS: &str = "q.id, q.kit_fingerprint, q.basis, q.items, q.sources, q.note, q.submitted_by, q.submitted_at, q.closed_at, q.outcome,
     q.reasons, q.signer, q.signer_key, q.body, q.signature, r.id, r.name, r.email, r.public_key, r.registered_at";

fn kit_review_row(row: &rusqlite::Row) -> rusqlite::Result<KitReview> {
    Ok(KitReview {
        id: row.get(0)?,
        kit_fingerprint: row.get(1)?,
        basis: row.get(2)?,
        items: row.get(3)?,
        sources: row.get(4)?,
        note: row.get(5)?,
        submitted_by: row.get(6)?,
        submitted_at: row.get(7)?,
        closed_at: row.get(8)?,
        outcome: row.get(9)?,
        reasons: row.get(10)?,
        signer: row.get(11)?,
        signer_key: row.get(12)?,
        body: row.get(13)?,
        signature: row.get(14)?,
        reviewer: Reviewer { id: row.get(15)?, name: row.get(16)?, email: row.get(17)?, public_key: row.get(18)?, registered_at: row.get(19)? },
    })
}

impl Workspace {
    /// The kit's reviews, newest first.
    pub fn kit_reviews(&self, launch_id: Id, audience_id: Id) -> Result<Vec<KitReview>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {KIT_REVIEW_COLUMNS} FROM training_review q JOIN reviewer r ON r.id = q.reviewer_id
                 WHERE q.launch_id = ?1 AND q.audience_id = ?2 ORDER BY q.id DESC"
            ))?
            .query_map(params![launch_id, audience_id], kit_review_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn open_kit_review(&self, launch_id: Id, audience_id: Id) -> Result<Option<KitReview>> {
        Ok(self.kit_reviews(launch_id, audience_id)?.into_iter().find(|r| r.closed_at.is_none()))
    }

    /// The writer changes nothing of a kit while a reviewer has it.
    fn ensure_kit_editable(&self, launch_id: Id, audience_id: Id) -> Result<()> {
        if let Some(open) = self.open_kit_review(launch_id, audience_id)? {
            return Err(refused(format!("This kit is with {} for review, so it cannot change until they decide or you withdraw it.", open.reviewer.name)));
        }
        Ok(())
    }

    /// Sends the kit, as it is now, to a registered reviewer.
    pub fn submit_kit_for_review(&mut self, s: &KitSubmission, by: &str, now: &str) -> Result<KitReview> {
        self.writable()?;
        self.ensure_kit_editable(s.launch_id, s.audience_id)?;
        let reviewer = self.list_reviewers()?.into_iter().find(|r| r.id == s.reviewer_id).ok_or_else(|| StoreError::NotFound { what: "Reviewer", id: s.reviewer_id.to_string() })?;
        self.in_transaction(|ws| {
            ws.conn.execute(
                "INSERT INTO training_review (launch_id, audience_id, reviewer_id, kit_fingerprint, basis, items, sources, note, submitted_by, submitted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![s.launch_id, s.audience_id, s.reviewer_id, s.kit_fingerprint, s.basis, s.items, s.sources, s.note.trim(), by, now],
            )?;
            let id = ws.conn.last_insert_rowid();
            let payload = serde_json::json!({ "audience": s.audience_id, "request": id, "reviewer": reviewer.name, "kitFingerprint": s.kit_fingerprint, "note": s.note.trim() });
            ws.append_audit(by, "training.submitted", &format!("launch:{}", s.launch_id), &payload, now)?;
            Ok(())
        })?;
        Ok(self.open_kit_review(s.launch_id, s.audience_id)?.expect("just written"))
    }

    /// Takes the kit back from its reviewer before they decide.
    pub fn withdraw_kit_review(&mut self, launch_id: Id, audience_id: Id, by: &str, now: &str) -> Result<()> {
        self.writable()?;
        let open = self.open_kit_review(launch_id, audience_id)?.ok_or_else(|| refused("This kit is not in review."))?;
        self.in_transaction(|ws| {
            ws.conn.execute("UPDATE training_review SET closed_at = ?2, outcome = 'withdrawn' WHERE id = ?1", params![open.id, now])?;
            ws.append_audit(by, "training.withdrawn", &format!("launch:{launch_id}"), &serde_json::json!({ "audience": audience_id, "request": open.id }), now).map(|_| ())
        })
    }

    /// Records a reviewer's signed decision on the kit in review: refused unless it is signed by
    /// the reviewer the kit was sent to, about the kit exactly as sent.
    pub fn apply_kit_decision(&mut self, launch_id: Id, audience_id: Id, d: &KitDecisionRecord, now: &str) -> Result<KitReview> {
        self.writable()?;
        let open = self.open_kit_review(launch_id, audience_id)?.ok_or_else(|| refused("This kit is not waiting for a decision."))?;
        if open.id != d.request_id {
            return Err(refused("The decision is about another review of this kit, not the one open now."));
        }
        if open.reviewer.public_key != d.signer_key {
            return Err(refused(format!("The kit was sent to {}; only they can decide on it.", open.reviewer.name)));
        }
        if open.kit_fingerprint != d.kit_fingerprint {
            return Err(refused("The decision names a kit other than the one sent for review."));
        }
        if !matches!(d.outcome, "approved" | "changes-requested") {
            return Err(StoreError::Invalid(format!("\"{}\" is not a decision on a kit.", d.outcome)));
        }
        self.in_transaction(|ws| {
            ws.conn.execute(
                "UPDATE training_review SET closed_at = ?2, outcome = ?3, reasons = ?4, signer = ?5, signer_key = ?6, body = ?7, signature = ?8 WHERE id = ?1",
                params![open.id, now, d.outcome, d.reasons.trim(), d.signer, d.signer_key, d.body, d.signature],
            )?;
            let payload = serde_json::json!({ "audience": audience_id, "request": open.id, "outcome": d.outcome, "kitFingerprint": d.kit_fingerprint, "reasons": d.reasons.trim() });
            let action = if d.outcome == "approved" { "training.approved" } else { "training.changes-requested" };
            ws.append_audit(d.signer, action, &format!("launch:{launch_id}"), &payload, now).map(|_| ())
        })?;
        Ok(self.kit_reviews(launch_id, audience_id)?.into_iter().find(|r| r.id == open.id).expect("just written"))
    }

    /// A digest of the writer's changes to a kit and its certification settings: any removal,
    /// move, rewording or setting changes it.
    pub fn kit_state_digest(&self, launch_id: Id, audience_id: Id) -> Result<String> {
        let mut text = format!("{:?}\n", self.certification_settings(launch_id, audience_id)?);
        for s in self.training_item_states(launch_id, audience_id)? {
            text.push_str(&format!("{}\u{1f}{:?}\u{1f}{}\u{1f}{}\n", s.key, s.position, s.removed, s.edit.unwrap_or_default()));
        }
        Ok(pitchbridge_core::fingerprint::fingerprint(&text))
    }

    /// A digest of the glossary terms a kit's flashcards can be made from.
    pub fn glossary_digest(&self) -> Result<String> {
        let mut text = String::new();
        let mut stmt = self.conn.prepare_cached("SELECT term, customer_phrasing FROM glossary_term ORDER BY term COLLATE NOCASE, id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (term, phrasing) = row?;
            text.push_str(&format!("{term}\u{1f}{phrasing}\n"));
        }
        Ok(pitchbridge_core::fingerprint::fingerprint(&text))
    }

    /// Each of the launch's pitches' approved text, as its latest approval names it.
    pub fn approved_fingerprints(&self, launch_id: Id) -> Result<HashMap<Id, String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT d.pitch_id, d.pitch_fingerprint FROM decision d JOIN pitch p ON p.id = d.pitch_id
                 WHERE p.launch_id = ?1 AND d.id = (SELECT max(id) FROM decision WHERE pitch_id = d.pitch_id AND verdict IN ('approve', 'approve-with-edits'))",
            )?
            .query_map([launch_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// For each of the launch's audiences with a kit review: whether the kit is in review now,
    /// and the basis of its latest approval (None when it has none, or changes were requested
    /// after it).
    pub fn kit_review_facts(&self, launch_id: Id) -> Result<HashMap<Id, (bool, Option<String>)>> {
        let mut out: HashMap<Id, (bool, Option<String>)> = HashMap::new();
        let mut stmt = self.conn.prepare_cached("SELECT audience_id, closed_at IS NULL, outcome, basis FROM training_review WHERE launch_id = ?1 ORDER BY id")?;
        let rows = stmt.query_map([launch_id], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, bool>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, String>(3)?)))?;
        for row in rows {
            let (audience, open, outcome, basis) = row?;
            let entry = out.entry(audience).or_insert((false, None));
            entry.0 = open;
            match outcome.as_deref() {
                Some("approved") => entry.1 = Some(basis),
                Some("changes-requested") => entry.1 = None,
                _ => {}
            }
        }
        Ok(out)
    }
}
