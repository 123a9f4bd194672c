"""Security events survive the caller's ROLLBACK.

Revision ID: 0020
Revises: 0014
Create Date: 2026-12-04

A raw client could wrap failed logins or a refresh-token reuse in ``BEGIN ... ROLLBACK``:
the lock-out counter (a sequence) stayed, the ``login_failed``, ``account_locked`` and
``refresh_token_reuse`` events were gone. Now every security event written with the
owner's rights (the SECURITY DEFINER identity functions) is inserted by a second, autonomous
connection to the same database through ``dblink``, which commits at once whatever the
caller does afterwards.

The autonomous connection logs in as a role of its own (one per database, INSERT into
``security_events`` and nothing else) with a random password kept in the owner-only schema
``cnc_private``: dblink lets a non-superuser connect only with a password, over TCP (the
embedded cluster's 127.0.0.1 listener, or the address the caller reached). ``dblink`` is not
a trusted extension: the embedded cluster and the tests create it as superuser; on a shared
database the administrator runs ``CREATE EXTENSION dblink``. Without it (or if the
autonomous insert fails: unreachable, lock timeout), the event is written in the caller's
transaction as before, so nothing is ever lost for want of dblink.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEND = "cnc_security_event_send(jsonb)"
TRIGGER_FUNCTION = "cnc_security_events_autonomous()"

UPGRADE = r"""
CREATE SCHEMA IF NOT EXISTS cnc_private;
REVOKE ALL ON SCHEMA cnc_private FROM PUBLIC;
CREATE TABLE cnc_private.autonomous_login (
    role_name text PRIMARY KEY,
    password text NOT NULL,
    host text,          -- NULL: the address the caller reached, else 127.0.0.1
    port integer        -- NULL: the server's port
);
REVOKE ALL ON cnc_private.autonomous_login FROM PUBLIC;

DO $do$
DECLARE
    v_role text := 'cnc_events_' || left(md5(current_database()), 12);
    v_password text := encode(gen_random_bytes(24), 'hex');
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = v_role) THEN
        EXECUTE format('ALTER ROLE %I LOGIN NOINHERIT PASSWORD %L', v_role, v_password);
    ELSE
        EXECUTE format('CREATE ROLE %I LOGIN NOINHERIT PASSWORD %L', v_role, v_password);
    END IF;
    INSERT INTO cnc_private.autonomous_login (role_name, password) VALUES (v_role, v_password);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), v_role);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', v_role);
    EXECUTE format('GRANT INSERT ON security_events TO %I', v_role);
    EXECUTE format('CREATE POLICY security_events_autonomous_insert ON security_events '
                   'FOR INSERT TO %I WITH CHECK (true)', v_role);
END
$do$;

-- Quoted for a libpq connection string.
CREATE FUNCTION cnc_private.conninfo_value(p text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT '''' || replace(replace(p, '\', '\\'), '''', '\''') || ''''
$$;

-- Insert one security_events row (as JSON) through an autonomous dblink connection; false
-- when that is not possible, so the caller writes it itself.
CREATE FUNCTION cnc_security_event_send(p_row jsonb) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_login cnc_private.autonomous_login%ROWTYPE;
    v_schema text;
    v_conninfo text;
BEGIN
    SELECT n.nspname INTO v_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'dblink';
    IF v_schema IS NULL THEN
        RETURN false;
    END IF;
    SELECT * INTO v_login FROM cnc_private.autonomous_login LIMIT 1;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    v_conninfo := format(
        'host=%s port=%s dbname=%s user=%s password=%s connect_timeout=5 '
        'application_name=cnc_security_events options=%s',
        cnc_private.conninfo_value(coalesce(v_login.host, host(inet_server_addr()), '127.0.0.1')),
        coalesce(v_login.port, current_setting('port')::integer),
        cnc_private.conninfo_value(current_database()),
        cnc_private.conninfo_value(v_login.role_name),
        cnc_private.conninfo_value(v_login.password),
        -- never wait for a lock the caller itself holds (dblink hides such deadlocks)
        cnc_private.conninfo_value('-c lock_timeout=2000 -c statement_timeout=5000'));
    EXECUTE format('SELECT %I.dblink_exec($1, $2)', v_schema) USING v_conninfo, format(
        'INSERT INTO public.security_events SELECT * FROM '
        'jsonb_populate_record(NULL::public.security_events, %L::jsonb)', p_row);
    RETURN true;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'security event written in the caller''s transaction: %', SQLERRM;
    RETURN false;
END;
$$;
REVOKE ALL ON FUNCTION cnc_security_event_send(jsonb) FROM PUBLIC;

-- Only inserts made with the owner's rights travel: anyone else's insert meets row-level
-- security as before (this runs as the invoker, so current_user tells them apart).
CREATE FUNCTION cnc_security_events_autonomous() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF current_user::text <> (SELECT relowner::regrole::text FROM pg_class WHERE oid = TG_RELID)
    THEN
        RETURN NEW;
    END IF;
    IF cnc_security_event_send(to_jsonb(NEW)) THEN
        RETURN NULL;  -- already committed by the autonomous connection
    END IF;
    RETURN NEW;
END;
$$;
REVOKE ALL ON FUNCTION cnc_security_events_autonomous() FROM PUBLIC;

CREATE TRIGGER security_events_autonomous BEFORE INSERT ON security_events
FOR EACH ROW EXECUTE FUNCTION cnc_security_events_autonomous();
"""

DOWNGRADE = """
DROP TRIGGER IF EXISTS security_events_autonomous ON security_events;
DROP FUNCTION IF EXISTS cnc_security_events_autonomous();
DROP FUNCTION IF EXISTS cnc_security_event_send(jsonb);
DROP POLICY IF EXISTS security_events_autonomous_insert ON security_events;
DO $do$
DECLARE
    v_role text;
BEGIN
    FOR v_role IN SELECT role_name FROM cnc_private.autonomous_login LOOP
        EXECUTE format('REVOKE ALL ON security_events FROM %I', v_role);
        EXECUTE format('REVOKE ALL ON SCHEMA public FROM %I', v_role);
        EXECUTE format('REVOKE ALL ON DATABASE %I FROM %I', current_database(), v_role);
    END LOOP;
END
$do$;
DROP SCHEMA cnc_private CASCADE;
"""


def upgrade() -> None:
    bind = op.get_bind()
    # dblink is untrusted: only a superuser may create it (the embedded cluster and the tests
    # do it as superuser beforehand); without it the caller-transaction fallback applies.
    can_create = (
        bind.exec_driver_sql(
            "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
        ).scalar_one()
        and bind.exec_driver_sql(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'dblink'"
        ).first()
    )
    if can_create:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS dblink")
    with bind.connection.cursor() as cursor:  # backslashes and '%' verbatim
        cursor.execute(UPGRADE)


def downgrade() -> None:
    with op.get_bind().connection.cursor() as cursor:
        cursor.execute(DOWNGRADE)
