"""Licenses: the plan in force, feature gating, seats, plan changes and expiry.

The installation is one shop (migration 0007): the license *in force* serves every
account, its ``seats`` cap how many different users are logged in at once (enforced by
``cnc_login``), and its features decide what the workbench unlocks
(:mod:`cncworkbench.core.licensing` names them). Only one active license may cover any
moment, so "the license in force" is never a matter of choice.

A trial becomes a paid plan on the same row (:func:`change_plan`, or paying a license
invoice, :mod:`cncworkbench.services.commerce.billing`): its id, holder and history stay; the
audit trail keeps every earlier value. Expiry (:func:`run_expiry`) is for a worker, cron
or the CLI (``cncworkbench license expiry``); it is idempotent. Between its runs,
gating and seats already treat a license past its end as not in force.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from cncworkbench.core import licensing, localefmt, timefmt
from cncworkbench.core.i18n import translate
from cncworkbench.core.licensing import Feature, Grant
from cncworkbench.core.permissions import Permission, require
from cncworkbench.db import security
from cncworkbench.db.base import utcnow
from cncworkbench.db.models import (
    License,
    LicenseWarning,
    Notification,
    User,
    user_directory,
)
from cncworkbench.db.models import Session as SessionRow
from cncworkbench.errors import PermissionDenied, ValidationError
from cncworkbench.services.access import audit
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.access.identity import SeatHolder

# pg_advisory_xact_lock key: license changes one at a time, so two admins cannot both
# add an active license for the same months.
LICENSE_CHANGES_LOCK = (7244, 1)
WARNING_SEVERITY = {30: "info", 7: "warning", 1: "critical"}


@dataclass(frozen=True)
class LicenseInfo:
    """A license as the settings dialog shows it."""

    id: int
    holder_id: int
    holder_email: str | None
    type: str
    plan_title: str
    status: str  # as stored
    state: str  # now: active, not_started, expired, suspended, cancelled
    in_force: bool
    seats: int
    features: dict[str, Any]  # effective: the plan's defaults under the stored values
    starts_at: dt.datetime
    ends_at: dt.datetime
    auto_renew: bool
    days_left: int | None  # whole days until ends_at while it is active


@dataclass(frozen=True)
class SeatUsage:
    license: LicenseInfo | None
    seats: int | None  # None: no license in force, logins are not counted
    holders: tuple[SeatHolder, ...]

    @property
    def free(self) -> int | None:
        return None if self.seats is None else max(0, self.seats - len(self.holders))


@dataclass
class ExpiryReport:
    expired: list[int] = field(default_factory=list)
    # (license id, days before the end, users notified)
    warned: list[tuple[int, int, int]] = field(default_factory=list)
    overdue: list[int] = field(default_factory=list)  # invoices marked overdue (housekeeping)

    def line(self) -> str:
        """One line for people (the CLI, cron mail), in the reader's language."""
        warning = translate("Licensing", "#{id} ({days} d, {users} users)")
        warned = ", ".join(warning.format(id=i, days=days, users=n) for i, days, n in self.warned)
        expired = ", ".join(f"#{i}" for i in self.expired)
        overdue = ", ".join(f"#{i}" for i in self.overdue)
        return (
            translate("Licensing", "{count} licenses expired").format(count=len(self.expired))
            + (f" ({expired})" if expired else "")
            + translate("Licensing", "; {count} expiry warnings sent").format(
                count=len(self.warned)
            )
            + (f": {warned}" if warned else "")
            + translate("Licensing", "; {count} invoices overdue").format(count=len(self.overdue))
            + (f" ({overdue})" if overdue else "")
        )


# ------------------------------------------------------------------------------ reading
def _state(row: License, now: dt.datetime) -> str:
    if row.status != "active":
        return row.status
    if row.ends_at <= now:
        return "expired"
    if row.starts_at > now:
        return "not_started"
    return "active"


def _info(row: License, email: str | None, in_force_id: int | None, now) -> LicenseInfo:
    state = _state(row, now)
    return LicenseInfo(
        id=row.id,
        holder_id=row.user_id,
        holder_email=email,
        type=row.type,
        plan_title=licensing.plan(row.type).title,
        status=row.status,
        state=state,
        in_force=row.id == in_force_id,
        seats=row.seats or 1,
        features=Grant(row.id, row.type, row.features or {}).features,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        auto_renew=bool(row.auto_renew),
        days_left=(row.ends_at - now).days if state == "active" else None,
    )


def in_force_id(session: Session) -> int | None:
    return session.execute(sa.select(sa.func.cnc_license_in_force_id())).scalar()


def list_licenses(session: Session) -> list[LicenseInfo]:
    """Every license, newest end first (every role may read them)."""
    now = utcnow()
    current = in_force_id(session)
    rows = session.execute(
        sa.select(License, user_directory.c.email)
        .outerjoin(user_directory, user_directory.c.id == License.user_id)
        .order_by(License.ends_at.desc(), License.id.desc())
    )
    return [_info(row, email, current, now) for row, email in rows]


def current_license(session: Session) -> LicenseInfo | None:
    """The license in force, or None."""
    return next((info for info in list_licenses(session) if info.in_force), None)


def _why_none(session: Session, now: dt.datetime) -> str:
    latest = session.scalar(sa.select(License).order_by(License.ends_at.desc(), License.id.desc()))
    state = None if latest is None else _state(latest, now)
    if state == "expired":
        return translate("Licensing", "license #{id} expired on {when}").format(
            id=latest.id, when=timefmt.short(latest.ends_at)
        )
    if state == "not_started":
        return translate("Licensing", "license #{id} starts on {when}").format(
            id=latest.id, when=timefmt.short(latest.starts_at)
        )
    if state == "suspended":
        return translate("Licensing", "license #{id} is suspended").format(id=latest.id)
    if state == "cancelled":
        return translate("Licensing", "license #{id} was cancelled").format(id=latest.id)
    return translate("Licensing", "there is none")


def grant(session: Session) -> Grant | None:
    row = session.scalar(sa.select(License).where(License.id == sa.func.cnc_license_in_force_id()))
    return None if row is None else Grant(row.id, row.type, row.features or {})


def require_feature(session: Session, feature: Feature) -> None:
    """Raise :class:`~cncworkbench.core.licensing.FeatureLocked` (naming the plan that
    unlocks it) unless the license in force includes ``feature``."""
    current = grant(session)
    if current is None:
        licensing.check_feature(None, feature, _why_none(session, utcnow()))
    licensing.check_feature(current, feature)


def has_feature(session: Session, feature: Feature) -> bool:
    """For greying out what the license does not include."""
    current = grant(session)
    return current is not None and current.has(feature)


# ------------------------------------------------------------------------------ changes
def to_moment(value: dt.datetime | dt.date) -> dt.datetime:
    """An aware datetime; a date means 00:00 Istanbul time that day."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            raise ValueError("license times are aware datetimes (or dates)")
        return value.astimezone(dt.UTC)
    if isinstance(value, dt.date):
        zone = zoneinfo.ZoneInfo(timefmt.DEFAULT_ZONE)
        midnight = dt.datetime.combine(value, dt.time(0), tzinfo=zone)
        return midnight.astimezone(dt.UTC)
    raise TypeError(f"expected a datetime or a date, not {type(value)}")


def _serialise(session: Session) -> None:
    session.execute(sa.select(sa.func.pg_advisory_xact_lock(*LICENSE_CHANGES_LOCK)))


def _refuse_overlap(
    session: Session, starts: dt.datetime, ends: dt.datetime, except_id: int | None = None
) -> None:
    clash = session.scalar(
        sa.select(License)
        .where(
            License.status == "active",
            License.starts_at < ends,
            License.ends_at > starts,
            License.id != (except_id or 0),
        )
        .order_by(License.id)
    )
    if clash is not None:
        raise ValidationError(
            translate(
                "Licensing",
                "License #{id} ({plan}) is active from {starts} to {ends}, which overlaps; "
                "change or renew that license instead of adding another.",
            ).format(
                id=clash.id,
                plan=licensing.plan(clash.type).title,
                starts=timefmt.short(clash.starts_at),
                ends=timefmt.short(clash.ends_at),
            )
        )


def lock_for_change(session: Session, license_id: int) -> License:
    """The license row, locked for this transaction after the license-changes lock.

    Take it before anything is audited in the transaction: a login locks the license
    row and then the audit chain's head, so the other order could deadlock.
    """
    _serialise(session)
    row = session.scalar(sa.select(License).where(License.id == license_id).with_for_update())
    if row is None:
        raise ValidationError(_no_such_license(license_id))
    return row


def _no_such_license(license_id: int) -> str:
    return translate("Licensing", "There is no license #{id}.").format(id=license_id)


def default_holder(session: Session) -> User:
    """Who holds a license when nobody is named: the first active administrator."""
    admin = session.scalar(
        sa.select(User)
        .where(User.role == "admin", User.is_active.is_not(False))
        .order_by(User.id)
        .limit(1)
    )
    if admin is None:
        raise ValidationError(
            translate(
                "Licensing", "There is no active administrator to hold the license; name one."
            )
        )
    return admin


def add_license(
    session: Session,
    actor: Actor,
    holder_id: int,
    license_type: str,
    seats: int = 1,
    starts_at: dt.datetime | dt.date | None = None,
    ends_at: dt.datetime | dt.date | None = None,
    features: dict[str, Any] | None = None,
    auto_renew: bool = False,
) -> License:
    """A new active license. Without ``ends_at`` it runs for the plan's default term
    (trial 30 days, others a year). An installation gets one trial, before any other."""
    require(actor.role, Permission.LICENSE_MANAGE)
    plan = licensing.plan(license_type)
    seats = licensing.check_seats(license_type, seats)
    now = utcnow()
    starts = to_moment(starts_at) if starts_at is not None else now
    ends = to_moment(ends_at) if ends_at is not None else starts + plan.default_term
    licensing.check_period(starts, ends, now)
    values = licensing.clean_features(license_type, features)
    holder = session.get(User, holder_id)
    if holder is None or holder.is_active is False:
        raise ValidationError(
            translate(
                "Licensing", "There is no active user with id {id} to hold the license."
            ).format(id=holder_id)
        )
    _serialise(session)
    if license_type == "trial":
        earlier = session.scalar(sa.select(License.id).order_by(License.id).limit(1))
        if earlier is not None:
            raise ValidationError(
                translate(
                    "Licensing",
                    "This installation has had a license already (#{id}); a trial is only for "
                    "a new installation.",
                ).format(id=earlier)
            )
    _refuse_overlap(session, starts, ends)
    row = License(
        user_id=holder.id,
        type=license_type,
        status="active",
        seats=seats,
        features=values,
        starts_at=starts,
        ends_at=ends,
        auto_renew=bool(auto_renew),
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, "license.create", "licenses", row.id, audit.snapshot(row))
    return row


def change_plan(
    session: Session,
    actor: Actor,
    license_id: int,
    license_type: str | None = None,
    seats: int | None = None,
    features: dict[str, Any] | None = None,
    ends_at: dt.datetime | dt.date | None = None,
    auto_renew: bool | None = None,
    action: str = "license.change",
) -> License:
    """Change a license in place: a trial converting to a paid plan keeps its row.

    A new type brings that plan's features unless ``features`` are given; an expired
    license whose new end lies ahead becomes active again.
    """
    require(actor.role, Permission.LICENSE_MANAGE)
    row = lock_for_change(session, license_id)
    before = audit.snapshot(row)
    _apply(session, row, license_type, seats, features, ends_at, auto_renew, strict=True)
    session.flush()
    changes = audit.changes_between(before, audit.snapshot(row))
    if changes:
        audit.record(session, actor, action, "licenses", row.id, audit.snapshot(row), changes)
    return row


def cancelled_message(license_id: int) -> str:
    """Why a cancelled license cannot be changed (billing says it too)."""
    return translate("Licensing", "License #{id} was cancelled; add a new license instead.").format(
        id=license_id
    )


def _apply(
    session: Session,
    row: License,
    license_type: str | None,
    seats: int | None,
    features: dict[str, Any] | None,
    ends_at: dt.datetime | dt.date | None,
    auto_renew: bool | None,
    strict: bool = False,
) -> None:
    """``strict``: a changed end must lie ahead (a purchase being settled late may
    still extend a license to a day already past; it is then expired at once)."""
    if row.status == "cancelled":
        raise ValidationError(cancelled_message(row.id))
    new_type = row.type if license_type is None else license_type
    plan = licensing.plan(new_type)
    if new_type == "trial" and row.type != "trial":
        raise ValidationError(translate("Licensing", "A paid license cannot become a trial."))
    new_seats = licensing.check_seats(new_type, (row.seats or 1) if seats is None else seats)
    if features is not None:
        values = licensing.clean_features(new_type, features)
    elif new_type != row.type:
        values = plan.defaults()
    else:
        values = row.features
    ends = row.ends_at if ends_at is None else to_moment(ends_at)
    now = utcnow()
    licensing.check_period(row.starts_at, ends, now if strict and ends != row.ends_at else None)
    status = row.status
    if status == "expired" and ends > now:
        status = "active"
    if status == "active":
        _refuse_overlap(session, row.starts_at, ends, except_id=row.id)
    row.type, row.seats, row.features, row.ends_at, row.status = (
        new_type,
        new_seats,
        values,
        ends,
        status,
    )
    if auto_renew is not None:
        row.auto_renew = bool(auto_renew)


def renew(session: Session, actor: Actor, license_id: int, until: dt.datetime | dt.date) -> License:
    """Move the end of a license later (an expired one becomes active again)."""
    require(actor.role, Permission.LICENSE_MANAGE)
    row = session.get(License, license_id)
    if row is None:
        raise ValidationError(_no_such_license(license_id))
    if to_moment(until) <= row.ends_at:
        raise ValidationError(
            translate(
                "Licensing", "License #{id} already runs until {ends}; a renewal ends later."
            ).format(id=license_id, ends=timefmt.short(row.ends_at))
        )
    return change_plan(session, actor, license_id, ends_at=until, action="license.renew")


def apply_effect(session: Session, actor: Actor, effect: dict[str, Any]) -> License:
    """What a paid license invoice line grants (billing calls this when the invoice is
    settled): plan, seats, and an end no earlier than the current one. Idempotent."""
    row = lock_for_change(session, effect["license_id"])
    before = audit.snapshot(row)
    until = dt.datetime.fromisoformat(effect["ends_at"])
    _apply(
        session,
        row,
        effect["type"],
        effect["seats"],
        None,
        max(until, row.ends_at),
        None,
    )
    if row.status == "suspended" and row.ends_at > utcnow():
        _refuse_overlap(session, row.starts_at, row.ends_at, except_id=row.id)
        row.status = "active"  # suspended for want of payment: paid now
    session.flush()
    changes = audit.changes_between(before, audit.snapshot(row))
    if changes:
        audit.record(
            session, actor, "license.purchase", "licenses", row.id, audit.snapshot(row), changes
        )
    return row


STATUS_MOVES = {
    "suspended": ("active",),
    "cancelled": ("active", "suspended", "expired"),
    "active": ("suspended",),
}


def set_status(session: Session, actor: Actor, license_id: int, status: str) -> License:
    """Suspend, cancel or reactivate (a suspended license) by hand; expiry is
    :func:`run_expiry`'s."""
    require(actor.role, Permission.LICENSE_MANAGE)
    if status not in STATUS_MOVES:
        raise ValidationError(
            translate(
                "Licensing", "A license can be set to {statuses} by hand, not '{status}'."
            ).format(
                statuses=", ".join(licensing.status_word(s) for s in STATUS_MOVES),
                status=status[:20],
            )
        )
    row = lock_for_change(session, license_id)
    if row.status == status:
        return row
    if row.status not in STATUS_MOVES[status]:
        raise ValidationError(
            translate("Licensing", "License #{id} is {status}; it cannot become {wanted}.").format(
                id=row.id,
                status=licensing.status_word(row.status),
                wanted=licensing.status_word(status),
            )
        )
    if status == "active":
        if row.ends_at <= utcnow():
            raise ValidationError(
                translate("Licensing", "License #{id} ended on {ends}; renew it instead.").format(
                    id=row.id, ends=timefmt.short(row.ends_at)
                )
            )
        _refuse_overlap(session, row.starts_at, row.ends_at, except_id=row.id)
    before = row.status
    row.status = status
    session.flush()
    audit.record(
        session,
        actor,
        "license.status",
        "licenses",
        row.id,
        audit.snapshot(row),
        {"status": [before, status]},
    )
    return row


# -------------------------------------------------------------------------------- seats
def seat_usage(session: Session, actor: Actor) -> SeatUsage:
    """Who holds the seats now (each user with live sessions, oldest first)."""
    require(actor.role, Permission.LICENSE_MANAGE)
    now = utcnow()
    rows = session.execute(
        sa.select(SessionRow, user_directory.c.email)
        .join(user_directory, user_directory.c.id == SessionRow.user_id)
        .where(
            SessionRow.revoked_at.is_(None),
            SessionRow.expires_at > now,
            user_directory.c.is_active.is_not(False),
        )
        .order_by(SessionRow.created_at, SessionRow.id)
    )
    by_user: dict[int, list] = {}
    emails: dict[int, str] = {}
    for row, email in rows:
        by_user.setdefault(row.user_id, []).append(row)
        emails[row.user_id] = email
    holders = tuple(
        SeatHolder(
            user_id=user_id,
            email=emails[user_id],
            since=sessions[0].created_at,
            session_ids=tuple(s.id for s in sessions),
            user_agents=tuple(s.user_agent for s in sessions if s.user_agent),
        )
        for user_id, sessions in by_user.items()
    )
    current = current_license(session)
    return SeatUsage(current, None if current is None else current.seats, holders)


def end_session(session: Session, actor: Actor, session_id: int) -> None:
    """End someone's session (it frees their seat if it was their last)."""
    require(actor.role, Permission.LICENSE_MANAGE)
    if not security.revoke_session(session, session_id):
        raise ValidationError(
            translate("Licensing", "There is no session #{id}.").format(id=session_id)
        )


# ------------------------------------------------------------------------------- expiry
def _privileged(session: Session) -> bool:
    return bool(session.execute(sa.text("SELECT cnc_caller_is_privileged()")).scalar())


def _recipients(session: Session, row: License) -> dict[int, str | None]:
    """The holder and the active administrators, with their languages (through the
    directory view, which the workers may read; the users table they may not)."""
    found = session.execute(
        sa.select(user_directory.c.id, user_directory.c.locale).where(
            sa.or_(
                user_directory.c.id == row.user_id,
                sa.and_(user_directory.c.role == "admin", user_directory.c.is_active.is_not(False)),
            )
        )
    )
    languages = {entry.id: entry.locale for entry in found}
    return {user_id: languages.get(user_id) for user_id in sorted({row.user_id, *languages})}


def _warning_text(row: License, days: int) -> tuple[str, str]:
    """(title, message) in the language spoken now."""
    plan = licensing.plan(row.type)
    granted = Grant(row.id, row.type, row.features or {})
    unlocked = [licensing.feature_title(f) for f in Feature if granted.has(f)]
    if days == 1:
        title = translate("Licensing", "Your license ends tomorrow")
    else:
        title = translate("Licensing", "Your license ends in {days} days").format(days=days)
    message = translate(
        "Licensing",
        "The {plan} license #{id} ({seats} seats) ends on {when} (Istanbul time). Renew it to "
        "keep {features}.",
    ).format(
        plan=plan.title,
        id=row.id,
        seats=row.seats or 1,
        when=timefmt.short(row.ends_at),
        features=", ".join(unlocked) or translate("Licensing", "using the workbench"),
    )
    return title, message


def _warn(session: Session, row: License, days: int) -> int:
    recipients = _recipients(session, row)
    for user_id, language in recipients.items():
        # Each in their own language (CNC_LOCALE, when set, decides for everyone).
        with localefmt.speaking(None if localefmt.forced() else language):
            title, message = _warning_text(row, days)
        session.add(
            Notification(
                user_id=user_id,
                type="license_expiry",
                severity=WARNING_SEVERITY[days],
                title=title,
                message=message,
                data={
                    "license_id": row.id,
                    "ends_at": row.ends_at.isoformat(),
                    "days_before": days,
                },
                expires_at=row.ends_at,
            )
        )
    return len(recipients)


def run_expiry(session: Session, actor: Actor, now: dt.datetime | None = None) -> ExpiryReport:
    """Expire licenses past their end and send the 30/7/1-day warnings, each once.

    Safe to run as often as wanted and from several places at once. Needs the database
    owner's or a worker's credentials (it notifies other users).
    """
    if not _privileged(session):
        raise PermissionDenied(
            translate(
                "Licensing",
                "License expiry runs with the database owner's or a worker's credentials "
                "(`cncworkbench license expiry`).",
            )
        )
    now = now or utcnow()
    report = ExpiryReport()
    _serialise(session)  # lock order as in change_plan: changes lock, license rows, audit
    due = session.scalars(
        sa.select(License)
        .where(License.status == "active", License.ends_at <= now)
        .order_by(License.id)
        .with_for_update()
    ).all()
    for row in due:
        row.status = "expired"
        session.flush()
        audit.record(
            session,
            actor,
            "license.expire",
            "licenses",
            row.id,
            audit.snapshot(row),
            {"status": ["active", "expired"]},
        )
        report.expired.append(row.id)
    horizon = now + dt.timedelta(days=max(licensing.WARNING_DAYS))
    ending = session.scalars(
        sa.select(License)
        .where(License.status == "active", License.ends_at > now, License.ends_at <= horizon)
        .order_by(License.id)
    ).all()
    for row in ending:
        days = licensing.warning_due(row.ends_at, now)
        if days is None:
            continue
        # The missed, earlier warnings are marked too: one warning per run, never a burst.
        marked = session.scalars(
            pg_insert(LicenseWarning)
            .values(
                [
                    {"license_id": row.id, "ends_at": row.ends_at, "days_before": d}
                    for d in licensing.WARNING_DAYS
                    if d >= days
                ]
            )
            .on_conflict_do_nothing()
            .returning(LicenseWarning.days_before)
        ).all()
        if days not in marked:
            continue
        notified = _warn(session, row, days)
        audit.record(
            session,
            actor,
            "license.expiry_warning",
            "licenses",
            row.id,
            {"days_before": days, "ends_at": row.ends_at.isoformat(), "notified": notified},
        )
        report.warned.append((row.id, days, notified))
    session.flush()
    return report
