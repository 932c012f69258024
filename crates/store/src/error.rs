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

    #[error("This workspace is open read-only (its file, its folder or its disk cannot be written), so it cannot be changed. Open a copy in a folder you can write to.")]
    ReadOnly,

    #[error("{} is in a folder (or on a disk) that Pitchbridge cannot write to: a workspace keeps a journal beside its file. Move it to a folder you can write to, or make the folder writable. The file was not changed.", .0.display())]
    FolderNotWritable(PathBuf),

    #[error("Another Pitchbridge window or command is writing to this workspace and did not finish in time. Try again in a moment; nothing was lost.")]
    Busy,

    #[error("{what} {id} does not exist (it may have been deleted).")]
    NotFound { what: &'static str, id: String },

    #[error("{0}")]
    Invalid(String),

    /// The change can go ahead once the person confirms it (the message says what to weigh).
    #[error("{0}")]
    NeedsConfirmation(String),

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
    /// This error, with what is known of the disk holding `path`: a refused write on a disk
    /// with (nearly) no room left is a full disk.
    pub fn at(self, path: &std::path::Path) -> StoreError {
        match self {
            StoreError::Io(_) | StoreError::Sqlite(_) if disk_nearly_full(path) => StoreError::DiskFull,
            other => other,
        }
    }

    /// What a failure while opening `path` means: a full disk, a folder that cannot be
    /// written, another writer, or damage; only damage is called damage.
    pub(crate) fn on_open(path: &std::path::Path, e: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            // A write the disk refused, with the disk (nearly) full, is a full disk.
            Some(ErrorCode::SystemIoFailure) if disk_nearly_full(path) => StoreError::DiskFull,
            Some(ErrorCode::SystemIoFailure) => StoreError::from(e),
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => StoreError::FolderNotWritable(path.to_path_buf()),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Corrupt { path: path.to_path_buf(), detail: e.to_string() },
        }
    }
}

/// Whether the disk holding `path` has less than a megabyte free.
pub fn disk_nearly_full(path: &std::path::Path) -> bool {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    rustix::fs::statvfs(folder).map(|s| s.f_bavail.saturating_mul(s.f_frsize) < 1024 * 1024).unwrap_or(false)
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            // Never "damaged": the disk refused a read or a write.
            Some(ErrorCode::SystemIoFailure) => StoreError::Io(std::io::Error::other(format!("the disk refused it; it may be full or failing ({e})"))),
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
