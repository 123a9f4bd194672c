"""A running job's lease is three of its worker's heartbeats, whatever the job's timeout.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

The lease was a tenth of the job's timeout (5 s to 5 minutes), so a job with the default
timeout of an hour stayed 'running' for 5 minutes after its worker was killed, although
the worker's heartbeats (every 2 s) had stopped at once. The lease is now renewed by each
heartbeat and lapses after three missed ones: the worker declares its heartbeat interval
in the transaction that claims or beats (``cnc.heartbeat_s``, 1–20 s, default 2 s), so
the next worker that reaps re-queues the job within seconds. The timeout still ends a job
that runs too long (cnc_reap_jobs), and fencing keeps a late attempt from writing.
The parameter stays so the functions that call this one keep their definitions.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HEARTBEATS_PER_LEASE = 3
DEFAULT_HEARTBEAT_S = 2


def upgrade() -> None:
    op.execute(
        f"""
CREATE OR REPLACE FUNCTION cnc_job_lease(p_timeout integer) RETURNS interval
LANGUAGE sql STABLE AS $$
    SELECT make_interval(secs => {HEARTBEATS_PER_LEASE} * greatest(1, least(20, coalesce(
        nullif(current_setting('cnc.heartbeat_s', true), '')::numeric, {DEFAULT_HEARTBEAT_S}))))
$$;
"""
    )


def downgrade() -> None:
    op.execute(
        """
CREATE OR REPLACE FUNCTION cnc_job_lease(p_timeout integer) RETURNS interval
LANGUAGE sql IMMUTABLE AS $$
    SELECT make_interval(secs => greatest(5, least(300, coalesce(p_timeout, 3600) / 10)))
$$;
"""
    )
