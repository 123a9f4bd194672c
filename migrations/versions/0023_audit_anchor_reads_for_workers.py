"""Workers anchor the audit chain: two functions give them the anchor's facts and no more.

Workers could read every audit entry (0002 gave ``cnc_worker`` SELECT on ``audit_logs``
like on the other tables), though no job needs who did what: that read is taken back, and
who did what stays with ``audit.read``. An anchor needs only each entry's id and chain
hash and the number of entries, nothing of their content, so two SECURITY DEFINER
functions return exactly that to the database owner and the workers:
``cnc_audit_anchor_entries(after)`` (id and chain_hash of the entries after an id, in
order) and ``cnc_audit_anchor_count()``. Everyone else is refused.

Revision ID: 0023
Revises: 0022
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = """
CREATE FUNCTION cnc_audit_anchor_entries(p_after integer)
RETURNS TABLE (id integer, chain_hash text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT cnc_caller_is_privileged() THEN
        RAISE EXCEPTION 'only the database owner and workers anchor the audit chain'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT a.id, a.chain_hash::text FROM audit_logs a
        WHERE a.id > coalesce(p_after, 0) ORDER BY a.id;
END $$;

CREATE FUNCTION cnc_audit_anchor_count() RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT cnc_caller_is_privileged() THEN
        RAISE EXCEPTION 'only the database owner and workers anchor the audit chain'
            USING ERRCODE = '42501';
    END IF;
    RETURN (SELECT count(*) FROM audit_logs);
END $$;

REVOKE ALL ON FUNCTION cnc_audit_anchor_entries(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION cnc_audit_anchor_count() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cnc_audit_anchor_entries(integer) TO cnc_worker;
GRANT EXECUTE ON FUNCTION cnc_audit_anchor_count() TO cnc_worker;

DROP POLICY audit_logs_worker_select ON audit_logs;
REVOKE SELECT ON audit_logs FROM cnc_worker;
"""

DOWNGRADE = """
GRANT SELECT ON audit_logs TO cnc_worker;
CREATE POLICY audit_logs_worker_select ON audit_logs FOR SELECT TO cnc_worker USING (true);
DROP FUNCTION cnc_audit_anchor_entries(integer);
DROP FUNCTION cnc_audit_anchor_count();
"""


def upgrade() -> None:
    op.execute(UPGRADE)


def downgrade() -> None:
    op.execute(DOWNGRADE)
