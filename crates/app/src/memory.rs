//! Reusing approved wording: the memory of how each claim was said in approved, unexpired
//! pitches, kept up to date from the pitches, searched for a claim being translated again
//! (graded like a CAT tool's matches), searched by phrase (the concordance), and exchanged as
//! TMX with translation tools.

use std::collections::HashMap;
use std::path::Path;

use pitchbridge_core::{Id, PitchStatus};
use pitchbridge_memory::text::{capped, terms};
use pitchbridge_memory::tmx::{read_tmx, write_tmx, TmxUnit};
use pitchbridge_memory::{grade, Band, Candidate, Query, Substitution};
use pitchbridge_store::{NewPair, PairRow};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::App;

/// At most this many suggestions are offered.
pub const MAX_SUGGESTIONS: usize = 5;
/// Candidates the full-text search hands to grading.
const CANDIDATES: usize = 50;
/// Search terms taken from a query (the longest, which are the rarer).
const QUERY_TERMS: usize = 24;
/// The workspace_meta key holding what the pitch pairs were last built from.
const BASIS_KEY: &str = "memory_basis";

/// Words too common to find anything by.
const STOP: [&str; 40] = [
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "is", "are", "be", "it", "its", "this", "that", "we", "our",
    "you", "your", "they", "their", "than", "more", "less", "all", "any", "per", "no", "not", "can", "will", "up", "into",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SuggestRequest {
    /// The claim's text (several claims' texts, joined, for a paragraph linked to several).
    pub text: String,
    /// The claims, when known: a pair of the same claim for the same audience is a context match.
    #[serde(default)]
    #[ts(type = "number[]")]
    pub claim_ids: Vec<Id>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub audience_id: Option<Id>,
    /// A pitch whose own wording is not offered back to it.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub exclude_pitch_id: Option<Id>,
}

/// One approved wording offered.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Suggestion {
    /// 101 for context, 100 for exact, else the match in percent.
    pub score: u32,
    pub band: Band,
    /// The approved sentence, with the claim's numbers carried in.
    pub text: String,
    pub substitutions: Vec<Substitution>,
    /// The claim text it was approved for.
    pub source: String,
    #[ts(type = "number[]")]
    pub claim_ids: Vec<Id>,
    #[ts(type = "number | null")]
    pub pitch_id: Option<Id>,
    pub pitch_title: String,
    #[ts(type = "number | null")]
    pub audience_id: Option<Id>,
    pub audience_name: String,
    pub approved_by: String,
    pub approved_on: String,
    /// "pitch" (approved here) or "tmx" (read from a memory file).
    pub origin: String,
    /// How the deals that used the pitch fared, once deals name it.
    pub fared: Option<Fared>,
}

/// Closed deals that named a pitch, and how many were won.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct Fared {
    pub deals: u64,
    pub won: u64,
    pub win_rate: f64,
}

/// An approved sentence holding a phrase, and the claims it says.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ConcordanceHit {
    pub text: String,
    pub source: String,
    #[ts(type = "number[]")]
    pub claim_ids: Vec<Id>,
    pub pitch_title: String,
    pub audience_name: String,
    pub approved_by: String,
    pub approved_on: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TmxImport {
    pub read: u64,
    pub added: u64,
    /// Units without both a source and a target.
    pub skipped: u64,
}

/// What a refresh changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MemoryRefresh {
    pub pitches_updated: u64,
    pub pitches_removed: u64,
}

/// The search terms of a query: its words and character pairs, less the commonest words, the
/// longest first.
fn search_terms(text: &str) -> Vec<String> {
    let mut t: Vec<String> = terms(text).into_iter().filter(|w| !STOP.contains(&w.as_str())).collect();
    t.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
    t.dedup();
    t.truncate(QUERY_TERMS);
    t
}

impl App {
    /// Brings the memory's pitch pairs up to date: each approved, unexpired pitch's linked
    /// paragraphs paired with their claims; pitches no longer approved leave it. Nothing is
    /// done while nothing they depend on has changed, and nothing in a read-only workspace.
    pub fn refresh_memory(&mut self) -> ApiResult<MemoryRefresh> {
        let ws = self.ws()?;
        if ws.is_read_only() {
            return Ok(MemoryRefresh::default());
        }
        let basis = ws.memory_basis()?;
        if ws.meta(BASIS_KEY)?.as_deref() == Some(basis.as_str()) {
            return Ok(MemoryRefresh::default());
        }
        let today = self.today();
        let kept: HashMap<Id, (String, String)> = ws.memory_pitches()?.into_iter().map(|(id, fp, exp)| (id, (fp, exp))).collect();
        let mut current: HashMap<Id, ()> = HashMap::new();
        let mut updates: Vec<(Id, String, Vec<NewPair>)> = Vec::new();
        for launch in ws.list_launches()? {
            for p in ws.readiness_facts(launch.launch.id)?.pitches {
                let expires = p.expires_on.clone().unwrap_or_default();
                if p.status != PitchStatus::Approved || (!expires.is_empty() && expires.as_str() <= today.as_str()) {
                    continue;
                }
                current.insert(p.id, ());
                let fp = ws.pitch_content_fingerprint(p.id)?;
                if kept.get(&p.id) == Some(&(fp.clone(), expires.clone())) {
                    continue;
                }
                let (by, on) = ws.latest_approval(p.id)?.unwrap_or_default();
                let pairs = ws
                    .approved_blocks(p.id)?
                    .into_iter()
                    .filter(|b| !b.text.trim().is_empty())
                    .map(|b| {
                        let source = b.claims.iter().map(|c| c.2.as_str()).collect::<Vec<_>>().join(" ");
                        NewPair {
                            block_key: b.block_key,
                            audience_id: Some(p.audience_id),
                            claim_ids: b.claims.iter().map(|c| c.0).collect(),
                            terms: terms(&source).join(" "),
                            source,
                            target: b.text,
                            approved_by: by.clone(),
                            approved_on: on.clone(),
                            expires_on: expires.clone(),
                        }
                    })
                    .collect();
                updates.push((p.id, fp, pairs));
            }
        }
        let gone: Vec<Id> = kept.keys().filter(|id| !current.contains_key(id)).copied().collect();
        let ws = self.ws_mut()?;
        let mut done = MemoryRefresh::default();
        for (id, fp, pairs) in updates {
            ws.replace_pitch_pairs(id, &fp, &pairs)?;
            done.pitches_updated += 1;
        }
        for id in gone {
            ws.replace_pitch_pairs(id, "", &[])?;
            done.pitches_removed += 1;
        }
        ws.set_meta(BASIS_KEY, &basis)?;
        Ok(done)
    }

    /// Up to five approved wordings for a claim, best first: context, exact, then by match.
    pub fn suggest(&mut self, req: &SuggestRequest) -> ApiResult<Vec<Suggestion>> {
        self.refresh_memory()?;
        self.suggest_from_memory(req)
    }

    /// [`App::suggest`] without bringing the memory up to date first.
    pub fn suggest_from_memory(&self, req: &SuggestRequest) -> ApiResult<Vec<Suggestion>> {
        let text = capped(req.text.trim());
        if text.is_empty() {
            return Ok(Vec::new());
        }
        let ws = self.ws()?;
        let today = self.today();
        let mut rows = ws.memory_candidates(&search_terms(text), &today, CANDIDATES)?;
        if !req.claim_ids.is_empty() {
            rows.extend(ws.memory_pairs_of_claims(&req.claim_ids, &today)?);
        }
        let query = Query { text, claim_ids: &req.claim_ids, audience_id: req.audience_id };
        let mut out: Vec<Suggestion> = Vec::new();
        let mut seen: HashMap<i64, ()> = HashMap::new();
        for r in rows {
            if seen.insert(r.id, ()).is_some() || (req.exclude_pitch_id.is_some() && r.pitch_id == req.exclude_pitch_id) {
                continue;
            }
            let cand = Candidate { source: &r.source, target: &r.target, claim_ids: &r.claim_ids, audience_id: r.audience_id };
            if let Some(g) = grade(&query, &cand) {
                out.push(suggestion(r, g.score, g.band, g.text, g.substitutions));
            }
        }
        // Best first; among equals the latest approval. The same wording twice is offered once.
        out.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| b.approved_on.cmp(&a.approved_on)).then_with(|| a.text.cmp(&b.text)));
        let mut texts: Vec<String> = Vec::new();
        out.retain(|s| {
            let key = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if texts.contains(&key) {
                false
            } else {
                texts.push(key);
                true
            }
        });
        out.truncate(MAX_SUGGESTIONS);
        for s in out.iter_mut() {
            if let Some(p) = s.pitch_id {
                let (deals, won) = ws.pitch_deal_outcomes(p, &s.pitch_title)?;
                if deals > 0 {
                    s.fared = Some(Fared { deals, won, win_rate: won as f64 / deals as f64 });
                }
            }
        }
        Ok(out)
    }

    /// Every approved sentence using a phrase, with the claims it translates (at most `limit`).
    pub fn concordance(&mut self, phrase: &str, limit: usize) -> ApiResult<Vec<ConcordanceHit>> {
        self.refresh_memory()?;
        let today = self.today();
        Ok(self
            .ws()?
            .memory_concordance(capped(phrase), &today, limit)?
            .into_iter()
            .map(|r| ConcordanceHit {
                text: r.target,
                source: r.source,
                claim_ids: r.claim_ids,
                pitch_title: r.pitch_title,
                audience_name: r.audience_name,
                approved_by: r.approved_by,
                approved_on: r.approved_on,
            })
            .collect())
    }

    /// Writes the memory (approved, unexpired pairs and those read from TMX) as TMX 1.4b.
    /// Returns how many pairs were written.
    pub fn export_tmx(&mut self, path: &Path) -> ApiResult<u64> {
        self.refresh_memory()?;
        self.refuse_overwriting_workspace(path)?;
        let today = self.today();
        let units: Vec<TmxUnit> = self
            .ws()?
            .memory_pairs(&today)?
            .into_iter()
            .map(|r| {
                let mut props = vec![("x-pitchbridge-claims".to_string(), r.claim_ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(" "))];
                if !r.audience_name.is_empty() {
                    props.push(("x-pitchbridge-audience".into(), r.audience_name.clone()));
                }
                if !r.pitch_title.is_empty() {
                    props.push(("x-pitchbridge-pitch".into(), r.pitch_title.clone()));
                }
                if !r.expires_on.is_empty() {
                    props.push(("x-pitchbridge-expires".into(), r.expires_on.clone()));
                }
                TmxUnit {
                    id: match r.pitch_id {
                        Some(p) => format!("pitch-{p}-{}", r.block_key),
                        None => format!("tmx-{}", r.id),
                    },
                    source: r.source,
                    target: r.target,
                    approved_by: r.approved_by,
                    approved_on: r.approved_on,
                    props,
                }
            })
            .collect();
        let bytes = write_tmx(&units, env!("CARGO_PKG_VERSION"));
        pitchbridge_export::write_file(path, &bytes)?;
        Ok(units.len() as u64)
    }

    /// Reads a TMX file into the memory: each unit's source and target become a pair
    /// (offered like approved wording; the file's approver and date are kept). A pair already
    /// kept is not kept twice.
    pub fn import_tmx(&mut self, path: &Path) -> ApiResult<TmxImport> {
        let bytes = pitchbridge_core::files::read_capped(path, 200 * 1024 * 1024).map_err(|e| ApiError::new(ErrorCode::ImportFailed, format!("Cannot read {}: {e}", path.display())))?;
        let (units, skipped) = read_tmx(&bytes).map_err(|e| ApiError::new(ErrorCode::ImportFailed, e.to_string()))?;
        let audiences: HashMap<String, Id> = self.ws()?.list_audiences()?.into_iter().map(|a| (format!("{} × {}", a.channel, a.persona), a.id)).collect();
        let pairs: Vec<NewPair> = units
            .iter()
            .map(|u| {
                let prop = |k: &str| u.props.iter().find(|(t, _)| t == k).map(|(_, v)| v.as_str());
                NewPair {
                    audience_id: prop("x-pitchbridge-audience").and_then(|a| audiences.get(a).copied()),
                    terms: terms(&u.source).join(" "),
                    source: u.source.clone(),
                    target: u.target.clone(),
                    approved_by: u.approved_by.clone(),
                    approved_on: u.approved_on.clone(),
                    ..Default::default()
                }
            })
            .collect();
        let now = self.clock.now();
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let added = self.ws_mut()?.add_tmx_pairs(&file, &pairs, &now)?;
        Ok(TmxImport { read: units.len() as u64, added, skipped: skipped as u64 })
    }
}

fn suggestion(r: PairRow, score: u32, band: Band, text: String, substitutions: Vec<Substitution>) -> Suggestion {
    Suggestion {
        score,
        band,
        text,
        substitutions,
        source: r.source,
        claim_ids: r.claim_ids,
        pitch_id: r.pitch_id,
        pitch_title: r.pitch_title,
        audience_id: r.audience_id,
        audience_name: r.audience_name,
        approved_by: r.approved_by,
        approved_on: r.approved_on,
        origin: r.origin,
        fared: None,
    }
}
