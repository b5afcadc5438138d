"""find_places on sentences written for these tests: one test per rule family."""

from __future__ import annotations

from kronika.geo import Geocoder, PlaceMention


def names(mentions: list[PlaceMention]) -> list[str]:
    return [m.location.name for m in mentions]


def by_surface(mentions: list[PlaceMention], surface: str) -> PlaceMention:
    return next(m for m in mentions if m.surface == surface)


def test_offsets_point_at_the_surface_in_text_order(geo: Geocoder) -> None:
    text = "Drones hit Kharkiv and Sumy overnight, and a missile struck Odesa."
    found = geo.find_places(text)
    assert names(found) == ["Kharkiv", "Sumy", "Odesa"]
    for m in found:
        assert text[m.start:m.end] == m.surface
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_old_and_russian_spellings(geo: Geocoder) -> None:
    text = "Fighting raged near Artemovsk and Krasnoarmeysk; shells also fell on Zaporozhye and Kupyansk."
    assert names(geo.find_places(text)) == ["Bakhmut", "Pokrovsk", "Zaporizhzhia", "Kupiansk"]


def test_possessive_keeps_the_place_and_the_span_drops_the_s(geo: Geocoder) -> None:
    text = "Kyiv's mayor said the capital's air defences were busy."
    m = geo.find_places(text)[0]
    assert (m.surface, m.location.name, m.location.precision) == ("Kyiv", "Kyiv", "settlement")


def test_region_phrases_give_the_oblast_not_the_city(geo: Geocoder) -> None:
    text = ("Strikes wounded 12 people in the Kharkiv region. Later, in the northeastern region of Sumy, "
            "a drone hit a bus, and Russia's Belgorod region reported power cuts.")
    found = geo.find_places(text)
    regions = [(m.location.name, m.location.precision) for m in found if m.kind == "region"]
    assert regions == [("Kharkiv Oblast", "admin1"), ("Sumy Oblast", "admin1"), ("Belgorod Oblast", "admin1")]
    assert by_surface(found, "Kharkiv region").location.lat is not None


def test_plural_regions_list(geo: Geocoder) -> None:
    found = geo.find_places("Power was cut in the Odesa, Mykolaiv and Kherson regions.")
    assert [(m.location.name, m.location.precision) for m in found] == [
        ("Odesa Oblast", "admin1"), ("Mykolaiv Oblast", "admin1"), ("Kherson Oblast", "admin1")]


def test_capital_phrase(geo: Geocoder) -> None:
    found = geo.find_places("Explosions shook the Ukrainian capital before dawn.")
    assert [(m.surface, m.location.name) for m in found] == [("the Ukrainian capital", "Kyiv")]


def test_countries_world_cities_and_water(geo: Geocoder) -> None:
    text = ("Envoys from Ukraine and the United States met in Geneva, while a tanker was hit in the Black Sea "
            "off the coast of Turkey.")
    found = geo.find_places(text)
    kinds = {m.location.name: (m.kind, m.location.country, m.location.precision) for m in found}
    assert kinds["Ukraine"] == ("country", "UA", "country")
    assert kinds["United States"] == ("country", "US", "country")
    assert kinds["Geneva"] == ("world_city", "CH", "settlement")
    assert kinds["Black Sea"][0] == "water" and kinds["Black Sea"][2] == "water"
    assert kinds["Turkey"] == ("country", "TR", "country")


def test_homonym_decided_by_the_oblast_named_nearby(geo: Geocoder) -> None:
    found = geo.find_places("In the Zaporizhzhia region, Russian troops attacked Novoselivka on Sunday.")
    m = by_surface(found, "Novoselivka")
    assert m.location.admin1 == "Zaporizhzhia Oblast"


def test_homonym_decided_by_the_front_line_cluster(geo: Geocoder) -> None:
    found = geo.find_places("Russian units pressed on towards Siversk, Novoselivka and Verkhnokamianske.")
    m = by_surface(found, "Novoselivka")
    assert m.location.admin1 == "Donetsk Oblast"
    assert m.location.precision == "settlement"


def test_homonym_without_context_is_ambiguous_without_coordinates(geo: Geocoder) -> None:
    m = geo.find_places("Residents of Andriivka were evacuated.")[0]
    assert m.location.precision == "ambiguous"
    assert m.location.lat is None and m.location.lon is None
    assert len(m.candidates) > 10


def test_new_york_in_donbas_and_in_america(geo: Geocoder) -> None:
    donbas = geo.find_places("Russian troops entered New York, a village near Toretsk in the Donetsk region.")
    assert by_surface(donbas, "New York").location.country == "UA"
    america = geo.find_places("Zelensky flew to New York to speak at the United Nations.")
    assert by_surface(america, "New York").location.country == "US"


def test_machine_translated_village_names_in_a_list(geo: Geocoder) -> None:
    text = "Russian forces advanced near Siversk and the villages of Novoselifka, Novokonomichne and Milolyubivka."
    found = geo.find_places(text)
    assert [m.location.name for m in found] == ["Siversk", "Novoselivka", "Novoekonomichne", "Myroliubivka"]
    assert [m.fuzzy for m in found] == [False, True, True, True]


def test_fuzzy_matching_needs_a_place_cue(geo: Geocoder) -> None:
    # the same mangled name with no "near"/"villages of" around it is left alone
    assert geo.find_places("Novoselifka was the word of the day.") == []


def test_exact_names_are_never_fuzzed_into_others(geo: Geocoder) -> None:
    found = geo.find_places("A drone hit a ferry near Kherson.")
    assert names(found) == ["Kherson"]


def test_people_are_not_places(geo: Geocoder) -> None:
    text = ("Mr Lysak said the poet Alexander Pushkin was loved in Kirov, while Friedrich Engels was not. "
            "Sergei Kirov was shot in 1934.")
    found = geo.find_places(text)
    assert names(found) == ["Kirov"]
    assert found[0].start == text.index("in Kirov") + 3


def test_months_weekdays_and_english_words_are_not_places(geo: Geocoder) -> None:
    text = "Progress was slow in May. On Monday, March talks were set, and Victory Day parades cancelled."
    assert geo.find_places(text) == []


def test_organisation_names_are_not_event_places(geo: Geocoder) -> None:
    text = "The Kyiv Independent and the Moscow Times both cited the Istanbul format; Dynamo Kyiv lost."
    assert geo.find_places(text) == []


def test_sentence_initial_city_is_still_a_place(geo: Geocoder) -> None:
    found = geo.find_places("Kupiansk had about 27,000 residents. Pokrovsk is now almost empty.")
    assert names(found) == ["Kupiansk", "Pokrovsk"]


def test_district_phrase_gives_the_raion(geo: Geocoder) -> None:
    m = geo.find_places("A drone struck the Synelnyky district overnight.")[0]
    assert (m.location.name, m.location.precision, m.location.admin1) == (
        "Synelnykivskyi Raion", "admin2", "Dnipropetrovsk Oblast")


def test_empty_and_placeless_text(geo: Geocoder) -> None:
    assert geo.find_places("") == []
    assert geo.find_places("nothing here names a place at all.") == []


def test_region_attached_to_a_name_beats_the_story_cluster(geo: Geocoder) -> None:
    text = ("Russia claimed Yampil and Pishchane in the Donetsk region and Novopavlivka in the Dnipropetrovsk "
            "region.")
    m = by_surface(geo.find_places(text), "Novopavlivka")
    assert m.location.admin1 == "Dnipropetrovsk Oblast"


def test_a_big_city_is_not_pulled_to_a_namesake_village_by_circumstance(geo: Geocoder) -> None:
    text = ("Russia claimed Yampil in the Donetsk region. Its forces are pushing toward Zaporizhzhia from the "
            "south and east.")
    m = by_surface(geo.find_places(text), "Zaporizhzhia")
    assert (m.location.name, m.location.admin1) == ("Zaporizhzhia", "Zaporizhzhia Oblast")


def test_russian_era_name_on_the_front_line_is_the_ukrainian_town(geo: Geocoder) -> None:
    text = "Denis Pushilin claimed gains near Konstantinovka and Dzerzhinsk in the Donetsk People's Republic."
    found = geo.find_places(text)
    assert by_surface(found, "Dzerzhinsk").location.name == "Toretsk"
    assert by_surface(found, "Donetsk").location.name == "Donetsk Oblast"


def test_possessive_region_word(geo: Geocoder) -> None:
    found = geo.find_places("The Krasnodar region's headquarters said a fire broke out.")
    assert [(m.location.name, m.location.precision) for m in found] == [("Krasnodar Krai", "admin1")]


def test_cyrillic_quotes_are_not_scanned(geo: Geocoder) -> None:
    assert geo.find_places("The sign read «Русский корабль» in large letters.") == []


def test_possessive_capital_phrase(geo: Geocoder) -> None:
    found = geo.find_places("Drones attacked Russia's capital overnight, while Ukraine's capital Kyiv was calm.")
    assert [(m.surface, m.location.name) for m in found] == [
        ("Russia's capital", "Moscow"), ("Ukraine", "Ukraine"), ("Kyiv", "Kyiv")]


def test_media_military_groups_and_historical_lands_are_not_mapped(geo: Geocoder) -> None:
    text = ("Ukrainska Pravda and Hromadske reported that the Khortytsia group and the Dnipro group fought off "
            "attacks; Polissia and Galicia were quiet.")
    assert geo.find_places(text) == []


def test_fuzzy_in_a_list_needs_the_list_to_start_with_a_place_cue(geo: Geocoder) -> None:
    cued = geo.find_places("Russian troops attacked the villages of Kupiansk, Novoselifka and Milolyubivka.")
    assert [m.fuzzy for m in cued] == [False, True, True]
    uncued = geo.find_places("Officials from Kupiansk, Novoselifka and Milolyubivka met.")
    assert [m.surface for m in uncued] == ["Kupiansk"]


def test_the_city_after_a_named_district_is_the_city_not_its_raion(geo: Geocoder) -> None:
    # "district of X" alone reads X as a raion; a district with a name of its own is a part of the city X
    found = geo.find_places("Russian troops shelled the Korabelnyi district of Kherson on Monday evening.")
    kherson = by_surface(found, "Kherson")
    assert (kherson.location.name, kherson.location.precision) == ("Kherson", "settlement")
    raion = geo.find_places("Artillery hit villages across the district of Nikopol overnight.")
    assert [m.location.precision for m in raion] == ["admin2"]


def test_the_region_named_beside_a_village_outweighs_its_namesake_near_other_places(geo: Geocoder) -> None:
    # Urozhaine exists in the Donetsk and the Kherson regions; the text attaches Donetsk to the first mention,
    # and names Kherson-region villages later, which must not pull the first mention away
    text = ("Russian forces captured the village of Urozhaine in Ukraine's eastern Donetsk region, Moscow said. "
            "A blog said Ukrainian troops had left the village of Krynky in the Kherson region weeks ago, "
            "and that Urozhaine had been lost too.")
    first = geo.find_places(text)[0]
    assert first.surface == "Urozhaine"
    assert (first.location.admin1, first.location.precision) == ("Donetsk Oblast", "settlement")


def test_a_village_in_a_region_where_no_namesake_lies_is_name_only_in_that_region(geo: Geocoder) -> None:
    # the index knows Ukrainian Lebedivkas only; the text puts this one in a Russian region
    found = geo.find_places("Russian troops retook Lebedevka in the Kursk region after a week of fighting.")
    village = by_surface(found, "Lebedevka")
    loc = village.location
    assert (loc.name, loc.admin1, loc.country, loc.lat) == ("Lebedevka", "Kursk Oblast", "RU", None)
    # a city of special status named with the region around it stays the city
    sevastopol = by_surface(geo.find_places("A drone hit Sevastopol, Crimea, on Monday."), "Sevastopol")
    assert sevastopol.location.precision == "settlement"


def test_a_residential_district_of_a_city_is_the_city_not_the_raion(geo: Geocoder) -> None:
    for text in (
        "A missile hit a residential district of Kharkiv on Tuesday.",
        "Drones struck two districts of Odesa overnight.",
    ):
        loc = geo.find_places(text)[0].location
        assert loc.precision == "settlement", text


def test_a_former_name_in_the_official_romanization_is_the_renamed_town(geo: Geocoder) -> None:
    # Lyman was Krasnyi Lyman until 2016; two villages still bear that name, and a region names them
    town = geo.find_places("Ukrainian forces retook Krasnyi Lyman, the general staff said.")[0].location
    assert (town.name, town.admin1) == ("Lyman", "Donetsk Oblast")
    village = geo.find_places("Shells fell on the village of Krasnyi Lyman in the Luhansk region.")[0].location
    assert (village.name, village.admin1) == ("Krasnyi Lyman", "Luhansk Oblast")


def test_a_border_region_is_the_region(geo: Geocoder) -> None:
    found = geo.find_places("Shelling hit the Belgorod border region and the Bryansk frontier regions.")
    assert [(m.surface, m.location.precision) for m in found] == [
        ("Belgorod border region", "admin1"),
        ("Bryansk frontier regions", "admin1"),
    ]


def test_villages_named_after_the_passage_s_region_with_no_namesake_there_are_name_only_in_it(geo: Geocoder) -> None:
    text = (
        "Moscow said its troops had pushed Ukrainian units out of two villages in the Bryansk border region.\n\n"
        "The ministry named them as Nikolayevka and Novaya Pogoreltsevka."
    )
    found = geo.find_places(text)
    for surface in ("Nikolayevka", "Novaya Pogoreltsevka"):  # the whole name, where the index knew one word
        loc = by_surface(found, surface).location
        assert (loc.name, loc.admin1, loc.country, loc.lat) == (surface, "Bryansk Oblast", "RU", None)
    # a name Ukraine's places bear as their own is theirs, and a passage that moved on keeps its places
    text = "Fighting went on in the Kursk region, the army said. Drones later hit Sumy and Konotop overnight."
    assert [m.location.admin1 for m in geo.find_places(text)][1:] == ["Sumy Oblast", "Sumy Oblast"]
    text = "Fighting went on in the Kursk region. Separately, shells hit Nikolayevka in the Donetsk region."
    assert by_surface(geo.find_places(text), "Nikolayevka").location.admin1 == "Donetsk Oblast"
    # a person or a street named in the passage is no village of its region
    text = "Drones hit the Kursk region overnight, and a house on Nikolayevka Street burned."
    assert all(m.location.admin1 != "Kursk Oblast" for m in geo.find_places(text)[1:])


def test_a_village_the_text_placed_keeps_its_place_where_its_name_recurs_beside_another_region(geo: Geocoder) -> None:
    text = (
        "Moscow said its troops had taken the village of Novoandriivka in the Zaporizhzhia region on Friday. By "
        "Sunday Ukrainian units had left Novoandriivka and the village of Kurakhivka in the Donetsk region."
    )
    found = [m for m in geo.find_places(text) if m.surface in ("Novoandriivka", "Kurakhivka")]
    assert [(m.surface, m.location.admin1, m.location.precision) for m in found] == [
        ("Novoandriivka", "Zaporizhzhia Oblast", "settlement"),
        ("Novoandriivka", "Zaporizhzhia Oblast", "settlement"),
        ("Kurakhivka", "Donetsk Oblast", "settlement"),
    ]


def test_a_misspelt_village_in_a_list_placed_in_a_region_is_name_only_there(geo: Geocoder) -> None:
    text = "Troops had liberated the villages of Pylna, Zorianivka, Borysivka and Krasne in the Kharkiv region."
    found = geo.find_places(text)
    loc = by_surface(found, "Zorianivka").location
    assert (loc.name, loc.admin1, loc.lat) == ("Zorianivka", "Kharkiv Oblast", None)
    assert by_surface(found, "Pylna").location.precision == "settlement"
    # a city with a name of its own stays itself, whatever region ends the list
    found = geo.find_places("Drones hit Odesa, Kyiv and Lozova in the Kharkiv region overnight.")
    assert [m.location.admin1 for m in found][:2] == ["Odesa Oblast", "Kyiv"]


def test_a_misspelt_village_of_a_passage_that_stays_in_one_region_is_name_only_there(geo: Geocoder) -> None:
    text = (
        "Russian forces advanced in the Kharkiv region on Friday, officials said, after weeks of heavy shelling "
        "along the whole northern border. Near Vovchansk, they took the villages of Zorianivka and Pylna."
    )
    loc = by_surface(geo.find_places(text), "Zorianivka").location
    assert (loc.name, loc.admin1, loc.lat) == ("Zorianivka", "Kharkiv Oblast", None)


def test_a_name_before_governor_is_the_region(geo: Geocoder) -> None:
    text = "Kursk Governor Alexander Khinshtein said debris fell on a house."
    m = geo.find_places(text)[0]
    assert (m.surface, m.location.name, m.location.precision) == ("Kursk", "Kursk Oblast", "admin1")


def test_the_regional_centre_is_the_centre_of_the_one_region_just_named(geo: Geocoder) -> None:
    one = geo.find_places("Bryansk Governor Alexander Bogomaz said the region's administrative centre was attacked.")
    assert [(m.surface, m.location.name, m.location.precision) for m in one] == [
        ("Bryansk", "Bryansk Oblast", "admin1"),
        ("the region's administrative centre", "Bryansk", "settlement"),
    ]
    later = geo.find_places("Drones flew over the Sumy region overnight. The regional centre was hit twice.")
    assert names(later) == ["Sumy Oblast", "Sumy"]
    # several regions named: no guess; an apposition already names the city
    assert names(geo.find_places("Drones flew over the Kursk and Bryansk regions. The regional capital was hit.")) == [
        "Kursk Oblast",
        "Bryansk Oblast",
    ]
    assert names(geo.find_places("Kharkiv, the regional capital, was hit.")) == ["Kharkiv"]
