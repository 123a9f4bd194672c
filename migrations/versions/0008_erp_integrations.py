"""ERP/MES integrations: configured external systems and the outbound delivery outbox.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26

- ``external_systems``: the ERP/MES systems the shop exchanges data with: name (upper
  case, it names the secrets too), base URL, direction (inbound, outbound, both), the
  entity types it subscribes to, timeouts, retries and back-off. The auth token and the
  signing secret are never stored here: they live in the OS keyring or in the environment
  (``CNC_ERP_TOKEN_<NAME>``, ``CNC_ERP_SECRET_<NAME>``). Administrators (``erp.manage``)
  write it; workers read it (and stamp ``last_pulled_at``).
- ``erp_deliveries``: what the ERD's ``erp_mes_sync`` has no column for and an outbound
  row needs: the event, its idempotency key (unique: an event is queued once per
  external system, entity and occurrence), when the next attempt is due (exponential
  back-off), the last HTTP status and a log of every attempt with its reason.
- ``cnc_erp_record_event(...)``: the outbox. In the caller's transaction it writes one
  ``erp_mes_sync`` row (``pending``) and its delivery row for each active outbound system
  subscribed to the entity type; a rolled-back change leaves nothing behind. It checks
  the permission that the event's change needs (approving a program, running CAM,
  billing), so a client cannot queue events it could not have caused; workers and the
  owner may queue any. A concurrent twin waits for the first and then finds it queued.
- CHECKs on ``erp_mes_sync``'s direction, status and retry count.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES_WITH_UPDATED_AT = ("external_systems",)
ENTITY_TYPES = ("order", "cam_run", "sim_run", "invoice")
# event -> (entity type, permission a client needs to queue it)
EVENTS = {
    "gcode.approved": ("sim_run", "sim.approve"),
    "cam.finished": ("cam_run", "cam.run"),
    "simulation.finished": ("sim_run", "cam.run"),
    "invoice.issued": ("invoice", "billing.manage"),
    "invoice.paid": ("invoice", "billing.manage"),
}
RECORD = "cnc_erp_record_event(text, text, integer, text, jsonb)"
KEY = "cnc_erp_key(text, text, integer, text, text)"


def _quoted(values) -> str:
    return ", ".join(f"'{value}'" for value in values)


SYNC_CHECKS = {
    "erp_mes_sync_direction_check": "sync_direction IN ('inbound', 'outbound')",
    "erp_mes_sync_status_check": "sync_status IN ('pending', 'synced', 'failed')",
    "erp_mes_sync_retry_count_check": "retry_count >= 0",
}

_ENTITY_CASES = " ".join(f"WHEN '{e}' THEN '{entity}'" for e, (entity, _) in EVENTS.items())
_PERMISSION_CASES = " ".join(f"WHEN '{e}' THEN '{perm}'" for e, (_, perm) in EVENTS.items())

FUNCTIONS_SQL = rf"""
-- The idempotency key of an event for one external system: sha256 (hex) of the fields
-- joined by the unit separator (cncworkbench.core.erp.idempotency_key computes the same).
CREATE FUNCTION cnc_erp_key(
    p_system text, p_entity_type text, p_entity_id integer, p_event text, p_occurrence text
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(digest(convert_to(p_system || chr(31) || p_entity_type || chr(31)
        || p_entity_id::text || chr(31) || p_event || chr(31) || coalesce(p_occurrence, ''),
        'UTF8'), 'sha256'), 'hex')
$$;

CREATE FUNCTION cnc_erp_record_event(
    p_event text, p_entity_type text, p_entity_id integer, p_occurrence text, p_envelope jsonb
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    v_entity text := CASE p_event {_ENTITY_CASES} END;
    v_permission text := CASE p_event {_PERMISSION_CASES} END;
    v_system external_systems%ROWTYPE;
    v_key text;
    v_id integer;
    v_count integer := 0;
BEGIN
    IF v_entity IS NULL THEN
        RAISE EXCEPTION 'unknown ERP event %', p_event USING ERRCODE = '22023';
    END IF;
    IF v_entity <> p_entity_type THEN
        RAISE EXCEPTION 'the event % is about a %, not a %', p_event, v_entity,
            p_entity_type USING ERRCODE = '22023';
    END IF;
    IF p_entity_id IS NULL OR jsonb_typeof(p_envelope) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION 'an ERP event needs an entity id and a JSON object'
            USING ERRCODE = '22023';
    END IF;
    IF NOT (cnc_caller_is_privileged() OR cnc_has_permission(v_permission)) THEN
        RAISE EXCEPTION 'your role may not cause the event %', p_event USING ERRCODE = '42501';
    END IF;
    FOR v_system IN
        SELECT * FROM external_systems
        WHERE active AND direction IN ('outbound', 'both') AND p_entity_type = ANY (entity_types)
        ORDER BY id
    LOOP
        v_key := cnc_erp_key(v_system.name, p_entity_type, p_entity_id, p_event, p_occurrence);
        -- a concurrent twin waits here until the first commits, then finds its row
        PERFORM pg_advisory_xact_lock(7245, hashtext(v_key));
        IF EXISTS (SELECT 1 FROM erp_deliveries WHERE idempotency_key = v_key) THEN
            CONTINUE;
        END IF;
        INSERT INTO erp_mes_sync (external_system, entity_type, entity_id, external_id,
                                  sync_direction, sync_status, sync_data, retry_count)
        VALUES (v_system.name, p_entity_type, p_entity_id, v_key, 'outbound', 'pending',
                p_envelope || jsonb_build_object('event_id', v_key), 0)
        RETURNING id INTO v_id;
        INSERT INTO erp_deliveries (sync_id, event, occurrence, idempotency_key)
        VALUES (v_id, p_event, p_occurrence, v_key);
        v_count := v_count + 1;
    END LOOP;
    RETURN v_count;
END;
$$;
"""


def upgrade() -> None:
    for name, expression in SYNC_CHECKS.items():
        op.create_check_constraint(name, "erp_mes_sync", sa.text(expression))
    op.create_table(
        "external_systems",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=63), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("base_url", sa.String(length=1024), nullable=False),
        sa.Column("events_path", sa.String(length=255), server_default="events", nullable=False),
        sa.Column("orders_path", sa.String(length=255), server_default="orders", nullable=False),
        sa.Column("direction", sa.String(length=20), nullable=False),
        sa.Column("entity_types", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("connect_timeout_ms", sa.Integer(), server_default=sa.text("5000"),
                  nullable=False),
        sa.Column("read_timeout_ms", sa.Integer(), server_default=sa.text("15000"),
                  nullable=False),
        sa.Column("max_retries", sa.Integer(), server_default=sa.text("8"), nullable=False),
        sa.Column("backoff_base_s", sa.Integer(), server_default=sa.text("30"), nullable=False),
        sa.Column("backoff_max_s", sa.Integer(), server_default=sa.text("3600"), nullable=False),
        sa.Column("pull_interval_s", sa.Integer(), nullable=True),
        sa.Column("last_pulled_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("name ~ '^[A-Z][A-Z0-9_]{0,62}$'", name="external_systems_name_check"),
        sa.CheckConstraint("base_url ~ '^https?://[^[:space:]]+$'",
                           name="external_systems_base_url_check"),
        sa.CheckConstraint("direction IN ('inbound', 'outbound', 'both')",
                           name="external_systems_direction_check"),
        sa.CheckConstraint(f"entity_types <@ ARRAY[{_quoted(ENTITY_TYPES)}]::text[]",
                           name="external_systems_entity_types_check"),
        sa.CheckConstraint("connect_timeout_ms BETWEEN 100 AND 60000",
                           name="external_systems_connect_timeout_ms_check"),
        sa.CheckConstraint("read_timeout_ms BETWEEN 100 AND 300000",
                           name="external_systems_read_timeout_ms_check"),
        sa.CheckConstraint("max_retries BETWEEN 0 AND 50",
                           name="external_systems_max_retries_check"),
        sa.CheckConstraint("backoff_base_s >= 1 AND backoff_max_s >= backoff_base_s "
                           "AND backoff_max_s <= 604800", name="external_systems_backoff_check"),
        sa.CheckConstraint("pull_interval_s IS NULL OR pull_interval_s BETWEEN 1 AND 604800",
                           name="external_systems_pull_interval_s_check"),
        sa.CheckConstraint("events_path !~ '[[:space:]]' AND orders_path !~ '[[:space:]]'",
                           name="external_systems_paths_check"),
        sa.PrimaryKeyConstraint("id", name="external_systems_pkey"),
        sa.UniqueConstraint("name", name="external_systems_name_key"),
    )  # fmt: skip
    op.create_table(
        "erp_deliveries",
        sa.Column("sync_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("event", sa.String(length=50), nullable=False),
        sa.Column("occurrence", sa.String(length=100), nullable=True),
        sa.Column("idempotency_key", sa.CHAR(length=64), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), server_default=sa.text("now()"),
                  nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_http_status", sa.Integer(), nullable=True),
        sa.Column("attempts", postgresql.JSONB(astext_type=sa.Text()),
                  server_default=sa.text("'[]'::jsonb"), nullable=False),
        sa.CheckConstraint(f"event IN ({_quoted(EVENTS)})", name="erp_deliveries_event_check"),
        sa.CheckConstraint("jsonb_typeof(attempts) = 'array'",
                           name="erp_deliveries_attempts_check"),
        sa.ForeignKeyConstraint(["sync_id"], ["erp_mes_sync.id"],
                                name="erp_deliveries_sync_id_fkey", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("sync_id", name="erp_deliveries_pkey"),
        sa.UniqueConstraint("idempotency_key", name="erp_deliveries_idempotency_key_key"),
    )  # fmt: skip
    op.create_index("idx_erp_deliveries_next_attempt_at", "erp_deliveries", ["next_attempt_at"])
    for table in TABLES_WITH_UPDATED_AT:
        op.execute(
            f"CREATE TRIGGER {table}_touch_updated_at BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION cnc_touch_updated_at()"
        )
    op.execute(FUNCTIONS_SQL)
    for function in (KEY, RECORD):
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {RECORD} TO cnc_client, cnc_worker")

    manage = "(SELECT cnc_has_permission('erp.manage'))"
    for table in ("external_systems", "erp_deliveries"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    # Administrators configure the systems; workers read them and stamp their pulls.
    op.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON external_systems TO cnc_client")
    op.execute("GRANT USAGE ON SEQUENCE external_systems_id_seq TO cnc_client")
    for command in ("SELECT", "INSERT", "UPDATE", "DELETE"):
        clause = {
            "SELECT": f"USING ({manage})",
            "INSERT": f"WITH CHECK ({manage})",
            "UPDATE": f"USING ({manage}) WITH CHECK ({manage})",
            "DELETE": f"USING ({manage})",
        }[command]
        op.execute(
            f"CREATE POLICY external_systems_client_{command.lower()} ON external_systems "
            f"FOR {command} TO cnc_client {clause}"
        )
    op.execute("GRANT SELECT, UPDATE (last_pulled_at) ON external_systems TO cnc_worker")
    op.execute(
        "CREATE POLICY external_systems_worker_select ON external_systems FOR SELECT "
        "TO cnc_worker USING (true)"
    )
    op.execute(
        "CREATE POLICY external_systems_worker_update ON external_systems FOR UPDATE "
        "TO cnc_worker USING (true) WITH CHECK (true)"
    )
    # Deliveries are written by cnc_erp_record_event; then read and updated (attempts,
    # retries) by the workers and by administrators.
    op.execute("GRANT SELECT, UPDATE ON erp_deliveries TO cnc_client, cnc_worker")
    op.execute(
        "CREATE POLICY erp_deliveries_client_select ON erp_deliveries FOR SELECT TO cnc_client "
        f"USING ({manage})"
    )
    op.execute(
        "CREATE POLICY erp_deliveries_client_update ON erp_deliveries FOR UPDATE TO cnc_client "
        f"USING ({manage}) WITH CHECK ({manage})"
    )
    op.execute(
        "CREATE POLICY erp_deliveries_worker_select ON erp_deliveries FOR SELECT "
        "TO cnc_worker USING (true)"
    )
    op.execute(
        "CREATE POLICY erp_deliveries_worker_update ON erp_deliveries FOR UPDATE "
        "TO cnc_worker USING (true) WITH CHECK (true)"
    )


def downgrade() -> None:
    op.execute(f"DROP FUNCTION {RECORD}")
    op.execute(f"DROP FUNCTION {KEY}")
    op.drop_index("idx_erp_deliveries_next_attempt_at", table_name="erp_deliveries")
    op.drop_table("erp_deliveries")
    op.drop_table("external_systems")
    for name in SYNC_CHECKS:
        op.drop_constraint(name, "erp_mes_sync", type_="check")
