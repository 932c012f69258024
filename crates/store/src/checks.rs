//! What the pitch checks keep in the workspace: rule settings, dismissed findings with their
//! reasons, the manual checklist ticks, and the workspace dictionary.

use pitchbridge_core::Id;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Result, StoreError, Workspace};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckSettingRow {
    /// "" for the whole workspace, else a collateral type id.
    pub scope: String,
    pub rule: String,
    pub enabled: bool,
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Dismissal {
    #[ts(type = "number")]
    pub id: Id,
    pub rule: String,
    pub block_key: String,
    pub quote: String,
    pub reason: String,
    pub dismissed_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ManualItemState {
    pub item_id: String,
    /// "ticked" by the writer; later "confirmed" by the reviewer.
    pub state: String,
    pub updated_by: String,
    pub updated_at: String,
}

impl Workspace {
    pub fn check_settings(&self) -> Result<Vec<CheckSettingRow>> {
        let rows = self
            .conn
            .prepare_cached("SELECT scope, rule, enabled, severity FROM check_setting ORDER BY scope, rule")?
            .query_map([], |r| {
                Ok(CheckSettingRow { scope: r.get(0)?, rule: r.get(1)?, enabled: r.get::<_, i64>(2)? == 1, severity: r.get(3)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Sets a rule's override for a scope, or removes it (`None`: back to the default).
    pub fn set_check_setting(&mut self, scope: &str, rule: &str, setting: Option<(bool, Option<&str>)>) -> Result<()> {
        self.writable()?;
        match setting {
            Some((enabled, severity)) => {
                self.conn.execute(
                    "INSERT INTO check_setting (scope, rule, enabled, severity) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT(scope, rule) DO UPDATE SET enabled = excluded.enabled, severity = excluded.severity",
                    params![scope, rule, enabled as i64, severity],
                )?;
            }
            None => {
                self.conn.execute("DELETE FROM check_setting WHERE scope = ?1 AND rule = ?2", params![scope, rule])?;
            }
        }
        Ok(())
    }

    pub fn dismissals(&self, pitch_id: Id) -> Result<Vec<Dismissal>> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT id, rule, block_key, quote, reason, dismissed_at FROM finding_dismissal
                 WHERE pitch_id = ?1 ORDER BY id",
            )?
            .query_map([pitch_id], |r| {
                Ok(Dismissal {
                    id: r.get(0)?,
                    rule: r.get(1)?,
                    block_key: r.get(2)?,
                    quote: r.get(3)?,
                    reason: r.get(4)?,
                    dismissed_at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn dismiss_finding(&mut self, pitch_id: Id, rule: &str, block_key: &str, quote: &str, reason: &str, now: &str) -> Result<Dismissal> {
        self.writable()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::Invalid("Say why this finding does not apply: the reviewer will read it.".into()));
        }
        self.pitch_exists(pitch_id)?;
        self.in_transaction(|ws| {
            ws.conn.execute(
                "INSERT INTO finding_dismissal (pitch_id, rule, block_key, quote, reason, dismissed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT(pitch_id, rule, block_key, quote) DO UPDATE SET reason = excluded.reason, dismissed_at = excluded.dismissed_at",
                params![pitch_id, rule, block_key, quote, reason, now],
            )?;
            let payload = serde_json::json!({ "rule": rule, "block": block_key, "words": quote, "reason": reason });
            let by = ws.actor.clone();
            ws.append_audit(&by, "finding.dismissed", &format!("pitch:{pitch_id}"), &payload, now)?;
            Ok(())
        })?;
        let id = self.conn.query_row(
            "SELECT id FROM finding_dismissal WHERE pitch_id = ?1 AND rule = ?2 AND block_key = ?3 AND quote = ?4",
            params![pitch_id, rule, block_key, quote],
            |r| r.get(0),
        )?;
        Ok(Dismissal {
            id,
            rule: rule.into(),
            block_key: block_key.into(),
            quote: quote.into(),
            reason: reason.into(),
            dismissed_at: now.into(),
        })
    }

    pub fn restore_finding(&mut self, pitch_id: Id, dismissal_id: Id, now: &str) -> Result<()> {
        self.in_transaction(|ws| {
            let n = ws.conn.execute("DELETE FROM finding_dismissal WHERE id = ?1 AND pitch_id = ?2", params![dismissal_id, pitch_id])?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "dismissed finding", id: dismissal_id.to_string() });
            }
            let by = ws.actor.clone();
            ws.append_audit(&by, "finding.restored", &format!("pitch:{pitch_id}"), &serde_json::json!({ "dismissal": dismissal_id }), now)?;
            Ok(())
        })
    }

    pub fn manual_items(&self, pitch_id: Id) -> Result<Vec<ManualItemState>> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT item_id, state, updated_by, updated_at FROM checklist_result
                 WHERE pitch_id = ?1 AND source = 'manual' ORDER BY item_id",
            )?
            .query_map([pitch_id], |r| {
                Ok(ManualItemState { item_id: r.get(0)?, state: r.get(1)?, updated_by: r.get(2)?, updated_at: r.get(3)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Ticks or unticks a manual checklist item.
    pub fn set_manual_item(&mut self, pitch_id: Id, item_id: &str, ticked: bool, by: &str, now: &str) -> Result<()> {
        self.writable()?;
        self.pitch_exists(pitch_id)?;
        self.ensure_writer_can_edit(pitch_id)?;
        self.in_transaction(|ws| ws.write_manual_item(pitch_id, item_id, ticked, by, now))
    }

    fn write_manual_item(&mut self, pitch_id: Id, item_id: &str, ticked: bool, by: &str, now: &str) -> Result<()> {
        let action = if ticked { "checklist.ticked" } else { "checklist.unticked" };
        self.append_audit(by, action, &format!("pitch:{pitch_id}"), &serde_json::json!({ "item": item_id }), now)?;
        if ticked {
            self.conn.execute(
                "INSERT INTO checklist_result (pitch_id, item_id, source, state, updated_by, updated_at)
                 VALUES (?1, ?2, 'manual', 'ticked', ?3, ?4)
                 ON CONFLICT(pitch_id, item_id) DO UPDATE SET state = 'ticked', updated_by = excluded.updated_by, updated_at = excluded.updated_at",
                params![pitch_id, item_id, by, now],
            )?;
        } else {
            self.conn.execute(
                "DELETE FROM checklist_result WHERE pitch_id = ?1 AND item_id = ?2 AND source = 'manual'",
                params![pitch_id, item_id],
            )?;
        }
        Ok(())
    }

    pub fn dictionary_words(&self) -> Result<Vec<String>> {
        let rows = self
            .conn
            .prepare_cached("SELECT word FROM dictionary_word ORDER BY word")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn add_dictionary_word(&mut self, word: &str, now: &str) -> Result<()> {
        self.writable()?;
        let word = word.trim();
        if word.is_empty() || word.chars().count() > 64 || word.chars().any(char::is_whitespace) {
            return Err(StoreError::Invalid("The dictionary takes single words of up to 64 characters.".into()));
        }
        self.conn.execute("INSERT OR IGNORE INTO dictionary_word (word, added_at) VALUES (?1, ?2)", params![word, now])?;
        Ok(())
    }

    pub fn remove_dictionary_word(&mut self, word: &str) -> Result<()> {
        self.writable()?;
        self.conn.execute("DELETE FROM dictionary_word WHERE word = ?1", [word])?;
        Ok(())
    }

    /// The product name of the pitch's launch.
    pub fn pitch_product(&self, pitch_id: Id) -> Result<String> {
        self.conn
            .query_row(
                "SELECT launch.product FROM pitch JOIN launch ON launch.id = pitch.launch_id WHERE pitch.id = ?1",
                [pitch_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound { what: "pitch", id: pitch_id.to_string() })
    }

    fn pitch_exists(&self, pitch_id: Id) -> Result<()> {
        self.pitch_product(pitch_id).map(|_| ())
    }

    /// The open errors kept for a pitch, when counted by checks with this identity. The
    /// migration's triggers remove the count when anything the checks read for it changes.
    pub fn kept_open_errors(&self, pitch_id: Id, identity: &str) -> Result<Option<u32>> {
        Ok(self
            .conn
            .prepare_cached("SELECT open_errors FROM pitch_check_summary WHERE pitch_id = ?1 AND identity = ?2")?
            .query_row(params![pitch_id, identity], |r| r.get(0))
            .optional()?)
    }

    /// Keeps a pitch's count of open errors, as counted by checks with this identity. A
    /// shortcut, not content: nothing is kept in a workspace opened read-only.
    pub fn keep_open_errors(&self, pitch_id: Id, identity: &str, open_errors: u32) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        self.conn
            .prepare_cached(
                "INSERT INTO pitch_check_summary (pitch_id, identity, open_errors) VALUES (?1, ?2, ?3)
                 ON CONFLICT (pitch_id) DO UPDATE SET identity = excluded.identity, open_errors = excluded.open_errors",
            )?
            .execute(params![pitch_id, identity, open_errors])?;
        Ok(())
    }
}
