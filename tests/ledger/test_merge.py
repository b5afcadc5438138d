"""Sameness across articles: the required merge scenarios, each on hand-made extraction results."""

from __future__ import annotations

from ledger_records import BALAKLIIA, KHARKIV, KHARKIV_OBLAST, KUPIANSK, KYIV, TERNOPIL, Ev, Fig

from kronika.ledger import ingest, list_events, show_event
from kronika.ledger.places import place_score

AFP_TERNOPIL = (
    "Kyiv, Nov 19, 2025 (AFP) - Russian missiles slammed into two apartment blocks in Ternopil overnight, "
    "killing at least 10 people, Foreign Minister Andriy Sybiga said."
)
REUTERS_TERNOPIL = (
    "Ternopil, Nov 20, 2025 (Reuters) - The death toll from Wednesday's Russian strike on residential "
    "buildings in the western city of Ternopil has risen to 23, Interior Minister Ihor Klymenko said."
)


def afp_ternopil(article):
    return article(
        AFP_TERNOPIL,
        [Ev("strike", "Russian missiles slammed into two apartment blocks in Ternopil overnight", "2025-11-19",
            TERNOPIL, actors=["Russia"],
            figures=[Fig("killed", 10, "killing at least 10 people", "at_least", "Andriy Sybiga")])],
        path="afp.txt", source="AFP", published="2025-11-19",
    )


def reuters_ternopil(article):
    return article(
        REUTERS_TERNOPIL,
        [Ev("strike", "The death toll from Wednesday's Russian strike on residential buildings", "2025-11-19",
            TERNOPIL, actors=["Russia"],
            figures=[Fig("killed", 23, "has risen to 23", "exact", "Ihor Klymenko")])],
        path="reuters.txt", source="Reuters", published="2025-11-20",
    )


def test_two_outlets_on_one_attack_make_one_event_with_two_sources(store, article):
    summary = ingest(store, [afp_ternopil(article), reuters_ternopil(article)])
    assert (summary.events_new, summary.events_merged) == (1, 1)
    [row] = list_events(store)
    assert row.event.source_count == 2
    detail = show_event(store, row.event.id)
    assert [s.outlet for s in detail.sources] == ["AFP", "Reuters"]
    assert row.event.id == "ev-2025-11-19-ternopil-strike-1"


def test_rising_toll_keeps_history_and_current_is_latest(store, article):
    ingest(store, [afp_ternopil(article), reuters_ternopil(article)])
    [row] = list_events(store)
    killed = row.figures["killed"]
    assert (killed.value, killed.qualifier, killed.contested) == (23, "exact", False)
    [history] = [h for h in show_event(store, row.event.id).figures if h.kind == "killed"]
    assert [(r.value, r.qualifier) for r in history.reports] == [(10, "at_least"), (23, "exact")]
    assert history.text == (
        "10 (at least) on 2025-11-19 from AFP citing Andriy Sybiga"
        " -> 23 on 2025-11-20 from Reuters citing Ihor Klymenko"
    )


def test_toll_order_does_not_depend_on_ingest_order(store, article):
    ingest(store, [reuters_ternopil(article), afp_ternopil(article)])
    [row] = list_events(store)
    assert row.figures["killed"].value == 23
    assert row.event.first_reported == "2025-11-19"


def test_capture_claim_and_denial_are_one_contested_event(store, article):
    tass = article(
        "Moscow, Nov 20, 2025 (TASS) - Russia's defence ministry said its troops had taken full control of Kupiansk "
        "in the Kharkiv region.",
        [Ev("ground_claim", "its troops had taken full control of Kupiansk", "2025-11-20", KUPIANSK,
            claimed_by="Russia's defence ministry", status="claimed", actors=["Russia"])],
        path="tass.txt", source="TASS", published="2025-11-20",
    )
    ukrinform = article(
        "Kyiv, Nov 21, 2025 (Ukrinform) - Ukraine's General Staff denied that Kupiansk had fallen, saying its units "
        "were still clearing Russian infiltration groups in the city.",
        [Ev("ground_claim", "denied that Kupiansk had fallen", "2025-11-21", KUPIANSK,
            claimed_by="Ukraine's General Staff", status="denied", actors=["Ukraine"])],
        path="ukrinform.txt", source="Ukrinform", published="2025-11-21",
    )
    ingest(store, [tass, ukrinform])
    [row] = list_events(store)
    assert row.event.contested and row.event.status == "contested"
    assert row.event.date == "2025-11-20" and row.event.date_to == "2025-11-21"
    sources = show_event(store, row.event.id).sources
    assert {(s.claimed_by, s.status) for s in sources} == {
        ("Russia's defence ministry", "claimed"), ("Ukraine's General Staff", "denied"),
    }
    assert [r.event.id for r in list_events(store, contested=True)] == [row.event.id]
    assert [r.event.id for r in list_events(store, claimant="General Staff")] == [row.event.id]


def _kyiv_night(article, day: str, published: str, killed: int, path: str):
    text = (f"Kyiv, {published} (Kyiv Independent) - Russian drones hit apartment buildings in Kyiv overnight, "
            f"killing {killed} people, Mayor Vitali Klitschko said.")
    return article(
        text,
        [Ev("air_attack", "Russian drones hit apartment buildings in Kyiv overnight", day, KYIV, actors=["Russia"],
            figures=[Fig("killed", killed, f"killing {killed} people", "exact", "Vitali Klitschko")])],
        path=path, source="Kyiv Independent", published=published,
    )


def test_strikes_on_one_city_on_consecutive_nights_stay_two_events(store, article):
    first = _kyiv_night(article, "2025-11-14", "2025-11-14", 6, "night1.txt")
    second = _kyiv_night(article, "2025-11-15", "2025-11-15", 2, "night2.txt")
    summary = ingest(store, [first, second])
    assert (summary.events_new, summary.events_merged) == (2, 0)
    assert [r.event.date for r in list_events(store)] == ["2025-11-14", "2025-11-15"]


def test_overnight_attack_dated_a_day_apart_by_two_reports_merges(store, article):
    # one report dates the night by its evening, the other by its morning; both were published the next day
    evening = _kyiv_night(article, "2025-11-13", "2025-11-14", 6, "evening.txt")
    morning = article(
        "Kyiv, Nov 14, 2025 (AP) - A Russian drone and missile attack on Kyiv killed six people on Friday, "
        "city officials said.",
        [Ev("strike", "A Russian drone and missile attack on Kyiv killed six people", "2025-11-14", KYIV,
            actors=["Russia"], figures=[Fig("killed", 6, "killed six people", "exact", "city officials")])],
        path="morning.txt", source="AP", published="2025-11-14",
    )
    summary = ingest(store, [evening, morning])
    assert (summary.events_new, summary.events_merged) == (1, 1)
    [row] = list_events(store)
    assert (row.event.date, row.event.date_to) == ("2025-11-13", "2025-11-14")


def test_village_in_a_region_named_by_another_report_merges(store, article):
    regional = article(
        "Kharkiv, Nov 22, 2025 (Suspilne) - A Russian guided bomb hit a village in the Kharkiv region, "
        "injuring three people, regional governor Oleh Syniehubov said.",
        [Ev("strike", "A Russian guided bomb hit a village in the Kharkiv region", "2025-11-22", KHARKIV_OBLAST,
            actors=["Russia"], figures=[Fig("injured", 3, "injuring three people", "exact", "Oleh Syniehubov")])],
        path="regional.txt", source="Suspilne", published="2025-11-22",
    )
    village = article(
        "Balakliia, Nov 22, 2025 (Ukrinform) - Three people were injured when a Russian guided bomb struck "
        "Balakliia, the regional police said.",
        [Ev("strike", "a Russian guided bomb struck Balakliia", "2025-11-22", BALAKLIIA, actors=["Russia"],
            figures=[Fig("injured", 3, "Three people were injured", "exact", "regional police")])],
        path="village.txt", source="Ukrinform", published="2025-11-22",
    )
    other_city = article(
        "Kharkiv, Nov 22, 2025 (Suspilne) - A drone hit a warehouse in Kharkiv city, Mayor Ihor Terekhov said.",
        [Ev("strike", "A drone hit a warehouse in Kharkiv city", "2025-11-22", KHARKIV, actors=["Russia"])],
        path="city.txt", source="Suspilne", published="2025-11-22",
    )
    summary = ingest(store, [regional, village, other_city])
    assert (summary.events_new, summary.events_merged) == (2, 1)
    merged = [r for r in list_events(store) if r.event.source_count == 2]
    assert len(merged) == 1 and merged[0].event.place.name == "Balakliia"  # the more precise place wins


def test_events_of_one_article_never_merge_with_each_other(store, article):
    text = ("Kyiv, Nov 25, 2025 (AFP) - A missile hit a power plant in Kyiv. Hours later, a second missile hit "
            "a hospital in Kyiv.")
    doc = article(text, [Ev("strike", "A missile hit a power plant in Kyiv", "2025-11-25", KYIV),
                         Ev("strike", "a second missile hit a hospital in Kyiv", "2025-11-25", KYIV)],
                  path="two.txt", source="AFP", published="2025-11-25")
    assert ingest(store, [doc]).events_new == 2


def test_opposite_attackers_on_one_day_stay_apart(store, article):
    ru = article("Moscow, Nov 23, 2025 (TASS) - Ukrainian drones struck Russian positions in Kupiansk, "
                 "the Russian defence ministry said.",
                 [Ev("strike", "Ukrainian drones struck Russian positions in Kupiansk", "2025-11-23", KUPIANSK,
                     actors=["Ukraine"])],
                 path="a.txt", source="TASS", published="2025-11-23")
    ua = article("Kupiansk, Nov 23, 2025 (Ukrinform) - Russian artillery shelled Kupiansk, police said.",
                 [Ev("strike", "Russian artillery shelled Kupiansk", "2025-11-23", KUPIANSK, actors=["Russia"])],
                 path="b.txt", source="Ukrinform", published="2025-11-23")
    assert ingest(store, [ru, ua]).events_new == 2


def test_place_score_rules():
    assert place_score(TERNOPIL, TERNOPIL) == 3
    assert place_score(BALAKLIIA, KHARKIV_OBLAST) == 2
    assert place_score(KHARKIV, KUPIANSK) == 0
    assert place_score(None, None) == 1
    assert place_score(KYIV, None) == 0


def test_undated_events_are_never_merged(store, article):
    text = "Russian strikes hit Kyiv, officials said."
    one = article(text, [Ev("strike", "Russian strikes hit Kyiv", None, KYIV)], path="u1.txt", source="X",
                  published=None)
    two = article(text + " More follows.", [Ev("strike", "Russian strikes hit Kyiv", None, KYIV)], path="u2.txt",
                  source="Y", published=None)
    assert ingest(store, [one, two]).events_new == 2


UA_AIR = ("Kyiv, Nov 19, 2025 (Dnipro Daily) - Russia launched 476 drones and 48 missiles overnight, and air defences "
          "shot down 442 drones, Ukraine's air force said.")


def _ua_air(article, path, outlet):
    return article(UA_AIR + f" ({outlet})", [Ev("air_attack", "Russia launched 476 drones and 48 missiles overnight",
                                                 "2025-11-19", None, claimed_by="Ukraine's air force",
                                                 figures=[Fig("drones_destroyed", 442, "shot down 442 drones",
                                                              "exact", "Ukraine's air force")])],
                   path=path, source=outlet, published="2025-11-19")


def test_one_nationwide_air_report_from_two_outlets_merges(store, article):
    summary = ingest(store, [_ua_air(article, "a.txt", "Dnipro Daily"), _ua_air(article, "b.txt", "Alpine Post")])
    assert (summary.events_new, summary.events_merged) == (1, 1)
    [row] = list_events(store)
    assert row.figures["drones_destroyed"].value == 442 and not row.event.contested


def test_nationwide_air_reports_from_opposite_sides_stay_apart(store, article):
    ru = article(
        "Moscow, Nov 19, 2025 (Volga Agency) - Air defences destroyed 66 Ukrainian drones over Russian regions "
        "overnight, Russia's defence ministry said.",
        [Ev("air_attack", "Air defences destroyed 66 Ukrainian drones over Russian regions overnight", "2025-11-19",
            None, claimed_by="Russia's defence ministry",
            figures=[Fig("drones_destroyed", 66, "destroyed 66 Ukrainian drones", "exact",
                         "Russia's defence ministry")])],
        path="ru.txt", source="Volga Agency", published="2025-11-19",
    )
    summary = ingest(store, [_ua_air(article, "a.txt", "Dnipro Daily"), ru])
    assert (summary.events_new, summary.events_merged) == (2, 0)
    assert not any(r.event.contested for r in list_events(store))


def test_a_regional_advance_claim_is_not_a_town_capture_claim(store, article):
    town = article("Moscow, Nov 20, 2025 (Volga Agency) - Russia's military said its troops captured Kupiansk.",
                   [Ev("ground_claim", "its troops captured Kupiansk", "2025-11-20", KUPIANSK,
                       claimed_by="Russia's military", status="claimed")],
                   path="town.txt", source="Volga Agency", published="2025-11-20")
    region = article("Moscow, Nov 20, 2025 (Volga Agency) - Russian troops advanced in the Kharkiv region, "
                     "the defence ministry said.",
                     [Ev("ground_claim", "Russian troops advanced in the Kharkiv region", "2025-11-20",
                         KHARKIV_OBLAST, claimed_by="the defence ministry", status="claimed")],
                     path="region.txt", source="Volga Agency", published="2025-11-20")
    assert ingest(store, [town, region]).events_new == 2


def _meeting(article, who: list[str], path: str):
    text = f"Kyiv, Nov 20, 2025 (Borysfen News) - Zelensky met {' and '.join(who)} in Kyiv on Thursday."
    return article(text, [Ev("diplomacy", f"Zelensky met {' and '.join(who)} in Kyiv", "2025-11-20", KYIV,
                             actors=["Volodymyr Zelensky", *who])],
                   path=path, source="Borysfen News", published="2025-11-20")


def test_two_meetings_in_one_city_on_one_day_stay_two(store, article):
    summary = ingest(store, [_meeting(article, ["Dan Driscoll"], "a.txt"), _meeting(article, ["Mark Rutte"], "b.txt")])
    assert (summary.events_new, summary.events_merged) == (2, 0)


def test_one_meeting_named_with_more_or_fewer_participants_merges(store, article):
    summary = ingest(store, [_meeting(article, ["Dan Driscoll"], "a.txt"),
                             _meeting(article, ["Dan Driscoll", "Andriy Yermak"], "b.txt")])
    assert (summary.events_new, summary.events_merged) == (1, 1)
