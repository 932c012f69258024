//! Training kits' certification settings, per launch and audience.

use pitchbridge_core::Id;
use rusqlite::{params, OptionalExtension};

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
}

impl Workspace {
    pub fn training_item_states(&self, launch_id: Id, audience_id: Id) -> Result<Vec<ItemState>> {
        Ok(self
            .conn
            .prepare_cached("SELECT item_key, position, removed FROM training_item_state WHERE launch_id = ?1 AND audience_id = ?2 ORDER BY item_key")?
            .query_map(params![launch_id, audience_id], |r| Ok(ItemState { key: r.get(0)?, position: r.get(1)?, removed: r.get::<_, i64>(2)? == 1 }))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Removes an item from the kit, or puts it back.
    pub fn set_training_item_removed(&mut self, launch_id: Id, audience_id: Id, key: &str, removed: bool, now: &str) -> Result<()> {
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

    /// Keeps the order of a kind's items: each key's place is its index in `keys`.
    pub fn set_training_item_order(&mut self, launch_id: Id, audience_id: Id, keys: &[String]) -> Result<()> {
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
