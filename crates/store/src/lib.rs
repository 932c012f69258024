//! Pitchbridge workspace files: one SQLite database per workspace.
//!
//! [`Workspace::open`] never changes a file it cannot vouch for: it checks the header, the
//! application id and the format version on a read-only connection before writing anything.

mod audiences;
mod audit;
mod brand_kit;
mod checks;
mod collateral_types;
mod decisions;
mod error;
mod glossary;
mod launches;
mod messages;
mod pitch_doc;
mod pitches;
mod review;
mod review_comments;
mod review_copy;
mod rows;
mod search;
mod views;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

pub use audit::AuditVerification;
pub use brand_kit::BrandKitRow;
pub use checks::{CheckSettingRow, Dismissal, ManualItemState};
pub use error::{Result, StoreError};
pub use pitches::{NewBlock, PitchExportSource};
pub use review::{
    ApprovalDrift, ClaimDrift, Comment, DecisionRecord, PitchOutcome, ReviewRequest, Reviewer, VerifiedDecision,
    MAX_COMMENT_CHARS,
};
pub use review_copy::{PackageLink, ReviewPackage, META_COPY_LAST_COMMENT, META_COPY_OF, PACKAGE_FORMAT};
pub use search::{SearchHit, SearchHitKind};
pub use views::{
    ClaimRewording, LaunchDetail, LaunchSummary, LinkView, MessageClaims, MessageDetail, MessageSummary, PitchDetail,
    PitchEditorView, PitchLinks, PitchSummary, PitchVersionSummary, RemovedClaim, StalePitch, TouchedPitch,
    VersionReport,
};

/// Written into the SQLite header (`PRAGMA application_id`): "PBWS".
pub const APPLICATION_ID: i32 = 0x5042_5753;

/// Migrations, applied in order; the workspace's `user_version` is the last one applied.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/0001_initial.sql")),
    (2, include_str!("../migrations/0002_pitch_documents.sql")),
    (3, include_str!("../migrations/0003_checks.sql")),
    (4, include_str!("../migrations/0004_brand_kit.sql")),
    (5, include_str!("../migrations/0005_brand_font.sql")),
    (6, include_str!("../migrations/0006_review.sql")),
];

/// The newest workspace format this build reads and writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// The file extension of workspace files.
pub const EXTENSION: &str = "pitchbridge";

pub struct Workspace {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    /// Who is working in the workspace: named in audit events the store writes on its own
    /// (a pitch that needs re-approval after someone's change).
    actor: String,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

/// What the first bytes of a file say it is.
enum FileState {
    Missing,
    Empty,
    Sqlite,
    Other,
}

fn probe_file(path: &Path) -> Result<FileState> {
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FileState::Missing),
        Err(e) => return Err(e.into()),
    };
    if file.metadata()?.is_dir() {
        return Ok(FileState::Other);
    }
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        let n = file.read(&mut header[read..])?;
        if n == 0 {
            break;
        }
        read += n;
    }
    Ok(match read {
        0 => FileState::Empty,
        16 if &header == b"SQLite format 3\0" => FileState::Sqlite,
        _ => FileState::Other,
    })
}

/// Whether the file's permission bits forbid writing (honoured even for root).
fn marked_read_only(path: &Path) -> bool {
    fs::metadata(path).map(|m| m.permissions().readonly()).unwrap_or(false)
}

impl Workspace {
    /// Opens an existing workspace, creating it when `create` is set and the file is missing.
    pub fn open(path: &Path, create: bool) -> Result<Workspace> {
        match probe_file(path)? {
            FileState::Missing if create => Self::open_checked(path, false),
            FileState::Missing => Err(StoreError::FileNotFound(path.to_path_buf())),
            FileState::Other => Err(StoreError::NotAWorkspace {
                path: path.to_path_buf(),
                detail: " (it is not a database file)".into(),
            }),
            FileState::Empty | FileState::Sqlite => {
                let read_only = marked_read_only(path);
                Self::inspect(path, read_only)?;
                Self::open_checked(path, read_only)
            }
        }
    }

    /// Creates a new workspace; refuses to overwrite a file that already has content.
    pub fn create(path: &Path) -> Result<Workspace> {
        match probe_file(path)? {
            FileState::Missing | FileState::Empty => Self::open_checked(path, false),
            _ => Err(StoreError::Invalid(format!(
                "{} already exists; choose another name or open it instead.",
                path.display()
            ))),
        }
    }

    /// Looks at an existing SQLite file without writing to it.
    fn inspect(path: &Path, read_only: bool) -> Result<()> {
        let corrupt = |e: rusqlite::Error| StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(corrupt)?;
        let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(corrupt)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(corrupt)?;
        let objects: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(corrupt)?;
        if app_id != APPLICATION_ID && !(app_id == 0 && objects == 0) {
            return Err(StoreError::NotAWorkspace {
                path: path.to_path_buf(),
                detail: " (it is a database of another program)".into(),
            });
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerVersion {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if read_only && version < SCHEMA_VERSION {
            return Err(StoreError::Invalid(format!(
                "{} is read-only and was made by an older version of Pitchbridge; make it writable once so it can be upgraded.",
                path.display()
            )));
        }
        Ok(())
    }

    fn open_checked(path: &Path, read_only: bool) -> Result<Workspace> {
        let corrupt = |e: rusqlite::Error| StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        };
        let flags = if read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::CannotOpen) => StoreError::Io(std::io::Error::other(format!(
                "cannot open {}: {e}",
                path.display()
            ))),
            _ => corrupt(e),
        })?;
        conn.busy_timeout(std::time::Duration::from_millis(5000))?;
        if !read_only {
            conn.pragma_update(None, "journal_mode", "WAL").map_err(corrupt)?;
        }
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA trusted_schema = OFF;",
        )?;
        if read_only {
            conn.pragma_update(None, "query_only", true)?;
        } else {
            migrate(&mut conn).map_err(|e| match e {
                StoreError::Corrupt { detail, .. } => StoreError::Corrupt { path: path.to_path_buf(), detail },
                other => other,
            })?;
        }
        // Touch every table once, so a damaged file is reported now rather than mid-edit.
        conn.query_row(
            "SELECT (SELECT count(*) FROM launch) + (SELECT count(*) FROM audience)
                  + (SELECT count(*) FROM glossary_term) + (SELECT count(*) FROM collateral_type)",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(corrupt)?;
        Ok(Workspace { conn, path: path.to_path_buf(), read_only, actor: "Pitchbridge".into() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Names the person working in the workspace, for the audit trail.
    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_string();
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        let rows: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows.join("\n"))
    }

    // ---- workspace metadata and transactions ---------------------------------------------

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM workspace_meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.writable()?;
        self.conn.execute(
            "INSERT INTO workspace_meta (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Runs `f` inside one transaction: all of it is written, or none of it.
    pub fn in_transaction<T>(&mut self, f: impl FnOnce(&mut Workspace) -> Result<T>) -> Result<T> {
        self.writable()?;
        self.conn.execute_batch("SAVEPOINT bulk")?;
        match f(self) {
            Ok(v) => {
                self.conn.execute_batch("RELEASE bulk")?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK TO bulk; RELEASE bulk");
                Err(e)
            }
        }
    }

    /// Refuses writes up front on a read-only workspace, with a clear error.
    fn writable(&self) -> Result<()> {
        if self.read_only {
            Err(StoreError::ReadOnly)
        } else {
            Ok(())
        }
    }
}

/// Applies every pending migration in one transaction.
fn migrate(conn: &mut Connection) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction()?;
    for (version, sql) in MIGRATIONS {
        if *version > current {
            tx.execute_batch(sql)?;
        }
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}
