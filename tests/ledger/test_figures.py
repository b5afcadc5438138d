"""Current figures and their history: the rules of kronika.ledger.figures on exact report sequences."""

from __future__ import annotations

from ledger_records import KYIV, Ev, Fig

from kronika.ledger import air_stats, ingest, list_events, show_event
from kronika.ledger.figures import OVERALL, current_figures
from kronika.store import FigureReport


def rep(n: int, kind: str, value: int, qualifier: str, claimant: str | None, day: str, outlet: str = "AFP"):
    return FigureReport(n, "ev", n, n, 0, kind, value, qualifier, claimant, outlet, day, "", (0, 0))


def overall(rows, kind):
    return next(r for r in rows if r.kind == kind and r.claimant == OVERALL)


def test_lower_bound_gives_way_to_later_exact_from_another_claimant():
    rows = current_figures([rep(1, "killed", 10, "at_least", "Andriy Sybiga", "2025-11-19"),
                            rep(2, "killed", 23, "exact", "Ihor Klymenko", "2025-11-20")])
    cur = overall(rows, "killed")
    assert (cur.value, cur.qualifier, cur.low, cur.high, cur.contested) == (23, "exact", 10, 23, False)


def test_latest_report_of_the_same_claimant_supersedes_even_when_lower():
    rows = current_figures([rep(1, "injured", 40, "exact", "Kyiv city administration", "2025-11-14"),
                            rep(2, "injured", 35, "exact", "Kyiv City Administration", "2025-11-15")])
    assert overall(rows, "injured").value == 35
    assert not overall(rows, "injured").contested


def test_a_later_lower_exact_toll_from_another_claimant_is_contested():
    rows = current_figures([rep(1, "killed", 12, "exact", "State Emergency Service", "2025-11-19"),
                            rep(2, "killed", 7, "exact", "Russian defence ministry", "2025-11-20", "TASS")])
    cur = overall(rows, "killed")
    assert cur.contested and (cur.low, cur.high) == (7, 12)


def test_interception_counts_from_two_sides_are_contested_and_never_averaged():
    rows = current_figures([rep(1, "drones_destroyed", 400, "exact", "Ukraine's air force", "2025-11-20"),
                            rep(2, "drones_destroyed", 300, "exact", "Russian defence ministry", "2025-11-20")])
    cur = overall(rows, "drones_destroyed")
    assert cur.contested and cur.value == 300 and (cur.low, cur.high) == (300, 400)
    per_claimant = {r.claimant: r.value for r in rows if r.claimant != OVERALL}
    assert per_claimant == {"Ukraine's air force": 400, "Russian defence ministry": 300}


def test_at_least_count_is_consistent_with_a_larger_exact_count():
    rows = current_figures([rep(1, "drones_launched", 400, "at_least", "Ukrainian Air Force", "2025-11-20"),
                            rep(2, "drones_launched", 476, "exact", "Ukraine's air force", "2025-11-20")])
    cur = overall(rows, "drones_launched")
    assert (cur.value, cur.contested) == (476, False)


def test_undated_report_never_supersedes_a_dated_one():
    rows = current_figures([rep(2, "without_power", 5000, "exact", "DTEK", None),
                            rep(1, "without_power", 40000, "about", "DTEK", "2025-11-26")])
    assert overall(rows, "without_power").value == 40000


BARRAGE = (
    "Kyiv, Nov 20, 2025 (Reuters) - Russia launched 476 drones and 48 missiles at Ukraine overnight, the "
    "Ukrainian Air Force said, adding that air defences downed 442 drones and 41 missiles."
)


def test_air_stats_per_night_and_claimant(store, article):
    doc = article(
        BARRAGE,
        [Ev("air_attack", "Russia launched 476 drones and 48 missiles at Ukraine overnight", "2025-11-20", None,
            claimed_by="Ukrainian Air Force",
            figures=[Fig("drones_launched", 476, "476 drones", "exact", "Ukrainian Air Force"),
                     Fig("missiles_launched", 48, "48 missiles at", "exact", "Ukrainian Air Force"),
                     Fig("drones_destroyed", 442, "downed 442 drones", "exact", "Ukrainian Air Force"),
                     Fig("missiles_destroyed", 41, "41 missiles.", "exact", "Ukrainian Air Force")])],
        path="barrage.txt", source="Reuters", published="2025-11-20",
    )
    ingest(store, [doc])
    [night] = air_stats(store)
    # the canonical name, with the text's own phrase kept beside it
    assert (night.date, night.claimant, night.launched, night.destroyed) == ("2025-11-20", "Ukraine's Air Force",
                                                                              524, 483)
    assert night.phrases == ["Ukrainian Air Force"]
    assert round(night.interception_rate, 3) == round(483 / 524, 3)


def test_nationwide_air_reports_of_one_night_merge_and_keep_both_claimants(store, article):
    ua = article(BARRAGE, [Ev("air_attack", "Russia launched 476 drones and 48 missiles at Ukraine overnight",
                              "2025-11-20", None, claimed_by="Ukrainian Air Force",
                              figures=[Fig("drones_destroyed", 442, "downed 442 drones", "exact",
                                           "Ukrainian Air Force")])],
                 path="ua.txt", source="Reuters", published="2025-11-20")
    kyiv_text = "Kyiv, Nov 20, 2025 (Ukrinform) - Air defences over Kyiv destroyed 20 drones, the city said."
    kyiv = article(kyiv_text, [Ev("air_attack", "Air defences over Kyiv destroyed 20 drones", "2025-11-20", KYIV,
                                  figures=[Fig("drones_destroyed", 20, "destroyed 20 drones", "exact",
                                               "Kyiv city military administration")])],
                   path="kyiv.txt", source="Ukrinform", published="2025-11-20")
    summary = ingest(store, [ua, kyiv])
    assert summary.events_new == 2  # a city's own count is not the nationwide barrage report
    rows = {r.event.place.name if r.event.place else None: r for r in list_events(store)}
    assert rows[None].figures["drones_destroyed"].value == 442
    detail = show_event(store, rows["Kyiv"].event.id)
    assert detail.figures[0].by_claimant[0].claimant == "Kyiv city authorities"  # canonical, the phrase in sources


def test_a_claimant_named_two_ways_is_one_claimant():
    rows = current_figures([rep(1, "drones_destroyed", 442, "exact", "the air force", "2025-11-19"),
                            rep(2, "drones_destroyed", 440, "exact", "Ukraine's air force", "2025-11-20")])
    cur = overall(rows, "drones_destroyed")
    assert (cur.value, cur.contested) == (440, False)  # a revision by one claimant, not a contest
    rows = current_figures([rep(1, "killed", 10, "at_least", "Foreign Minister Andriy Sybiga", "2025-11-19"),
                            rep(2, "killed", 9, "exact", "Sybiga", "2025-11-20")])
    assert overall(rows, "killed").value == 9


def test_generic_words_alone_do_not_join_claimants():
    from kronika.ledger.claims import claimant_groups, claimant_key

    groups = claimant_groups(["ministry", "Russia's defence ministry", "Ukraine's foreign ministry"])
    assert groups[claimant_key("ministry")] == "ministry"
    assert groups[claimant_key("Russian Ministry of Defense")] == claimant_key("Russia's defence ministry")


def test_one_reports_highest_toll_of_a_claimant_is_its_toll_not_the_part_it_states_last():
    whole = FigureReport(1, "ev", 1, 7, 0, "killed", 18, "exact", "State Emergency Service", "AFP", "2025-09-02", "",
                         (0, 0))
    part = FigureReport(2, "ev", 1, 7, 3, "killed", 2, "exact", "State Emergency Service", "AFP", "2025-09-02", "",
                        (0, 0))
    assert overall(current_figures([whole, part]), "killed").value == 18
    later = rep(3, "killed", 16, "exact", "State Emergency Service", "2025-09-03")
    assert overall(current_figures([whole, part, later]), "killed").value == 16  # a later report still supersedes
