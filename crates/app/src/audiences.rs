//! Audiences and their research.

use pitchbridge_core::{Audience, AudienceInput, Id};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::ApiResult;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UpdateAudienceRequest {
    #[ts(type = "number")]
    pub id: Id,
    pub audience: AudienceInput,
}

impl App {
    pub fn list_audiences(&self) -> ApiResult<Vec<Audience>> {
        Ok(self.ws()?.list_audiences()?)
    }

    pub fn create_audience(&mut self, input: AudienceInput) -> ApiResult<Audience> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.create_audience(&input, &now)?)
    }

    pub fn update_audience(&mut self, req: UpdateAudienceRequest) -> ApiResult<Audience> {
        let now = self.clock.now();
        Ok(self.ws_mut()?.update_audience(req.id, &req.audience, &now)?)
    }

    pub fn delete_audience(&mut self, id: Id) -> ApiResult<()> {
        Ok(self.ws_mut()?.delete_audience(id)?)
    }
}
