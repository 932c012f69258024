//! Audiences (channel × persona) and their research.

use pitchbridge_core::*;
use rusqlite::{params, OptionalExtension};

use crate::rows::not_found;
use crate::{Result, StoreError, Workspace};

const RESEARCH_KINDS: [&str; 4] = ["pain", "goal", "objection", "words"];

impl Workspace {
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
        let tx = self.write_tx()?;
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
        let tx = self.write_tx()?;
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
