"""Which events a sentence yields, one class of reporting per test, on sentences we wrote ourselves."""

from __future__ import annotations

from kronika.models import DocumentResult, Event
from kronika.pipeline import extract_text


def events(text: str, kind: str | None = None) -> list[Event]:
    result: DocumentResult = extract_text(text)
    return [e for e in result.events if kind is None or e.type == kind]


def places(evs: list[Event]) -> list[str]:
    return [e.location.name for e in evs if e.location is not None]


# -- strikes with no toll ---------------------------------------------------------------------------------------
def test_a_named_site_hit_without_a_toll_is_a_strike_at_the_town_the_site_is_named_for() -> None:
    strikes = events("A drone attacked the Tuapse oil refinery overnight, says the Krasnodar governor.\n", "strike")
    assert places(strikes) == ["Tuapse"]


def test_a_place_that_suffered_or_came_under_an_attack_is_its_target() -> None:
    text = (
        "Bryansk Governor Alexander Bogomaz said on Sunday that the region's administrative centre suffered one of "
        "the heaviest drone attacks of the war.\n\nA man was killed when debris fell on a house, he said.\n"
    )
    strikes = events(text, "strike")
    assert [(e.location.name, e.location.precision) for e in strikes if e.location] == [("Bryansk", "settlement")]
    assert [(f.kind, f.value) for e in strikes for f in e.figures] == [("killed", 1)]
    assert places(events("Kharkiv came under a massive missile attack overnight.\n", "strike")) == ["Kharkiv"]


def test_where_the_drones_were_launched_from_is_not_a_target() -> None:
    text = "The enemy attacked with 40 drones launched from the Kursk region and from Crimea, the air force said.\n"
    assert events(text, "strike") == []


def test_one_strike_per_place_a_strike_verb_governs() -> None:
    text = "On Friday, missiles struck the outskirts of Kharkiv as well as the central city of Poltava.\n"
    assert sorted(places(events(text, "strike"))) == ["Kharkiv", "Poltava"]


def test_a_fronted_place_belongs_to_the_strike_of_its_clause() -> None:
    text = "In Chuhuiv, a drone strike on a warehouse started a fire that burned through the night.\n"
    assert places(events(text, "strike")) == ["Chuhuiv"]


def test_a_landmark_place_is_not_a_second_target() -> None:
    text = "One drone destroyed a railway depot in Fastiv, near Kyiv, the regional governor said.\n"
    assert places(events(text, "strike")) == ["Fastiv"]


def test_an_air_raid_alert_is_not_a_strike() -> None:
    text = "Air raid alerts sounded across the Kyiv, Sumy and Poltava regions for three hours overnight.\n"
    assert events(text, "strike") == []


def test_repelled_attacks_on_the_front_line_are_not_strikes() -> None:
    text = "Ukrainian forces repelled 20 Russian attacks near Pokrovsk over the past day, the general staff said.\n"
    assert events(text, "strike") == []


def test_a_participle_describing_a_noun_gives_no_target() -> None:
    text = "An explosion damaged a bridge linking the Crimean peninsula to Russia, officials said on Saturday.\n"
    assert places(events(text, "strike")) == []


# -- front-line claims ------------------------------------------------------------------------------------------
def test_a_place_inside_the_trigger_is_the_claimed_place() -> None:
    text = 'Control over the town of Kupiansk has been "lost", said the head of the regional administration.\n'
    assert places(events(text, "ground_claim")) == ["Kupiansk"]


def test_a_failed_or_hoped_for_capture_is_background() -> None:
    text = (
        "After the invasion failed to seize Kyiv, Moscow turned to the east, which Putin hopes to capture "
        "in full.\n"
    )
    assert events(text, "ground_claim") == []


def test_a_push_back_at_the_start_of_the_invasion_is_background() -> None:
    text = "Russian troops were pushed back from Chernihiv at the start of the invasion, and have not returned.\n"
    assert events(text, "ground_claim") == []


def test_a_long_effort_to_advance_is_background_and_an_advance_being_attempted_now_is_a_claim() -> None:
    for text in (
        "For weeks, Russian troops have tried to advance towards Kupiansk, the Ukrainian army said.\n",
        "Russian troops have tried for months to capture Chasiv Yar.\n",
    ):
        assert events(text, "ground_claim") == [], text
    text = "Russian troops have been trying to advance towards Kupiansk, making limited gains, the army said.\n"
    assert places(events(text, "ground_claim")) == ["Kupiansk"]


def test_pulling_out_of_villages_is_a_claim_for_each_and_leaving_a_deal_is_none() -> None:
    text = (
        "A military blog said Ukrainian forces had pulled out of Robotyne and the village of Verbove.\n\n"
        "Russia withdrew from the grain deal in July.\n"
    )
    assert places(events(text, "ground_claim")) == ["Robotyne", "Verbove"]


def test_a_list_of_claimed_villages_goes_on_past_a_name_the_gazetteer_does_not_know() -> None:
    text = "Russian troops captured Borysivka, Zlatokrylivka, and Pylna, the ministry said.\n"
    assert places(events(text, "ground_claim")) == ["Borysivka", "Pylna"]


def test_a_claim_in_a_russian_region_s_capital_named_bare_is_on_the_region() -> None:
    text = "Ukrainian troops launched an offensive in Kursk last summer, but Russia has since retaken most of the ground.\n"
    assert places(events(text, "ground_claim")) == ["Kursk Oblast"]
    text = "Ukrainian forces captured Sudzha in the Kursk region, the army said.\n"
    assert places(events(text, "ground_claim")) == ["Sudzha"]


def test_the_region_of_a_claimed_town_is_not_a_claim_of_its_own() -> None:
    text = "Russia said on Tuesday its forces had seized Avdiivka in the Donetsk region after months of fighting.\n"
    assert places(events(text, "ground_claim")) == ["Avdiivka"]


def test_a_claim_reported_to_the_leader_one_day_and_announced_the_next_is_one_claim() -> None:
    text = ("Moscow said on Dec. 1 that its forces had captured Siversk. The army chief had reported on Nov. 30 that "
            "Russia gained full control of Siversk.\n")
    claims = events(text, "ground_claim")
    assert places(claims) == ["Siversk"]
    assert claims[0].date_partial in ("--11-30", "--12-01")


def test_unnamed_villages_at_a_bearing_from_a_town_are_a_claim_on_its_region_not_on_the_town() -> None:
    text = "Ukrainian forces liberated several villages north of Kharkiv, the army said on Sunday.\n"
    assert places(events(text, "ground_claim")) == ["Kharkiv Oblast"]
    text = "Russian forces captured Kurylivka, south of Kupiansk, the ministry claimed.\n"
    assert places(events(text, "ground_claim")) == ["Kurylivka"]


def test_a_counted_few_villages_named_in_the_next_paragraph_are_one_claim_each_and_no_region_claim() -> None:
    named = "\n\nThe ministry said the army had liberated Nikolayevka and Novaya Pogoreltsevka after heavy fighting.\n"
    text = "Russia said on Tuesday its troops had retaken two villages in the Bryansk border region." + named
    claims = events(text, "ground_claim")
    assert places(claims) == ["Nikolayevka", "Novaya Pogoreltsevka"]
    assert {e.location.admin1 for e in claims} == {"Bryansk Oblast"}
    # a summary of an uncounted many stays a claim of its own beside the list
    text = "Russia said on Tuesday its troops had retaken several villages in the Bryansk border region." + named
    assert places(events(text, "ground_claim")) == ["Bryansk Oblast", "Nikolayevka", "Novaya Pogoreltsevka"]


def test_a_denial_of_a_claim_the_story_reports_is_a_statement_beside_it() -> None:
    text = (
        "Russia's defence ministry said on Monday its troops had captured Vovchansk.\n\n"
        "Ukraine's army refuted claims of the capture of Vovchansk, saying fighting in the town went on.\n"
    )
    claims = events(text, "ground_claim")
    assert places(claims) == ["Vovchansk"] and claims[0].status == "claimed"
    denials = [e for e in events(text, "statement") if e.status == "denied"]
    assert places(denials) == ["Vovchansk"]


# -- diplomacy --------------------------------------------------------------------------------------------------
def test_one_meeting_told_in_several_sentences_is_one_event_at_its_venue() -> None:
    text = (
        "Leaders from 40 countries gathered on Saturday for a two-day summit on Ukraine.\n\n"
        "The summit, held at a resort near Geneva, ended with a joint declaration on Sunday.\n\n"
        "Delegations attending the meeting in Geneva agreed to meet again in the autumn.\n"
    )
    talks = events(text, "diplomacy")
    assert len(talks) == 1, talks
    assert talks[0].location is not None and talks[0].location.name == "Geneva"


def test_talk_about_talks_is_no_diplomatic_event() -> None:
    text = (
        "President Volodymyr Zelensky renewed his call for a bilateral summit with Vladimir Putin.\n\n"
        "Russian Foreign Minister Sergei Lavrov accused Kyiv of demanding an immediate meeting at all costs.\n\n"
        "Direct talks between the leaders remain the most effective path forward, Zelensky said.\n"
    )
    assert events(text, "diplomacy") == []


def test_two_calls_with_different_counterparts_are_two_events() -> None:
    text = (
        "On Monday, Turkish President Recep Tayyip Erdogan spoke with Vladimir Putin by phone about grain.\n\n"
        "The same day, Erdogan spoke with Volodymyr Zelensky about the Black Sea corridor.\n"
    )
    assert len(events(text, "diplomacy")) == 2


def test_aid_announced_during_a_visit_is_its_own_event_beside_the_visit() -> None:
    text = (
        "US President Joe Biden made a surprise visit to Kyiv on Monday, where he met Volodymyr Zelensky.\n\n"
        "Biden announced $500 million in new military assistance to Ukraine during the visit.\n"
    )
    acts = events(text, "diplomacy")
    assert len(acts) == 2, acts
    assert acts[0].location is not None and acts[0].location.name == "Kyiv"
    assert events(text, "other") == []


def test_sanctions_are_diplomacy_and_a_later_package_is_another() -> None:
    text = (
        "The United States imposed sanctions on more than 500 Russian companies on Friday.\n\n"
        "Washington later also imposed sanctions on the shipping group Sovcomflot.\n"
    )
    acts = events(text, "diplomacy")
    assert len(acts) == 2 and events(text, "strike") == []


def test_a_summons_and_its_repetition_are_one_summons() -> None:
    text = (
        "Poland summoned the Russian ambassador on Thursday over a drone that crashed near Lublin.\n\n"
        "The ambassador was summoned to the foreign ministry in Warsaw, the ministry said.\n"
    )
    assert len(events(text, "diplomacy")) == 1


def test_hosting_a_gathering_or_speaking_to_a_news_agency_is_no_diplomacy() -> None:
    text = (
        "The theatre was hosting a gathering of drone makers, the mayor said.\n\n"
        "A senior source who spoke to AFP said the plan was still being drafted.\n"
    )
    assert events(text, "diplomacy") == []


def test_a_prisoner_exchange_is_other_and_a_call_for_one_is_nothing() -> None:
    done = events("Russia and Ukraine swapped 150 prisoners of war on Sunday, both sides said.\n")
    assert [e.type for e in done] == ["other"]
    asked = "The declaration called for an exchange of all prisoners between Russia and Ukraine.\n"
    assert [e for e in events(asked) if e.type != "statement"] == []


def test_a_place_the_weapons_came_from_is_no_target_even_deep_in_the_phrase() -> None:
    text = "In addition, the Russians attacked from ships in the Black Sea with cruise missiles, the navy said.\n"
    assert events(text, "strike") == []


def test_a_water_body_beside_a_land_target_is_not_a_second_target() -> None:
    text = "A drone strike hit port facilities in the south of Ukraine's Odesa region on the Black Sea.\n"
    assert places(events(text, "strike")) == ["Odesa Oblast"]


def test_drones_destroyed_over_a_region_are_no_strike_there() -> None:
    text = "Early in the morning, air defence destroyed a drone in the sky over the Voronezh region, the governor said.\n"
    assert events(text, "strike") == []


def test_a_run_of_attacks_over_months_is_background() -> None:
    text = "Russia has weathered a wave of drone attacks in recent months that damaged buildings in Moscow.\n"
    assert events(text, "strike") == []


def test_a_town_worn_down_by_relentless_shelling_is_background_and_one_shelling_is_a_strike() -> None:
    text = (
        "A small farming town near the front, Kurakhove has been almost entirely destroyed by the relentless "
        "shelling of Russian artillery.\n"
    )
    assert events(text, "strike") == []
    text = "Russian shelling destroyed a school in Kurakhove on Monday, the governor said.\n"
    assert places(events(text, "strike")) == ["Kurakhove"]


def test_a_base_for_attacks_on_a_town_gives_no_strike_there() -> None:
    text = "The Russians used Kupiansk as one of the bases for attacks on Izium and as a stronghold of the assault.\n"
    assert events(text, "strike") == []


def test_a_strike_on_a_sides_site_with_no_place_is_placed_at_that_country() -> None:
    text = "Ukrainian drone strikes triggered a fire at a Russian nuclear power plant overnight, officials said.\n"
    assert places(events(text, "strike")) == ["Russia"]


def test_a_quote_after_a_claim_takes_no_place_from_it() -> None:
    text = (
        "Ukrainian troops hoisted the national flag over Kupiansk, another town retaken in the counteroffensive.\n\n"
        "\u201cEverything here is destroyed, but we will rebuild,\u201d a soldier said.\n"
    )
    assert events(text, "strike") == []


def test_a_statement_comments_on_the_event_before_it() -> None:
    text = (
        "The United States imposed sanctions on more than 500 Russian companies on Friday.\n\n"
        "President Joe Biden said the measures would make Moscow pay a steeper price.\n"
    )
    result = events(text)
    assert [e.type for e in result] == ["diplomacy"]
    assert "Joe Biden" in result[0].actors


def test_what_the_weapons_hit_told_after_other_news_is_part_of_the_story_s_strike() -> None:
    text = (
        "Russian missiles struck the centre of Sumy on Tuesday morning, the regional administration said.\n\n"
        "Later that day, Ukraine's foreign minister met his Polish counterpart in Warsaw to discuss air defence.\n\n"
        "The mayor of Sumy told reporters the rockets hit a school and a bus station.\n"
    )
    (talks,) = events(text, "diplomacy")
    assert talks.claimed_by is None and "Sumy" not in talks.actors
    assert places(events(text, "strike")) == ["Sumy"]


def test_holding_control_of_a_town_is_a_claim_and_an_encirclement_ruled_impossible_is_none() -> None:
    claimed = "The Russian military has claimed it has control of the small town of Soledar.\n"
    assert places(events(claimed, "ground_claim")) == ["Soledar"]
    ruled_out = "The spokesman said a complete encirclement of troops near Pokrovsk was not possible.\n"
    assert events(ruled_out, "ground_claim") == []


def test_a_named_district_of_a_city_places_the_strike_in_the_city() -> None:
    text = "On Monday evening, Russian troops shelled the Korabelnyi district of Kherson, the city administration said.\n"
    assert places(events(text, "strike")) == ["Kherson"]


def test_being_willing_to_adopt_a_plan_is_a_statement_and_releasing_it_is_the_act() -> None:
    text = (
        "Beijing, China (AFP) Feb 24, 2023 - President Volodymyr Zelensky said on Friday he is willing to put "
        "part of China's proposal into practice.\n\n"
        "Earlier on Friday, the Chinese government released a document with 12 points for ending the war.\n"
    )
    acts = events(text, "diplomacy")
    assert len(acts) == 1 and "China" in acts[0].actors and acts[0].location is None
    assert any("willing" in e.quote for e in events(text, "statement"))


def test_the_cut_off_last_line_of_an_excerpt_is_body_text() -> None:
    text = (
        "Russian forces struck Kharkiv overnight, the governor said.\n\n"
        "On Wednesday, Poland summoned the Russian ambassador in Warsaw over a drone that crossed its"
    )
    assert [e.type for e in events(text) if e.type == "diplomacy"] == ["diplomacy"]


def test_the_venue_of_talks_held_in_the_city_of_x_is_x() -> None:
    text = "Officials from 40 countries took part in two days of talks in the Saudi Arabian city of Jeddah.\n"
    acts = events(text, "diplomacy")
    assert places(acts) == ["Jeddah"]


def test_a_summit_named_for_its_venue_is_placed_there() -> None:
    text = (
        "Leaders of 92 states took part in the summit on Saturday, the Swiss government said.\n\n"
        "The outcome of the Bürgenstock summit was a first step towards peace, President Amherd said.\n"
    )
    assert places(events(text, "diplomacy")) == ["Bürgenstock"]


def test_talks_named_again_place_the_talks_the_article_reported() -> None:
    text = (
        "On Saturday, a summit was held in Saudi Arabia with officials from more than 40 countries.\n\n"
        "The meeting in Jeddah was a step towards a settlement, the Ukrainian delegation said.\n"
    )
    assert places(events(text, "diplomacy")) == ["Jeddah"]
    assert events("The meeting in Jeddah was a step towards a settlement, a delegate said.\n", "diplomacy") == []


def test_hits_on_districts_of_kyiv_are_the_strike_on_kyiv() -> None:
    text = (
        "Russian missiles struck Kyiv on Monday morning, the city administration said.\n\n"
        "Debris fell on a school in the Shevchenkivskyi district, damaging its roof.\n"
    )
    assert places(events(text, "strike")) == ["Kyiv"]


def test_a_reaction_in_the_next_paragraph_is_part_of_the_event_and_a_later_unrelated_one_is_not() -> None:
    text = (
        "Russian drones struck an apartment block in Odesa overnight, the governor said.\n\n"
        "Ukraine's health minister said two hospitals had to move their patients.\n\n"
        "Separately, the central bank kept its key rate unchanged.\n\n"
        "In other news, NATO's secretary general Mark Rutte said the alliance would meet in June.\n\n"
        "Rutte said members would discuss spending on defence at that meeting in The Hague.\n"
    )
    result = events(text)
    statements = [e for e in result if e.type == "statement"]
    assert not any("hospitals" in e.quote for e in statements)
    assert any("Rutte" in (e.claimed_by or "") for e in statements)


def test_a_flag_hoisted_over_a_town_is_a_ground_claim() -> None:
    text = "Pushilin said Russian forces had hoisted their unit's flag on a building in the town of Hirnyk.\n"
    assert places(events(text, "ground_claim")) == ["Hirnyk"]


def test_an_unnamed_village_claimed_in_a_region_is_the_village_named_next() -> None:
    text = (
        "Ukraine's army says it has recaptured a small village in the eastern Donetsk region.\n\n"
        "Officials said troops had liberated the village of Andriivka after a two-day operation.\n"
    )
    claims = events(text, "ground_claim")
    assert len(claims) == 1 and claims[0].location is not None
    assert (claims[0].location.name, claims[0].location.admin1) == ("Andriivka", "Donetsk Oblast")


def test_relinquishing_control_of_a_village_is_a_claim() -> None:
    text = "Bloggers acknowledged that Ukrainian forces had relinquished control of Robotyne on Sunday.\n"
    assert places(events(text, "ground_claim")) == ["Robotyne"]


def test_a_district_toll_that_is_part_of_its_citys_is_one_strike_on_the_city() -> None:
    text = ("Rescuers finished work at a five-storey building in Kyiv's Obolonskyi district, where a missile killed "
            "nine people.\n\nIn total, Russian strikes killed 12 people in Kyiv overnight, the city administration "
            "said.\n")
    [strike] = events(text, "strike")
    assert strike.location is not None and strike.location.name == "Kyiv"
    assert max(f.value for f in strike.figures if f.kind == "killed") == 12


def test_a_barrage_over_the_country_that_names_no_attacker_side_is_the_countrys() -> None:
    for text in ("Air defences destroyed 19 of 22 cruise missiles in the sky over Ukraine, the command said.\n",
                 "On the night of May 3, the Russians launched almost 400 drones and 21 missiles.\n"):
        [air] = events(text, "air_attack")
        assert air.location is not None and air.location.name == "Ukraine"
        assert air.actors == ["Russia"]


# -- diplomacy: venues and one event per act ------------------------------------------------------------------
def test_a_phone_call_has_no_venue_and_a_meeting_to_come_lends_it_none() -> None:
    text = (
        "Finnish President Alexander Stubb spoke by phone with Volodymyr Zelensky on Wednesday, going over "
        "plans for a gathering of Nordic leaders in Oslo next month.\n"
    )
    (call,) = events(text, "diplomacy")
    assert call.location is None


def test_a_meeting_named_only_as_one_to_come_gives_no_venue_to_the_act() -> None:
    text = "The two ministers met on Monday to prepare a summit in Vienna later this month.\n"
    (talks,) = events(text, "diplomacy")
    assert talks.location is None or talks.location.name != "Vienna"


def test_a_plan_accepted_after_talks_is_one_event_of_the_talks() -> None:
    text = (
        "Moldova accepted a Turkish proposal for a grain corridor after talks between Turkish and Moldovan "
        "envoys in Ankara on Friday.\n"
    )
    acts = events(text, "diplomacy")
    assert places(acts) == ["Ankara"]
    assert "Ankara" not in acts[0].actors


def test_where_talks_agreed_to_set_up_something_is_not_the_venue_of_the_talks() -> None:
    text = (
        "On Monday, Ukrainian and Moldovan delegations held talks in Turkey on shipping. During the meeting, "
        "the sides agreed to set up a joint monitoring centre in Izmir.\n"
    )
    acts = events(text, "diplomacy")
    assert "Turkey" in places(acts) and all("zmir" not in name for name in places(acts))


def test_sending_a_delegation_to_talks_is_the_sender_s_act_beside_the_talks() -> None:
    text = (
        "Moldova's foreign minister met the Romanian delegation in Geneva on Thursday, where talks will take place."
        "\n\nEarlier on Thursday, Ukraine's president said he is sending a delegation to Geneva to hold direct "
        "talks with the Moldovan side.\n"
    )
    acts = events(text, "diplomacy")
    assert len(acts) == 2 and places(acts) == ["Geneva"]


def test_an_act_told_as_later_on_a_day_dates_the_act_of_its_kind_told_before_it() -> None:
    text = (
        "Published March 9, 2024\n\nRussian drones struck Odesa on Saturday, killing two people, the governor said."
        "\n\nThe European Union has imposed new sanctions on Russian banks, officials said.\n\n"
        "The bloc later on Friday also imposed sanctions on a Russian shipping group, accusing it of evading the "
        "oil price cap.\n"
    )
    assert [str(e.date) for e in events(text, "diplomacy")] == ["2024-03-08", "2024-03-08"]
    assert [str(e.date) for e in events(text, "strike")] == ["2024-03-09"]


def test_the_agency_of_a_dateline_is_no_party_to_talks() -> None:
    text = "ROME, June 3 (Reuters) - Italian and Ukrainian officials met in Rome on Tuesday.\n"
    (talks,) = events(text, "diplomacy")
    assert "Reuters" not in talks.actors
