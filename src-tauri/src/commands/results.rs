//! Results: the rep roster, training results and CRM deals in, and a launch's figures out.

use pitchbridge_app::error::ApiResult;
use pitchbridge_app::results::{DealGroup, ImportProgress, DealImport, DealPreview, LaunchResults, MappingChoice, PeopleImport, ResultDeals, ResultsAccess, TrainingImport};
use pitchbridge_app::store::{PersonRow, ResultsScope};
use pitchbridge_core::Id;
use pitchbridge_results::day::DateOrder;
use pitchbridge_results::deals::DealMapping;
use tauri::AppHandle;

use super::Cmd;
use crate::events::{self, DealsImportProgress};

/// Shows the open dialog for a CSV export; `None` when cancelled.
#[tauri::command]
pub async fn pick_results_file(handle: AppHandle, title: String) -> ApiResult<Option<String>> {
    let path = crate::dialogs::open_file(&handle, &title, "CSV export", &["csv", "txt", "tsv"], None).await;
    Ok(path.map(|p| p.display().to_string()))
}

#[tauri::command]
pub async fn launch_results(s: Cmd<'_>, launch_id: Id, per_rep: bool) -> ApiResult<LaunchResults> {
    s.run(move |a| a.launch_results(launch_id, per_rep)).await
}

#[tauri::command]
pub async fn results_deals(s: Cmd<'_>, launch_id: Id, group: DealGroup, limit: u32) -> ApiResult<ResultDeals> {
    s.run(move |a| a.results_deals(launch_id, group, limit as usize)).await
}

#[tauri::command]
pub async fn results_access(s: Cmd<'_>) -> ApiResult<ResultsAccess> {
    s.run(|a| a.results_access()).await
}

/// Makes the person using the app the workspace's owner, or (the owner) hands it to `email`.
#[tauri::command]
pub async fn set_workspace_owner(s: Cmd<'_>, email: Option<String>) -> ApiResult<ResultsAccess> {
    s.run(move |a| a.set_workspace_owner(email.as_deref())).await
}

#[tauri::command]
pub async fn import_people(s: Cmd<'_>, path: String) -> ApiResult<PeopleImport> {
    s.run(move |a| a.import_people(std::path::Path::new(&path), None)).await
}

#[tauri::command]
pub async fn people(s: Cmd<'_>) -> ApiResult<Vec<PersonRow>> {
    s.run(|a| a.people()).await
}

#[tauri::command]
pub async fn import_training_results(s: Cmd<'_>, path: String, date_order: Option<DateOrder>) -> ApiResult<TrainingImport> {
    s.run(move |a| a.import_training(std::path::Path::new(&path), None, date_order)).await
}

#[tauri::command]
pub async fn certify_rep(s: Cmd<'_>, email: String, launch_id: Id, audience_id: Option<Id>, day: String, attested_by: String) -> ApiResult<bool> {
    s.run(move |a| a.certify(&email, launch_id, audience_id, &day, &attested_by)).await
}

/// The file's first rows and the mapping as it would be applied.
#[tauri::command]
pub async fn preview_deals(s: Cmd<'_>, path: String, mapping: DealMapping) -> ApiResult<DealPreview> {
    s.run(move |a| a.preview_deals(std::path::Path::new(&path), &MappingChoice::Mapping(mapping))).await
}

/// Imports a CRM export with a mapping, telling the UI how far it is as it reads.
#[tauri::command]
pub async fn import_deals(handle: AppHandle, s: Cmd<'_>, path: String, mapping: DealMapping) -> ApiResult<DealImport> {
    s.run(move |a| {
        let mut progress = |done: u64, total: u64| events::emit::<DealsImportProgress>(&handle, ImportProgress { done, total });
        a.import_deals(std::path::Path::new(&path), &MappingChoice::Mapping(mapping), &mut progress)
    })
    .await
}

#[tauri::command]
pub async fn map_deal_owner(s: Cmd<'_>, owner: String, email: String) -> ApiResult<()> {
    s.run(move |a| a.map_deal_owner(&owner, &email)).await
}

#[tauri::command]
pub async fn results_scope(s: Cmd<'_>, launch_id: Id) -> ApiResult<ResultsScope> {
    s.run(move |a| a.results_scope(launch_id)).await
}

/// Sets the launch's product line and its regions' availability (the whole list: regions left
/// out are forgotten).
#[tauri::command]
pub async fn set_results_scope(s: Cmd<'_>, launch_id: Id, product_line: String, availability: Vec<(String, String)>) -> ApiResult<ResultsScope> {
    s.run(move |a| {
        a.set_launch_product_line(launch_id, &product_line)?;
        let before = a.results_scope(launch_id)?;
        for (region, _) in before.availability.iter().filter(|(r, _)| !availability.iter().any(|(n, _)| n.eq_ignore_ascii_case(r))) {
            a.set_launch_availability(launch_id, region, None)?;
        }
        for (region, from) in &availability {
            a.set_launch_availability(launch_id, region, Some(from))?;
        }
        a.results_scope(launch_id)
    })
    .await
}
