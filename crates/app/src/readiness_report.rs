//! The readiness report: the page a VP reads. Where a launch stands (verdict, score and its
//! parts), the gates and what blocks them, the trend drawn as a chart, the matrix of required
//! claims × audiences, and what to act on first; written by the export's PDF or DOCX writer.

use std::path::Path;

use pitchbridge_core::doc::Run;
use pitchbridge_core::readiness::{CellState, LaunchReadiness};
use pitchbridge_core::Id;
use pitchbridge_export::{write_pdf, Block, Chart, ChartSeries, Document, Layout, Section};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ApiResult;
use crate::export::{fonts, write_document, ExportFormat, ExportOutcome};
use crate::readiness::ReadinessRequest;
use crate::App;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessReportRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    /// YYYY-MM-DD; today when absent.
    #[serde(default)]
    #[ts(optional)]
    pub at: Option<String>,
    pub format: ExportFormat,
    pub path: String,
}

/// How much of the lists the page holds. The report is laid out with the most detail first and
/// gives detail up ("and N more") until it fits on one page, whatever the launch holds.
#[derive(Clone, Copy)]
struct Detail {
    /// Lines of what blocks each gate.
    blocking: usize,
    /// Pitches listed as expiring or waiting.
    listed: usize,
    /// What each audience needs, under the matrix.
    needs: bool,
}

const DETAIL: [Detail; 6] = [
    Detail { blocking: 2, listed: 6, needs: true },
    Detail { blocking: 1, listed: 4, needs: true },
    Detail { blocking: 1, listed: 2, needs: false },
    Detail { blocking: 1, listed: 1, needs: false },
    Detail { blocking: 0, listed: 2, needs: false },
    Detail { blocking: 0, listed: 1, needs: false },
];

impl App {
    /// The report as the export's document model.
    pub fn readiness_document(&self, launch_id: Id, at: Option<String>) -> ApiResult<Document> {
        let r = self.launch_readiness(ReadinessRequest { launch_id, at: at.clone() })?;
        let day = at.filter(|d| !d.trim().is_empty()).unwrap_or_else(|| self.today());
        let mut brand = self.brand()?;
        if brand.name.is_empty() {
            brand.name = "Pitchbridge".into();
        }
        let document = |detail: Detail| Document {
            title: format!("Readiness: {}", r.name),
            subtitle: subtitle(&r, &day),
            layout: Layout::Plain,
            sections: sections(&r, detail),
            brand: brand.clone(),
            approval: None,
            created: Some(self.clock.now()),
            markings: vec![],
            internal_report: true,
        };
        for detail in &DETAIL[..DETAIL.len() - 1] {
            let doc = document(*detail);
            if write_pdf(fonts(), &doc).is_ok_and(|out| out.pages <= 1) {
                return Ok(doc);
            }
        }
        Ok(document(DETAIL[DETAIL.len() - 1]))
    }

    pub fn export_readiness_report(&self, req: ReadinessReportRequest) -> ApiResult<ExportOutcome> {
        let doc = self.readiness_document(req.launch_id, req.at)?;
        write_document(&doc, req.format, Path::new(req.path.trim()))
    }
}

fn subtitle(r: &LaunchReadiness, day: &str) -> String {
    let launch = match (r.launch_date.is_empty(), r.days_to_launch) {
        (true, _) => "no launch date".to_string(),
        (false, Some(d)) if d > 1 => format!("launches {} ({d} days away)", r.launch_date),
        (false, Some(1)) => format!("launches {} (tomorrow)", r.launch_date),
        (false, Some(0)) => format!("launches {} (today)", r.launch_date),
        (false, _) => format!("launched {}", r.launch_date),
    };
    format!("As of {day} · {launch}")
}

/// Plain words as a block's runs (the readiness report and the rep guide build pages with these).
pub(crate) fn text(t: impl Into<String>) -> Vec<Run> {
    vec![Run::plain(t)]
}

pub(crate) fn bold(t: impl Into<String>) -> Run {
    Run { bold: true, ..Run::plain(t) }
}

/// A titled section of a report-like document (no collateral section behind it).
pub(crate) fn section(title: &str, blocks: Vec<Block>) -> Section {
    Section { id: String::new(), role: Default::default(), title: Some(title.to_string()), blocks }
}

/// The verdict in words, as the readiness screen says it.
pub fn verdict(r: &LaunchReadiness) -> &'static str {
    match (r.ready, r.on_track, r.days_to_launch) {
        (true, _, _) => "Ready",
        (false, true, _) => "Not ready — on track",
        (false, false, Some(d)) if d <= 0 => "Not ready — launch day has come",
        _ => "Not ready — off track",
    }
}

fn state_word(s: CellState) -> &'static str {
    match s {
        CellState::Approved => "Approved",
        CellState::InReview => "In review",
        CellState::NeedsReapproval => "Re-approve",
        CellState::NeedsReverification => "Expired",
        CellState::ChangesRequested => "Changes asked",
        CellState::Draft => "Draft",
        CellState::None => "Not said",
    }
}

fn sections(r: &LaunchReadiness, detail: Detail) -> Vec<Section> {
    let mut out = vec![];
    let passed = r.gates.iter().filter(|g| g.passed).count();
    let mut standing = vec![Block::Paragraph(vec![
        bold(format!("{}. ", verdict(r))),
        Run::plain(format!(
            "Score {} of 100 against a target of {}; {passed} of {} gates pass.",
            r.score,
            r.target_score,
            r.gates.len()
        )),
    ])];
    if !r.has_targets {
        standing.push(Block::Paragraph(text("This launch has no targets yet: set its audiences and the collateral each needs, in the app's readiness screen.")));
    }
    let weights: u32 = r.parts.iter().map(|p| p.weight).sum::<u32>().max(1);
    standing.push(Block::List {
        ordered: false,
        items: r
            .parts
            .iter()
            .map(|p| vec![bold(format!("{}: ", p.name)), Run::plain(format!("{:.0} of {:.0} points — {}", p.points, 100.0 * p.weight as f64 / weights as f64, p.explanation))])
            .collect(),
        levels: vec![],
    });
    let trend = if r.trend.is_empty() {
        vec![Block::Paragraph(text("Trend: no readings yet; one is kept each day the workspace is opened, and on every approval."))]
    } else {
        let gates_pct = |passed: u32, total: u32| if total == 0 { 0.0 } else { 100.0 * passed as f32 / total as f32 };
        vec![Block::Chart(Chart {
            caption: format!("Score and gates passed by day, {} to {}", r.trend[0].day, r.trend[r.trend.len() - 1].day),
            x_labels: r.trend.iter().map(|p| short_day(&p.day)).collect(),
            y_max: 100.0,
            series: vec![
                ChartSeries { label: "Score".into(), values: r.trend.iter().map(|p| p.score as f32).collect(), dashed: false },
                ChartSeries { label: "Gates passed (%)".into(), values: r.trend.iter().map(|p| gates_pct(p.gates_passed, p.gates_total)).collect(), dashed: false },
                ChartSeries { label: format!("Target ({})", r.target_score), values: r.trend.iter().map(|_| r.target_score as f32).collect(), dashed: true },
            ],
        })]
    };
    standing.extend(trend);
    out.push(section("Where it stands", standing));

    let (mut items, mut levels) = (vec![], vec![]);
    for g in r.gates.iter().filter(|g| !g.passed) {
        let n = g.blocking.len();
        if detail.blocking == 0 {
            // Too much for the page: the gate and how much stands in its way.
            items.push(vec![bold("Blocked: "), Run::plain(format!("{} ({n} {} in the way)", g.name, if n == 1 { "thing" } else { "things" }))]);
            levels.push(0);
            continue;
        }
        items.push(vec![bold("Blocked: "), Run::plain(g.name.clone())]);
        levels.push(0);
        for b in g.blocking.iter().take(detail.blocking) {
            items.push(text(b.clone()));
            levels.push(1);
        }
        if n > detail.blocking {
            items.push(text(format!("and {} more", n - detail.blocking)));
            levels.push(1);
        }
    }
    let passing: Vec<&str> = r.gates.iter().filter(|g| g.passed).map(|g| g.name.as_str()).collect();
    if !passing.is_empty() {
        items.push(vec![bold("Passing: "), Run::plain(passing.join("; "))]);
        levels.push(0);
    }
    if !items.is_empty() {
        out.push(section("Gates", vec![Block::List { ordered: false, items, levels }]));
    }

    // The matrix summed up per audience, so the page stays one page: how many of the
    // required claims stand in each state (the claim-by-claim matrix is the app's screen and
    // `pitchbridge status`).
    if r.has_targets && !r.claims.is_empty() {
        const SHOWN: [CellState; 6] =
            [CellState::Approved, CellState::InReview, CellState::NeedsReapproval, CellState::NeedsReverification, CellState::Draft, CellState::None];
        let needs = r
            .audiences
            .iter()
            .map(|a| format!("{} — {}", a.audience_name, a.types.iter().map(|t| t.type_name.to_lowercase()).collect::<Vec<_>>().join(", ")))
            .collect::<Vec<_>>()
            .join("; ");
        let header: Vec<Vec<Run>> = std::iter::once(text("Audience")).chain(SHOWN.iter().map(|s| text(state_word(*s)))).collect();
        let rows = r
            .audiences
            .iter()
            .map(|a| {
                let count = |s: CellState| {
                    r.matrix.iter().filter(|m| m.audience_id == a.audience_id && (m.state == s || (s == CellState::Draft && m.state == CellState::ChangesRequested))).count()
                };
                std::iter::once(vec![bold(a.audience_name.clone())]).chain(SHOWN.iter().map(|s| text(count(*s).to_string()))).collect()
            })
            .collect();
        out.push(section(
            &format!("Required claims × audiences ({} claims)", r.claims.len()),
            [Block::Table { header, rows }].into_iter().chain(detail.needs.then(|| Block::Paragraph(text(format!("Needed: {needs}."))))).collect(),
        ));
    }

    // Expiring first (soonest first), then the review queue, as far as the page allows.
    let mut listed: Vec<Vec<Run>> = r
        .expiring
        .iter()
        .map(|e| {
            let when = if e.days_left <= 0 { format!("expired {}", e.expires_on) } else { format!("expires {} ({} days)", e.expires_on, e.days_left) };
            vec![bold(e.title.clone()), Run::plain(format!(" — {when}{}", e.verifier.as_ref().map(|v| format!(", verifier {v}")).unwrap_or_default()))]
        })
        .chain(r.review_queue.iter().map(|q| vec![bold(q.title.clone()), Run::plain(format!(" — waiting {} days for {}", q.waiting_days, q.reviewer))]))
        .collect();
    let mut act = vec![];
    if listed.is_empty() {
        act.push(Block::Paragraph(text("Nothing expires in the next two weeks and no pitch is waiting for a decision.")));
    } else {
        let more = listed.len().saturating_sub(detail.listed);
        listed.truncate(detail.listed);
        if more > 0 {
            listed.push(text(format!("and {more} more, on the readiness screen")));
        }
        act.push(Block::List { ordered: false, items: listed, levels: vec![] });
    }
    out.push(section("Expiring and waiting", act));

    out
}

/// "2026-12-05" as "5 Dec".
fn short_day(day: &str) -> String {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = day.get(5..7).and_then(|m| m.parse::<usize>().ok()).filter(|m| (1..=12).contains(m));
    let d = day.get(8..10).and_then(|d| d.parse::<u32>().ok());
    match (month, d) {
        (Some(m), Some(d)) => format!("{d} {}", MONTHS[m - 1]),
        _ => day.to_string(),
    }
}
