//! The memory of approved wording: how each claim was said to customers in approved pitches,
//! offered back graded by closeness when the same or a similar claim is translated again.
//! Pure: the store keeps the pairs and finds candidates (full-text search); this crate grades
//! them, carries numbers across, and reads and writes TMX.

pub mod grade;
pub mod text;
pub mod tmx;

pub use grade::{grade, Band, Candidate, Grade, Query, Substitution};
