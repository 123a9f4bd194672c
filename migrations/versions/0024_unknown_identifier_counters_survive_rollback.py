"""An unknown identifier's lock-out counter survives the caller's ROLLBACK, as its events do.

Unknown identifiers count failures in 4,096 shared buckets (0014), each a sequence made on
first use. ``setval`` outlives a rollback, but a sequence created in the caller's
transaction does not: a raw client's ``BEGIN; cnc_login(<made-up name>, ...) x5; ROLLBACK``
left the events (0020) but no counter, so the name never locked. A bucket's sequence is now
created by the autonomous dblink connection of 0020 (committed at once) through
``cnc_private.guard_create``, which creates lock-out buckets and nothing else; without
dblink it is created in the caller's transaction as before.

Revision ID: 0024
Revises: 0023
"""

from collections.abc import Sequence

from alembic import op

from cncworkbench.db.migrate import replace_in_function

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FIRST_BUCKET, BUCKETS = 2_000_000_000, 4096  # as in 0014

UPGRADE = rf"""
CREATE FUNCTION cnc_private.guard_create(p_user integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF p_user IS NULL OR p_user < {FIRST_BUCKET} OR p_user >= {FIRST_BUCKET + BUCKETS} THEN
        RAISE EXCEPTION 'only lock-out buckets are created here' USING ERRCODE = '42501';
    END IF;
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS public.%I MINVALUE 0 START 0',
                   cnc_guard_name(p_user));
END;
$$;
REVOKE ALL ON FUNCTION cnc_private.guard_create(integer) FROM PUBLIC;

DO $do$
DECLARE
    v_role text;
BEGIN
    FOR v_role IN SELECT role_name FROM cnc_private.autonomous_login LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA cnc_private TO %I', v_role);
        EXECUTE format('GRANT EXECUTE ON FUNCTION cnc_private.guard_create(integer) TO %I',
                       v_role);
    END LOOP;
END
$do$;

-- Create a bucket's sequence through the autonomous connection; false when that is not
-- possible (no dblink, unreachable), so the caller creates it itself.
CREATE FUNCTION cnc_guard_create_autonomously(p_user integer) RETURNS boolean
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
        cnc_private.conninfo_value('-c lock_timeout=2000 -c statement_timeout=5000'));
    EXECUTE format('SELECT %I.dblink_exec($1, $2)', v_schema)
        USING v_conninfo, format('SELECT cnc_private.guard_create(%s)', p_user);
    RETURN true;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'lock-out counter created in the caller''s transaction: %', SQLERRM;
    RETURN false;
END;
$$;
REVOKE ALL ON FUNCTION cnc_guard_create_autonomously(integer) FROM PUBLIC;
"""

DOWNGRADE = """
DROP FUNCTION cnc_guard_create_autonomously(integer);
DROP FUNCTION cnc_private.guard_create(integer);
DO $do$
DECLARE
    v_role text;
BEGIN
    FOR v_role IN SELECT role_name FROM cnc_private.autonomous_login LOOP
        EXECUTE format('REVOKE ALL ON SCHEMA cnc_private FROM %I', v_role);
    END LOOP;
END
$do$;
"""

GUARD_READ = "cnc_guard_read(integer)"
CREATE_OLD = """    IF to_regclass(cnc_guard_name(p_user)) IS NULL THEN  -- a user from before 0002
        EXECUTE format('CREATE SEQUENCE %I MINVALUE 0 START 0', cnc_guard_name(p_user));
    END IF;"""
CREATE_NEW = f"""    IF to_regclass(cnc_guard_name(p_user)) IS NULL THEN  -- before 0002; a bucket
        IF p_user < {FIRST_BUCKET} OR NOT cnc_guard_create_autonomously(p_user) THEN
            EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I MINVALUE 0 START 0',
                           cnc_guard_name(p_user));
        END IF;
    END IF;"""


def upgrade() -> None:
    with op.get_bind().connection.cursor() as cursor:  # '%' verbatim
        cursor.execute(UPGRADE)
    replace_in_function(op.get_bind(), GUARD_READ, (CREATE_OLD, CREATE_NEW))


def downgrade() -> None:
    replace_in_function(op.get_bind(), GUARD_READ, (CREATE_NEW, CREATE_OLD))
    with op.get_bind().connection.cursor() as cursor:
        cursor.execute(DOWNGRADE)
