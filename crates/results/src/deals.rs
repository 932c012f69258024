//! CRM deal exports as they come: a Salesforce opportunity report, a HubSpot deals export, or
//! any CSV with a mapping. The mapping says which column holds each field; what it does not say
//! is guessed from the column names tools use, shown to the person importing, and remembered
//! per source so the next export of the same report imports the same way.

use ts_rs::TS;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::amount::{parse_amount, DecimalMark};
use crate::columns::{cell, date_order, decimal_mark, find, named};
use crate::day::{parse_date, DateOrder, Day};
use crate::table::{Row, TableFormat, TextEncoding};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DealField {
    DealId,
    DealName,
    Owner,
    Account,
    Stage,
    Won,
    Closed,
    CloseDate,
    Amount,
    Currency,
    Region,
    CustomerType,
    ProductLine,
    Pitch,
    LossReason,
}

impl DealField {
    pub const ALL: [DealField; 15] = [
        DealField::DealId,
        DealField::DealName,
        DealField::Owner,
        DealField::Account,
        DealField::Stage,
        DealField::Won,
        DealField::Closed,
        DealField::CloseDate,
        DealField::Amount,
        DealField::Currency,
        DealField::Region,
        DealField::CustomerType,
        DealField::ProductLine,
        DealField::Pitch,
        DealField::LossReason,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DealField::DealId => "deal id",
            DealField::DealName => "deal name",
            DealField::Owner => "owner",
            DealField::Account => "account",
            DealField::Stage => "stage",
            DealField::Won => "won",
            DealField::Closed => "closed",
            DealField::CloseDate => "close date",
            DealField::Amount => "amount",
            DealField::Currency => "currency",
            DealField::Region => "region",
            DealField::CustomerType => "new or existing customer",
            DealField::ProductLine => "product line",
            DealField::Pitch => "pitch or kit",
            DealField::LossReason => "loss reason",
        }
    }

    /// Column names CRMs and people give this field, most specific first.
    fn names(self, source: &str) -> &'static [&'static str] {
        match self {
            DealField::DealId => &["opportunity id", "opportunity 18 digit id", "deal id", "record id", "deal record id", "id", "opportunity number", "deal number"],
            DealField::DealName => &["opportunity name", "deal name", "name", "opportunity"],
            DealField::Owner => &["opportunity owner email", "opportunity owner: email", "owner email", "deal owner email", "rep email", "sales rep email", "opportunity owner", "deal owner", "owner", "owner name", "sales rep", "rep", "salesperson"],
            DealField::Account => &["account name", "account", "company name", "associated company", "company", "customer", "end user"],
            DealField::Stage => &["stage", "deal stage", "opportunity stage", "stage name", "status"],
            DealField::Won => &["won", "is won", "closed won"],
            DealField::Closed => &["closed", "is closed"],
            DealField::CloseDate => &["close date", "closed date", "date closed", "close", "closed on"],
            DealField::Amount => &["amount", "deal amount", "opportunity amount", "amount in company currency", "total amount", "total price", "value", "deal value", "revenue"],
            DealField::Currency => &["opportunity currency", "amount currency", "currency", "deal currency code", "currency code", "currency iso code"],
            DealField::Region => &["region", "sales region", "territory", "deal region", "geo", "billing country", "country", "country/region"],
            DealField::CustomerType => &["type", "opportunity type", "deal type", "customer type", "new or existing", "business type", "new/existing"],
            DealField::ProductLine if source == "hubspot" => &["product line", "product family", "product", "pipeline"],
            DealField::ProductLine => &["product line", "product family", "product name", "product", "pipeline"],
            DealField::Pitch => &["pitch", "pitch id", "kit", "enablement content", "collateral", "sales play"],
            DealField::LossReason => &["loss reason", "closed lost reason", "lost reason", "reason lost", "reason for loss", "closed lost reasons"],
        }
    }
}

/// How to read one source's exports. Saved as TOML by people, and in the workspace per source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default, TS)]
#[serde(deny_unknown_fields)]
pub struct DealMapping {
    /// The name deals of this source are kept under; deal ids are unique within a source.
    pub source: String,
    /// Field → the file's column name.
    #[serde(default)]
    pub columns: BTreeMap<DealField, String>,
    /// Stage names that mean won or lost, beyond "Closed Won" / "Closed Lost".
    #[serde(default)]
    pub won_stages: Vec<String>,
    #[serde(default)]
    pub lost_stages: Vec<String>,
    #[serde(default)]
    pub date_order: Option<DateOrder>,
    #[serde(default)]
    pub decimal: Option<DecimalMark>,
    #[serde(default)]
    pub encoding: Option<TextEncoding>,
    /// The currency of amounts written without one.
    #[serde(default)]
    pub currency: Option<String>,
}

impl DealMapping {
    /// The mapping for a named CRM: its name, and its column names guessed when read.
    pub fn preset(name: &str) -> Option<DealMapping> {
        match name {
            "salesforce" | "hubspot" => Some(DealMapping { source: name.into(), ..Default::default() }),
            _ => None,
        }
    }

    pub fn from_toml(text: &str) -> Result<DealMapping, String> {
        let m: DealMapping = toml::from_str(text).map_err(|e| format!("The mapping file cannot be read: {e}"))?;
        if m.source.trim().is_empty() {
            return Err("The mapping file needs a source = \"…\" naming where the deals come from (such as \"salesforce-emea\").".into());
        }
        Ok(m)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// Applies it to a file: every field's column, the order of dates and the decimal mark,
    /// with what was guessed said in `notes`.
    pub fn resolve(&self, format: &TableFormat) -> Result<DealColumns, String> {
        let mut cols: BTreeMap<DealField, usize> = BTreeMap::new();
        let mut notes = Vec::new();
        for (field, name) in &self.columns {
            cols.insert(*field, named(format, name)?);
        }
        let mut guessed = Vec::new();
        for field in DealField::ALL {
            if cols.contains_key(&field) {
                continue;
            }
            if let Some(c) = find(format, field.names(&self.source)) {
                // One column, one field: "Closed Won" is the won flag unless it is the stage.
                if !cols.values().any(|&v| v == c) {
                    cols.insert(field, c);
                    guessed.push(format!("{} ← \"{}\"", field.label(), format.header[c]));
                }
            }
        }
        if !guessed.is_empty() {
            notes.push(format!("Columns found by name: {}.", guessed.join(", ")));
        }
        let has = |f: DealField| cols.contains_key(&f);
        let headers = format.header.join(", ");
        if !has(DealField::DealId) {
            if has(DealField::DealName) {
                notes.push("The file has no deal id column: deals are told apart by their name (add the id column to the report to track renamed deals).".into());
            } else {
                return Err(format!("No column holds the deal id (such as \"Opportunity ID\" or \"Record ID\"). Map one. The columns are: {headers}."));
            }
        }
        if !has(DealField::Owner) {
            return Err(format!("No column holds the deal's owner (such as \"Opportunity Owner\" or \"Deal owner\"). Map one. The columns are: {headers}."));
        }
        if !has(DealField::Stage) && !has(DealField::Won) {
            return Err(format!("No column says whether a deal was won (such as \"Stage\" or \"Won\"). Map one. The columns are: {headers}."));
        }
        if !has(DealField::CloseDate) {
            return Err(format!("No column holds the close date. Map one. The columns are: {headers}."));
        }
        let order = date_order(format, &[cols.get(&DealField::CloseDate).copied()], self.date_order, &mut notes)?;
        let mark = decimal_mark(format, cols.get(&DealField::Amount).copied(), self.decimal, &mut notes)?;
        let mut remembered = self.clone();
        remembered.columns = cols.iter().map(|(f, &c)| (*f, format.header[c].clone())).collect();
        remembered.date_order = Some(order);
        remembered.decimal = Some(mark);
        // The encoding is found again each time: a report saved differently next time must not be
        // read in last time's encoding without a word.
        remembered.encoding = self.encoding;
        let lower = |v: &[String]| v.iter().map(|s| norm(s)).collect::<Vec<_>>();
        Ok(DealColumns { col: cols, order, mark, won: lower(&self.won_stages), lost: lower(&self.lost_stages), currency: self.currency.clone().unwrap_or_default(), notes, mapping: remembered })
    }
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(|c| c.to_lowercase()).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Won,
    Lost,
    Open,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Won => "won",
            Outcome::Lost => "lost",
            Outcome::Open => "open",
        }
    }
}

/// New business or business with an existing customer: the essay's "legacy relationships".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Customer {
    New,
    Existing,
    Unknown,
}

impl Customer {
    pub fn parse(s: &str) -> Customer {
        let n = norm(s);
        if n.is_empty() {
            return Customer::Unknown;
        }
        const EXISTING: [&str; 8] = ["existing", "upgrade", "renewal", "upsell", "expansion", "crosssell", "addon", "current"];
        if EXISTING.iter().any(|w| n.contains(w)) {
            Customer::Existing
        } else if n.contains("new") {
            Customer::New
        } else {
            Customer::Unknown
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Customer::New => "new",
            Customer::Existing => "existing",
            Customer::Unknown => "",
        }
    }
}

/// One deal as read from a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DealRecord {
    pub deal_id: String,
    /// The owner as the CRM writes them: an email, or a name to be matched to the roster.
    pub owner: String,
    pub account: String,
    pub outcome: Outcome,
    pub close_day: Option<Day>,
    pub amount: Option<f64>,
    pub currency: String,
    pub region: String,
    pub customer: Customer,
    pub product_line: String,
    pub pitch: String,
    pub loss_reason: String,
}

/// A mapping applied to one file.
#[derive(Debug, Clone)]
pub struct DealColumns {
    col: BTreeMap<DealField, usize>,
    order: DateOrder,
    mark: DecimalMark,
    won: Vec<String>,
    lost: Vec<String>,
    currency: String,
    /// What was guessed or detected, in words.
    pub notes: Vec<String>,
    /// The mapping with every column it found, to remember for the source.
    pub mapping: DealMapping,
}

fn truthy(s: &str) -> Option<bool> {
    match norm(s).as_str() {
        "1" | "true" | "yes" | "y" | "won" | "x" | "ja" | "oui" | "si" => Some(true),
        "0" | "false" | "no" | "n" | "lost" | "" | "nein" | "non" => Some(false),
        _ => None,
    }
}

impl DealColumns {
    fn get<'a>(&self, f: &'a [String], field: DealField) -> &'a str {
        cell(f, self.col.get(&field).copied())
    }

    pub fn has(&self, field: DealField) -> bool {
        self.col.contains_key(&field)
    }

    fn stage_outcome(&self, stage: &str) -> Outcome {
        let n = norm(stage);
        if self.won.contains(&n) || n == "closedwon" || n == "won" || n == "closedwonsigned" || n.starts_with("closedwon") {
            Outcome::Won
        } else if self.lost.contains(&n) || n == "closedlost" || n == "lost" || n.starts_with("closedlost") || n == "closednowon" {
            Outcome::Lost
        } else {
            Outcome::Open
        }
    }

    pub fn read(&self, row: &Row) -> Result<DealRecord, String> {
        let f = &row.fields;
        let mut deal_id = self.get(f, DealField::DealId).to_string();
        if deal_id.is_empty() && !self.has(DealField::DealId) {
            deal_id = self.get(f, DealField::DealName).to_string();
        }
        if deal_id.is_empty() {
            return Err("no deal id".into());
        }
        let owner = self.get(f, DealField::Owner).to_string();
        if owner.is_empty() {
            return Err("no owner".into());
        }
        let outcome = if self.has(DealField::Won) {
            let raw = self.get(f, DealField::Won);
            let won = truthy(raw).ok_or_else(|| format!("\"{raw}\" in the won column is neither yes nor no"))?;
            let closed = if self.has(DealField::Closed) {
                let raw = self.get(f, DealField::Closed);
                truthy(raw).ok_or_else(|| format!("\"{raw}\" in the closed column is neither yes nor no"))?
            } else if self.has(DealField::Stage) {
                won || self.stage_outcome(self.get(f, DealField::Stage)) != Outcome::Open
            } else {
                true
            };
            match (closed, won) {
                (false, _) => Outcome::Open,
                (true, true) => Outcome::Won,
                (true, false) => Outcome::Lost,
            }
        } else {
            self.stage_outcome(self.get(f, DealField::Stage))
        };
        let raw_date = self.get(f, DealField::CloseDate);
        let close_day = if raw_date.is_empty() { None } else { Some(parse_date(raw_date, self.order)?) };
        if outcome != Outcome::Open && close_day.is_none() {
            return Err(format!("{} with no close date", if outcome == Outcome::Won { "won" } else { "lost" }));
        }
        let (amount, written_currency) = match parse_amount(self.get(f, DealField::Amount), self.mark)? {
            Some((v, c)) => (Some(v), c),
            None => (None, None),
        };
        let currency = match self.get(f, DealField::Currency) {
            "" => written_currency.unwrap_or_else(|| self.currency.clone()),
            c => c.to_ascii_uppercase(),
        };
        Ok(DealRecord {
            deal_id,
            owner,
            account: self.get(f, DealField::Account).to_string(),
            outcome,
            close_day,
            amount,
            currency,
            region: self.get(f, DealField::Region).to_string(),
            customer: Customer::parse(self.get(f, DealField::CustomerType)),
            product_line: self.get(f, DealField::ProductLine).to_string(),
            pitch: self.get(f, DealField::Pitch).to_string(),
            loss_reason: if outcome == Outcome::Lost { self.get(f, DealField::LossReason).to_string() } else { String::new() },
        })
    }
}
