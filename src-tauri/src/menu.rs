//! The native menu bar: File (new, open, quit), Edit, Help.

use std::path::PathBuf;

use pitchbridge_app::store::EXTENSION;
use pitchbridge_app::OpenWorkspaceRequest;
use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::commands::Shared;
use crate::window;

pub fn build<R: Runtime>(handle: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let file = SubmenuBuilder::new(handle, "File")
        .item(&MenuItemBuilder::with_id("new-workspace", "New Workspace…").accelerator("CmdOrCtrl+Shift+N").build(handle)?)
        .item(&MenuItemBuilder::with_id("open-workspace", "Open Workspace…").accelerator("CmdOrCtrl+O").build(handle)?)
        .separator()
        .item(&PredefinedMenuItem::quit(handle, Some("Quit"))?)
        .build()?;
    let edit = SubmenuBuilder::new(handle, "Edit")
        .item(&PredefinedMenuItem::undo(handle, None)?)
        .item(&PredefinedMenuItem::redo(handle, None)?)
        .separator()
        .item(&PredefinedMenuItem::cut(handle, None)?)
        .item(&PredefinedMenuItem::copy(handle, None)?)
        .item(&PredefinedMenuItem::paste(handle, None)?)
        .item(&PredefinedMenuItem::select_all(handle, None)?)
        .build()?;
    let help = SubmenuBuilder::new(handle, "Help")
        .item(&MenuItemBuilder::with_id("show-shortcuts", "Keyboard Shortcuts").accelerator("F1").build(handle)?)
        .build()?;
    MenuBuilder::new(handle).items(&[&file, &edit, &help]).build()
}

pub fn on_event(handle: &AppHandle, event: MenuEvent) {
    match event.id().as_ref() {
        id @ ("new-workspace" | "open-workspace") => {
            let create = id == "new-workspace";
            let handle = handle.clone();
            tauri::async_runtime::spawn(async move {
                let Some(path) = ask_for_workspace(&handle, create).await else { return };
                let shared = handle.state::<Shared>().inner().clone();
                let req = OpenWorkspaceRequest { path: path.display().to_string(), create };
                if let Err(e) = shared.open_and_show(&handle, req).await {
                    window::show_error(&handle, &e);
                }
            });
        }
        "show-shortcuts" => {
            let _ = handle.emit("show-shortcuts", ());
        }
        _ => {}
    }
}

/// The native file dialog: open an existing workspace, or name a new one.
pub async fn ask_for_workspace(handle: &AppHandle, create: bool) -> Option<PathBuf> {
    let (tx, rx) = std::sync::mpsc::channel();
    let dialog = handle
        .dialog()
        .file()
        .set_title(if create { "New workspace" } else { "Open workspace" })
        .add_filter("Pitchbridge workspace", &[EXTENSION]);
    let done = move |p: Option<tauri_plugin_dialog::FilePath>| {
        let _ = tx.send(p.and_then(|p| p.into_path().ok()));
    };
    if create {
        dialog.set_file_name(format!("Untitled.{}", EXTENSION)).save_file(done);
    } else {
        dialog.pick_file(done);
    }
    let path = tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten()).await.ok().flatten()?;
    Some(with_extension(path))
}

/// A native file dialog: open a file (`save_as: None`), or choose where to save one under a
/// suggested name (without extension). A saved name without an extension gets the first one.
pub async fn ask_for_file(handle: &AppHandle, title: &str, label: &str, extensions: &[&str], save_as: Option<String>, folder: Option<PathBuf>) -> Option<PathBuf> {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut dialog = handle.dialog().file().set_title(title).add_filter(label, extensions);
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    let done = move |p: Option<tauri_plugin_dialog::FilePath>| {
        let _ = tx.send(p.and_then(|p| p.into_path().ok()));
    };
    let extension = extensions[0];
    let saving = save_as.is_some();
    match save_as {
        Some(name) => dialog.set_file_name(format!("{name}.{extension}")).save_file(done),
        None => dialog.pick_file(done),
    }
    let path = tauri::async_runtime::spawn_blocking(move || rx.recv().ok().flatten()).await.ok().flatten()?;
    Some(if saving && path.extension().is_none() { path.with_extension(extension) } else { path })
}

/// A file name made from a title: letters, digits, spaces and dashes.
pub fn file_stem_for(title: &str) -> String {
    let name: String = title.chars().map(|c| if c.is_alphanumeric() || c == ' ' || c == '-' { c } else { ' ' }).collect();
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() { "Pitch".into() } else { name }
}

/// A new workspace named without an extension gets ours.
fn with_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension(EXTENSION)
    } else {
        path
    }
}
