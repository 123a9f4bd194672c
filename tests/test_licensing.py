"""Licenses: plans and feature gating, seats enforced at login (race-free), plan changes
on the same row, expiry with 30/7/1-day warnings, and the ``license`` command.

Everything that touches the database runs against the real PostgreSQL, as the database
owner (the CLI) or logged in through cnc_app (the desktop client, row-level security).
"""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from cncworkbench.cli import main
from cncworkbench.core import licensing
from cncworkbench.core.licensing import Feature, FeatureLocked, Grant, Limit
from cncworkbench.db.base import utcnow
from cncworkbench.db.models import AuditLog, License, LicenseWarning, Notification, SecurityEvent
from cncworkbench.db.models import Session as SessionRow
from cncworkbench.errors import PermissionDenied, ValidationError
from cncworkbench.services.access import audit, identity, licenses
from cncworkbench.services.access.audit import Actor
from cncworkbench.services.access.identity import LoginFailed, SeatsFull
from cncworkbench.services.commerce import billing
from cncworkbench.services.context import AppContext
from tests.support.people import PASSWORD, make_user

OWNER = Actor.system()
DAY = dt.timedelta(days=1)


def count(db, table) -> int:
    with db.session() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(table))


def actions(db, prefix: str) -> list[str]:
    with db.session() as session:
        return list(
            session.scalars(
                sa.select(AuditLog.action)
                .where(AuditLog.action.like(f"{prefix}%"))
                .order_by(AuditLog.id)
            )
        )


def add(db, holder, kind="professional", seats=5, **kwargs) -> int:
    with db.session() as session:
        return licenses.add_license(session, OWNER, holder, kind, seats=seats, **kwargs).id


@pytest.fixture
def holder(db):
    return make_user(db, "patron@atolye.example", "admin")


# ----------------------------------------------------------------- plans (pure Python)
def test_feature_gating_names_the_plan_that_unlocks_it():
    basic = Grant(1, "basic")
    assert basic.has(Feature.CAM) and not basic.has(Feature.ADAPTIVE_CLEARING)
    with pytest.raises(FeatureLocked) as locked:
        licensing.check_feature(basic, Feature.ADAPTIVE_CLEARING)
    assert str(locked.value) == (
        "Adaptive clearing is not part of your Basic license; the Professional or "
        "Enterprise plan unlocks it."
    )
    assert locked.value.plans == ("Professional", "Enterprise")
    with pytest.raises(FeatureLocked, match=r"ERP/MES .* needs a license in force \(there is none"):
        licensing.check_feature(None, Feature.ERP_SYNC)
    # an override agreed in a sale counts; a trial is never offered as "the plan"
    licensing.check_feature(Grant(1, "basic", {"erp_sync": True}), Feature.ERP_SYNC)
    assert [p.title for p in licensing.plans_with(Feature.SIMULATION)] == [
        "Basic",
        "Professional",
        "Enterprise",
    ]


def test_limits_name_the_plans_that_allow_more():
    with pytest.raises(FeatureLocked) as locked:
        licensing.check_limit(Grant(1, "basic"), Limit.MACHINES, 3)
    assert str(locked.value) == (
        "Your Basic license allows 2 machines and this would make 3; the Professional (10) "
        "or Enterprise (any number) plan allows that."
    )
    licensing.check_limit(Grant(1, "enterprise"), Limit.MACHINES, 500)
    licensing.check_limit(Grant(1, "basic", {"max_machines": 4}), Limit.MACHINES, 4)


@pytest.mark.parametrize(
    ("kind", "seats", "message"),
    [
        ("basic", 0, "at least 1 seat"),
        ("basic", -3, "at least 1 seat"),
        ("basic", True, "whole number"),
        ("basic", 2.5, "whole number"),
        ("basic", 1001, "at most 1000 seats"),
        ("trial", 3, "Trial license has at most 2 seats"),
        ("gold", 1, "Unknown license type 'gold'; use one of trial, basic, professional"),
    ],
)
def test_bad_seat_numbers_are_refused(kind, seats, message):
    with pytest.raises(ValidationError, match=message):
        licensing.check_seats(kind, seats)


def test_periods_and_features_are_checked():
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with pytest.raises(ValidationError, match=r"would end .* before it starts"):
        licensing.check_period(start, start - DAY)
    with pytest.raises(ValidationError, match="at most five years"):
        licensing.check_period(start, start + 6 * 366 * DAY)
    with pytest.raises(ValidationError, match="in the past"):
        licensing.check_period(start, start + DAY, now=start + 2 * DAY)
    # renewed year after year: the five years count from now, not from the first start
    licensing.check_period(start, start + 8 * 365 * DAY, now=start + 6 * 365 * DAY)
    with pytest.raises(ValidationError, match="Unknown feature 'teleport'"):
        licensing.clean_features("basic", {"teleport": True})
    with pytest.raises(ValidationError, match="'cam' must be true or false"):
        licensing.clean_features("basic", {"cam": "yes"})
    with pytest.raises(ValidationError, match="'max_machines' must be a whole number"):
        licensing.clean_features("basic", {"max_machines": -1})
    assert licensing.clean_features("professional", {"max_machines": None})["max_machines"] is None


@pytest.mark.parametrize(
    ("left", "due"),
    [
        (31 * DAY, None),
        (30 * DAY, 30),
        (10 * DAY, 30),
        (7 * DAY, 7),
        (5 * DAY, 7),
        (DAY, 1),
        (dt.timedelta(hours=2), 1),
        (dt.timedelta(0), None),
    ],
)
def test_which_expiry_warning_is_due(left, due):
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    assert licensing.warning_due(now + left, now) == due


# ------------------------------------------------------------------- licenses (database)
def test_a_license_is_stored_with_its_plan_and_audited(db, holder):
    license_id = add(db, holder, "professional", seats=5, auto_renew=True)
    with db.session() as session:
        current = licenses.current_license(session)
        assert current.id == license_id and current.in_force and current.state == "active"
        assert (current.type, current.seats, current.auto_renew) == ("professional", 5, True)
        assert current.holder_email == "patron@atolye.example"
        assert current.features["adaptive_clearing"] is True
        assert current.features["max_machines"] == 10
        assert current.days_left in (364, 365)
        row = session.get(License, license_id)
        assert row.features == licensing.PLANS["professional"].defaults()  # JSONB, explicit
    assert actions(db, "license.") == ["license.create"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"seats": 0}, "at least 1 seat"),
        ({"license_type": "platinum"}, "Unknown license type 'platinum'"),
        ({"ends_at": dt.date(2020, 1, 1)}, "before it starts"),
        (
            {"starts_at": dt.date(2020, 1, 1), "ends_at": dt.date(2021, 1, 1)},
            r"would end .* in the past",
        ),
        ({"ends_at": dt.date.today() + dt.timedelta(days=7 * 365)}, "at most five years"),
        ({"features": {"cam": "evet"}}, "must be true or false"),
        ({"features": {"<script>": True}}, "Unknown feature '<script>'"),
        ({"holder_id": 999999}, "no active user with id 999999"),
    ],
)
def test_bad_licenses_are_refused_and_nothing_is_stored(db, holder, kwargs, message):
    before = (count(db, License), count(db, AuditLog))
    arguments = {"holder_id": holder, "license_type": "basic", "seats": 3, **kwargs}
    with pytest.raises(ValidationError, match=message), db.session() as session:
        licenses.add_license(session, OWNER, **arguments)
    assert (count(db, License), count(db, AuditLog)) == before


def test_only_one_active_license_covers_a_moment_and_a_trial_comes_first(db, holder):
    first = add(db, holder, "basic", seats=2)
    with pytest.raises(ValidationError, match=rf"License #{first} .* overlaps"):
        add(db, holder, "enterprise", seats=50)
    with pytest.raises(ValidationError, match="a trial is only for a new installation"):
        add(db, holder, "trial", seats=1, starts_at=dt.date.today() + dt.timedelta(days=400))
    # the next year's license may be added ahead of time
    year = add(
        db,
        holder,
        "basic",
        seats=2,
        starts_at=dt.date.today() + dt.timedelta(days=400),
        ends_at=dt.date.today() + dt.timedelta(days=765),
    )
    with db.session() as session:
        assert licenses.in_force_id(session) == first
        states = {info.id: info.state for info in licenses.list_licenses(session)}
    assert states == {first: "active", year: "not_started"}


def test_users_below_administrator_cannot_manage_licenses(db, holder, app_context):
    make_user(db, "muhendis@atolye.example", "engineer")
    engineer = identity.sign_in(app_context, "muhendis@atolye.example", PASSWORD)
    try:
        with engineer.db.session() as session:
            with pytest.raises(PermissionDenied):
                licenses.add_license(session, engineer.actor, holder, "basic", seats=2)
            with pytest.raises(PermissionDenied):
                licenses.seat_usage(session, engineer.actor)
        # and the database refuses a raw insert as well (row-level security)
        with (
            pytest.raises(sa.exc.ProgrammingError, match="row-level security"),
            engineer.db.session() as session,
        ):
            session.execute(
                sa.text(
                    "INSERT INTO licenses (user_id, type, status, seats, features, starts_at, "
                    "ends_at) VALUES (:u, 'enterprise', 'active', 999, '{}', now(), "
                    "now() + interval '1 year')"
                ),
                {"u": holder},
            )
    finally:
        engineer.close()
    assert count(db, License) == 0


def test_gating_says_why_there_is_no_license(db, holder):
    with db.session() as session, pytest.raises(FeatureLocked, match=r"\(there is none\)"):
        licenses.require_feature(session, Feature.CAM)
    license_id = add(db, holder, "basic", seats=2)
    with db.session() as session:
        licenses.require_feature(session, Feature.CAM)
        assert not licenses.has_feature(session, Feature.ERP_SYNC)
        with pytest.raises(FeatureLocked, match="not part of your Basic license; the Enterprise"):
            licenses.require_feature(session, Feature.ERP_SYNC)
        licenses.set_status(session, OWNER, license_id, "suspended")
    with db.session() as session:
        with pytest.raises(FeatureLocked, match=f"license #{license_id} is suspended"):
            licenses.require_feature(session, Feature.CAM)
        licenses.set_status(session, OWNER, license_id, "active")
    with db.session() as session:
        licenses.require_feature(session, Feature.CAM)
        # run out by the clock: gated at once, before the expiry run has stored it
        session.execute(
            sa.update(License)
            .where(License.id == license_id)
            .values(starts_at=utcnow() - 40 * DAY, ends_at=utcnow() - DAY)
        )
    with db.session() as session, pytest.raises(FeatureLocked, match="expired on"):
        licenses.require_feature(session, Feature.CAM)


def test_a_trial_becomes_a_paid_plan_on_the_same_row(db, holder, app_context):
    trial = add(db, holder, "trial", seats=2)
    with db.session() as session:
        row = session.get(License, trial)
        started, ends = row.starts_at, row.ends_at
        assert ends - started == 30 * DAY
        assert not Grant(trial, "trial").has(Feature.ERP_SYNC)
        session.add(
            Notification(
                user_id=holder, type="welcome", title="Hoş geldiniz", message="Deneme başladı",
                data={"license_id": trial},
            )
        )  # fmt: skip
    with db.session() as session:
        licenses.change_plan(
            session, OWNER, trial, "enterprise", seats=25, ends_at=dt.date.today() + 365 * DAY
        )
    with db.session() as session:
        row = session.get(License, trial)
        assert (row.id, row.type, row.seats, row.status) == (trial, "enterprise", 25, "active")
        assert (row.user_id, row.starts_at) == (holder, started)
        assert row.features["erp_sync"] is True
        assert session.scalar(sa.select(Notification.data)) == {"license_id": trial}
        change = session.scalar(sa.select(AuditLog).where(AuditLog.action == "license.change"))
        assert change.changes["type"] == ["trial", "enterprise"]
        assert change.changes["seats"] == [2, 25]
        with pytest.raises(ValidationError, match="cannot become a trial"):
            licenses.change_plan(session, OWNER, trial, "trial")
    assert audit.verify(db).ok


def test_renewing_moves_the_end_and_revives_an_expired_license(db, holder):
    license_id = add(db, holder, "basic", seats=2)
    with db.session() as session:
        end = session.get(License, license_id).ends_at
        with pytest.raises(ValidationError, match="a renewal ends later"):
            licenses.renew(session, OWNER, license_id, end.date() - DAY)
    with db.session() as session:
        session.execute(
            sa.update(License)
            .where(License.id == license_id)
            .values(status="expired", starts_at=utcnow() - 400 * DAY, ends_at=utcnow() - DAY)
        )
    with db.session() as session:
        licenses.renew(session, OWNER, license_id, dt.date.today() + 365 * DAY)
    with db.session() as session:
        info = licenses.current_license(session)
        assert info.id == license_id and info.status == "active" and info.in_force
    assert actions(db, "license.renew") == ["license.renew"]


# -------------------------------------------------------------------------------- seats
def test_twenty_simultaneous_logins_on_five_seats(db, holder, app_context):
    add(db, holder, "professional", seats=5)
    emails = [f"kullanici{n:02d}@atolye.example" for n in range(20)]
    for email in emails:
        make_user(db, email, "engineer")
    identity.device_id(app_context.settings.data_dir)  # made once, not raced for
    # each login its own client (engine, connection) as cnc_app, as 20 workstations would
    contexts = [AppContext(progress=lambda *_: None) for _ in emails]
    start = threading.Barrier(len(emails))
    won: dict[str, identity.UserSession] = {}
    refused: dict[str, SeatsFull] = {}
    other: list[BaseException] = []

    def log_in(context, email):
        start.wait()
        try:
            won[email] = identity.sign_in(context, email, PASSWORD, where=f"tezgah {email[9:11]}")
        except SeatsFull as exc:
            refused[email] = exc
        except BaseException as exc:  # reported below
            other.append(exc)

    threads = [
        threading.Thread(target=log_in, args=(context, email))
        for context, email in zip(contexts, emails, strict=True)
    ]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    print(
        f"20 simultaneous logins on 5 seats: {len(won)} in, {len(refused)} refused, {elapsed:.2f} s"
    )
    try:
        assert other == []
        assert len(won) == 5 and len(refused) == 15
        for exc in refused.values():
            # the message names who holds the seats, and they are exactly the five in
            assert str(exc).startswith("All 5 seats of the Professional license are in use by ")
            assert {h.email for h in exc.holders} == set(won)
            assert all(email in str(exc) for email in won)
            assert "an administrator to end a session" in str(exc)
        with db.session() as session:
            live = session.scalar(
                sa.select(sa.func.count(sa.distinct(SessionRow.user_id))).where(
                    SessionRow.revoked_at.is_(None)
                )
            )
            assert live == 5
            assert (
                session.scalar(
                    sa.select(sa.func.count())
                    .select_from(SecurityEvent)
                    .where(SecurityEvent.event_type == "login_refused_seats")
                )
                == 15
            )
        # the same user on a second device takes no extra seat
        first = sorted(won)[0]
        again = identity.sign_in(contexts[0], first, PASSWORD, where="second device")
        with db.session() as session:
            usage = licenses.seat_usage(session, OWNER)
        assert (usage.seats, len(usage.holders), usage.free) == (5, 5, 0)
        mine = next(h for h in usage.holders if h.email == first)
        assert set(mine.session_ids) == {won[first].session_id, again.session_id}
        assert any("second device" in agent for agent in mine.user_agents)
        # an administrator ends one user's only session: exactly one more gets in
        leaving = sorted(won)[1]
        with db.session() as session:
            licenses.end_session(session, OWNER, won[leaving].session_id)
        waiting = sorted(refused)
        late = identity.sign_in(contexts[1], waiting[0], PASSWORD)
        with pytest.raises(SeatsFull, match=first):
            identity.sign_in(contexts[2], waiting[1], PASSWORD)
        late.close()
        again.close()
    finally:
        for user in won.values():
            user.close()
        for context in contexts:
            context.close()


def test_a_logged_in_administrator_ends_a_session_to_free_a_seat(db, holder, app_context):
    add(db, holder, "basic", seats=2)
    make_user(db, "ali@atolye.example")
    make_user(db, "veli@atolye.example")
    admin = identity.sign_in(app_context, "patron@atolye.example", PASSWORD)
    ali = identity.sign_in(app_context, "ali@atolye.example", PASSWORD)
    with pytest.raises(SeatsFull) as full:
        identity.sign_in(app_context, "veli@atolye.example", PASSWORD)
    assert isinstance(full.value, LoginFailed)  # a refused login like any other
    assert "ali@atolye.example" in str(full.value) and "patron@atolye.example" in str(full.value)
    with admin.db.session() as session:
        usage = licenses.seat_usage(session, admin.actor)
        assert [h.email for h in usage.holders] == ["patron@atolye.example", "ali@atolye.example"]
        licenses.end_session(session, admin.actor, ali.session_id)
        with pytest.raises(ValidationError, match="no session #999999"):
            licenses.end_session(session, admin.actor, 999999)
    veli = identity.sign_in(app_context, "veli@atolye.example", PASSWORD)
    assert "session.revoke" in actions(db, "session.")
    for user in (admin, ali, veli):
        user.close()


def test_logging_out_and_deactivated_users_free_seats(db, holder, app_context):
    add(db, holder, "basic", seats=1)
    make_user(db, "ali@atolye.example")
    make_user(db, "veli@atolye.example")
    ali = identity.sign_in(app_context, "ali@atolye.example", PASSWORD)
    with pytest.raises(SeatsFull, match="All 1 seats of the Basic license are in use by ali@"):
        identity.sign_in(app_context, "veli@atolye.example", PASSWORD)
    identity.sign_out(app_context, ali)
    veli = identity.sign_in(app_context, "veli@atolye.example", PASSWORD)
    veli_id = veli.user_id
    veli.close()
    # veli's session is live (closing the window is not logging out); deactivating veli
    # ends it as far as seats are concerned
    with pytest.raises(SeatsFull, match="veli@"):
        identity.sign_in(app_context, "ali@atolye.example", PASSWORD)
    from cncworkbench.services.access import users

    with db.session() as session:
        users.set_active(session, OWNER, veli_id, False)
    identity.sign_in(app_context, "ali@atolye.example", PASSWORD).close()


def test_without_a_license_in_force_logins_are_not_counted(db, holder, app_context):
    license_id = add(db, holder, "basic", seats=1)
    make_user(db, "ali@atolye.example")
    with db.session() as session:
        licenses.set_status(session, OWNER, license_id, "suspended")
        assert licenses.seat_usage(session, OWNER).seats is None
    users = [identity.sign_in(app_context, e, PASSWORD) for e in ("patron@atolye.example",) * 2]
    users.append(identity.sign_in(app_context, "ali@atolye.example", PASSWORD))
    for user in users:
        user.close()


# ------------------------------------------------------------------------------- expiry
def test_expiry_warns_30_7_and_1_days_before_each_once_then_expires(db, holder):
    make_user(db, "ikinci.yonetici@atolye.example", "admin")
    make_user(db, "muhendis@atolye.example", "engineer")
    license_id = add(db, holder, "basic", seats=3)
    with db.session() as session:
        ends = session.get(License, license_id).ends_at

    def run(at):
        with db.session() as session:
            return licenses.run_expiry(session, OWNER, at)

    assert run(ends - 31 * DAY).warned == []
    report = run(ends - 30 * DAY + dt.timedelta(hours=1))
    assert report.warned == [(license_id, 30, 2)]  # the holder and the other administrator
    assert run(ends - 20 * DAY).warned == []  # once
    assert run(ends - 5 * DAY).warned == [(license_id, 7, 2)]
    assert run(ends - 5 * DAY).warned == []
    assert run(ends - dt.timedelta(hours=3)).warned == [(license_id, 1, 2)]
    assert run(ends - dt.timedelta(hours=2)).line() == (
        "0 licenses expired; 0 expiry warnings sent; 0 invoices overdue"
    )
    with db.session() as session:
        notes = session.scalars(sa.select(Notification).order_by(Notification.id)).all()
        assert [(n.severity, n.title) for n in notes[::2]] == [
            ("info", "Your license ends in 30 days"),
            ("warning", "Your license ends in 7 days"),
            ("critical", "Your license ends tomorrow"),
        ]
        assert {n.user_id for n in notes} == {holder, notes[1].user_id} and len(notes) == 6
        assert "Basic license" in notes[0].message and "Renew it" in notes[0].message
        assert notes[0].data["days_before"] == 30
        assert session.scalar(sa.select(sa.func.count()).select_from(LicenseWarning)) == 3
    report = run(ends + dt.timedelta(seconds=1))
    assert report.expired == [license_id]
    assert run(ends + DAY).expired == []
    with db.session() as session:
        assert session.get(License, license_id).status == "expired"
        assert licenses.current_license(session) is None
    assert actions(db, "license.e") == [
        "license.expiry_warning",
        "license.expiry_warning",
        "license.expiry_warning",
        "license.expire",
    ]


def test_each_recipient_reads_the_expiry_warning_in_their_language(db, holder, monkeypatch):
    """A worker writes the warnings; it reads each reader's language from the directory."""
    from cncworkbench.db.engine import Database

    monkeypatch.delenv("CNC_LOCALE")  # else it decides for everyone
    english = make_user(db, "english.admin@atolye.example", "admin", locale="en")
    license_id = add(db, holder, "basic", seats=3)  # the holder keeps the default: Turkish
    with db.session() as session:
        ends = session.get(License, license_id).ends_at
    worker = Database(sa.engine.make_url(db.url).set(username="cnc_worker").render_as_string(False))
    try:
        with worker.session() as session:
            report = billing.housekeeping(session, now=ends - 30 * DAY + dt.timedelta(hours=1))
    finally:
        worker.dispose()
    assert report.warned == [(license_id, 30, 2)]
    with db.session() as session:
        notes = {n.user_id: n for n in session.scalars(sa.select(Notification))}
    assert notes[holder].title == "Lisansınız 30 gün içinde bitiyor"
    assert "(İstanbul saati)" in notes[holder].message
    assert notes[english].title == "Your license ends in 30 days"
    assert "(Istanbul time). Renew it" in notes[english].message


def test_a_missed_warning_is_superseded_not_sent_late(db, holder):
    license_id = add(db, holder, "basic", seats=1)
    with db.session() as session:
        ends = session.get(License, license_id).ends_at
        # the housekeeping did not run for weeks: only the 7-day warning goes out
        assert licenses.run_expiry(session, OWNER, ends - 6 * DAY).warned == [(license_id, 7, 1)]
    with db.session() as session:
        assert licenses.run_expiry(session, OWNER, ends - 6 * DAY).warned == []
        assert session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 1


def test_housekeeping_runs_as_a_worker_but_not_as_a_client(db, holder, app_context):
    from cncworkbench.core.money import LineInput
    from cncworkbench.db.engine import Database
    from cncworkbench.db.models import Invoice
    from cncworkbench.services.commerce import billing

    license_id = add(db, holder, "basic", seats=2)
    buyer = make_user(
        db, "alici@musteri.example", "viewer", company_name="Müşteri A.Ş.",
        tax_no="1234567890", address="Ankara",
    )  # fmt: skip
    with db.session() as session:
        late = billing.create_invoice(
            session, OWNER, buyer, [LineInput("Lisans", 1, 100)], issue_prefix="CNC"
        ).id
    with db.session() as session:
        session.execute(
            sa.update(License)
            .where(License.id == license_id)
            .values(starts_at=utcnow() - 365 * DAY, ends_at=utcnow() - dt.timedelta(minutes=1))
        )
        session.execute(sa.text("UPDATE invoices SET due_date = current_date - 3"))
    admin = identity.sign_in(app_context, "patron@atolye.example", PASSWORD)
    with (
        pytest.raises(PermissionDenied, match="owner's or a worker's"),
        admin.db.session() as session,
    ):
        billing.housekeeping(session, admin.actor)
    admin.close()
    worker = Database(sa.engine.make_url(db.url).set(username="cnc_worker").render_as_string(False))
    try:
        with worker.session() as session:
            report = billing.housekeeping(session)
    finally:
        worker.dispose()
    assert (report.expired, report.overdue) == ([license_id], [late])
    assert report.line() == (
        f"1 licenses expired (#{license_id}); 0 expiry warnings sent; 1 invoices overdue (#{late})"
    )
    with db.session() as session:
        assert session.get(License, license_id).status == "expired"
        assert session.get(Invoice, late).status == "overdue"
    assert audit.verify(db).ok


# ---------------------------------------------------------------------------------- CLI
@pytest.fixture
def run_cli(db, monkeypatch):
    """``cncworkbench ...`` in this process, with the database owner's credentials."""

    def run(*args, code=0):
        with monkeypatch.context() as patch:
            patch.setenv("CNC_DATABASE_URL", db.url)
            result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result

    return run


def test_license_commands(db, holder, run_cli, app_context):
    added = run_cli(
        "license", "add", "professional", "--seats", 1, "--holder", "patron@atolye.example",
        "--ends", (dt.date.today() + 100 * DAY).isoformat(),
    )  # fmt: skip
    assert "License #1 added: Professional, 1 seats" in added.output
    listing = run_cli("license", "list").output
    assert "#1" in listing and "professional" in listing and "active" in listing
    assert "patron@atolye.example" in listing and "in force" in listing
    run_cli("license", "seats")
    assert "0 of 1 seats in use" in run_cli("license", "seats").output
    patron = identity.sign_in(app_context, "patron@atolye.example", PASSWORD)
    seats = run_cli("license", "seats").output
    assert "1 of 1 seats in use" in seats and "patron@atolye.example" in seats
    assert f"session {patron.session_id}" in seats
    make_user(db, "ali@atolye.example")
    with pytest.raises(SeatsFull):
        identity.sign_in(app_context, "ali@atolye.example", PASSWORD)
    assert f"Session {patron.session_id} ended" in (
        run_cli("license", "end-session", patron.session_id).output
    )
    identity.sign_in(app_context, "ali@atolye.example", PASSWORD).close()
    until = dt.date.today() + 200 * DAY
    assert f"runs until {until:%Y-%m-%d}" in (
        run_cli("license", "renew", 1, "--until", until.isoformat()).output
    )
    assert "suspended" in run_cli("license", "suspend", 1).output
    assert "active" in run_cli("license", "activate", 1).output
    assert "0 licenses expired" in run_cli("license", "expiry").output
    patron.close()


def test_license_command_errors_are_one_line(db, holder, run_cli):
    result = run_cli("license", "add", "basic", "--seats", 0, code=2)
    assert result.output.strip().startswith("error: A license needs at least 1 seat (got 0).")
    result = run_cli(
        "license", "add", "basic", "--seats", 2, "--starts", "2026-05-01", "--ends", "2026-04-01",
        code=2,
    )  # fmt: skip
    assert "error: The license would end" in result.output and "before it starts" in result.output
    result = run_cli("license", "add", "basic", "--holder", "yok@atolye.example", code=2)
    assert "error:" in result.output and "yok@atolye.example" in result.output
    assert "There is no license #42" in run_cli("license", "suspend", 42, code=2).output
    assert "no session #42" in run_cli("license", "end-session", 42, code=2).output
    assert count(db, License) == 0
