//! Collateral types as the workspace holds them (installed from assets/collateral-types).

use pitchbridge_core::collateral::CollateralType;
use rusqlite::{params, OptionalExtension};

use crate::rows::not_found;
use crate::{Result, StoreError, Workspace};

impl Workspace {
    pub fn upsert_collateral_type(&mut self, ct: &CollateralType) -> Result<()> {
        self.writable()?;
        let definition = serde_json::to_string(ct).map_err(|e| StoreError::Invalid(e.to_string()))?;
        self.conn.execute(
            "INSERT INTO collateral_type (id, name, position, definition) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(id) DO UPDATE SET name = excluded.name, position = excluded.position,
                                           definition = excluded.definition",
            params![ct.id, ct.name, ct.order, definition],
        )?;
        Ok(())
    }

    pub fn list_collateral_types(&self) -> Result<Vec<CollateralType>> {
        let defs: Vec<String> = self
            .conn
            .prepare_cached("SELECT definition FROM collateral_type ORDER BY position, id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        defs.iter()
            .map(|d| serde_json::from_str(d).map_err(|e| StoreError::Invalid(format!("bad collateral type: {e}"))))
            .collect()
    }

    pub fn get_collateral_type(&self, id: &str) -> Result<CollateralType> {
        let def: String = self
            .conn
            .query_row("SELECT definition FROM collateral_type WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| not_found("Collateral type", id))?;
        serde_json::from_str(&def).map_err(|e| StoreError::Invalid(format!("bad collateral type: {e}")))
    }
}
