//! The rep roster: who sells, for whom (the company or one channel partner), where, in what
//! role, under which manager.

use serde::Serialize;

use crate::columns::{cell, find, looks_like_email};
use crate::table::{Row, TableFormat};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub email: String,
    pub name: String,
    /// The channel partner the rep works for; "" for the company's own reps.
    pub partner: String,
    pub region: String,
    pub role: String,
    pub manager: String,
}

pub struct RosterColumns {
    email: usize,
    name: Option<usize>,
    first: Option<usize>,
    last: Option<usize>,
    partner: Option<usize>,
    region: Option<usize>,
    role: Option<usize>,
    manager: Option<usize>,
}

impl RosterColumns {
    pub fn find(format: &TableFormat) -> Result<RosterColumns, String> {
        let email = find(format, &["email", "email address", "e-mail", "work email", "rep email", "user email", "username"])
            .ok_or_else(|| format!("The roster needs an email column (the rep's work email). Its columns are: {}.", format.header.join(", ")))?;
        Ok(RosterColumns {
            email,
            name: find(format, &["name", "full name", "rep name", "rep", "display name"]),
            first: find(format, &["first name", "given name", "firstname"]),
            last: find(format, &["last name", "surname", "family name", "lastname"]),
            partner: find(format, &["partner", "partner company", "channel partner", "partner account", "reseller", "company", "account"]),
            region: find(format, &["region", "sales region", "territory", "geo", "area"]),
            role: find(format, &["role", "title", "job title", "position"]),
            manager: find(format, &["manager", "manager email", "reports to", "manager name"]),
        })
    }

    pub fn read(&self, row: &Row) -> Result<Person, String> {
        let f = &row.fields;
        let email = cell(f, Some(self.email)).to_lowercase();
        if email.is_empty() {
            return Err("no email".into());
        }
        if !looks_like_email(&email) {
            return Err(format!("\"{email}\" is not an email address"));
        }
        let mut name = cell(f, self.name).to_string();
        if name.is_empty() {
            name = format!("{} {}", cell(f, self.first), cell(f, self.last)).trim().to_string();
        }
        let partner = cell(f, self.partner);
        // The company's own reps are often written as "Direct" or "Internal" in a partner column.
        let partner = match partner.to_lowercase().as_str() {
            "" | "-" | "—" | "direct" | "internal" | "none" | "n/a" | "own" | "company" => String::new(),
            _ => partner.to_string(),
        };
        Ok(Person { email, name, partner, region: cell(f, self.region).to_string(), role: cell(f, self.role).to_string(), manager: cell(f, self.manager).to_string() })
    }
}
