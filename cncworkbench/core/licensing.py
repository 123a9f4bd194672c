"""License plans and feature gating: the one place that names what each plan unlocks.

A license row (table ``licenses``) has a ``type`` (the plan) and ``features`` (JSONB). A
new license stores its plan's defaults here, possibly with overrides agreed in a sale
("enterprise with 40 machines"); a key the row lacks (a feature added by a later
release, or a row written by hand) falls back to the plan's default. Unknown keys are
refused when written and ignored when read.

The installation is one shop: the license *in force* (active, started, not ended) serves
everyone, and its ``seats`` cap how many different users are logged in at once (the
database enforces that at login, see migration 0007). With no license in force every
gated feature is refused, with a message that names the plan unlocking it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from cncworkbench.core.i18n import QT_TRANSLATE_NOOP, translate
from cncworkbench.errors import PermissionDenied, ValidationError


class Feature(StrEnum):
    """Capabilities a plan switches on or off (stored as booleans)."""

    CAM = "cam"
    SIMULATION = "simulation"
    ADAPTIVE_CLEARING = "adaptive_clearing"
    ERP_SYNC = "erp_sync"


class Limit(StrEnum):
    """Counted capabilities (stored as a whole number, or null for no limit)."""

    MACHINES = "max_machines"


# English; show them through feature_title() / translate("Licensing", ...).
FEATURE_TITLES = {
    Feature.CAM: QT_TRANSLATE_NOOP("Licensing", "CAM toolpaths and G-code"),
    Feature.SIMULATION: QT_TRANSLATE_NOOP("Licensing", "Program simulation"),
    Feature.ADAPTIVE_CLEARING: QT_TRANSLATE_NOOP("Licensing", "Adaptive clearing"),
    Feature.ERP_SYNC: QT_TRANSLATE_NOOP("Licensing", "ERP/MES synchronisation"),
}
LIMIT_NOUNS = {Limit.MACHINES: QT_TRANSLATE_NOOP("Licensing", "machines")}
# License statuses as people read them (the codes are LICENSE_STATUSES).
STATUS_WORDS = {
    "active": QT_TRANSLATE_NOOP("Licensing", "active"),
    "expired": QT_TRANSLATE_NOOP("Licensing", "expired"),
    "suspended": QT_TRANSLATE_NOOP("Licensing", "suspended"),
    "cancelled": QT_TRANSLATE_NOOP("Licensing", "cancelled"),
    "not_started": QT_TRANSLATE_NOOP("Licensing", "not started"),
}
FEATURE_KEYS = frozenset(feature.value for feature in Feature)
LIMIT_KEYS = frozenset(limit.value for limit in Limit)

MAX_SEATS = 1000
MAX_TERM = dt.timedelta(days=5 * 366)  # longer terms are typing errors
WARNING_DAYS = (30, 7, 1)  # expiry warnings, days before ends_at


@dataclass(frozen=True)
class Plan:
    type: str
    title: str
    rank: int
    paid: bool
    features: frozenset[Feature]
    limits: Mapping[Limit, int | None]
    default_term: dt.timedelta
    max_seats: int = MAX_SEATS

    def defaults(self) -> dict[str, Any]:
        """The plan's ``features`` JSON: every feature and limit, explicitly."""
        values: dict[str, Any] = {feature.value: feature in self.features for feature in Feature}
        values.update({limit.value: self.limits.get(limit) for limit in Limit})
        return values


PLANS: dict[str, Plan] = {
    plan.type: plan
    for plan in (
        Plan(
            "trial",
            "Trial",
            0,
            False,
            frozenset({Feature.CAM, Feature.SIMULATION, Feature.ADAPTIVE_CLEARING}),
            {Limit.MACHINES: 2},
            dt.timedelta(days=30),
            max_seats=2,
        ),
        Plan(
            "basic",
            "Basic",
            1,
            True,
            frozenset({Feature.CAM, Feature.SIMULATION}),
            {Limit.MACHINES: 2},
            dt.timedelta(days=365),
        ),
        Plan(
            "professional",
            "Professional",
            2,
            True,
            frozenset({Feature.CAM, Feature.SIMULATION, Feature.ADAPTIVE_CLEARING}),
            {Limit.MACHINES: 10},
            dt.timedelta(days=365),
        ),
        Plan(
            "enterprise",
            "Enterprise",
            3,
            True,
            frozenset(Feature),
            {Limit.MACHINES: None},
            dt.timedelta(days=365),
        ),
    )
}
LICENSE_TYPES = tuple(PLANS)
LICENSE_STATUSES = ("active", "expired", "suspended", "cancelled")


def feature_title(feature: Feature) -> str:
    """The feature's name in the reader's language."""
    return translate("Licensing", FEATURE_TITLES[feature])


def status_word(status: str) -> str:
    """A license status (or state) in the reader's language; an unknown code as it is."""
    word = STATUS_WORDS.get(status)
    return status if word is None else translate("Licensing", word)


def either(words) -> str:
    """``Basic or Professional``, in the reader's language."""
    return translate("Licensing", " or ").join(words)


class FeatureLocked(PermissionDenied):
    """The license in force does not include a feature (or allows fewer of something).

    ``plans`` are the titles of the paid plans that would allow it, cheapest first.
    """

    def __init__(self, message: str, feature: str, plans: tuple[str, ...]):
        super().__init__(message)
        self.feature = feature
        self.plans = plans


def plan(license_type: str) -> Plan:
    try:
        return PLANS[license_type]
    except KeyError:
        raise ValidationError(
            translate("Licensing", "Unknown license type '{type}'; use one of {types}.").format(
                type=str(license_type)[:30], types=", ".join(LICENSE_TYPES)
            )
        ) from None


def clean_features(license_type: str, overrides: Mapping[str, Any] | None = None) -> dict:
    """The ``features`` JSON to store: the plan's defaults with checked overrides."""
    values = plan(license_type).defaults()
    for key, value in (overrides or {}).items():
        if key in FEATURE_KEYS:
            if not isinstance(value, bool):
                raise ValidationError(
                    translate("Licensing", "The feature '{key}' must be true or false.").format(
                        key=key
                    )
                )
        elif key in LIMIT_KEYS:
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100000
            ):
                raise ValidationError(
                    translate(
                        "Licensing",
                        "The limit '{key}' must be a whole number from 0 to 100000, or empty "
                        "for no limit.",
                    ).format(key=key)
                )
        else:
            known = ", ".join([*Feature, *Limit])
            raise ValidationError(
                translate("Licensing", "Unknown feature '{key}'; known: {known}.").format(
                    key=str(key)[:40], known=known
                )
            )
        values[key] = value
    return values


def check_seats(license_type: str, seats: Any) -> int:
    if isinstance(seats, bool) or not isinstance(seats, int):
        raise ValidationError(translate("Licensing", "The number of seats must be a whole number."))
    if seats < 1:
        raise ValidationError(
            translate("Licensing", "A license needs at least 1 seat (got {seats}).").format(
                seats=seats
            )
        )
    limit = plan(license_type).max_seats
    if seats > limit:
        raise ValidationError(
            translate(
                "Licensing", "A {plan} license has at most {limit} seats (got {seats})."
            ).format(plan=plan(license_type).title, limit=limit, seats=seats)
        )
    return seats


def check_period(
    starts_at: dt.datetime, ends_at: dt.datetime, now: dt.datetime | None = None
) -> None:
    """A license period: the end after the start, and (with ``now``) still ahead and at
    most :data:`MAX_TERM` beyond the later of the start and ``now`` (so a license renewed
    year after year is never refused for its age)."""
    if starts_at.tzinfo is None or ends_at.tzinfo is None:
        raise ValueError("license periods are aware datetimes")
    if ends_at <= starts_at:
        raise ValidationError(
            translate(
                "Licensing", "The license would end ({ends} UTC) before it starts ({starts} UTC)."
            ).format(ends=f"{ends_at:%Y-%m-%d %H:%M}", starts=f"{starts_at:%Y-%m-%d %H:%M}")
        )
    if now is not None and ends_at <= now:
        raise ValidationError(
            translate(
                "Licensing", "The license would end ({ends} UTC) in the past; give a later end."
            ).format(ends=f"{ends_at:%Y-%m-%d %H:%M}")
        )
    if ends_at - max(starts_at, now or starts_at) > MAX_TERM:
        raise ValidationError(
            translate("Licensing", "A license term is at most five years; check the end date.")
        )


@dataclass(frozen=True)
class Grant:
    """What the license in force allows."""

    license_id: int
    type: str
    stored_features: Mapping[str, Any] = field(default_factory=dict)

    @property
    def plan(self) -> Plan:
        return plan(self.type)

    @property
    def features(self) -> dict[str, Any]:
        values = self.plan.defaults()
        values.update({k: v for k, v in self.stored_features.items() if k in values})
        return values

    def has(self, feature: Feature) -> bool:
        return self.features.get(feature.value) is True

    def limit(self, limit: Limit) -> int | None:
        value = self.features.get(limit.value)
        return value if isinstance(value, int) and not isinstance(value, bool) else None


def plans_with(feature: Feature) -> tuple[Plan, ...]:
    return tuple(p for p in PLANS.values() if p.paid and feature in p.features)


def _titles(plans: tuple[Plan, ...]) -> str:
    return either(p.title for p in plans)


def _no_license() -> str:
    return translate("Licensing", "there is none")


def check_feature(grant: Grant | None, feature: Feature, why_none: str | None = None) -> None:
    """Raise :class:`FeatureLocked` unless ``grant`` includes ``feature``; ``why_none``
    says why no license is in force (default: "there is none")."""
    if grant is not None and grant.has(feature):
        return
    unlocking = plans_with(feature)
    title = feature_title(feature)
    if grant is None:
        message = translate(
            "Licensing",
            "{feature} needs a license in force ({why}); the {plans} plan unlocks it.",
        ).format(feature=title, why=why_none or _no_license(), plans=_titles(unlocking))
    else:
        message = translate(
            "Licensing",
            "{feature} is not part of your {plan} license; the {plans} plan unlocks it.",
        ).format(feature=title, plan=grant.plan.title, plans=_titles(unlocking))
    raise FeatureLocked(message, feature.value, tuple(p.title for p in unlocking))


def check_limit(
    grant: Grant | None, limit: Limit, wanted: int, why_none: str | None = None
) -> None:
    """Raise :class:`FeatureLocked` when ``wanted`` exceeds the license's limit."""
    allowed = 0 if grant is None else grant.limit(limit)
    if allowed is None or wanted <= allowed:
        return
    noun = translate("Licensing", LIMIT_NOUNS[limit])

    def allowance(p: Plan) -> str:
        value = p.limits.get(limit)
        return translate("Licensing", "any number") if value is None else str(value)

    unlocking = tuple(
        p
        for p in PLANS.values()
        if p.paid and (p.limits.get(limit) is None or p.limits[limit] >= wanted)
    )
    offers = either(f"{p.title} ({allowance(p)})" for p in unlocking)
    if grant is None:
        message = translate(
            "Licensing",
            "Using {count} {noun} needs a license in force ({why}); the {plans} plan allows that.",
        ).format(count=wanted, noun=noun, why=why_none or _no_license(), plans=offers)
    else:
        message = translate(
            "Licensing",
            "Your {plan} license allows {allowed} {noun} and this would make {count}; the "
            "{plans} plan allows that.",
        ).format(plan=grant.plan.title, allowed=allowed, noun=noun, count=wanted, plans=offers)
    raise FeatureLocked(message, limit.value, tuple(p.title for p in unlocking))


def warning_due(ends_at: dt.datetime, now: dt.datetime) -> int | None:
    """The most urgent expiry warning due at ``now`` (30, 7 or 1 days before), or None.

    A warning whose time was missed (the check did not run) is superseded by the next
    one: 5 days before the end the 7-day warning is due, not the 30-day one as well.
    """
    left = ends_at - now
    if left <= dt.timedelta(0):
        return None
    due = [days for days in WARNING_DAYS if left <= dt.timedelta(days=days)]
    return min(due) if due else None
