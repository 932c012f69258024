-- The brand kit's type family for exports: 'sans' or 'serif' (NULL: the default kit's).
ALTER TABLE brand_kit ADD COLUMN font TEXT CHECK (font IS NULL OR font IN ('sans', 'serif'));
