"""A lock-out answers alike for accounts that exist and for those that do not.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04

Known accounts locked after five failures while unknown identifiers never did, and a
locked account answered in about a millisecond (no bcrypt): both told an attacker which
e-mail addresses and phone numbers have accounts. Unknown identifiers now count failures
and lock exactly like accounts (counters in 4,096 shared buckets above every user id, so
made-up names cannot make the database keep a counter each), and every answer, locked
or not, costs one bcrypt comparison.
"""

from collections.abc import Sequence

from alembic import op

from cncworkbench.db.migrate import replace_in_function

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LOGIN = "cnc_login(text, text, text, text, boolean)"
DUMMY_HASH = "$2a$12$t5OLY2ECiDPDofauC2SMm.CgLb5G9x5bSTMyf0RRrvaQS0Zmq7zna"
DECLARE_OLD = "    v_session integer;\n"
DECLARE_NEW = "    v_session integer;\n    v_bucket integer;\n"
KNOWN_LOCKED_OLD = """    IF v_failures >= 5 AND v_now < v_last + interval '15 minutes' THEN
        INSERT INTO security_events (event_type, severity, user_id, ip_address, details)
        VALUES ('login_blocked', 'warning', v_user.id, v_ip, v_details);"""
KNOWN_LOCKED_NEW = f"""    IF v_failures >= 5 AND v_now < v_last + interval '15 minutes' THEN
        PERFORM crypt(p_password, coalesce(v_user.password_hash, '{DUMMY_HASH}'));
        INSERT INTO security_events (event_type, severity, user_id, ip_address, details)
        VALUES ('login_blocked', 'warning', v_user.id, v_ip, v_details);"""
UNKNOWN_OLD = f"""    IF NOT FOUND THEN
        PERFORM crypt(p_password, '{DUMMY_HASH}');
        INSERT INTO security_events (event_type, severity, ip_address, details)
        VALUES ('login_failed', 'warning', v_ip, v_details || '{{"reason": "unknown user"}}');"""
UNKNOWN_NEW = f"""    IF NOT FOUND THEN
        v_bucket := 2000000000 + (hashtext(lower(p_identifier)) & 4095);
        PERFORM pg_advisory_xact_lock(7243, v_bucket);
        SELECT g.last_failure, g.failures INTO v_last, v_failures FROM cnc_guard_read(v_bucket) g;
        PERFORM crypt(p_password, '{DUMMY_HASH}');
        IF v_failures >= 5 AND v_now < v_last + interval '15 minutes' THEN
            INSERT INTO security_events (event_type, severity, ip_address, details)
            VALUES ('login_blocked', 'warning', v_ip, v_details || '{{"reason": "unknown user"}}');
            RETURN QUERY SELECT 'locked'::text, NULL::int, NULL::text, NULL::int, NULL::text,
                NULL::text, NULL::timestamp, v_last + interval '15 minutes', NULL::jsonb;
            RETURN;
        END IF;
        v_failures := CASE WHEN v_last IS NULL OR v_now > v_last + interval '15 minutes'
                           THEN 1 ELSE v_failures + 1 END;
        PERFORM cnc_guard_write(v_bucket, v_now, v_failures);
        INSERT INTO security_events (event_type, severity, ip_address, details)
        VALUES ('login_failed', 'warning', v_ip, v_details || jsonb_build_object(
            'reason', 'unknown user', 'failures', v_failures));
        IF v_failures >= 5 THEN
            RETURN QUERY SELECT 'locked'::text, NULL::int, NULL::text, NULL::int, NULL::text,
                NULL::text, NULL::timestamp, v_now + interval '15 minutes', NULL::jsonb;
            RETURN;
        END IF;"""


REPLACEMENTS = (
    (DECLARE_OLD, DECLARE_NEW),
    (KNOWN_LOCKED_OLD, KNOWN_LOCKED_NEW),
    (UNKNOWN_OLD, UNKNOWN_NEW),
)


def upgrade() -> None:
    replace_in_function(op.get_bind(), LOGIN, *REPLACEMENTS)


def downgrade() -> None:
    undo = [(new, old) for old, new in reversed(REPLACEMENTS)]
    replace_in_function(op.get_bind(), LOGIN, *undo)
