//! Launch readiness as stored: a launch's targets, messages' "valid until" days, pitches'
//! verifiers and intervals, and the facts the readiness evaluation reads (everything but the
//! checks' findings, which the caller adds).

use std::collections::HashMap;

use pitchbridge_core::readiness::{
    expires_on, validate_interval, ClosedReviewFact, validate_targets, validate_valid_until, AudienceTarget, ClaimFact, KitFact, LaunchFacts, LaunchTargets, PitchFact, Positioning, QueueFact, ScoreWeights,
    TargetAudience, TrendPoint, TypeNeed, DEFAULT_VERIFY_INTERVAL_DAYS,
};
use pitchbridge_core::{ClaimKind, Id, PitchStatus};
use rusqlite::{params, OptionalExtension};
use serde_json::json;

use crate::rows::not_found;
use crate::{Result, StoreError, Workspace};

/// `workspace_meta` keys.
const META_INTERVAL: &str = "verify_interval_days";
const META_WEIGHTS: &str = "readiness_weights";

impl Workspace {
    pub fn launch_targets(&self, launch_id: Id) -> Result<LaunchTargets> {
        let (positioning, target_score): (String, u32) = self
            .conn
            .query_row("SELECT positioning, target_score FROM launch WHERE id = ?1", [launch_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or_else(|| not_found("Launch", launch_id))?;
        let positioning: Positioning = serde_json::from_str(&positioning).unwrap_or_default();
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.audience_id, t.collateral_type FROM launch_target t
             JOIN audience a ON a.id = t.audience_id
             LEFT JOIN collateral_type c ON c.id = t.collateral_type
             WHERE t.launch_id = ?1 ORDER BY a.channel COLLATE NOCASE, a.persona COLLATE NOCASE, a.id, c.position, t.collateral_type",
        )?;
        let mut audiences: Vec<TargetAudience> = vec![];
        for row in stmt.query_map([launch_id], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?)))? {
            let (audience_id, type_id) = row?;
            match audiences.last_mut() {
                Some(a) if a.audience_id == audience_id => a.types.push(type_id),
                _ => audiences.push(TargetAudience { audience_id, types: vec![type_id] }),
            }
        }
        Ok(LaunchTargets { launch_id, positioning, audiences, target_score })
    }

    /// Replaces a launch's targets, in one transaction with its audit event.
    pub fn set_launch_targets(&mut self, targets: &LaunchTargets, now: &str) -> Result<LaunchTargets> {
        validate_targets(targets).map_err(StoreError::Invalid)?;
        let id = targets.launch_id;
        self.in_transaction(|ws| {
            let positioning = serde_json::to_string(&targets.positioning).expect("plain strings");
            let n = ws.conn.execute("UPDATE launch SET positioning = ?2, target_score = ?3, updated_at = ?4 WHERE id = ?1", params![id, positioning, targets.target_score, now])?;
            if n == 0 {
                return Err(not_found("Launch", id));
            }
            ws.conn.execute("DELETE FROM launch_target WHERE launch_id = ?1", [id])?;
            for a in &targets.audiences {
                let audience: Option<Id> = ws.conn.query_row("SELECT id FROM audience WHERE id = ?1", [a.audience_id], |r| r.get(0)).optional()?;
                if audience.is_none() {
                    return Err(StoreError::Invalid(format!("There is no audience {} in this workspace.", a.audience_id)));
                }
                for t in &a.types {
                    let known: Option<String> = ws.conn.query_row("SELECT id FROM collateral_type WHERE id = ?1", [t], |r| r.get(0)).optional()?;
                    if known.is_none() {
                        return Err(StoreError::Invalid(format!("There is no collateral type “{t}” in this workspace.")));
                    }
                    ws.conn.execute("INSERT OR IGNORE INTO launch_target (launch_id, audience_id, collateral_type) VALUES (?1, ?2, ?3)", params![id, a.audience_id, t])?;
                }
            }
            ws.record_event("launch.targets-set", &format!("launch:{id}"), &json!({ "audiences": targets.audiences, "targetScore": targets.target_score }), now)?;
            ws.launch_targets(id)
        })
    }

    /// Sets the day a message stops being valid ("" for no end); every pitch quoting it
    /// expires with it.
    pub fn set_message_valid_until(&mut self, message_id: Id, date: &str, today: &str, now: &str) -> Result<String> {
        let date = validate_valid_until(date, today).map_err(StoreError::Invalid)?;
        self.in_transaction(|ws| {
            let n = ws.conn.execute("UPDATE factory_message SET valid_until = ?2 WHERE id = ?1", params![message_id, date])?;
            if n == 0 {
                return Err(not_found("Message", message_id));
            }
            ws.record_event("message.valid-until-set", &format!("message:{message_id}"), &json!({ "validUntil": date }), now)?;
            Ok(date.clone())
        })
    }

    pub fn message_valid_until(&self, message_id: Id) -> Result<String> {
        self.conn
            .query_row("SELECT valid_until FROM factory_message WHERE id = ?1", [message_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| not_found("Message", message_id))
    }

    /// Sets who re-verifies a pitch (a registered reviewer, or none for the reviewer of its last
    /// approval) and its own interval (none for its type's).
    pub fn set_pitch_verification(&mut self, pitch_id: Id, verifier_id: Option<Id>, interval_days: Option<u32>, now: &str) -> Result<()> {
        if let Some(d) = interval_days {
            validate_interval(d).map_err(StoreError::Invalid)?;
        }
        self.in_transaction(|ws| {
            let name = match verifier_id {
                Some(v) => ws
                    .conn
                    .query_row("SELECT name FROM reviewer WHERE id = ?1", [v], |r| r.get::<_, String>(0))
                    .optional()?
                    .ok_or_else(|| StoreError::Invalid(format!("Reviewer {v} is not registered in this workspace; register them from their reviewer card first.")))?,
                None => String::new(),
            };
            let n = ws.conn.execute(
                "UPDATE pitch SET verifier_id = ?2, verifier_name = ?3, verify_interval_days = ?4 WHERE id = ?1",
                params![pitch_id, verifier_id, name, interval_days],
            )?;
            if n == 0 {
                return Err(not_found("Pitch", pitch_id));
            }
            ws.record_event("pitch.verification-set", &format!("pitch:{pitch_id}"), &json!({ "verifier": name, "intervalDays": interval_days }), now)?;
            Ok(())
        })
    }

    /// Who re-verifies a pitch: its verifier when one is set, else the reviewer of its last
    /// approval.
    pub fn pitch_verifier_id(&self, pitch_id: Id) -> Result<Option<Id>> {
        let set: Option<Option<Id>> = self.conn.query_row("SELECT verifier_id FROM pitch WHERE id = ?1", [pitch_id], |r| r.get(0)).optional()?;
        let Some(set) = set else { return Err(not_found("Pitch", pitch_id)) };
        if set.is_some() {
            return Ok(set);
        }
        Ok(self
            .conn
            .query_row(
                "SELECT q.reviewer_id FROM decision d JOIN review_request q ON q.id = d.request_id
                 WHERE d.pitch_id = ?1 AND d.verdict IN ('approve', 'approve-with-edits') ORDER BY d.id DESC LIMIT 1",
                [pitch_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// What changed since a pitch was last approved that its verifier should look at: new
    /// versions of its launch's messages, "valid until" days and the launch's targets, one line
    /// each with its day.
    pub fn changes_since_approval(&self, pitch_id: Id) -> Result<Vec<String>> {
        let approved: Option<String> = self
            .conn
            .query_row("SELECT signed_at FROM decision WHERE pitch_id = ?1 AND verdict IN ('approve', 'approve-with-edits') ORDER BY id DESC LIMIT 1", [pitch_id], |r| r.get(0))
            .optional()?;
        let Some(since) = approved else { return Ok(vec![]) };
        let launch: Id = self.conn.query_row("SELECT launch_id FROM pitch WHERE id = ?1", [pitch_id], |r| r.get(0))?;
        let messages: HashMap<String, String> = self
            .conn
            .prepare_cached("SELECT 'message:' || id, title FROM factory_message WHERE launch_id = ?1")?
            .query_map([launch], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = vec![];
        let mut stmt = self.conn.prepare_cached("SELECT at, action, subject, payload FROM audit_event WHERE at > ?1 ORDER BY seq")?;
        for row in stmt.query_map([&since], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?)))? {
            let (at, action, subject, payload) = row?;
            let day = at.get(..10).unwrap_or(&at).to_string();
            let payload: serde_json::Value = serde_json::from_str(&payload).unwrap_or_default();
            let line = match (action.as_str(), messages.get(&subject)) {
                ("message.versioned", Some(title)) => format!("{day}: “{title}” has a new version{}", payload.get("version").and_then(|v| v.as_i64()).map(|v| format!(" ({v})")).unwrap_or_default()),
                ("message.valid-until-set", Some(title)) => match payload.get("validUntil").and_then(|v| v.as_str()).filter(|v| !v.is_empty()) {
                    Some(until) => format!("{day}: “{title}” is now valid until {until}"),
                    None => format!("{day}: “{title}” no longer has an end date"),
                },
                ("launch.targets-set", _) if subject == format!("launch:{launch}") => format!("{day}: the launch's targets changed"),
                _ => continue,
            };
            out.push(line);
        }
        Ok(out)
    }

    /// The workspace's default re-verification interval, and each collateral type's own.
    pub fn verify_intervals(&self) -> Result<(u32, HashMap<String, u32>)> {
        let default = self.meta(META_INTERVAL)?.and_then(|v| v.parse().ok()).unwrap_or(DEFAULT_VERIFY_INTERVAL_DAYS);
        let mut stmt = self.conn.prepare_cached("SELECT collateral_type, days FROM verify_interval")?;
        let by_type = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok((default, by_type))
    }

    /// Sets the workspace default (`type_id` None) or a collateral type's interval (`days` None
    /// to fall back to the default).
    pub fn set_verify_interval(&mut self, type_id: Option<&str>, days: Option<u32>) -> Result<()> {
        if let Some(d) = days {
            validate_interval(d).map_err(StoreError::Invalid)?;
        }
        match (type_id, days) {
            (None, Some(d)) => self.set_meta(META_INTERVAL, &d.to_string()),
            (None, None) => self.set_meta(META_INTERVAL, &DEFAULT_VERIFY_INTERVAL_DAYS.to_string()),
            (Some(t), Some(d)) => {
                self.writable()?;
                self.get_collateral_type(t)?;
                self.conn.execute("INSERT INTO verify_interval (collateral_type, days) VALUES (?1, ?2) ON CONFLICT(collateral_type) DO UPDATE SET days = excluded.days", params![t, d])?;
                Ok(())
            }
            (Some(t), None) => {
                self.writable()?;
                self.conn.execute("DELETE FROM verify_interval WHERE collateral_type = ?1", [t])?;
                Ok(())
            }
        }
    }

    pub fn readiness_weights(&self) -> Result<ScoreWeights> {
        Ok(self.meta(META_WEIGHTS)?.and_then(|v| serde_json::from_str(&v).ok()).unwrap_or_default())
    }

    pub fn set_readiness_weights(&mut self, w: ScoreWeights) -> Result<()> {
        if w.coverage + w.freshness + w.checks + w.training == 0 {
            return Err(StoreError::Invalid("At least one part of the score needs a weight above 0.".into()));
        }
        if [w.coverage, w.freshness, w.checks, w.training].iter().any(|x| *x > 100) {
            return Err(StoreError::Invalid("Each weight is between 0 and 100.".into()));
        }
        self.set_meta(META_WEIGHTS, &serde_json::to_string(&w).expect("numbers"))
    }

    /// Everything a launch's readiness depends on, as stored. Open error findings are left at 0
    /// for the caller, which runs the checks, to fill in.
    pub fn readiness_facts(&self, launch_id: Id) -> Result<LaunchFacts> {
        let launch = self.get_launch(launch_id)?;
        let targets = self.launch_targets(launch_id)?;
        let types: HashMap<String, (String, Vec<ClaimKind>)> =
            self.list_collateral_types()?.into_iter().map(|t| (t.id.clone(), (t.name.clone(), t.required_claim_kinds.clone()))).collect();
        let audience_names: HashMap<Id, String> = self.conn.prepare_cached("SELECT id, channel || ' × ' || persona FROM audience")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let audiences: Vec<AudienceTarget> = targets
            .audiences
            .iter()
            .map(|a| AudienceTarget {
                audience_id: a.audience_id,
                audience_name: audience_names.get(&a.audience_id).cloned().unwrap_or_default(),
                types: a
                    .types
                    .iter()
                    .map(|t| {
                        let (name, kinds) = types.get(t).cloned().unwrap_or_else(|| (t.clone(), vec![]));
                        TypeNeed { type_id: t.clone(), type_name: name, required_kinds: kinds }
                    })
                    .collect(),
            })
            .collect();

        let claims: Vec<ClaimFact> = self
            .conn
            .prepare_cached(
                "SELECT c.id, c.number, c.kind, c.text FROM claim c JOIN factory_message m ON m.id = c.message_id
                 WHERE m.launch_id = ?1 AND c.removed_in IS NULL ORDER BY m.id, c.number",
            )?
            .query_map([launch_id], |r| {
                let kind: String = r.get(2)?;
                Ok(ClaimFact { id: r.get(0)?, number: r.get(1)?, kind: ClaimKind::parse(&kind).unwrap_or(ClaimKind::Other), text: r.get(3)? })
            })?
            .collect::<rusqlite::Result<_>>()?;

        // Links per pitch (current claims only), stale ones counted, and the messages they quote.
        let mut linked: HashMap<Id, Vec<Id>> = HashMap::new();
        let mut stale: HashMap<Id, u32> = HashMap::new();
        let mut valid_until: HashMap<Id, Vec<String>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.pitch_id, l.claim_id, (c.removed_in IS NOT NULL OR c.fingerprint <> l.claim_fingerprint), m.valid_until
             FROM block_claim_link l JOIN pitch_block b ON b.id = l.block_id JOIN pitch p ON p.id = b.pitch_id
             JOIN claim c ON c.id = l.claim_id JOIN factory_message m ON m.id = c.message_id
             WHERE p.launch_id = ?1",
        )?;
        for row in stmt.query_map([launch_id], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, Id>(1)?, r.get::<_, bool>(2)?, r.get::<_, String>(3)?)))? {
            let (pitch, claim, is_stale, until) = row?;
            let list = linked.entry(pitch).or_default();
            if !list.contains(&claim) {
                list.push(claim);
            }
            if is_stale {
                *stale.entry(pitch).or_default() += 1;
            }
            if !until.is_empty() {
                valid_until.entry(pitch).or_default().push(until);
            }
        }

        let (default_interval, by_type) = self.verify_intervals()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.title, p.audience_id, p.collateral_type, p.status, p.verifier_id, p.verifier_name, p.verify_interval_days,
                    (SELECT substr(d.signed_at, 1, 10) FROM decision d WHERE d.pitch_id = p.id AND d.verdict IN ('approve', 'approve-with-edits') ORDER BY d.id DESC LIMIT 1),
                    (SELECT r.name FROM decision d JOIN review_request q ON q.id = d.request_id JOIN reviewer r ON r.id = q.reviewer_id
                       WHERE d.pitch_id = p.id AND d.verdict IN ('approve', 'approve-with-edits') ORDER BY d.id DESC LIMIT 1),
                    (SELECT name FROM reviewer WHERE id = p.verifier_id)
             FROM pitch p WHERE p.launch_id = ?1 ORDER BY p.id",
        )?;
        let rows = stmt.query_map([launch_id], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Id>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<Id>>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, Option<u32>>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, Option<String>>(10)?,
            ))
        })?;
        let mut approved = self.approved_fingerprints(launch_id)?;
        let mut pitches = vec![];
        for row in rows {
            let (id, title, audience_id, type_id, status, verifier_id, verifier_name, own_interval, approved_on, approver, registered) = row?;
            let status = PitchStatus::parse(&status).unwrap_or(PitchStatus::Draft);
            let interval = own_interval.or_else(|| by_type.get(&type_id).copied()).unwrap_or(default_interval);
            let quoted: Vec<&str> = valid_until.get(&id).map(|v| v.iter().map(String::as_str).collect()).unwrap_or_default();
            let expires = match (status, approved_on.as_deref()) {
                (PitchStatus::Approved, Some(day)) => expires_on(day, interval, &quoted),
                _ => None,
            };
            let (verifier, verifier_gone) = match (verifier_id, registered) {
                (Some(_), Some(name)) => (Some(name), false),
                (Some(_), None) => (Some(verifier_name), true),
                (None, _) => (approver, false),
            };
            pitches.push(PitchFact {
                id,
                title,
                audience_id,
                type_id,
                status,
                linked: linked.remove(&id).unwrap_or_default(),
                stale_links: stale.get(&id).copied().unwrap_or(0),
                open_errors: 0,
                expires_on: expires,
                verifier,
                verifier_gone,
                approved_fingerprint: approved.remove(&id),
            });
        }

        let queue: Vec<QueueFact> = self
            .conn
            .prepare_cached(
                "SELECT r.name, q.pitch_id, substr(q.submitted_at, 1, 10) FROM review_request q JOIN pitch p ON p.id = q.pitch_id
                 JOIN reviewer r ON r.id = q.reviewer_id WHERE p.launch_id = ?1 AND q.closed_at IS NULL ORDER BY q.id",
            )?
            .query_map([launch_id], |r| Ok(QueueFact { reviewer: r.get(0)?, pitch_id: r.get(1)?, submitted_on: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;

        let closed_reviews: Vec<ClosedReviewFact> = self
            .conn
            .prepare_cached(
                "SELECT q.pitch_id, q.submitted_at, q.closed_at, q.outcome FROM review_request q JOIN pitch p ON p.id = q.pitch_id
                 WHERE p.launch_id = ?1 AND q.closed_at IS NOT NULL AND q.outcome IS NOT NULL ORDER BY q.id",
            )?
            .query_map([launch_id], |r| Ok(ClosedReviewFact { pitch_id: r.get(0)?, submitted_at: r.get(1)?, closed_at: r.get(2)?, outcome: r.get(3)? }))?
            .collect::<rusqlite::Result<_>>()?;

        let glossary_digest = self.glossary_digest()?;
        let mut kits = Vec::new();
        for (audience_id, (in_review, approved_basis)) in self.kit_review_facts(launch_id)? {
            if audiences.iter().any(|a| a.audience_id == audience_id) {
                let state_digest = self.kit_state_digest(launch_id, audience_id)?;
                kits.push(KitFact { audience_id, in_review, approved_basis, state_digest, glossary_digest: glossary_digest.clone() });
            }
        }
        kits.sort_by_key(|k| k.audience_id);

        Ok(LaunchFacts {
            launch_id,
            name: launch.name,
            launch_date: launch.launch_date,
            targets: audiences,
            claims,
            pitches,
            queue,
            closed_reviews,
            kits,
            target_score: targets.target_score,
            weights: self.readiness_weights()?,
        })
    }

    /// Keeps a reading of a launch's readiness for its day (a later one the same day replaces it).
    pub fn record_readiness(&self, launch_id: Id, point: &TrendPoint) -> Result<()> {
        self.conn.execute(
            "INSERT INTO readiness_snapshot (launch_id, day, score, gates_passed, gates_total) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (launch_id, day) DO UPDATE SET score = excluded.score, gates_passed = excluded.gates_passed, gates_total = excluded.gates_total",
            params![launch_id, point.day, point.score, point.gates_passed, point.gates_total],
        )?;
        Ok(())
    }

    /// A launch's readings, oldest first.
    pub fn readiness_trend(&self, launch_id: Id) -> Result<Vec<TrendPoint>> {
        Ok(self
            .conn
            .prepare_cached("SELECT day, score, gates_passed, gates_total FROM readiness_snapshot WHERE launch_id = ?1 ORDER BY day")?
            .query_map([launch_id], |r| Ok(TrendPoint { day: r.get(0)?, score: r.get(1)?, gates_passed: r.get(2)?, gates_total: r.get(3)? }))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Launches with targets and no reading for `day` yet: those the workspace reads on opening.
    pub fn launches_unread_on(&self, day: &str) -> Result<Vec<Id>> {
        Ok(self
            .conn
            .prepare_cached(
                // A launch more than 30 days past its date has shipped: its trend is finished.
                "SELECT l.id FROM launch l WHERE EXISTS (SELECT 1 FROM launch_target t WHERE t.launch_id = l.id)
                 AND (l.launch_date = '' OR l.launch_date >= date(?1, '-30 days'))
                 AND NOT EXISTS (SELECT 1 FROM readiness_snapshot s WHERE s.launch_id = l.id AND s.day = ?1) ORDER BY l.id",
            )?
            .query_map([day], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The pitches whose first review request `actor` sent: the ones they write.
    pub fn pitches_first_submitted_by(&self, actor: &str) -> Result<Vec<Id>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT q.pitch_id FROM review_request q
                 WHERE q.id IN (SELECT MIN(id) FROM review_request GROUP BY pitch_id) AND q.submitted_by = ?1 ORDER BY q.pitch_id",
            )?
            .query_map([actor], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The score's weights, the workspace's default interval and each collateral type's own
    /// (`None` to use the default), set together: all of it checked before any is written.
    pub fn set_readiness_settings(&mut self, weights: ScoreWeights, default_days: u32, type_days: &[(String, Option<u32>)], now: &str) -> Result<()> {
        validate_interval(default_days).map_err(StoreError::Invalid)?;
        for (type_id, days) in type_days {
            if let Some(d) = days {
                validate_interval(*d).map_err(|e| StoreError::Invalid(format!("{type_id}: {e}")))?;
            }
        }
        self.in_transaction(|ws| {
            ws.set_readiness_weights(weights)?;
            ws.set_verify_interval(None, Some(default_days))?;
            for (type_id, days) in type_days {
                ws.set_verify_interval(Some(type_id), *days)?;
            }
            let by_type: serde_json::Map<String, serde_json::Value> = type_days.iter().filter_map(|(t, d)| d.map(|d| (t.clone(), json!(d)))).collect();
            ws.record_event("readiness.settings-set", "workspace", &json!({ "weights": weights, "defaultIntervalDays": default_days, "typeIntervalDays": by_type }), now)?;
            Ok(())
        })
    }

    /// A pitch's own verifier and interval, as set (none when it follows the defaults), and its
    /// collateral type.
    pub fn pitch_verification(&self, pitch_id: Id) -> Result<(Option<Id>, Option<u32>, String)> {
        self.conn
            .query_row("SELECT verifier_id, verify_interval_days, collateral_type FROM pitch WHERE id = ?1", [pitch_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?
            .ok_or_else(|| not_found("Pitch", pitch_id))
    }
}
