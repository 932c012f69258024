//! Training kits: the drills made from a launch's approved, unexpired pitches for one audience,
//! and the formats learning systems read (Moodle's GIFT so far).

use std::path::Path;

use pitchbridge_core::links::LinkState;
use pitchbridge_core::{Id, PitchStatus};
use pitchbridge_export::write_file;
use pitchbridge_training::anki::{write_apkg, Deck};
use pitchbridge_training::scorm::{write_scorm, Course};
use pitchbridge_training::edit::{check_edit, item_fingerprint};
use pitchbridge_training::{gift::write_gift, make_items, ItemKind, GlossaryPair, KitClaim, KitInput, KitItem, KitPitch};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::export::{write_document, ExportFormat, ExportOutcome};
use crate::training_guide::{answer_key, rep_guide};
use crate::App;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingKitRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
}

/// The drills for a launch × audience, what they were made from, and what was left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingKit {
    pub launch_name: String,
    pub audience_name: String,
    pub items: Vec<KitItem>,
    /// The approved, unexpired pitches the items come from.
    pub pitches: Vec<KitSourcePitch>,
    /// The audience's pitches that could not be used, one line each with the reason.
    pub left_out: Vec<String>,
    /// Items the writer removed from the kit (they can be put back).
    pub removed: Vec<KitItem>,
    /// Keys of the items the writer reworded…
    pub edited: Vec<String>,
    /// …and of those whose approved source changed since, so the rewording needs a look.
    pub outdated_edits: Vec<String>,
    /// The kit's review: its state, who has it, what changed since it was approved.
    pub review: crate::training_review::KitReviewState,
}

/// A kit with what it was made from: the rep guide needs the pitches' own words too.
pub(crate) struct KitSource {
    pub kit: TrainingKit,
    pub input: KitInput,
    pub positioning: pitchbridge_core::readiness::Positioning,
    pub product: String,
}

/// An item reworded by the writer, or put back as made (`item` None).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EditTrainingItemRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
    pub key: String,
    pub item: Option<ItemKind>,
}

/// One of a kit's items, by its key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingItemRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
    pub key: String,
}

/// The items once the writer's changes are applied.
struct Arranged {
    items: Vec<KitItem>,
    removed: Vec<KitItem>,
    edited: Vec<String>,
    outdated_edits: Vec<String>,
}

/// The writer's changes applied to the items as made: reworded ones in their new words,
/// removed ones set apart, moved ones in their place among their kind (the others after them,
/// as made).
fn arrange(made: Vec<KitItem>, states: &[pitchbridge_store::ItemState]) -> Arranged {
    let state = |key: &str| states.iter().find(|s| s.key == key);
    let (mut edited, mut outdated_edits) = (Vec::new(), Vec::new());
    let made: Vec<KitItem> = made
        .into_iter()
        .map(|mut item| {
            let edit = state(&item.key).and_then(|s| Some((s.edit.as_deref()?, s.made_fingerprint.as_str())));
            // An edit that no longer reads as this kind of item (never written so) is ignored.
            if let Some((kind, made_fp)) = edit.and_then(|(json, fp)| Some((serde_json::from_str::<ItemKind>(json).ok()?, fp))) {
                if std::mem::discriminant(&kind) == std::mem::discriminant(&item.kind) {
                    if item_fingerprint(&item.kind) != made_fp {
                        outdated_edits.push(item.key.clone());
                    }
                    edited.push(item.key.clone());
                    item.kind = kind;
                }
            }
            item
        })
        .collect();
    let (removed, mut items): (Vec<KitItem>, Vec<KitItem>) = made.into_iter().partition(|i| state(&i.key).is_some_and(|s| s.removed));
    // Items come grouped by kind; order within each group.
    let kinds: Vec<&'static str> = {
        let mut k: Vec<&'static str> = Vec::new();
        for i in &items {
            if !k.contains(&i.kind_name()) {
                k.push(i.kind_name());
            }
        }
        k
    };
    let index: std::collections::HashMap<String, usize> = items.iter().enumerate().map(|(n, i)| (i.key.clone(), n)).collect();
    items.sort_by_key(|i| {
        let kind = kinds.iter().position(|k| *k == i.kind_name()).unwrap_or(0);
        let place = state(&i.key).and_then(|s| s.position).map_or(i64::MAX, |p| p);
        (kind, place, index[&i.key])
    });
    Arranged { items, removed, edited, outdated_edits }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KitSourcePitch {
    #[ts(type = "number")]
    pub pitch_id: Id,
    pub title: String,
    pub type_name: String,
    pub expires_on: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum KitFormat {
    /// Moodle's GIFT quiz format.
    Gift,
    /// An Anki deck of the flashcards and proof-point gaps.
    Apkg,
    /// A SCORM 1.2 package: the quiz, scored and reported to the learning system.
    Scorm,
    /// The rep guide as PDF, with its answer key beside it.
    Pdf,
    /// The rep guide as Word, with its answer key beside it.
    Docx,
}

/// How a kit certifies a rep: the score that passes its quiz, the attempts allowed (0 for no
/// limit) and how long a pass holds, which is never beyond the approvals the kit is made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Certification {
    pub pass_mark: u32,
    pub attempts: u32,
    pub validity_days: u32,
    /// The day a pass made today lapses.
    pub pass_valid_until: Option<String>,
    /// Set when an approval's expiry comes before the validity: the pitch that caps it.
    pub capped_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CertificationRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
    pub pass_mark: u32,
    pub attempts: u32,
    pub validity_days: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TrainingExportRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
    pub format: KitFormat,
    pub path: String,
}

impl App {
    /// The drills made from the launch's pitches for the audience that are approved and not
    /// expired today; the others are named with the reason they were left out.
    pub fn training_kit(&self, req: TrainingKitRequest) -> ApiResult<TrainingKit> {
        Ok(self.kit_source(req)?.kit)
    }

    /// What a kit is made from, and the kit.
    pub(crate) fn kit_source(&self, req: TrainingKitRequest) -> ApiResult<KitSource> {
        let ws = self.ws()?;
        let today = self.today();
        let launch = ws.launch_detail(req.launch_id)?;
        let audience = ws.get_audience(req.audience_id)?;
        let audience_name = format!("{} × {}", audience.channel, audience.persona);
        let facts = ws.readiness_facts(req.launch_id)?;
        let mut input = KitInput { launch: launch.launch.name.clone(), audience: audience_name.clone(), ..Default::default() };
        let (mut pitches, mut left_out) = (Vec::new(), Vec::new());
        let mut claims_loaded = false;
        for fact in facts.pitches.iter().filter(|p| p.audience_id == req.audience_id) {
            let expired = fact.expires_on.as_deref().is_some_and(|d| d <= today.as_str());
            match (fact.status, expired) {
                (PitchStatus::Approved, false) => {}
                (PitchStatus::Approved, true) => {
                    left_out.push(format!("“{}”: its approval expired on {}; it needs re-verifying.", fact.title, fact.expires_on.as_deref().unwrap_or_default()));
                    continue;
                }
                (status, _) => {
                    left_out.push(format!("“{}”: not approved ({}).", fact.title, status.as_str()));
                    continue;
                }
            }
            let view = ws.pitch_editor(fact.id)?;
            if !claims_loaded {
                input.claims = view
                    .messages
                    .iter()
                    .flat_map(|m| &m.claims)
                    .map(|c| KitClaim { id: c.id, number: c.number as u32, kind: c.kind, text: c.text.clone(), fingerprint: c.fingerprint.clone() })
                    .collect();
                input.glossary = view
                    .glossary
                    .iter()
                    // Only a term with other words to say it in.
                    .filter(|g| !g.customer_phrasing.trim().is_empty() && !g.customer_phrasing.trim().eq_ignore_ascii_case(g.term.trim()))
                    .map(|g| GlossaryPair { term: g.term.clone(), customer_phrasing: g.customer_phrasing.clone() })
                    .collect();
                claims_loaded = true;
            }
            let ct = &view.collateral_type;
            input.pitches.push(KitPitch {
                id: fact.id,
                title: fact.title.clone(),
                collateral_type: ct.id.clone(),
                type_name: ct.name.clone(),
                fingerprint: ws.pitch_content_fingerprint(fact.id)?,
                sections: ct.sections.iter().map(|s| (s.id.clone(), s.name.clone(), s.role)).collect(),
                // Only links that still hold: a claim that changed is not drilled in its old words.
                links: view.links.links.iter().filter(|l| l.state == LinkState::Current).map(|l| (l.block_key.clone(), l.claim_id)).collect(),
                blocks: view.blocks,
            });
            pitches.push(KitSourcePitch { pitch_id: fact.id, title: fact.title.clone(), type_name: ct.name.clone(), expires_on: fact.expires_on.clone() });
        }
        let made = if input.pitches.is_empty() { Vec::new() } else { make_items(&input) };
        let Arranged { items, removed, edited, outdated_edits } = arrange(made, &ws.training_item_states(req.launch_id, req.audience_id)?);
        let positioning = ws.launch_targets(req.launch_id)?.positioning;
        let product = launch.launch.product.clone();
        let kit = TrainingKit { launch_name: launch.launch.name, audience_name, items, pitches, left_out, removed, edited, outdated_edits, review: Default::default() };
        let mut src = KitSource { kit, input, positioning, product };
        src.kit.review = self.kit_review_state(&src, req.launch_id, req.audience_id)?;
        Ok(src)
    }

    /// Removes an item from the kit (it is made no more until put back), or puts it back.
    pub fn remove_training_item(&mut self, req: TrainingItemRequest, removed: bool) -> ApiResult<TrainingKit> {
        let now = self.clock.now();
        self.ws_mut()?.set_training_item_removed(req.launch_id, req.audience_id, &req.key, removed, &now)?;
        self.training_kit(TrainingKitRequest { launch_id: req.launch_id, audience_id: req.audience_id })
    }

    /// Rewords an item (`item` the same kind, with the writer's words) or, with `None`, puts it
    /// back as made. The new words are checked to be a complete item of that kind.
    pub fn edit_training_item(&mut self, req: EditTrainingItemRequest) -> ApiResult<TrainingKit> {
        let kit_req = TrainingKitRequest { launch_id: req.launch_id, audience_id: req.audience_id };
        // The item as made, before any of the writer's changes.
        let src = self.kit_source(kit_req.clone())?;
        let made = if src.input.pitches.is_empty() { Vec::new() } else { make_items(&src.input) };
        let Some(made) = made.into_iter().find(|i| i.key == req.key) else {
            return Err(ApiError::invalid("That item is not in the kit any more: its pitch may need re-approval."));
        };
        let edit = match req.item {
            Some(kind) => {
                let kind = check_edit(&made.kind, kind).map_err(ApiError::invalid)?;
                // Words the same as made are no edit.
                (kind != made.kind).then(|| serde_json::to_string(&kind).expect("an item serialises"))
            }
            None => None,
        };
        let now = self.clock.now();
        self.ws_mut()?.set_training_item_edit(req.launch_id, req.audience_id, &req.key, edit.as_deref(), &item_fingerprint(&made.kind), &now)?;
        self.training_kit(kit_req)
    }

    /// Moves an item one place up (`by` −1) or down (+1) among the items of its kind.
    pub fn move_training_item(&mut self, req: TrainingItemRequest, by: i32) -> ApiResult<TrainingKit> {
        let kit = self.training_kit(TrainingKitRequest { launch_id: req.launch_id, audience_id: req.audience_id })?;
        let Some(item) = kit.items.iter().find(|i| i.key == req.key) else {
            return Err(ApiError::invalid("That item is not in the kit any more; it may have been removed."));
        };
        let mut keys: Vec<String> = kit.items.iter().filter(|i| i.kind_name() == item.kind_name()).map(|i| i.key.clone()).collect();
        let at = keys.iter().position(|k| *k == req.key).unwrap_or(0);
        let to = (at as i64 + by as i64).clamp(0, keys.len() as i64 - 1) as usize;
        keys.swap(at, to);
        self.ws_mut()?.set_training_item_order(req.launch_id, req.audience_id, &keys)?;
        self.training_kit(TrainingKitRequest { launch_id: req.launch_id, audience_id: req.audience_id })
    }

    /// The certification settings of a launch's kit for an audience, with the day a pass made
    /// today would lapse.
    pub fn certification(&self, launch_id: Id, audience_id: Id) -> ApiResult<Certification> {
        let src = self.kit_source(TrainingKitRequest { launch_id, audience_id })?;
        self.certification_of(&src, launch_id, audience_id)
    }

    pub(crate) fn certification_of(&self, src: &KitSource, launch_id: Id, audience_id: Id) -> ApiResult<Certification> {
        use pitchbridge_core::readiness::{date_of, day_number};
        let (pass_mark, attempts, validity_days) = self.ws()?.certification_settings(launch_id, audience_id)?;
        let today = self.today();
        let by_validity = day_number(&today).map(|d| date_of(d + validity_days as i64));
        // The earliest approval to lapse among the pitches the kit is made from.
        let earliest = src.kit.pitches.iter().filter_map(|p| p.expires_on.as_ref().map(|e| (e.clone(), p.title.clone()))).min();
        let (pass_valid_until, capped_by) = match (by_validity, earliest) {
            (Some(v), Some((e, title))) if e < v => (Some(e), Some(title)),
            (v, _) => (v, None),
        };
        Ok(Certification { pass_mark, attempts, validity_days, pass_valid_until, capped_by })
    }

    pub fn set_certification(&mut self, req: CertificationRequest) -> ApiResult<Certification> {
        let now = self.clock.now();
        self.ws_mut()?.set_certification_settings(req.launch_id, req.audience_id, req.pass_mark, req.attempts, req.validity_days, &now)?;
        self.certification(req.launch_id, req.audience_id)
    }

    /// Writes the kit in a learning system's format, or as the rep guide (with its answer key
    /// beside it, "…-answer-key.pdf"). Refused, with what is missing, when no approved pitch
    /// gives it anything to drill. Returns each file written.
    pub fn export_training_kit(&self, req: TrainingExportRequest) -> ApiResult<Vec<ExportOutcome>> {
        let path = req.path.trim();
        if path.is_empty() {
            return Err(ApiError::invalid("Choose where to save the training kit."));
        }
        self.refuse_overwriting_workspace(Path::new(path))?;
        let src = self.kit_source(TrainingKitRequest { launch_id: req.launch_id, audience_id: req.audience_id })?;
        let kit = &src.kit;
        if kit.items.is_empty() {
            let why = if kit.left_out.is_empty() { "it has no pitches for this audience".to_string() } else { kit.left_out.join(" ") };
            return Err(ApiError::invalid(format!("Nothing approved to train {} on for {}: {why}", kit.audience_name, kit.launch_name)));
        }
        let title = format!("{} — {}", kit.launch_name, kit.audience_name);
        let io = |e: String| ApiError::new(ErrorCode::Io, e);
        // A quiz with no questions would pass everyone; a deck with no cards is empty.
        let has = |f: fn(&ItemKind) -> bool| kit.items.iter().any(|i| f(&i.kind));
        let quiz = has(|k| matches!(k, ItemKind::MultipleChoice { .. } | ItemKind::Cloze { .. }));
        let cards = has(|k| matches!(k, ItemKind::Flashcard { .. } | ItemKind::Cloze { .. }));
        match req.format {
            KitFormat::Scorm | KitFormat::Gift if !quiz => {
                return Err(ApiError::invalid("This kit has no quiz questions (no multiple choice and no proof points left in it), so there is no quiz to score."))
            }
            KitFormat::Apkg if !cards => return Err(ApiError::invalid("This kit has no flashcards or proof points left in it, so there is no deck to make.")),
            _ => {}
        }
        let bytes = match req.format {
            KitFormat::Gift => write_gift(&["Pitchbridge", &kit.launch_name, &kit.audience_name], &kit.items).into_bytes(),
            KitFormat::Apkg => {
                let deck = Deck { name: &title, launch: &kit.launch_name, audience: &kit.audience_name, created: epoch_seconds(&self.clock.now()) };
                write_apkg(&deck, &kit.items).map_err(|e| io(e.to_string()))?
            }
            KitFormat::Scorm => {
                let c = self.certification_of(&src, req.launch_id, req.audience_id)?;
                let course = Course { title: &title, pass_mark: c.pass_mark, attempts: c.attempts, valid_until: c.pass_valid_until.as_deref() };
                write_scorm(&course, &kit.items).map_err(|e| io(e.to_string()))?
            }
            KitFormat::Pdf | KitFormat::Docx => {
                let (format, ext) = if req.format == KitFormat::Pdf { (ExportFormat::Pdf, "pdf") } else { (ExportFormat::Docx, "docx") };
                let now = self.clock.now();
                let mut brand = self.brand()?;
                if brand.name.is_empty() {
                    brand.name = "Pitchbridge".into();
                }
                let guide = rep_guide(&src, brand.clone(), &now);
                let key = answer_key(&src, brand, &now);
                let p = Path::new(path);
                let stem = p.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| "rep-guide".into());
                let key_path = p.with_file_name(format!("{stem}-answer-key.{ext}"));
                self.refuse_overwriting_workspace(&key_path)?;
                return Ok(vec![write_document(&guide, format, p)?, write_document(&key, format, &key_path)?]);
            }
        };
        write_file(Path::new(path), &bytes)?;
        Ok(vec![ExportOutcome { path: path.to_string(), bytes: bytes.len() as u64, warnings: Vec::new() }])
    }
}

/// "2027-01-15T10:00:00Z" as seconds since 1970 (0 when it cannot be read).
pub(crate) fn epoch_seconds(timestamp: &str) -> i64 {
    let day = pitchbridge_core::readiness::day_number(timestamp).unwrap_or(0);
    let field = |range: std::ops::Range<usize>| timestamp.get(range).and_then(|t| t.parse::<i64>().ok()).unwrap_or(0);
    day * 86_400 + field(11..13) * 3_600 + field(14..16) * 60 + field(17..19)
}
