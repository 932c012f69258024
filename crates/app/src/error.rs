//! The one error type that crosses into the UI: a stable code to branch on, and a message for
//! people.

use std::path::Path;

use pitchbridge_review::ReviewError;
use pitchbridge_review::profile::ProfileError;
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

    /// The review workflow said no: the message says why.
    pub fn refused(message: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::ReviewRefused, message)
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

/// A file that could not be written, with the code the UI branches on.
impl From<pitchbridge_export::ExportError> for ApiError {
    fn from(e: pitchbridge_export::ExportError) -> Self {
        use pitchbridge_export::ExportError;
        let code = match &e {
            ExportError::Write { kind: std::io::ErrorKind::NotFound, .. } => ErrorCode::FileNotFound,
            ExportError::Write { .. } => ErrorCode::Io,
            ExportError::Internal(_) => ErrorCode::Internal,
        };
        ApiError::new(code, e.to_string())
    }
}

impl From<ProfileError> for ApiError {
    fn from(e: ProfileError) -> Self {
        match e {
            ProfileError::Invalid(m) => ApiError::invalid(m),
            other => ApiError::new(ErrorCode::Io, other.to_string()),
        }
    }
}

/// A signature that does not verify, a wrong passphrase: the reviewer is told why.
impl From<ReviewError> for ApiError {
    fn from(e: ReviewError) -> Self {
        ApiError::refused(e.to_string())
    }
}

/// An I/O failure on a named file: `.map_err(|e| FileError(path, e))?`.
pub struct FileError<'a>(pub &'a Path, pub std::io::Error);

impl From<FileError<'_>> for ApiError {
    fn from(FileError(path, e): FileError<'_>) -> Self {
        let code = if e.kind() == std::io::ErrorKind::NotFound { ErrorCode::FileNotFound } else { ErrorCode::Io };
        ApiError::new(code, format!("{}: {e}", path.display()))
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
