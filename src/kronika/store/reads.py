"""Reads of events one at a time: an event, its reports, actors, stances, figure reports and current figures; the
candidates and profile the resolver matches a new report against; event ids; and the claimants known.

`SQLiteStore` takes these methods from `EventReads`. Listings by filter are in queries.py.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from kronika.claimants import Claimant
from kronika.store.base import CurrentFigure, EventProfile, FigureReport, LedgerEvent, PossibleDuplicate, SourceReport
from kronika.store.rows import _EVENT_COLUMNS, _FIGURE_COLUMNS, _event, _figure, _location


class EventReads:
    """Mixin of SQLiteStore: `_db` is its connection."""

    _db: sqlite3.Connection

    def get_event(self, event_id: str) -> LedgerEvent | None:
        row = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id WHERE e.id = ?",
            (event_id,),
        ).fetchone()
        return _event(row) if row else None

    def candidate_events(self, days: Sequence[str], cells: Sequence[str]) -> list[LedgerEvent]:
        if not days or not cells:
            return []
        day_marks = ",".join("?" * len(days))
        cell_marks = ",".join("?" * len(cells))
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id"
            f" WHERE e.id IN (SELECT event_id FROM event_index WHERE day IN ({day_marks}) AND cell IN ({cell_marks}))"
            " ORDER BY e.seq",
            (*days, *cells),
        ).fetchall()
        return [_event(r) for r in rows]

    def recent_events(self, cells: Sequence[str], limit: int) -> list[LedgerEvent]:
        ids: set[str] = set()
        for cell in dict.fromkeys(cells):
            rows = self._db.execute(
                "SELECT event_id FROM event_recent WHERE cell = ? ORDER BY seq DESC LIMIT ?", (cell, limit)
            )
            ids.update(r[0] for r in rows)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN places p ON p.id = e.place_id"
            f" WHERE e.id IN ({marks}) ORDER BY e.seq",
            tuple(ids),
        ).fetchall()
        return [_event(r) for r in rows]

    def count_event_ids(self, prefix: str) -> int:
        # a range scan on the primary key: ids sharing a prefix are contiguous
        row = self._db.execute(
            "SELECT count(*) FROM events WHERE id >= ? AND id < ?", (prefix + "-", prefix + "-\U0010ffff")
        ).fetchone()
        return int(row[0])

    def next_event_number(self, prefix: str) -> int:
        """1 + the largest number among ids 'PREFIX-N' (not a count: a deleted event leaves a gap)."""
        rows = self._db.execute(
            "SELECT id FROM events WHERE id >= ? AND id < ?", (prefix + "-", prefix + "-\U0010ffff")
        )
        numbers = [int(tail) for (eid,) in rows if (tail := eid[len(prefix) + 1 :]).isdigit()]
        return max(numbers, default=0) + 1

    def event_profile(self, event_id: str) -> EventProfile:
        prof = EventProfile()
        rows = self._db.execute(
            "SELECT date, date_basis, date_partial, weekday, terms, date_role, document_id, claimed_by, toll_update"
            " FROM event_sources WHERE event_id = ?",
            (event_id,),
        )
        dated_updates = dated = 0
        for day, basis, partial, weekday, terms, role, document_id, claimant, update in rows:
            prof.documents.add(document_id)
            prof.updates = prof.updates or bool(update)
            dated += bool(day)
            dated_updates += bool(day) and (bool(update) or role == "update")
            if day:
                if role == "update":
                    prof.update_dates.append(day)
                elif basis == "story":
                    prof.story_dates.append(day)
                else:
                    prof.text_dates.append(day)
            if partial:
                prof.partials.add(partial)
            if weekday:
                prof.weekdays.add(int(weekday))
            if terms:
                prof.terms.update(json.loads(terms))
            if claimant:
                prof.actors.add(claimant)
                prof.claimants.add(claimant)
        prof.actors |= self.actors_of_event(event_id)
        prof.only_updates = dated > 0 and dated == dated_updates
        return prof

    def possible_duplicates(self, event_id: str) -> list[PossibleDuplicate]:
        rows = self._db.execute(
            "SELECT event_id, other_id, source_id, score, evidence FROM possible_duplicates"
            " WHERE event_id = ? OR other_id = ? ORDER BY score DESC, event_id, other_id",
            (event_id, event_id),
        )
        return [PossibleDuplicate(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    def sources(self, event_id: str) -> list[SourceReport]:
        rows = self._db.execute(
            "SELECT s.id, s.event_id, s.document_id, s.extracted_id, s.type, s.status, s.quote, s.span_start,"
            " s.span_end, s.story_id, s.outlet, s.published, s.date, s.claimed_by, d.path, d.title,"
            " p.name, p.admin1, p.admin2, p.country, p.lat, p.lon, p.precision, p.gazetteer_id,"
            " s.date_basis, s.date_partial, s.weekday, coalesce(s.source_key, d.content_hash || ':' || s.extracted_id),"
            " s.terms, s.toll_update, s.date_role,"
            " s.match_decision, s.match_score, s.match_evidence, d.url,"
            " EXISTS (SELECT 1 FROM retractions r WHERE r.content_hash = d.content_hash),"
            " c.id, c.name, c.kind, c.scope, c.side, c.region, c.city, c.known"
            " FROM event_sources s JOIN documents d ON d.id = s.document_id LEFT JOIN places p ON p.id = s.place_id"
            " LEFT JOIN claimants c ON c.id = s.claimant_id"
            " WHERE s.event_id = ? ORDER BY s.id",
            (event_id,),
        ).fetchall()
        reports = []
        for r in rows:
            report = SourceReport(
                id=r[0],
                event_id=r[1],
                document_id=r[2],
                extracted_id=r[3],
                type=r[4],
                status=r[5],
                quote=r[6],
                span=(r[7], r[8]),
                story_id=r[9],
                outlet=r[10],
                published=r[11],
                date=r[12],
                claimed_by=r[13],
                document_path=r[14],
                document_title=r[15],
                location=_location(r, 16),
                date_basis=r[24],
                date_partial=r[25],
                weekday=r[26],
                source_key=r[27],
                terms=json.loads(r[28]) if r[28] else {},
                toll_update=bool(r[29]),
                date_role=r[30],
                match_decision=r[31],
                match_score=r[32],
                match_evidence=json.loads(r[33]) if r[33] else [],
                document_url=r[34],
                retracted=bool(r[35]),
            )
            if r[36] is not None and report.claimed_by:  # the canonical claimant of the report's own phrase
                report.claimants[report.claimed_by] = Claimant(
                    r[36], r[37], r[38], r[39], side=r[40], region=r[41], city=r[42], known=bool(r[43]),
                    phrase=report.claimed_by,
                )
            report.actors = [
                a[0]
                for a in self._db.execute(
                    "SELECT a.name FROM event_source_actors sa JOIN actors a ON a.id = sa.actor_id"
                    " WHERE sa.event_source_id = ? ORDER BY a.name",
                    (report.id,),
                )
            ]
            reports.append(report)
        return reports

    def actors_of_event(self, event_id: str) -> set[str]:
        rows = self._db.execute(
            "SELECT DISTINCT a.name FROM event_sources s JOIN event_source_actors sa ON sa.event_source_id = s.id"
            " JOIN actors a ON a.id = sa.actor_id WHERE s.event_id = ?",
            (event_id,),
        )
        return {r[0] for r in rows}

    def stances(self, event_id: str) -> list[tuple[str | None, str]]:
        rows = self._db.execute(
            "SELECT s.claimed_by, s.status FROM event_sources s JOIN documents d ON d.id = s.document_id"
            " WHERE s.event_id = ? AND NOT EXISTS (SELECT 1 FROM retractions r WHERE r.content_hash = d.content_hash)"
            " ORDER BY s.id",
            (event_id,),
        )
        return [(r[0], r[1]) for r in rows]

    def figure_reports(self, event_id: str) -> list[FigureReport]:
        rows = self._db.execute(
            f"SELECT {_FIGURE_COLUMNS} FROM figures f LEFT JOIN claimants c ON c.id = f.claimant_id"
            " WHERE f.event_id = ? ORDER BY f.id",
            (event_id,),
        ).fetchall()
        return [_figure(r) for r in rows]

    def current_figures(self, event_id: str) -> list[CurrentFigure]:
        rows = self._db.execute(
            "SELECT kind, claimant, value, qualifier, low, high, contested, reports, figure_id FROM current_figures"
            " WHERE event_id = ? ORDER BY kind, claimant = '*' DESC, claimant",
            (event_id,),
        ).fetchall()
        return [CurrentFigure(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[8]) for r in rows]

    def current_figures_of(self, event_ids: Sequence[str], claimant: str) -> dict[str, list[CurrentFigure]]:
        """One claimant's current figures (OVERALL for the event's own) of many events, in one query per 500."""
        out: dict[str, list[CurrentFigure]] = {}
        ids = list(dict.fromkeys(event_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self._db.execute(
                "SELECT event_id, kind, claimant, value, qualifier, low, high, contested, reports, figure_id"
                f" FROM current_figures WHERE claimant = ? AND event_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY event_id, kind",
                (claimant, *chunk),
            )
            for r in rows:
                out.setdefault(r[0], []).append(
                    CurrentFigure(r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9])
                )
        return out

    def figure_reports_of_kinds(
        self, kinds: Sequence[str], since: str | None, until: str | None
    ) -> list[tuple[LedgerEvent, FigureReport]]:
        marks = ",".join("?" * len(kinds))
        sql = (
            f"SELECT {_EVENT_COLUMNS}, {_FIGURE_COLUMNS}"
            " FROM figures f JOIN events e ON e.id = f.event_id LEFT JOIN places p ON p.id = e.place_id"
            f" LEFT JOIN claimants c ON c.id = f.claimant_id WHERE f.kind IN ({marks})"
        )
        args: list[object] = list(kinds)
        if since:
            sql += " AND e.date >= ?"
            args.append(since)
        if until:
            sql += " AND e.date <= ?"
            args.append(until)
        sql += " ORDER BY e.date, e.seq, f.id"
        out = []
        for r in self._db.execute(sql, args):
            out.append((_event(r[:19]), _figure(r[19:])))
        return out

    def claimants(self) -> dict[str, Claimant]:
        rows = self._db.execute("SELECT id, name, kind, scope, side, region, city, known FROM claimants")
        return {
            r[0]: Claimant(r[0], r[1], r[2], r[3], side=r[4], region=r[5], city=r[6], known=bool(r[7])) for r in rows
        }
