-- Launch readiness: what a launch aims at, and when approved content goes out of date.

-- The positioning statement (for whom, the need, the category, the key benefit, unlike whom)
-- as a JSON object, and the readiness score the launch aims for.
ALTER TABLE launch ADD COLUMN positioning TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(positioning));
ALTER TABLE launch ADD COLUMN target_score INTEGER NOT NULL DEFAULT 80 CHECK (target_score BETWEEN 0 AND 100);

-- The audiences a launch targets and, for each, the collateral types they need.
CREATE TABLE launch_target (
    launch_id       INTEGER NOT NULL REFERENCES launch(id) ON DELETE CASCADE,
    audience_id     INTEGER NOT NULL REFERENCES audience(id) ON DELETE CASCADE,
    collateral_type TEXT NOT NULL REFERENCES collateral_type(id),
    PRIMARY KEY (launch_id, audience_id, collateral_type)
) STRICT;

-- A message holding prices or a promotion is valid until a day (YYYY-MM-DD, or '' for no end):
-- every pitch quoting its claims expires with it.
ALTER TABLE factory_message ADD COLUMN valid_until TEXT NOT NULL DEFAULT '';

-- Who re-verifies a pitch (a registered reviewer; the name is kept so a reviewer no longer
-- registered can still be named) and the pitch's own interval, when it overrides its type's.
ALTER TABLE pitch ADD COLUMN verifier_id INTEGER;
ALTER TABLE pitch ADD COLUMN verifier_name TEXT NOT NULL DEFAULT '';
ALTER TABLE pitch ADD COLUMN verify_interval_days INTEGER CHECK (verify_interval_days IS NULL OR verify_interval_days > 0);

-- Re-verification intervals per collateral type; the workspace default is the
-- 'verify_interval_days' key of workspace_meta (90 days when unset).
CREATE TABLE verify_interval (
    collateral_type TEXT PRIMARY KEY REFERENCES collateral_type(id) ON DELETE CASCADE,
    days            INTEGER NOT NULL CHECK (days > 0)
) STRICT;

-- One reading of each launch's readiness a day (and on every approval), for the trend.
CREATE TABLE readiness_snapshot (
    launch_id    INTEGER NOT NULL REFERENCES launch(id) ON DELETE CASCADE,
    day          TEXT NOT NULL,
    score        INTEGER NOT NULL,
    gates_passed INTEGER NOT NULL,
    gates_total  INTEGER NOT NULL,
    PRIMARY KEY (launch_id, day)
) STRICT;
