"""Scored matching beyond the exact day: late and undated reports join, look-alikes stay apart, evidence is kept."""

from __future__ import annotations

from ledger_records import (
    DARNYTSIA,
    KHARKIV,
    KUPIANSK,
    KYIV,
    RIYADH,
    SAUDI_ARABIA,
    TERNOPIL,
    ZAPORIZHZHIA,
    Ev,
    Fig,
)

from kronika.ledger import ingest, list_events, show_event
from kronika.ledger.evidence import distinctive_terms, toll_update
from kronika.ledger.merge import actor_key, same_participants
from kronika.ledger.places import place_score
from kronika.models import Location

FIRST = ("Ternopil, Nov 19, 2025 (Northline Wire) - Russian cruise missiles struck two apartment blocks in Ternopil "
         "before dawn, killing at least 12 people, regional governor Taras Melnyk said.")


def _first(article):
    return article(FIRST, [Ev("strike", "Russian cruise missiles struck two apartment blocks in Ternopil before dawn",
                              "2025-11-19", TERNOPIL, actors=["Russia"], date_basis="text",
                              figures=[Fig("killed", 12, "killing at least 12 people", "at_least", "Taras Melnyk")])],
                   path="first.txt", source="Northline Wire", published="2025-11-19")


def test_an_undated_later_report_with_a_rising_toll_joins_its_event(store, article):
    later = article(
        "The number of people killed in the Russian missile strike on Ternopil has risen to 26, rescuers said, as "
        "the search of the rubble went on.",
        [Ev("strike", "The number of people killed in the Russian missile strike on Ternopil has risen to 26", None,
            TERNOPIL, actors=["Russia"], figures=[Fig("killed", 26, "has risen to 26", "exact", "rescuers")])],
        path="later.txt", source="Borysfen News", published=None,
    )
    summary = ingest(store, [_first(article), later])
    assert (summary.events_new, summary.events_merged) == (1, 1)
    [row] = list_events(store)
    assert row.event.date == "2025-11-19"
    assert row.figures["killed"].value == 26
    why = show_event(store, row.event.id).sources[1]
    assert why.match_decision == "matched"
    assert ["toll", 2.0, "killed rises from 12 to 26"] in why.match_evidence


def test_a_report_two_days_later_dated_by_its_own_day_joins_and_keeps_the_event_day(store, article):
    later = article(
        "Ternopil, Nov 21, 2025 (Eastern Europe Monitor) - The death toll from the missile strike on Ternopil "
        "climbed to 31 on Friday, the emergency service said.",
        [Ev("strike", "The death toll from the missile strike on Ternopil climbed to 31 on Friday", "2025-11-21",
            TERNOPIL, date_basis="text", weekday=5,
            figures=[Fig("killed", 31, "climbed to 31", "exact", "the emergency service")])],
        path="friday.txt", source="Eastern Europe Monitor", published="2025-11-21",
    )
    summary = ingest(store, [_first(article), later])
    assert (summary.events_new, summary.events_merged) == (1, 1)
    [row] = list_events(store)
    assert (row.event.date, row.event.date_to) == ("2025-11-19", None)  # the update's day is not the event's
    assert row.figures["killed"].value == 31


def test_the_same_update_ingested_first_still_ends_on_the_event_day(store, article):
    later = article(
        "The toll from Wednesday's strike on Ternopil has risen to 26, officials said on Saturday.",
        [Ev("strike", "The toll from Wednesday's strike on Ternopil has risen to 26", "2025-11-22", TERNOPIL,
            date_basis="text", figures=[Fig("killed", 26, "has risen to 26", "exact", "officials")])],
        path="update.txt", source="Alpine Post", published="2025-11-22",
    )
    summary = ingest(store, [later, _first(article)])
    assert (summary.events_new, summary.events_merged) == (1, 1)
    [row] = list_events(store)
    assert row.event.date == "2025-11-19" and row.figures["killed"].value == 26


def _zaporizhzhia(article, day: str, published: str, path: str, basis: str = "text"):
    text = (f"Zaporizhzhia, {published} (Dnipro Daily) - A Russian guided bomb hit a clinic in Zaporizhzhia, "
            "killing five people and wounding 14, Governor Ivan Fedorov said.")
    return article(text, [Ev("strike", "A Russian guided bomb hit a clinic in Zaporizhzhia", day, ZAPORIZHZHIA,
                             actors=["Russia"], date_basis=basis,
                             figures=[Fig("killed", 5, "killing five people", "exact", "Ivan Fedorov"),
                                      Fig("injured", 14, "wounding 14", "exact", "Ivan Fedorov")])],
                   path=path, source="Dnipro Daily", published=published)


def test_two_strikes_on_one_city_on_consecutive_days_stay_two_however_alike(store, article):
    summary = ingest(store, [_zaporizhzhia(article, "2025-10-03", "2025-10-03", "a.txt"),
                             _zaporizhzhia(article, "2025-10-04", "2025-10-04", "b.txt")])
    assert (summary.events_new, summary.events_merged) == (2, 0)


def test_a_strike_on_the_3rd_and_one_on_the_9th_stay_two_even_when_the_second_is_dated_by_its_report(store, article):
    summary = ingest(store, [_zaporizhzhia(article, "2025-10-03", "2025-10-03", "a.txt"),
                             _zaporizhzhia(article, "2025-10-09", "2025-10-09", "b.txt", basis="story")])
    assert (summary.events_new, summary.events_merged) == (2, 0)


def _talks(article, text: str, quote: str, day: str | None, path: str, partial: str | None = None, weekday=None):
    return article(text, [Ev("diplomacy", quote, day, RIYADH, actors=["Marco Rubio", "Sergey Lavrov", "United States"],
                             date_basis="text" if day else None, date_partial=partial, weekday=weekday)],
                   path=path, source="Gulf Courier", published=day)


def test_two_rounds_of_talks_in_one_city_stay_two(store, article):
    first = _talks(article, "Riyadh (Gulf Courier) - Rubio and Lavrov held talks in Riyadh on February 18.",
                   "Rubio and Lavrov held talks in Riyadh", "2025-02-18", "r1.txt")
    second = _talks(article, "Riyadh (Gulf Courier) - Rubio and Lavrov met again in Riyadh on March 24.",
                    "Rubio and Lavrov met again in Riyadh", "2025-03-24", "r2.txt")
    # and two undated reports that name different days without a year
    third = _talks(article, "Rubio and Lavrov sat down in Riyadh on February 18, aides said.",
                   "Rubio and Lavrov sat down in Riyadh", None, "r3.txt", partial="--02-18")
    fourth = _talks(article, "Rubio and Lavrov talked in Riyadh on March 24, aides said.",
                    "Rubio and Lavrov talked in Riyadh", None, "r4.txt", partial="--03-24")
    summary = ingest(store, [first, second, third, fourth])
    assert summary.events_new == 2
    by_day = {r.event.date: r.event.source_count for r in list_events(store)}
    assert by_day == {"2025-02-18": 2, "2025-03-24": 2}


def test_talks_in_a_city_and_in_its_country_are_one_meeting(store, article):
    city = _talks(article, "Riyadh (Gulf Courier) - Rubio and Lavrov held talks in Riyadh on February 18.",
                  "Rubio and Lavrov held talks in Riyadh", "2025-02-18", "city.txt")
    country = article("Rubio met Lavrov in Saudi Arabia on Tuesday, the State Department said.",
                      [Ev("diplomacy", "Rubio met Lavrov in Saudi Arabia", "2025-02-18", SAUDI_ARABIA,
                          actors=["Rubio", "Lavrov"], date_basis="text")],
                      path="country.txt", source="Alpine Post", published="2025-02-18")
    assert ingest(store, [city, country]).events_merged == 1
    [row] = list_events(store)
    assert row.event.place.name == "Riyadh"


def _kyiv(article, text: str, quote: str, path: str, day=None, partial=None, figures=()):
    return article(text, [Ev("strike", quote, day, KYIV, actors=["Russia"], date_basis="text" if day else None,
                             date_partial=partial, figures=list(figures))],
                   path=path, source="Kyiv Morning Post", published=day)


def test_an_undated_report_naming_the_day_and_month_joins_the_dated_event(store, article):
    dated = _kyiv(article, "Kyiv, Jul 8, 2024 (Kyiv Morning Post) - Missiles hit the Lisova market in Kyiv.",
                  "Missiles hit the Lisova market in Kyiv", "dated.txt", day="2024-07-08")
    other_year = _kyiv(article, "Kyiv, Jul 9, 2023 (Kyiv Morning Post) - Drones hit a depot in Kyiv.",
                       "Drones hit a depot in Kyiv", "2023.txt", day="2023-07-09")
    undated = _kyiv(article, "Russian missiles struck Kyiv on July 8, damaging homes.",
                    "Russian missiles struck Kyiv on July 8", "undated.txt", partial="--07-08")
    summary = ingest(store, [dated, other_year, undated])
    assert (summary.events_new, summary.events_merged) == (2, 1)
    merged = next(r for r in list_events(store) if r.event.source_count == 2)
    assert merged.event.date == "2024-07-08"


def test_a_named_site_points_an_undated_report_to_one_of_two_events(store, article):
    market = _kyiv(article, "Kyiv, Jul 8, 2024 (Kyiv Morning Post) - Missiles hit the Lisova market in Kyiv.",
                   "Missiles hit the Lisova market in Kyiv", "market.txt", day="2024-07-08")
    plant = _kyiv(article, "Kyiv, Jul 20, 2024 (Kyiv Morning Post) - Drones hit the Pivnichna power plant in Kyiv.",
                  "Drones hit the Pivnichna power plant in Kyiv", "plant.txt", day="2024-07-20")
    undated = _kyiv(article, "Traders returned to the burned Lisova market in Kyiv after the Russian strike.",
                    "Traders returned to the burned Lisova market in Kyiv", "undated.txt")
    ingest(store, [market, plant, undated])
    by_day = {r.event.date: r.event.source_count for r in list_events(store)}
    assert by_day == {"2024-07-08": 2, "2024-07-20": 1}


def test_an_undated_report_with_two_equally_good_candidates_stays_apart_as_a_possible_duplicate(store, article):
    one = _kyiv(article, "Kyiv, Jul 8, 2024 (Kyiv Morning Post) - Missiles hit a school in Kyiv.",
                "Missiles hit a school in Kyiv", "one.txt", day="2024-07-08")
    two = _kyiv(article, "Kyiv, Jul 20, 2024 (Kyiv Morning Post) - Drones hit a school in Kyiv.",
                "Drones hit a school in Kyiv", "two.txt", day="2024-07-20")
    undated = _kyiv(article, "A Russian strike damaged a school in Kyiv, officials said.",
                    "A Russian strike damaged a school in Kyiv", "undated.txt")
    summary = ingest(store, [one, two, undated])
    assert (summary.events_new, summary.events_merged) == (3, 0)
    [alone] = [r for r in list_events(store) if r.event.date is None]
    detail = show_event(store, alone.event.id)
    assert detail.sources[0].match_decision == "possible"
    assert {d.other_id for d in detail.possible_duplicates} == {
        r.event.id for r in list_events(store) if r.event.date is not None
    }


def test_an_undated_report_at_another_city_never_joins(store, article):
    dated = _kyiv(article, "Kyiv, Jul 8, 2024 (Kyiv Morning Post) - Missiles hit the Lisova market in Kyiv.",
                  "Missiles hit the Lisova market in Kyiv", "dated.txt", day="2024-07-08")
    elsewhere = article("Missiles hit the Lisova market in Kharkiv on July 8.",
                        [Ev("strike", "Missiles hit the Lisova market in Kharkiv", None, KHARKIV,
                            date_partial="--07-08")], path="kharkiv.txt", source="X", published=None)
    assert ingest(store, [dated, elsewhere]).events_new == 2


def test_a_district_report_joins_the_attack_on_its_city_and_the_city_names_the_event(store, article):
    city = _kyiv(article, "Kyiv, Aug 28, 2025 (Kyiv Morning Post) - Russian missiles killed 14 people in Kyiv.",
                 "Russian missiles killed 14 people in Kyiv", "city.txt", day="2025-08-28",
                 figures=[Fig("killed", 14, "killed 14 people")])
    district = article("Kyiv, Aug 28, 2025 (AP) - A missile destroyed a five-storey building in the Darnytskyi "
                       "district, killing 14 people.",
                       [Ev("strike", "A missile destroyed a five-storey building in the Darnytskyi district",
                           "2025-08-28", DARNYTSIA, date_basis="text",
                           figures=[Fig("killed", 14, "killing 14 people")])],
                       path="district.txt", source="AP", published="2025-08-28")
    assert place_score(DARNYTSIA, KYIV) == 2
    assert ingest(store, [district, city]).events_merged == 1
    [row] = list_events(store)
    assert row.event.place.name == "Kyiv"


def test_each_source_records_the_score_and_evidence_that_placed_it(store, article):
    later = article(
        "Ternopil, Nov 19, 2025 (Alpine Post) - Rescuers in Ternopil pulled more bodies from two apartment blocks "
        "hit by Russian missiles; 12 people are confirmed dead.",
        [Ev("strike", "Rescuers in Ternopil pulled more bodies from two apartment blocks hit by Russian missiles",
            "2025-11-19", TERNOPIL, date_basis="text", figures=[Fig("killed", 12, "12 people are confirmed dead")])],
        path="rescue.txt", source="Alpine Post", published="2025-11-19",
    )
    ingest(store, [_first(article), later])
    [row] = list_events(store)
    first, second = show_event(store, row.event.id).sources
    assert first.match_decision == "new" and first.match_score is None
    assert second.match_decision == "matched" and second.match_score == 3 + 4 + 1  # place, day, killed 12
    features = [e[0] for e in second.match_evidence]
    assert features[:3] == ["type", "place", "day"]


def test_toll_update_language():
    for text in ("The death toll has risen to 23.", "the toll climbed to 40 on Sunday",
                 "The death toll from Friday's strike reached 31", "the number of victims increased to 12",
                 "The toll continues to grow."):
        assert toll_update([text]), text
    for text in ("Missiles killed 23 people.", "Prices rose sharply.", "The strike hit a market."):
        assert not toll_update([text]), text


def test_distinctive_terms_are_sites_and_targets_not_places_or_actors():
    terms = distinctive_terms(["Missiles hit the Lisova market and the Zoria hospital in Kyiv on Monday, "
                               "Mayor Vitali Klitschko said."], ["Kyiv", "Vitali Klitschko"])
    assert terms == {"lisova": 2.0, "market": 1.0, "zoria": 2.0, "hospital": 1.0}


def test_participants_fold_titles_and_spellings():
    assert actor_key("Foreign Minister Sergey Lavrov") == actor_key("Lavrov")
    assert actor_key("U.S") == actor_key("United States")
    assert same_participants({"rubio", "lavrov"}, {"lavrov", "rubio", "waltz"})
    assert not same_participants({"zelensk", "driscoll"}, {"zelensk", "rutte"})


def test_a_conference_listed_by_different_countries_in_two_reports_is_one_meeting(store, article):
    first = article("Delegates of Chile, Norway, Kenya and Japan gathered in Riyadh on Saturday for talks on a peace "
                    "framework.",
                    [Ev("diplomacy", "Delegates of Chile, Norway, Kenya and Japan gathered in Riyadh", "2025-05-10",
                        RIYADH, actors=["Chile", "Norway", "Kenya", "Japan"], date_basis="text")],
                    path="conf1.txt", source="Gulf Courier", published="2025-05-10")
    second = article("Envoys from Brazil, India, Poland and Saudi Arabia ended two days of talks in Riyadh on Sunday.",
                     [Ev("diplomacy", "Envoys from Brazil, India, Poland and Saudi Arabia ended two days of talks",
                         "2025-05-11", RIYADH, actors=["Brazil", "India", "Poland", "Saudi Arabia"],
                         date_basis="text")],
                     path="conf2.txt", source="Alpine Post", published="2025-05-11")
    summary = ingest(store, [first, second])
    assert (summary.events_new, summary.events_merged) == (1, 1)


def test_the_minister_who_led_talks_and_the_president_who_spoke_of_them_name_one_meeting(store, article):
    first = article("Rubio led the American delegation at talks with Ukraine in Riyadh on Tuesday.",
                    [Ev("diplomacy", "Rubio led the American delegation at talks with Ukraine in Riyadh",
                        "2025-05-13", RIYADH, actors=["Marco Rubio", "United States", "Ukraine", "CNN"],
                        date_basis="text")],
                    path="led.txt", source="Gulf Courier", published="2025-05-13")
    second = article("Zelensky said on Tuesday that the talks with the United States in Riyadh went well.",
                     [Ev("diplomacy", "the talks with the United States in Riyadh went well", "2025-05-13", RIYADH,
                         actors=["Volodymyr Zelensky", "United States"], claimed_by="Volodymyr Zelensky",
                         date_basis="text")],
                     path="spoke.txt", source="Alpine Post", published="2025-05-13")
    assert same_participants({"rubio", "lavrov", "ushakov", "witkoff"}, {"rubio", "lavrov", "saudi arabia", "waltz",
                                                                          "trump"})
    summary = ingest(store, [first, second])
    assert (summary.events_new, summary.events_merged) == (1, 1)


def _kyiv_strike(article, day: str, killed: int, path: str):
    text = f"Kyiv (Borysfen News) - Russian missiles hit a depot in Kyiv, killing {killed} people, officials said."
    return article(text, [Ev("strike", "Russian missiles hit a depot in Kyiv", day, KYIV, actors=["Russia"],
                             date_basis="text",
                             figures=[Fig("killed", killed, f"killing {killed} people", "exact", "officials")])],
                   path=path, source="Borysfen News", published=day)


def test_an_undated_sentence_takes_the_day_its_story_gives_the_other_attacks(store, article):
    text = ("Russia fired 44 missiles at Ukraine on the morning of May 6, the air force said. In Kyiv, rescuers "
            "pulled survivors from a burning depot.")
    undated = article(text, [
        Ev("air_attack", "Russia fired 44 missiles at Ukraine on the morning of May 6", None,
           Location("Ukraine", country="UA", precision="country"), date_partial="--05-06",
           figures=[Fig("missiles_launched", 44, "fired 44 missiles", "exact", "the air force")]),
        Ev("strike", "In Kyiv, rescuers pulled survivors from a burning depot", None, KYIV)],
        path="undated.txt", source=None, published=None)
    ingest(store, [_kyiv_strike(article, "2025-04-29", 3, "week-before.txt"),
                   _kyiv_strike(article, "2025-05-06", 4, "that-day.txt"), undated])
    by_day = {r.event.date: r.event.source_count for r in list_events(store) if r.event.type == "strike"}
    assert by_day == {"2025-04-29": 1, "2025-05-06": 2}


def test_a_claim_dated_without_a_year_takes_the_year_of_the_denial_that_joins_it(store, article):
    claim = article("Russia's defence ministry claimed on Dec. 1 that its troops had taken Kupiansk.",
                    [Ev("ground_claim", "its troops had taken Kupiansk", None, KUPIANSK, status="claimed",
                        claimed_by="Russia's defence ministry", date_partial="--12-01")],
                    path="claim.txt", source=None, published=None)
    denial = article("Ukraine's General Staff on Wednesday denied that Kupiansk had fallen.",
                     [Ev("ground_claim", "denied that Kupiansk had fallen", "2025-12-03", KUPIANSK, status="denied",
                         claimed_by="Ukraine's General Staff", date_basis="text", weekday=3)],
                     path="denial.txt", source="Ukrinform", published="2025-12-03")
    summary = ingest(store, [claim, denial])
    assert (summary.events_new, summary.events_merged) == (1, 1)
    [row] = list_events(store)
    assert (row.event.date, row.event.date_to) == ("2025-12-01", "2025-12-03")


def test_an_air_report_joins_the_barrage_not_the_nationwide_toll_filed_beside_it(store, article):
    ukraine = Location("Ukraine", country="UA", precision="country")
    text = ("Russia launched 52 missiles at Ukraine on Monday, the air force said. Across the country 14 people "
            "were killed.")
    first = article(text, [
        Ev("strike", "Across the country 14 people were killed", "2025-06-02", ukraine, date_basis="story",
           figures=[Fig("killed", 14, "14 people were killed", "exact", "officials")]),
        Ev("air_attack", "Russia launched 52 missiles at Ukraine on Monday", "2025-06-02", ukraine, date_basis="text",
           figures=[Fig("missiles_launched", 52, "launched 52 missiles", "exact", "the air force")])],
        path="first.txt", source="Borysfen News", published="2025-06-02")
    second = article("More than 50 missiles were fired at Ukraine on Monday, the president said.",
                     [Ev("air_attack", "More than 50 missiles were fired at Ukraine on Monday", "2025-06-02", ukraine,
                         date_basis="text",
                         figures=[Fig("missiles_launched", 50, "More than 50 missiles", "more_than", "president")])],
                     path="second.txt", source="Alpine Post", published="2025-06-02")
    ingest(store, [first, second])
    by_type = {r.event.type: r.event.source_count for r in list_events(store)}
    assert by_type == {"strike": 1, "air_attack": 2}
