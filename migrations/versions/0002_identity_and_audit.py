"""Identity and roles enforced by the database; the hash-chained audit trail.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Roles (cluster-wide, created when missing):
- the database owner (who runs migrations) bypasses row-level security;
- ``cnc_client`` (no login): what a logged-in desktop user may do, table by table, through
  row-level security policies that ask ``cnc_has_permission(...)`` about the user bound
  to the connection; before a login it sees nothing;
- ``cnc_app`` (login, member of cnc_client): the credentials the desktop app holds for a
  shared database;
- ``cnc_worker`` (login): the job workers.

Identity is bound to a connection only by the SECURITY DEFINER functions ``cnc_login``,
``cnc_resume`` and ``cnc_attach``, which verify a password or token inside PostgreSQL and
write ``session_bindings`` (keyed by backend pid *and* backend start time), a table no
client can write. ``password_hash`` and the token digests are not readable by clients.

Failed logins are counted in a sequence per user: sequences are not transactional, so a
client that rolls back its failed attempts still gets locked out.

The audit chain: ``chain_hash = sha256(prev_chain_hash || canonical_json(record))``, see
``cnc_audit_canonical`` and ``cncworkbench/core/audit_chain.py``; appends serialise on
the ``audit_chain_head`` row.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLIENT, APP, WORKER = "cnc_client", "cnc_app", "cnc_worker"
GENESIS = "0" * 64
# bcrypt of a fixed phrase: compared against when the login names no user, so unknown
# accounts cost as much time as known ones.
ABSENT_USER_HASH = "$2a$12$t5OLY2ECiDPDofauC2SMm.CgLb5G9x5bSTMyf0RRrvaQS0Zmq7zna"
LOCK_AFTER_FAILURES = 5
LOCK_WINDOW = "15 minutes"  # failures closer together than this count towards a lock
LOCK_DURATION = "15 minutes"

# Frozen copy of cncworkbench.core.permissions.MATRIX at this revision (a test compares).
_READ = [
    "project.read", "model.read", "setup.read", "cam.read", "sim.read", "artefact.read",
    "catalog.read", "license.read",
]  # fmt: skip
ROLE_PERMISSIONS = {
    "viewer": _READ,
    "operator": [*_READ, "sim.approve", "job.submit"],
    "engineer": [
        *_READ,
        "project.write",
        "model.write",
        "setup.write",
        "cam.run",
        "job.submit",
    ],
    "admin": [
        *_READ,
        "project.write",
        "project.delete",
        "model.write",
        "model.delete",
        "setup.write",
        "cam.run",
        "job.submit",
        "job.read_all",
        "catalog.write",
        "license.manage",
        "billing.manage",
        "user.manage",
        "audit.read",
        "security.manage",
        "erp.manage",
    ],
}


def P(permission: str) -> str:  # reads like the SQL it writes
    # Sub-select: evaluated once per statement, not once per row.
    return f"(SELECT cnc_has_permission('{permission}'))"


ME = "(SELECT cnc_current_user_id())"

# table -> command -> policy expression for cnc_client (absent command: not allowed)
CLIENT_POLICIES = {
    "users": {
        "SELECT": f"id = {ME} OR {P('user.manage')}",
        "INSERT": P("user.manage"),
        "UPDATE": f"id = {ME} OR {P('user.manage')}",
    },
    "sessions": {"SELECT": f"user_id = {ME} OR {P('user.manage')}"},
    "licenses": {
        "SELECT": P("license.read"),
        "INSERT": P("license.manage"),
        "UPDATE": P("license.manage"),
    },
    "projects": {
        "SELECT": P("project.read"),
        "INSERT": P("project.write"),
        "UPDATE": P("project.write"),
        "DELETE": P("project.delete"),
    },
    "models": {
        "SELECT": P("model.read"),
        "INSERT": P("model.write"),
        "UPDATE": P("model.write"),
        "DELETE": P("model.delete"),
    },
    "setups": {
        "SELECT": P("setup.read"),
        "INSERT": P("setup.write"),
        "UPDATE": P("setup.write"),
        "DELETE": P("setup.write"),
    },
    "jobs": {
        "SELECT": f"user_id = {ME} OR {P('job.read_all')}",
        "INSERT": f"user_id = {ME} AND {P('job.submit')}",
        "UPDATE": f"(user_id = {ME} AND {P('job.submit')}) OR {P('job.read_all')}",
    },
    "cam_runs": {"SELECT": P("cam.read"), "INSERT": P("cam.run"), "UPDATE": P("cam.run")},
    "sim_runs": {"SELECT": P("sim.read"), "INSERT": P("cam.run"), "UPDATE": P("sim.approve")},
    "artefacts": {"SELECT": P("artefact.read"), "INSERT": f"{P('cam.run')} OR {P('model.write')}"},
    "notifications": {
        "SELECT": f"user_id = {ME}",
        "UPDATE": f"user_id = {ME}",
        "DELETE": f"user_id = {ME}",
    },
    "erp_mes_sync": {
        "SELECT": P("erp.manage"),
        "INSERT": P("erp.manage"),
        "UPDATE": P("erp.manage"),
    },
    "invoices": {
        "SELECT": f"user_id = {ME} OR {P('billing.manage')}",
        "INSERT": P("billing.manage"),
        "UPDATE": P("billing.manage"),
    },
    "payments": {
        "SELECT": f"user_id = {ME} OR {P('billing.manage')}",
        "INSERT": P("billing.manage"),
        "UPDATE": P("billing.manage"),
    },
    "audit_logs": {"SELECT": P("audit.read")},
    "security_events": {"SELECT": P("security.manage"), "UPDATE": P("security.manage")},
    "machines": {
        "SELECT": P("catalog.read"),
        "INSERT": P("catalog.write"),
        "UPDATE": P("catalog.write"),
        "DELETE": P("catalog.write"),
    },
    "tools": {
        "SELECT": P("catalog.read"),
        "INSERT": P("catalog.write"),
        "UPDATE": P("catalog.write"),
        "DELETE": P("catalog.write"),
    },
    "materials": {
        "SELECT": P("catalog.read"),
        "INSERT": P("catalog.write"),
        "UPDATE": P("catalog.write"),
        "DELETE": P("catalog.write"),
    },
    "role_permissions": {"SELECT": "true"},
    "session_bindings": {},
    "session_token_history": {},
    "audit_chain_head": {"SELECT": P("audit.read")},
}

# Columns a client may see and write where it may not see them all.
USER_COLUMNS_READ = (
    "id, email, phone, role, company_name, tax_no, address, locale, timezone, is_active, "
    "is_verified, created_at, updated_at, last_login_at, metadata"
)
USER_COLUMNS_WRITE = (
    "email, phone, role, company_name, tax_no, address, locale, timezone, is_active, "
    "is_verified, metadata"
)
SESSION_COLUMNS_READ = (
    "id, user_id, ip_address, user_agent, device_id, expires_at, revoked_at, created_at"
)

# Workers read everything a job may need and write job results.
WORKER_WRITES = {
    "jobs": ("INSERT", "UPDATE"),
    "cam_runs": ("INSERT", "UPDATE"),
    "sim_runs": ("INSERT", "UPDATE"),
    "artefacts": ("INSERT", "UPDATE", "DELETE"),
    "notifications": ("INSERT",),
    "models": ("INSERT", "UPDATE"),
    "projects": ("INSERT", "UPDATE"),
    "erp_mes_sync": ("INSERT", "UPDATE"),
    "licenses": ("UPDATE",),
    "invoices": ("UPDATE",),
}
WORKER_NO_READ = {
    "users",
    "sessions",
    "session_bindings",
    "session_token_history",
    "audit_chain_head",
}

ROLES_SQL = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{CLIENT}') THEN
        CREATE ROLE {CLIENT} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP}') THEN
        CREATE ROLE {APP} LOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{WORKER}') THEN
        CREATE ROLE {WORKER} LOGIN;
    END IF;
    GRANT {CLIENT} TO {APP};
    -- The owner acts as a client (SET ROLE) when it runs the GUI on its own database,
    -- and must see the start time of cnc_app's backends in pg_stat_activity (the binding
    -- functions run as the owner), which needs the privileges of cnc_app.
    EXECUTE format('GRANT {CLIENT} TO %I', current_user);
    EXECUTE format('GRANT {APP} TO %I', current_user);
END;
$$
"""

FUNCTIONS_SQL = rf"""
CREATE FUNCTION cnc_backend_start() RETURNS timestamptz
LANGUAGE sql STABLE AS $$
    SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()
$$;

CREATE FUNCTION cnc_current_binding(OUT user_id integer, OUT session_id integer, OUT role text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT b.user_id, b.session_id, u.role::text
    FROM session_bindings b
    JOIN sessions s ON s.id = b.session_id
    JOIN users u ON u.id = b.user_id
    WHERE b.backend_pid = pg_backend_pid()
      AND b.backend_start = cnc_backend_start()
      AND s.revoked_at IS NULL
      AND s.expires_at > (now() AT TIME ZONE 'UTC')
      AND u.is_active IS NOT FALSE
$$;

CREATE FUNCTION cnc_current_user_id() RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT user_id FROM cnc_current_binding() $$;

CREATE FUNCTION cnc_current_session_id() RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT session_id FROM cnc_current_binding() $$;

CREATE FUNCTION cnc_current_role() RETURNS text
LANGUAGE sql STABLE AS $$ SELECT role FROM cnc_current_binding() $$;

CREATE FUNCTION cnc_has_permission(p_permission text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM role_permissions
        WHERE role = (SELECT role FROM cnc_current_binding()) AND permission = p_permission
    )
$$;

-- The database owner and the workers may act for a named user (CLI, jobs).
CREATE FUNCTION cnc_caller_is_privileged() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, d.datdba, 'MEMBER')
        OR pg_has_role(session_user, '{WORKER}', 'MEMBER')
    FROM pg_database d WHERE d.datname = current_database()
$$;

CREATE FUNCTION cnc_token() RETURNS text
LANGUAGE sql VOLATILE AS $$ SELECT encode(gen_random_bytes(32), 'hex') $$;

CREATE FUNCTION cnc_digest(p_value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT encode(digest(p_value, 'sha256'), 'hex') $$;

CREATE FUNCTION cnc_bind(p_session integer, p_user integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    INSERT INTO session_bindings (backend_pid, backend_start, session_id, user_id, bound_at)
    VALUES (pg_backend_pid(), cnc_backend_start(), p_session, p_user, now() AT TIME ZONE 'UTC')
    ON CONFLICT (backend_pid) DO UPDATE
    SET backend_start = EXCLUDED.backend_start, session_id = EXCLUDED.session_id,
        user_id = EXCLUDED.user_id, bound_at = EXCLUDED.bound_at
$$;

-- Login guard: a sequence per user holds (last failure epoch seconds * 64 + failures).
CREATE FUNCTION cnc_guard_name(p_user integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'cnc_login_guard_' || p_user $$;

CREATE FUNCTION cnc_guard_read(p_user integer, OUT last_failure timestamp, OUT failures integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_state bigint;
BEGIN
    IF to_regclass(cnc_guard_name(p_user)) IS NULL THEN  -- a user from before 0002
        EXECUTE format('CREATE SEQUENCE %I MINVALUE 0 START 0', cnc_guard_name(p_user));
    END IF;
    EXECUTE format('SELECT last_value FROM %I', cnc_guard_name(p_user)) INTO v_state;
    failures := v_state % 64;
    last_failure := CASE WHEN v_state = 0 THEN NULL
                         ELSE to_timestamp(v_state / 64) AT TIME ZONE 'UTC' END;
END;
$$;

CREATE FUNCTION cnc_guard_write(p_user integer, p_last_failure timestamp, p_failures integer)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
BEGIN
    PERFORM setval(cnc_guard_name(p_user), CASE WHEN p_failures = 0 THEN 0
        ELSE floor(extract(epoch FROM p_last_failure))::bigint * 64 + least(p_failures, 63) END);
END;
$$;

CREATE FUNCTION cnc_users_guard_trigger() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I MINVALUE 0 START 0',
                       cnc_guard_name(NEW.id));
        RETURN NEW;
    END IF;
    EXECUTE format('DROP SEQUENCE IF EXISTS %I', cnc_guard_name(OLD.id));
    RETURN OLD;
END;
$$;

-- Users may edit their own profile, not their role, status or e-mail; nobody may remove
-- the last active administrator.
CREATE FUNCTION cnc_users_update_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF current_user <> (SELECT relowner::regrole::text FROM pg_class WHERE oid = 'users'::regclass)
       AND NOT cnc_has_permission('user.manage')
       AND (NEW.role IS DISTINCT FROM OLD.role OR NEW.is_active IS DISTINCT FROM OLD.is_active
            OR NEW.is_verified IS DISTINCT FROM OLD.is_verified
            OR NEW.email IS DISTINCT FROM OLD.email
            OR NEW.last_login_at IS DISTINCT FROM OLD.last_login_at) THEN
        RAISE EXCEPTION 'only an administrator may change role, status or e-mail'
            USING ERRCODE = '42501';
    END IF;
    IF OLD.role = 'admin' AND OLD.is_active IS NOT FALSE
       AND (NEW.role <> 'admin' OR NEW.is_active IS FALSE)
       AND NOT EXISTS (SELECT 1 FROM users WHERE role = 'admin' AND is_active IS NOT FALSE
                       AND id <> OLD.id) THEN
        RAISE EXCEPTION 'the last active administrator cannot be demoted or deactivated'
            USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
END;
$$;

-- The audit record's canonical JSON: keys sorted, no whitespace between top-level
-- members, strings JSON-escaped (UTF-8, not \u-escaped), integers as digits, null for
-- missing values, created_at as YYYY-MM-DDTHH:MM:SS.ffffffZ (UTC), ip_address as its
-- host text, entity_data and changes in PostgreSQL's jsonb text form.
CREATE FUNCTION cnc_json_string(p_value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT coalesce(to_json(p_value)::text, 'null') $$;

CREATE FUNCTION cnc_audit_canonical(a audit_logs) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT '{{"action":' || cnc_json_string(a.action)
        || ',"changes":' || coalesce(a.changes::text, 'null')
        || ',"created_at":"' || to_char(a.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '"'
        || ',"entity_data":' || coalesce(a.entity_data::text, 'null')
        || ',"entity_id":' || coalesce(a.entity_id::text, 'null')
        || ',"entity_type":' || cnc_json_string(a.entity_type)
        || ',"id":' || a.id::text
        || ',"ip_address":' || cnc_json_string(host(a.ip_address))
        || ',"session_id":' || coalesce(a.session_id::text, 'null')
        || ',"user_agent":' || cnc_json_string(a.user_agent)
        || ',"user_id":' || coalesce(a.user_id::text, 'null')
        || '}}'
$$;

CREATE FUNCTION cnc_audit_append_as(
    p_user integer, p_session integer, p_action text, p_entity_type text,
    p_entity_id integer, p_entity_data jsonb, p_changes jsonb, p_ip inet, p_user_agent text
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_head audit_chain_head%ROWTYPE;
    v_row audit_logs%ROWTYPE;
BEGIN
    -- The head row lock makes appends one at a time: ids follow the chain order.
    SELECT * INTO v_head FROM audit_chain_head WHERE id FOR UPDATE;
    v_row.id := nextval('audit_logs_id_seq');
    v_row.user_id := p_user;
    v_row.action := p_action;
    v_row.entity_type := p_entity_type;
    v_row.entity_id := p_entity_id;
    v_row.entity_data := p_entity_data;
    v_row.changes := p_changes;
    v_row.ip_address := p_ip;
    v_row.user_agent := left(p_user_agent, 1000);
    v_row.session_id := p_session;
    v_row.created_at := clock_timestamp() AT TIME ZONE 'UTC';
    v_row.prev_chain_hash := v_head.last_hash;
    v_row.chain_hash := cnc_digest(v_row.prev_chain_hash || cnc_audit_canonical(v_row));
    INSERT INTO audit_logs SELECT v_row.*;
    UPDATE audit_chain_head SET last_id = v_row.id, last_hash = v_row.chain_hash WHERE id;
    RETURN v_row.id;
END;
$$;

CREATE FUNCTION cnc_audit_append(
    p_action text, p_entity_type text, p_entity_id integer,
    p_entity_data jsonb DEFAULT NULL, p_changes jsonb DEFAULT NULL,
    p_actor_user_id integer DEFAULT NULL, p_user_agent text DEFAULT NULL
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_binding record;
    v_ip inet;
    v_agent text;
BEGIN
    SELECT * INTO v_binding FROM cnc_current_binding();
    IF v_binding.user_id IS NOT NULL THEN
        -- A logged-in client: who, from where and with what come from its session.
        SELECT s.ip_address, s.user_agent INTO v_ip, v_agent
        FROM sessions s WHERE s.id = v_binding.session_id;
        RETURN cnc_audit_append_as(v_binding.user_id, v_binding.session_id, p_action,
            p_entity_type, p_entity_id, p_entity_data, p_changes, v_ip, v_agent);
    END IF;
    IF NOT cnc_caller_is_privileged() THEN
        RAISE EXCEPTION 'log in first' USING ERRCODE = '42501';
    END IF;
    RETURN cnc_audit_append_as(p_actor_user_id, NULL, p_action, p_entity_type, p_entity_id,
        p_entity_data, p_changes, inet_client_addr(), p_user_agent);
END;
$$;

CREATE FUNCTION cnc_login(
    p_identifier text, p_password text, p_user_agent text DEFAULT NULL,
    p_device_id text DEFAULT NULL, p_remember boolean DEFAULT false
) RETURNS TABLE (
    status text, user_id integer, user_role text, session_id integer,
    refresh_token text, access_token text, expires_at timestamp, retry_at timestamp
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
#variable_conflict use_column
DECLARE
    v_user users%ROWTYPE;
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_ip inet := inet_client_addr();
    v_last timestamp;
    v_failures integer;
    v_refresh text;
    v_access text;
    v_session integer;
    v_expires timestamp;
    v_details jsonb := jsonb_build_object(
        'identifier', left(p_identifier, 255), 'user_agent', left(p_user_agent, 500),
        'device_id', left(p_device_id, 255));
BEGIN
    IF p_identifier IS NULL OR p_password IS NULL THEN
        RETURN QUERY SELECT 'invalid'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp;
        RETURN;
    END IF;
    IF octet_length(p_password) > 72 THEN
        RETURN QUERY SELECT 'too_long'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp;
        RETURN;
    END IF;
    SELECT * INTO v_user FROM users u
    WHERE u.email = lower(p_identifier) OR u.phone = p_identifier ORDER BY u.id LIMIT 1;
    IF NOT FOUND THEN
        PERFORM crypt(p_password, '{ABSENT_USER_HASH}');
        INSERT INTO security_events (event_type, severity, ip_address, details)
        VALUES ('login_failed', 'warning', v_ip, v_details || '{{"reason": "unknown user"}}');
        RETURN QUERY SELECT 'invalid'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp;
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(7243, v_user.id);  -- one attempt per user at a time
    SELECT g.last_failure, g.failures INTO v_last, v_failures FROM cnc_guard_read(v_user.id) g;
    IF v_failures >= {LOCK_AFTER_FAILURES} AND v_now < v_last + interval '{LOCK_DURATION}' THEN
        INSERT INTO security_events (event_type, severity, user_id, ip_address, details)
        VALUES ('login_blocked', 'warning', v_user.id, v_ip, v_details);
        RETURN QUERY SELECT 'locked'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, v_last + interval '{LOCK_DURATION}';
        RETURN;
    END IF;
    IF v_user.password_hash IS NULL
       OR crypt(p_password, v_user.password_hash) <> v_user.password_hash THEN
        v_failures := CASE WHEN v_last IS NULL OR v_now > v_last + interval '{LOCK_WINDOW}'
                           THEN 1 ELSE v_failures + 1 END;
        PERFORM cnc_guard_write(v_user.id, v_now, v_failures);
        INSERT INTO security_events (event_type, severity, user_id, ip_address, details)
        VALUES ('login_failed', 'warning', v_user.id, v_ip,
                v_details || jsonb_build_object('failures', v_failures));
        IF v_failures >= {LOCK_AFTER_FAILURES} THEN
            INSERT INTO security_events (event_type, severity, user_id, ip_address, details)
            VALUES ('account_locked', 'high', v_user.id, v_ip,
                    v_details || jsonb_build_object('failures', v_failures,
                        'locked_until', v_now + interval '{LOCK_DURATION}'));
            RETURN QUERY SELECT 'locked'::text, NULL::int, NULL::text, NULL::int, NULL::text,
                NULL::text, NULL::timestamp, v_now + interval '{LOCK_DURATION}';
            RETURN;
        END IF;
        RETURN QUERY SELECT 'invalid'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp;
        RETURN;
    END IF;
    IF v_user.is_active IS FALSE THEN
        RETURN QUERY SELECT 'inactive'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp;
        RETURN;
    END IF;
    PERFORM cnc_guard_write(v_user.id, NULL, 0);
    v_refresh := cnc_token();
    v_access := cnc_token();
    v_expires := v_now + CASE WHEN p_remember THEN interval '30 days' ELSE interval '12 hours' END;
    INSERT INTO sessions (user_id, refresh_token_hash, access_token_jti, ip_address,
                          user_agent, device_id, expires_at)
    VALUES (v_user.id, cnc_digest(v_refresh), cnc_digest(v_access), v_ip,
            left(p_user_agent, 1000), left(p_device_id, 255), v_expires)
    RETURNING id INTO v_session;
    UPDATE users SET last_login_at = v_now WHERE id = v_user.id;
    PERFORM cnc_bind(v_session, v_user.id);
    PERFORM cnc_audit_append_as(v_user.id, v_session, 'user.login', 'users', v_user.id,
        NULL, jsonb_build_object('remember', p_remember), v_ip, left(p_user_agent, 1000));
    RETURN QUERY SELECT 'ok'::text, v_user.id, v_user.role::text, v_session, v_refresh,
        v_access, v_expires, NULL::timestamp;
END;
$$;

CREATE FUNCTION cnc_resume(
    p_refresh_token text, p_user_agent text DEFAULT NULL, p_device_id text DEFAULT NULL
) RETURNS TABLE (
    status text, user_id integer, user_role text, session_id integer,
    refresh_token text, access_token text, expires_at timestamp, retry_at timestamp
)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
#variable_conflict use_column
DECLARE
    v_hash text := cnc_digest(coalesce(p_refresh_token, ''));
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_ip inet := inet_client_addr();
    v_session sessions%ROWTYPE;
    v_user users%ROWTYPE;
    v_refresh text;
    v_access text;
    v_expires timestamp;
BEGIN
    SELECT * INTO v_session FROM sessions s WHERE s.refresh_token_hash = v_hash FOR UPDATE;
    IF NOT FOUND THEN
        SELECT s.* INTO v_session FROM session_token_history h
        JOIN sessions s ON s.id = h.session_id WHERE h.token_hash = v_hash FOR UPDATE OF s;
        IF FOUND THEN
            -- A token already rotated away came back: someone copied it. End the session.
            UPDATE sessions SET revoked_at = coalesce(revoked_at, v_now) WHERE id = v_session.id;
            DELETE FROM session_bindings WHERE session_id = v_session.id;
            INSERT INTO security_events (event_type, severity, user_id, ip_address, details)
            VALUES ('refresh_token_reuse', 'critical', v_session.user_id, v_ip,
                    jsonb_build_object('session_id', v_session.id,
                        'user_agent', left(p_user_agent, 500),
                        'device_id', left(p_device_id, 255)));
            RETURN QUERY SELECT 'reused'::text, NULL::int, NULL::text, NULL::int, NULL::text,
                NULL::text, NULL::timestamp, NULL::timestamp;
            RETURN;
        END IF;
        RETURN QUERY SELECT 'invalid'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp;
        RETURN;
    END IF;
    SELECT * INTO v_user FROM users u WHERE u.id = v_session.user_id;
    IF v_session.revoked_at IS NOT NULL OR v_session.expires_at <= v_now
       OR v_user.is_active IS FALSE THEN
        RETURN QUERY SELECT 'expired'::text, NULL::int, NULL::text, NULL::int, NULL::text,
            NULL::text, NULL::timestamp, NULL::timestamp;
        RETURN;
    END IF;
    INSERT INTO session_token_history (token_hash, session_id) VALUES (v_hash, v_session.id);
    v_refresh := cnc_token();
    v_access := cnc_token();
    v_expires := v_now + interval '30 days';
    UPDATE sessions
    SET refresh_token_hash = cnc_digest(v_refresh), access_token_jti = cnc_digest(v_access),
        expires_at = v_expires, ip_address = coalesce(v_ip, ip_address),
        user_agent = coalesce(left(p_user_agent, 1000), user_agent)
    WHERE id = v_session.id;
    UPDATE users SET last_login_at = v_now WHERE id = v_user.id;
    PERFORM cnc_bind(v_session.id, v_user.id);
    PERFORM cnc_audit_append_as(v_user.id, v_session.id, 'user.resume', 'users', v_user.id,
        NULL, NULL, v_ip, left(p_user_agent, 1000));
    RETURN QUERY SELECT 'ok'::text, v_user.id, v_user.role::text, v_session.id, v_refresh,
        v_access, v_expires, NULL::timestamp;
END;
$$;

CREATE FUNCTION cnc_attach(p_access_token text)
RETURNS TABLE (status text, user_id integer, user_role text, session_id integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
#variable_conflict use_column
DECLARE
    v_session integer;
    v_user integer;
    v_role text;
BEGIN
    SELECT s.id, u.id, u.role INTO v_session, v_user, v_role
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.access_token_jti = cnc_digest(coalesce(p_access_token, ''))
      AND s.revoked_at IS NULL AND s.expires_at > (now() AT TIME ZONE 'UTC')
      AND u.is_active IS NOT FALSE;
    IF v_session IS NULL THEN
        RETURN QUERY SELECT 'invalid'::text, NULL::int, NULL::text, NULL::int;
        RETURN;
    END IF;
    PERFORM cnc_bind(v_session, v_user);
    RETURN QUERY SELECT 'ok'::text, v_user, v_role, v_session;
END;
$$;

CREATE FUNCTION cnc_logout() RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_binding record;
BEGIN
    SELECT * INTO v_binding FROM cnc_current_binding();
    IF v_binding.session_id IS NULL THEN
        DELETE FROM session_bindings WHERE backend_pid = pg_backend_pid();
        RETURN false;
    END IF;
    PERFORM cnc_audit_append('user.logout', 'sessions', v_binding.session_id);
    UPDATE sessions SET revoked_at = now() AT TIME ZONE 'UTC' WHERE id = v_binding.session_id;
    DELETE FROM session_bindings WHERE session_id = v_binding.session_id;
    RETURN true;
END;
$$;

CREATE FUNCTION cnc_revoke_session(p_session_id integer) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_owner integer;
BEGIN
    SELECT s.user_id INTO v_owner FROM sessions s WHERE s.id = p_session_id;
    IF v_owner IS NULL THEN
        RETURN false;
    END IF;
    IF NOT (v_owner = cnc_current_user_id() OR cnc_has_permission('user.manage')
            OR cnc_caller_is_privileged()) THEN
        RAISE EXCEPTION 'you may only end your own sessions' USING ERRCODE = '42501';
    END IF;
    UPDATE sessions SET revoked_at = coalesce(revoked_at, now() AT TIME ZONE 'UTC')
    WHERE id = p_session_id;
    DELETE FROM session_bindings WHERE session_id = p_session_id;
    PERFORM cnc_audit_append('session.revoke', 'sessions', p_session_id);
    RETURN true;
END;
$$;

CREATE FUNCTION cnc_set_password_hash(
    p_user_id integer, p_new_hash text, p_current_password text DEFAULT NULL
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_me integer := cnc_current_user_id();
    v_hash text;
    v_admin boolean := cnc_has_permission('user.manage') OR cnc_caller_is_privileged();
BEGIN
    IF p_new_hash IS NULL OR p_new_hash !~ '^\$2[ab]\$(1[2-9]|[23][0-9])\$[./A-Za-z0-9]{{53}}$' THEN
        RAISE EXCEPTION 'not a bcrypt hash of cost 12 or more' USING ERRCODE = '22023';
    END IF;
    SELECT password_hash INTO v_hash FROM users WHERE id = p_user_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such user' USING ERRCODE = '02000';
    END IF;
    IF v_me IS NOT NULL AND v_me = p_user_id AND NOT v_admin THEN
        IF v_hash IS NULL OR p_current_password IS NULL
           OR crypt(p_current_password, v_hash) <> v_hash THEN
            RAISE EXCEPTION 'the current password is wrong' USING ERRCODE = '28P01';
        END IF;
    ELSIF NOT v_admin THEN
        RAISE EXCEPTION 'only an administrator may set another user''s password'
            USING ERRCODE = '42501';
    END IF;
    UPDATE users SET password_hash = p_new_hash WHERE id = p_user_id;
    IF v_me IS DISTINCT FROM p_user_id THEN
        -- A reset by an administrator ends the user's sessions everywhere.
        UPDATE sessions SET revoked_at = now() AT TIME ZONE 'UTC'
        WHERE user_id = p_user_id AND revoked_at IS NULL;
    END IF;
    PERFORM cnc_audit_append('user.password_set', 'users', p_user_id);
END;
$$;

-- Before anyone has logged in, a new installation must be able to say that it has no
-- users yet and to create its first administrator (and nothing else).
CREATE FUNCTION cnc_has_users() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM users)
$$;

CREATE FUNCTION cnc_create_first_admin(p_email text, p_hash text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_id integer;
BEGIN
    PERFORM pg_advisory_xact_lock(7243, 0);
    IF EXISTS (SELECT 1 FROM users) THEN
        RAISE EXCEPTION 'this installation already has users' USING ERRCODE = '42501';
    END IF;
    IF p_hash IS NULL OR p_hash !~ '^\$2[ab]\$(1[2-9]|[23][0-9])\$[./A-Za-z0-9]{{53}}$' THEN
        RAISE EXCEPTION 'not a bcrypt hash of cost 12 or more' USING ERRCODE = '22023';
    END IF;
    INSERT INTO users (email, password_hash, role, is_verified)
    VALUES (lower(p_email), p_hash, 'admin', true) RETURNING id INTO v_id;
    PERFORM cnc_audit_append_as(v_id, NULL, 'user.create_first_admin', 'users', v_id,
        jsonb_build_object('email', lower(p_email), 'role', 'admin'), NULL,
        inet_client_addr(), NULL);
    RETURN v_id;
END;
$$;

-- When the user's account is locked until (NULL: not locked); for administrators.
CREATE FUNCTION cnc_locked_until(p_user_id integer) RETURNS timestamp
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_last timestamp;
    v_failures integer;
BEGIN
    IF NOT (cnc_has_permission('user.manage') OR cnc_caller_is_privileged()) THEN
        RETURN NULL;
    END IF;
    IF to_regclass(cnc_guard_name(p_user_id)) IS NULL THEN
        RETURN NULL;
    END IF;
    SELECT g.last_failure, g.failures INTO v_last, v_failures FROM cnc_guard_read(p_user_id) g;
    IF v_failures >= {LOCK_AFTER_FAILURES}
       AND now() AT TIME ZONE 'UTC' < v_last + interval '{LOCK_DURATION}' THEN
        RETURN v_last + interval '{LOCK_DURATION}';
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION cnc_unlock_user(p_user_id integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_me integer := cnc_current_user_id();
BEGIN
    IF NOT (cnc_has_permission('user.manage') OR cnc_caller_is_privileged()) THEN
        RAISE EXCEPTION 'only an administrator may unlock accounts' USING ERRCODE = '42501';
    END IF;
    PERFORM cnc_guard_write(p_user_id, NULL, 0);
    UPDATE security_events
    SET resolved = true, resolved_at = now() AT TIME ZONE 'UTC', resolved_by = v_me,
        notes = coalesce(notes || E'\n', '') || 'account unlocked'
    WHERE user_id = p_user_id AND event_type = 'account_locked' AND resolved IS NOT TRUE;
    INSERT INTO security_events (event_type, severity, user_id, ip_address, details, resolved,
                                 resolved_at, resolved_by)
    VALUES ('account_unlocked', 'info', p_user_id, inet_client_addr(), '{{}}'::jsonb, true,
            now() AT TIME ZONE 'UTC', v_me);
    PERFORM cnc_audit_append('user.unlock', 'users', p_user_id);
END;
$$;
"""

FUNCTIONS = [
    "cnc_backend_start()", "cnc_current_binding()", "cnc_current_user_id()",
    "cnc_current_session_id()", "cnc_current_role()", "cnc_has_permission(text)",
    "cnc_caller_is_privileged()", "cnc_token()", "cnc_digest(text)", "cnc_bind(integer, integer)",
    "cnc_guard_name(integer)", "cnc_guard_read(integer)",
    "cnc_guard_write(integer, timestamp without time zone, integer)",
    "cnc_users_guard_trigger()", "cnc_users_update_guard()", "cnc_json_string(text)",
    "cnc_audit_canonical(audit_logs)",
    "cnc_audit_append_as(integer, integer, text, text, integer, jsonb, jsonb, inet, text)",
    "cnc_audit_append(text, text, integer, jsonb, jsonb, integer, text)",
    "cnc_login(text, text, text, text, boolean)", "cnc_resume(text, text, text)",
    "cnc_attach(text)", "cnc_logout()", "cnc_revoke_session(integer)",
    "cnc_set_password_hash(integer, text, text)", "cnc_unlock_user(integer)",
    "cnc_has_users()", "cnc_create_first_admin(text, text)", "cnc_locked_until(integer)",
]  # fmt: skip
# What clients and workers may call; everything else is internal.
CALLABLE = [
    "cnc_current_user_id()", "cnc_current_session_id()", "cnc_current_role()",
    "cnc_has_permission(text)",
    "cnc_audit_append(text, text, integer, jsonb, jsonb, integer, text)",
    "cnc_login(text, text, text, text, boolean)", "cnc_resume(text, text, text)",
    "cnc_attach(text)", "cnc_logout()", "cnc_revoke_session(integer)",
    "cnc_set_password_hash(integer, text, text)", "cnc_unlock_user(integer)",
    "cnc_audit_canonical(audit_logs)", "cnc_has_users()", "cnc_create_first_admin(text, text)",
    "cnc_locked_until(integer)",
]  # fmt: skip
# Called inside policies, views and the functions above, as the invoker.
INVOKER_HELPERS = [
    "cnc_backend_start()", "cnc_current_binding()", "cnc_json_string(text)",
    "cnc_caller_is_privileged()",
]  # fmt: skip


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")
    op.execute(ROLES_SQL)

    op.create_table(
        "role_permissions",
        sa.Column("role", sa.String(length=50), nullable=False),
        sa.Column("permission", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("role", "permission", name="role_permissions_pkey"),
    )
    op.bulk_insert(
        sa.table("role_permissions", sa.column("role"), sa.column("permission")),
        [
            {"role": role, "permission": permission}
            for role, permissions in ROLE_PERMISSIONS.items()
            for permission in permissions
        ],
    )
    op.create_table(
        "session_bindings",
        sa.Column("backend_pid", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("backend_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("bound_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="session_bindings_session_id_fkey",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="session_bindings_user_id_fkey", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("backend_pid", name="session_bindings_pkey"),
    )  # fmt: skip
    op.create_table(
        "session_token_history",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("rotated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"], ["sessions.id"], name="session_token_history_session_id_fkey",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name="session_token_history_pkey"),
    )  # fmt: skip
    op.create_index("idx_session_token_history_session_id", "session_token_history", ["session_id"])
    op.create_table(
        "audit_chain_head",
        sa.Column("id", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=True),
        sa.Column("last_hash", postgresql.CHAR(length=64), nullable=False),
        sa.CheckConstraint("id", name="audit_chain_head_single_row_check"),
        sa.PrimaryKeyConstraint("id", name="audit_chain_head_pkey"),
    )
    # The chain continues from whatever the audit log already holds (nothing, normally).
    op.execute(
        f"INSERT INTO audit_chain_head (id, last_id, last_hash) "
        f"SELECT true, max(id), coalesce((SELECT chain_hash FROM audit_logs ORDER BY id DESC "
        f"LIMIT 1), '{GENESIS}') FROM audit_logs"
    )

    op.execute(FUNCTIONS_SQL)
    op.execute(
        "CREATE TRIGGER users_login_guard AFTER INSERT OR DELETE ON users "
        "FOR EACH ROW EXECUTE FUNCTION cnc_users_guard_trigger()"
    )
    op.execute(
        "SELECT cnc_guard_read(id) FROM users"  # guards for users created before this revision
    )
    op.execute(
        "CREATE TRIGGER users_update_guard BEFORE UPDATE ON users "
        "FOR EACH ROW EXECUTE FUNCTION cnc_users_update_guard()"
    )

    for function in FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    for function in CALLABLE + INVOKER_HELPERS:
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {CLIENT}, {WORKER}")

    op.execute(f"GRANT USAGE ON SCHEMA public TO {CLIENT}, {WORKER}")
    for table, policies in CLIENT_POLICIES.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for command, expression in policies.items():
            name = f"{table}_client_{command.lower()}"
            if command == "INSERT":
                clause = f"WITH CHECK ({expression})"
            elif command == "UPDATE":
                clause = f"USING ({expression}) WITH CHECK ({expression})"
            else:
                clause = f"USING ({expression})"
            op.execute(f"CREATE POLICY {name} ON {table} FOR {command} TO {CLIENT} {clause}")
            if table == "users" and command == "SELECT":
                op.execute(f"GRANT SELECT ({USER_COLUMNS_READ}) ON users TO {CLIENT}")
            elif table == "users" and command in ("INSERT", "UPDATE"):
                op.execute(f"GRANT {command} ({USER_COLUMNS_WRITE}) ON users TO {CLIENT}")
            elif table == "sessions":
                op.execute(f"GRANT SELECT ({SESSION_COLUMNS_READ}) ON sessions TO {CLIENT}")
            else:
                op.execute(f"GRANT {command} ON {table} TO {CLIENT}")
            if command == "INSERT":
                op.execute(f"GRANT USAGE ON SEQUENCE {table}_id_seq TO {CLIENT}")

    for table in CLIENT_POLICIES:
        if table in WORKER_NO_READ:
            continue
        op.execute(f"GRANT SELECT ON {table} TO {WORKER}")
        op.execute(
            f"CREATE POLICY {table}_worker_select ON {table} FOR SELECT TO {WORKER} USING (true)"
        )
    op.execute(f"GRANT SELECT ({USER_COLUMNS_READ}) ON users TO {WORKER}")
    op.execute(f"CREATE POLICY users_worker_select ON users FOR SELECT TO {WORKER} USING (true)")
    for table, commands in WORKER_WRITES.items():
        for command in commands:
            name = f"{table}_worker_{command.lower()}"
            clause = {
                "INSERT": "WITH CHECK (true)",
                "UPDATE": "USING (true) WITH CHECK (true)",
                "DELETE": "USING (true)",
            }[command]
            op.execute(f"GRANT {command} ON {table} TO {WORKER}")
            op.execute(f"CREATE POLICY {name} ON {table} FOR {command} TO {WORKER} {clause}")
            if command == "INSERT":
                op.execute(f"GRANT USAGE ON SEQUENCE {table}_id_seq TO {WORKER}")

    # Who owns a project or submitted a job, for every logged-in user: names, not PII.
    op.execute(USER_DIRECTORY_SQL)
    op.execute(f"GRANT SELECT ON user_directory TO {CLIENT}, {WORKER}")
    # Clients check that the schema matches their code before anything else.
    op.execute(f"GRANT SELECT ON alembic_version TO {CLIENT}, {WORKER}")


USER_DIRECTORY_SQL = """
CREATE VIEW user_directory WITH (security_barrier) AS
    SELECT id, email, role, is_active FROM users
    WHERE cnc_current_user_id() IS NOT NULL OR cnc_caller_is_privileged()
"""


def downgrade() -> None:
    # Roles are cluster-wide and may serve other databases: they stay; their rights here go.
    op.execute("DROP VIEW user_directory")
    for table in CLIENT_POLICIES:
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for row in op.get_bind().execute(
            sa.text("SELECT policyname FROM pg_policies WHERE tablename = :t"), {"t": table}
        ):
            op.execute(f"DROP POLICY {row[0]} ON {table}")
    op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {CLIENT}, {WORKER}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {CLIENT}, {WORKER}")
    op.execute(f"REVOKE USAGE ON SCHEMA public FROM {CLIENT}, {WORKER}")
    op.execute("DROP TRIGGER users_login_guard ON users")
    op.execute("DROP TRIGGER users_update_guard ON users")
    op.execute(
        "DO $$ DECLARE s record; BEGIN FOR s IN SELECT relname FROM pg_class "
        "WHERE relkind = 'S' AND relname LIKE 'cnc\\_login\\_guard\\_%' LOOP "
        "EXECUTE format('DROP SEQUENCE %I', s.relname); END LOOP; END $$"
    )
    for function in reversed(FUNCTIONS):
        op.execute(f"DROP FUNCTION {function}")
    op.drop_table("audit_chain_head")
    op.drop_index("idx_session_token_history_session_id", table_name="session_token_history")
    op.drop_table("session_token_history")
    op.drop_table("session_bindings")
    op.drop_table("role_permissions")
