//! The one error type that crosses into the UI: a stable code to branch on, and a message for
//! people.

use pitchbridge_store::StoreError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    NoWorkspace,
    NotAWorkspace,
    WorkspaceCorrupt,
    NewerVersion,
    FileNotFound,
    ReadOnly,
    NotFound,
    InvalidInput,
    DiskFull,
    Io,
    /// A file to import could not be read as Factory material.
    ImportFailed,
    /// The review workflow refused: the pitch is in review, a decision does not match what the
    /// workspace holds, a signature does not verify, a passphrase is wrong.
    ReviewRefused,
    Internal,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 13] = [
        ErrorCode::NoWorkspace,
        ErrorCode::NotAWorkspace,
        ErrorCode::WorkspaceCorrupt,
        ErrorCode::NewerVersion,
        ErrorCode::FileNotFound,
        ErrorCode::ReadOnly,
        ErrorCode::NotFound,
        ErrorCode::InvalidInput,
        ErrorCode::DiskFull,
        ErrorCode::Io,
        ErrorCode::ImportFailed,
        ErrorCode::ReviewRefused,
        ErrorCode::Internal,
    ];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError { code, message: message.into() }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::InvalidInput, message)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::NotAWorkspace { .. } => ErrorCode::NotAWorkspace,
            StoreError::Corrupt { .. } => ErrorCode::WorkspaceCorrupt,
            StoreError::NewerVersion { .. } => ErrorCode::NewerVersion,
            StoreError::FileNotFound(_) => ErrorCode::FileNotFound,
            StoreError::ReadOnly => ErrorCode::ReadOnly,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::Invalid(_) => ErrorCode::InvalidInput,
            StoreError::Refused(_) => ErrorCode::ReviewRefused,
            StoreError::DiskFull => ErrorCode::DiskFull,
            StoreError::Io(_) => ErrorCode::Io,
            StoreError::Sqlite(_) => ErrorCode::Internal,
        };
        ApiError { code, message: e.to_string() }
    }
}

impl From<pitchbridge_import::ImportError> for ApiError {
    fn from(e: pitchbridge_import::ImportError) -> Self {
        ApiError { code: ErrorCode::ImportFailed, message: e.to_string() }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    /// A new code must be added to `ALL` too: this match stops compiling until it is handled,
    /// and the count below until `ALL` has it.
    #[test]
    fn all_lists_every_code_once() {
        let arms = |c: ErrorCode| match c {
            ErrorCode::NoWorkspace
            | ErrorCode::NotAWorkspace
            | ErrorCode::WorkspaceCorrupt
            | ErrorCode::NewerVersion
            | ErrorCode::FileNotFound
            | ErrorCode::ReadOnly
            | ErrorCode::NotFound
            | ErrorCode::InvalidInput
            | ErrorCode::DiskFull
            | ErrorCode::Io
            | ErrorCode::ImportFailed
            | ErrorCode::ReviewRefused
            | ErrorCode::Internal => (),
        };
        ErrorCode::ALL.iter().for_each(|c| arms(*c));
        let distinct: std::collections::HashSet<_> = ErrorCode::ALL.iter().map(|c| format!("{c:?}")).collect();
        assert_eq!(distinct.len(), 13);
    }
}
