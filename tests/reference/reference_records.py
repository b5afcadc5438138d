"""Small reference files of our own in the columns of Ivaniuk's record, and hand-made news reports to hold
against them. Every night and number here is invented for the tests.

A module of its own (not conftest.py): `from conftest import ...` is ambiguous when several test folders have one.
"""

from __future__ import annotations

import csv
from pathlib import Path

from kronika.models import DocumentResult, Event, Figure, Location

HEADER = [
    "time_start", "time_end", "model", "launch_place", "target", "target_main", "launched", "destroyed",
    "not_reach_goal", "still_attacking", "border_crossing", "is_shahed", "num_hit_location",
    "num_fall_fragment_location", "carrier", "turbojet", "turbojet_destroyed", "affected region",
    "destroyed_details", "launched_details", "launch_place_details", "source",
]
CATALOGUE = [
    ("Shahed-136/131", "UAV"), ("Unknown UAV", "UAV"), ("Orlan-10", "UAV"), ("Kalibr", "cruise missile"),
    ("Iskander-M", "ballistic missile"), ("X-47 Kinzhal", "ballistic missile"), ("KAB", "guided bomb"),
]

# (time_start, time_end, model, target, launched, destroyed, not_reach_goal, source)
NIGHTS = [
    # 10 March: the overnight report (drones, 25 of them lost to jamming, and missiles) ...
    ("2031-03-09 19:00", "2031-03-10 08:30", "Shahed-136/131", "Ukraine", "120.0", "90.0", "25.0", "kpszsu/posts/n1"),
    ("2031-03-09 19:00", "2031-03-10 08:30", "Kalibr", "Ukraine", "6.0", "4.0", "", "kpszsu/posts/n1"),
    ("2031-03-09 19:00", "2031-03-10 08:30", "Iskander-M", "Ukraine", "2.0", "0.0", "", "kpszsu/posts/n1"),
    # ... a daytime attack the same day, in a post of its own ...
    ("2031-03-10 09:00", "2031-03-10 17:00", "Shahed-136/131", "Ukraine", "40.0", "38.0", "", "kpszsu/posts/d1"),
    # ... and Air Command South's own count, never added to the nationwide one
    ("2031-03-10", "2031-03-10", "Unknown UAV", "Odesa oblast", "12.0", "12.0", "", "PvKPivden/posts/s1"),
    # 11 March: an evening launch the next morning's post counts, and a row with a day and no time
    ("2031-03-10 21:00", "2031-03-10 21:30", "X-47 Kinzhal", "Ukraine", "1.0", "0.0", "", "https://t.me/kpszsu/n2"),
    ("2031-03-10 22:00", "2031-03-11 08:00", "Shahed-136/131", "Ukraine", "80.0", "70.0", "", "https://t.me/kpszsu/n2"),
    ("2031-03-11", "2031-03-11", "Orlan-10", "Ukraine", "3.0", "3.0", "", "https://t.me/kpszsu/n2"),
    # a model the catalogue lacks but whose name says what it is, and one whose name says nothing
    ("2031-03-10 22:00", "2031-03-11 08:00", "Geran-3", "Ukraine", "5.0", "5.0", "", "https://t.me/kpszsu/n2"),
    ("2031-03-10 22:00", "2031-03-11 08:00", "Mystery-9", "Ukraine", "2.0", "1.0", "", "https://t.me/kpszsu/n2"),
    # 12 March: a guided bomb (counted apart) and a monitoring channel's row (neither national nor regional)
    ("2031-03-11 20:00", "2031-03-12 07:00", "Shahed-136/131", "Ukraine", "50.0", "45.0", "", "kpszsu/posts/n3"),
    ("2031-03-11 20:00", "2031-03-12 07:00", "KAB", "Kharkiv oblast", "4.0", "0.0", "", "kpszsu/posts/n3"),
    ("2031-03-12 03:00", "2031-03-12 03:00", "Kalibr", "Ukraine", "3.0", "0.0", "", "https://t.me/some_monitor/1"),
]
BAD = [
    ("2031-03-12 01:00", "2031-03-12 06:00", "Shahed-136/131", "Ukraine", "many", "3.0", "", "kpszsu/posts/x1"),
    ("2031-03-12 01:00", "yesterday", "Shahed-136/131", "Ukraine", "5.0", "3.0", "", "kpszsu/posts/x2"),
    ("2031-03-12 09:00", "2031-03-12 06:00", "Shahed-136/131", "Ukraine", "5.0", "3.0", "", "kpszsu/posts/x3"),
    ("2031-03-12 01:00", "2031-03-12 06:00", "Shahed-136/131", "Ukraine", "5.0", "10.0", "", "kpszsu/posts/x4"),
    ("2031-03-12 01:00", "2031-03-12 06:00", "", "Ukraine", "5.0", "3.0", "", "kpszsu/posts/x5"),
]


def write_record(folder: Path, rows: list[tuple[str, ...]], catalogue: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "missile_attacks_daily.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=HEADER)
        writer.writeheader()
        for start, end, model, target, launched, destroyed, lost, source in rows:
            writer.writerow({"time_start": start, "time_end": end, "model": model, "target": target,
                             "launched": launched, "destroyed": destroyed, "not_reach_goal": lost,
                             "source": source, "border_crossing": "{}"})
    if catalogue:
        with (folder / "missiles_and_uavs.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["model", "category", "national_origin", "type"])
            writer.writerows([(m, c, "", "") for m, c in CATALOGUE])
    return path


UKRAINE = Location("Ukraine", country="UA", precision="country", gazetteer_id="country:UA")
RUSSIA = Location("Russia", country="RU", precision="country", gazetteer_id="country:RU")
ODESA_OBLAST = Location("Odesa Oblast", admin1="Odesa Oblast", country="UA", lat=46.48, lon=30.73,
                        precision="admin1", gazetteer_id="ua:oblast:UA51")


def air_report(path: str, published: str, night: str | None, claimant: str | None,
               figures: list[tuple[str, int, str]], place: Location = UKRAINE,
               qualifiers: dict[str, str] | None = None) -> DocumentResult:
    """One article reporting one night: figures are (kind, value, the claimant's phrase or None for none)."""
    sentences = []
    built = []
    offset = 0
    for kind, value, who in figures:
        sentence = f"{kind.replace('_', ' ')} {value}" + (f", {who} said. " if who else ". ")
        start = offset + len(f"{kind.replace('_', ' ')} ")
        built.append(Figure(kind, value, (qualifiers or {}).get(kind, "exact"), who, str(value),
                            (start, start + len(str(value)))))
        sentences.append(sentence)
        offset += len(sentence)
    text = "".join(sentences)
    event = Event(id="e1", type="air_attack", date=night, location=place, claimed_by=claimant,
                  quote=text.strip(), span=(0, len(text.strip())), figures=built)
    return DocumentResult(path=path, text=text, source="Test Wire", published=published, events=[event])
