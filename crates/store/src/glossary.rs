//! The workspace glossary: the Factory's terms and how customers say them.

use pitchbridge_core::*;
use rusqlite::{params, OptionalExtension};

use crate::{Result, StoreError, Workspace};

impl Workspace {
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
        for (field, text) in [("term", &input.term), ("customer phrasing", &input.customer_phrasing), ("note", &input.note)] {
            pitchbridge_core::controls::refuse(field, text).map_err(StoreError::Invalid)?;
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
        for (field, text) in [("term", &input.term), ("customer phrasing", &input.customer_phrasing), ("note", &input.note)] {
            pitchbridge_core::controls::refuse(field, text).map_err(StoreError::Invalid)?;
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
