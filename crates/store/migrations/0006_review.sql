-- Review and approval (see crates/review and docs/ARCHITECTURE.md, "Review").

-- Which workspace this is: a decision names the workspace it was made for, so a decision file
-- cannot be applied to another workspace that happens to hold a pitch with the same id.
INSERT OR IGNORE INTO workspace_meta (key, value) VALUES ('workspace_id', lower(hex(randomblob(16))));

-- People who may sign decisions here, by their public key. Registering a key is what makes
-- a reviewer's signature count in this workspace.
CREATE TABLE reviewer (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email         TEXT NOT NULL DEFAULT '',
    public_key    TEXT NOT NULL UNIQUE CHECK (length(public_key) = 64),
    registered_at TEXT NOT NULL,
    registered_by TEXT NOT NULL
) STRICT;

-- A pitch sent to a reviewer. version_number is the pitch version kept at submission: the
-- exact text under review. closed_at and outcome are set by the decision or the withdrawal.
CREATE TABLE review_request (
    id             INTEGER PRIMARY KEY,
    pitch_id       INTEGER NOT NULL REFERENCES pitch(id) ON DELETE CASCADE,
    reviewer_id    INTEGER NOT NULL REFERENCES reviewer(id),
    version_number INTEGER NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    submitted_by   TEXT NOT NULL,
    submitted_at   TEXT NOT NULL,
    closed_at      TEXT,
    outcome        TEXT CHECK (outcome IN ('withdrawn', 'approved', 'approved-with-edits', 'changes-requested'))
) STRICT;
CREATE INDEX review_request_pitch ON review_request(pitch_id, id);

-- A decision keeps the exact JSON that was signed, so it can be checked again at any time.
ALTER TABLE decision ADD COLUMN request_id INTEGER REFERENCES review_request(id);
ALTER TABLE decision ADD COLUMN signer_key TEXT NOT NULL DEFAULT '';
ALTER TABLE decision ADD COLUMN body TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(body));

-- Comments name their block by key (stable across edits), not only by row id.
ALTER TABLE comment ADD COLUMN block_key TEXT NOT NULL DEFAULT '';
CREATE INDEX comment_pitch ON comment(pitch_id, id);
