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
    /// Another process was writing to the workspace for longer than the wait allows.
    WorkspaceBusy,
    /// The action can go ahead once the person confirms it: the message says what to weigh.
    NeedsConfirmation,
    /// The review workflow refused: the pitch is in review, a decision does not match what the
    /// workspace holds, a signature does not verify, a passphrase is wrong.
    ReviewRefused,
    Internal,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 15] = [
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
        ErrorCode::WorkspaceBusy,
        ErrorCode::NeedsConfirmation,
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

    /// Allowed only once the person has read why and confirms (with a reason, where asked).
    pub fn needs_confirmation(message: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::NeedsConfirmation, message)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::NotAWorkspace { .. } => ErrorCode::NotAWorkspace,
            StoreError::Corrupt { .. } => ErrorCode::WorkspaceCorrupt,
            StoreError::NewerVersion { .. } => ErrorCode::NewerVersion,
            StoreError::FileNotFound(_) => ErrorCode::FileNotFound,
            StoreError::ReadOnly | StoreError::FolderNotWritable(_) => ErrorCode::ReadOnly,
            StoreError::Busy => ErrorCode::WorkspaceBusy,
            StoreError::NeedsConfirmation(_) => ErrorCode::NeedsConfirmation,
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

/// A handed-over file that could not be read: `.map_err(|e| ReadFailure(path, e))?`.
pub struct ReadFailure<'a>(pub &'a Path, pub pitchbridge_core::files::ReadError);

impl From<ReadFailure<'_>> for ApiError {
    fn from(ReadFailure(path, e): ReadFailure<'_>) -> Self {
        use pitchbridge_core::files::ReadError;
        match e {
            ReadError::NotFound => ApiError::new(ErrorCode::FileNotFound, format!("{} was not found.", path.display())),
            ReadError::NotAFile => ApiError::invalid(format!("{} is not a file (a folder, a device or a pipe); choose a saved file.", path.display())),
            ReadError::TooLarge { limit } => {
                ApiError::invalid(format!("{} is too large: Pitchbridge reads such files up to {}.", path.display(), pitchbridge_core::files::size(limit)))
            }
            ReadError::Io(e) => ApiError::new(ErrorCode::Io, format!("{} cannot be read: {e}", path.display())),
        }
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
            | ErrorCode::WorkspaceBusy
            | ErrorCode::NeedsConfirmation
            | ErrorCode::ReviewRefused
            | ErrorCode::Internal => (),
        };
        ErrorCode::ALL.iter().for_each(|c| arms(*c));
        let distinct: std::collections::HashSet<_> = ErrorCode::ALL.iter().map(|c| format!("{c:?}")).collect();
        assert_eq!(distinct.len(), 15);
    }
}
