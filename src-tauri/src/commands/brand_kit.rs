//! The workspace's brand kit.

use pitchbridge_app::brand_kit::{BrandKitInput, BrandKitView};
use pitchbridge_app::error::ApiResult;
use tauri::AppHandle;

use super::Cmd;

#[tauri::command]
pub async fn get_brand_kit(s: Cmd<'_>) -> ApiResult<BrandKitView> {
    s.run(|a| a.get_brand_kit()).await
}

#[tauri::command]
pub async fn set_brand_kit(s: Cmd<'_>, input: BrandKitInput) -> ApiResult<BrandKitView> {
    s.run(move |a| a.set_brand_kit(input)).await
}

/// Asks for a PNG or JPEG and makes it the kit's logo; `None` when cancelled.
#[tauri::command]
pub async fn pick_brand_logo(handle: AppHandle, s: Cmd<'_>) -> ApiResult<Option<BrandKitView>> {
    let Some(path) = crate::dialogs::open_file(&handle, "Choose a logo", "PNG or JPEG image", &["png", "jpg", "jpeg"], None).await else { return Ok(None) };
    s.run(move |a| a.set_brand_logo(path.display().to_string())).await.map(Some)
}

#[tauri::command]
pub async fn clear_brand_logo(s: Cmd<'_>) -> ApiResult<BrandKitView> {
    s.run(|a| a.clear_brand_logo()).await
}
