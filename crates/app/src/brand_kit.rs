//! The workspace's brand kit: the letterhead name, colours, typeface, footer and logo every
//! export of the workspace carries.

use std::path::Path;

use pitchbridge_export::{Brand, Picture};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::App;
use crate::error::{ApiError, ApiResult, ErrorCode};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandKitView {
    /// Empty: the launch's product name is printed.
    pub name: String,
    /// "#1F2A44"
    pub primary: String,
    pub accent: String,
    pub footer: String,
    pub logo_name: Option<String>,
    #[ts(type = "[number, number] | null")]
    pub logo_size: Option<(u32, u32)>,
    /// "sans" or "serif".
    pub font: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BrandKitInput {
    pub name: String,
    pub primary: String,
    pub accent: String,
    pub footer: String,
    /// "sans" or "serif".
    pub font: String,
}

impl App {
    /// The workspace's kit over the default one.
    pub(crate) fn brand(&self) -> ApiResult<Brand> {
        let row = self.ws()?.brand_kit()?;
        let mut brand = Brand::default();
        if let Some(n) = row.name {
            brand.name = n;
        }
        if let Some(c) = row.primary.and_then(|c| Brand::colour(&c).ok()) {
            brand.primary = c;
        }
        if let Some(c) = row.accent.and_then(|c| Brand::colour(&c).ok()) {
            brand.accent = c;
        }
        if let Some(f) = row.footer {
            brand.footer = f;
        }
        brand.logo = row.logo.and_then(|b| Picture::from_bytes(b).ok());
        if let Some(f) = row.font {
            brand.serif = f == "serif";
        }
        Ok(brand)
    }

    pub fn get_brand_kit(&self) -> ApiResult<BrandKitView> {
        let brand = self.brand()?;
        let row = self.ws()?.brand_kit()?;
        Ok(BrandKitView {
            name: brand.name,
            primary: format!("#{}", brand.primary),
            accent: format!("#{}", brand.accent),
            footer: brand.footer,
            logo_name: brand.logo.as_ref().and(row.logo_name),
            logo_size: brand.logo.as_ref().map(|l| (l.width_px, l.height_px)),
            font: if brand.serif { "serif" } else { "sans" }.into(),
        })
    }

    pub fn set_brand_kit(&mut self, input: BrandKitInput) -> ApiResult<BrandKitView> {
        let primary = Brand::colour(&input.primary).map_err(ApiError::invalid)?;
        let accent = Brand::colour(&input.accent).map_err(ApiError::invalid)?;
        let name = input.name.trim();
        let footer = input.footer.trim();
        if name.chars().count() > 120 || footer.chars().count() > 200 {
            return Err(ApiError::invalid("Keep the name under 120 characters and the footer under 200."));
        }
        if !matches!(input.font.as_str(), "sans" | "serif") {
            return Err(ApiError::invalid("The font is “sans” or “serif”."));
        }
        self.ws_mut()?.set_brand_kit(name, &primary, &accent, footer, &input.font)?;
        self.get_brand_kit()
    }

    /// Reads a PNG or JPEG file as the kit's logo; nothing changes if it is not a usable image.
    pub fn set_brand_logo(&mut self, path: String) -> ApiResult<BrandKitView> {
        let path = Path::new(&path);
        if !path.exists() {
            return Err(ApiError::new(ErrorCode::FileNotFound, format!("{} does not exist.", path.display())));
        }
        let logo = pitchbridge_export::read_picture(path).map_err(|e| ApiError::invalid(format!("{}: {e}.", path.display())))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        self.ws_mut()?.set_brand_logo(Some((&name, &logo.bytes)))?;
        self.get_brand_kit()
    }

    pub fn clear_brand_logo(&mut self) -> ApiResult<BrandKitView> {
        self.ws_mut()?.set_brand_logo(None)?;
        self.get_brand_kit()
    }
}
