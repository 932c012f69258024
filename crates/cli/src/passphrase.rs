//! Reading a passphrase: from the terminal without echo, or from a file descriptor or file a
//! script names. Never from an argument or the environment, where other users of the machine
//! (`ps`, `/proc/*/environ`) or a shell history could read it.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

use clap::Args;
use pitchbridge_app::error::{ApiError, ApiResult};

/// Where a command reads the passphrase from; the terminal when neither is given.
#[derive(Args, Debug, Clone, Default)]
pub struct PassphraseSource {
    /// Read the passphrase from this open file descriptor (its first line), as `gpg
    /// --passphrase-fd` does: `3< secret.txt`, or a pipe from a password manager.
    #[arg(long = "passphrase-fd", value_name = "N", conflicts_with = "passphrase_file")]
    pub passphrase_fd: Option<i32>,
    /// Read the passphrase from the first line of this file (keep it readable by you alone).
    #[arg(long = "passphrase-file", value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

/// The longest passphrase read: far beyond any real one, and a guard against reading a file
/// that is not one.
const MAX_BYTES: u64 = 4096;

fn first_line(reader: impl Read, from: &str) -> ApiResult<String> {
    let mut line = String::new();
    BufReader::new(reader.take(MAX_BYTES))
        .read_line(&mut line)
        .map_err(|e| ApiError::invalid(format!("Could not read the passphrase from {from}: {e}")))?;
    let line = line.trim_end_matches(['\n', '\r']).to_string();
    if line.is_empty() {
        return Err(ApiError::invalid(format!("{from} holds no passphrase on its first line.")));
    }
    Ok(line)
}

impl PassphraseSource {
    /// The passphrase; `confirm` asks twice at a terminal (for a new key).
    pub fn read(&self, prompt: &str, confirm: bool) -> ApiResult<String> {
        if let Some(fd) = self.passphrase_fd {
            return read_fd(fd);
        }
        if let Some(path) = &self.passphrase_file {
            let file = std::fs::File::open(path).map_err(|e| ApiError::invalid(format!("Could not open {}: {e}", path.display())))?;
            return first_line(file, &path.display().to_string());
        }
        let first = rpassword::prompt_password(prompt).map_err(|e| {
            ApiError::invalid(format!("Could not read the passphrase from the terminal ({e}); give --passphrase-fd or --passphrase-file in scripts."))
        })?;
        if first.is_empty() {
            return Err(ApiError::invalid("No passphrase was typed."));
        }
        if confirm {
            let second = rpassword::prompt_password("Type it again: ").map_err(|e| ApiError::invalid(e.to_string()))?;
            if second != first {
                return Err(ApiError::invalid("The two passphrases differ; nothing was changed."));
            }
        }
        Ok(first)
    }
}

#[cfg(unix)]
fn read_fd(fd: i32) -> ApiResult<String> {
    use std::os::fd::{FromRawFd, OwnedFd};
    if fd < 0 || fd == 1 || fd == 2 {
        return Err(ApiError::invalid(format!("--passphrase-fd {fd} is not a descriptor to read a passphrase from.")));
    }
    // Make sure the descriptor is open before taking ownership of it.
    let path = format!("/proc/self/fd/{fd}");
    if std::fs::symlink_metadata(&path).is_err() && std::fs::metadata(format!("/dev/fd/{fd}")).is_err() {
        return Err(ApiError::invalid(format!("File descriptor {fd} is not open.")));
    }
    // SAFETY: the descriptor is open (checked above) and named by the person running us for
    // this one purpose; nothing else in this process uses it.
    let file = std::fs::File::from(unsafe { OwnedFd::from_raw_fd(fd) });
    first_line(file, &format!("file descriptor {fd}"))
}

#[cfg(not(unix))]
fn read_fd(_fd: i32) -> ApiResult<String> {
    Err(ApiError::invalid("--passphrase-fd is not available on this system; use --passphrase-file."))
}
