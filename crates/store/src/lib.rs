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
mod memory;
mod messages;
mod pitch_doc;
mod pitches;
mod readiness;
mod results;
mod training;
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
pub use error::{disk_nearly_full, Result, StoreError};
pub use pitches::{NewBlock, PitchExportSource};
pub use review::{
    ApprovalDrift, ClaimDrift, Comment, DecisionRecord, PitchOutcome, ReviewRequest, Reviewer, VerifiedDecision,
    MAX_COMMENT_CHARS,
};
pub use review_copy::{PackageLink, ReviewPackage, META_COPY_LAST_COMMENT, META_COPY_OF, PACKAGE_FORMAT};
pub use search::{SearchHit, SearchHitKind};
pub use memory::{ApprovedBlock, NewPair, PairRow};
pub use results::{CertificationRow, ClosedDeal, ClosedDealRow, OWNER_KEY, DealImportCounts, DealOutcome, DealRow, DealTerms, PersonRow, ResultsScope};
pub use training::{DEFAULT_CERTIFICATION, ItemState, KitDecisionRecord, KitReview, KitSubmission};
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
    (7, include_str!("../migrations/0007_readiness.sql")),
    (8, include_str!("../migrations/0008_check_summary.sql")),
    (9, include_str!("../migrations/0009_training.sql")),
    (10, include_str!("../migrations/0010_training_review.sql")),
    (11, include_str!("../migrations/0011_results.sql")),
    (12, include_str!("../migrations/0012_memory.sql")),
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

/// A connection that only reads and leaves nothing beside the file: "immutable" when no
/// write-ahead log is there (so no `-shm` is made), otherwise read-only so that the log's
/// committed changes are seen.
fn looking_connection(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if Path::new(&format!("{}-wal", path.display())).exists() {
        return Connection::open_with_flags(path, flags);
    }
    Connection::open_with_flags(format!("file:{}?immutable=1", uri_path(path)), flags | OpenFlags::SQLITE_OPEN_URI)
}

/// A path as the path of a `file:` URI: everything but unreserved characters and slashes
/// percent-encoded.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for b in path.as_os_str().as_encoded_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(*b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Whether the file's permission bits forbid writing (honoured even for root).
fn marked_read_only(path: &Path) -> bool {
    fs::metadata(path).map(|m| m.permissions().readonly()).unwrap_or(false)
}

impl Workspace {
    /// Opens an existing workspace. With `create`, a missing or empty file becomes a new
    /// workspace; without it, a file that is not already a workspace is refused, untouched.
    pub fn open(path: &Path, create: bool) -> Result<Workspace> {
        let not_a_workspace = |detail: &str| StoreError::NotAWorkspace { path: path.to_path_buf(), detail: detail.into() };
        match probe_file(path)? {
            FileState::Missing if create => Self::open_checked(path, false),
            FileState::Missing => Err(StoreError::FileNotFound(path.to_path_buf())),
            FileState::Other => Err(not_a_workspace(" (it is not a database file)")),
            FileState::Empty if create => Self::open_checked(path, false),
            FileState::Empty => Err(not_a_workspace(" (it is empty)")),
            FileState::Sqlite => {
                let read_only = marked_read_only(path);
                Self::inspect(path, read_only, create)?;
                match Self::open_checked(path, read_only) {
                    // On a read-only disk or in a folder that cannot be written, the workspace
                    // can still be read: it opens read-only, and says so.
                    Err(StoreError::FolderNotWritable(_)) if !read_only => {
                        Self::inspect(path, true, create)?;
                        Self::open_checked(path, true)
                    }
                    other => other,
                }
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

    /// Looks at an existing SQLite file without writing to it or leaving anything beside it.
    /// An empty database (no tables, no application id) becomes a workspace only when
    /// `create` says so.
    fn inspect(path: &Path, read_only: bool, create: bool) -> Result<()> {
        let corrupt = |e: rusqlite::Error| StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        };
        let conn = looking_connection(path).map_err(corrupt)?;
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
        if app_id == 0 && !create {
            return Err(StoreError::NotAWorkspace { path: path.to_path_buf(), detail: " (it is an empty database)".into() });
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
        let failed = |e: rusqlite::Error| StoreError::on_open(path, e);
        let mut conn = if read_only {
            looking_connection(path)
        } else {
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        }
        .map_err(failed)?;
        conn.busy_timeout(std::time::Duration::from_millis(5000))?;
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL;
             PRAGMA foreign_keys = ON;
             PRAGMA trusted_schema = OFF;",
        )
        .map_err(failed)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(failed)?;
        // A damaged file is reported now, before anything is written to it (the journal mode
        // and the migrations write), rather than mid-edit.
        if version > 0 {
            touch_every_table(&conn).map_err(failed)?;
        }
        if read_only {
            conn.pragma_update(None, "query_only", true)?;
        } else {
            conn.pragma_update(None, "journal_mode", "WAL").map_err(failed)?;
            migrate(&mut conn).map_err(failed)?;
            touch_every_table(&conn).map_err(failed)?;
        }
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
        let tx = WriteTx::begin(&self.conn)?;
        let outer = tx.top;
        std::mem::forget(tx);
        let rollback = |conn: &Connection| {
            let _ = conn.execute_batch(if outer { "ROLLBACK" } else { "ROLLBACK TO write; RELEASE write" });
        };
        match f(self) {
            Ok(v) => match self.conn.execute_batch(if outer { "COMMIT" } else { "RELEASE write" }) {
                Ok(()) => Ok(v),
                Err(e) => {
                    rollback(&self.conn);
                    Err(e.into())
                }
            },
            Err(e) => {
                rollback(&self.conn);
                Err(e)
            }
        }
    }

    /// How long a write waits for another writer to finish before giving up (5 s unless set).
    pub fn set_busy_timeout(&self, timeout: std::time::Duration) -> Result<()> {
        Ok(self.conn.busy_timeout(timeout)?)
    }

    /// A write transaction on this workspace's connection (see [`WriteTx`]).
    pub(crate) fn write_tx(&self) -> Result<WriteTx<'_>> {
        WriteTx::begin(&self.conn)
    }

    /// Folds the write-ahead log into the main file and empties it, so that the workspace file
    /// alone holds every saved change (people copy, mail and back up "the file"). Returns
    /// whether there was anything to fold.
    pub fn checkpoint(&self) -> Result<bool> {
        if self.read_only || self.wal_size() == 0 {
            return Ok(false);
        }
        let (busy, _, _): (i64, i64, i64) = self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(busy == 0)
    }

    /// The size of the write-ahead log beside the file (0 when there is none).
    pub fn wal_size(&self) -> u64 {
        fs::metadata(format!("{}-wal", self.path.display())).map(|m| m.len()).unwrap_or(0)
    }

    /// Writes a complete, consistent copy of the workspace to `dest` as one file with no log
    /// beside it, while the workspace stays open: made under a new name beside `dest` and
    /// renamed over it only when complete, so a failed copy leaves nothing behind.
    pub fn save_copy(&self, dest: &Path) -> Result<()> {
        let dir = dest.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        // An empty file made exclusively: VACUUM INTO fills an empty file, and never a link.
        let tmp = tempfile::Builder::new().prefix(".pitchbridge-copy-").suffix(".part").tempfile_in(dir)?;
        let target = tmp.path().to_str().ok_or_else(|| StoreError::Invalid("Choose a folder without unusual characters in its name for the copy.".into()))?.to_string();
        self.conn.execute("VACUUM INTO ?1", [target])?;
        tmp.persist(dest).map_err(|e| StoreError::Io(e.error))?;
        Ok(())
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

/// A write transaction that takes the write lock at once (`BEGIN IMMEDIATE`), so a second
/// writer waits its turn under the busy timeout instead of failing when it tries to upgrade a
/// read lock; nested inside another transaction it is a savepoint. Rolled back unless
/// committed.
pub(crate) struct WriteTx<'a> {
    conn: &'a Connection,
    /// The outermost transaction (not a savepoint).
    top: bool,
    done: bool,
}

impl<'a> WriteTx<'a> {
    fn begin(conn: &'a Connection) -> Result<WriteTx<'a>> {
        let top = conn.is_autocommit();
        conn.execute_batch(if top { "BEGIN IMMEDIATE" } else { "SAVEPOINT write" })?;
        Ok(WriteTx { conn, top, done: false })
    }

    pub(crate) fn commit(mut self) -> Result<()> {
        self.done = true;
        self.conn.execute_batch(if self.top { "COMMIT" } else { "RELEASE write" }).map_err(|e| {
            let _ = self.conn.execute_batch(if self.top { "ROLLBACK" } else { "ROLLBACK TO write; RELEASE write" });
            e.into()
        })
    }
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl Drop for WriteTx<'_> {
    fn drop(&mut self) {
        if !self.done {
            let _ = self.conn.execute_batch(if self.top { "ROLLBACK" } else { "ROLLBACK TO write; RELEASE write" });
        }
    }
}

/// Reads every core table once.
fn touch_every_table(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM launch) + (SELECT count(*) FROM audience)
              + (SELECT count(*) FROM glossary_term) + (SELECT count(*) FROM collateral_type)",
        [],
        |r| r.get::<_, i64>(0),
    )
}

/// Applies every pending migration in one transaction.
fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current >= SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
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
