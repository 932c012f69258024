//! Opening never changes a file it then refuses; a read-only open leaves nothing behind; two
//! writers take turns; the main file alone holds the work after a checkpoint; a copy is a whole
//! workspace.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use pitchbridge_core::LaunchInput;
use pitchbridge_store::{StoreError, Workspace};

const NOW: &str = "2027-01-15T10:00:00Z";

fn launch(name: &str) -> LaunchInput {
    LaunchInput { name: name.into(), product: "Coldtrace".into(), version: "2".into(), ..Default::default() }
}

fn side_files(path: &Path) -> Vec<String> {
    ["-wal", "-shm", "-journal"].iter().map(|s| format!("{}{s}", path.display())).filter(|p| Path::new(p).exists()).collect()
}

#[test]
fn an_empty_file_is_refused_untouched_unless_asked_to_create() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.pitchbridge");
    fs::write(&path, b"").unwrap();
    let err = Workspace::open(&path, false).unwrap_err();
    assert!(matches!(err, StoreError::NotAWorkspace { .. }), "{err}");
    assert!(err.to_string().contains("it is empty"), "{err}");
    assert_eq!(fs::metadata(&path).unwrap().len(), 0);
    assert!(side_files(&path).is_empty(), "{:?}", side_files(&path));
    // Asked to create (New workspace), it becomes one.
    Workspace::create(&path).unwrap();
}

#[test]
fn a_database_of_another_program_or_an_empty_one_is_refused_byte_for_byte_untouched() {
    let dir = tempfile::tempdir().unwrap();
    for (name, sql) in [
        ("contacts.db", "CREATE TABLE contact (name TEXT); INSERT INTO contact VALUES ('Ada');"),
        ("blank.db", "PRAGMA user_version = 0;"),
    ] {
        let path = dir.path().join(name);
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.execute_batch(sql).unwrap();
            // A page written, so the file is a real (if empty) database.
            c.execute_batch("CREATE TABLE t (x); DROP TABLE t;").unwrap();
        }
        let before = fs::read(&path).unwrap();
        let err = Workspace::open(&path, false).unwrap_err();
        assert!(matches!(err, StoreError::NotAWorkspace { .. }), "{name}: {err}");
        assert_eq!(fs::read(&path).unwrap(), before, "{name} unchanged (journal mode included)");
        assert!(side_files(&path).is_empty(), "{name}: {:?}", side_files(&path));
    }
}

#[test]
fn a_read_only_workspace_opens_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.pitchbridge");
    {
        let mut ws = Workspace::open(&path, true).unwrap();
        ws.create_launch(&launch("Coldtrace 2"), NOW).unwrap();
    }
    assert!(side_files(&path).is_empty(), "a clean close folds the log in");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    {
        let ws = Workspace::open(&path, false).unwrap();
        assert!(ws.is_read_only());
        assert_eq!(ws.list_launches().unwrap().len(), 1);
        assert!(side_files(&path).is_empty(), "nothing made beside a read-only file: {:?}", side_files(&path));
    }
    assert!(side_files(&path).is_empty(), "{:?}", side_files(&path));
    // Once the permission is fixed it is written as usual.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    let mut ws = Workspace::open(&path, false).unwrap();
    assert!(!ws.is_read_only());
    ws.create_launch(&launch("Coldtrace 3"), NOW).unwrap();
}

#[test]
fn a_second_writer_waits_its_turn_and_past_the_wait_is_told_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.pitchbridge");
    let mut first = Workspace::open(&path, true).unwrap();
    let mut second = Workspace::open(&path, false).unwrap();
    // The first writer holds the workspace for a moment (a long import, say).
    let holder = std::thread::spawn(move || {
        first
            .in_transaction(|ws| {
                ws.create_launch(&launch("Held"), NOW)?;
                std::thread::sleep(Duration::from_millis(600));
                Ok(())
            })
            .unwrap();
        first
    });
    std::thread::sleep(Duration::from_millis(100));
    // The second reads, then writes, in one transaction: it waits instead of failing.
    second
        .in_transaction(|ws| {
            let n = ws.list_launches()?.len();
            ws.create_launch(&launch(&format!("After {n}")), NOW)
        })
        .expect("the second writer waits for the first");
    let first = holder.join().unwrap();
    assert_eq!(second.list_launches().unwrap().len(), 2);

    // A writer that holds on past the wait: the other is told the workspace is busy.
    second.set_busy_timeout(Duration::from_millis(200)).unwrap();
    let holder = std::thread::spawn(move || {
        let mut first = first;
        first.in_transaction(|ws| {
            ws.create_launch(&launch("Long"), NOW)?;
            std::thread::sleep(Duration::from_millis(900));
            Ok(())
        })
    });
    std::thread::sleep(Duration::from_millis(100));
    let err = second.create_launch(&launch("Too soon"), NOW).unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err:?}");
    assert!(err.to_string().contains("Try again in a moment"));
    holder.join().unwrap().unwrap();
}

#[test]
fn after_a_checkpoint_the_main_file_alone_holds_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.pitchbridge");
    let mut ws = Workspace::open(&path, true).unwrap();
    ws.create_launch(&launch("Only in the log"), NOW).unwrap();
    assert!(ws.wal_size() > 0, "the change is in the write-ahead log");
    // Copied alone now, the file would not hold it; after a checkpoint it does.
    assert!(ws.checkpoint().unwrap());
    assert_eq!(ws.wal_size(), 0);
    let copy = dir.path().join("mailed.pitchbridge");
    fs::copy(&path, &copy).unwrap();
    let copied = Workspace::open(&copy, false).unwrap();
    assert_eq!(copied.list_launches().unwrap()[0].launch.name, "Only in the log");
    assert!(!ws.checkpoint().unwrap(), "nothing left to fold in");
}

#[test]
fn save_a_copy_writes_a_whole_workspace_in_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("work.pitchbridge");
    let mut ws = Workspace::open(&path, true).unwrap();
    ws.create_launch(&launch("Copied"), NOW).unwrap();
    assert!(ws.wal_size() > 0, "the change is still only in the log");
    let copy = dir.path().join("copy.pitchbridge");
    ws.save_copy(&copy).unwrap();
    assert!(side_files(&copy).is_empty());
    {
        let opened = Workspace::open(&copy, false).unwrap();
        assert_eq!(opened.list_launches().unwrap()[0].launch.name, "Copied");
    }
    // Saved again over the same name (a save dialog asked first), it is replaced whole.
    ws.create_launch(&launch("Second"), NOW).unwrap();
    ws.save_copy(&copy).unwrap();
    assert_eq!(Workspace::open(&copy, false).unwrap().list_launches().unwrap().len(), 2);
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().ends_with(".part")).collect();
    assert!(left.is_empty());
}
