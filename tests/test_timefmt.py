import datetime as dt

from cncworkbench.core import timefmt


def test_stored_utc_is_shown_in_the_users_zone():
    stored = dt.datetime(2026, 11, 25, 11, 5)  # naive UTC, as TIMESTAMP columns hold it
    assert timefmt.short(stored) == "2026-11-25 14:05"  # Istanbul, UTC+3 all year
    assert timefmt.short(stored, "Europe/Berlin") == "2026-11-25 12:05"
    assert timefmt.short(stored.replace(tzinfo=dt.UTC), "UTC") == "2026-11-25 11:05"
    assert timefmt.short(stored, "Not/AZone") == "2026-11-25 14:05"
    assert timefmt.short(None) == ""
