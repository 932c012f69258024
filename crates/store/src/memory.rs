//! The memory of approved wording as the workspace keeps it: claim → approved sentence pairs
//! (from approved pitches, and read from TMX files) with a full-text index to find candidates.

use pitchbridge_core::Id;
use rusqlite::{params, OptionalExtension};

use crate::{Result, Workspace};

/// A pair to keep.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewPair {
    pub block_key: String,
    pub audience_id: Option<Id>,
    pub claim_ids: Vec<Id>,
    pub source: String,
    pub target: String,
    /// The index's terms for the source, space-separated.
    pub terms: String,
    pub approved_by: String,
    pub approved_on: String,
    pub expires_on: String,
}

/// A kept pair.
#[derive(Debug, Clone, PartialEq)]
pub struct PairRow {
    pub id: Id,
    pub origin: String,
    pub pitch_id: Option<Id>,
    pub pitch_title: String,
    pub block_key: String,
    pub audience_id: Option<Id>,
    pub audience_name: String,
    pub claim_ids: Vec<Id>,
    pub source: String,
    pub target: String,
    pub approved_by: String,
    pub approved_on: String,
    pub expires_on: String,
}

/// What an approved pitch's pairs are made from: each block with the current claims it links.
#[derive(Debug, Clone, PartialEq)]
pub struct ApprovedBlock {
    pub pitch_id: Id,
    pub block_key: String,
    pub text: String,
    /// (claim id, number, text), in the order of the claims' numbers.
    pub claims: Vec<(Id, i64, String)>,
}

const PAIR_COLUMNS: &str = "p.id, p.origin, p.pitch_id, coalesce(pt.title, ''), p.block_key, p.audience_id,
     coalesce(a.channel || ' × ' || a.persona, ''), p.claim_ids, p.source, p.target, p.approved_by, p.approved_on, p.expires_on";

fn pair_row(r: &rusqlite::Row) -> rusqlite::Result<PairRow> {
    let ids: String = r.get(7)?;
    Ok(PairRow {
        id: r.get(0)?,
        origin: r.get(1)?,
        pitch_id: r.get(2)?,
        pitch_title: r.get(3)?,
        block_key: r.get(4)?,
        audience_id: r.get(5)?,
        audience_name: r.get(6)?,
        claim_ids: serde_json::from_str(&ids).unwrap_or_default(),
        source: r.get(8)?,
        target: r.get(9)?,
        approved_by: r.get(10)?,
        approved_on: r.get(11)?,
        expires_on: r.get(12)?,
    })
}

impl Workspace {
    /// The memory's pitches and what their pairs were made from: (pitch id, fingerprint,
    /// expiry).
    pub fn memory_pitches(&self) -> Result<Vec<(Id, String, String)>> {
        let mut stmt = self.conn.prepare_cached("SELECT DISTINCT pitch_id, pitch_fingerprint, expires_on FROM tm_pair WHERE origin = 'pitch' ORDER BY pitch_id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The blocks of a pitch linked to claims whose links still hold (the claim unchanged since
    /// the link was made, and not removed), with those claims.
    pub fn approved_blocks(&self, pitch_id: Id) -> Result<Vec<ApprovedBlock>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.key, b.text, c.id, c.number, c.text FROM pitch_block b
             JOIN block_claim_link l ON l.block_id = b.id
             JOIN claim c ON c.id = l.claim_id
             WHERE b.pitch_id = ?1 AND b.kind != 'heading' AND c.removed_in IS NULL AND c.fingerprint = l.claim_fingerprint
             ORDER BY b.ordinal, c.number",
        )?;
        let mut rows = stmt.query([pitch_id])?;
        let mut out: Vec<ApprovedBlock> = Vec::new();
        while let Some(r) = rows.next()? {
            let key: String = r.get(0)?;
            let claim = (r.get(2)?, r.get(3)?, r.get(4)?);
            match out.last_mut() {
                Some(b) if b.block_key == key => b.claims.push(claim),
                _ => out.push(ApprovedBlock { pitch_id, block_key: key, text: r.get(1)?, claims: vec![claim] }),
            }
        }
        Ok(out)
    }

    /// Who approved a pitch last and when (YYYY-MM-DD): its latest approving decision.
    pub fn latest_approval(&self, pitch_id: Id) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT signer, substr(signed_at, 1, 10) FROM decision WHERE pitch_id = ?1 AND verdict IN ('approve', 'approve-with-edits') ORDER BY id DESC LIMIT 1",
                [pitch_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Replaces a pitch's pairs (none: the pitch leaves the memory). One transaction.
    pub fn replace_pitch_pairs(&mut self, pitch_id: Id, fingerprint: &str, pairs: &[NewPair]) -> Result<()> {
        self.in_transaction(|ws| {
            ws.conn.prepare_cached("DELETE FROM tm_pair WHERE pitch_id = ?1")?.execute([pitch_id])?;
            let mut insert = ws.conn.prepare_cached(
                "INSERT INTO tm_pair (origin, pitch_id, block_key, audience_id, claim_ids, source, target, terms, approved_by, approved_on, expires_on, pitch_fingerprint)
                 VALUES ('pitch', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            for p in pairs {
                insert.execute(params![
                    pitch_id,
                    p.block_key,
                    p.audience_id,
                    serde_json::to_string(&p.claim_ids).unwrap_or_else(|_| "[]".into()),
                    p.source,
                    p.target,
                    p.terms,
                    p.approved_by,
                    p.approved_on,
                    p.expires_on,
                    fingerprint
                ])?;
            }
            Ok(())
        })
    }

    /// Keeps pairs read from a TMX file; a pair already kept is not kept twice. Returns how
    /// many were new.
    pub fn add_tmx_pairs(&mut self, file: &str, pairs: &[NewPair], now: &str) -> Result<u64> {
        self.in_transaction(|ws| {
            let mut added = 0;
            let mut insert = ws.conn.prepare_cached(
                "INSERT OR IGNORE INTO tm_pair (origin, audience_id, claim_ids, source, target, terms, approved_by, approved_on, tmx_file)
                 VALUES ('tmx', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for p in pairs {
                added += insert.execute(params![
                    p.audience_id,
                    serde_json::to_string(&p.claim_ids).unwrap_or_else(|_| "[]".into()),
                    p.source,
                    p.target,
                    p.terms,
                    p.approved_by,
                    p.approved_on,
                    file
                ])? as u64;
            }
            drop(insert);
            let actor = ws.actor.clone();
            ws.append_audit(&actor, "memory.tmx-imported", "memory", &serde_json::json!({ "file": file, "pairs": pairs.len(), "added": added }), now)?;
            Ok(added)
        })
    }

    /// Candidates for a query: pairs whose terms match any of `terms` (already chosen and
    /// quoted by the caller), best by BM25 first, unexpired on `today`.
    pub fn memory_candidates(&self, terms: &[String], today: &str, limit: usize) -> Result<Vec<PairRow>> {
        if terms.is_empty() {
            return Ok(Vec::new());
        }
        let query = terms.iter().map(|t| format!("\"{}\"", t.replace('"', "\"\""))).collect::<Vec<_>>().join(" OR ");
        let sql = format!(
            "SELECT {PAIR_COLUMNS} FROM (SELECT rowid, bm25(tm_fts) AS rank FROM tm_fts WHERE tm_fts MATCH ?1 ORDER BY rank LIMIT ?3) f
             JOIN tm_pair p ON p.id = f.rowid
             LEFT JOIN pitch pt ON pt.id = p.pitch_id LEFT JOIN audience a ON a.id = p.audience_id
             WHERE p.expires_on = '' OR p.expires_on > ?2
             ORDER BY f.rank"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![query, today, limit as i64], pair_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Pairs of given claims, unexpired: the context and exact matches a search may miss.
    pub fn memory_pairs_of_claims(&self, claim_ids: &[Id], today: &str) -> Result<Vec<PairRow>> {
        let mut out = Vec::new();
        let sql = format!(
            "SELECT {PAIR_COLUMNS} FROM tm_pair p LEFT JOIN pitch pt ON pt.id = p.pitch_id LEFT JOIN audience a ON a.id = p.audience_id
             WHERE EXISTS (SELECT 1 FROM json_each(p.claim_ids) j WHERE j.value = ?1) AND (p.expires_on = '' OR p.expires_on > ?2)"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        for id in claim_ids {
            out.extend(stmt.query_map(params![id, today], pair_row)?.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        Ok(out)
    }

    /// Approved sentences containing a phrase (case and accents ignored), with the claims they
    /// translate: the concordance.
    pub fn memory_concordance(&self, phrase: &str, today: &str, limit: usize) -> Result<Vec<PairRow>> {
        let needle = phrase.trim().to_lowercase();
        if needle.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {PAIR_COLUMNS} FROM tm_pair p LEFT JOIN pitch pt ON pt.id = p.pitch_id LEFT JOIN audience a ON a.id = p.audience_id
             WHERE instr(lower(p.target), ?1) > 0 AND (p.expires_on = '' OR p.expires_on > ?2)
             ORDER BY p.approved_on DESC, p.id LIMIT ?3"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![needle, today, limit as i64], pair_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every unexpired pair, for export.
    pub fn memory_pairs(&self, today: &str) -> Result<Vec<PairRow>> {
        let sql = format!(
            "SELECT {PAIR_COLUMNS} FROM tm_pair p LEFT JOIN pitch pt ON pt.id = p.pitch_id LEFT JOIN audience a ON a.id = p.audience_id
             WHERE p.expires_on = '' OR p.expires_on > ?1 ORDER BY p.origin DESC, p.pitch_id, p.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([today], pair_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What the memory built from the pitches depends on, in one string: every audited change
    /// (approvals, re-verifications, claims), the approved pitches, and the settings their
    /// expiry comes from. While it is unchanged, the pairs are what the pitches say.
    pub fn memory_basis(&self) -> Result<String> {
        Ok(self.conn.query_row(
            "SELECT (SELECT coalesce(max(seq), 0) FROM audit_event) || '|' ||
                    (SELECT count(*) || '@' || coalesce(max(updated_at), '') FROM pitch WHERE status = 'approved') || '|' ||
                    (SELECT coalesce(group_concat(collateral_type || '=' || days), '') FROM verify_interval) || '|' ||
                    (SELECT coalesce(group_concat(id || '=' || valid_until), '') FROM factory_message) || '|' ||
                    (SELECT coalesce(max(value), '') FROM workspace_meta WHERE key = 'verify_interval_days') || '|' ||
                    (SELECT coalesce(group_concat(id || '=' || verify_interval_days), '') FROM pitch WHERE verify_interval_days IS NOT NULL)",
            [],
            |r| r.get(0),
        )?)
    }
}
