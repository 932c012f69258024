//! Launches.

use pitchbridge_core::{Id, Launch, LaunchInput};
use pitchbridge_store::{LaunchDetail, LaunchSummary};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::ApiResult;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateLaunchRequest {
    #[ts(type = "number")]
    pub id: Id,
    pub launch: LaunchInput,
}

impl App {
    pub fn list_launches(&self) -> ApiResult<Vec<LaunchSummary>> {
        Ok(self.ws()?.list_launches()?)
    }

    pub fn get_launch(&self, id: Id) -> ApiResult<LaunchDetail> {
        Ok(self.ws()?.launch_detail(id)?)
    }

    pub fn create_launch(&mut self, input: LaunchInput) -> ApiResult<Launch> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.create_launch(&input, &now)?)
    }

    pub fn update_launch(&mut self, req: UpdateLaunchRequest) -> ApiResult<Launch> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.update_launch(req.id, &req.launch, &now)?)
    }

    pub fn delete_launch(&mut self, id: Id) -> ApiResult<()> {
        Ok(self.ws_mut()?.delete_launch(id)?)
    }
}
