//! The native menu bar: File (new, open, quit), Edit, View (zoom), Help.

use pitchbridge_app::workspace::OpenWorkspaceRequest;
use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Manager, Runtime};

use crate::events::{self, ShowShortcuts};
use crate::state::Shared;
use crate::{dialogs, window, zoom};

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
    // Ctrl+= as well as Ctrl++: on most keyboards "+" is Shift+=.
    let view = SubmenuBuilder::new(handle, "View")
        .item(&MenuItemBuilder::with_id("zoom-in", "Zoom In").accelerator("CmdOrCtrl+=").build(handle)?)
        .item(&MenuItemBuilder::with_id("zoom-out", "Zoom Out").accelerator("CmdOrCtrl+-").build(handle)?)
        .item(&MenuItemBuilder::with_id("zoom-reset", "Actual Size").accelerator("CmdOrCtrl+0").build(handle)?)
        .build()?;
    let help = SubmenuBuilder::new(handle, "Help")
        .item(&MenuItemBuilder::with_id("show-shortcuts", "Keyboard Shortcuts").accelerator("F1").build(handle)?)
        .build()?;
    MenuBuilder::new(handle).items(&[&file, &edit, &view, &help]).build()
}

pub fn on_event(handle: &AppHandle, event: MenuEvent) {
    match event.id().as_ref() {
        id @ ("new-workspace" | "open-workspace") => {
            let create = id == "new-workspace";
            let handle = handle.clone();
            tauri::async_runtime::spawn(async move {
                let Some(path) = dialogs::ask_for_workspace(&handle, create).await else { return };
                let shared = handle.state::<Shared>().inner().clone();
                let req = OpenWorkspaceRequest { path: path.display().to_string(), create };
                if let Err(e) = shared.open_and_show(&handle, req).await {
                    window::show_error(&handle, &e);
                }
            });
        }
        "show-shortcuts" => events::emit::<ShowShortcuts>(handle, ()),
        "zoom-in" => zoom::change(handle, 1),
        "zoom-out" => zoom::change(handle, -1),
        "zoom-reset" => zoom::change(handle, 0),
        _ => {}
    }
}
