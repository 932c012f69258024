-- Results: who sells (the rep roster), what they were trained on (a learning system's
-- completions and hand attestations), and what they won (CRM deal exports), kept so a launch's
-- deals can be attributed to reps and to their training on the day each deal closed.

-- The rep roster. A rep works for the company (partner '') or for one channel partner.
CREATE TABLE person (
    id         INTEGER PRIMARY KEY,
    email      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (instr(email, '@') > 1),
    name       TEXT NOT NULL DEFAULT '',
    partner    TEXT NOT NULL DEFAULT '',
    region     TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT '',
    manager    TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
) STRICT;

-- Other names a CRM gives a rep (a display name, a former email), mapped by the person
-- importing when a deal's owner is not on the roster.
CREATE TABLE person_alias (
    alias     TEXT PRIMARY KEY COLLATE NOCASE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE
) STRICT;

-- A rep's training results on a launch's kits: from a learning system's export ('lms') or
-- attested by hand ('attested', with who attested). audience_id names the kit; 0 when a
-- certification was attested for the launch as a whole. "Not started" is no row at all.
CREATE TABLE certification (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    launch_id   INTEGER NOT NULL REFERENCES launch(id) ON DELETE CASCADE,
    audience_id INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL CHECK (status IN ('in-progress', 'passed', 'failed')),
    day         TEXT NOT NULL DEFAULT '',
    score       REAL,
    source      TEXT NOT NULL CHECK (source IN ('lms', 'attested')),
    attested_by TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    UNIQUE (person_id, launch_id, audience_id, status, day, source)
) STRICT;
CREATE INDEX certification_launch ON certification (launch_id, person_id);

-- Where deals come from, and how that source's exports are read (its mapping, as JSON), so
-- the next export of the same report imports the same way.
CREATE TABLE deal_source (
    name       TEXT PRIMARY KEY,
    mapping    TEXT NOT NULL CHECK (json_valid(mapping)),
    updated_at TEXT NOT NULL
) STRICT;

-- The texts deals repeat (owners, regions, loss reasons), each kept once: a million deals
-- name a few thousand owners and a handful of regions.
CREATE TABLE deal_term (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('owner', 'region', 'loss-reason')),
    text TEXT NOT NULL,
    UNIQUE (kind, text)
) STRICT;

-- Deals as the CRM last exported them; a re-import updates a deal in place (its stage moved).
-- The owner is kept as the CRM wrote it and matched to the roster when results are read, so a
-- roster imported later still attributes earlier deals. Rows are kept in product-line order
-- and hold numbers where they can, so a launch's results read one contiguous, narrow run of
-- the table: a million deals in a quarter of a second, where an index on the product line
-- would look each row up on its own. deal_view shows them as text.
CREATE TABLE deal (
    product_line TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    source       TEXT NOT NULL REFERENCES deal_source(name) ON DELETE CASCADE,
    deal_id      TEXT NOT NULL,
    owner        INTEGER NOT NULL,                 -- deal_term (owner)
    account      TEXT NOT NULL DEFAULT '',
    outcome      INTEGER NOT NULL CHECK (outcome IN (0, 1, 2)),      -- open, won, lost
    close_day    INTEGER,                          -- days since 1970-01-01
    amount       REAL,
    currency     TEXT NOT NULL DEFAULT '',
    region       INTEGER,                          -- deal_term (region)
    customer     INTEGER NOT NULL DEFAULT 0 CHECK (customer IN (0, 1, 2)),  -- unknown, new, existing
    pitch        TEXT NOT NULL DEFAULT '',
    loss_reason  INTEGER,                          -- deal_term (loss-reason)
    PRIMARY KEY (product_line, source, deal_id)
) STRICT, WITHOUT ROWID;
-- A deal is one deal per source, whatever its product line.
CREATE UNIQUE INDEX deal_identity ON deal (source, deal_id);
-- The deals that name the pitch or kit they used: how approved wording fared.
CREATE INDEX deal_pitch ON deal (pitch COLLATE NOCASE) WHERE pitch != '';

CREATE VIEW deal_view AS
SELECT d.source, d.deal_id, d.product_line, o.text AS owner, d.account,
       CASE d.outcome WHEN 1 THEN 'won' WHEN 2 THEN 'lost' ELSE 'open' END AS outcome,
       date(d.close_day * 86400, 'unixepoch') AS close_date, d.amount, d.currency, r.text AS region,
       CASE d.customer WHEN 1 THEN 'new' WHEN 2 THEN 'existing' ELSE '' END AS customer,
       d.pitch, l.text AS loss_reason
FROM deal d
JOIN deal_term o ON o.id = d.owner
LEFT JOIN deal_term r ON r.id = d.region
LEFT JOIN deal_term l ON l.id = d.loss_reason;

-- What a launch sells, as the CRM names it ('' for the launch's product name): its deals are
-- those of that product line closed on or after the launch date.
ALTER TABLE launch ADD COLUMN product_line TEXT NOT NULL DEFAULT '';

-- When the product could be bought in each region; a deal closed in a region before that is
-- compared only with others made before availability.
CREATE TABLE launch_availability (
    launch_id      INTEGER NOT NULL REFERENCES launch(id) ON DELETE CASCADE,
    region         TEXT NOT NULL COLLATE NOCASE,
    available_from TEXT NOT NULL,
    PRIMARY KEY (launch_id, region)
) STRICT;
