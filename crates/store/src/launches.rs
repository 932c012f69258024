//! Launches: the products going to market, each with its messages and pitches.

use pitchbridge_core::*;
use rusqlite::{params, OptionalExtension, Row};

use crate::rows::not_found;
use crate::views::{LaunchDetail, LaunchSummary, MessageSummary};
use crate::{Result, StoreError, Workspace};

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

impl Workspace {
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
}
