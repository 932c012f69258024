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
    let (a, _) = demo(dir.path());
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
