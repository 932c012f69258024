-- The memory of approved wording: each paragraph of an approved pitch that is linked to claims,
-- paired with the claims it says (a paragraph linked to two claims is one pair with both), and
-- pairs read from TMX files. Pairs of a pitch are replaced whenever its approval changes; the
-- full-text index finds candidates, which the app grades.
CREATE TABLE tm_pair (
    id                INTEGER PRIMARY KEY,
    origin            TEXT NOT NULL CHECK (origin IN ('pitch', 'tmx')),
    pitch_id          INTEGER REFERENCES pitch(id) ON DELETE CASCADE,
    block_key         TEXT NOT NULL DEFAULT '',
    audience_id       INTEGER,
    claim_ids         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(claim_ids)),
    source            TEXT NOT NULL,
    target            TEXT NOT NULL,
    -- What the index reads: the source's words, and Chinese, Japanese or Korean as pairs of
    -- characters (they are written without spaces).
    terms             TEXT NOT NULL,
    approved_by       TEXT NOT NULL DEFAULT '',
    approved_on       TEXT NOT NULL DEFAULT '',
    expires_on        TEXT NOT NULL DEFAULT '',          -- '' for never
    pitch_fingerprint TEXT NOT NULL DEFAULT '',
    tmx_file          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX tm_pair_pitch ON tm_pair (pitch_id);
-- A memory read twice, or with the same pair twice, keeps it once.
CREATE UNIQUE INDEX tm_pair_tmx ON tm_pair (source, target) WHERE origin = 'tmx';

CREATE VIRTUAL TABLE tm_fts USING fts5 (terms, content = 'tm_pair', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER tm_pair_insert AFTER INSERT ON tm_pair BEGIN
    INSERT INTO tm_fts (rowid, terms) VALUES (NEW.id, NEW.terms);
END;
CREATE TRIGGER tm_pair_delete AFTER DELETE ON tm_pair BEGIN
    INSERT INTO tm_fts (tm_fts, rowid, terms) VALUES ('delete', OLD.id, OLD.terms);
END;
CREATE TRIGGER tm_pair_update AFTER UPDATE OF terms ON tm_pair BEGIN
    INSERT INTO tm_fts (tm_fts, rowid, terms) VALUES ('delete', OLD.id, OLD.terms);
    INSERT INTO tm_fts (rowid, terms) VALUES (NEW.id, NEW.terms);
END;
