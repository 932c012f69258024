// Every app command is declared here so that it needs an explicit permission in
// capabilities/main.json.
const COMMANDS: &[&str] = &[
    "startup_snapshot",
    "open_workspace",
    "pick_workspace",
    "list_launches",
    "get_launch",
    "create_launch",
    "update_launch",
    "delete_launch",
    "create_message",
    "add_message_version",
    "get_message",
    "set_claim_kind",
    "delete_message",
    "list_audiences",
    "create_audience",
    "update_audience",
    "delete_audience",
    "list_collateral_types",
    "create_pitch",
    "get_pitch",
    "delete_pitch",
    "take_pending_import",
    "pick_import_file",
    "preview_import",
    "apply_import",
    "get_pitch_editor",
    "save_pitch_doc",
    "link_claims",
    "unlink_claim",
    "confirm_link",
    "save_pitch_version",
    "compare_pitch_version",
    "restore_pitch_version",
    "preview_message_version",
    "list_glossary",
    "search",
    "frontend_ready",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
