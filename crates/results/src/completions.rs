//! A learning system's completion export for the SCORM packages (one row per learner and
//! course), read into each rep's state on a course.

use serde::{Deserialize, Serialize};

use crate::columns::{cell, date_order, find, looks_like_email};
use crate::day::{parse_date, DateOrder, Day};
use crate::table::{Row, TableFormat};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CompletionStatus {
    NotStarted,
    InProgress,
    Passed,
    Failed,
}

impl CompletionStatus {
    /// SCORM 1.2's lesson_status and SCORM 2004's completion and success states, and the words
    /// learning systems put in their reports.
    pub fn parse(s: &str) -> Option<CompletionStatus> {
        let s: String = s.trim().to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
        Some(match s.as_str() {
            "passed" | "pass" | "completed" | "complete" | "certified" | "done" | "completedpassed" | "passedcompleted" => CompletionStatus::Passed,
            "failed" | "fail" | "completedfailed" | "notpassed" => CompletionStatus::Failed,
            "incomplete" | "inprogress" | "started" | "browsed" | "attempted" | "enrolledinprogress" => CompletionStatus::InProgress,
            "notattempted" | "notstarted" | "enrolled" | "assigned" | "" => CompletionStatus::NotStarted,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Completion {
    pub email: String,
    pub course: String,
    pub status: CompletionStatus,
    pub day: Option<Day>,
    pub score: Option<f64>,
}

pub struct CompletionColumns {
    email: usize,
    course: usize,
    status: usize,
    date: Option<usize>,
    score: Option<usize>,
    order: DateOrder,
    pub notes: Vec<String>,
}

impl CompletionColumns {
    pub fn find(format: &TableFormat, order: Option<DateOrder>) -> Result<CompletionColumns, String> {
        let missing = |what: &str| format!("The completion export needs a column for {what}. Its columns are: {}.", format.header.join(", "));
        let email = find(format, &["email", "user email", "learner email", "email address", "user", "username", "login", "learner"]).ok_or_else(|| missing("the learner's email"))?;
        let course = find(format, &["course", "course title", "course name", "course id", "module", "activity", "content", "package", "training"]).ok_or_else(|| missing("the course"))?;
        let status = find(format, &["status", "completion status", "lesson status", "success status", "result", "course status"]).ok_or_else(|| missing("the status (passed, failed, incomplete)"))?;
        let date = find(format, &["completion date", "date completed", "completed on", "completed", "completion time", "date", "status date", "last accessed", "last activity"]);
        let score = find(format, &["score", "score raw", "final score", "grade", "percent"]);
        let mut notes = Vec::new();
        let order = date_order(format, &[date], order, &mut notes)?;
        Ok(CompletionColumns { email, course, status, date, score, order, notes })
    }

    pub fn read(&self, row: &Row) -> Result<Completion, String> {
        let f = &row.fields;
        let email = cell(f, Some(self.email)).to_lowercase();
        if !looks_like_email(&email) {
            return Err(if email.is_empty() { "no learner email".into() } else { format!("\"{email}\" is not an email address") });
        }
        let course = cell(f, Some(self.course)).to_string();
        if course.is_empty() {
            return Err("no course".into());
        }
        let raw_status = cell(f, Some(self.status));
        let status = CompletionStatus::parse(raw_status).ok_or_else(|| format!("the status \"{raw_status}\" is not one a learning system reports (passed, completed, failed, incomplete, not attempted)"))?;
        let raw_date = cell(f, self.date);
        let day = if raw_date.is_empty() { None } else { Some(parse_date(raw_date, self.order)?) };
        if matches!(status, CompletionStatus::Passed | CompletionStatus::Failed) && day.is_none() {
            return Err(format!("\"{raw_status}\" with no date: a pass counts from the day it was earned"));
        }
        let raw_score = cell(f, self.score).trim_end_matches('%');
        let score = if raw_score.is_empty() { None } else { Some(raw_score.replace(',', ".").parse::<f64>().map_err(|_| format!("the score \"{raw_score}\" is not a number"))?) };
        Ok(Completion { email, course, status, day, score })
    }
}
