-- A training kit reviewed like a pitch (see docs/ARCHITECTURE.md, "Training kits").

-- The writer's own wording of an item (the item's kind and fields as JSON), and the
-- fingerprint of the item as it was made when they edited it: when the approved source
-- changes under an edit, the edit is flagged for the writer to look at again.
ALTER TABLE training_item_state ADD COLUMN edit TEXT CHECK (edit IS NULL OR json_valid(edit));
ALTER TABLE training_item_state ADD COLUMN made_fingerprint TEXT NOT NULL DEFAULT '';

-- A kit sent to a reviewer, with the decision on it. The kit is kept as it was sent (items as
-- JSON, the pitches it came from), so what was approved can be shown and compared later.
-- kit_fingerprint covers the items and the certification settings; basis covers what the
-- items are made from (the approved pitches' fingerprints, the glossary, the writer's
-- changes), which readiness can compare without making the kit again.
CREATE TABLE training_review (
    id              INTEGER PRIMARY KEY,
    launch_id       INTEGER NOT NULL REFERENCES launch(id) ON DELETE CASCADE,
    audience_id     INTEGER NOT NULL REFERENCES audience(id) ON DELETE CASCADE,
    reviewer_id     INTEGER NOT NULL REFERENCES reviewer(id),
    kit_fingerprint TEXT NOT NULL,
    basis           TEXT NOT NULL,
    items           TEXT NOT NULL CHECK (json_valid(items)),
    sources         TEXT NOT NULL CHECK (json_valid(sources)),
    note            TEXT NOT NULL DEFAULT '',
    submitted_by    TEXT NOT NULL,
    submitted_at    TEXT NOT NULL,
    closed_at       TEXT,
    outcome         TEXT CHECK (outcome IN ('withdrawn', 'approved', 'changes-requested')),
    reasons         TEXT NOT NULL DEFAULT '',
    signer          TEXT NOT NULL DEFAULT '',
    signer_key      TEXT NOT NULL DEFAULT '',
    body            TEXT CHECK (body IS NULL OR json_valid(body)),
    signature       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX training_review_kit ON training_review(launch_id, audience_id, id);
-- At most one open request per kit.
CREATE UNIQUE INDEX training_review_open ON training_review(launch_id, audience_id) WHERE closed_at IS NULL;
