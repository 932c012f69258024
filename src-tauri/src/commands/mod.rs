//! The command surface: every `#[tauri::command]` the UI can call, one module per feature.
//! Each is a one-line adapter onto `pitchbridge_app::App` (run on the blocking pool), or asks a
//! native dialog first. The handler list, the permissions and the UI's typed functions are all
//! generated from these modules by `pitchbridge-surface`: a new command is written here only.

pub mod audiences;
pub mod audit;
pub mod brand_kit;
pub mod checks;
pub mod export;
pub mod glossary;
pub mod import;
pub mod launches;
pub mod memory;
pub mod messages;
pub mod pitch_editor;
pub mod pitches;
pub mod profile;
pub mod readiness;
pub mod results;
pub mod review;
pub mod review_files;
pub mod training;
pub mod workspace;

use tauri::State;

use crate::state::Shared;

/// The shared app, as a command receives it.
pub type Cmd<'a> = State<'a, Shared>;
