use std::path::PathBuf;

/// What can go wrong with a workspace file. Each variant maps to a stable error code at the
/// boundary; the messages are written for the person at the keyboard.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{} is not a Pitchbridge workspace{}. The file was not changed.", .path.display(), .detail)]
    NotAWorkspace { path: PathBuf, detail: String },

    #[error("{} is damaged and cannot be read ({detail}). The file was not changed; restore it from a backup.", .path.display())]
    Corrupt { path: PathBuf, detail: String },

    #[error("{} was written by a newer version of Pitchbridge (workspace format {found}; this version reads up to {supported}). Update Pitchbridge to open it. The file was not changed.", .path.display())]
    NewerVersion { path: PathBuf, found: i64, supported: i64 },

    #[error("{} was not found.", .0.display())]
    FileNotFound(PathBuf),

    #[error("This workspace is open read-only, so it cannot be changed.")]
    ReadOnly,

    #[error("{} is in a folder (or on a disk) that Pitchbridge cannot write to: a workspace keeps a journal beside its file. Move it to a folder you can write to, or make the folder writable. The file was not changed.", .0.display())]
    FolderNotWritable(PathBuf),

    #[error("Another Pitchbridge window or command is writing to this workspace and did not finish in time. Try again in a moment; nothing was lost.")]
    Busy,

    #[error("{what} {id} does not exist (it may have been deleted).")]
    NotFound { what: &'static str, id: String },

    #[error("{0}")]
    Invalid(String),

    /// A review rule refused the change (the pitch is in review, a decision does not match…).
    #[error("{0}")]
    Refused(String),

    #[error("The disk holding the workspace is full. Free some space and try again; nothing was lost.")]
    DiskFull,

    #[error("Could not read or write the workspace file: {0}")]
    Io(#[from] std::io::Error),

    #[error("Database error: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    /// What a failure while opening `path` means: a full disk, a folder that cannot be
    /// written, another writer, or damage; only damage is called damage.
    pub(crate) fn on_open(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => StoreError::FolderNotWritable(path.to_path_buf()),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Corrupt { path: path.to_path_buf(), detail: e.to_string() },
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => StoreError::Corrupt {
                path: PathBuf::new(),
                detail: e.to_string(),
            },
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;
