-- The workspace's brand kit for exports: name, colours and footer (NULL: the default kit's),
-- and the logo. One row.
CREATE TABLE brand_kit (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    name      TEXT,
    primary_colour TEXT CHECK (primary_colour IS NULL OR length(primary_colour) = 6),
    accent_colour  TEXT CHECK (accent_colour IS NULL OR length(accent_colour) = 6),
    footer    TEXT,
    logo_name TEXT,
    logo      BLOB
) STRICT;
