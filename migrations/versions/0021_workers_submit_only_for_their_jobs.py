"""Workers submit follow-up jobs only for the user whose job they run; cancelling another's
job needs an administrator (before login it needed nothing); invoices need the owner.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-04

Found by enumerating every SECURITY DEFINER function and calling it as each role: with the
workers' credentials ``cnc_submit_job(..., p_actor_user_id)`` queued any job type in anyone's
name, and ``cnc_issue_invoice`` issued invoices (no job needs that). A worker now submits
only for the submitter of a job that is running (a CAM job queues its simulation in the
transaction that completes it); issuing invoices needs a billing administrator or the
database owner. ``cnc_cancel_job`` compared the job's user with ``cnc_current_user_id()``,
NULL before login, so ``NOT (NULL OR false OR false)`` let a connection that had not logged
in cancel anyone's job; a worker could cancel any job too (none needs to).
"""

from collections.abc import Sequence

from alembic import op

from cncworkbench.db.migrate import replace_in_function

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUBMIT = "cnc_submit_job(text, jsonb, integer, text, integer, integer, timestamp, integer)"
SUBMIT_OLD = """        IF NOT cnc_caller_is_privileged() THEN
            RAISE EXCEPTION 'log in first' USING ERRCODE = '42501';
        END IF;"""
SUBMIT_NEW = """        IF NOT cnc_caller_is_privileged() THEN
            RAISE EXCEPTION 'log in first' USING ERRCODE = '42501';
        END IF;
        IF NOT cnc_caller_is_owner() AND NOT EXISTS (
            SELECT 1 FROM jobs j WHERE j.user_id = p_actor_user_id AND j.status = 'running'
        ) THEN
            RAISE EXCEPTION 'a worker submits jobs only for the user whose job it runs'
                USING ERRCODE = '42501';
        END IF;"""
INVOICE = "cnc_issue_invoice(integer, text, jsonb, jsonb, integer)"
INVOICE_OLD = "v_privileged boolean := cnc_caller_is_privileged();"
INVOICE_NEW = "v_privileged boolean := cnc_caller_is_owner();"
CANCEL = "cnc_cancel_job(integer)"
CANCEL_OLD = (
    "    IF NOT (v_job.user_id = cnc_current_user_id() OR cnc_has_permission('job.read_all')\n"
    "            OR cnc_caller_is_privileged()) THEN"
)
CANCEL_NEW = """    IF NOT (coalesce(v_job.user_id = cnc_current_user_id(), false)
            OR cnc_has_permission('job.read_all') OR cnc_caller_is_owner()) THEN"""


def upgrade() -> None:
    replace_in_function(op.get_bind(), SUBMIT, (SUBMIT_OLD, SUBMIT_NEW))
    replace_in_function(op.get_bind(), INVOICE, (INVOICE_OLD, INVOICE_NEW))
    replace_in_function(op.get_bind(), CANCEL, (CANCEL_OLD, CANCEL_NEW))


def downgrade() -> None:
    replace_in_function(op.get_bind(), SUBMIT, (SUBMIT_NEW, SUBMIT_OLD))
    replace_in_function(op.get_bind(), INVOICE, (INVOICE_NEW, INVOICE_OLD))
    replace_in_function(op.get_bind(), CANCEL, (CANCEL_NEW, CANCEL_OLD))
