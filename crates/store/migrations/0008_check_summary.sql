-- What the checks last found in each pitch, with a fingerprint of everything they read (the
-- text, links, glossary, audience, settings, dismissals and the checks themselves). Readiness
-- counts open errors on every pitch of a launch; while the fingerprint holds, the count is
-- read here instead of running the checks again. Only ever a shortcut: a row that does not
-- match is recomputed, and the table can be emptied at any time.
CREATE TABLE pitch_check_summary (
    pitch_id    INTEGER PRIMARY KEY REFERENCES pitch(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    open_errors INTEGER NOT NULL CHECK (open_errors >= 0)
) STRICT;
