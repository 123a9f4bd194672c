"""Raw SQL against the database's own defences: what a client with the app's credentials
(cnc_app, member of cnc_client) or the workers' (cnc_worker) can and cannot undo or call."""

from __future__ import annotations

import psycopg
import sqlalchemy as sa

from tests import test_db_roles
from tests.support.people import PASSWORD
from tests.test_db_roles import connect, log_in

shop = test_db_roles.shop  # the same fixture: one user per role and a colleague's rows


def security_events(db, event_type: str, user_id: int | None = None) -> list[dict]:
    with db.engine.connect() as owner:
        rows = owner.execute(
            sa.text(
                "SELECT event_type, severity, user_id, details FROM security_events "
                "WHERE event_type = :type AND (CAST(:user AS int) IS NULL OR user_id = :user) "
                "ORDER BY id"
            ),
            {"type": event_type, "user": user_id},
        )
        return [dict(row._mapping) for row in rows]


def test_failed_logins_and_the_lock_survive_the_callers_rollback(db, shop):
    # BEGIN; SELECT cnc_login(... wrong ...) x5; ROLLBACK left the lock but erased the
    # login_failed and account_locked events: an attacker's guessing left no trace.
    victim = shop["viewer"]
    with connect(db) as conn:  # psycopg opens a transaction: BEGIN ... ROLLBACK
        statuses = [
            conn.execute(
                "SELECT status FROM cnc_login(%s, %s)", ("viewer@atolye.example", f"guess {n}")
            ).fetchone()[0]
            for n in range(5)
        ]
        conn.execute("SELECT status FROM cnc_login(%s, %s)", ("nobody@x.example", "guess 0"))
        conn.rollback()
    assert statuses == ["invalid"] * 4 + ["locked"]
    failed = security_events(db, "login_failed", victim)
    assert [event["details"]["failures"] for event in failed] == [1, 2, 3, 4, 5]
    locked = security_events(db, "account_locked", victim)
    assert len(locked) == 1 and locked[0]["severity"] == "high"
    unknown = [
        e
        for e in security_events(db, "login_failed")
        if e["details"].get("identifier") == "nobody@x.example"
    ]
    assert len(unknown) == 1
    # the lock-out counter survived too: the right password is refused now
    with connect(db) as conn:
        status = conn.execute(
            "SELECT status FROM cnc_login(%s, %s)", ("viewer@atolye.example", PASSWORD)
        ).fetchone()[0]
        conn.rollback()
    assert status == "locked"
    assert len(security_events(db, "login_blocked", victim)) == 1


def test_a_refresh_token_reuse_survives_the_callers_rollback(db, shop):
    with connect(db) as conn:
        row = conn.execute(
            "SELECT status, refresh_token FROM cnc_login(%s, %s, NULL, NULL, true)",
            ("engineer@atolye.example", PASSWORD),
        ).fetchone()
        conn.commit()
        assert row[0] == "ok"
        stolen = row[1]
        rotated = conn.execute("SELECT status FROM cnc_resume(%s)", (stolen,)).fetchone()[0]
        conn.commit()
        assert rotated == "ok"
    with connect(db) as attacker:
        status = attacker.execute("SELECT status FROM cnc_resume(%s)", (stolen,)).fetchone()[0]
        attacker.rollback()
    assert status == "reused"
    reuse = security_events(db, "refresh_token_reuse", shop["engineer"])
    assert len(reuse) == 1 and reuse[0]["severity"] == "critical"


def test_the_autonomous_writer_can_only_insert_security_events(db, shop):
    # Its password sits where only the owner reads it; nobody else can call the sender.
    with connect(db) as conn:
        log_in(conn, "admin@atolye.example")
        for sql in (
            "SELECT * FROM cnc_private.autonomous_login",
            "SELECT cnc_security_event_send('{}'::jsonb)",
        ):
            try:
                conn.execute(sql)
                raise AssertionError(f"allowed: {sql}")
            except psycopg.errors.InsufficientPrivilege:
                conn.rollback()
    with db.engine.connect() as owner:
        role = owner.execute(
            sa.text("SELECT role_name FROM cnc_private.autonomous_login")
        ).scalar_one()
        privileges = owner.execute(
            sa.text(
                "SELECT table_name, privilege_type FROM information_schema.role_table_grants "
                "WHERE grantee = :role"
            ),
            {"role": role},
        ).all()
    assert privileges == [("security_events", "INSERT")]
