//! Measuring results: importing the roster, the learning system's completions, attestations
//! and CRM deal exports, and a launch's results — certified against uncertified reps, raw and
//! adjusted, per rep against what their territory would have given anyone.

use std::collections::HashMap;
use std::path::Path;

use pitchbridge_core::Id;
use pitchbridge_results::completions::{CompletionColumns, CompletionStatus};
use pitchbridge_results::day::{DateOrder, Day};
use pitchbridge_results::deals::{Customer, DealMapping, Outcome};
use pitchbridge_results::roster::RosterColumns;
use pitchbridge_results::table::{sniff, RowProblem, TableFormat, TableReader, TextEncoding};
use pitchbridge_results::feedback::{loss_feedback, Answer, LossFeedback, Topic};
use pitchbridge_results::{analyse, DealInput, RepInput, Results};
use pitchbridge_store::{CertificationRow, DealImportCounts, DealOutcome, DealRow, PersonRow, ResultsScope};
use pitchbridge_training::text::stable_hash;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::App;

/// Rows that cannot be read are listed up to this many; the count says how many there were.
const PROBLEMS_LISTED: usize = 100;

/// How a file was read and what came of it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FileReading {
    pub encoding: TextEncoding,
    pub separator: String,
    pub rows: u64,
    /// What was detected or guessed, in words.
    pub notes: Vec<String>,
    /// Rows not imported, with why (the first hundred).
    pub problems: Vec<RowProblem>,
    pub problem_count: u64,
}

impl FileReading {
    fn new(format: &TableFormat) -> FileReading {
        FileReading { encoding: format.encoding, separator: format.delimiter_name().into(), rows: 0, notes: format.notes.clone(), problems: Vec::new(), problem_count: 0 }
    }

    fn problem(&mut self, p: RowProblem) {
        self.problem_count += 1;
        if self.problems.len() < PROBLEMS_LISTED {
            self.problems.push(p);
        }
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PeopleImport {
    pub reading: FileReading,
    pub added: u64,
    pub updated: u64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TrainingImport {
    pub reading: FileReading,
    /// Results kept (a result already kept is not counted again).
    pub recorded: u64,
    pub not_started: u64,
    /// Learners not on the roster, with how many rows each.
    pub unknown_people: Vec<(String, u64)>,
    /// Courses that are none of the workspace's kits, with how many rows each.
    pub unknown_courses: Vec<(String, u64)>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DealPreview {
    pub header: Vec<String>,
    pub first_rows: Vec<Vec<String>>,
    /// The mapping as it would be applied (every column found), to show and edit.
    pub mapping: DealMapping,
    /// The same as TOML, to save and edit as a file.
    pub mapping_toml: String,
    pub notes: Vec<String>,
    /// Sources whose mappings the workspace remembers, with their deals.
    pub known_sources: Vec<(String, u64)>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct DealImport {
    pub source: String,
    pub reading: FileReading,
    pub counts: DealImportCounts,
    pub open: u64,
}

/// Where a deal import's mapping comes from.
#[derive(Debug, Clone)]
pub enum MappingChoice {
    /// "salesforce", "hubspot", or a source whose mapping the workspace remembers.
    Named(String),
    /// A mapping file's text.
    Toml(String),
    /// A mapping as edited on screen: the columns it names are used, the rest found by name.
    /// With no columns, a source imported before is read as it was last time.
    Mapping(DealMapping),
}

/// The deals behind a figure on the results screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum DealGroup {
    All,
    Certified,
    NotCertified,
    Won,
    Lost,
}

/// One deal in a drill-down.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ResultDeal {
    pub source: String,
    pub deal_id: String,
    pub owner: String,
    /// The rep's name, when the owner is on the roster.
    pub rep: Option<String>,
    pub account: String,
    pub won: bool,
    pub close_date: String,
    pub amount: Option<f64>,
    pub currency: String,
    pub region: String,
    pub customer: String,
    pub certified: bool,
    pub loss_reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ResultDeals {
    pub deals: Vec<ResultDeal>,
    /// How many deals are in the group (more than listed when over the limit).
    pub total: u64,
}

/// Who may see per-rep figures: the workspace's owner, once one is named.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ResultsAccess {
    pub owner: Option<String>,
    /// The person using the app, by their profile's email.
    pub me: Option<String>,
    pub may_see_reps: bool,
}


/// Reps by their state on one kit today.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KitTraining {
    /// The kit's audience; 0 for certifications attested for the launch as a whole.
    pub audience_id: Id,
    pub kit: String,
    pub states: Vec<(TrainingState, u64)>,
}

/// How far a deals import has read: bytes of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ImportProgress {
    pub done: u64,
    pub total: u64,
}

/// A kit's state for a rep on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TrainingState {
    NotStarted,
    InProgress,
    Passed,
    Failed,
    Expired,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct LaunchResults {
    pub launch_id: Id,
    pub launch_name: String,
    pub product_line: String,
    pub since: String,
    /// The currency amounts are compared in (the one most won deals are in).
    pub currency: String,
    /// Won deals left out of amounts because they are in another currency.
    pub other_currency_deals: u64,
    #[serde(flatten)]
    pub results: Results,
    /// Whether `reps` was asked for; without it, per-rep figures are left out.
    pub per_rep: bool,
    /// Deal owners not on the roster (nor mapped), with their closed deals: map them to count them.
    pub unknown_owners: Vec<(String, u64)>,
    /// Reps by their state on the launch's training today (their best state on any kit).
    pub training: Vec<(TrainingState, u64)>,
    /// The same for each kit with any result.
    pub training_by_kit: Vec<KitTraining>,
    /// Loss reasons of lost deals, with the claims and objections each is about and whether an
    /// approved objection-handling pitch answers it; unanswered first.
    pub loss_reasons: Vec<LossFeedback>,
    /// Product lines the deals carry, when the launch's has none: to set the right one.
    pub product_lines: Vec<(String, u64)>,
}

fn file_error(e: impl ToString) -> ApiError {
    ApiError::new(ErrorCode::ImportFailed, e.to_string())
}

fn open_table(path: &Path, encoding: Option<TextEncoding>) -> ApiResult<TableFormat> {
    if !path.exists() {
        return Err(ApiError::new(ErrorCode::FileNotFound, format!("There is no file at {}.", path.display())));
    }
    sniff(path, encoding).map_err(file_error)
}

/// Every kit's course names as learning systems show them: the SCORM package's title
/// ("Launch — Audience") and identifier.
fn course_names(app: &App) -> ApiResult<HashMap<String, (Id, Id)>> {
    let ws = app.ws()?;
    let audiences = ws.list_audiences()?;
    let mut names = HashMap::new();
    for l in ws.list_launches()? {
        for a in &audiences {
            let title = format!("{} — {} × {}", l.launch.name, a.channel, a.persona);
            names.insert(format!("pitchbridge-{:016x}", stable_hash(&title)), (l.launch.id, a.id));
            names.insert(course_key(&title), (l.launch.id, a.id));
        }
        names.entry(course_key(&l.launch.name)).or_insert((l.launch.id, 0));
    }
    Ok(names)
}

/// Owners as CRMs write them, lower-cased, to the rep's place in `people`: an email, an alias
/// mapped by hand, or a rep's full name (when no two reps share it).
fn owner_index(people: &[PersonRow], aliases: &[(String, Id)], by_id: &HashMap<Id, u32>) -> HashMap<String, u32> {
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut name_count: HashMap<String, u32> = HashMap::new();
    for p in people {
        *name_count.entry(p.name.to_lowercase()).or_default() += 1;
    }
    for (i, p) in people.iter().enumerate() {
        index.insert(p.email.to_lowercase(), i as u32);
        if !p.name.is_empty() && name_count[&p.name.to_lowercase()] == 1 {
            index.entry(p.name.to_lowercase()).or_insert(i as u32);
        }
    }
    for (alias, id) in aliases {
        if let Some(&i) = by_id.get(id) {
            index.insert(alias.to_lowercase(), i);
        }
    }
    index
}

/// Counted names, the most counted first (then by name).
fn most_first(m: HashMap<String, u64>) -> Vec<(String, u64)> {
    let mut v: Vec<_> = m.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

fn course_key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(|c| c.to_lowercase()).collect()
}

impl App {
    /// Adds the reps of a roster CSV, or updates those already on it (by email).
    pub fn import_people(&mut self, path: &Path, encoding: Option<TextEncoding>) -> ApiResult<PeopleImport> {
        let format = open_table(path, encoding)?;
        let columns = RosterColumns::find(&format).map_err(file_error)?;
        let mut reading = FileReading::new(&format);
        let mut rows = TableReader::open(path, &format).map_err(file_error)?;
        rows.next_row();
        let mut people: HashMap<String, PersonRow> = HashMap::new();
        while let Some(row) = rows.next_row() {
            reading.rows += 1;
            match row.and_then(|r| columns.read(&r).map_err(|reason| RowProblem { line: r.line, reason })) {
                Ok(p) => {
                    people.insert(p.email.clone(), PersonRow { id: 0, email: p.email, name: p.name, partner: p.partner, region: p.region, role: p.role, manager: p.manager });
                }
                Err(p) => reading.problem(p),
            }
        }
        let mut people: Vec<PersonRow> = people.into_values().collect();
        people.sort_by(|a, b| a.email.cmp(&b.email));
        let now = self.clock.now();
        let (added, updated) = self.ws_mut()?.upsert_people(&people, &now)?;
        Ok(PeopleImport { reading, added, updated })
    }

    /// Keeps a learning system's completion export: each learner's result on each kit's course.
    pub fn import_training(&mut self, path: &Path, encoding: Option<TextEncoding>, order: Option<DateOrder>) -> ApiResult<TrainingImport> {
        let format = open_table(path, encoding)?;
        let columns = CompletionColumns::find(&format, order).map_err(file_error)?;
        let mut reading = FileReading::new(&format);
        reading.notes.extend(columns.notes.iter().cloned());
        let people: HashMap<String, Id> = self.ws()?.people()?.into_iter().map(|p| (p.email.to_lowercase(), p.id)).collect();
        let courses = course_names(self)?;
        let mut rows = TableReader::open(path, &format).map_err(file_error)?;
        rows.next_row();
        let (mut kept, mut not_started) = (Vec::new(), 0);
        let (mut unknown_people, mut unknown_courses): (HashMap<String, u64>, HashMap<String, u64>) = (HashMap::new(), HashMap::new());
        while let Some(row) = rows.next_row() {
            reading.rows += 1;
            let c = match row.and_then(|r| columns.read(&r).map_err(|reason| RowProblem { line: r.line, reason })) {
                Ok(c) => c,
                Err(p) => {
                    reading.problem(p);
                    continue;
                }
            };
            let Some(&person_id) = people.get(&c.email) else {
                *unknown_people.entry(c.email).or_default() += 1;
                continue;
            };
            let Some(&(launch_id, audience_id)) = courses.get(&c.course.to_lowercase()).or_else(|| courses.get(&course_key(&c.course))) else {
                *unknown_courses.entry(c.course).or_default() += 1;
                continue;
            };
            let status = match c.status {
                CompletionStatus::NotStarted => {
                    not_started += 1;
                    continue;
                }
                CompletionStatus::InProgress => "in-progress",
                CompletionStatus::Passed => "passed",
                CompletionStatus::Failed => "failed",
            };
            kept.push(CertificationRow {
                person_id,
                launch_id,
                audience_id,
                status: status.into(),
                day: c.day.map(|d| d.to_string()).unwrap_or_default(),
                score: c.score,
                source: "lms".into(),
                attested_by: String::new(),
            });
        }
        let now = self.clock.now();
        let recorded = self.ws_mut()?.record_certifications(&kept, &now)?;
        Ok(TrainingImport { reading, recorded, not_started, unknown_people: most_first(unknown_people), unknown_courses: most_first(unknown_courses) })
    }

    /// Records by hand that a rep was certified on a launch (a kit, or the launch as a whole)
    /// on a day, attested by someone; audited with who attested.
    pub fn certify(&mut self, email: &str, launch_id: Id, audience_id: Option<Id>, day: &str, attested_by: &str) -> ApiResult<bool> {
        let d = Day::parse_iso(day).ok_or_else(|| ApiError::invalid(format!("\"{day}\" is not a date: write it as YYYY-MM-DD.")))?;
        if d.to_string() > self.today() {
            return Err(ApiError::invalid(format!("{day} is in the future: a certification is attested once it is earned.")));
        }
        let ws = self.ws()?;
        ws.get_launch(launch_id)?;
        if let Some(a) = audience_id {
            ws.get_audience(a)?;
        }
        let person = ws
            .people()?
            .into_iter()
            .find(|p| p.email.eq_ignore_ascii_case(email.trim()))
            .ok_or_else(|| ApiError::invalid(format!("No rep on the roster has the email {email}: import the roster first, or check the address.")))?;
        let by = if attested_by.trim().is_empty() { self.ws()?.actor().to_string() } else { attested_by.trim().to_string() };
        let row = CertificationRow { person_id: person.id, launch_id, audience_id: audience_id.unwrap_or(0), status: "passed".into(), day: d.to_string(), score: None, source: "attested".into(), attested_by: by };
        let now = self.clock.now();
        Ok(self.ws_mut()?.record_certifications(&[row], &now)? == 1)
    }

    /// The mapping a choice stands for: a preset, a remembered source, a file's or the screen's.
    pub fn deal_mapping(&self, choice: &MappingChoice) -> ApiResult<DealMapping> {
        match choice {
            MappingChoice::Mapping(m) if m.columns.is_empty() => {
                // The source's own mapping, with what was chosen here on top of it.
                let mut base = self.deal_mapping(&MappingChoice::Named(m.source.clone())).unwrap_or_else(|_| m.clone());
                base.date_order = m.date_order.or(base.date_order);
                base.decimal = m.decimal.or(base.decimal);
                base.encoding = m.encoding.or(base.encoding);
                base.currency = m.currency.clone().or(base.currency);
                if !m.won_stages.is_empty() {
                    base.won_stages = m.won_stages.clone();
                }
                if !m.lost_stages.is_empty() {
                    base.lost_stages = m.lost_stages.clone();
                }
                Ok(base)
            }
            MappingChoice::Mapping(m) => {
                if m.source.trim().is_empty() {
                    return Err(ApiError::invalid("Name the source the deals come from (such as \"salesforce-emea\"): deals of one source are matched by their ids."));
                }
                Ok(m.clone())
            }
            MappingChoice::Toml(text) => DealMapping::from_toml(text).map_err(ApiError::invalid),
            MappingChoice::Named(name) => {
                if let Some(json) = self.ws()?.deal_source_mapping(name)? {
                    return serde_json::from_str(&json).map_err(|e| ApiError::new(ErrorCode::Internal, format!("The mapping kept for {name} cannot be read: {e}")));
                }
                DealMapping::preset(name).ok_or_else(|| ApiError::invalid(format!("\"{name}\" is neither salesforce, hubspot nor a source imported before: give a mapping file.")))
            }
        }
    }

    /// What an import would read: the first rows, and the mapping with the columns it found.
    pub fn preview_deals(&self, path: &Path, choice: &MappingChoice) -> ApiResult<DealPreview> {
        let mapping = self.deal_mapping(choice)?;
        let format = open_table(path, mapping.encoding)?;
        let columns = mapping.resolve(&format).map_err(ApiError::invalid)?;
        let mut notes = format.notes.clone();
        notes.extend(columns.notes.iter().cloned());
        Ok(DealPreview {
            header: format.header.clone(),
            first_rows: format.sample.iter().take(10).cloned().collect(),
            mapping_toml: columns.mapping.to_toml(),
            mapping: columns.mapping,
            notes,
            known_sources: self.ws()?.deal_sources()?,
        })
    }

    /// Imports a CRM export: deals new to the source are added, those already kept updated
    /// where they changed. `progress` is told bytes read and the file's size as it goes.
    pub fn import_deals(&mut self, path: &Path, choice: &MappingChoice, progress: &mut dyn FnMut(u64, u64)) -> ApiResult<DealImport> {
        let mapping = self.deal_mapping(choice)?;
        let format = open_table(path, mapping.encoding)?;
        let columns = mapping.resolve(&format).map_err(ApiError::invalid)?;
        let mut reading = FileReading::new(&format);
        reading.notes.extend(columns.notes.iter().cloned());
        let mapping_json = serde_json::to_string(&columns.mapping).map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
        let mut rows = TableReader::open(path, &format).map_err(file_error)?;
        rows.next_row();
        let total = format.file_bytes;
        let mut open = 0u64;
        let mut next_report = 0u64;
        let mut problems = Vec::new();
        let mut count = 0u64;
        let deals = std::iter::from_fn(|| loop {
            let row = rows.next_row()?;
            count += 1;
            let at = rows.bytes_read();
            if at >= next_report {
                progress(at, total);
                next_report = at + total / 100 + 1;
            }
            match row.and_then(|r| columns.read(&r).map_err(|reason| RowProblem { line: r.line, reason })) {
                Ok(d) => {
                    if d.outcome == Outcome::Open {
                        open += 1;
                    }
                    return Some(DealRow {
                        deal_id: d.deal_id,
                        owner: d.owner,
                        account: d.account,
                        outcome: match d.outcome {
                            Outcome::Won => DealOutcome::Won,
                            Outcome::Lost => DealOutcome::Lost,
                            Outcome::Open => DealOutcome::Open,
                        },
                        close_day: d.close_day.map(|d| d.0),
                        amount: d.amount,
                        currency: d.currency,
                        region: d.region,
                        customer: match d.customer {
                            Customer::New => 1,
                            Customer::Existing => 2,
                            Customer::Unknown => 0,
                        },
                        product_line: d.product_line,
                        pitch: d.pitch,
                        loss_reason: d.loss_reason,
                    });
                }
                Err(p) => problems.push(p),
            }
        });
        let now = self.clock.now();
        let source = columns.mapping.source.clone();
        let counts = self.ws_mut()?.import_deals(&source, &mapping_json, deals, &now)?;
        progress(total, total);
        reading.rows = count;
        reading.problem_count = problems.len() as u64;
        problems.truncate(PROBLEMS_LISTED);
        reading.problems = problems;
        Ok(DealImport { source, reading, counts, open })
    }

    /// Who owns the workspace, and whether the person using the app may see per-rep figures:
    /// the owner may; with no owner named yet, whoever opens it may (a workspace of one).
    pub fn results_access(&self) -> ApiResult<ResultsAccess> {
        let owner = self.ws()?.meta(pitchbridge_store::OWNER_KEY)?.filter(|o| !o.is_empty());
        let me = self.load_profile()?.map(|p| p.email);
        let may_see_reps = match (&owner, &me) {
            (None, _) => true,
            (Some(o), Some(m)) => o.eq_ignore_ascii_case(m),
            (Some(_), None) => false,
        };
        Ok(ResultsAccess { owner, me, may_see_reps })
    }

    /// Names the owner: the person using the app takes an unowned workspace, or the owner
    /// hands it to someone else (by email). Audited.
    pub fn set_workspace_owner(&mut self, email: Option<&str>) -> ApiResult<ResultsAccess> {
        let access = self.results_access()?;
        let me = access.me.clone().ok_or_else(|| ApiError::invalid("Set up your profile (name and email) first: the owner is named by email."))?;
        if access.owner.is_some() && !access.may_see_reps {
            return Err(ApiError::refused(format!("Only the owner ({}) can hand the workspace over.", access.owner.unwrap_or_default())));
        }
        let to = email.map(str::trim).filter(|e| !e.is_empty()).unwrap_or(&me).to_string();
        if !pitchbridge_results::columns::looks_like_email(&to) {
            return Err(ApiError::invalid(format!("\"{to}\" is not an email address.")));
        }
        let now = self.clock.now();
        self.ws_mut()?.set_workspace_owner(&to, &now)?;
        self.results_access()
    }

    /// The deals behind a figure, most recent first (at most `limit`).
    pub fn results_deals(&self, launch_id: Id, group: DealGroup, limit: usize) -> ApiResult<ResultDeals> {
        let ws = self.ws()?;
        let scope = ws.results_scope(launch_id)?;
        let people = ws.people()?;
        let by_id: HashMap<Id, u32> = people.iter().enumerate().map(|(i, p)| (p.id, i as u32)).collect();
        let today = Day::parse_iso(&self.today()).unwrap_or(Day(0));
        let (reps, _, _) = self.certification_spans(launch_id, &people, &by_id, today)?;
        let owner_index = owner_index(&people, &ws.person_aliases()?, &by_id);
        let since = Day::parse_iso(&scope.launch_date).map(|d| d.0).unwrap_or(i32::MIN);
        let (mut deals, mut total) = (Vec::new(), 0u64);
        ws.for_each_closed_deal_row(&scope.product_line, since, |d| {
            let rep = owner_index.get(&d.owner.to_lowercase()).map(|&i| i as usize);
            let day = Day::parse_iso(&d.close_date).unwrap_or(Day(0));
            let certified = rep.is_some_and(|i| reps[i].certified_on(day));
            let keep = match group {
                DealGroup::All => true,
                DealGroup::Certified => certified && rep.is_some(),
                DealGroup::NotCertified => !certified && rep.is_some(),
                DealGroup::Won => d.won,
                DealGroup::Lost => !d.won,
            };
            if keep {
                total += 1;
                if deals.len() < limit {
                    deals.push(ResultDeal {
                        source: d.source,
                        deal_id: d.deal_id,
                        rep: rep.map(|i| people[i].name.clone()).filter(|n| !n.is_empty()),
                        owner: d.owner,
                        account: d.account,
                        won: d.won,
                        close_date: d.close_date,
                        amount: d.amount,
                        currency: d.currency,
                        region: d.region,
                        customer: d.customer,
                        certified,
                        loss_reason: d.loss_reason,
                    });
                }
            }
        })?;
        Ok(ResultDeals { deals, total })
    }

    pub fn people(&self) -> ApiResult<Vec<PersonRow>> {
        Ok(self.ws()?.people()?)
    }

    pub fn results_scope(&self, launch_id: Id) -> ApiResult<ResultsScope> {
        Ok(self.ws()?.results_scope(launch_id)?)
    }

    pub fn set_launch_product_line(&mut self, launch_id: Id, product_line: &str) -> ApiResult<()> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.set_launch_product_line(launch_id, product_line, &now)?)
    }

    /// When the product became available in a region (`None` forgets the region).
    pub fn set_launch_availability(&mut self, launch_id: Id, region: &str, from: Option<&str>) -> ApiResult<()> {
        if let Some(day) = from {
            if Day::parse_iso(day).is_none() {
                return Err(ApiError::invalid(format!("\"{day}\" is not a date: write it as YYYY-MM-DD.")));
            }
        }
        let now = self.clock.now();
        Ok(self.ws_mut()?.set_launch_availability(launch_id, region, from, &now)?)
    }

    /// Says the deals of an owner name are a rep's.
    pub fn map_deal_owner(&mut self, owner: &str, email: &str) -> ApiResult<()> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.map_person_alias(owner, email, &now)?)
    }

    /// A launch's results. Per-rep figures only when asked for (`per_rep`).
    pub fn launch_results(&self, launch_id: Id, per_rep: bool) -> ApiResult<LaunchResults> {
        if per_rep {
            let access = self.results_access()?;
            if !access.may_see_reps {
                return Err(ApiError::refused(format!(
                    "Per-rep figures are for the workspace's owner ({}) only.",
                    access.owner.unwrap_or_default()
                )));
            }
        }
        let ws = self.ws()?;
        let scope = ws.results_scope(launch_id)?;
        let people = ws.people()?;
        let by_id: HashMap<Id, u32> = people.iter().enumerate().map(|(i, p)| (p.id, i as u32)).collect();
        let owner_index = owner_index(&people, &ws.person_aliases()?, &by_id);
        let today = Day::parse_iso(&self.today()).unwrap_or(Day(0));
        let (reps, training, training_by_kit) = self.certification_spans(launch_id, &people, &by_id, today)?;
        let availability: HashMap<String, Day> = scope.availability.iter().filter_map(|(r, d)| Some((r.to_lowercase(), Day::parse_iso(d)?))).collect();
        // Owners, regions and loss reasons come as ids of the workspace's deal terms: each is
        // resolved once here, not once per deal.
        let terms = ws.deal_terms()?;
        let owner_of: HashMap<Id, Option<u32>> = terms.owners.iter().map(|(id, text)| (*id, owner_index.get(&text.to_lowercase()).copied())).collect();
        let mut region_by_name: HashMap<String, u32> = HashMap::new();
        let mut region_from: Vec<Option<Day>> = Vec::new();
        let region_of: HashMap<Id, u32> = terms
            .regions
            .iter()
            .map(|(id, text)| {
                let key = text.to_lowercase();
                let n = region_from.len() as u32;
                let r = *region_by_name.entry(key.clone()).or_insert_with(|| {
                    region_from.push(availability.get(&key).copied());
                    n
                });
                (*id, r)
            })
            .collect();
        // Deals with no region share one of their own.
        let no_region = region_from.len() as u32;
        region_from.push(None);
        let mut currency_ids: HashMap<String, u32> = HashMap::new();
        let mut currency_names: Vec<String> = Vec::new();
        let mut won_by_currency: Vec<u64> = Vec::new();
        let mut losses: HashMap<Id, u64> = HashMap::new();
        let mut unknown: HashMap<Id, u64> = HashMap::new();
        let mut deals: Vec<DealInput> = Vec::new();
        let mut amounts: Vec<(Option<f64>, u32)> = Vec::new();
        let since = Day::parse_iso(&scope.launch_date).map(|d| d.0).unwrap_or(i32::MIN);
        ws.for_each_closed_deal(&scope.product_line, since, |d| {
            let day = Day(d.close_day);
            let rep = owner_of.get(&d.owner).copied().flatten();
            if rep.is_none() {
                *unknown.entry(d.owner).or_default() += 1;
            }
            let region = d.region.and_then(|r| region_of.get(&r).copied()).unwrap_or(no_region);
            let available = if availability.is_empty() { None } else { Some(region_from[region as usize].map(|f| day >= f).unwrap_or(true)) };
            if let (false, Some(l)) = (d.won, d.loss_reason) {
                *losses.entry(l).or_default() += 1;
            }
            let currency = match currency_ids.get(d.currency) {
                Some(&c) => c,
                None => {
                    let upper = d.currency.to_uppercase();
                    let c = match currency_names.iter().position(|n| *n == upper) {
                        Some(i) => i as u32,
                        None => {
                            currency_names.push(upper);
                            won_by_currency.push(0);
                            (currency_names.len() - 1) as u32
                        }
                    };
                    currency_ids.insert(d.currency.to_string(), c);
                    c
                }
            };
            if d.won && d.amount.is_some() {
                won_by_currency[currency as usize] += 1;
            }
            let customer = match d.customer {
                1 => Customer::New,
                2 => Customer::Existing,
                _ => Customer::Unknown,
            };
            deals.push(DealInput { rep, won: d.won, day, amount: None, region, customer, available });
            amounts.push((d.amount, currency));
        })?;
        let term_text = |list: &[(Id, String)], counts: HashMap<Id, u64>| -> HashMap<String, u64> {
            let names: HashMap<Id, &String> = list.iter().map(|(id, t)| (*id, t)).collect();
            counts.into_iter().filter_map(|(id, n)| Some((names.get(&id)?.to_string(), n))).collect()
        };
        let unknown = term_text(&terms.owners, unknown);
        let losses = term_text(&terms.loss_reasons, losses);
        let currencies: HashMap<String, u64> = currency_names.iter().cloned().zip(won_by_currency.iter().copied()).collect();
        let currency_ids: HashMap<String, u32> = currency_names.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        let currency = currencies.iter().max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0))).map(|(c, _)| c.clone()).unwrap_or_default();
        let main_currency = currency_ids.get(&currency).copied();
        let mut other_currency_deals = 0;
        for (d, &(amount, cur)) in deals.iter_mut().zip(&amounts) {
            if Some(cur) == main_currency {
                d.amount = amount;
            } else if d.won && amount.is_some() {
                other_currency_deals += 1;
            }
        }
        drop(amounts);
        let mut results = analyse(&reps, &deals);
        if !per_rep {
            results.reps.clear();
        }
        let product_lines = if results.deals == 0 { ws.deal_product_lines()? } else { Vec::new() };
        Ok(LaunchResults {
            launch_id,
            launch_name: scope.launch_name,
            product_line: scope.product_line,
            since: scope.launch_date,
            currency,
            other_currency_deals,
            results,
            per_rep,
            unknown_owners: most_first(unknown),
            training,
            training_by_kit,
            loss_reasons: if losses.is_empty() { Vec::new() } else { self.loss_feedback(launch_id, &most_first(losses))? },
            product_lines,
        })
    }

    /// Loss reasons against the launch's claims, its audiences' objections, and its approved,
    /// unexpired objection-handling pitches.
    fn loss_feedback(&self, launch_id: Id, reasons: &[(String, u64)]) -> ApiResult<Vec<LossFeedback>> {
        use pitchbridge_core::PitchStatus;
        let ws = self.ws()?;
        let launch = ws.launch_detail(launch_id)?;
        let mut topics = Vec::new();
        for m in &launch.messages {
            for c in ws.message_detail(m.id)?.claims {
                topics.push(Topic { kind: "claim".into(), label: format!("Claim {}", c.number), text: c.text });
            }
        }
        for a in ws.list_audiences()? {
            for o in &a.research.objections {
                topics.push(Topic { kind: "objection".into(), label: format!("{} × {}", a.channel, a.persona), text: o.clone() });
            }
        }
        let today = self.today();
        let mut answers = Vec::new();
        for p in ws.readiness_facts(launch_id)?.pitches {
            let current = p.status == PitchStatus::Approved && !p.expires_on.as_deref().is_some_and(|d| d <= today.as_str());
            if p.type_id == "objection-handling" && current {
                let text: Vec<String> = ws.pitch_editor(p.id)?.blocks.iter().map(|b| b.text()).collect();
                answers.push(Answer { title: p.title.clone(), text: text.join("\n") });
            }
        }
        Ok(loss_feedback(reasons, &topics, &answers))
    }

    /// Each rep's spans of valid certification on a launch (a pass holds for its kit's
    /// validity), and how many reps are in each training state today.
    fn certification_spans(&self, launch_id: Id, people: &[PersonRow], by_id: &HashMap<Id, u32>, today: Day) -> ApiResult<(Vec<RepInput>, Vec<(TrainingState, u64)>, Vec<KitTraining>)> {
        let ws = self.ws()?;
        let mut reps: Vec<RepInput> = people.iter().map(|p| RepInput { email: p.email.clone(), name: p.name.clone(), certified: Vec::new() }).collect();
        let mut validity: HashMap<Id, i32> = HashMap::new();
        // Each rep's state on the launch as a whole, and on each kit (by its audience; 0 for a
        // certification attested for the launch).
        let mut state: Vec<TrainingState> = vec![TrainingState::NotStarted; people.len()];
        let mut kit_state: std::collections::BTreeMap<Id, Vec<TrainingState>> = std::collections::BTreeMap::new();
        let rank = |s: TrainingState| match s {
            TrainingState::NotStarted => 0,
            TrainingState::InProgress => 1,
            TrainingState::Failed => 2,
            TrainingState::Expired => 3,
            TrainingState::Passed => 4,
        };
        for c in ws.certifications(launch_id)? {
            let Some(&i) = by_id.get(&c.person_id) else { continue };
            let i = i as usize;
            let days = match validity.get(&c.audience_id) {
                Some(&d) => d,
                None => {
                    let d = if c.audience_id == 0 { pitchbridge_store::DEFAULT_CERTIFICATION.2 } else { ws.certification_settings(launch_id, c.audience_id)?.2 } as i32;
                    validity.insert(c.audience_id, d);
                    d
                }
            };
            let now_state = match (c.status.as_str(), Day::parse_iso(&c.day)) {
                ("passed", Some(d)) => {
                    reps[i].certified.push((d, d.add_days(days)));
                    if d.add_days(days) > today {
                        TrainingState::Passed
                    } else {
                        TrainingState::Expired
                    }
                }
                ("failed", _) => TrainingState::Failed,
                _ => TrainingState::InProgress,
            };
            if rank(now_state) > rank(state[i]) {
                state[i] = now_state;
            }
            let kit = kit_state.entry(c.audience_id).or_insert_with(|| vec![TrainingState::NotStarted; people.len()]);
            if rank(now_state) > rank(kit[i]) {
                kit[i] = now_state;
            }
        }
        let count = |states: &[TrainingState]| -> Vec<(TrainingState, u64)> {
            [TrainingState::NotStarted, TrainingState::InProgress, TrainingState::Passed, TrainingState::Failed, TrainingState::Expired]
                .iter()
                .map(|k| (*k, states.iter().filter(|s| *s == k).count() as u64))
                .collect()
        };
        let names: HashMap<Id, String> = ws.list_audiences()?.into_iter().map(|a| (a.id, format!("{} × {}", a.channel, a.persona))).collect();
        let by_kit = kit_state
            .iter()
            .map(|(audience, states)| KitTraining {
                audience_id: *audience,
                kit: if *audience == 0 { "The launch as a whole (attested)".into() } else { names.get(audience).cloned().unwrap_or_else(|| format!("Audience {audience}")) },
                states: count(states),
            })
            .collect();
        Ok((reps, count(&state), by_kit))
    }
}
