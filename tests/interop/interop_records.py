"""Records for the interop tests: a small ledger (exports, search, Datasette, the Python API), built from hand-made results
so every expected value is known: a toll that rises, a contested toll, a country-wide air-defence total, a claim
and its denial, talks abroad, a region-level strike and an undated statement."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ledger"))  # the ledger tests' record builder

from ledger_records import KHARKIV_OBLAST, KUPIANSK, TERNOPIL, Ev, Fig, build_article  # noqa: E402

from kronika.ledger import ingest  # noqa: E402
from kronika.models import DocumentResult, Location  # noqa: E402
from kronika.store import open_store  # noqa: E402

KRONIKA = Path(sys.executable).with_name("kronika")
UKRAINE = Location("Ukraine", country="UA", lat=49.0, lon=32.0, precision="country", gazetteer_id="test:UA")
GENEVA = Location("Geneva", admin1="Geneva", country="CH", lat=46.2022, lon=6.14569, precision="settlement",
                  gazetteer_id="test:geneva")
SUMY_RAION = Location("Sumy Raion", admin1="Sumy Oblast", admin2="Sumy Raion", country="UA", lat=50.9077,
                      lon=34.7981, precision="admin2", gazetteer_id="test:sumy-raion")

TERNOPIL_ID = "ev-2025-11-19-ternopil-strike-1"
BARRAGE_ID = "ev-2025-11-19-ukraine-air-attack-1"
KUPIANSK_ID = "ev-2025-11-20-kupiansk-ground-claim-1"
SUMY_ID = "ev-2025-11-21-sumy-raion-strike-1"


def _doc(text: str, events: list[Ev], *, path: str, source: str, published: str | None,
         url: str | None = None, title: str | None = None) -> DocumentResult:
    doc = build_article(text, events, path=path, source=source, published=published, title=title)
    doc.url = url
    return doc


def interop_documents() -> list[DocumentResult]:
    return [
        _doc(
            "Kyiv, Nov 19, 2025 (Northline Wire) - Russian missiles struck apartment blocks in Ternopil overnight, "
            "killing at least 10 people, the regional governor said. Russia launched 476 drones and 48 missiles "
            "overnight; air defences destroyed 442 drones and 41 missiles, Ukraine's air force said.",
            [
                Ev("strike", "Russian missiles struck apartment blocks in Ternopil overnight", "2025-11-19", TERNOPIL,
                   claimed_by="regional governor", actors=["Russia"],
                   figures=[Fig("killed", 10, "killing at least 10 people", "at_least", "regional governor")]),
                Ev("air_attack", "Russia launched 476 drones and 48 missiles overnight", "2025-11-19", UKRAINE,
                   claimed_by="Ukraine's air force", actors=["Russia", "Ukraine"],
                   figures=[Fig("drones_launched", 476, "476 drones", claimed_by="Ukraine's air force"),
                            Fig("missiles_launched", 48, "48 missiles", claimed_by="Ukraine's air force"),
                            Fig("drones_destroyed", 442, "442 drones", claimed_by="Ukraine's air force"),
                            Fig("missiles_destroyed", 41, "41 missiles", claimed_by="Ukraine's air force")]),
            ],
            path="northline.txt", source="Northline Wire", published="2025-11-19",
            url="https://northline.example/2025/11/19/ternopil", title="Missiles hit Ternopil",
        ),
        _doc(
            "Ternopil, Nov 20, 2025 (Dnipro Daily) - The toll of the strike on Ternopil rose to 26, rescuers "
            "searching the rubble said.",
            [Ev("strike", "The toll of the strike on Ternopil rose to 26", "2025-11-19", TERNOPIL,
                claimed_by="State Emergency Service",
                figures=[Fig("killed", 26, "rose to 26", "exact", "State Emergency Service")])],
            path="dnipro.txt", source="Dnipro Daily", published="2025-11-20",
            url="https://dnipro-daily.example/news/ternopil-toll",
        ),
        _doc(
            "Moscow, Nov 20, 2025 (Volga Agency) - Russia's defence ministry said its troops had captured Kupiansk.",
            [Ev("ground_claim", "its troops had captured Kupiansk", "2025-11-20", KUPIANSK,
                claimed_by="Russia's defence ministry", status="claimed", actors=["Russia"])],
            path="volga.txt", source="Volga Agency", published="2025-11-20",
        ),
        _doc(
            "Kyiv, Nov 20, 2025 (Borysfen News) - Ukraine's General Staff denied that Kupiansk had fallen.",
            [Ev("ground_claim", "denied that Kupiansk had fallen", "2025-11-20", KUPIANSK,
                claimed_by="Ukraine's General Staff", status="denied", actors=["Ukraine"])],
            path="borysfen.txt", source="Borysfen News", published="2025-11-20",
            url="https://borysfen.example/kupiansk=denial",
        ),
        _doc(
            "Sumy, Nov 21, 2025 (Eastern Monitor) - A guided bomb hit a village in the Sumy district, killing five "
            "people, the governor said. Kharkiv region: shelling wounded 46 people across the region.",
            [Ev("strike", "A guided bomb hit a village in the Sumy district", "2025-11-21", SUMY_RAION,
                claimed_by="the governor",
                figures=[Fig("killed", 5, "killing five people", "exact", "the governor")]),
             Ev("strike", "shelling wounded 46 people across the region", "2025-11-21", KHARKIV_OBLAST,
                figures=[Fig("injured", 46, "wounded 46 people", "exact")])],
            path="eastern.txt", source="Eastern Monitor", published="2025-11-21",
        ),
        _doc(
            "Sumy, Nov 22, 2025 (Alpine Post) - Police said three people died in the strike on the Sumy district.",
            [Ev("strike", "three people died in the strike on the Sumy district", "2025-11-21", SUMY_RAION,
                claimed_by="Police", figures=[Fig("killed", 3, "three people died", "exact", "Police")])],
            path="alpine.txt", source="Alpine Post", published="2025-11-22",
        ),
        _doc(
            "Geneva, Nov 23, 2025 (Alpine Post) - Ukrainian and US delegations met in Geneva to discuss a peace "
            "plan. Officials said talks would go on.",
            [Ev("diplomacy", "Ukrainian and US delegations met in Geneva", "2025-11-23", GENEVA,
                actors=["Ukraine", "United States"]),
             Ev("statement", "Officials said talks would go on", None, None)],
            path="geneva.txt", source="Alpine Post", published="2025-11-23",
        ),
    ]


def run_kronika(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(KRONIKA), *args], capture_output=True, input=stdin, timeout=120,
                          env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"})


def export_text(ledger: Path, format: str, **filters: object) -> str:
    """`kronika events --format FORMAT` through the library, as text."""
    import io

    from kronika.ledger import list_events
    from kronika.ledger.export_records import export_events

    out = io.StringIO(newline="")
    with open_store(ledger, readonly=True) as store:
        export_events(store, list_events(store, **filters), format, out)
    return out.getvalue()


def build_ledger(path: Path) -> Path:
    with open_store(path) as store:
        ingest(store, interop_documents())
    return path
