//! What files are called and where they go: the name and folder a save dialog opens with, the
//! review copy made beside a review package, and the files of an export in several formats.
//! Policy only; the dialogs themselves are the shell's.

use std::path::{Path, PathBuf};

use pitchbridge_core::Id;

use crate::App;
use crate::error::ApiResult;
use crate::export::{ExportFormat, ExportOutcome, ExportPitchRequest};

/// What is about to be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saving {
    /// A pitch's export (DOCX or PDF).
    PitchExport(Id),
    /// A pitch in review, for a reviewer on another machine.
    ReviewPackage(Id),
    /// A pitch's latest decision, for the writer.
    Decision(Id),
    /// The person's reviewer card (their public key).
    ReviewerCard,
    /// The glossary as CSV.
    Glossary,
    /// A copy of the open workspace.
    WorkspaceCopy,
    /// A launch's readiness report.
    ReadinessReport(Id),
    /// A training kit (or launch kit) for a launch and an audience.
    TrainingKit { launch_id: Id, audience_id: Id, what: &'static str },
    /// The memory of approved wording as TMX.
    Memory,
}

/// The name (without extension) and folder a save dialog opens with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveSuggestion {
    pub stem: String,
    /// `None`: wherever the dialog opens by itself.
    pub folder: Option<PathBuf>,
}

/// A file name made from a title: letters, digits, spaces and dashes.
pub fn file_stem_for(title: &str) -> String {
    let name: String = title.chars().map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { ' ' }).collect();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        "Pitch".into()
    } else {
        name
    }
}

/// `path`, with `extension` when it has none (a name typed into a save dialog without one).
pub fn with_default_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(extension)
    } else {
        path
    }
}

/// Whether two paths name the same file (after following links), when the first exists; a
/// path that does not exist yet names the same file only if its folder and name do.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    let resolve = |p: &Path| -> Option<PathBuf> {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some(std::fs::canonicalize(parent).ok()?.join(p.file_name()?))
    };
    match (resolve(a), resolve(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Where a review package opens as a review copy: beside it, named after it, never over an
/// existing file ("X (review copy).pitchbridge", then "X (review copy 2).pitchbridge", …).
pub fn review_copy_path(package: &Path) -> PathBuf {
    let stem = package.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "Review".into());
    let folder = package.parent().map(Path::to_path_buf).unwrap_or_default();
    let ext = pitchbridge_store::EXTENSION;
    let mut copy = folder.join(format!("{stem} (review copy).{ext}"));
    let mut n = 2;
    while copy.exists() || Path::new(&format!("{}-wal", copy.display())).exists() {
        copy = folder.join(format!("{stem} (review copy {n}).{ext}"));
        n += 1;
    }
    copy
}

impl App {
    /// Refuses to write over the open workspace (or its journal) when a person names it as
    /// the place for an export or a file.
    pub fn refuse_overwriting_workspace(&self, output: &Path) -> ApiResult<()> {
        let Some(ws) = self.workspace() else { return Ok(()) };
        let journal = [ws.path().to_path_buf(), PathBuf::from(format!("{}-wal", ws.path().display())), PathBuf::from(format!("{}-shm", ws.path().display()))];
        if journal.iter().any(|j| same_file(output, j)) {
            return Err(crate::ApiError::invalid(format!("{} is the open workspace; choose another file to write.", output.display())));
        }
        Ok(())
    }

    /// The folder of the open workspace, where a writer keeps the launch's material.
    pub fn workspace_folder(&self) -> Option<PathBuf> {
        self.workspace().and_then(|w| w.path().parent().map(Path::to_path_buf))
    }

    /// The name and folder a save dialog for `what` opens with.
    pub fn save_suggestion(&self, what: Saving) -> ApiResult<SaveSuggestion> {
        let title = |pitch_id: Id| -> ApiResult<String> { Ok(file_stem_for(&self.get_pitch(pitch_id)?.summary.pitch.title)) };
        Ok(match what {
            Saving::PitchExport(id) => SaveSuggestion { stem: title(id)?, folder: self.workspace_folder() },
            Saving::ReviewPackage(id) => SaveSuggestion { stem: format!("{} for review", title(id)?), folder: self.workspace_folder() },
            Saving::Decision(id) => SaveSuggestion { stem: format!("{} decision", title(id)?), folder: self.workspace_folder() },
            Saving::ReviewerCard => {
                let name = self.get_profile()?.map(|p| p.name).unwrap_or_default();
                SaveSuggestion { stem: format!("{} reviewer card", file_stem_for(&name)), folder: None }
            }
            Saving::Glossary => SaveSuggestion { stem: "glossary".into(), folder: None },
            Saving::WorkspaceCopy => {
                let name = self.workspace().and_then(|w| w.path().file_stem().map(|s| s.to_string_lossy().into_owned())).unwrap_or_else(|| "Workspace".into());
                SaveSuggestion { stem: format!("{name} copy"), folder: self.workspace_folder() }
            }
            Saving::ReadinessReport(id) => {
                let name = self.get_launch(id)?.launch.name;
                SaveSuggestion { stem: format!("{} readiness {}", file_stem_for(&name), self.today()), folder: self.workspace_folder() }
            }
            Saving::TrainingKit { launch_id, audience_id, what } => {
                let launch = self.get_launch(launch_id)?.launch.name;
                let audience = self.ws()?.get_audience(audience_id)?;
                let stem = format!("{} {} {} {what}", launch, audience.channel, audience.persona);
                SaveSuggestion { stem: file_stem_for(&stem), folder: self.workspace_folder() }
            }
            Saving::Memory => {
                let name = self.workspace().and_then(|w| w.path().file_stem().map(|s| s.to_string_lossy().into_owned())).unwrap_or_else(|| "Workspace".into());
                SaveSuggestion { stem: format!("{} memory", file_stem_for(&name)), folder: self.workspace_folder() }
            }
        })
    }

    /// Exports the pitch in each format asked: the first at `chosen` (given that format's
    /// extension), each other beside it with its own extension.
    pub fn export_pitch_formats(&mut self, pitch_id: Id, formats: &[ExportFormat], chosen: &Path) -> ApiResult<Vec<ExportOutcome>> {
        if formats.is_empty() {
            return Err(crate::ApiError::invalid("Choose DOCX, PDF or both."));
        }
        formats
            .iter()
            .map(|f| self.export_pitch(ExportPitchRequest { pitch_id, format: *f, path: chosen.with_extension(f.extension()).display().to_string() }))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_becomes_a_file_name() {
        assert_eq!(file_stem_for("Ledgerline 4.0 — one-pager: CFOs/Controllers"), "Ledgerline 4 0 one-pager CFOs Controllers");
        assert_eq!(file_stem_for("???"), "Pitch");
        assert_eq!(file_stem_for("  Préparez  vos  ventes "), "Préparez vos ventes");
    }

    #[test]
    fn a_name_without_extension_gets_one() {
        assert_eq!(with_default_extension("a/New".into(), "pitchbridge"), PathBuf::from("a/New.pitchbridge"));
        assert_eq!(with_default_extension("a/New.db".into(), "pitchbridge"), PathBuf::from("a/New.db"));
    }

    #[test]
    fn review_copies_never_take_an_existing_name() {
        let dir = tempfile::tempdir().unwrap();
        let package = dir.path().join("Battle card for review.pbreview");
        let first = review_copy_path(&package);
        assert_eq!(first, dir.path().join("Battle card for review (review copy).pitchbridge"));
        std::fs::write(&first, b"").unwrap();
        let second = review_copy_path(&package);
        assert_eq!(second, dir.path().join("Battle card for review (review copy 2).pitchbridge"));
        // A copy whose main file is gone but whose journal is left is not reused either.
        std::fs::write(format!("{}-wal", second.display()), b"").unwrap();
        assert_eq!(review_copy_path(&package), dir.path().join("Battle card for review (review copy 3).pitchbridge"));
    }
}
