"""Write a synthetic JSON Lines corpus of war reports for the throughput benchmark.

    python bench/make_corpus.py [--articles 1200] [--seed 7] [--out bench/out/corpus.jsonl]

Every article is generated from templates written for this benchmark (no real article text): wire-style
reports with datelines, tolls, claimants and place names, air-defence tallies, ground claims, diplomacy
paragraphs, digests with lowercase section headings, and the site chrome the cleaner has to remove. The same
seed always gives the same corpus, so figures from different runs compare.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out" / "corpus.jsonl"

# (city, oblast) pairs: the places the generated strikes hit.
UA_PLACES = [
    ("Kyiv", "Kyiv"), ("Kharkiv", "Kharkiv"), ("Odesa", "Odesa"), ("Dnipro", "Dnipropetrovsk"),
    ("Zaporizhzhia", "Zaporizhzhia"), ("Sumy", "Sumy"), ("Chernihiv", "Chernihiv"), ("Kherson", "Kherson"),
    ("Mykolaiv", "Mykolaiv"), ("Lviv", "Lviv"), ("Ternopil", "Ternopil"), ("Poltava", "Poltava"),
    ("Kryvyi Rih", "Dnipropetrovsk"), ("Kramatorsk", "Donetsk"), ("Sloviansk", "Donetsk"),
    ("Nikopol", "Dnipropetrovsk"), ("Pavlohrad", "Dnipropetrovsk"), ("Izmail", "Odesa"), ("Lutsk", "Volyn"),
    ("Rivne", "Rivne"), ("Vinnytsia", "Vinnytsia"), ("Zhytomyr", "Zhytomyr"), ("Ivano-Frankivsk", "Ivano-Frankivsk"),
    ("Bila Tserkva", "Kyiv"), ("Kupiansk", "Kharkiv"), ("Izium", "Kharkiv"), ("Khmelnytskyi", "Khmelnytskyi"),
]
RU_PLACES = [("Belgorod", "Belgorod"), ("Kursk", "Kursk"), ("Bryansk", "Bryansk"), ("Krasnodar", "Krasnodar"),
             ("Rostov-on-Don", "Rostov"), ("Voronezh", "Voronezh"), ("Novorossiysk", "Krasnodar")]
FRONT_VILLAGES = ["Pokrovsk", "Siversk", "Kostiantynivka", "Huliaipole", "Vovchansk", "Lyman", "Toretsk",
                  "Chasiv Yar", "Myrnohrad", "Velyka Novosilka", "Kurakhove", "Orikhiv", "Stepnohirsk"]
UA_CLAIMANTS = ["the regional governor", "the head of the regional military administration", "the city's mayor",
                "the State Emergency Service", "Ukraine's interior minister", "local officials", "police"]
RU_CLAIMANTS = ["the regional governor", "Russia's defence ministry", "the acting governor", "TASS, citing officials"]
OUTLETS = [("Example Wire", "example-wire.test"), ("Daily Front", "dailyfront.test"),
           ("Eastern Ledger", "easternledger.test"), ("World Desk", "worlddesk.test")]
NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
                10: "10", 12: "a dozen"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
AGENCIES = ["AFP", "Reuters", "AP"]
NOISE_TOP = [["skip to main content"], ["Menu", "Search"], ["Menu", "|  World", "Search"], ["Home | World | Europe"]]
NOISE_BOTTOM = [
    ["Read more: how air defences are stretched across the country"],
    ["Sign up for our daily briefing on the war.", "\u00a9 2025 Example Media. All rights reserved."],
    ["Watch: footage shows the aftermath of the strike", "Related"],
    ["Advertisement", "Share this article"],
    [],
]


def _count(rng: random.Random, low: int, high: int) -> tuple[int, str]:
    n = rng.randint(low, high)
    word = NUMBER_WORDS.get(n) if rng.random() < 0.4 else None
    qualifier = rng.choice(["", "", "at least ", "more than ", "about "])
    return n, f"{qualifier}{word or n}"


def _dateline(rng: random.Random, city: str, day: dt.date) -> str:
    agency = rng.choice(AGENCIES)
    if agency == "AFP":
        return f"{city}, Ukraine (AFP) {day:%b} {day.day}, {day.year} - "
    if agency == "Reuters":
        return f"{city.upper()}, {day:%b} {day.day} (Reuters) - "
    return f"{city.upper()}, Ukraine (AP) \u2014 "


def _strike_paragraphs(rng: random.Random, day: dt.date) -> tuple[str, list[str]]:
    city, oblast = rng.choice(UA_PLACES)
    weekday = WEEKDAYS[day.weekday()]
    killed, killed_txt = _count(rng, 1, 30)
    injured, injured_txt = _count(rng, 2, 90)
    weapon = rng.choice(["missiles and drones", "drones", "glide bombs", "ballistic missiles", "artillery"])
    claimant = rng.choice(UA_CLAIMANTS)
    headline = rng.choice([
        f"Russian strike on {city} kills {killed}",
        f"{killed} dead as Russian {weapon} hit {city}",
        f"Overnight attack on {city} leaves {injured} injured",
    ])
    lead = (
        f"{_dateline(rng, city, day)}Russian {weapon} hit {city} overnight, killing {killed_txt} people and "
        f"injuring {injured_txt}, {claimant} said on {weekday}."
    )
    paras = [lead]
    if rng.random() < 0.6:
        age = rng.randint(8, 85)
        paras.append(
            f"Among the victims was a {age}-year-old {rng.choice(['man', 'woman'])}, officials said, and "
            f"{rng.choice(list(NUMBER_WORDS.values()))} residential buildings in the {oblast} region were damaged."
        )
    if rng.random() < 0.7:
        launched, launched_txt = _count(rng, 40, 700)
        downed = rng.randint(launched // 2, launched)
        missiles = rng.randint(0, 40)
        paras.append(
            f"Russia launched {launched_txt} drones and {missiles} missiles in the attack, Ukraine's air force said, "
            f"adding that air defences shot down {downed} drones and {rng.randint(0, missiles)} missiles."
        )
    if rng.random() < 0.4:
        rescued = rng.randint(3, 40)
        paras.append(
            f"Rescuers pulled {rescued} people from the rubble, the State Emergency Service said, and fires broke out "
            f"in {rng.randint(2, 15)} places across the city."
        )
    if rng.random() < 0.3:
        homes = rng.randint(2, 300) * 1000
        paras.append(
            f"About {homes:,} households in the {oblast} region were left without power, the grid operator said."
        )
    if rng.random() < 0.3:
        paras.append(
            f"Before the war, {city} had a population of around {rng.randint(50, 900) * 1000:,} people. "
            f"It was the {rng.randint(3, 40)}th attack on the city this year."
        )
    return headline, paras


def _ground_paragraph(rng: random.Random) -> str:
    village = rng.choice(FRONT_VILLAGES)
    return rng.choice([
        f"Russia's defence ministry claimed its forces had captured the village of {village}, a claim that could "
        "not be independently verified.",
        f"Ukraine's general staff said its troops had repelled {rng.randint(5, 60)} assaults near {village} "
        "over the past day.",
        f"Analysts at a battlefield monitoring group said Russian forces had advanced near {village} in recent days.",
    ])


def _diplomacy_paragraph(rng: random.Random, day: dt.date) -> str:
    city = rng.choice(["Geneva", "Istanbul", "Ankara", "Riyadh", "Brussels", "Berlin", "London"])
    weekday = rng.choice(WEEKDAYS)
    return rng.choice([
        f"Delegations from Ukraine and the United States are due to meet in {city} on {weekday} to discuss a "
        "proposed peace plan, officials said.",
        f"European foreign ministers met in {city} earlier this month and agreed to keep up pressure on Moscow, "
        "a spokesperson said.",
        f"The Kremlin said it remained open to talks but rejected the conditions set out in {city} last week.",
        f"Russia's ambassador was summoned to the foreign ministry in {city} on {weekday} after the strikes.",
    ])


def _russia_paragraph(rng: random.Random) -> str:
    city, region = rng.choice(RU_PLACES)
    injured = rng.randint(1, 15)
    downed = rng.randint(10, 250)
    return (
        f"In Russia, {rng.choice(RU_CLAIMANTS)} said a Ukrainian drone attack on {city} injured {injured} people, "
        f"and the defence ministry said it had destroyed {downed} Ukrainian drones over the {region} region overnight."
    )


def _quote_paragraph(rng: random.Random) -> str:
    return rng.choice([
        "\u201cThe world must see what is happening here every night,\u201d the mayor said in a video statement.",
        "\u201cWe need more air defence systems, and we need them now,\u201d President Volodymyr Zelensky said.",
        '"The strikes hit only military targets," the Russian defence ministry said in a statement.',
        "\u201cPeople were screaming when the first explosion came,\u201d one resident told reporters.",
    ])


def _background_paragraph(rng: random.Random) -> str:
    city, oblast = rng.choice(UA_PLACES)
    return rng.choice([
        f"Moscow has stepped up its strikes on Ukraine's energy infrastructure as winter approaches, and officials "
        f"in {city} warned of scheduled power cuts in the coming weeks as repair crews work around the clock.",
        f"The {oblast} region has come under near-daily fire in recent months, with authorities urging residents "
        "to heed air-raid alerts and move to shelters when sirens sound, even during the day.",
        "Kyiv has repeatedly asked its Western partners for more air-defence systems, saying its stocks of "
        "interceptor missiles are running low after months of large-scale barrages.",
        "Both sides deny targeting civilians, but thousands of people have been killed since the full-scale "
        "invasion began in February 2022, according to United Nations monitors.",
        f"Schools in {city} moved lessons online for the rest of the week, the local education department said, "
        "and several hospitals switched to backup generators after the grid was damaged.",
        "The attack came hours after a round of talks between Ukrainian and American officials, which both sides "
        "described as constructive but which produced no agreement on the key questions of territory.",
        f"Volunteers handed out water and blankets to residents whose homes in {city} were left without windows, "
        "while municipal workers boarded up damaged buildings and cleared glass from the streets.",
        "Russian troops have been advancing slowly in the east for months, at a heavy cost in men and equipment, "
        "according to Western intelligence assessments that Moscow dismisses as propaganda.",
    ])


def _caption(rng: random.Random, day: dt.date) -> str:
    city, _ = rng.choice(UA_PLACES)
    return rng.choice([
        f"{city.upper()}, UKRAINE - Rescuers (center) search the rubble of a damaged building on "
        f"{day:%B} {day.day}, {day.year} in {city}, Ukraine.",
        f"A photograph of firefighters at work in {city}",
        f"Residents clear debris in {city}. Photo: Example Wire",
    ])


def report(rng: random.Random, day: dt.date) -> tuple[str, str]:
    headline, paras = _strike_paragraphs(rng, day)
    extras = [_ground_paragraph, _russia_paragraph, _quote_paragraph]
    for make in rng.sample(extras, k=rng.randint(1, 3)):
        paras.append(make(rng))
    for _ in range(rng.randint(3, 8)):
        paras.append(_background_paragraph(rng))
    if rng.random() < 0.6:
        paras.append(_diplomacy_paragraph(rng, day))
    if rng.random() < 0.35:
        paras.insert(rng.randint(1, len(paras)), _caption(rng, day))
    if rng.random() < 0.4:
        # A second, shorter story with its own headline and dateline, as wire round-ups carry.
        later = day - dt.timedelta(days=1)
        second_headline, second = _strike_paragraphs(rng, later)
        paras += [second_headline] + second[:3]
    lines = rng.choice(NOISE_TOP) if rng.random() < 0.4 else []
    lines = list(lines) + [headline]
    if rng.random() < 0.3:
        lines.append(rng.choice(["by AFP Staff Writers", "By Example Wire staff", "by Staff Writers"]))
    lines += paras + rng.choice(NOISE_BOTTOM)
    return headline, "\n\n".join(lines) + "\n"


def digest(rng: random.Random, day: dt.date) -> tuple[str, str]:
    headline = f"Introducing the main events of the {rng.randint(900, 1500)}th day of the war"
    lines = [headline, f"Published {day:%B} {day.day}, {day.year}",
             f"Here\u2019s what happened on {WEEKDAYS[day.weekday()]}, {day:%B} {day.day}."]
    for heading in rng.sample(["finding", "fighting", "peace plan", "diplomacy", "energy", "aid"], k=3):
        lines.append(heading)
        _h, paras = _strike_paragraphs(rng, day)
        body = " ".join(p.split(" - ", 1)[-1].split(" \u2014 ", 1)[-1] for p in paras[:2])
        body += " " + _ground_paragraph(rng) + " " + _diplomacy_paragraph(rng, day)
        lines.append(body)
    return headline, "\n".join(lines) + "\n"


def make_corpus(n: int, seed: int) -> list[dict[str, str | None]]:
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    records: list[dict[str, str | None]] = []
    for i in range(n):
        day = start + dt.timedelta(days=rng.randint(0, 700))
        title, text = digest(rng, day) if rng.random() < 0.15 else report(rng, day)
        outlet, host = rng.choice(OUTLETS)
        # Some records carry metadata, some do not, and a few carry a wrong date: as real corpora do.
        published = None
        if rng.random() < 0.7:
            published = (day + dt.timedelta(days=rng.choice([0, 0, 0, 1, -300]))).isoformat()
        records.append({
            "text": text,
            "title": title if rng.random() < 0.8 else None,
            "url": f"https://{host}/war/{day.isoformat()}/{i}",
            "published": published,
            "source": outlet if rng.random() < 0.9 else None,
        })
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1200, help="how many articles (default 1200)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output file (default {OUT})")
    args = parser.parse_args(argv)
    if args.articles < 1:
        print("make_corpus: --articles must be at least 1", file=sys.stderr)
        return 2
    records = make_corpus(args.articles, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    size = args.out.stat().st_size
    chars = sum(len(r["text"] or "") for r in records)
    print(f"wrote {len(records)} articles ({chars / len(records):.0f} characters each on average, "
          f"{size / 1e6:.1f} MB) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
