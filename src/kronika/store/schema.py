"""The ledger's SQLite schema, as an ordered list of migrations.

`SCHEMA_VERSION` is the number of migrations; the database records how many it has applied in
`PRAGMA user_version` (and, for readers in Datasette or the sqlite3 shell, in the `schema_migrations` table).
A migration is never edited once released: a change to the schema is a new entry appended to `MIGRATIONS`.

Table map (one row of each is ...):

    documents           an ingested article, identified by the hash of its cleaned text
    documents_fts       full-text index (FTS5) over documents.title and documents.text
    event_sources_fts   full-text index (FTS5) over event_sources.quote: the sentences events come from
    stories             a dated story inside a document (digests hold several)
    places              a resolved place (settlement, raion, oblast, country)
    actors              a named actor (Russia, Ukraine's air force, ...)
    events              one real-world event, however many documents reported it
    event_sources       one report of an event: an extracted event from one document, with its quote
    event_source_places the places a report names (role 'primary' for the event's own place)
    event_source_actors the actors a report names
    claims              who claims or denies what: one row per report that carries a claimant or a stance
    figures             one number one report states, with claimant, outlet, report day and quote
    current_figures     the event's current value per figure kind and claimant, derived by kronika.ledger.figures
    event_index         (day, place cell) -> event: the lookup that keeps merging independent of ledger size
    claimants           a canonical claimant (kronika.claimants): id, name, kind, scope, side, region
    reference_imports   one imported reference record (Ivaniuk's per-night Air Force record) and its provenance
    reference_rows      one row of that record as read, with the report day and period kronika gave it
    reference_days      the record per report day, period (overnight | daytime) and command (national | regional)
                        (event_index's day is an ISO day, '--MM-DD' (a month and day, for reports that give no
                        year) or '*' (an event that has no day yet))
    event_recent        (place cell, creation order) -> event: the latest events of a place, for undated reports
    possible_duplicates an event and another it may be the same as, when the evidence did not decide
    corrections         the audit table of analyst decisions (merge, split, retract): who, when, why
    correction_links    what a merge or split says about pairs of reports (same / different), by stable report key
    retractions         documents an analyst retracted, by content hash: their figures never count as current

Views: events_readable (the first schema's), events_flat (one row per event, one column per figure kind: the
overall value, current_figures.claimant = '*').
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE schema_migrations (
        version     INTEGER PRIMARY KEY,
        applied_at  TEXT NOT NULL
    );

    CREATE TABLE documents (
        id             INTEGER PRIMARY KEY,
        content_hash   TEXT NOT NULL UNIQUE,      -- sha256 of the cleaned text: the idempotency key
        path           TEXT NOT NULL,             -- the file name it first came under
        outlet         TEXT,
        title          TEXT,
        url            TEXT,
        published      TEXT,                      -- ISO day from the text, or NULL
        metadata_date  TEXT,
        date_conflict  INTEGER NOT NULL DEFAULT 0,
        text           TEXT NOT NULL,             -- the cleaned text every span points into
        ingested_at    TEXT NOT NULL
    );

    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='id'
    );

    CREATE TABLE stories (
        id              INTEGER PRIMARY KEY,
        document_id     INTEGER NOT NULL REFERENCES documents(id),
        position        INTEGER NOT NULL,
        start_char      INTEGER NOT NULL,
        end_char        INTEGER NOT NULL,
        reference_date  TEXT,
        dateline        TEXT,
        title           TEXT
    );
    CREATE INDEX stories_document ON stories(document_id);

    CREATE TABLE places (
        id            INTEGER PRIMARY KEY,
        place_key     TEXT NOT NULL UNIQUE,       -- gazetteer id, or name|admin1|country when there is none
        name          TEXT NOT NULL,
        admin1        TEXT,
        admin2        TEXT,
        country       TEXT,
        lat           REAL,
        lon           REAL,
        precision     TEXT,
        gazetteer_id  TEXT
    );

    CREATE TABLE actors (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL UNIQUE
    );

    CREATE TABLE events (
        id              TEXT PRIMARY KEY,         -- readable and stable: ev-2025-11-19-ternopil-strike-1
        seq             INTEGER NOT NULL UNIQUE,  -- creation order, for stable listings
        type            TEXT NOT NULL,
        date            TEXT,                     -- first day the reports give
        date_to         TEXT,                     -- last day, when reports of an overnight attack differ
        place_id        INTEGER REFERENCES places(id),
        status          TEXT NOT NULL,            -- reported | claimed | denied | contested
        contested       INTEGER NOT NULL DEFAULT 0,
        source_count    INTEGER NOT NULL DEFAULT 0,
        first_reported  TEXT,                     -- earliest publication day among its sources
        last_reported   TEXT,
        summary         TEXT NOT NULL DEFAULT ''  -- quote of the first report
    );
    CREATE INDEX events_date ON events(date);

    CREATE TABLE event_sources (
        id            INTEGER PRIMARY KEY,
        event_id      TEXT NOT NULL REFERENCES events(id),
        document_id   INTEGER NOT NULL REFERENCES documents(id),
        story_id      INTEGER REFERENCES stories(id),
        extracted_id  TEXT NOT NULL,              -- the id extraction gave the event inside its document
        outlet        TEXT,
        published     TEXT,
        type          TEXT NOT NULL,
        date          TEXT,
        place_id      INTEGER REFERENCES places(id),
        claimed_by    TEXT,
        status        TEXT NOT NULL,
        quote         TEXT NOT NULL,
        span_start    INTEGER NOT NULL,
        span_end      INTEGER NOT NULL
    );
    CREATE INDEX event_sources_event ON event_sources(event_id);
    CREATE INDEX event_sources_document ON event_sources(document_id);

    CREATE TABLE event_source_places (
        event_source_id  INTEGER NOT NULL REFERENCES event_sources(id),
        place_id         INTEGER NOT NULL REFERENCES places(id),
        role             TEXT NOT NULL,           -- primary | mentioned
        PRIMARY KEY (event_source_id, place_id, role)
    );

    CREATE TABLE event_source_actors (
        event_source_id  INTEGER NOT NULL REFERENCES event_sources(id),
        actor_id         INTEGER NOT NULL REFERENCES actors(id),
        PRIMARY KEY (event_source_id, actor_id)
    );

    CREATE TABLE claims (
        id               INTEGER PRIMARY KEY,
        event_id         TEXT NOT NULL REFERENCES events(id),
        event_source_id  INTEGER NOT NULL REFERENCES event_sources(id),
        claimant         TEXT,
        stance           TEXT NOT NULL,           -- reported | claimed | denied
        outlet           TEXT,
        published        TEXT,
        quote            TEXT NOT NULL
    );
    CREATE INDEX claims_event ON claims(event_id);

    CREATE TABLE figures (
        id               INTEGER PRIMARY KEY,
        event_id         TEXT NOT NULL REFERENCES events(id),
        event_source_id  INTEGER NOT NULL REFERENCES event_sources(id),
        document_id      INTEGER NOT NULL REFERENCES documents(id),
        position         INTEGER NOT NULL,        -- order inside its report
        kind             TEXT NOT NULL,
        value            INTEGER NOT NULL,
        qualifier        TEXT NOT NULL,
        claimed_by       TEXT,
        outlet           TEXT,
        reported_on      TEXT,                    -- publication day of the document
        quote            TEXT NOT NULL,
        span_start       INTEGER NOT NULL,
        span_end         INTEGER NOT NULL
    );
    CREATE INDEX figures_event ON figures(event_id, kind);
    CREATE INDEX figures_kind ON figures(kind);

    CREATE TABLE current_figures (
        event_id    TEXT NOT NULL REFERENCES events(id),
        kind        TEXT NOT NULL,
        claimant    TEXT NOT NULL,                -- '*' is the event's overall current value
        value       INTEGER NOT NULL,
        qualifier   TEXT NOT NULL,
        low         INTEGER NOT NULL,
        high        INTEGER NOT NULL,
        contested   INTEGER NOT NULL DEFAULT 0,
        reports     INTEGER NOT NULL,
        figure_id   INTEGER NOT NULL REFERENCES figures(id),
        PRIMARY KEY (event_id, kind, claimant)
    );

    CREATE TABLE event_index (
        day       TEXT NOT NULL,
        cell      TEXT NOT NULL,                  -- g:<lat/0.1>:<lon/0.1>, r:<admin1>, n:<name>, x:<type>
        event_id  TEXT NOT NULL REFERENCES events(id),
        PRIMARY KEY (day, cell, event_id)
    ) WITHOUT ROWID;

    CREATE VIEW events_readable AS
        SELECT e.id, e.type, e.date, e.date_to, p.name AS place, p.admin1 AS region, p.country,
               p.lat, p.lon, e.status, e.contested, e.source_count, e.first_reported, e.last_reported,
               e.summary
        FROM events e LEFT JOIN places p ON p.id = e.place_id;
    """,
    # 2: canonical claimants beside the text's own phrase (claimed_by stays as the text wrote it)
    """
    CREATE TABLE claimants (
        id      TEXT PRIMARY KEY,                 -- ua.air_force, ru.defence_ministry, ua.region:kharkiv-oblast, ...
        name    TEXT NOT NULL,                    -- the canonical name shown
        kind    TEXT NOT NULL,
        scope   TEXT NOT NULL,                    -- national | regional | city | international | unknown
        side    TEXT,                             -- ISO2 of the body's country
        region  TEXT,
        city    TEXT,
        known   INTEGER NOT NULL                  -- 1 when kronika's registry lists the body or person
    );
    ALTER TABLE event_sources ADD COLUMN claimant_id TEXT REFERENCES claimants(id);
    ALTER TABLE claims ADD COLUMN claimant_id TEXT REFERENCES claimants(id);
    ALTER TABLE figures ADD COLUMN claimant_id TEXT REFERENCES claimants(id);
    ALTER TABLE figures ADD COLUMN claimant_person TEXT;
    CREATE INDEX figures_claimant ON figures(claimant_id);
    """,
    # 3: reference records held against the ledger (kronika.reference); replaced whole on re-import
    """
    CREATE TABLE reference_imports (
        id                INTEGER PRIMARY KEY,
        source            TEXT NOT NULL UNIQUE,   -- 'ivaniuk'
        path              TEXT NOT NULL,
        file_sha256       TEXT NOT NULL,
        catalogue_path    TEXT,
        catalogue_sha256  TEXT,
        rows_read         INTEGER NOT NULL,
        rows_stored       INTEGER NOT NULL,
        rows_rejected     INTEGER NOT NULL,
        first_day         TEXT,
        last_day          TEXT,
        imported_at       TEXT NOT NULL
    );

    CREATE TABLE reference_rows (
        import_id     INTEGER NOT NULL REFERENCES reference_imports(id),
        line          INTEGER NOT NULL,           -- line of the file (header is line 1)
        day           TEXT NOT NULL,              -- the report day kronika gave the row
        time_start    TEXT,
        time_end      TEXT,
        model         TEXT NOT NULL,
        weapon        TEXT NOT NULL,              -- drone | missile | other | unknown
        launched      INTEGER,
        destroyed     INTEGER,
        not_reached   INTEGER,                    -- drones "lost" (electronic warfare), apart from destroyed
        target        TEXT,
        source        TEXT,                       -- the post the row was read from
        claimant_id   TEXT,                       -- the body that posted it (ua.air_force, ua.air_command.south, ...)
        scope         TEXT NOT NULL,              -- national | regional | other (monitors, other agencies)
        period        TEXT NOT NULL,              -- overnight | daytime
        PRIMARY KEY (import_id, line)
    ) WITHOUT ROWID;

    CREATE TABLE reference_days (
        import_id            INTEGER NOT NULL REFERENCES reference_imports(id),
        day                  TEXT NOT NULL,
        scope                TEXT NOT NULL,       -- national | regional | other
        period               TEXT NOT NULL,       -- overnight | daytime
        command              TEXT NOT NULL,       -- 'national', or the regional command's claimant id
        drones_launched      INTEGER NOT NULL,
        drones_destroyed     INTEGER NOT NULL,
        drones_not_reached   INTEGER NOT NULL,
        missiles_launched    INTEGER NOT NULL,
        missiles_destroyed   INTEGER NOT NULL,
        missiles_not_reached INTEGER NOT NULL,
        other_launched       INTEGER NOT NULL,    -- guided bombs and weapons the catalogue calls neither
        rows                 INTEGER NOT NULL,
        rows_missing_values  INTEGER NOT NULL,
        posts                INTEGER NOT NULL,
        window_start         TEXT,
        window_end           TEXT,
        bodies               TEXT NOT NULL,       -- claimant ids of the posts, comma-separated
        targets              TEXT NOT NULL,       -- the targets the rows name, '; '-separated
        PRIMARY KEY (import_id, day, scope, period, command)
    ) WITHOUT ROWID;
    CREATE INDEX reference_days_day ON reference_days(day);
    """,
    # 4: listing order for keyset pagination (by day, undated last, then creation order); the few multi-day
    # events, so a `since` bound on the listing key stays exact; reports by place and claims and figures by the
    # text's claimant phrase, so place and claimant filters find rare names without reading every event
    """
    CREATE INDEX events_listing ON events(ifnull(date, '~'), seq);
    CREATE INDEX events_spans ON events(date_to, date) WHERE date_to IS NOT NULL;
    CREATE INDEX event_source_places_place ON event_source_places(place_id);
    CREATE INDEX claims_claimant ON claims(claimant);
    CREATE INDEX figures_claimed_by ON figures(claimed_by);
    """,
    # 5: feed watching (`kronika watch`): each feed's HTTP state, and how far each item it listed got
    """
    CREATE TABLE feeds (
        id               INTEGER PRIMARY KEY,
        url              TEXT NOT NULL UNIQUE,    -- as the user gave it
        title            TEXT,
        etag             TEXT,                    -- for conditional GET
        last_modified    TEXT,
        added_at         TEXT NOT NULL,
        last_poll_at     TEXT,
        last_success_at  TEXT,
        last_status      TEXT,                    -- ok | not modified | failed
        last_error       TEXT,
        polls            INTEGER NOT NULL DEFAULT 0,
        failures         INTEGER NOT NULL DEFAULT 0,  -- polls that failed
        items_seen       INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE feed_items (
        id             INTEGER PRIMARY KEY,       -- the order items are taken in
        feed_id        INTEGER NOT NULL REFERENCES feeds(id),  -- the feed it was first seen in
        url            TEXT NOT NULL UNIQUE,      -- canonical: the item's identity
        link           TEXT NOT NULL,             -- as the feed gave it
        guid           TEXT,
        title          TEXT,
        feed_date      TEXT,                      -- the feed's date for it (ISO day): evidence only
        state          TEXT NOT NULL,             -- pending | retry | ingested | known | skipped | failed
        reason         TEXT,
        attempts       INTEGER NOT NULL DEFAULT 0,
        first_seen_at  TEXT NOT NULL,             -- UTC, milliseconds
        fetched_at     TEXT,
        ingested_at    TEXT,
        content_hash   TEXT,                      -- documents.content_hash of what it became
        document_id    INTEGER REFERENCES documents(id)
    );
    CREATE INDEX feed_items_feed ON feed_items(feed_id, state);
    """,
    # 6: full-text indexes that Datasette detects and triggers keep in sync; a flat view of events (one column per
    # figure kind). documents_fts is made again with its options in double quotes (content="documents"): Datasette
    # finds an FTS table by that spelling, and with content='documents' its ?_search= filtered nothing. Both
    # indexes fold case and diacritics and stem English words (porter: "strikes" finds "strike"). The triggers index
    # every insert, update and delete, whoever makes it. A trigger's inner statements end mid-line, since split_sql
    # splits the script at each ';' that ends a line.
    """
    DROP TABLE documents_fts;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content="documents", content_rowid="id", tokenize="porter unicode61 remove_diacritics 2"
    );
    INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text); END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text); END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text)
        ; INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text); END;

    CREATE VIRTUAL TABLE event_sources_fts USING fts5(
        quote, content="event_sources", content_rowid="id", tokenize="porter unicode61 remove_diacritics 2"
    );
    INSERT INTO event_sources_fts (event_sources_fts) VALUES ('rebuild');
    CREATE TRIGGER event_sources_fts_insert AFTER INSERT ON event_sources BEGIN
        INSERT INTO event_sources_fts (rowid, quote) VALUES (new.id, new.quote); END;
    CREATE TRIGGER event_sources_fts_delete AFTER DELETE ON event_sources BEGIN
        INSERT INTO event_sources_fts (event_sources_fts, rowid, quote) VALUES ('delete', old.id, old.quote); END;
    CREATE TRIGGER event_sources_fts_update AFTER UPDATE OF quote ON event_sources BEGIN
        INSERT INTO event_sources_fts (event_sources_fts, rowid, quote) VALUES ('delete', old.id, old.quote)
        ; INSERT INTO event_sources_fts (rowid, quote) VALUES (new.id, new.quote); END;

    CREATE VIEW events_flat AS
        SELECT e.id, e.type, e.date, e.date_to, e.status, e.contested, e.source_count, e.first_reported,
               e.last_reported, p.name AS place, p.admin1, p.admin2, p.country, p.lat, p.lon, p.precision,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'killed' AND c.claimant = '*') AS killed,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'injured' AND c.claimant = '*') AS injured,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'children_killed' AND c.claimant = '*') AS children_killed,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'children_injured' AND c.claimant = '*') AS children_injured,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'rescued' AND c.claimant = '*') AS rescued,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'missing' AND c.claimant = '*') AS missing,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'drones_launched' AND c.claimant = '*') AS drones_launched,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'drones_destroyed' AND c.claimant = '*') AS drones_destroyed,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'missiles_launched' AND c.claimant = '*') AS missiles_launched,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'missiles_destroyed' AND c.claimant = '*') AS missiles_destroyed,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'weapons_launched' AND c.claimant = '*') AS weapons_launched,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'weapons_destroyed' AND c.claimant = '*') AS weapons_destroyed,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'without_power' AND c.claimant = '*') AS without_power,
               (SELECT value FROM current_figures c
                WHERE c.event_id = e.id AND c.kind = 'fires' AND c.claimant = '*') AS fires,
               e.summary
        FROM events e LEFT JOIN places p ON p.id = e.place_id;
    """,
]

# 7: match evidence per report, partial dates, possible duplicates, analyst corrections and their audit table
MIGRATIONS.append(
    """
    ALTER TABLE event_sources ADD COLUMN date_basis TEXT;        -- text | story | NULL: where the day came from
    ALTER TABLE event_sources ADD COLUMN date_partial TEXT;      -- '--MM-DD' or 'YYYY-MM' when no whole day
    ALTER TABLE event_sources ADD COLUMN weekday INTEGER;        -- ISO weekday the report names, 1 = Monday
    ALTER TABLE event_sources ADD COLUMN source_key TEXT;        -- content hash + extracted id: survives re-ingest
    ALTER TABLE event_sources ADD COLUMN terms TEXT;             -- distinctive words (sites, targets), JSON list
    ALTER TABLE event_sources ADD COLUMN toll_update INTEGER NOT NULL DEFAULT 0;  -- 'the toll has risen to'
    ALTER TABLE event_sources ADD COLUMN date_role TEXT;         -- event: its day is the event's; update: a later day
    ALTER TABLE event_sources ADD COLUMN match_decision TEXT;    -- new | matched | analyst | possible
    ALTER TABLE event_sources ADD COLUMN match_score REAL;       -- score of the event it joined (NULL: new)
    ALTER TABLE event_sources ADD COLUMN match_evidence TEXT;    -- JSON list of [feature, points, detail]

    CREATE INDEX event_index_event ON event_index(event_id);

    CREATE TABLE event_recent (
        cell      TEXT NOT NULL,
        seq       INTEGER NOT NULL,               -- events.seq: newest last
        event_id  TEXT NOT NULL REFERENCES events(id),
        PRIMARY KEY (cell, seq)
    ) WITHOUT ROWID;
    CREATE INDEX event_recent_event ON event_recent(event_id);

    CREATE TABLE possible_duplicates (
        event_id   TEXT NOT NULL REFERENCES events(id),   -- the event a report created
        other_id   TEXT NOT NULL REFERENCES events(id),   -- the existing event it may be the same as
        source_id  INTEGER NOT NULL REFERENCES event_sources(id),
        score      REAL NOT NULL,
        evidence   TEXT NOT NULL,                          -- JSON, as event_sources.match_evidence
        PRIMARY KEY (event_id, other_id)
    );
    CREATE INDEX possible_duplicates_other ON possible_duplicates(other_id);

    CREATE TABLE corrections (
        id          INTEGER PRIMARY KEY,
        action      TEXT NOT NULL,                -- merge | split | retract
        target      TEXT NOT NULL,                -- the events or document as the analyst named them
        detail      TEXT NOT NULL DEFAULT '',     -- what it changed, readable
        who         TEXT NOT NULL,
        at          TEXT NOT NULL,                -- UTC timestamp
        why         TEXT NOT NULL
    );

    CREATE TABLE correction_links (
        correction_id  INTEGER NOT NULL REFERENCES corrections(id),
        source_a       TEXT NOT NULL,             -- event_sources.source_key
        source_b       TEXT NOT NULL,
        verdict        TEXT NOT NULL,             -- same | different
        PRIMARY KEY (correction_id, source_a, source_b)
    );
    CREATE INDEX correction_links_a ON correction_links(source_a);
    CREATE INDEX correction_links_b ON correction_links(source_b);

    CREATE TABLE retractions (
        content_hash   TEXT PRIMARY KEY,          -- documents.content_hash: kept if the ledger is rebuilt
        correction_id  INTEGER NOT NULL REFERENCES corrections(id)
    );
    """
)

# 8: the full-text indexes merge their segments 16 at a time instead of 4. Each article is its own transaction, so
# each adds small segments; with FTS5's default every few articles rewrite the larger ones, a cost that grows with
# the ledger (per article at 1M events about twice that at 1k). Merging 16 at a time rewrites text about half as
# often; a search reads a few more segments, still in milliseconds.
MIGRATIONS.append(
    """
    INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 16);
    INSERT INTO event_sources_fts (event_sources_fts, rank) VALUES ('automerge', 16);
    """
)

SCHEMA_VERSION = len(MIGRATIONS)
