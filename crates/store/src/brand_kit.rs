//! The workspace's brand kit (letterhead name, colours, typeface, footer, logo) as it keeps
//! it; the export fills in the default kit for what is unset.

use rusqlite::{params, OptionalExtension};

use crate::{Result, Workspace};


/// The brand kit as the workspace keeps it; `None` fields fall back to the default kit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BrandKitRow {
    pub name: Option<String>,
    pub primary: Option<String>,
    pub accent: Option<String>,
    pub footer: Option<String>,
    pub logo_name: Option<String>,
    pub logo: Option<Vec<u8>>,
    /// "sans" or "serif".
    pub font: Option<String>,
}

impl Workspace {
    pub fn brand_kit(&self) -> Result<BrandKitRow> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, primary_colour, accent_colour, footer, logo_name, logo, font FROM brand_kit WHERE id = 1",
                [],
                |r| {
                    Ok(BrandKitRow {
                        name: r.get(0)?,
                        primary: r.get(1)?,
                        accent: r.get(2)?,
                        footer: r.get(3)?,
                        logo_name: r.get(4)?,
                        logo: r.get(5)?,
                        font: r.get(6)?,
                    })
                },
            )
            .optional()?
            .unwrap_or_default())
    }

    /// Replaces the kit's words and colours (the logo stays).
    pub fn set_brand_kit(&mut self, name: &str, primary: &str, accent: &str, footer: &str, font: &str) -> Result<()> {
        self.writable()?;
        self.conn.execute(
            "INSERT INTO brand_kit (id, name, primary_colour, accent_colour, footer, font) VALUES (1, ?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(id) DO UPDATE SET name = excluded.name, primary_colour = excluded.primary_colour,
                 accent_colour = excluded.accent_colour, footer = excluded.footer, font = excluded.font",
            params![name, primary, accent, footer, font],
        )?;
        Ok(())
    }

    /// Sets the logo, or clears it (`None`).
    pub fn set_brand_logo(&mut self, logo: Option<(&str, &[u8])>) -> Result<()> {
        self.writable()?;
        let (name, bytes) = match logo {
            Some((n, b)) => (Some(n), Some(b)),
            None => (None, None),
        };
        self.conn.execute(
            "INSERT INTO brand_kit (id, logo_name, logo) VALUES (1, ?1, ?2)
             ON CONFLICT(id) DO UPDATE SET logo_name = excluded.logo_name, logo = excluded.logo",
            params![name, bytes],
        )?;
        Ok(())
    }
}
