"""The database enforces the roles on its own: raw connections with the credentials the
desktop app holds (cnc_app) and the workers' (cnc_worker), no services in between."""

from __future__ import annotations

import contextlib

import psycopg
import pytest
import sqlalchemy as sa

from cncworkbench.core.permissions import MATRIX, ROLES, Permission
from cncworkbench.services.machining import catalog
from tests.support.people import PASSWORD, app_url, make_user


def connect(db, role: str = "cnc_app") -> psycopg.Connection:
    url = db.engine.url
    return psycopg.connect(
        host=url.query["host"], port=url.query["port"], dbname=url.database, user=role
    )


def log_in(conn, email: str, password: str = PASSWORD) -> None:
    status = conn.execute("SELECT status FROM cnc_login(%s, %s)", (email, password)).fetchone()[0]
    conn.commit()
    assert status == "ok", status


def attempt(conn, sql: str, params=()) -> tuple[bool, int]:
    """(succeeded, rows affected or returned) inside a savepoint that is rolled back."""
    try:
        with conn.transaction(force_rollback=True):
            cursor = conn.execute(sql, params)
            rows = cursor.rowcount if cursor.description is None else len(cursor.fetchall())
            return True, rows
    except psycopg.Error:
        return False, 0


@pytest.fixture
def shop(db):
    """A shop with one user per role, a colleague's project, model, setup, job, CAM and
    simulation runs, an invoice, a license and an ERP record."""
    with db.session() as session:
        catalog.seed(session)
    ids = {role: make_user(db, f"{role}@atolye.example", role) for role in ROLES}
    ids["other"] = make_user(db, "other@atolye.example", "engineer")
    with db.engine.begin() as conn:
        run = conn.exec_driver_sql
        run("INSERT INTO projects (id, owner_id, name) VALUES (900, %s, 'Flanş')", (ids["other"],))
        run(
            "INSERT INTO models (id, user_id, project_id, name, type, file_format, s3_key, "
            "file_size, sha256_hash) VALUES (900, %s, 900, 'flans', 'part', 'FCStd', 'k/900', 1, "
            "repeat('a', 64))",
            (ids["other"],),
        )
        run(
            "INSERT INTO setups (id, model_id, machine_id, user_id, name, stock_x_mm, stock_y_mm, "
            "stock_z_mm) SELECT 900, 900, min(id), %s, 'op10', 100, 80, 30 FROM machines",
            (ids["other"],),
        )
        run(
            "INSERT INTO jobs (id, user_id, type, status, input_params) "
            "VALUES (900, %s, 'cam_process', 'completed', '{}')",
            (ids["other"],),
        )
        run(
            "INSERT INTO cam_runs (id, job_id, model_id, setup_id, strategy, cutting_params, "
            "status) VALUES (900, 900, 900, 900, 'pocket', '{}', 'completed')"
        )
        run(
            "INSERT INTO sim_runs (id, job_id, cam_run_id, type, status) "
            "VALUES (900, 900, 900, 'collision', 'passed')"
        )
        run(
            "INSERT INTO invoices (id, user_id, invoice_number, type, status, subtotal, "
            "tax_amount, total, line_items, due_date) VALUES (900, %s, 'CNC2026000000900', "
            "'subscription', 'sent', 100, 20, 120, '[]', '2026-12-31')",
            (ids["other"],),
        )
        run(
            "INSERT INTO licenses (user_id, type, status, features, starts_at, ends_at) VALUES "
            "(%s, 'professional', 'active', '{}', '2026-01-01', '2027-01-01')",
            (ids["admin"],),
        )
        # without dependents, so that deleting them is only a matter of permission
        run("INSERT INTO projects (id, owner_id, name) VALUES (901, %s, 'Boş')", (ids["other"],))
        run(
            "INSERT INTO models (id, user_id, project_id, name, type, file_format, s3_key, "
            "file_size, sha256_hash) VALUES (901, %s, 900, 'taslak', 'part', 'STEP', 'k/901', 1, "
            "repeat('c', 64))",
            (ids["other"],),
        )
        run(
            "INSERT INTO artefacts (job_id, type, name, s3_key, file_size) "
            "VALUES (900, 'gcode', 'op10.ngc', 'k/gcode/900', 100)"
        )
        run(
            "INSERT INTO security_events (event_type, severity, details) "
            "VALUES ('login_failed', 'warning', '{}')"
        )
        run(
            "INSERT INTO erp_mes_sync (external_system, entity_type, entity_id, external_id, "
            "sync_direction, sync_status) VALUES ('SAP', 'order', 900, 'SO-1', 'inbound', 'synced')"
        )
    return ids


def probes(ids) -> list[tuple[str, Permission | None, str, tuple]]:
    """(name, permission that allows it, SQL, params). Reads must return rows; writes
    must touch a row: row-level security hides rows silently, and that counts as refused."""
    other = ids["other"]
    return [
        ("read projects", Permission.PROJECT_READ, "SELECT * FROM projects", ()),
        ("create project", Permission.PROJECT_WRITE,
         "INSERT INTO projects (owner_id, name) VALUES (cnc_current_user_id(), 'Yeni')", ()),
        ("rename project", Permission.PROJECT_WRITE,
         "UPDATE projects SET name = 'Flanş 2' WHERE id = 900", ()),
        ("delete project", Permission.PROJECT_DELETE, "DELETE FROM projects WHERE id = 901", ()),
        ("read models", Permission.MODEL_READ, "SELECT id, name FROM models", ()),
        ("upload model", Permission.MODEL_WRITE,
         "INSERT INTO models (user_id, project_id, name, type, file_format, s3_key, file_size, "
         "sha256_hash) VALUES (cnc_current_user_id(), 900, 'x', 'part', 'STEP', 'k/new', 1, "
         "repeat('b', 64))", ()),
        ("delete model", Permission.MODEL_DELETE, "DELETE FROM models WHERE id = 901", ()),
        ("read setups", Permission.SETUP_READ, "SELECT * FROM setups", ()),
        ("change setup", Permission.SETUP_WRITE, "UPDATE setups SET notes = 'vise'", ()),
        ("read CAM runs", Permission.CAM_READ, "SELECT * FROM cam_runs", ()),
        ("record CAM run", Permission.CAM_RUN,
         "INSERT INTO cam_runs (job_id, model_id, strategy, cutting_params, status) "
         "VALUES (900, 900, 'profile', '{}', 'completed')", ()),
        ("read simulations", Permission.SIM_READ, "SELECT * FROM sim_runs", ()),
        ("approve simulation", Permission.SIM_APPROVE,
         "UPDATE sim_runs SET status = 'passed' WHERE id = 900", ()),
        ("read artefacts", Permission.ARTEFACT_READ, "SELECT * FROM artefacts", ()),
        ("submit job", Permission.JOB_SUBMIT,
         "INSERT INTO jobs (user_id, type, status, input_params) "
         "VALUES (cnc_current_user_id(), 'sim_run', 'pending', '{}')", ()),
        ("see others' jobs", Permission.JOB_READ_ALL, "SELECT * FROM jobs WHERE id = 900", ()),
        ("read catalog", Permission.CATALOG_READ, "SELECT * FROM machines", ()),
        ("change catalog", Permission.CATALOG_WRITE,
         "UPDATE tools SET quantity_available = 99", ()),
        ("read license", Permission.LICENSE_READ, "SELECT * FROM licenses", ()),
        ("create license", Permission.LICENSE_MANAGE,
         "INSERT INTO licenses (user_id, type, status, features, starts_at, ends_at) VALUES "
         "(cnc_current_user_id(), 'trial', 'active', '{}', '2026-01-01', '2026-02-01')", ()),
        ("read others' invoices", Permission.BILLING_MANAGE, "SELECT * FROM invoices", ()),
        ("issue invoice", Permission.BILLING_MANAGE,
         "INSERT INTO invoices (user_id, invoice_number, type, status, subtotal, tax_amount, "
         "total, line_items, due_date) VALUES (%s, 'CNC2026000000901', 'one_time', 'draft', 1, "
         "0.2, 1.2, '[]', '2026-12-31')", (other,)),
        ("read other users", Permission.USER_MANAGE,
         "SELECT email FROM users WHERE id = %s", (other,)),
        ("change another's role", Permission.USER_MANAGE,
         "UPDATE users SET role = 'viewer' WHERE id = %s", (other,)),
        ("create user", Permission.USER_MANAGE,
         "INSERT INTO users (email, role) VALUES ('new@atolye.example', 'viewer')", ()),
        ("read audit trail", Permission.AUDIT_READ, "SELECT * FROM audit_logs", ()),
        ("read security events", Permission.SECURITY_MANAGE, "SELECT * FROM security_events", ()),
        ("read ERP exchange", Permission.ERP_MANAGE, "SELECT * FROM erp_mes_sync", ()),
        # nobody, whatever the role
        ("alter audit entry", None, "UPDATE audit_logs SET action = 'x'", ()),
        ("delete audit entry", None, "DELETE FROM audit_logs", ()),
        ("insert audit entry directly", None,
         "INSERT INTO audit_logs (action, entity_type, chain_hash, prev_chain_hash) "
         "VALUES ('x', 'x', repeat('1', 64), repeat('0', 64))", ()),
        ("read password hashes", None, "SELECT password_hash FROM users", ()),
        ("read token digests", None,
         "SELECT refresh_token_hash, access_token_jti FROM sessions", ()),
        ("write connection bindings", None,
         "INSERT INTO session_bindings VALUES (pg_backend_pid(), now(), 1, %s, now())", (other,)),
        ("bind directly", None, "SELECT cnc_bind(1, %s)", (other,)),
        ("change permissions", None,
         "INSERT INTO role_permissions VALUES ('viewer', 'user.manage')", ()),
        ("promote oneself", None,
         "UPDATE users SET role = 'admin' "
         "WHERE id = cnc_current_user_id() AND role <> 'admin'", ()),
    ]  # fmt: skip


def test_nothing_at_all_before_logging_in(db, shop):
    with connect(db) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        ]
        assert len(tables) >= 23
        for table in tables:
            if table in ("alembic_version", "role_permissions"):
                continue  # schema version and the public permission matrix
            ok, rows = attempt(conn, f"SELECT * FROM {table}")
            assert rows == 0, f"an anonymous connection read {table}"
        assert attempt(conn, "SELECT * FROM user_directory") == (True, 0)
        for _name, _permission, sql, params in probes(shop):
            ok, rows = attempt(conn, sql, params)
            assert not (ok and rows), f"anonymous: {sql}"
        assert not attempt(conn, "SELECT cnc_audit_append('x', 'projects', 1)")[0]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_can_do_what_the_matrix_says_and_nothing_more(db, shop, role):
    with connect(db) as conn:
        log_in(conn, f"{role}@atolye.example")
        wrong = []
        for name, permission, sql, params in probes(shop):
            ok, rows = attempt(conn, sql, params)
            allowed = ok and rows > 0
            expected = permission is not None and permission in MATRIX[role]
            if allowed != expected:
                wrong.append(f"{name}: {'allowed' if allowed else 'refused'}")
        assert wrong == [], f"{role}: {wrong}"


def test_users_may_edit_their_own_profile_only(db, shop):
    with connect(db) as conn:
        log_in(conn, "engineer@atolye.example")
        assert attempt(
            conn,
            "UPDATE users SET locale = 'en', company_name = 'Atölye' "
            "WHERE id = cnc_current_user_id()",
        ) == (True, 1)
        for column, value in (("role", "admin"), ("is_active", "false"), ("email", "'x@y.zz'")):
            ok, _ = attempt(
                conn, f"UPDATE users SET {column} = {value} WHERE id = cnc_current_user_id()"
            )
            assert not ok, column
        assert attempt(conn, "SELECT id, email FROM user_directory")[1] == 5  # names, for everyone


def test_set_config_cannot_impersonate(db, shop):
    with connect(db) as conn:
        for setting in ("cnc.user_id", "app.user_id", "request.jwt.claim.sub"):
            conn.execute("SELECT set_config(%s, %s, false)", (setting, str(shop["admin"])))
        assert conn.execute("SELECT cnc_current_user_id()").fetchone()[0] is None
        assert not attempt(conn, "SET ROLE cnc_owner")[0]
        assert not attempt(conn, "SET SESSION AUTHORIZATION cnc_owner")[0]
        assert attempt(conn, "SELECT * FROM users")[1] == 0


def test_a_connection_reusing_a_pid_inherits_nothing(db, shop):
    with connect(db) as first:
        log_in(first, "admin@atolye.example")
        pid = first.execute("SELECT pg_backend_pid()").fetchone()[0]
    # The binding row of the closed connection is still there, with its pid. Point it at
    # a new connection's pid, as if the operating system had reused the number.
    with connect(db) as second:
        new_pid = second.execute("SELECT pg_backend_pid()").fetchone()[0]
        with db.engine.begin() as owner:
            owner.exec_driver_sql(
                "UPDATE session_bindings SET backend_pid = %s WHERE backend_pid = %s",
                (new_pid, pid),
            )
        assert second.execute("SELECT cnc_current_user_id()").fetchone()[0] is None
        assert attempt(second, "SELECT * FROM audit_logs")[1] == 0


def test_the_audit_trail_records_who_the_connection_is_not_who_it_claims(db, shop):
    with connect(db) as conn:
        log_in(conn, "engineer@atolye.example")
        entry = conn.execute(
            "SELECT cnc_audit_append('project.rename', 'projects', 900, NULL, NULL, %s, 'forged')",
            (shop["admin"],),
        ).fetchone()[0]
        conn.commit()
    with db.engine.connect() as owner:
        user_id, agent = owner.exec_driver_sql(
            "SELECT user_id, user_agent FROM audit_logs WHERE id = %s", (entry,)
        ).one()
    assert user_id == shop["engineer"] and agent != "forged"


def test_only_administrators_reset_passwords_unlock_and_end_others_sessions(db, shop):
    with connect(db) as conn:
        log_in(conn, "engineer@atolye.example")
        weak = "$2a$12$" + "a" * 53
        for sql in (
            f"SELECT cnc_set_password_hash({shop['other']}, '{weak}')",
            f"SELECT cnc_unlock_user({shop['other']})",
        ):
            assert not attempt(conn, sql)[0], sql
        # and nobody may store something that is not a bcrypt hash of cost >= 12
        assert not attempt(
            conn, f"SELECT cnc_set_password_hash(cnc_current_user_id(), 'plain', '{PASSWORD}')"
        )[0]
        assert not attempt(conn, "SELECT cnc_set_password_hash(cnc_current_user_id(), "
                                 f"'$2a$04${'a' * 53}', '{PASSWORD}')")[0]  # fmt: skip


def test_the_last_administrator_cannot_be_demoted(db, shop):
    with connect(db) as conn:
        log_in(conn, "admin@atolye.example")
        ok, _ = attempt(conn, "UPDATE users SET role = 'engineer' WHERE id = cnc_current_user_id()")
        assert not ok
        assert attempt(conn, f"UPDATE users SET role = 'admin' WHERE id = {shop['other']}") == (
            True,
            1,
        )


def test_workers_read_jobs_and_write_results_but_not_identities(db, shop):
    with connect(db, "cnc_worker") as conn:
        assert attempt(conn, "SELECT * FROM jobs")[1] >= 1
        assert attempt(conn, "SELECT * FROM machines")[1] == 11
        assert attempt(conn, "UPDATE jobs SET progress = 50 WHERE id = 900") == (True, 1)
        assert attempt(
            conn,
            "INSERT INTO notifications (user_id, type, title, message) "
            "VALUES (%s, 'job', 'CAM bitti', 'G-code hazır')",
            (shop["other"],),
        ) == (True, 1)
        assert attempt(conn, "SELECT id, email FROM users")[1] == 5
        for sql in (
            "SELECT password_hash FROM users",
            "SELECT * FROM sessions",
            "UPDATE users SET role = 'admin'",
            "DELETE FROM audit_logs",
            "UPDATE audit_logs SET action = 'x'",
            "INSERT INTO session_bindings VALUES (1, now(), 1, 1, now())",
        ):
            ok, rows = attempt(conn, sql)
            assert not (ok and rows), sql


def test_worker_credentials_cannot_take_over_an_account_or_sign_for_anyone(db, shop):
    # With the workers' credentials one could set the admin's password hash and log in
    # as the admin, unlock accounts, and append audit entries in anyone's name.
    hash_of_known = "$2a$12$" + "b" * 53
    with db.engine.begin() as owner:
        submitter = shop["engineer"]
        running = owner.execute(
            sa.text("INSERT INTO jobs (user_id, type, status, input_params) "
                    "VALUES (:user, 'sim_run', 'queued', '{}') RETURNING id"),
            {"user": submitter},
        ).scalar_one()  # fmt: skip
        owner.execute(sa.text("UPDATE jobs SET status = 'running' WHERE id = :id"), {"id": running})
    with connect(db) as admin_app:
        log_in(admin_app, "admin@atolye.example")
        admin_session = admin_app.execute("SELECT cnc_current_session_id()").fetchone()[0]
    with connect(db, "cnc_worker") as conn:
        for sql in (
            f"SELECT cnc_set_password_hash({shop['admin']}, '{hash_of_known}')",
            f"SELECT cnc_unlock_user({shop['admin']})",
            f"SELECT cnc_revoke_session({admin_session})",
            f"SELECT cnc_audit_append('user.role_set', 'users', 1, NULL, NULL, {shop['admin']})",
        ):
            assert not attempt(conn, sql)[0], sql
        # Recording a running job's results in its submitter's name, or the system's, works.
        for actor in (submitter, "NULL"):
            ok, _ = attempt(conn, f"SELECT cnc_audit_append('cam_run.create', 'cam_runs', 1, "
                                  f"NULL, NULL, {actor})")  # fmt: skip
            assert ok, actor
    with db.engine.connect() as owner:  # the owner (CLI administration) still may
        admin_hash = owner.execute(
            sa.text("SELECT password_hash FROM users WHERE id = :id"), {"id": shop["admin"]}
        ).scalar_one()
        assert admin_hash != hash_of_known
        owner.execute(sa.text(f"SELECT cnc_unlock_user({shop['admin']})"))


def test_a_phone_cannot_take_over_a_colleagues_e_mail_login(db, shop):
    # An engineer set their own phone to a colleague's e-mail: cnc_login matched
    # 'email = x OR phone = x LIMIT 1' and the colleague could no longer log in.
    with connect(db) as conn:
        log_in(conn, "engineer@atolye.example")
        hijack = "UPDATE users SET phone = 'other@atolye.example' WHERE id = cnc_current_user_id()"
        assert not attempt(conn, hijack)[0]
        own = "UPDATE users SET phone = '+905321234567' WHERE id = cnc_current_user_id()"
        assert attempt(conn, own) == (True, 1)
        conn.execute("SELECT cnc_logout()")  # free the seat
        conn.commit()
    with connect(db) as conn:
        log_in(conn, "other@atolye.example")
        assert conn.execute("SELECT cnc_current_user_id()").fetchone()[0] == shop["other"]


@pytest.mark.parametrize("table", ["models", "projects"])
def test_only_those_who_may_delete_can_soft_delete(db, shop, table):
    # An engineer's raw UPDATE ... SET is_deleted = true on a colleague's row succeeded.
    soft_delete = f"UPDATE {table} SET is_deleted = true WHERE id = 900"
    with connect(db) as conn:
        log_in(conn, "engineer@atolye.example")
        assert not attempt(conn, soft_delete)[0]
        assert attempt(conn, f"UPDATE {table} SET name = name || ' (2)' WHERE id = 900")[0]
        conn.execute("SELECT cnc_logout()")
        conn.commit()
    with connect(db) as conn:
        log_in(conn, "admin@atolye.example")
        assert attempt(conn, soft_delete) == (True, 1)


def test_app_credentials_alone_cannot_migrate_or_own_anything(db):
    with psycopg.connect(app_url(db).replace("+psycopg", "")) as conn:
        for sql in (
            "CREATE TABLE sneaky (id int)",
            "ALTER TABLE users DISABLE ROW LEVEL SECURITY",
            "DROP POLICY users_client_select ON users",
            "TRUNCATE audit_logs",
        ):
            assert not attempt(conn, sql)[0], sql


def test_connections_of_a_logged_out_session_lose_everything(db, shop):
    with connect(db) as conn, contextlib.closing(connect(db)) as second:
        log_in(conn, "admin@atolye.example")
        log_in(second, "admin@atolye.example")  # another session of the same user
        assert attempt(conn, "SELECT id FROM users")[1] == 5
        second.execute("SELECT cnc_logout()")
        second.commit()
        assert attempt(second, "SELECT id FROM users")[1] == 0
        assert attempt(conn, "SELECT id FROM users")[1] == 5  # its own session is untouched
        conn.execute("SELECT cnc_logout()")
        conn.commit()
        assert attempt(conn, "SELECT id FROM users")[1] == 0
