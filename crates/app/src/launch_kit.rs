//! The launch kit: one zip with what a launch × audience's field team needs, the positioning
//! brief, every approved pitch as PDF, the rep guide and its answer key, the training packages,
//! and a manifest listing each file with the pitch versions and fingerprints it was made from.
//! Only approved, unexpired content goes in; what is missing is said before the kit is made.

use std::io::{Cursor, Write};
use std::path::Path;

use pitchbridge_core::Id;
use pitchbridge_export::{write_file, write_pdf, Block, Document, Layout, Section};
use pitchbridge_training::anki::{write_apkg, Deck};
use pitchbridge_training::gift::write_gift;
use pitchbridge_training::scorm::{write_scorm, Course};
use pitchbridge_training::ItemKind;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::export::fonts;
use crate::training::{epoch_seconds, KitSource, TrainingKitRequest};
use crate::training_guide::{answer_key, rep_guide};
use crate::App;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaunchKitRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
    pub path: String,
}

/// What a launch kit holds, or would hold, and what it lacks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaunchKitPlan {
    pub launch_name: String,
    pub audience_name: String,
    /// The approved, unexpired pitches that go in.
    pub pitches: Vec<String>,
    /// What the field will not get, one line each: a required collateral type with no approved
    /// pitch, a pitch left out and why.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaunchKitOutcome {
    pub path: String,
    pub bytes: u64,
    /// The files in the zip, in order.
    pub files: Vec<String>,
    pub plan: LaunchKitPlan,
}

/// "ERP add-ons cost IT more — battle card" → "erp-add-ons-cost-it-more-battle-card".
fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { "pitch".to_string() } else { out.chars().take(60).collect::<String>().trim_end_matches('-').to_string() }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

impl App {
    /// What a launch kit for the audience would hold and lack, before it is made.
    pub fn launch_kit_plan(&self, launch_id: Id, audience_id: Id) -> ApiResult<LaunchKitPlan> {
        let src = self.kit_source(TrainingKitRequest { launch_id, audience_id })?;
        self.plan_of(&src, launch_id, audience_id)
    }

    fn plan_of(&self, src: &KitSource, launch_id: Id, audience_id: Id) -> ApiResult<LaunchKitPlan> {
        let ws = self.ws()?;
        let targets = ws.launch_targets(launch_id)?;
        let mut missing = Vec::new();
        for t in targets.audiences.iter().filter(|t| t.audience_id == audience_id) {
            for type_id in &t.types {
                if !src.input.pitches.iter().any(|p| &p.collateral_type == type_id) {
                    let name = ws.get_collateral_type(type_id).map(|c| c.name).unwrap_or_else(|_| type_id.clone());
                    missing.push(format!("No approved, current {} for {}.", name.to_lowercase(), src.kit.audience_name));
                }
            }
        }
        missing.extend(src.kit.left_out.iter().cloned());
        use crate::training_review::KitStatus;
        match src.kit.review.status {
            KitStatus::Approved => {}
            KitStatus::Draft => missing.push("The training kit has not been approved yet: it goes to a reviewer from the Training screen.".into()),
            KitStatus::InReview => missing.push("The training kit is in review and not approved yet.".into()),
            KitStatus::ChangesRequested => missing.push("The training kit's reviewer asked for changes; it is not approved.".into()),
            KitStatus::ChangedSinceApproval => missing.push("The training kit changed since it was approved; it needs approving again.".into()),
        }
        Ok(LaunchKitPlan {
            launch_name: src.kit.launch_name.clone(),
            audience_name: src.kit.audience_name.clone(),
            pitches: src.kit.pitches.iter().map(|p| p.title.clone()).collect(),
            missing,
        })
    }

    /// Makes the launch kit: a zip of the positioning brief, the approved pitches as PDF, the rep
    /// guide and answer key, the SCORM package, the Anki deck, the GIFT quiz and `manifest.json`.
    /// Refused when no approved pitch can go in. Each pitch in it is recorded as exported.
    pub fn export_launch_kit(&mut self, req: LaunchKitRequest) -> ApiResult<LaunchKitOutcome> {
        let path = req.path.trim().to_string();
        if path.is_empty() {
            return Err(ApiError::invalid("Choose where to save the launch kit."));
        }
        self.refuse_overwriting_workspace(Path::new(&path))?;
        let src = self.kit_source(TrainingKitRequest { launch_id: req.launch_id, audience_id: req.audience_id })?;
        let plan = self.plan_of(&src, req.launch_id, req.audience_id)?;
        if src.input.pitches.is_empty() {
            return Err(ApiError::invalid(format!("Nothing approved to put in a launch kit for {}: {}", plan.audience_name, plan.missing.join(" "))));
        }
        let now = self.clock.now();
        let io = |e: String| ApiError::new(ErrorCode::Io, e);
        let pdf = |doc: &Document| write_pdf(fonts(), doc).map(|o| o.bytes).map_err(|e| io(e.to_string()));
        let mut brand = self.brand()?;
        if brand.name.is_empty() {
            brand.name = src.product.clone();
        }
        let kit = &src.kit;
        let title = format!("{} — {}", kit.launch_name, kit.audience_name);
        let all_pitches: Vec<serde_json::Value> = src
            .input
            .pitches
            .iter()
            .map(|p| serde_json::json!({ "id": p.id, "title": p.title, "type": p.collateral_type, "fingerprint": p.fingerprint }))
            .collect();

        // (name, bytes, what it is, the pitches it was made from)
        let mut files: Vec<(String, Vec<u8>, &str, Vec<serde_json::Value>)> = Vec::new();
        files.push(("positioning-brief.pdf".into(), pdf(&positioning_brief(&src, brand.clone(), &now))?, "positioning brief", all_pitches.clone()));
        for (p, fact) in src.input.pitches.iter().zip(&kit.pitches) {
            let doc = self.pitch_document(p.id)?;
            let one = serde_json::json!({ "id": p.id, "title": p.title, "type": p.collateral_type, "fingerprint": p.fingerprint,
                                          "version": doc.approval.as_ref().map(|a| a.version.clone()), "approved_by": doc.approval.as_ref().map(|a| a.by.clone()),
                                          "expires_on": fact.expires_on });
            // Titles can share their first sixty characters: a number keeps the names apart.
            let base = format!("pitches/{}", slug(&p.title));
            let name = (1..).map(|n| if n == 1 { format!("{base}.pdf") } else { format!("{base}-{n}.pdf") }).find(|n| !files.iter().any(|f| &f.0 == n)).unwrap_or_default();
            files.push((name, pdf(&doc)?, "approved pitch", vec![one]));
        }
        files.push(("rep-guide.pdf".into(), pdf(&rep_guide(&src, brand.clone(), &now))?, "rep guide", all_pitches.clone()));
        files.push(("rep-guide-answer-key.pdf".into(), pdf(&answer_key(&src, brand, &now))?, "answer key", all_pitches.clone()));
        let quiz = kit.items.iter().any(|i| matches!(i.kind, ItemKind::MultipleChoice { .. } | ItemKind::Cloze { .. }));
        if quiz {
            let c = self.certification_of(&src, req.launch_id, req.audience_id)?;
            let course = Course { title: &title, pass_mark: c.pass_mark, attempts: c.attempts, valid_until: c.pass_valid_until.as_deref() };
            let scorm = write_scorm(&course, &kit.items).map_err(|e| io(e.to_string()))?;
            files.push(("training/scorm-1.2.zip".into(), scorm, "SCORM 1.2 package", all_pitches.clone()));
            let gift = write_gift(&["Pitchbridge", &kit.launch_name, &kit.audience_name], &kit.items).into_bytes();
            files.push(("training/quiz.gift".into(), gift, "Moodle GIFT quiz", all_pitches.clone()));
        }
        if kit.items.iter().any(|i| matches!(i.kind, ItemKind::Flashcard { .. } | ItemKind::Cloze { .. })) {
            let deck = Deck { name: &title, launch: &kit.launch_name, audience: &kit.audience_name, created: epoch_seconds(&now) };
            let apkg = write_apkg(&deck, &kit.items).map_err(|e| io(e.to_string()))?;
            files.push(("training/flashcards.apkg".into(), apkg, "Anki deck", all_pitches.clone()));
        }

        let certification = self.certification_of(&src, req.launch_id, req.audience_id)?;
        // The training kit's approval, when it holds: who signed it, over which fingerprint.
        let approval = match kit.review.status {
            crate::training_review::KitStatus::Approved => kit.review.reviews.iter().find(|r| r.outcome.as_deref() == Some("approved")),
            _ => None,
        };
        let manifest = serde_json::json!({
            "training_kit": { "fingerprint": kit.review.fingerprint, "approved": approval.is_some(),
                              "approved_by": approval.map(|a| a.signer.clone()), "approved_at": approval.and_then(|a| a.closed_at.clone()),
                              "signer_key": approval.map(|a| a.signer_key.clone()), "signature": approval.map(|a| a.signature.clone()) },
            "certification": { "pass_mark": certification.pass_mark, "attempts": certification.attempts,
                               "validity_days": certification.validity_days, "pass_valid_until": certification.pass_valid_until },
            "launch": kit.launch_name,
            "audience": kit.audience_name,
            "created": now,
            "missing": plan.missing,
            "files": files.iter().map(|(name, bytes, what, from)| serde_json::json!({
                "path": name, "kind": what, "bytes": bytes.len(), "sha256": sha256_hex(bytes), "made_from": from,
            })).collect::<Vec<_>>(),
        });
        let manifest = serde_json::to_vec_pretty(&manifest).map_err(|e| io(e.to_string()))?;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated).last_modified_time(zip::DateTime::default());
        let mut names = Vec::new();
        for (name, bytes) in files.iter().map(|(n, b, _, _)| (n.as_str(), b.as_slice())).chain([("manifest.json", manifest.as_slice())]) {
            zip.start_file(name, options).map_err(|e| io(e.to_string()))?;
            zip.write_all(bytes).map_err(|e| io(e.to_string()))?;
            names.push(name.to_string());
        }
        let bytes = zip.finish().map_err(|e| io(e.to_string()))?.into_inner();
        write_file(Path::new(&path), &bytes)?;

        let file = Path::new(&path).file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let ws = self.ws_mut()?;
        for p in &src.input.pitches {
            let payload = serde_json::json!({ "format": "launch-kit", "file": file, "fingerprint": p.fingerprint, "bytes": bytes.len() });
            ws.record_event("pitch.exported", &format!("pitch:{}", p.id), &payload, &now)?;
        }
        Ok(LaunchKitOutcome { path, bytes: bytes.len() as u64, files: names, plan })
    }
}

/// One page: the positioning, and the first claims as this audience hears them.
fn positioning_brief(src: &KitSource, brand: pitchbridge_export::Brand, created: &str) -> Document {
    let guide = rep_guide(src, brand, created);
    // The guide's first two sections (positioning, what to say), what to say cut to its first five.
    let mut sections: Vec<Section> = guide.sections.into_iter().take(2).collect();
    if let Some(Block::Table { rows, .. }) = sections.get_mut(1).and_then(|s| s.blocks.first_mut()) {
        rows.truncate(5);
    }
    Document {
        title: format!("Positioning brief: {}", src.kit.launch_name),
        subtitle: format!("For {}", src.kit.audience_name),
        layout: Layout::Plain,
        sections,
        ..guide
    }
}

/// Whether a launch kit made earlier still holds: each pitch it was made from, as it is now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LaunchKitCheck {
    pub launch: String,
    pub audience: String,
    /// When the kit was made.
    pub created: String,
    /// Every pitch it was made from still approved, unchanged and unexpired.
    pub current: bool,
    /// One line for each pitch that no longer holds, with why.
    pub problems: Vec<String>,
    /// The kit's files made from those pitches, to replace.
    pub stale_files: Vec<String>,
}

impl App {
    /// Reads a launch kit's manifest and compares what each file was made from with the
    /// workspace now: a pitch changed, no longer approved, expired or gone makes its files
    /// stale.
    pub fn check_launch_kit(&self, path: &Path) -> ApiResult<LaunchKitCheck> {
        let not_a_kit = |why: String| ApiError::invalid(format!("{} is not a launch kit Pitchbridge can read: {why}", path.display()));
        let file = std::fs::File::open(path).map_err(|e| not_a_kit(e.to_string()))?;
        let mut zip = zip::ZipArchive::new(file).map_err(|e| not_a_kit(e.to_string()))?;
        let manifest: serde_json::Value = {
            let entry = zip.by_name("manifest.json").map_err(|_| not_a_kit("it has no manifest.json".into()))?;
            // A manifest is a few kilobytes; a huge one is not ours.
            let mut limited = std::io::Read::take(entry, 16 * 1024 * 1024);
            let mut text = String::new();
            std::io::Read::read_to_string(&mut limited, &mut text).map_err(|e| not_a_kit(e.to_string()))?;
            serde_json::from_str(&text).map_err(|e| not_a_kit(format!("its manifest is not JSON ({e})")))?
        };
        let files = manifest["files"].as_array().ok_or_else(|| not_a_kit("its manifest lists no files".into()))?;
        let ws = self.ws()?;
        let today = self.today();
        // A kit holds a few dozen files made from at most a few hundred pitches.
        if files.len() > 10_000 {
            return Err(not_a_kit(format!("its manifest lists {} files", files.len())));
        }
        let mut problems: Vec<(Id, String)> = Vec::new();
        let mut checked: std::collections::HashSet<Id> = std::collections::HashSet::new();
        for f in files {
            for p in f["made_from"].as_array().into_iter().flatten() {
                let (Some(id), Some(made)) = (p["id"].as_i64(), p["fingerprint"].as_str()) else { continue };
                if !checked.insert(id) {
                    continue;
                }
                if checked.len() > 10_000 {
                    return Err(not_a_kit("its manifest names more pitches than a launch has".into()));
                }
                let title = p["title"].as_str().unwrap_or_default();
                let Ok(detail) = ws.pitch_detail(id) else {
                    problems.push((id, format!("“{title}” is no longer in this workspace.")));
                    continue;
                };
                let now_fp = ws.pitch_content_fingerprint(id)?;
                let fact = ws.readiness_facts(detail.summary.pitch.launch_id)?.pitches.into_iter().find(|x| x.id == id);
                let status = detail.summary.pitch.status;
                if now_fp != made {
                    problems.push((id, format!("“{title}” has changed since the kit was made.")));
                } else if status != pitchbridge_core::PitchStatus::Approved {
                    problems.push((id, format!("“{title}” is no longer approved ({}).", status.as_str())));
                } else if let Some(day) = fact.and_then(|x| x.expires_on).filter(|d| d.as_str() <= today.as_str()) {
                    problems.push((id, format!("“{title}”: its approval expired on {day}.")));
                }
            }
        }
        let stale: std::collections::HashSet<Id> = problems.iter().map(|(id, _)| *id).collect();
        let stale_files = files
            .iter()
            .filter(|f| f["made_from"].as_array().into_iter().flatten().any(|p| p["id"].as_i64().is_some_and(|id| stale.contains(&id))))
            .filter_map(|f| f["path"].as_str().map(str::to_string))
            .collect();
        Ok(LaunchKitCheck {
            launch: manifest["launch"].as_str().unwrap_or_default().to_string(),
            audience: manifest["audience"].as_str().unwrap_or_default().to_string(),
            created: manifest["created"].as_str().unwrap_or_default().to_string(),
            current: problems.is_empty(),
            problems: problems.into_iter().map(|(_, p)| p).collect(),
            stale_files,
        })
    }
}
