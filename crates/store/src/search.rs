//! Full-text search (FTS5) over current claims and pitch text.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Result, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum SearchHitKind {
    Claim,
    PitchBlock,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: SearchHitKind,
    /// The claim or block id.
    #[ts(type = "number")]
    pub id: i64,
    /// The message (for a claim) or the pitch (for a block) it belongs to.
    #[ts(type = "number")]
    pub parent_id: i64,
    pub parent_title: String,
    #[ts(type = "number")]
    pub launch_id: i64,
    /// The matching text with matches between U+0002 and U+0003, so the UI can mark them
    /// without parsing HTML.
    pub snippet: String,
}

/// Turns what a person types into a safe FTS5 query: every word must appear, the last one as
/// a prefix. Operators typed by the user are treated as words.
pub fn fts_query(input: &str) -> Option<String> {
    let words: Vec<String> = input
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .map(|w| w.trim_matches(|c| c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut q = words.join(" ");
    q.push('*');
    Some(q)
}

/// How many of the newest matches are ranked. Ranking every match of a common word in a large
/// workspace costs ~100 ms; the newest few hundred rank in a few milliseconds, and they are
/// what a writer searching as they type is after.
const CANDIDATES: i64 = 200;

impl Workspace {
    /// Claims and pitch paragraphs matching `input`, best first, at most `limit` of each kind.
    pub fn search(&self, input: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(q) = fts_query(input) else { return Ok(Vec::new()) };
        let mut hits = self.search_one(SearchHitKind::Claim, CLAIM_SEARCH, &q, limit)?;
        hits.extend(self.search_one(SearchHitKind::PitchBlock, BLOCK_SEARCH, &q, limit)?);
        Ok(hits)
    }

    fn search_one(&self, kind: SearchHitKind, sql: &str, q: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map(params![q, limit as i64, CANDIDATES], |r| {
            Ok(SearchHit {
                kind,
                id: r.get(0)?,
                parent_id: r.get(1)?,
                parent_title: r.get(2)?,
                launch_id: r.get(3)?,
                snippet: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Current claims: id, message, message title, launch, snippet.
const CLAIM_SEARCH: &str = "
    SELECT c.id, m.id, m.title, m.launch_id, hit.snippet
    FROM (SELECT rowid AS id, bm25(claim_fts) AS score,
                 snippet(claim_fts, 0, char(2), char(3), '…', 12) AS snippet
          FROM claim_fts WHERE claim_fts MATCH ?1
          ORDER BY rowid DESC LIMIT ?3) AS hit
    JOIN claim c ON c.id = hit.id
    JOIN factory_message m ON m.id = c.message_id
    WHERE c.removed_in IS NULL
    ORDER BY hit.score LIMIT ?2";

/// Pitch paragraphs: id, pitch, pitch title, launch, snippet.
const BLOCK_SEARCH: &str = "
    SELECT b.id, p.id, p.title, p.launch_id, hit.snippet
    FROM (SELECT rowid AS id, bm25(block_fts) AS score,
                 snippet(block_fts, 0, char(2), char(3), '…', 12) AS snippet
          FROM block_fts WHERE block_fts MATCH ?1
          ORDER BY rowid DESC LIMIT ?3) AS hit
    JOIN pitch_block b ON b.id = hit.id
    JOIN pitch p ON p.id = b.pitch_id
    ORDER BY hit.score LIMIT ?2";

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn user_input_becomes_a_safe_prefix_query() {
        assert_eq!(fts_query("close time").as_deref(), Some("\"close\" \"time\"*"));
        assert_eq!(fts_query("NEAR(\"a\" OR b) *").as_deref(), Some("\"NEAR\" \"a\" \"OR\" \"b\"*"));
        assert_eq!(fts_query("  ?? "), None);
    }
}
