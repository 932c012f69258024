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
