"""Reading the record into report days, on small files of our own in the record's columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from reference_records import BAD, NIGHTS, write_record

from kronika.reference import ReferenceFileError
from kronika.reference.ivaniuk import group_days, read, source_body, weapon_of


def _days(tmp_path: Path, rows=NIGHTS, catalogue: bool = True):  # noqa: ANN001, ANN202
    result = read(write_record(tmp_path, rows, catalogue))
    return result, {(d.day, d.scope, d.period, d.command): d for d in group_days(result.rows)}


def test_overnight_and_daytime_reports_stay_apart(tmp_path: Path) -> None:
    _, days = _days(tmp_path)
    night = days[("2031-03-10", "national", "overnight", "national")]
    assert (night.drones_launched, night.drones_destroyed, night.missiles_launched, night.missiles_destroyed) == (
        120, 90, 8, 4)
    day = days[("2031-03-10", "national", "daytime", "national")]
    assert (day.drones_launched, day.drones_destroyed, day.missiles_launched) == (40, 38, 0)


def test_drones_that_did_not_reach_their_target_are_not_destroyed(tmp_path: Path) -> None:
    _, days = _days(tmp_path)
    night = days[("2031-03-10", "national", "overnight", "national")]
    assert (night.drones_destroyed, night.drones_not_reached) == (90, 25)


def test_regional_commands_never_add_to_the_nationwide_report(tmp_path: Path) -> None:
    _, days = _days(tmp_path)
    south = days[("2031-03-10", "regional", "overnight", "ua.air_command.south")]
    assert (south.drones_launched, south.targets) == (12, ["Odesa oblast"])
    assert days[("2031-03-10", "national", "overnight", "national")].drones_launched == 120
    monitor = days[("2031-03-12", "other", "overnight", "other:some_monitor")]
    assert monitor.missiles_launched == 3
    assert days[("2031-03-12", "national", "overnight", "national")].missiles_launched == 0


def test_an_evening_launch_goes_to_the_next_morning_report_with_its_post(tmp_path: Path) -> None:
    _, days = _days(tmp_path)
    morning = days[("2031-03-11", "national", "overnight", "national")]
    # Kinzhal at 21:00 on the 10th, counted in the 11th's post; the untimed Orlan row follows its post
    assert morning.missiles_launched == 1
    assert morning.drones_launched == 80 + 3 + 5
    assert ("2031-03-10", "national", "daytime", "national") in days  # the 10th keeps only its own daytime post


def test_a_model_missing_from_the_catalogue(tmp_path: Path) -> None:
    result, days = _days(tmp_path)
    assert result.unclassified == {"Mystery-9": 1}  # reported, counted as neither drone nor missile
    morning = days[("2031-03-11", "national", "overnight", "national")]
    assert morning.other_launched == 2  # Mystery-9's two
    assert weapon_of("Geran-3", {}) == "drone" and weapon_of("Kh-101 and Kalibr", {}) == "missile"


def test_without_a_catalogue_weapons_are_classified_by_name(tmp_path: Path) -> None:
    result, days = _days(tmp_path, catalogue=False)
    assert result.catalogue is None
    night = days[("2031-03-10", "national", "overnight", "national")]
    assert (night.drones_launched, night.missiles_launched) == (120, 8)


def test_guided_bombs_are_counted_apart(tmp_path: Path) -> None:
    _, days = _days(tmp_path)
    night = days[("2031-03-12", "national", "overnight", "national")]
    assert (night.drones_launched, night.missiles_launched, night.other_launched) == (50, 0, 4)


def test_bad_rows_get_a_line_each_and_the_rest_goes_on(tmp_path: Path) -> None:
    result, days = _days(tmp_path, NIGHTS + BAD)
    reasons = dict(result.rejected)
    first_bad = len(NIGHTS) + 2  # line numbers count the header as line 1
    assert sorted(reasons) == list(range(first_bad, first_bad + len(BAD)))
    assert "launched 'many' is not a number" in reasons[first_bad]
    assert "time_end 'yesterday'" in reasons[first_bad + 1]
    assert "before time_start" in reasons[first_bad + 2]
    assert "destroyed (10) is more than launched (5)" in reasons[first_bad + 3]
    assert "model is empty" in reasons[first_bad + 4]
    assert len(result.rows) == len(NIGHTS) and result.rows_read == len(NIGHTS) + len(BAD)
    assert days[("2031-03-10", "national", "overnight", "national")].drones_launched == 120


def test_a_file_that_is_not_the_record_is_refused_in_one_line(tmp_path: Path) -> None:
    other = tmp_path / "missile_attacks_daily.csv"
    other.write_text("date,count\n2031-01-01,3\n")
    with pytest.raises(ReferenceFileError, match="missing columns: time_start"):
        read(other)


def test_who_posted_a_row() -> None:
    assert source_body("kpszsu/posts/pfbid0") == ("ua.air_force", "national")
    assert source_body("https://t.me/kpszsu/123") == ("ua.air_force", "national")
    assert source_body("GeneralStaff.ua/posts/x") == ("ua.general_staff", "national")
    assert source_body("pvkshid/posts/x") == ("ua.air_command.east", "regional")
    assert source_body("https://t.me/some_monitor/9")[1] == "other"
