"""The job queue: claims, leases, retries, cancellation, progress and notifications.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

``jobs`` is the queue. A job's ``status`` only moves forward (a trigger refuses anything
else): pending → queued → running → completed / failed / cancelled. A job is *running*
from its first claim until it ends; between attempts (after a failure or a lost lease)
it stays running and waits for its next attempt. What the ERD has no column for lives in
``job_state`` (one row per job): when the job may next be claimed, the current attempt's
lease and heartbeat, and whether the user asked to cancel it. Workers register in
``workers``.

Every attempt has its own ``task_id``; progress, completion and failure must present it,
so an attempt whose lease was taken back can no longer change the job (fencing): a job's
results are committed exactly once.

NOTIFY channels: ``cnc_jobs`` (a job became claimable; payload: its type) wakes idle
workers; ``cnc_job_events`` (payload: {"id", "status", "progress"}) updates the GUI;
``cnc_job_cancel`` (payload: job id) reaches the worker running it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKOFF_BASE_S = 5  # retry n waits 5·2^(n-1) s (capped at 10 minutes), ±20 % jitter

FUNCTIONS_SQL = rf"""
-- Lease length for an attempt: a tenth of the job's timeout, between 5 s and 5 minutes.
CREATE FUNCTION cnc_job_lease(p_timeout integer) RETURNS interval
LANGUAGE sql IMMUTABLE AS $$
    SELECT make_interval(secs => greatest(5, least(300, coalesce(p_timeout, 3600) / 10)))
$$;

-- The base delay is the setting cnc.job_backoff_s (default {BACKOFF_BASE_S} s).
CREATE FUNCTION cnc_job_backoff(p_retry integer) RETURNS interval
LANGUAGE sql VOLATILE AS $$
    SELECT make_interval(secs => least(600,
        coalesce(nullif(current_setting('cnc.job_backoff_s', true), '')::numeric,
                 {BACKOFF_BASE_S}) * 2 ^ greatest(p_retry - 1, 0)) * (0.8 + 0.4 * random()))
$$;

CREATE FUNCTION cnc_job_event(p_job jobs) RETURNS void
LANGUAGE sql AS $$
    SELECT pg_notify('cnc_job_events', json_build_object(
        'id', p_job.id, 'status', p_job.status, 'progress', p_job.progress,
        'user_id', p_job.user_id)::text)
$$;

-- status only moves forward
CREATE FUNCTION cnc_jobs_status_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = OLD.status THEN
        RETURN NEW;
    END IF;
    IF (OLD.status = 'pending' AND NEW.status IN ('queued', 'running', 'cancelled'))
       OR (OLD.status = 'queued' AND NEW.status IN ('running', 'cancelled'))
       OR (OLD.status = 'running' AND NEW.status IN ('completed', 'failed', 'cancelled')) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'job % cannot go from % back to %', OLD.id, OLD.status, NEW.status
        USING ERRCODE = '23514';
END;
$$;

-- every job has its queue state; a claimable job wakes the workers
CREATE FUNCTION cnc_jobs_after_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
BEGIN
    INSERT INTO job_state (job_id, available_at)
    VALUES (NEW.id, coalesce(
        (NEW.input_params->>'_not_before')::timestamp, now() AT TIME ZONE 'UTC'))
    ON CONFLICT (job_id) DO NOTHING;
    PERFORM pg_notify('cnc_jobs', NEW.type);
    PERFORM cnc_job_event(NEW);
    RETURN NEW;
END;
$$;

CREATE FUNCTION cnc_submit_job(
    p_type text, p_params jsonb, p_priority integer DEFAULT 0,
    p_idempotency_key text DEFAULT NULL, p_timeout_seconds integer DEFAULT 3600,
    p_max_retries integer DEFAULT 3, p_not_before timestamp DEFAULT NULL,
    p_actor_user_id integer DEFAULT NULL
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_user integer := cnc_current_user_id();
    v_id integer;
    v_owner integer;
BEGIN
    IF v_user IS NULL THEN
        IF NOT cnc_caller_is_privileged() THEN
            RAISE EXCEPTION 'log in first' USING ERRCODE = '42501';
        END IF;
        v_user := p_actor_user_id;
    ELSIF NOT cnc_has_permission('job.submit') THEN
        RAISE EXCEPTION 'your role may not submit jobs' USING ERRCODE = '42501';
    END IF;
    IF p_idempotency_key IS NOT NULL THEN
        PERFORM pg_advisory_xact_lock(7244, hashtext(p_idempotency_key));
        SELECT id, user_id INTO v_id, v_owner FROM jobs WHERE idempotency_key = p_idempotency_key;
        IF FOUND THEN
            IF v_owner IS DISTINCT FROM v_user THEN
                RAISE EXCEPTION 'the idempotency key belongs to another user''s job'
                    USING ERRCODE = '23505';
            END IF;
            RETURN v_id;  -- the same request again: the first job
        END IF;
    END IF;
    INSERT INTO jobs (idempotency_key, user_id, type, status, priority, input_params,
                      max_retries, timeout_seconds)
    VALUES (p_idempotency_key, v_user, p_type,
            CASE WHEN p_not_before > now() AT TIME ZONE 'UTC' THEN 'pending' ELSE 'queued' END,
            coalesce(p_priority, 0),
            CASE WHEN p_not_before IS NULL THEN p_params
                 ELSE p_params || jsonb_build_object('_not_before', p_not_before) END,
            coalesce(p_max_retries, 3), coalesce(p_timeout_seconds, 3600))
    RETURNING id INTO v_id;
    RETURN v_id;
END;
$$;

-- Take back attempts whose worker stopped heartbeating, and stop attempts past their
-- timeout. Any worker runs this before it claims.
CREATE FUNCTION cnc_reap_jobs() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_job jobs%ROWTYPE;
    v_count integer := 0;
BEGIN
    FOR v_job IN
        SELECT j.* FROM jobs j JOIN job_state s ON s.job_id = j.id
        WHERE j.status = 'running' AND s.lease_expires_at IS NOT NULL
          AND (s.lease_expires_at < v_now
               OR s.attempt_started_at + make_interval(secs => j.timeout_seconds) < v_now)
        FOR UPDATE OF j SKIP LOCKED
    LOOP
        v_count := v_count + 1;
        IF (SELECT attempt_started_at FROM job_state WHERE job_id = v_job.id)
           + make_interval(secs => v_job.timeout_seconds) < v_now THEN
            PERFORM cnc_end_job(v_job.id, 'failed', NULL, 'timeout',
                format('the job ran longer than its timeout of %s s', v_job.timeout_seconds),
                NULL);
        ELSE
            PERFORM cnc_retry_or_fail(v_job.id, 'lease_expired',
                'the worker running the job stopped answering');
        END IF;
    END LOOP;
    -- delayed jobs whose time has come
    UPDATE jobs j SET status = 'queued'
    FROM job_state s
    WHERE s.job_id = j.id AND j.status = 'pending' AND s.available_at <= v_now;
    RETURN v_count;
END;
$$;

-- Ends a job for good (completed, failed or cancelled), with its notification.
CREATE FUNCTION cnc_end_job(
    p_job integer, p_status text, p_output jsonb, p_error_code text, p_error_message text,
    p_metrics jsonb
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_job jobs%ROWTYPE;
BEGIN
    UPDATE jobs SET
        status = p_status,
        progress = CASE WHEN p_status = 'completed' THEN 100 ELSE progress END,
        output_data = coalesce(p_output, output_data),
        error_code = CASE WHEN p_status = 'completed' THEN NULL ELSE p_error_code END,
        error_message = CASE WHEN p_status = 'completed' THEN NULL ELSE p_error_message END,
        finished_at = v_now,
        metrics = coalesce(metrics, '{{}}'::jsonb) || coalesce(p_metrics, '{{}}'::jsonb)
            || jsonb_build_object(
                'run_ms', (extract(epoch FROM v_now - coalesce(started_at, v_now)) * 1000)::bigint,
                'attempts', retry_count + 1)
    WHERE id = p_job RETURNING * INTO v_job;
    UPDATE job_state SET lease_expires_at = NULL, heartbeat_at = NULL, worker_id = NULL
    WHERE job_id = p_job;
    IF v_job.user_id IS NOT NULL THEN
        INSERT INTO notifications (user_id, type, severity, title, message, data, expires_at)
        VALUES (v_job.user_id, 'job.' || p_status,
            CASE p_status WHEN 'failed' THEN 'error' WHEN 'cancelled' THEN 'warning'
                 ELSE 'info' END,
            format('%s job %s %s', replace(v_job.type, '_', ' '), v_job.id, p_status),
            CASE p_status
                WHEN 'completed' THEN 'Finished successfully.'
                WHEN 'cancelled' THEN 'Cancelled as requested.'
                ELSE coalesce(p_error_message, 'Failed.') END,
            jsonb_build_object('job_id', v_job.id, 'status', p_status, 'type', v_job.type),
            v_now + interval '30 days');
    END IF;
    PERFORM cnc_job_event(v_job);
END;
$$;

-- An attempt failed: try again later (backing off) or, retries spent, fail the job.
CREATE FUNCTION cnc_retry_or_fail(p_job integer, p_code text, p_message text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_job jobs%ROWTYPE;
BEGIN
    SELECT * INTO v_job FROM jobs WHERE id = p_job;
    IF v_job.retry_count >= v_job.max_retries THEN
        PERFORM cnc_end_job(p_job, 'failed', NULL, p_code,
            format('%s (after %s attempts)', p_message, v_job.retry_count + 1), NULL);
        RETURN 'failed';
    END IF;
    UPDATE jobs SET retry_count = retry_count + 1, error_code = p_code,
                    error_message = p_message
    WHERE id = p_job RETURNING * INTO v_job;
    UPDATE job_state SET lease_expires_at = NULL, heartbeat_at = NULL, worker_id = NULL,
        available_at = now() AT TIME ZONE 'UTC' + cnc_job_backoff(v_job.retry_count)
    WHERE job_id = p_job;
    PERFORM cnc_job_event(v_job);
    RETURN 'retrying';
END;
$$;

CREATE FUNCTION cnc_claim_job(p_worker text, p_types text[], p_task text)
RETURNS SETOF jobs
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
    v_id integer;
    v_job jobs%ROWTYPE;
BEGIN
    PERFORM cnc_reap_jobs();
    SELECT j.id INTO v_id
    FROM jobs j JOIN job_state s ON s.job_id = j.id
    WHERE j.status IN ('queued', 'running') AND s.lease_expires_at IS NULL
      AND NOT s.cancel_requested AND s.available_at <= v_now
      AND (p_types IS NULL OR j.type = ANY (p_types))
    ORDER BY j.priority DESC, j.created_at, j.id
    FOR UPDATE OF j SKIP LOCKED
    LIMIT 1;
    IF v_id IS NULL THEN
        RETURN;
    END IF;
    UPDATE jobs SET status = 'running', task_id = p_task, progress = 0,
        started_at = coalesce(started_at, v_now),
        metrics = coalesce(metrics, '{{}}'::jsonb) || jsonb_build_object(
            'queue_wait_ms', coalesce((metrics->>'queue_wait_ms')::bigint,
                (extract(epoch FROM v_now - created_at) * 1000)::bigint),
            'worker', p_worker)
    WHERE id = v_id RETURNING * INTO v_job;
    UPDATE job_state SET worker_id = p_worker, attempt_started_at = v_now,
        heartbeat_at = v_now, lease_expires_at = v_now + cnc_job_lease(v_job.timeout_seconds)
    WHERE job_id = v_id;
    PERFORM cnc_job_event(v_job);
    RETURN NEXT v_job;
END;
$$;

-- The worker is alive and still running these attempts; answers which were cancelled.
CREATE FUNCTION cnc_heartbeat(p_worker text, p_tasks text[])
RETURNS TABLE (job_id integer, task_id text, cancel_requested boolean, lost boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
#variable_conflict use_column
DECLARE
    v_now timestamp := now() AT TIME ZONE 'UTC';
BEGIN
    UPDATE workers SET heartbeat_at = v_now WHERE id = p_worker;
    UPDATE job_state s
    SET heartbeat_at = v_now, lease_expires_at = v_now + cnc_job_lease(j.timeout_seconds)
    FROM jobs j
    WHERE j.id = s.job_id AND j.status = 'running' AND j.task_id = ANY (p_tasks)
      AND s.worker_id = p_worker AND s.lease_expires_at IS NOT NULL;
    RETURN QUERY
    SELECT j.id, t.task, coalesce(s.cancel_requested, false),
           j.id IS NULL OR j.status <> 'running' OR s.worker_id IS DISTINCT FROM p_worker
    FROM unnest(p_tasks) AS t(task)
    LEFT JOIN jobs j ON j.task_id = t.task
    LEFT JOIN job_state s ON s.job_id = j.id;
END;
$$;

-- Progress of the current attempt; answers whether the user asked to cancel.
CREATE FUNCTION cnc_job_progress(p_job integer, p_task text, p_progress integer, p_message text)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_job jobs%ROWTYPE;
BEGIN
    UPDATE jobs SET progress = greatest(0, least(100, p_progress)),
        metrics = coalesce(metrics, '{{}}'::jsonb)
            || jsonb_build_object('message', left(p_message, 500))
    WHERE id = p_job AND task_id = p_task AND status = 'running'
    RETURNING * INTO v_job;
    IF NOT FOUND THEN
        RETURN true;  -- this attempt no longer owns the job: stop
    END IF;
    PERFORM cnc_job_event(v_job);
    RETURN (SELECT cancel_requested FROM job_state WHERE job_id = p_job);
END;
$$;

CREATE FUNCTION cnc_complete_job(p_job integer, p_task text, p_output jsonb, p_metrics jsonb)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM 1 FROM jobs WHERE id = p_job AND task_id = p_task AND status = 'running' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;  -- fenced: another attempt owns the job, or it ended
    END IF;
    PERFORM cnc_end_job(p_job, 'completed', p_output, NULL, NULL, p_metrics);
    RETURN true;
END;
$$;

CREATE FUNCTION cnc_fail_attempt(
    p_job integer, p_task text, p_code text, p_message text, p_retryable boolean
) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    v_cancel boolean;
BEGIN
    PERFORM 1 FROM jobs WHERE id = p_job AND task_id = p_task AND status = 'running' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'fenced';
    END IF;
    SELECT cancel_requested INTO v_cancel FROM job_state WHERE job_id = p_job;
    IF v_cancel THEN
        PERFORM cnc_end_job(p_job, 'cancelled', NULL, 'cancelled', 'cancelled by the user', NULL);
        RETURN 'cancelled';
    END IF;
    IF NOT p_retryable THEN
        PERFORM cnc_end_job(p_job, 'failed', NULL, p_code, p_message, NULL);
        RETURN 'failed';
    END IF;
    RETURN cnc_retry_or_fail(p_job, p_code, p_message);
END;
$$;

-- Graceful shutdown: the attempt gives the job back without counting as a failure.
CREATE FUNCTION cnc_release_job(p_job integer, p_task text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
BEGIN
    UPDATE job_state s SET lease_expires_at = NULL, heartbeat_at = NULL, worker_id = NULL,
        available_at = now() AT TIME ZONE 'UTC'
    FROM jobs j
    WHERE j.id = s.job_id AND j.id = p_job AND j.task_id = p_task AND j.status = 'running';
    IF FOUND THEN
        PERFORM pg_notify('cnc_jobs', (SELECT type FROM jobs WHERE id = p_job));
    END IF;
    RETURN FOUND;
END;
$$;

CREATE FUNCTION cnc_cancel_job(p_job integer) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_job jobs%ROWTYPE;
    v_state job_state%ROWTYPE;
BEGIN
    SELECT * INTO v_job FROM jobs WHERE id = p_job FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no job %', p_job USING ERRCODE = '02000';
    END IF;
    IF NOT (v_job.user_id = cnc_current_user_id() OR cnc_has_permission('job.read_all')
            OR cnc_caller_is_privileged()) THEN
        RAISE EXCEPTION 'you may only cancel your own jobs' USING ERRCODE = '42501';
    END IF;
    IF v_job.status IN ('completed', 'failed', 'cancelled') THEN
        RETURN v_job.status;  -- over already
    END IF;
    SELECT * INTO v_state FROM job_state WHERE job_id = p_job FOR UPDATE;
    IF v_job.status IN ('pending', 'queued') OR v_state.lease_expires_at IS NULL THEN
        PERFORM cnc_end_job(p_job, 'cancelled', NULL, 'cancelled', 'cancelled by the user', NULL);
        RETURN 'cancelled';
    END IF;
    -- running: the worker stops it at its next progress report or heartbeat
    UPDATE job_state SET cancel_requested = true WHERE job_id = p_job;
    PERFORM pg_notify('cnc_job_cancel', p_job::text);
    RETURN 'cancelling';
END;
$$;

-- The running attempt stopped because the user cancelled.
CREATE FUNCTION cnc_acknowledge_cancel(p_job integer, p_task text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    PERFORM 1 FROM jobs WHERE id = p_job AND task_id = p_task AND status = 'running' FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM cnc_end_job(p_job, 'cancelled', NULL, 'cancelled', 'cancelled by the user', NULL);
    RETURN true;
END;
$$;

CREATE FUNCTION cnc_register_worker(
    p_worker text, p_hostname text, p_pid integer, p_types text[], p_concurrency integer,
    p_version text
) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
    INSERT INTO workers (id, hostname, pid, types, concurrency, version, started_at,
                         heartbeat_at)
    VALUES (p_worker, p_hostname, p_pid, p_types, p_concurrency, p_version,
            now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
    ON CONFLICT (id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at, stopped_at = NULL
$$;

CREATE FUNCTION cnc_worker_stopped(p_worker text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
    UPDATE workers SET stopped_at = now() AT TIME ZONE 'UTC' WHERE id = p_worker
$$;

-- How many workers answered in the last 30 s (the GUI starts its own when none).
CREATE FUNCTION cnc_live_workers(p_type text DEFAULT NULL) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
    SELECT count(*)::integer FROM workers
    WHERE stopped_at IS NULL AND heartbeat_at > now() AT TIME ZONE 'UTC' - interval '30 seconds'
      AND (p_type IS NULL OR p_type = ANY (types))
$$;
"""

SUBMIT = (
    "cnc_submit_job(text, jsonb, integer, text, integer, integer, "
    "timestamp without time zone, integer)"
)
FUNCTIONS = [
    "cnc_job_lease(integer)", "cnc_job_backoff(integer)", "cnc_job_event(jobs)",
    "cnc_jobs_status_guard()", "cnc_jobs_after_insert()",
    SUBMIT,
    "cnc_reap_jobs()", "cnc_end_job(integer, text, jsonb, text, text, jsonb)",
    "cnc_retry_or_fail(integer, text, text)", "cnc_claim_job(text, text[], text)",
    "cnc_heartbeat(text, text[])", "cnc_job_progress(integer, text, integer, text)",
    "cnc_complete_job(integer, text, jsonb, jsonb)",
    "cnc_fail_attempt(integer, text, text, text, boolean)", "cnc_release_job(integer, text)",
    "cnc_cancel_job(integer)", "cnc_acknowledge_cancel(integer, text)",
    "cnc_register_worker(text, text, integer, text[], integer, text)",
    "cnc_worker_stopped(text)", "cnc_live_workers(text)",
]  # fmt: skip
CLIENT_CALLABLE = [
    SUBMIT,
    "cnc_cancel_job(integer)", "cnc_live_workers(text)",
]  # fmt: skip
WORKER_CALLABLE = [
    *CLIENT_CALLABLE,
    "cnc_reap_jobs()", "cnc_claim_job(text, text[], text)", "cnc_heartbeat(text, text[])",
    "cnc_job_progress(integer, text, integer, text)",
    "cnc_complete_job(integer, text, jsonb, jsonb)",
    "cnc_fail_attempt(integer, text, text, text, boolean)", "cnc_release_job(integer, text)",
    "cnc_acknowledge_cancel(integer, text)",
    "cnc_register_worker(text, text, integer, text[], integer, text)",
    "cnc_worker_stopped(text)",
]  # fmt: skip


def upgrade() -> None:
    op.create_table(
        "job_state",
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("available_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("attempt_started_at", sa.DateTime(), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(), nullable=True),
        sa.Column("lease_expires_at", sa.DateTime(), nullable=True),
        sa.Column("worker_id", sa.String(length=255), nullable=True),
        sa.Column(
            "cancel_requested", sa.Boolean(), server_default=sa.text("false"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name="job_state_job_id_fkey", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("job_id", name="job_state_pkey"),
    )  # fmt: skip
    op.create_index(
        "idx_job_state_available",
        "job_state",
        ["available_at"],
        postgresql_where=sa.text("lease_expires_at IS NULL"),
    )
    op.create_index(
        "idx_job_state_lease",
        "job_state",
        ["lease_expires_at"],
        postgresql_where=sa.text("lease_expires_at IS NOT NULL"),
    )
    op.create_table(
        "workers",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("hostname", sa.String(length=255), nullable=True),
        sa.Column("pid", sa.Integer(), nullable=True),
        sa.Column("types", sa.ARRAY(sa.Text()), nullable=True),
        sa.Column("concurrency", sa.Integer(), nullable=True),
        sa.Column("version", sa.String(length=50), nullable=True),
        sa.Column("started_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("stopped_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="workers_pkey"),
    )
    op.create_index("idx_jobs_queue", "jobs", [sa.text("priority DESC"), "created_at", "id"],
                    postgresql_where=sa.text("status IN ('queued', 'running')"))  # fmt: skip
    # jobs submitted before this revision get their queue state
    op.execute("INSERT INTO job_state (job_id) SELECT id FROM jobs")
    op.execute(FUNCTIONS_SQL)
    op.execute(
        "CREATE TRIGGER jobs_status_guard BEFORE UPDATE OF status ON jobs "
        "FOR EACH ROW EXECUTE FUNCTION cnc_jobs_status_guard()"
    )
    op.execute(
        "CREATE TRIGGER jobs_after_insert AFTER INSERT ON jobs "
        "FOR EACH ROW EXECUTE FUNCTION cnc_jobs_after_insert()"
    )
    for function in FUNCTIONS:
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    for function in CLIENT_CALLABLE:
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO cnc_client")
    for function in WORKER_CALLABLE:
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO cnc_worker")
    # The GUI shows "retrying in 20 s": a job's state is visible with the job itself.
    for table in ("job_state", "workers"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute("GRANT SELECT ON job_state TO cnc_client, cnc_worker")
    op.execute(
        "CREATE POLICY job_state_client_select ON job_state FOR SELECT TO cnc_client "
        "USING (EXISTS (SELECT 1 FROM jobs WHERE jobs.id = job_state.job_id))"
    )
    op.execute(
        "CREATE POLICY job_state_worker_select ON job_state FOR SELECT TO cnc_worker USING (true)"
    )
    op.execute("GRANT SELECT ON workers TO cnc_worker")
    op.execute(
        "CREATE POLICY workers_worker_select ON workers FOR SELECT TO cnc_worker USING (true)"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER jobs_after_insert ON jobs")
    op.execute("DROP TRIGGER jobs_status_guard ON jobs")
    for function in reversed(FUNCTIONS):
        op.execute(f"DROP FUNCTION {function}")
    op.drop_index("idx_jobs_queue", table_name="jobs")
    op.drop_table("workers")
    op.drop_index("idx_job_state_lease", table_name="job_state")
    op.drop_index("idx_job_state_available", table_name="job_state")
    op.drop_table("job_state")
