//! `pitchbridge status`: where each launch stands on a day, for a launch team to run nightly
//! like a test. Exits 0 when every gate of every launch shown passes, 1 when one fails, 2 on
//! bad input (no such workspace, launch or date).

use std::path::Path;
use std::process::ExitCode;

use pitchbridge_app::readiness::ReadinessRequest;
use pitchbridge_core::readiness::{state_counts, LaunchReadiness};
use serde_json::json;

use crate::terminal::{complain, say};

const BAD_INPUT: u8 = 2;

fn bad(message: &str) -> ExitCode {
    complain!("pitchbridge status: {message}");
    ExitCode::from(BAD_INPUT)
}

pub fn run(workspace: &Path, launch: Option<i64>, at: Option<&str>, json_out: bool) -> ExitCode {
    let app = match crate::open(workspace) {
        Ok(a) => a,
        Err(e) => return bad(&e.message),
    };
    let ids: Vec<i64> = match launch {
        Some(id) => vec![id],
        None => match app.list_launches() {
            Ok(l) => l.into_iter().map(|l| l.launch.id).collect(),
            Err(e) => return bad(&e.message),
        },
    };
    let mut all = vec![];
    for id in ids {
        match app.launch_readiness(ReadinessRequest { launch_id: id, at: at.map(str::to_string) }) {
            Ok(r) => all.push(r),
            Err(e) => return bad(&e.message),
        }
    }
    let day = at.map(str::to_string).unwrap_or_else(|| app.today());
    if json_out {
        say!("{}", serde_json::to_string_pretty(&as_json(&all, &day)).expect("plain values"));
    } else {
        if all.is_empty() {
            say!("No launches in this workspace.");
        }
        for r in &all {
            say!("{}", as_text(r, &day));
        }
    }
    if all.iter().all(|r| r.ready) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The JSON the command prints: one object per launch, in snake_case.
fn as_json(all: &[LaunchReadiness], day: &str) -> serde_json::Value {
    json!({
        "evaluated_on": day,
        "launches": all.iter().map(|r| json!({
            "id": r.launch_id,
            "name": r.name,
            "launch_date": r.launch_date,
            "days_to_launch": r.days_to_launch,
            "score": r.score,
            "target_score": r.target_score,
            "ready": r.ready,
            "on_track": r.on_track,
            "score_parts": r.parts.iter().map(|p| json!({ "name": p.name, "weight": p.weight, "value": p.value, "points": p.points })).collect::<Vec<_>>(),
            "gates": r.gates.iter().map(|g| json!({ "name": g.name, "passed": g.passed, "blocking": g.blocking })).collect::<Vec<_>>(),
            "matrix": r.matrix.iter().map(|c| json!({ "claim_id": c.claim_id, "claim_number": c.claim_number, "audience_id": c.audience_id, "state": c.state.as_str() })).collect::<Vec<_>>(),
            "expiring": r.expiring.iter().map(|e| json!({ "pitch_id": e.pitch_id, "expires_on": e.expires_on, "days_left": e.days_left })).collect::<Vec<_>>(),
            "review_queue": r.review_queue.iter().map(|q| json!({ "reviewer": q.reviewer, "pitch_id": q.pitch_id, "waiting_days": q.waiting_days })).collect::<Vec<_>>(),
            "review_flow": {
                "decided": r.review_flow.decided,
                "p50_hours": r.review_flow.p50_hours,
                "p90_hours": r.review_flow.p90_hours,
                "rounds": r.review_flow.rounds.iter().map(|x| json!({ "pitch_id": x.pitch_id, "changes_requested": x.changes_requested })).collect::<Vec<_>>(),
            },
            "most_urgent": r.most_urgent,
        })).collect::<Vec<_>>(),
    })
}

fn as_text(r: &LaunchReadiness, day: &str) -> String {
    let mut out = vec![];
    let when = match r.days_to_launch {
        Some(0) => format!("launches today ({})", r.launch_date),
        Some(d) if d > 0 => format!("launches {} (in {d} {})", r.launch_date, if d == 1 { "day" } else { "days" }),
        Some(d) => format!("launched {} ({} {} ago)", r.launch_date, -d, if d == -1 { "day" } else { "days" }),
        None => "no launch date".to_string(),
    };
    let verdict = if r.ready { "ready" } else if r.on_track { "not ready, on track" } else { "not ready" };
    out.push(format!("{} [{}] — {when}, on {day}: {verdict}; score {} (target {})", r.name, r.launch_id, r.score, r.target_score));
    for g in &r.gates {
        out.push(format!("  {} {}", if g.passed { "PASS" } else { "FAIL" }, g.name));
        for b in &g.blocking {
            out.push(format!("       {b}"));
        }
    }
    let parts: Vec<String> = r.parts.iter().map(|p| format!("{} {:.0}/{}", p.name.to_lowercase(), p.points, weight_points(r, p.weight))).collect();
    out.push(format!("  Score parts: {}", parts.join(", ")));
    if r.has_targets {
        let counts: Vec<String> = state_counts(r).into_iter().map(|(s, n)| format!("{s} {n}")).collect();
        out.push(format!("  Matrix: {} claims × {} audiences — {}", r.claims.len(), r.audiences.len(), counts.join(", ")));
    }
    for e in &r.expiring {
        let when = if e.days_left <= 0 { format!("expired {}", e.expires_on) } else { format!("expires {} (in {} days)", e.expires_on, e.days_left) };
        out.push(format!("  Expiring: “{}” [{}] {when}{}", e.title, e.pitch_id, e.verifier.as_deref().map(|v| format!(", verifier {v}")).unwrap_or_default()));
    }
    for q in &r.review_queue {
        out.push(format!("  Waiting for {}: “{}” [{}], {} {}", q.reviewer, q.title, q.pitch_id, q.waiting_days, if q.waiting_days == 1 { "day" } else { "days" }));
    }
    let flow = &r.review_flow;
    if let (Some(p50), Some(p90)) = (flow.p50_hours, flow.p90_hours) {
        out.push(format!("  Review: {} {} decided; submit to decision p50 {}, p90 {}", flow.decided, if flow.decided == 1 { "pitch" } else { "pitches" }, hours(p50), hours(p90)));
    }
    for x in &flow.rounds {
        out.push(format!("  Sent back: “{}” [{}], {} {}", x.title, x.pitch_id, x.changes_requested, if x.changes_requested == 1 { "time" } else { "times" }));
    }
    out.join("\n")
}

/// "3.5 h", or "2.0 days" past a day.
fn hours(h: f64) -> String {
    if h < 24.0 { format!("{h:.1} h") } else { format!("{:.1} days", h / 24.0) }
}

/// A part's weight as points of 100.
fn weight_points(r: &LaunchReadiness, weight: u32) -> String {
    let total: u32 = r.parts.iter().map(|p| p.weight).sum();
    format!("{:.0}", 100.0 * f64::from(weight) / f64::from(total.max(1)))
}
