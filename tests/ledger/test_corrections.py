"""Analyst corrections: merge, split, retract; recorded with who, when and why; kept when articles are ingested again."""

from __future__ import annotations

import pytest
from ledger_records import KYIV, TERNOPIL, Ev, Fig
from typer.testing import CliRunner

from kronika.cli import _register_commands, app
from kronika.ledger import ingest, list_events, show_event
from kronika.ledger.corrections import CorrectionError, merge_events, retract_document, split_event
from kronika.store import open_store


def _ternopil(article, path: str, outlet: str, killed: int, day: str = "2025-11-19", words: str = "struck"):
    text = (f"Ternopil, {day} ({outlet}) - Russian missiles {words} two apartment blocks in Ternopil, killing "
            f"{killed} people, officials said.")
    return article(text, [Ev("strike", f"Russian missiles {words} two apartment blocks in Ternopil", day, TERNOPIL,
                             actors=["Russia"], date_basis="text",
                             figures=[Fig("killed", killed, f"killing {killed} people", "exact", f"{outlet} officials")])],
                   path=path, source=outlet, published=day)


def _apart(article):
    """Two reports the matcher keeps apart (different days), and one it merges with the first."""
    return [
        _ternopil(article, "a.txt", "Northline Wire", 12),
        _ternopil(article, "b.txt", "Alpine Post", 20, day="2025-11-24", words="hit"),
        _ternopil(article, "c.txt", "Dnipro Daily", 14, words="slammed into"),
    ]


def _grouping(store) -> list[list[str]]:
    """Which documents share an event, as sorted lists of paths."""
    groups = [sorted(s.document_path for s in show_event(store, r.event.id).sources) for r in list_events(store)]
    return sorted(groups)


def test_merge_moves_the_sources_and_is_recorded_with_who_when_and_why(store, article):
    ingest(store, _apart(article))
    assert _grouping(store) == [["a.txt", "c.txt"], ["b.txt"]]
    keep, other = (r.event.id for r in sorted(list_events(store), key=lambda r: r.event.date))
    result = merge_events(store, keep, other, why="one strike; the second report misdated it", who="analyst1")
    assert _grouping(store) == [["a.txt", "b.txt", "c.txt"]]
    assert store.get_event(other) is None
    [row] = list_events(store)
    assert row.event.source_count == 3 and row.figures["killed"].value == 20
    [audit] = store.corrections()
    assert (audit.id, audit.action, audit.who, audit.why) == (result.correction_id, "merge", "analyst1",
                                                              "one strike; the second report misdated it")
    assert audit.at and other in audit.detail
    [moved] = [s for s in show_event(store, keep).sources if s.document_path == "b.txt"]
    assert moved.match_decision == "analyst" and "correction #1" in moved.match_evidence[0][2]


def test_split_makes_a_source_an_event_of_its_own(store, article):
    ingest(store, _apart(article))
    merged = next(r.event.id for r in list_events(store) if r.event.source_count == 2)
    result = split_event(store, merged, 2, why="a different block", who="analyst1")
    assert _grouping(store) == [["a.txt"], ["b.txt"], ["c.txt"]]
    assert len(result.events) == 2 and result.events[0] == merged


def test_a_merge_and_a_split_survive_re_ingest(store, article):
    docs = _apart(article)
    ingest(store, docs)
    by_path = {s.document_path: r.event.id for r in list_events(store) for s in show_event(store, r.event.id).sources}
    split_event(store, by_path["a.txt"], 2, why="c.txt is another strike", who="analyst1")  # c leaves a
    by_path = {s.document_path: r.event.id for r in list_events(store) for s in show_event(store, r.event.id).sources}
    merge_events(store, by_path["a.txt"], by_path["b.txt"], why="b.txt misdated", who="analyst1")
    expected = [["a.txt", "b.txt"], ["c.txt"]]
    assert _grouping(store) == expected
    # the same articles again: known, nothing changes
    assert ingest(store, docs).documents_known == 3
    assert _grouping(store) == expected
    # extracted and merged again from scratch: the corrections apply again and outrank the matcher
    summary = ingest(store, docs, reprocess=True)
    assert summary.documents_new == 3
    assert _grouping(store) == expected
    # in another order too
    ingest(store, list(reversed(docs)), reprocess=True)
    assert _grouping(store) == expected
    assert [c.action for c in store.corrections()] == ["split", "merge"]


def test_a_retracted_documents_figures_leave_the_current_figures(store, article):
    ingest(store, [_ternopil(article, "a.txt", "Northline Wire", 12),
                   _ternopil(article, "c.txt", "Dnipro Daily", 40, words="slammed into")])
    [row] = list_events(store)
    assert row.figures["killed"].value == 40
    retract_document(store, "c.txt", why="the outlet withdrew the story", who="analyst1")
    [row] = list_events(store)
    assert row.figures["killed"].value == 12
    detail = show_event(store, row.event.id)
    assert [s.retracted for s in detail.sources] == [False, True]  # kept as history, marked
    [killed] = [h for h in detail.figures if h.kind == "killed"]
    assert "[retracted]" in killed.text
    # the retraction is kept when the document is extracted again
    ingest(store, [_ternopil(article, "c.txt", "Dnipro Daily", 40, words="slammed into")], reprocess=True)
    [row] = list_events(store)
    assert row.figures["killed"].value == 12
    assert store.current_figures(row.event.id)[0].value == 12


def test_an_event_all_of_whose_reports_are_retracted_is_marked(store, article):
    ingest(store, [_ternopil(article, "a.txt", "Northline Wire", 12)])
    retract_document(store, "1", why="fabricated", who="analyst1")
    [row] = list_events(store)
    assert row.event.status == "retracted" and row.figures == {}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: merge_events(s, "ev-x", "ev-y", why="r"), "no event 'ev-x'"),
        (lambda s: merge_events(s, "ev-x", "ev-x", why="r"), "with itself"),
        (lambda s: split_event(s, "ev-x", 1, why="r"), "no event"),
        (lambda s: retract_document(s, "nothing.txt", why="r"), "no document"),
        (lambda s: retract_document(s, "a.txt", why=" "), "say why"),
    ],
)
def test_bad_corrections_are_refused_with_a_reason_and_change_nothing(store, article, call, message):
    ingest(store, [_ternopil(article, "a.txt", "Northline Wire", 12)])
    with pytest.raises(CorrectionError, match=message):
        call(store)
    assert store.corrections() == []


def test_correction_commands_on_the_command_line(tmp_path, article):
    db = tmp_path / "ledger.db"
    with open_store(db) as store:
        ingest(store, _apart(article))
        ids = [r.event.id for r in list_events(store)]
    _register_commands()
    runner = CliRunner()
    merged = runner.invoke(app, ["merge", ids[0], ids[1], "--db", str(db), "--reason", "same strike", "--by", "ana"])
    assert merged.exit_code == 0, merged.output
    assert "correction #1" in merged.output
    shown = runner.invoke(app, ["show", ids[0], "--db", str(db), "--figures", "conservative"])
    assert "why here: matched, score" in shown.output and "correction #1" in shown.output
    assert "conservative reading" in shown.output
    split = runner.invoke(app, ["split", ids[0], "--source", "3", "--db", str(db), "-r", "another block"])
    assert split.exit_code == 0 and "became" in split.output
    retract = runner.invoke(app, ["retract", "b.txt", "--db", str(db), "-r", "withdrawn"])
    assert retract.exit_code == 0 and "retracted" in retract.output
    audit = runner.invoke(app, ["corrections", "--db", str(db)])
    assert "3 correction(s)" in audit.output and "ana" in audit.output
    missing = runner.invoke(app, ["merge", ids[0], "ev-nothing", "--db", str(db), "-r", "x"])
    assert missing.exit_code != 0


def test_the_conservative_reading_is_the_lowest_claimant(store, article):
    ingest(store, [_ternopil(article, "a.txt", "Northline Wire", 12),
                   _ternopil(article, "c.txt", "Dnipro Daily", 40, words="slammed into")])
    [latest] = list_events(store)
    [conservative] = list_events(store, figures="conservative")
    assert (latest.figures["killed"].value, conservative.figures["killed"].value) == (40, 12)
    with pytest.raises(Exception, match="figures must be one of"):
        list_events(store, figures="highest")


def test_an_analyst_split_keeps_a_report_apart_even_from_later_matches(store, article):
    docs = [_ternopil(article, "a.txt", "Northline Wire", 12), _ternopil(article, "c.txt", "Dnipro Daily", 14)]
    ingest(store, docs)
    [row] = list_events(store)
    split_event(store, row.event.id, 2, why="another strike", who="analyst1")
    ingest(store, docs, reprocess=True)
    assert _grouping(store) == [["a.txt"], ["c.txt"]]
    # a third report that matches both joins one of them, never bringing the split report back in
    third = _ternopil(article, "d.txt", "Alpine Post", 12, words="ripped through")
    ingest(store, [third])
    assert all(len(group) <= 2 for group in _grouping(store))
    assert ["a.txt", "c.txt"] not in [sorted(g)[:2] for g in _grouping(store)]


KYIV_TEXT = "Kyiv, Nov 14, 2025 (Kyiv Morning Post) - Drones hit Kyiv overnight."


def test_events_of_one_document_can_be_merged_by_an_analyst(store, article):
    doc = article(KYIV_TEXT + " Later, drones hit Kyiv again.",
                  [Ev("strike", "Drones hit Kyiv overnight", "2025-11-14", KYIV),
                   Ev("strike", "drones hit Kyiv again", "2025-11-14", KYIV)],
                  path="k.txt", source="Kyiv Morning Post", published="2025-11-14")
    ingest(store, [doc])
    one, two = (r.event.id for r in list_events(store))
    merge_events(store, one, two, why="one attack in two waves", who="analyst1")
    ingest(store, [doc], reprocess=True)
    assert _grouping(store) == [["k.txt", "k.txt"]]
