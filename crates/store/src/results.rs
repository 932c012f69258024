//! Results as the workspace keeps them: the rep roster and the names CRMs give reps, training
//! results per rep and kit, deal sources with their mappings, the deals themselves, and what
//! a launch sells where and since when.

use std::collections::HashMap;

use pitchbridge_core::Id;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::{Result, StoreError, Workspace};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PersonRow {
    pub id: Id,
    pub email: String,
    pub name: String,
    pub partner: String,
    pub region: String,
    pub role: String,
    pub manager: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CertificationRow {
    pub person_id: Id,
    pub launch_id: Id,
    /// The kit's audience; 0 for the launch as a whole.
    pub audience_id: Id,
    /// "in-progress", "passed" or "failed".
    pub status: String,
    pub day: String,
    pub score: Option<f64>,
    /// "lms" or "attested".
    pub source: String,
    pub attested_by: String,
}

/// A deal as read from an export, ready to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct DealRow {
    pub deal_id: String,
    pub owner: String,
    pub account: String,
    pub outcome: DealOutcome,
    /// Days since 1970-01-01.
    pub close_day: Option<i32>,
    pub amount: Option<f64>,
    pub currency: String,
    pub region: String,
    /// 0 unknown, 1 new customer, 2 existing customer.
    pub customer: u8,
    pub product_line: String,
    pub pitch: String,
    pub loss_reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DealOutcome {
    Open = 0,
    Won = 1,
    Lost = 2,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct DealImportCounts {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// A closed deal of a launch, as numbers: texts are [`Workspace::deal_terms`] ids.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClosedDeal<'a> {
    pub owner: Id,
    pub won: bool,
    pub close_day: i32,
    pub amount: Option<f64>,
    pub currency: &'a str,
    pub region: Option<Id>,
    /// 0 unknown, 1 new customer, 2 existing customer.
    pub customer: u8,
    pub loss_reason: Option<Id>,
}

/// The texts deals name by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DealTerms {
    pub owners: Vec<(Id, String)>,
    pub regions: Vec<(Id, String)>,
    pub loss_reasons: Vec<(Id, String)>,
}

/// A closed deal as text, for a drill-down.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosedDealRow {
    pub source: String,
    pub deal_id: String,
    pub owner: String,
    pub account: String,
    pub won: bool,
    pub close_date: String,
    pub amount: Option<f64>,
    pub currency: String,
    pub region: String,
    pub customer: String,
    pub loss_reason: String,
}

/// The workspace_meta key naming the workspace's owner by email: the one person who sees
/// per-rep results.
pub const OWNER_KEY: &str = "owner_email";

/// Which deals are a launch's: its product line (or product name) since its launch date, and
/// where the product became available when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResultsScope {
    pub launch_id: Id,
    pub launch_name: String,
    pub product_line: String,
    pub launch_date: String,
    pub availability: Vec<(String, String)>,
}

impl Workspace {
    /// Adds or updates reps by email. Returns (added, updated).
    pub fn upsert_people(&mut self, people: &[PersonRow], now: &str) -> Result<(u64, u64)> {
        self.in_transaction(|ws| {
            let (mut added, mut updated) = (0, 0);
            for p in people {
                let existing: Option<(Id, String, String, String, String, String)> = ws
                    .conn
                    .prepare_cached("SELECT id, name, partner, region, role, manager FROM person WHERE email = ?1")?
                    .query_row([&p.email], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
                    .optional()?;
                match existing {
                    None => {
                        ws.conn
                            .prepare_cached("INSERT INTO person (email, name, partner, region, role, manager, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?
                            .execute(params![p.email, p.name, p.partner, p.region, p.role, p.manager, now])?;
                        added += 1;
                    }
                    Some((id, name, partner, region, role, manager)) => {
                        if (name, partner, region, role, manager) != (p.name.clone(), p.partner.clone(), p.region.clone(), p.role.clone(), p.manager.clone()) {
                            ws.conn
                                .prepare_cached("UPDATE person SET name = ?2, partner = ?3, region = ?4, role = ?5, manager = ?6, updated_at = ?7 WHERE id = ?1")?
                                .execute(params![id, p.name, p.partner, p.region, p.role, p.manager, now])?;
                            updated += 1;
                        }
                    }
                }
            }
            let actor = ws.actor.clone();
            let payload = serde_json::json!({ "added": added, "updated": updated });
            ws.append_audit(&actor, "people.imported", "roster", &payload, now)?;
            Ok((added, updated))
        })
    }

    pub fn people(&self) -> Result<Vec<PersonRow>> {
        let mut stmt = self.conn.prepare_cached("SELECT id, email, name, partner, region, role, manager FROM person ORDER BY email")?;
        let rows = stmt.query_map([], |r| {
            Ok(PersonRow { id: r.get(0)?, email: r.get(1)?, name: r.get(2)?, partner: r.get(3)?, region: r.get(4)?, role: r.get(5)?, manager: r.get(6)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every alias and the person it names.
    pub fn person_aliases(&self) -> Result<Vec<(String, Id)>> {
        let mut stmt = self.conn.prepare_cached("SELECT alias, person_id FROM person_alias ORDER BY alias")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Says that deals owned by `alias` are the rep's with this email.
    pub fn map_person_alias(&mut self, alias: &str, email: &str, now: &str) -> Result<()> {
        let alias = alias.trim();
        if alias.is_empty() {
            return Err(StoreError::Invalid("Say which owner name to map.".into()));
        }
        let id: Id = self
            .conn
            .query_row("SELECT id FROM person WHERE email = ?1", [email.trim()], |r| r.get(0))
            .optional()?
            .ok_or_else(|| StoreError::Invalid(format!("No rep on the roster has the email {email}.")))?;
        self.in_transaction(|ws| {
            ws.conn.execute("INSERT INTO person_alias (alias, person_id) VALUES (?1, ?2) ON CONFLICT (alias) DO UPDATE SET person_id = excluded.person_id", params![alias, id])?;
            let actor = ws.actor.clone();
            ws.append_audit(&actor, "people.alias-mapped", &format!("person:{id}"), &serde_json::json!({ "alias": alias }), now).map(|_| ())
        })
    }

    /// Keeps training results; one already kept is not kept twice. Returns how many were new.
    pub fn record_certifications(&mut self, rows: &[CertificationRow], now: &str) -> Result<u64> {
        self.in_transaction(|ws| {
            let mut added = 0;
            for c in rows {
                added += ws
                    .conn
                    .prepare_cached(
                        "INSERT OR IGNORE INTO certification (person_id, launch_id, audience_id, status, day, score, source, attested_by, recorded_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    )?
                    .execute(params![c.person_id, c.launch_id, c.audience_id, c.status, c.day, c.score, c.source, c.attested_by, now])? as u64;
            }
            let actor = ws.actor.clone();
            let attested: Vec<_> = rows.iter().filter(|c| c.source == "attested").map(|c| serde_json::json!({ "person": c.person_id, "launch": c.launch_id, "kit": c.audience_id, "day": c.day, "by": c.attested_by })).collect();
            let payload = serde_json::json!({ "rows": rows.len(), "added": added, "attested": attested });
            ws.append_audit(&actor, "training.results-recorded", "certifications", &payload, now)?;
            Ok(added)
        })
    }

    pub fn certifications(&self, launch_id: Id) -> Result<Vec<CertificationRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT person_id, launch_id, audience_id, status, day, score, source, attested_by FROM certification WHERE launch_id = ?1 ORDER BY person_id, day, id",
        )?;
        let rows = stmt.query_map([launch_id], |r| {
            Ok(CertificationRow {
                person_id: r.get(0)?,
                launch_id: r.get(1)?,
                audience_id: r.get(2)?,
                status: r.get(3)?,
                day: r.get(4)?,
                score: r.get(5)?,
                source: r.get(6)?,
                attested_by: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The mapping remembered for a deal source, as JSON.
    pub fn deal_source_mapping(&self, name: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT mapping FROM deal_source WHERE name = ?1", [name], |r| r.get(0)).optional()?)
    }

    pub fn deal_sources(&self) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare_cached("SELECT s.name, (SELECT count(*) FROM deal d WHERE d.source = s.name) FROM deal_source s ORDER BY s.name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps a source's deals in one transaction: new deals are added, deals already kept are
    /// updated where anything changed (a stage moved, an amount was corrected). The source's
    /// mapping is remembered. `rows` is read as it is consumed, so an export of any size passes
    /// through in bounded memory.
    pub fn import_deals(&mut self, source: &str, mapping_json: &str, rows: impl Iterator<Item = DealRow>, now: &str) -> Result<DealImportCounts> {
        if source.trim().is_empty() {
            return Err(StoreError::Invalid("Name the source the deals come from.".into()));
        }
        self.in_transaction(|ws| {
            ws.conn.execute(
                "INSERT INTO deal_source (name, mapping, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at",
                params![source, mapping_json, now],
            )?;
            let count = |ws: &Workspace| ws.conn.query_row("SELECT count(*) FROM deal WHERE source = ?1", [source], |r| r.get::<_, i64>(0));
            let before = count(ws)? as u64;
            let (mut seen, mut changed) = (0u64, 0u64);
            {
                // Terms already kept, and those this import adds, by kind and text.
                let mut terms: HashMap<(&'static str, String), Id> = HashMap::new();
                {
                    let mut stmt = ws.conn.prepare("SELECT kind, text, id FROM deal_term")?;
                    let mut rows = stmt.query([])?;
                    while let Some(r) = rows.next()? {
                        let kind = match r.get_ref(0)?.as_str().unwrap_or_default() {
                            "owner" => "owner",
                            "region" => "region",
                            _ => "loss-reason",
                        };
                        terms.insert((kind, r.get(1)?), r.get(2)?);
                    }
                }
                let mut add_term = ws.conn.prepare_cached("INSERT INTO deal_term (kind, text) VALUES (?1, ?2) RETURNING id")?;
                let mut term = |kind: &'static str, text: &str| -> rusqlite::Result<Option<Id>> {
                    if text.is_empty() {
                        return Ok(None);
                    }
                    if let Some(&id) = terms.get(&(kind, text.to_string())) {
                        return Ok(Some(id));
                    }
                    let id: Id = add_term.query_row(params![kind, text], |r| r.get(0))?;
                    terms.insert((kind, text.to_string()), id);
                    Ok(Some(id))
                };
                let mut upsert = ws.conn.prepare_cached(
                    "INSERT INTO deal (source, deal_id, owner, account, outcome, close_day, amount, currency, region, customer, product_line, pitch, loss_reason)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                     ON CONFLICT (source, deal_id) DO UPDATE SET
                        owner = excluded.owner, account = excluded.account, outcome = excluded.outcome, close_day = excluded.close_day,
                        amount = excluded.amount, currency = excluded.currency, region = excluded.region, customer = excluded.customer,
                        product_line = excluded.product_line, pitch = excluded.pitch, loss_reason = excluded.loss_reason
                     WHERE (deal.owner, deal.account, deal.outcome, deal.close_day, deal.amount, deal.currency, deal.region, deal.customer, deal.product_line, deal.pitch, deal.loss_reason)
                        IS NOT (excluded.owner, excluded.account, excluded.outcome, excluded.close_day, excluded.amount, excluded.currency, excluded.region, excluded.customer, excluded.product_line, excluded.pitch, excluded.loss_reason)",
                )?;
                for d in rows {
                    seen += 1;
                    let owner = term("owner", &d.owner)?;
                    let region = term("region", &d.region)?;
                    let loss = term("loss-reason", &d.loss_reason)?;
                    changed += upsert.execute(params![
                        source, d.deal_id, owner, d.account, d.outcome as u8, d.close_day, d.amount, d.currency, region, d.customer, d.product_line, d.pitch, loss
                    ])? as u64;
                }
            }
            let added = count(ws)? as u64 - before;
            // A deal id twice in one file counts once as added and then as updated or unchanged.
            let counts = DealImportCounts { added, updated: changed - added, unchanged: seen - changed };
            let actor = ws.actor.clone();
            let payload = serde_json::json!({ "source": source, "rows": seen, "added": counts.added, "updated": counts.updated });
            ws.append_audit(&actor, "deals.imported", &format!("deal-source:{source}"), &payload, now)?;
            Ok(counts)
        })
    }

    /// What a launch's results are drawn from.
    pub fn results_scope(&self, launch_id: Id) -> Result<ResultsScope> {
        let l = self.get_launch(launch_id)?;
        let line: String = self.conn.query_row("SELECT product_line FROM launch WHERE id = ?1", [launch_id], |r| r.get(0))?;
        let mut stmt = self.conn.prepare_cached("SELECT region, available_from FROM launch_availability WHERE launch_id = ?1 ORDER BY region")?;
        let availability = stmt.query_map([launch_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(ResultsScope {
            launch_id,
            launch_name: l.name,
            product_line: if line.trim().is_empty() { l.product.clone() } else { line },
            launch_date: l.launch_date,
            availability,
        })
    }

    /// Sets the product line a launch's deals carry ('' for its product name).
    pub fn set_launch_product_line(&mut self, launch_id: Id, product_line: &str, now: &str) -> Result<()> {
        self.get_launch(launch_id)?;
        self.in_transaction(|ws| {
            ws.conn.execute("UPDATE launch SET product_line = ?2 WHERE id = ?1", params![launch_id, product_line.trim()])?;
            let actor = ws.actor.clone();
            ws.append_audit(&actor, "launch.product-line-set", &format!("launch:{launch_id}"), &serde_json::json!({ "product_line": product_line.trim() }), now).map(|_| ())
        })
    }

    /// Sets when the product became available in a region (`None` removes the region).
    pub fn set_launch_availability(&mut self, launch_id: Id, region: &str, from: Option<&str>, now: &str) -> Result<()> {
        self.get_launch(launch_id)?;
        let region = region.trim();
        if region.is_empty() {
            return Err(StoreError::Invalid("Name the region.".into()));
        }
        self.in_transaction(|ws| {
            match from {
                Some(day) => ws.conn.execute(
                    "INSERT INTO launch_availability (launch_id, region, available_from) VALUES (?1, ?2, ?3)
                     ON CONFLICT (launch_id, region) DO UPDATE SET available_from = excluded.available_from",
                    params![launch_id, region, day],
                )?,
                None => ws.conn.execute("DELETE FROM launch_availability WHERE launch_id = ?1 AND region = ?2", params![launch_id, region])?,
            };
            let actor = ws.actor.clone();
            ws.append_audit(&actor, "launch.availability-set", &format!("launch:{launch_id}"), &serde_json::json!({ "region": region, "from": from }), now).map(|_| ())
        })
    }

    /// Calls `f` with each closed deal of a product line closed on or after `since` (days since
    /// 1970-01-01), without holding them all.
    pub fn for_each_closed_deal(&self, product_line: &str, since: i32, mut f: impl FnMut(&ClosedDeal<'_>)) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT owner, outcome, close_day, amount, currency, region, customer, loss_reason
             FROM deal WHERE product_line = ?1 AND close_day >= ?2 AND outcome != 0",
        )?;
        let mut rows = stmt.query(params![product_line, since])?;
        while let Some(r) = rows.next()? {
            f(&ClosedDeal {
                owner: r.get(0)?,
                won: r.get::<_, i64>(1)? == 1,
                close_day: r.get(2)?,
                amount: r.get(3)?,
                currency: r.get_ref(4)?.as_str().unwrap_or_default(),
                region: r.get(5)?,
                customer: r.get(6)?,
                loss_reason: r.get(7)?,
            });
        }
        Ok(())
    }

    /// Each closed deal of a product line since `since`, as text, most recent first.
    pub fn for_each_closed_deal_row(&self, product_line: &str, since: i32, mut f: impl FnMut(ClosedDealRow)) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT source, deal_id, owner, account, outcome = 'won', close_date, amount, currency, coalesce(region, ''), customer, coalesce(loss_reason, '')
             FROM deal_view WHERE product_line = ?1 AND close_date >= date(?2 * 86400, 'unixepoch') AND outcome != 'open'
             ORDER BY close_date DESC, deal_id",
        )?;
        let mut rows = stmt.query(params![product_line, since.max(-700_000)])?;
        while let Some(r) = rows.next()? {
            f(ClosedDealRow {
                source: r.get(0)?,
                deal_id: r.get(1)?,
                owner: r.get(2)?,
                account: r.get(3)?,
                won: r.get::<_, i64>(4)? == 1,
                close_date: r.get(5)?,
                amount: r.get(6)?,
                currency: r.get(7)?,
                region: r.get(8)?,
                customer: r.get(9)?,
                loss_reason: r.get(10)?,
            });
        }
        Ok(())
    }

    /// How the deals that name a pitch (by its id or its title, as the CRM field holds it)
    /// fared: (closed deals, won).
    pub fn pitch_deal_outcomes(&self, pitch_id: Id, title: &str) -> Result<(u64, u64)> {
        let (n, won): (i64, i64) = self.conn.prepare_cached(
            "SELECT count(*), coalesce(sum(outcome = 1), 0) FROM deal WHERE pitch IN (?1, ?2) COLLATE NOCASE AND pitch != '' AND outcome != 0",
        )?
        .query_row(params![pitch_id.to_string(), title], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok((n as u64, won as u64))
    }

    /// Names the workspace's owner by email; audited.
    pub fn set_workspace_owner(&mut self, email: &str, now: &str) -> Result<()> {
        self.in_transaction(|ws| {
            ws.set_meta(OWNER_KEY, email)?;
            let actor = ws.actor.clone();
            ws.append_audit(&actor, "workspace.owner-set", "workspace", &serde_json::json!({ "owner": email }), now).map(|_| ())
        })
    }

    /// The owners, regions and loss reasons deals name.
    pub fn deal_terms(&self) -> Result<DealTerms> {
        let mut terms = DealTerms::default();
        let mut stmt = self.conn.prepare_cached("SELECT id, kind, text FROM deal_term ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let entry = (r.get(0)?, r.get(2)?);
            match r.get_ref(1)?.as_str().unwrap_or_default() {
                "owner" => terms.owners.push(entry),
                "region" => terms.regions.push(entry),
                _ => terms.loss_reasons.push(entry),
            }
        }
        Ok(terms)
    }

    /// Every product line deals carry, with how many closed deals each has.
    pub fn deal_product_lines(&self) -> Result<Vec<(String, u64)>> {
        let mut stmt = self.conn.prepare_cached("SELECT product_line, count(*) FROM deal WHERE outcome != 0 GROUP BY product_line ORDER BY 2 DESC")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
