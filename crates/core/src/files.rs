//! Reading a file someone handed over: a regular file only (not a device, a FIFO or a folder,
//! whose sizes lie or which never end), and never more than a limit, whatever its size says.
//! The one piece of input/output in the core, so every entrance reads files the same way.

use std::fmt;
use std::io::Read;
use std::path::Path;

/// Why a handed-over file was not read.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// A folder, a device, a FIFO, a socket: not something a person saves.
    NotAFile,
    /// Over the limit (bytes).
    TooLarge { limit: u64 },
    Io(std::io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => f.write_str("the file does not exist"),
            ReadError::NotAFile => f.write_str("it is not a regular file"),
            ReadError::TooLarge { limit } => write!(f, "it is larger than {}", size(*limit)),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

/// "8 MB", "64 KB".
pub fn size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The bytes of the regular file at `path` (following a link to one), at most `limit` of them.
/// The size the file system reports is only a first refusal: reading stops at the limit.
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let missing = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        _ => ReadError::Io(e),
    };
    // Looked at before opening: opening a FIFO waits for a writer that may never come.
    if !std::fs::metadata(path).map_err(missing)?.is_file() {
        return Err(ReadError::NotAFile);
    }
    let file = std::fs::File::open(path).map_err(missing)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_files_within_the_limit_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, b"hello").unwrap();
        assert_eq!(read_capped(&file, 5).unwrap(), b"hello");
        assert!(matches!(read_capped(&file, 4), Err(ReadError::TooLarge { limit: 4 })));
        assert!(matches!(read_capped(dir.path(), 100), Err(ReadError::NotAFile)));
        assert!(matches!(read_capped(&dir.path().join("missing"), 100), Err(ReadError::NotFound)));
        // A device reports a size of 0 and never ends.
        assert!(matches!(read_capped(Path::new("/dev/zero"), 100), Err(ReadError::NotAFile)));
        // A FIFO would wait for a writer forever.
        let fifo = dir.path().join("fifo");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert!(matches!(read_capped(&fifo, 100), Err(ReadError::NotAFile)));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert_eq!(read_capped(&link, 100).unwrap(), b"hello");
        }
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size(8 * 1024 * 1024), "8 MB");
        assert_eq!(size(64 * 1024), "64 KB");
        assert_eq!(size(100), "1 KB");
    }
}
