-- The pitch checks' workspace state (see crates/checks).

-- A rule switched off or re-levelled. scope '' is the whole workspace; otherwise a collateral
-- type id, which wins over the workspace's setting for pitches of that type.
CREATE TABLE check_setting (
    scope    TEXT NOT NULL,
    rule     TEXT NOT NULL,
    enabled  INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    severity TEXT CHECK (severity IN ('info', 'warning', 'error')),
    PRIMARY KEY (scope, rule)
) STRICT;

-- A finding the writer set aside, with the reason the reviewer sees. A finding is known by its
-- rule, the block it is in and the exact words it flags, so it stays dismissed while the
-- writer edits elsewhere, and comes back if those words change.
CREATE TABLE finding_dismissal (
    id           INTEGER PRIMARY KEY,
    pitch_id     INTEGER NOT NULL REFERENCES pitch(id) ON DELETE CASCADE,
    rule         TEXT NOT NULL,
    block_key    TEXT NOT NULL,
    quote        TEXT NOT NULL,
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    dismissed_at TEXT NOT NULL,
    UNIQUE (pitch_id, rule, block_key, quote)
) STRICT;

-- Words the workspace's spelling check accepts ("add to dictionary").
CREATE TABLE dictionary_word (
    word     TEXT PRIMARY KEY COLLATE NOCASE,
    added_at TEXT NOT NULL
) STRICT;
