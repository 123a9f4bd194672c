"""Workers may run jobs, not change identities or write audit entries in anyone's name.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04

``cnc_caller_is_privileged()`` is true for the database owner and for ``cnc_worker``, and
the identity functions let a privileged caller act for any user: with the workers'
credentials (which sit on every worker machine) one could set an administrator's password
hash, log in as that administrator, unlock accounts, end sessions, and append audit
entries in anyone's name. Identity functions now need the database owner
(``cnc_caller_is_owner()``); a worker appends audit entries only for the system (no user)
or for the user who submitted a job that is running or ended in the last ten minutes (its
results are recorded in that user's name).

The functions are rewritten from their live definitions (``pg_get_functiondef``), so what
later migrations changed in them is kept; only the privilege test is replaced.
"""

from collections.abc import Sequence

from alembic import op

from cncworkbench.db.migrate import replace_in_function

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PRIVILEGED = "cnc_caller_is_privileged()"
OWNER = "cnc_caller_is_owner()"
OWNER_ONLY = (
    "cnc_set_password_hash(integer, text, text)",
    "cnc_unlock_user(integer)",
    "cnc_revoke_session(integer)",
    "cnc_locked_until(integer)",
)
REVOKE_SESSION = "cnc_revoke_session(integer)"
OWN_SESSION = "v_owner = cnc_current_user_id()"
OWN_SESSION_NULL_SAFE = "v_owner IS NOT DISTINCT FROM cnc_current_user_id()"
AUDIT_APPEND = "cnc_audit_append(text, text, integer, jsonb, jsonb, integer, text)"
WORKER_AUDIT = (
    "(cnc_caller_is_owner() OR (cnc_caller_is_privileged() AND (p_actor_user_id IS NULL "
    "OR EXISTS (SELECT 1 FROM jobs j WHERE j.user_id = p_actor_user_id AND (j.status = "
    "'running' OR j.finished_at >= now() AT TIME ZONE 'UTC' - interval '10 minutes')))))"
)


def _rewrite(signature: str, *replacements: tuple[str, str]) -> None:
    replace_in_function(op.get_bind(), signature, *replacements)


def upgrade() -> None:
    op.execute(
        """
CREATE FUNCTION cnc_caller_is_owner() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT pg_has_role(session_user, d.datdba, 'MEMBER')
    FROM pg_database d WHERE d.datname = current_database()
$$;
"""
    )
    op.execute("REVOKE ALL ON FUNCTION cnc_caller_is_owner() FROM PUBLIC")
    op.execute("GRANT EXECUTE ON FUNCTION cnc_caller_is_owner() TO cnc_client, cnc_worker")
    for signature in OWNER_ONLY:
        _rewrite(signature, (PRIVILEGED, OWNER))
    # Without a logged-in user 'v_owner = cnc_current_user_id()' is NULL, so NOT (NULL OR
    # false) let any caller without a session end anyone's session.
    _rewrite(REVOKE_SESSION, (OWN_SESSION, OWN_SESSION_NULL_SAFE))
    _rewrite(AUDIT_APPEND, (f"IF NOT {PRIVILEGED} THEN", f"IF NOT {WORKER_AUDIT} THEN"))


def downgrade() -> None:
    _rewrite(AUDIT_APPEND, (f"IF NOT {WORKER_AUDIT} THEN", f"IF NOT {PRIVILEGED} THEN"))
    _rewrite(REVOKE_SESSION, (OWN_SESSION_NULL_SAFE, OWN_SESSION))
    for signature in OWNER_ONLY:
        _rewrite(signature, (OWNER, PRIVILEGED))
    op.execute("DROP FUNCTION cnc_caller_is_owner()")
