-- Certification settings of a launch's training kit for one audience: the score that passes its
-- quiz, how many attempts a rep has (0 for no limit), and how long a pass holds (never beyond
-- the expiry of the approvals the kit is made from; the app caps it).
CREATE TABLE training_settings (
    launch_id     INTEGER NOT NULL REFERENCES launch(id) ON DELETE CASCADE,
    audience_id   INTEGER NOT NULL REFERENCES audience(id) ON DELETE CASCADE,
    pass_mark     INTEGER NOT NULL CHECK (pass_mark BETWEEN 1 AND 100),
    attempts      INTEGER NOT NULL CHECK (attempts BETWEEN 0 AND 20),
    validity_days INTEGER NOT NULL CHECK (validity_days BETWEEN 1 AND 3650),
    PRIMARY KEY (launch_id, audience_id)
) STRICT;

-- The writer's changes to the items a kit is made with: removed, or moved within their kind.
-- Keyed by the item's stable key (its kind, pitch, block and claim), so a change holds while
-- the item is made again from the same approved source.
CREATE TABLE training_item_state (
    launch_id   INTEGER NOT NULL REFERENCES launch(id) ON DELETE CASCADE,
    audience_id INTEGER NOT NULL REFERENCES audience(id) ON DELETE CASCADE,
    item_key    TEXT NOT NULL,
    position    INTEGER,
    removed     INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    PRIMARY KEY (launch_id, audience_id, item_key)
) STRICT;
