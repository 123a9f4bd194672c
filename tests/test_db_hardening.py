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


def test_an_unknown_identifiers_counter_survives_the_callers_rollback(db, shop):
    # Each guess at a made-up name in a transaction of its own, rolled back: the bucket's
    # counter was created in the first and vanished with it, so the name never locked.
    statuses = []
    for n in range(6):
        with connect(db) as conn:
            statuses.append(
                conn.execute(
                    "SELECT status FROM cnc_login(%s, %s)", ("kimse@yok.example", f"guess {n}")
                ).fetchone()[0]
            )
            conn.rollback()
    assert statuses == ["invalid"] * 4 + ["locked"] * 2  # as a known account answers
    failed = [
        e["details"]["failures"]
        for e in security_events(db, "login_failed")
        if e["details"].get("identifier") == "kimse@yok.example"
    ]
    assert failed == [1, 2, 3, 4, 5]


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


# Who may call each SECURITY DEFINER function: reach its body without being refused with
# insufficient_privilege. A new function is not here and fails the test: decide, then add.
ANONYMOUS, WORKER = "before login", "cnc_worker"
APP_ROLES = ("admin", "engineer", "operator", "viewer")
CALLERS = (ANONYMOUS, *APP_ROLES, WORKER)
EVERYONE = frozenset(CALLERS)
NOBODY: frozenset[str] = frozenset()
ONLY_WORKERS = frozenset({WORKER})
# Answer anyone, about the caller itself or filtered to what its role may see.
SELF_SERVICE = (
    "cnc_attach(text)", "cnc_caller_is_owner()", "cnc_caller_is_privileged()",
    "cnc_current_binding()", "cnc_has_permission(text)", "cnc_has_users()",
    "cnc_live_workers(text)", "cnc_login(text,text,text,text,boolean)", "cnc_logout()",
    "cnc_resume(text,text,text)",
    "cnc_model_page(integer,text[],jsonb,text,text,text,timestamp without time zone,"
    "timestamp without time zone,timestamp without time zone,integer,integer)",
    "cnc_locked_until(integer)",  # NULL unless the caller manages users
)  # fmt: skip
# The queue's worker side.
WORKER_SIDE = (
    "cnc_acknowledge_cancel(integer,text)", "cnc_claim_job(text,text[],text)",
    "cnc_complete_job(integer,text,jsonb,jsonb)",
    "cnc_fail_attempt(integer,text,text,text,boolean)",
    "cnc_heartbeat(text,text[])", "cnc_job_progress(integer,text,integer,text)",
    "cnc_reap_jobs()", "cnc_register_worker(text,text,integer,text[],integer,text)",
    "cnc_release_job(integer,text)", "cnc_worker_stopped(text)",
    # the audit anchor's facts (ids, chain hashes, count): the workers anchor the chain
    "cnc_audit_anchor_count()", "cnc_audit_anchor_entries(integer)",
)  # fmt: skip
# Internal: called by other functions and triggers with the owner's rights only.
INTERNAL = (
    "cnc_audit_append_as(integer,integer,text,text,integer,jsonb,jsonb,inet,text)",
    "cnc_bind(integer,integer)", "cnc_create_first_admin(text,text)",
    "cnc_end_job(integer,text,jsonb,text,text,jsonb)", "cnc_guard_read(integer)",
    "cnc_guard_write(integer,timestamp without time zone,integer)",
    "cnc_refresh_model_line(integer)", "cnc_retry_or_fail(integer,text,text)",
    "cnc_security_event_send(jsonb)", "cnc_guard_create_autonomously(integer)",
    "cnc_private.guard_create(integer)",
)  # fmt: skip
ALLOWED: dict[str, frozenset[str]] = {
    **dict.fromkeys(SELF_SERVICE, EVERYONE),
    **dict.fromkeys(WORKER_SIDE, ONLY_WORKERS),
    **dict.fromkeys(INTERNAL, NOBODY),
    # entries in the caller's own name (a worker: only for a running job's submitter)
    "cnc_audit_append(text,text,integer,jsonb,jsonb,integer,text)": frozenset(APP_ROLES),
    "cnc_cancel_job(integer)": frozenset({"admin"}),  # a colleague's job
    "cnc_erp_record_event(text,text,integer,text,jsonb)": frozenset({"admin", "engineer", WORKER}),
    "cnc_issue_invoice(integer,text,jsonb,jsonb,integer)": frozenset({"admin"}),
    "cnc_revoke_session(integer)": frozenset({"admin"}),  # a colleague's session
    "cnc_submit_job(text,jsonb,integer,text,integer,integer,timestamp without time zone,"
    "integer)": frozenset({"admin", "engineer", "operator"}),
    "cnc_unlock_user(integer)": frozenset({"admin"}),
    "cnc_set_password_hash(integer,text,text)": frozenset({"admin"}),  # another's password
}


def definer_functions(db) -> list[tuple[str, str, list[str]]]:
    """(signature, name, argument types) of every SECURITY DEFINER function we own (not an
    extension's), trigger functions left out (they cannot be called)."""
    with db.engine.connect() as owner:
        rows = owner.execute(
            sa.text(
                "SELECT p.oid::regprocedure::text AS signature, p.oid::regproc::text AS name, "
                "coalesce(array_agg(format_type(a.t, NULL) ORDER BY a.o) "
                "FILTER (WHERE a.t IS NOT NULL), '{}') AS types "
                "FROM pg_proc p "
                "LEFT JOIN LATERAL unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a(t, o) ON true "
                "WHERE p.prosecdef AND p.prorettype <> 'trigger'::regtype "
                "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass "
                "AND d.objid = p.oid AND d.deptype = 'e') "
                "GROUP BY p.oid ORDER BY 1"
            )
        ).all()
    return [(row.signature, row.name, list(row.types)) for row in rows]


SAMPLE_ARGUMENTS = {
    "text": "'x'",
    "text[]": "'{sim_run}'::text[]",
    "jsonb": "'{}'::jsonb",
    "boolean": "false",
    "inet": "'127.0.0.1'::inet",
    "timestamp without time zone": "now()::timestamp",
}


def arguments(name: str, types: list[str], admin: int, session: int) -> str:
    """Arguments that get past each function's input checks to its permission check: the
    targets are the admin (a user id) and a colleague's rows (job 900, a session)."""
    overrides = {
        "cnc_set_password_hash": f"{admin}, '$2a$12$' || repeat('b', 53), NULL",
        "cnc_erp_record_event": "'cam.finished', 'cam_run', 900, 'x', '{}'::jsonb",
        "cnc_cancel_job": "900",
        "cnc_revoke_session": str(session),
        "cnc_submit_job": f"'sim_run', '{{}}'::jsonb, 0, NULL, 60, 1, NULL, {admin}",
        "cnc_issue_invoice": f"900, 'CNC', '{{}}'::jsonb, '{{}}'::jsonb, {admin}",
    }
    if name in overrides:
        return overrides[name]
    return ", ".join(str(admin) if kind == "integer" else SAMPLE_ARGUMENTS[kind] for kind in types)


def call_outcome(conn, name: str, call_arguments: str) -> str:
    try:
        with conn.transaction(force_rollback=True):
            conn.execute(f"SELECT {name}({call_arguments})").fetchall()
        return "ok"
    except psycopg.errors.InsufficientPrivilege:
        return "denied"
    except psycopg.Error as exc:  # got past the permission check
        return f"error {exc.sqlstate}"


def test_every_security_definer_function_refuses_whom_it_must(db, shop):
    functions = definer_functions(db)
    assert len(functions) > 30  # the enumeration itself works
    with connect(db) as colleague:
        log_in(colleague, "other@atolye.example")
        session = colleague.execute("SELECT cnc_current_session_id()").fetchone()[0]
        colleague.execute("SELECT cnc_logout()")
        colleague.commit()
    observed: dict[str, dict[str, str]] = {signature: {} for signature, _, _ in functions}
    for caller in CALLERS:
        with connect(db, "cnc_worker" if caller == WORKER else "cnc_app") as conn:
            if caller in APP_ROLES:
                log_in(conn, f"{caller}@atolye.example")
            for signature, name, types in functions:
                call = arguments(name, types, shop["admin"], session)
                observed[signature][caller] = call_outcome(conn, name, call)
            if caller in APP_ROLES:  # free the seat
                conn.execute("SELECT cnc_logout()")
                conn.commit()
    unknown = sorted(set(observed) - set(ALLOWED))
    assert not unknown, f"new SECURITY DEFINER functions: decide who may call {unknown}"
    wrong = {
        signature: outcomes
        for signature, outcomes in observed.items()
        if {caller for caller, outcome in outcomes.items() if outcome != "denied"}
        != ALLOWED[signature]
    }
    assert not wrong, "\n".join(f"{name}: {outcomes}" for name, outcomes in wrong.items())


def test_a_worker_submits_follow_up_jobs_only_for_a_running_jobs_submitter(db, shop):
    with db.engine.begin() as owner:
        owner.execute(
            sa.text(
                "INSERT INTO jobs (id, user_id, type, status, input_params) "
                "VALUES (901, :user, 'cam_process', 'queued', '{}')"
            ),
            {"user": shop["engineer"]},
        )
        owner.execute(sa.text("UPDATE jobs SET status = 'running' WHERE id = 901"))

    def submit_for(user: int) -> str:
        return f"'sim_run', '{{}}'::jsonb, 0, NULL, 60, 1, NULL, {user}"

    with connect(db, "cnc_worker") as conn:
        assert call_outcome(conn, "cnc_submit_job", submit_for(shop["engineer"])) == "ok"
        assert call_outcome(conn, "cnc_submit_job", submit_for(shop["viewer"])) == "denied"
