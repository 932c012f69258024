//! Row helpers shared by the repositories.

use crate::StoreError;

pub(crate) fn not_found(what: &'static str, id: impl ToString) -> StoreError {
    StoreError::NotFound { what, id: id.to_string() }
}

pub(crate) fn word_count(text: &str) -> i64 {
    i64::from(pitchbridge_core::doc::word_count(text))
}
