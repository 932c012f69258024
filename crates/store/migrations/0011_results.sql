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

-- Deals as the CRM last exported them; a re-import updates a deal in place (its stage moved).
-- The owner is kept as the CRM wrote it and matched to the roster when results are read, so a
-- roster imported later still attributes earlier deals.
CREATE TABLE deal (
    source       TEXT NOT NULL REFERENCES deal_source(name) ON DELETE CASCADE,
    deal_id      TEXT NOT NULL,
    owner        TEXT NOT NULL,
    account      TEXT NOT NULL DEFAULT '',
    outcome      TEXT NOT NULL CHECK (outcome IN ('won', 'lost', 'open')),
    close_date   TEXT NOT NULL DEFAULT '',
    amount       REAL,
    currency     TEXT NOT NULL DEFAULT '',
    region       TEXT NOT NULL DEFAULT '',
    customer     TEXT NOT NULL DEFAULT '' CHECK (customer IN ('', 'new', 'existing')),
    product_line TEXT NOT NULL DEFAULT '',
    pitch        TEXT NOT NULL DEFAULT '',
    loss_reason  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source, deal_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX deal_product_line ON deal (product_line COLLATE NOCASE, close_date);

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
