//! Comments on exact words of a pitch or a claim, with threads, resolve and reopen; and the
//! reviewer's confirmation of the writer's ticked checklist items (only inside a decision).

use pitchbridge_core::workflow::{CommentTarget, NewComment};
use pitchbridge_core::Id;
use rusqlite::{params, OptionalExtension};

use crate::{Result, StoreError, Workspace};
use crate::review::{refused, Comment, MAX_COMMENT_CHARS};

/// Offsets in UTF-16 code units to byte offsets, or `None` when out of range.
fn utf16_slice(text: &str, start: u32, end: u32) -> Option<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (start as usize, end as usize);
    if s > e || e > units.len() {
        return None;
    }
    String::from_utf16(&units[s..e]).ok()
}

impl Workspace {
    // ---- comments ------------------------------------------------------------------------------

    fn target_text(&self, pitch_id: Id, target: &CommentTarget) -> Result<Option<(Id, String)>> {
        Ok(match target {
            CommentTarget::Block { key } => self
                .conn
                .query_row("SELECT id, text FROM pitch_block WHERE pitch_id = ?1 AND key = ?2", params![pitch_id, key], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
            CommentTarget::Claim { id } => self
                .conn
                .query_row(
                    "SELECT c.id, c.text FROM claim c JOIN factory_message m ON m.id = c.message_id JOIN pitch p ON p.launch_id = m.launch_id
                     WHERE p.id = ?1 AND c.id = ?2",
                    params![pitch_id, id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?,
        })
    }

    pub fn comments(&self, pitch_id: Id) -> Result<Vec<Comment>> {
        let mut rows: Vec<Comment> = self
            .conn
            .prepare_cached(
                "SELECT id, parent_id, target_kind, target_id, block_key, range_start, range_end, quote, body, author, created_at, resolved_at
                 FROM comment WHERE pitch_id = ?1 ORDER BY coalesce(parent_id, id), id",
            )?
            .query_map([pitch_id], |r| {
                let kind: String = r.get(2)?;
                let target_id: Id = r.get(3)?;
                let target = if kind == "claim" { CommentTarget::Claim { id: target_id } } else { CommentTarget::Block { key: r.get(4)? } };
                Ok(Comment {
                    id: r.get(0)?,
                    parent_id: r.get(1)?,
                    target,
                    start: r.get(5)?,
                    end: r.get(6)?,
                    quote: r.get(7)?,
                    body: r.get(8)?,
                    author: r.get(9)?,
                    created_at: r.get(10)?,
                    resolved_at: r.get(11)?,
                    outdated: false,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        for c in &mut rows {
            c.outdated = match self.target_text(pitch_id, &c.target)? {
                Some((_, text)) => utf16_slice(&text, c.start, c.end).as_deref() != Some(c.quote.as_str()),
                None => true,
            };
        }
        Ok(rows)
    }

    /// Adds a comment on an exact range of a block or a claim, or a reply to a thread.
    pub fn add_comment(&mut self, pitch_id: Id, new: &NewComment, author: &str, now: &str) -> Result<Comment> {
        self.writable()?;
        let id = self.in_transaction(|ws| ws.write_comment(pitch_id, new, author, now, false))?;
        self.comments(pitch_id)?.into_iter().find(|c| c.id == id).ok_or_else(|| StoreError::Invalid("The comment was not kept.".into()))
    }

    /// `carried`: the comment comes in a decision, made on the reviewer's copy; its quote is
    /// kept even where the text has moved since, rather than refusing the whole decision.
    pub(crate) fn write_comment(&mut self, pitch_id: Id, new: &NewComment, author: &str, now: &str, carried: bool) -> Result<Id> {
        let body = new.body.trim();
        if body.is_empty() {
            return Err(StoreError::Invalid("Write something in the comment first.".into()));
        }
        if body.chars().count() > MAX_COMMENT_CHARS {
            return Err(StoreError::Invalid(format!("The comment is too long (at most {MAX_COMMENT_CHARS} characters).")));
        }
        let (target, start, end, quote) = match new.parent_id {
            // A reply shares its thread's anchor.
            Some(parent) => {
                let thread = self
                    .comments(pitch_id)?
                    .into_iter()
                    .find(|c| c.id == parent && c.parent_id.is_none())
                    .ok_or_else(|| StoreError::NotFound { what: "Comment thread", id: parent.to_string() })?;
                (thread.target, thread.start, thread.end, thread.quote)
            }
            None => {
                let text = self.target_text(pitch_id, &new.target)?.map(|(_, t)| t);
                let here = text.as_deref().and_then(|t| utf16_slice(t, new.start, new.end)).filter(|q| !q.trim().is_empty());
                let quote = match (here, &new.quote) {
                    (Some(h), Some(q)) if &h == q => h,
                    (Some(h), None) if !carried => h,
                    (_, Some(q)) if carried && !q.trim().is_empty() => q.clone(),
                    (Some(_), Some(_)) => return Err(StoreError::Invalid("The text changed while you were commenting; select the words again.".into())),
                    _ if text.is_none() => return Err(StoreError::Invalid("The text this comment is about is no longer there.".into())),
                    _ => return Err(StoreError::Invalid("Select the words the comment is about.".into())),
                };
                (new.target.clone(), new.start, new.end, quote)
            }
        };
        let (kind, target_id, key) = match &target {
            CommentTarget::Block { key } => {
                let id = self.target_text(pitch_id, &target)?.map(|(id, _)| id).unwrap_or(0);
                ("block", id, key.clone())
            }
            CommentTarget::Claim { id } => ("claim", *id, String::new()),
        };
        self.conn.execute(
            "INSERT INTO comment (pitch_id, parent_id, target_kind, target_id, block_key, range_start, range_end, quote, body, author, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![pitch_id, new.parent_id, kind, target_id, key, start, end, quote, body, author, now],
        )?;
        let id = self.conn.last_insert_rowid();
        self.append_audit(
            author,
            "comment.added",
            &format!("pitch:{pitch_id}"),
            &serde_json::json!({ "comment": id, "parent": new.parent_id, "target": kind, "targetId": target_id, "blockKey": key, "start": start, "end": end, "quote": quote, "body": body }),
            now,
        )?;
        Ok(id)
    }

    /// Resolves a thread, or reopens it.
    pub fn set_comment_resolved(&mut self, pitch_id: Id, comment_id: Id, resolved: bool, by: &str, now: &str) -> Result<()> {
        self.in_transaction(|ws| {
            let parent: Option<Option<Id>> =
                ws.conn.query_row("SELECT parent_id FROM comment WHERE id = ?1 AND pitch_id = ?2", params![comment_id, pitch_id], |r| r.get(0)).optional()?;
            match parent {
                None => return Err(StoreError::NotFound { what: "Comment", id: comment_id.to_string() }),
                Some(Some(_)) => return Err(StoreError::Invalid("Resolve the thread from its first comment.".into())),
                Some(None) => {}
            }
            let at = if resolved { Some(now) } else { None };
            ws.conn.execute("UPDATE comment SET resolved_at = ?2 WHERE id = ?1", params![comment_id, at])?;
            let action = if resolved { "comment.resolved" } else { "comment.reopened" };
            ws.append_audit(by, action, &format!("pitch:{pitch_id}"), &serde_json::json!({ "comment": comment_id }), now)?;
            Ok(())
        })
    }

    // ---- manual items -------------------------------------------------------------------------

    /// The reviewer confirms a manual checklist item the writer ticked: only ever as part of a
    /// signed decision.
    pub(crate) fn write_confirmation(&mut self, pitch_id: Id, item_id: &str, by: &str, now: &str) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE checklist_result SET state = 'confirmed', updated_by = ?3, updated_at = ?4
             WHERE pitch_id = ?1 AND item_id = ?2 AND source = 'manual' AND state IN ('ticked', 'confirmed')",
            params![pitch_id, item_id, by, now],
        )?;
        if n == 0 {
            return Err(refused(format!("The writer has not ticked \"{item_id}\", so there is nothing to confirm.")));
        }
        self.append_audit(by, "checklist.confirmed", &format!("pitch:{pitch_id}"), &serde_json::json!({ "item": item_id }), now)?;
        Ok(())
    }
}
