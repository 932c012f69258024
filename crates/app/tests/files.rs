//! What files are called and where they go, decided in the app and tested with no window: the
//! names save dialogs suggest and an export in several formats.

use pitchbridge_app::export::ExportFormat;
use pitchbridge_app::files::Saving;

mod common;
use common::demo;

#[test]
fn save_dialogs_start_beside_the_workspace_with_the_pitchs_title() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = demo(dir.path());
    let launch = a.list_launches().unwrap()[0].launch.id;
    let pitch = a.get_launch(launch).unwrap().pitches[0].pitch.clone();
    let export = a.save_suggestion(Saving::PitchExport(pitch.id)).unwrap();
    assert_eq!(export.folder.as_deref(), Some(dir.path()));
    assert!(!export.stem.contains(['/', ':', '×', '—']), "{}", export.stem);
    assert!(export.stem.starts_with(pitch.title.split(|c: char| !c.is_alphanumeric()).next().unwrap()), "{} from {}", export.stem, pitch.title);
    let package = a.save_suggestion(Saving::ReviewPackage(pitch.id)).unwrap();
    assert_eq!(package.stem, format!("{} for review", export.stem));
    assert_eq!(a.save_suggestion(Saving::Decision(pitch.id)).unwrap().stem, format!("{} decision", export.stem));
    assert_eq!(a.save_suggestion(Saving::Glossary).unwrap().stem, "glossary");
    assert!(a.save_suggestion(Saving::PitchExport(999_999)).is_err(), "an unknown pitch has no name");
}

#[test]
fn an_export_in_two_formats_writes_each_beside_the_chosen_name() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = demo(dir.path());
    let launch = a.list_launches().unwrap()[0].launch.id;
    let pitch = a.get_launch(launch).unwrap().pitches[0].pitch.id;
    let chosen = dir.path().join("out").join("For the CFO.pdf");
    std::fs::create_dir_all(chosen.parent().unwrap()).unwrap();
    let outcomes = a.export_pitch_formats(pitch, &[ExportFormat::Pdf, ExportFormat::Docx], &chosen).unwrap();
    let paths: Vec<&str> = outcomes.iter().map(|o| o.path.as_str()).collect();
    assert_eq!(paths, [chosen.display().to_string(), chosen.with_extension("docx").display().to_string()]);
    assert!(std::fs::read(&chosen).unwrap().starts_with(b"%PDF"));
    assert!(std::fs::read(chosen.with_extension("docx")).unwrap().starts_with(b"PK"));
    assert!(a.export_pitch_formats(pitch, &[], &chosen).is_err(), "no format is refused");
}

#[test]
fn once_writing_stops_the_workspace_file_alone_holds_the_work() {
    use pitchbridge_app::pitch_editor::SavePitchDocRequest;
    use pitchbridge_core::doc::Run;
    let dir = tempfile::tempdir().unwrap();
    let (mut a, path) = demo(dir.path());
    let launch = a.list_launches().unwrap()[0].launch.id;
    let pitch_id = a.get_launch(launch).unwrap().pitches[0].pitch.id;
    let mut blocks = a.get_pitch_editor(pitch_id).unwrap().blocks;
    blocks[0].runs = vec![Run::plain("Sensors report every thirty seconds, so no truck goes dark.")];
    a.save_pitch_doc(SavePitchDocRequest { pitch_id, workspace: path.display().to_string(), blocks }).unwrap();
    // While the writer types, the log keeps growing: nothing is folded in yet.
    assert!(!a.checkpoint_when_idle().unwrap(), "the first look only notes the log's size");
    // Two seconds later nothing more was written: the log is folded into the file.
    assert!(a.checkpoint_when_idle().unwrap());
    let mailed = dir.path().join("mailed.pitchbridge");
    std::fs::copy(&path, &mailed).unwrap();
    let mut b = common::app();
    b.open_workspace(pitchbridge_app::workspace::OpenWorkspaceRequest { path: mailed.display().to_string(), create: false }).unwrap();
    let text: String = b.get_pitch_editor(pitch_id).unwrap().blocks[0].runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(text, "Sensors report every thirty seconds, so no truck goes dark.");
}

#[test]
fn save_a_copy_makes_a_whole_workspace_and_never_writes_over_the_open_one() {
    let dir = tempfile::tempdir().unwrap();
    let (a, path) = demo(dir.path());
    assert_eq!(a.save_suggestion(Saving::WorkspaceCopy).unwrap().stem, "demo copy");
    let copy = dir.path().join("demo copy.pitchbridge");
    a.save_workspace_copy(&copy).unwrap();
    let mut b = common::app();
    b.open_workspace(pitchbridge_app::workspace::OpenWorkspaceRequest { path: copy.display().to_string(), create: false }).unwrap();
    assert_eq!(b.list_launches().unwrap().len(), 1);
    let err = a.save_workspace_copy(&path).unwrap_err();
    assert!(err.message.contains("the workspace itself"), "{}", err.message);
    // Nor does an export or a glossary go over it.
    let err = a.export_glossary_csv(path.display().to_string()).unwrap_err();
    assert!(err.message.contains("is the open workspace"), "{}", err.message);
}
