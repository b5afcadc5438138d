"""Article texts written for the watch tests (none taken from a real article), with the feed items that list them.

Each story reports one attack in its own words, so the pipeline finds an event in each; two of them report the
same night's attack on Kharkiv, so the ledger merges them into one event with two sources.
"""

from __future__ import annotations

STORIES: dict[str, tuple[str, list[str]]] = {
    "kharkiv-drones": (
        "Drones hit Kharkiv apartment blocks",
        [
            "KHARKIV, Nov 18, 2025 - Russian drones struck two apartment blocks in Kharkiv overnight, killing three "
            "people and injuring 14, regional governor Oleh Syniehubov said on Tuesday.",
            "Firefighters worked through the night to put out the blaze on the upper floors, he said.",
        ],
    ),
    "kharkiv-toll": (
        "Kharkiv toll rises after overnight drone strike",
        [
            "KHARKIV, Nov 18, 2025 - The number of people killed in the overnight Russian drone strike on Kharkiv "
            "rose to five, the regional governor Oleh Syniehubov said on Tuesday evening.",
            "Rescuers found two more bodies under the rubble of one of the damaged buildings, he said.",
        ],
    ),
    "odesa-port": (
        "Missile strike damages Odesa port",
        [
            "ODESA, Nov 17, 2025 - A Russian missile strike damaged port infrastructure in Odesa on Monday, "
            "injuring four workers, the regional administration said.",
            "A grain warehouse and two cranes were hit, according to the port operator.",
        ],
    ),
    "zaporizhzhia-shelling": (
        "Shelling kills two in Zaporizhzhia",
        [
            "ZAPORIZHZHIA, Nov 16, 2025 - Russian shelling killed two people in Zaporizhzhia on Sunday, governor "
            "Ivan Fedorov said.",
            "A private house and a shop were destroyed in the attack, he added.",
        ],
    ),
    "sumy-drones": (
        "Drone attack on Sumy injures six",
        [
            "SUMY, Nov 15, 2025 - A Russian drone attack on Sumy injured six people on Saturday, the city's acting "
            "mayor said.",
            "Windows were blown out in several nearby buildings.",
        ],
    ),
    "dnipro-missile": (
        "Missile hits Dnipro industrial site",
        [
            "DNIPRO, Nov 14, 2025 - A Russian missile hit an industrial site in Dnipro on Friday, killing one worker, "
            "governor Serhiy Lysak said.",
            "Emergency crews put out the resulting fire within hours.",
        ],
    ),
    "kherson-artillery": (
        "Artillery fire wounds three in Kherson",
        [
            "KHERSON, Nov 13, 2025 - Russian artillery fire wounded three civilians in Kherson on Thursday, the "
            "regional military administration said.",
            "A bus stop and a pharmacy were damaged.",
        ],
    ),
}
