"""Times as people read them: stored in UTC, shown in the user's time zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo

DEFAULT_ZONE = "Europe/Istanbul"


def in_zone(value: dt.datetime, zone: str | None = None) -> dt.datetime:
    """``value`` (aware, or naive UTC as stored) in ``zone`` (default Europe/Istanbul)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    try:
        tz = zoneinfo.ZoneInfo(zone or DEFAULT_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        tz = zoneinfo.ZoneInfo(DEFAULT_ZONE)
    return value.astimezone(tz)


def short(value: dt.datetime | None, zone: str | None = None) -> str:
    """``2026-11-25 16:05`` in the zone; empty for None."""
    return in_zone(value, zone).strftime("%Y-%m-%d %H:%M") if value is not None else ""
