-- Pitchbridge workspace schema, version 1.
-- Every core object of the product has its table from the start; later features add behaviour.

CREATE TABLE workspace_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE launch (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    product     TEXT NOT NULL DEFAULT '',
    version     TEXT NOT NULL DEFAULT '',
    launch_date TEXT NOT NULL DEFAULT '',
    owner_pm    TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE factory_message (
    id              INTEGER PRIMARY KEY,
    launch_id       INTEGER NOT NULL REFERENCES launch(id) ON DELETE CASCADE,
    title           TEXT NOT NULL,
    current_version INTEGER NOT NULL DEFAULT 1,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX factory_message_launch ON factory_message(launch_id);

-- Each version keeps the source text exactly as pasted or imported.
CREATE TABLE message_version (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES factory_message(id) ON DELETE CASCADE,
    number      INTEGER NOT NULL,
    source_text TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    UNIQUE (message_id, number)
) STRICT;

-- A claim's id survives new versions of its message; its text is the current text.
-- removed_in is set when a version no longer contains the claim.
CREATE TABLE claim (
    id            INTEGER PRIMARY KEY,
    message_id    INTEGER NOT NULL REFERENCES factory_message(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('positioning','feature','advantage','benefit','proof','pricing','other')),
    text          TEXT NOT NULL,
    section       TEXT NOT NULL DEFAULT '',
    fingerprint   TEXT NOT NULL,
    since_version INTEGER NOT NULL,
    removed_in    INTEGER
) STRICT;
CREATE INDEX claim_message ON claim(message_id, removed_in, number);

-- The text of every claim in every version it was part of: old/new diffs come from here.
CREATE TABLE claim_revision (
    claim_id    INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    text        TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (claim_id, version)
) STRICT;

CREATE TABLE audience (
    id         INTEGER PRIMARY KEY,
    channel    TEXT NOT NULL,
    persona    TEXT NOT NULL,
    summary    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE audience_research (
    id          INTEGER PRIMARY KEY,
    audience_id INTEGER NOT NULL REFERENCES audience(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('pain','goal','objection','words')),
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL
) STRICT;
CREATE INDEX audience_research_audience ON audience_research(audience_id, kind, position);

-- Collateral types are copied into the workspace so a workspace is self-contained.
CREATE TABLE collateral_type (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    position   INTEGER NOT NULL,
    definition TEXT NOT NULL CHECK (json_valid(definition))
) STRICT;

CREATE TABLE pitch (
    id              INTEGER PRIMARY KEY,
    launch_id       INTEGER NOT NULL REFERENCES launch(id) ON DELETE CASCADE,
    audience_id     INTEGER NOT NULL REFERENCES audience(id) ON DELETE RESTRICT,
    collateral_type TEXT NOT NULL REFERENCES collateral_type(id),
    title           TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'draft'
                    CHECK (status IN ('draft','in-review','changes-requested','approved','needs-reapproval')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX pitch_launch ON pitch(launch_id);
CREATE INDEX pitch_audience ON pitch(audience_id);

-- content holds the structured rich text of the block; text is its plain text (for search
-- and checks).
CREATE TABLE pitch_block (
    id       INTEGER PRIMARY KEY,
    pitch_id INTEGER NOT NULL REFERENCES pitch(id) ON DELETE CASCADE,
    ordinal  INTEGER NOT NULL,
    section  TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('heading','paragraph','bullet')),
    content  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(content)),
    text     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX pitch_block_pitch ON pitch_block(pitch_id, ordinal);

-- A link remembers the claim fingerprint it was made against: a different current
-- fingerprint means the link is stale.
CREATE TABLE block_claim_link (
    block_id          INTEGER NOT NULL REFERENCES pitch_block(id) ON DELETE CASCADE,
    claim_id          INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
    claim_fingerprint TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    PRIMARY KEY (block_id, claim_id)
) STRICT;
CREATE INDEX block_claim_link_claim ON block_claim_link(claim_id);

CREATE TABLE pitch_version (
    id         INTEGER PRIMARY KEY,
    pitch_id   INTEGER NOT NULL REFERENCES pitch(id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    snapshot   TEXT NOT NULL CHECK (json_valid(snapshot)),
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (pitch_id, number)
) STRICT;

CREATE TABLE glossary_term (
    id                INTEGER PRIMARY KEY,
    term              TEXT NOT NULL UNIQUE COLLATE NOCASE,
    customer_phrasing TEXT NOT NULL DEFAULT '',
    rule              TEXT NOT NULL CHECK (rule IN ('explain','avoid','preferred')),
    note              TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE checklist_result (
    id         INTEGER PRIMARY KEY,
    pitch_id   INTEGER NOT NULL REFERENCES pitch(id) ON DELETE CASCADE,
    item_id    TEXT NOT NULL,
    source     TEXT NOT NULL CHECK (source IN ('auto','manual')),
    state      TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '',
    updated_by TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    UNIQUE (pitch_id, item_id)
) STRICT;

-- Anchored to an exact range (UTF-16 offsets, as the editor counts) of a block or a claim.
CREATE TABLE comment (
    id          INTEGER PRIMARY KEY,
    pitch_id    INTEGER NOT NULL REFERENCES pitch(id) ON DELETE CASCADE,
    parent_id   INTEGER REFERENCES comment(id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('block','claim')),
    target_id   INTEGER NOT NULL,
    range_start INTEGER NOT NULL,
    range_end   INTEGER NOT NULL CHECK (range_end >= range_start),
    quote       TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    author      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    resolved_at TEXT
) STRICT;

CREATE TABLE decision (
    id                 INTEGER PRIMARY KEY,
    pitch_id           INTEGER NOT NULL REFERENCES pitch(id) ON DELETE CASCADE,
    pitch_version_id   INTEGER NOT NULL REFERENCES pitch_version(id),
    verdict            TEXT NOT NULL CHECK (verdict IN ('approve','approve-with-edits','request-changes')),
    signer             TEXT NOT NULL,
    signed_at          TEXT NOT NULL,
    meaning            TEXT NOT NULL,
    pitch_fingerprint  TEXT NOT NULL,
    claim_fingerprints TEXT NOT NULL CHECK (json_valid(claim_fingerprints)),
    reasons            TEXT NOT NULL DEFAULT '',
    signature          BLOB NOT NULL
) STRICT;

-- Append-only and hash-chained; the triggers below refuse any rewrite.
CREATE TABLE audit_event (
    seq        INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    payload    TEXT NOT NULL CHECK (json_valid(payload)),
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;

CREATE TABLE export_record (
    id          INTEGER PRIMARY KEY,
    pitch_id    INTEGER NOT NULL REFERENCES pitch(id) ON DELETE CASCADE,
    format      TEXT NOT NULL CHECK (format IN ('docx','pdf')),
    path        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    exported_at TEXT NOT NULL
) STRICT;

-- Full-text search over current claims and pitch text (external-content FTS5 tables kept in
-- step by triggers). Prefix indexes make search-as-you-type on a partial last word cheap.
CREATE VIRTUAL TABLE claim_fts USING fts5(
    text, content='claim', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);
CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN
    INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN
    INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER claim_fts_update AFTER UPDATE OF text ON claim BEGIN
    INSERT INTO claim_fts(claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO claim_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE VIRTUAL TABLE block_fts USING fts5(
    text, content='pitch_block', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);
CREATE TRIGGER block_fts_insert AFTER INSERT ON pitch_block BEGIN
    INSERT INTO block_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER block_fts_delete AFTER DELETE ON pitch_block BEGIN
    INSERT INTO block_fts(block_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER block_fts_update AFTER UPDATE OF text ON pitch_block BEGIN
    INSERT INTO block_fts(block_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO block_fts(rowid, text) VALUES (new.id, new.text);
END;
