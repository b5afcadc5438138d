"""Metadata that makes the ledger readable in Datasette: what each table and column holds (with units), label
columns for foreign keys, and canned queries (`kronika datasette-metadata`).

    kronika datasette-metadata --db ledger.db -o metadata.json
    datasette ledger.db --metadata metadata.json

Full-text search needs no metadata: `documents_fts` and `event_sources_fts` are declared so that Datasette
finds them (the full-text migration in store/schema.py), and `?_search=` filters the documents and event_sources tables.

Units are written into the descriptions ("people", "drones"), not Datasette's `units` key: that key renders with
Pint's compact form, which shows 1,200 people as "1.2 kiloperson".

The one convention a Datasette user must know: in current_figures, `claimant = '*'` is the event's overall value
(derived from every claimant's latest); the other rows are each claimant's own. A SUM over every row counts a
figure once per claimant and once more overall: filter on `claimant = '*'`, or read events_flat.
"""

from __future__ import annotations

from typing import Any

from kronika.models import EVENT_TYPES, FIGURE_KINDS, QUALIFIERS

OVERALL_NOTE = (
    "claimant = '*' is the event's overall current value; the other rows are each claimant's own latest value. "
    "Sum only the '*' rows (or use events_flat): a SUM over every row counts a figure once per claimant and once "
    "more overall."
)
FIGURE_UNITS = {
    "killed": "people killed", "injured": "people injured", "children_killed": "children killed",
    "children_injured": "children injured", "rescued": "people rescued", "missing": "people missing",
    "drones_launched": "drones launched", "drones_destroyed": "drones destroyed (shot down or jammed)",
    "missiles_launched": "missiles launched", "missiles_destroyed": "missiles destroyed",
    "weapons_launched": "drones and missiles launched, when the text gives one total",
    "weapons_destroyed": "drones and missiles destroyed, when the text gives one total",
    "without_power": "people (or households, as the text counts them) left without power",
    "fires": "fires started",
}
_DAY = "ISO day YYYY-MM-DD"
_QUALIFIERS = f"one of {', '.join(QUALIFIERS)}: 'at least 10' is at_least"
_SPAN = "character offset in the document's cleaned text (documents.text)"

_PLACE_COLUMNS = {
    "place": "the place's name", "admin1": "oblast (first-level region)", "admin2": "raion (second-level region)",
    "country": "ISO 3166-1 alpha-2 code", "lat": "latitude, WGS 84 degrees (a region's administrative centre)",
    "lon": "longitude, WGS 84 degrees", "precision": "settlement, admin2, admin1, country, water or ambiguous",
}
_EVENT_COLUMNS = {
    "id": "readable, stable event id: ev-DAY-PLACE-TYPE-N",
    "type": f"one of {', '.join(EVENT_TYPES)}",
    "date": f"first day the reports give ({_DAY})", "date_to": "last day, when reports of one event differ",
    "status": "reported, claimed, denied or contested (one claimant denies what another claims)",
    "contested": "1 when claimants contradict each other on the event or on a figure",
    "source_count": "number of reports (event_sources) merged into the event",
    "first_reported": "earliest publication day among its sources", "last_reported": "latest publication day",
    "summary": "the quote of the first report",
}

TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "description": "One ingested article, identified by the hash of its cleaned text. Full-text searchable "
                       "(?_search=, title and text).",
        "columns": {"content_hash": "sha256 of the cleaned text, whitespace folded: the idempotency key",
                    "path": "the file name (or URL) it first came under", "outlet": "who published it",
                    "url": "the article's URL, when the input gave one", "published": f"publication {_DAY}",
                    "metadata_date": "what the input's metadata said (evidence, not trusted over the text)",
                    "date_conflict": "1 when metadata and text disagree on the day",
                    "text": "the cleaned text every span points into", "ingested_at": "when it was ingested (UTC)"},
        "label_column": "title",
    },
    "stories": {"description": "A dated story inside a document (digests hold several).",
                "columns": {"start_char": _SPAN, "end_char": _SPAN,
                            "reference_date": "the day its relative dates resolve against"}},
    "places": {"description": "A resolved place.", "label_column": "name",
               "columns": {**_PLACE_COLUMNS, "place_key": "gazetteer id, or name|admin1|country",
                           "gazetteer_id": "id in kronika's shipped gazetteer"}},
    "actors": {"description": "A named actor (Russia, Ukraine, ...).", "label_column": "name"},
    "events": {"description": "One real-world event, however many documents reported it. Figures: "
                              "current_figures (overall value: claimant '*') or the flat view events_flat.",
               "columns": {**_EVENT_COLUMNS, "seq": "creation order", "place_id": "the event's place"},
               "sort_desc": "date"},
    "event_sources": {
        "description": "One report of an event: the event one document states, with its quote and claimant. "
                       "Full-text searchable (?_search=, the quote).",
        "columns": {"event_id": "the ledger event it reports", "extracted_id": "the event's id inside its document",
                    "outlet": "who published the report", "published": f"the document's publication {_DAY}",
                    "date": "the event's day as this report gives it",
                    "claimed_by": "the claimant as the text names it",
                    "claimant_id": "the canonical claimant (claimants table)",
                    "status": "reported, claimed or denied: this report's stance",
                    "quote": "the sentence the event comes from", "span_start": _SPAN, "span_end": _SPAN},
    },
    "event_source_places": {"description": "The places a report names (role 'primary': the event's own place)."},
    "event_source_actors": {"description": "The actors a report names."},
    "claims": {"description": "Who claims or denies what: one row per report with a claimant or a stance.",
               "columns": {"stance": "reported, claimed or denied", "claimant": "as the text names it"}},
    "figures": {
        "description": "One number one report states, with its claimant, outlet, report day and quote. Every "
                       "report's figure stays: the history of a toll is here.",
        "columns": {"kind": f"one of {', '.join(FIGURE_KINDS)}",
                    "value": "the number (people, drones or missiles, as the kind says)", "qualifier": _QUALIFIERS,
                    "claimed_by": "who says so, as the text names them", "claimant_id": "canonical claimant",
                    "reported_on": f"the document's publication {_DAY}", "quote": "the words stating it",
                    "span_start": _SPAN, "span_end": _SPAN, "position": "order inside its report"},
    },
    "current_figures": {
        "description": "The current value of each figure kind per event, overall and per claimant. " + OVERALL_NOTE,
        "columns": {"claimant": OVERALL_NOTE, "kind": f"one of {', '.join(FIGURE_KINDS)}",
                    "value": "the current value (people, drones or missiles, as the kind says)",
                    "qualifier": _QUALIFIERS, "low": "lowest of the claimants' latest values",
                    "high": "highest of the claimants' latest values",
                    "contested": "1 when claimants give contradicting values",
                    "reports": "number of reports stating the kind", "figure_id": "the figures row the value is from"},
    },
    "event_index": {"description": "(day, place cell) -> event: the lookup merging uses. Internal.", "hidden": True},
    "claimants": {"description": "A canonical claimant: a body or person kronika's registry knows, or a phrase.",
                  "label_column": "name",
                  "columns": {"scope": "national, regional, city, international or unknown",
                              "side": "ISO2 of the body's country", "known": "1 when the registry lists it"}},
    "reference_imports": {"description": "One imported reference record (kronika reference import) and its "
                                         "provenance."},
    "reference_rows": {"description": "One row of an imported reference record, as read."},
    "reference_days": {"description": "A reference record per report day, period and command: drones and missiles "
                                      "launched, destroyed and not reached (counts of weapons)."},
    "schema_migrations": {"description": "The schema migrations applied to this ledger, with when."},
    "events_readable": {"description": "Events with their place (the first schema's view; its `region` is the "
                                       "oblast, admin1). events_flat supersedes it."},
    "events_flat": {
        "description": "One row per event, one column per figure kind: the overall current value (current_figures "
                       "with claimant '*'), so a SUM over a column counts each event once. Empty: no report gives "
                       "the kind (not zero).",
        "columns": {**_EVENT_COLUMNS, **_PLACE_COLUMNS,
                    **{kind: f"{unit} (count; overall current value)" for kind, unit in FIGURE_UNITS.items()}},
        "sort_desc": "date",
    },
}

_FLAT_AIR = ", ".join(f"max(CASE WHEN cf.kind = '{k}' THEN cf.value END) AS {k}" for k in (
    "drones_launched", "drones_destroyed", "missiles_launched", "missiles_destroyed", "weapons_launched",
    "weapons_destroyed"))

QUERIES: dict[str, dict[str, str]] = {
    "tonights_barrage": {
        "title": "Tonight's barrage",
        "description": "Air attacks of one night, with each claimant's counts beside the overall value (claimant "
                       "'*'). Leave night empty for the latest night in the ledger.",
        "sql": "SELECT e.id, e.date, e.date_to, p.name AS place, cf.claimant, " + _FLAT_AIR + ", e.summary\n"
               "FROM events e LEFT JOIN places p ON p.id = e.place_id\n"
               "JOIN current_figures cf ON cf.event_id = e.id\n"
               "WHERE e.type = 'air_attack' AND coalesce(nullif(:night, ''),\n"
               "  (SELECT max(date) FROM events WHERE type = 'air_attack')) IN (e.date, e.date_to)\n"
               "GROUP BY e.id, cf.claimant ORDER BY e.id, cf.claimant != '*', cf.claimant",
    },
    "contested_claims": {
        "title": "Contested claims",
        "description": "Events whose claimants contradict each other, each claimant's stance and quote side by "
                       "side, newest first.",
        "sql": "SELECT e.id, e.type, e.date, p.name AS place, e.status, c.claimant, c.stance, c.outlet, c.published,"
               " c.quote\n"
               "FROM events e JOIN claims c ON c.event_id = e.id LEFT JOIN places p ON p.id = e.place_id\n"
               "WHERE e.contested = 1 ORDER BY e.date DESC, e.id, c.published, c.id",
    },
    "contested_figures": {
        "title": "Contested figures",
        "description": "Figures whose claimants give contradicting values: the overall value and each claimant's.",
        "sql": "SELECT cf.event_id, e.date, p.name AS place, cf.kind, cf.claimant, cf.value, cf.qualifier, cf.low,"
               " cf.high, cf.reports\n"
               "FROM current_figures cf JOIN events e ON e.id = cf.event_id LEFT JOIN places p ON p.id = e.place_id\n"
               "WHERE cf.event_id IN (SELECT event_id FROM current_figures WHERE claimant = '*' AND contested = 1)\n"
               "  AND cf.kind IN (SELECT kind FROM current_figures x WHERE x.event_id = cf.event_id"
               " AND x.claimant = '*' AND x.contested = 1)\n"
               "ORDER BY e.date DESC, cf.event_id, cf.kind, cf.claimant != '*', cf.claimant",
    },
    "tolls_that_rose": {
        "title": "Tolls that rose",
        "description": "Killed and injured tolls whose current value is above the first one reported: first "
                       "value, who gave it and when, and the current value.",
        "sql": "WITH ordered AS (\n"
               "  SELECT f.*, row_number() OVER (PARTITION BY f.event_id, f.kind\n"
               "    ORDER BY coalesce(f.reported_on, ''), f.document_id, f.position) AS n\n"
               "  FROM figures f WHERE f.kind IN ('killed', 'injured', 'children_killed', 'children_injured'))\n"
               "SELECT o.event_id, e.date, p.name AS place, o.kind, o.value AS first_value,\n"
               "  o.qualifier AS first_qualifier, o.reported_on AS first_reported_on, o.outlet AS first_outlet,\n"
               "  o.claimed_by AS first_claimant, cf.value AS current_value, cf.qualifier AS current_qualifier,\n"
               "  cf.reports, cf.contested\n"
               "FROM ordered o JOIN current_figures cf ON cf.event_id = o.event_id AND cf.kind = o.kind"
               " AND cf.claimant = '*'\n"
               "JOIN events e ON e.id = o.event_id LEFT JOIN places p ON p.id = e.place_id\n"
               "WHERE o.n = 1 AND cf.value > o.value ORDER BY cf.value - o.value DESC, e.date DESC",
    },
    "killed_per_day": {
        "title": "Killed per day",
        "description": "People killed per event day, summing each event's overall value once (claimant '*').",
        "sql": "SELECT e.date, count(*) AS events, sum(cf.value) AS killed\n"
               "FROM current_figures cf JOIN events e ON e.id = cf.event_id\n"
               "WHERE cf.kind = 'killed' AND cf.claimant = '*' GROUP BY e.date ORDER BY e.date DESC",
    },
}


def datasette_metadata(database: str = "ledger", tables: set[str] | None = None) -> dict[str, Any]:
    """Datasette metadata for a ledger served under the name `database` (its file name without .db).

    `tables`: the tables and views the ledger holds; descriptions of others are left out (None: all known).
    """
    described = {name: meta for name, meta in TABLES.items() if tables is None or name in tables}
    return {
        "title": "kronika event ledger",
        "description": "Events from news articles about an armed conflict, each figure with its claimant, outlet "
                       "and quote. " + OVERALL_NOTE,
        "about": "kronika",
        "databases": {database: {"tables": described, "queries": QUERIES}},
    }


def ledger_tables(path: str) -> set[str]:
    """The tables and views of the ledger file at `path` (opened read-only)."""
    import sqlite3
    from pathlib import Path

    db = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    finally:
        db.close()
