//! Pitches: the collateral types they are written in; creating, reading, deleting.

use pitchbridge_core::Id;
use pitchbridge_core::collateral::CollateralType;
use pitchbridge_store::PitchDetail;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::ApiResult;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CreatePitchRequest {
    #[ts(type = "number")]
    pub launch_id: Id,
    #[ts(type = "number")]
    pub audience_id: Id,
    pub collateral_type: String,
    pub title: String,
}

impl App {
    pub fn list_collateral_types(&self) -> ApiResult<Vec<CollateralType>> {
        Ok(self.ws()?.list_collateral_types()?)
    }

    pub fn create_pitch(&mut self, req: CreatePitchRequest) -> ApiResult<PitchDetail> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.create_pitch(req.launch_id, req.audience_id, &req.collateral_type, &req.title, &now)?)
    }

    pub fn get_pitch(&self, id: Id) -> ApiResult<PitchDetail> {
        Ok(self.ws()?.pitch_detail(id)?)
    }

    pub fn delete_pitch(&mut self, id: Id) -> ApiResult<()> {
        Ok(self.ws_mut()?.delete_pitch(id)?)
    }
}
