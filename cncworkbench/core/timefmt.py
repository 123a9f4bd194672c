"""Times as people read them: stored in UTC, shown in the user's time zone and written
the way the user's language writes them (Turkish ``25.11.2026 14:05``, English
``2026-11-25 14:05``)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from cncworkbench.core import localefmt

DEFAULT_ZONE = "Europe/Istanbul"
DATE_FORMATS = {"tr": "%d.%m.%Y", "en": "%Y-%m-%d"}


def in_zone(value: dt.datetime, zone: str | None = None) -> dt.datetime:
    """``value`` (aware, or naive UTC as stored) in ``zone`` (default Europe/Istanbul)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    try:
        tz = zoneinfo.ZoneInfo(zone or DEFAULT_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = zoneinfo.ZoneInfo(DEFAULT_ZONE)
    return value.astimezone(tz)


def _date_format(locale: str | None) -> str:
    return DATE_FORMATS[localefmt.normalise(locale) or localefmt.current()]


def short(value: dt.datetime | None, zone: str | None = None, locale: str | None = None) -> str:
    """``25.11.2026 16:05`` (Turkish) or ``2026-11-25 16:05`` (English) in the zone; empty
    for None. ``locale`` defaults to the language the program is shown in."""
    if value is None:
        return ""
    return in_zone(value, zone).strftime(f"{_date_format(locale)} %H:%M")


def day(value: dt.date | dt.datetime | None, zone: str | None = None, locale=None) -> str:
    """The date alone: ``25.11.2026`` / ``2026-11-25`` (a datetime in the zone)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = in_zone(value, zone)
    return value.strftime(_date_format(locale))
