"""Initial schema: every table of resources/ERD.md plus projects and setups.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 12:20:19.700834
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Frozen copy (migrations must not import the application): tables with updated_at.
TABLES_WITH_UPDATED_AT = (
    "users",
    "licenses",
    "projects",
    "models",
    "jobs",
    "machines",
    "materials",
    "tools",
    "setups",
    "erp_mes_sync",
    "invoices",
)

# updated_at is kept by the database so that no writer (our services, a worker, an admin
# in psql) can forget it. UTC whatever the writing session's TimeZone.
TOUCH_FUNCTION = """
CREATE FUNCTION cnc_touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now() AT TIME ZONE 'UTC';
    RETURN NEW;
END;
$$
"""

# TIMESTAMP columns hold UTC; DEFAULT now() writes the session's local time, so every
# session of this database starts in UTC.
DATABASE_IN_UTC = """
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET timezone TO %L', current_database(), 'UTC');
END;
$$
"""


def upgrade() -> None:
    op.create_table(
        "erp_mes_sync",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("external_system", sa.String(length=100), nullable=False),
        sa.Column("entity_type", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("external_id", sa.String(length=255), nullable=False),
        sa.Column("sync_direction", sa.String(length=20), nullable=False),
        sa.Column("sync_status", sa.String(length=50), nullable=False),
        sa.Column("sync_data", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("retry_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("synced_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("erp_mes_sync_pkey")),
    )
    op.create_index(
        "idx_erp_mes_sync_entity", "erp_mes_sync", ["entity_type", "entity_id"], unique=False
    )
    op.create_index(
        "idx_erp_mes_sync_external",
        "erp_mes_sync",
        ["external_system", "external_id"],
        unique=False,
    )
    op.create_index("idx_erp_mes_sync_external_id", "erp_mes_sync", ["external_id"], unique=False)
    op.create_index(
        "idx_erp_mes_sync_status",
        "erp_mes_sync",
        ["sync_status"],
        unique=False,
        postgresql_where=sa.text("sync_status != 'synced'"),
    )
    op.create_table(
        "machines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("manufacturer", sa.String(length=100), nullable=True),
        sa.Column("model", sa.String(length=100), nullable=True),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("axes", sa.Integer(), nullable=False),
        sa.Column("work_envelope_x_mm", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("work_envelope_y_mm", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("work_envelope_z_mm", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("spindle_max_rpm", sa.Integer(), nullable=False),
        sa.Column("spindle_power_kw", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("tool_capacity", sa.Integer(), nullable=True),
        sa.Column("controller", sa.String(length=100), nullable=True),
        sa.Column("post_processor", sa.String(length=100), nullable=False),
        sa.Column("hourly_rate", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("specifications", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("axes >= 3 AND axes <= 9", name=op.f("machines_axes_check")),
        sa.PrimaryKeyConstraint("id", name=op.f("machines_pkey")),
    )
    op.create_index(
        "idx_machines_active",
        "machines",
        ["is_active", "name"],
        unique=False,
        postgresql_where=sa.text("is_active = true"),
    )
    op.create_index("idx_machines_type", "machines", ["type"], unique=False)
    op.create_table(
        "materials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("grade", sa.String(length=50), nullable=True),
        sa.Column("density_g_cm3", sa.Numeric(precision=10, scale=3), nullable=True),
        sa.Column("hardness_hb", sa.Integer(), nullable=True),
        sa.Column("tensile_strength_mpa", sa.Integer(), nullable=True),
        sa.Column("machinability_rating", sa.Integer(), nullable=True),
        sa.Column("cutting_speed_m_min", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("feed_rate_mm_tooth", sa.Numeric(precision=10, scale=4), nullable=True),
        sa.Column("properties", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("cost_per_kg", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("supplier", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "machinability_rating >= 0 AND machinability_rating <= 100",
            name=op.f("materials_machinability_rating_check"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("materials_pkey")),
    )
    op.create_index("idx_materials_category", "materials", ["category"], unique=False)
    op.create_index("idx_materials_name", "materials", ["name"], unique=False)
    op.create_index(
        "idx_materials_properties",
        "materials",
        ["properties"],
        unique=False,
        postgresql_using="gin",
        postgresql_where=sa.text("properties IS NOT NULL"),
    )
    op.create_table(
        "tools",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("material", sa.String(length=50), nullable=True),
        sa.Column("coating", sa.String(length=100), nullable=True),
        sa.Column("manufacturer", sa.String(length=100), nullable=True),
        sa.Column("part_number", sa.String(length=100), nullable=True),
        sa.Column("diameter_mm", sa.Numeric(precision=10, scale=3), nullable=True),
        sa.Column("flute_count", sa.Integer(), nullable=True),
        sa.Column("flute_length_mm", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("overall_length_mm", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("shank_diameter_mm", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("corner_radius_mm", sa.Numeric(precision=10, scale=3), nullable=True),
        sa.Column("helix_angle_deg", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("max_depth_of_cut_mm", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("specifications", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("tool_life_minutes", sa.Integer(), nullable=True),
        sa.Column("cost", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("quantity_available", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("minimum_stock", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("location", sa.String(length=100), nullable=True),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("tools_pkey")),
    )
    op.create_index(
        "idx_tools_diameter",
        "tools",
        ["diameter_mm"],
        unique=False,
        postgresql_where=sa.text("diameter_mm IS NOT NULL"),
    )
    op.create_index(
        "idx_tools_inventory",
        "tools",
        ["quantity_available"],
        unique=False,
        postgresql_where=sa.text("quantity_available < minimum_stock"),
    )
    op.create_index(
        "idx_tools_material",
        "tools",
        ["material"],
        unique=False,
        postgresql_where=sa.text("material IS NOT NULL"),
    )
    op.create_index(
        "idx_tools_part_number",
        "tools",
        ["part_number"],
        unique=False,
        postgresql_where=sa.text("part_number IS NOT NULL"),
    )
    op.create_index("idx_tools_type", "tools", ["type"], unique=False)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("role", sa.String(length=50), server_default="engineer", nullable=False),
        sa.Column("company_name", sa.String(length=255), nullable=True),
        sa.Column("tax_no", sa.String(length=20), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("locale", sa.String(length=10), server_default="tr", nullable=False),
        sa.Column(
            "timezone", sa.String(length=50), server_default="Europe/Istanbul", nullable=True
        ),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=True),
        sa.Column("is_verified", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("metadata", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.CheckConstraint(
            "role IN ('admin', 'engineer', 'operator', 'viewer')", name=op.f("users_role_check")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("users_pkey")),
        sa.UniqueConstraint("email", name=op.f("users_email_key")),
        sa.UniqueConstraint("phone", name=op.f("users_phone_key")),
    )
    op.create_index(
        "idx_users_created_at", "users", [sa.literal_column("created_at DESC")], unique=False
    )
    op.create_index("idx_users_email", "users", ["email"], unique=False)
    op.create_index(
        "idx_users_metadata",
        "users",
        ["metadata"],
        unique=False,
        postgresql_using="gin",
        postgresql_where=sa.text("metadata IS NOT NULL"),
    )
    op.create_index(
        "idx_users_phone",
        "users",
        ["phone"],
        unique=False,
        postgresql_where=sa.text("phone IS NOT NULL"),
    )
    op.create_index(
        "idx_users_tax_no",
        "users",
        ["tax_no"],
        unique=False,
        postgresql_where=sa.text("tax_no IS NOT NULL"),
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("invoice_number", sa.String(length=50), nullable=False),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=50), nullable=False),
        sa.Column("currency", sa.CHAR(length=3), server_default="TRY", nullable=False),
        sa.Column("subtotal", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column(
            "tax_rate",
            sa.Numeric(precision=5, scale=2),
            server_default=sa.text("20.00"),
            nullable=False,
        ),
        sa.Column("tax_amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("total", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("line_items", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("billing_period_start", sa.Date(), nullable=True),
        sa.Column("billing_period_end", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("paid_at", sa.DateTime(), nullable=True),
        sa.Column("payment_method", sa.String(length=50), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("pdf_s3_key", sa.String(length=1024), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "currency IN ('TRY', 'USD', 'EUR')", name=op.f("invoices_currency_check")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("invoices_user_id_fkey"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("invoices_pkey")),
        sa.UniqueConstraint("invoice_number", name=op.f("invoices_invoice_number_key")),
    )
    op.create_index(
        "idx_invoices_due_date",
        "invoices",
        ["due_date"],
        unique=False,
        postgresql_where=sa.text("status IN ('sent', 'overdue')"),
    )
    op.create_index("idx_invoices_number", "invoices", ["invoice_number"], unique=False)
    op.create_index(
        "idx_invoices_status",
        "invoices",
        ["status"],
        unique=False,
        postgresql_where=sa.text("status != 'paid'"),
    )
    op.create_index("idx_invoices_user_id", "invoices", ["user_id"], unique=False)
    op.create_table(
        "jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=255), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=50), nullable=False),
        sa.Column("priority", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("task_id", sa.String(length=255), nullable=True),
        sa.Column("input_params", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("output_data", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("progress", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("error_code", sa.String(length=100), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("retry_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("max_retries", sa.Integer(), server_default=sa.text("3"), nullable=True),
        sa.Column("timeout_seconds", sa.Integer(), server_default=sa.text("3600"), nullable=True),
        sa.Column("metrics", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "status IN ('pending', 'queued', 'running', 'completed', 'failed', 'cancelled')",
            name=op.f("jobs_status_check"),
        ),
        sa.CheckConstraint(
            "type IN ('cad_generate', 'cam_process', 'sim_run', 'gcode_post')",
            name=op.f("jobs_type_check"),
        ),
        sa.CheckConstraint("progress >= 0 AND progress <= 100", name=op.f("jobs_progress_check")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("jobs_user_id_fkey"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("jobs_pkey")),
        sa.UniqueConstraint("idempotency_key", name=op.f("jobs_idempotency_key_key")),
    )
    op.create_index(
        "idx_jobs_created_at", "jobs", [sa.literal_column("created_at DESC")], unique=False
    )
    op.create_index("idx_jobs_finished_at", "jobs", ["finished_at"], unique=False)
    op.create_index(
        "idx_jobs_idempotency_key",
        "jobs",
        ["idempotency_key"],
        unique=False,
        postgresql_where=sa.text("idempotency_key IS NOT NULL"),
    )
    op.create_index(
        "idx_jobs_started_at",
        "jobs",
        [sa.literal_column("started_at DESC")],
        unique=False,
        postgresql_where=sa.text("started_at IS NOT NULL"),
    )
    op.create_index(
        "idx_jobs_status",
        "jobs",
        ["status"],
        unique=False,
        postgresql_where=sa.text("status IN ('pending', 'queued', 'running')"),
    )
    op.create_index(
        "idx_jobs_task_id",
        "jobs",
        ["task_id"],
        unique=False,
        postgresql_where=sa.text("task_id IS NOT NULL"),
    )
    op.create_index("idx_jobs_type_status", "jobs", ["type", "status"], unique=False)
    op.create_index(
        "idx_jobs_user_id",
        "jobs",
        ["user_id"],
        unique=False,
        postgresql_where=sa.text("user_id IS NOT NULL"),
    )
    op.create_table(
        "licenses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=50), nullable=False),
        sa.Column("seats", sa.Integer(), server_default=sa.text("1"), nullable=True),
        sa.Column("features", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("ends_at", sa.DateTime(), nullable=False),
        sa.Column("auto_renew", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "status IN ('active', 'expired', 'suspended', 'cancelled')",
            name=op.f("licenses_status_check"),
        ),
        sa.CheckConstraint(
            "type IN ('trial', 'basic', 'professional', 'enterprise')",
            name=op.f("licenses_type_check"),
        ),
        sa.CheckConstraint("seats > 0", name=op.f("licenses_seats_check")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("licenses_user_id_fkey"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("licenses_pkey")),
    )
    op.create_index(
        "idx_licenses_ends_at",
        "licenses",
        ["ends_at"],
        unique=False,
        postgresql_where=sa.text("status = 'active'"),
    )
    op.create_index(
        "idx_licenses_features", "licenses", ["features"], unique=False, postgresql_using="gin"
    )
    op.create_index(
        "idx_licenses_status",
        "licenses",
        ["status"],
        unique=False,
        postgresql_where=sa.text("status = 'active'"),
    )
    op.create_index("idx_licenses_user_id", "licenses", ["user_id"], unique=False)
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("severity", sa.String(length=20), server_default="info", nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("is_read", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.Column("action_url", sa.String(length=1024), nullable=True),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("notifications_user_id_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("notifications_pkey")),
    )
    op.create_index(
        "idx_notifications_created_at",
        "notifications",
        [sa.literal_column("created_at DESC")],
        unique=False,
    )
    op.create_index(
        "idx_notifications_expires_at",
        "notifications",
        ["expires_at"],
        unique=False,
        postgresql_where=sa.text("expires_at IS NOT NULL"),
    )
    op.create_index("idx_notifications_is_read", "notifications", ["is_read"], unique=False)
    op.create_index(
        "idx_notifications_user_id_unread",
        "notifications",
        ["user_id", sa.literal_column("created_at DESC")],
        unique=False,
        postgresql_where=sa.text("is_read = false"),
    )
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("customer_name", sa.String(length=255), nullable=True),
        sa.Column("external_system", sa.String(length=100), nullable=True),
        sa.Column("external_ref", sa.String(length=255), nullable=True),
        sa.Column("status", sa.String(length=50), server_default="active", nullable=False),
        sa.Column("metadata", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("is_deleted", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "status IN ('active', 'on_hold', 'completed', 'archived')",
            name=op.f("projects_status_check"),
        ),
        sa.CheckConstraint("length(btrim(name)) > 0", name=op.f("projects_name_not_blank_check")),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name=op.f("projects_owner_id_fkey"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("projects_pkey")),
    )
    op.create_index(
        "idx_projects_created_at", "projects", [sa.literal_column("created_at DESC")], unique=False
    )
    op.create_index(
        "idx_projects_external",
        "projects",
        ["external_system", "external_ref"],
        unique=True,
        postgresql_where=sa.text("external_ref IS NOT NULL"),
    )
    op.create_index("idx_projects_owner_id", "projects", ["owner_id"], unique=False)
    op.create_index(
        "idx_projects_status",
        "projects",
        ["status"],
        unique=False,
        postgresql_where=sa.text("is_deleted = false"),
    )
    op.create_table(
        "security_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(length=100), nullable=False),
        sa.Column("severity", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("ip_address", postgresql.INET(), nullable=True),
        sa.Column("details", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("resolved", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["resolved_by"],
            ["users.id"],
            name=op.f("security_events_resolved_by_fkey"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("security_events_user_id_fkey"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("security_events_pkey")),
    )
    op.create_index(
        "idx_security_events_ip_address", "security_events", ["ip_address"], unique=False
    )
    op.create_index("idx_security_events_resolved", "security_events", ["resolved"], unique=False)
    op.create_index(
        "idx_security_events_severity",
        "security_events",
        ["severity"],
        unique=False,
        postgresql_where=sa.text("resolved = false"),
    )
    op.create_index("idx_security_events_type", "security_events", ["event_type"], unique=False)
    op.create_index(
        "idx_security_events_unresolved",
        "security_events",
        [sa.literal_column("created_at DESC")],
        unique=False,
        postgresql_where=sa.text("resolved = false"),
    )
    op.create_index(
        "idx_security_events_user_id",
        "security_events",
        ["user_id"],
        unique=False,
        postgresql_where=sa.text("user_id IS NOT NULL"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("refresh_token_hash", sa.String(length=255), nullable=False),
        sa.Column("access_token_jti", sa.String(length=255), nullable=True),
        sa.Column("ip_address", postgresql.INET(), nullable=True),
        sa.Column("user_agent", sa.Text(), nullable=True),
        sa.Column("device_id", sa.String(length=255), nullable=True),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("sessions_user_id_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("sessions_pkey")),
        sa.UniqueConstraint("refresh_token_hash", name=op.f("sessions_refresh_token_hash_key")),
    )
    op.create_index("idx_sessions_access_token_jti", "sessions", ["access_token_jti"], unique=False)
    op.create_index(
        "idx_sessions_device_id",
        "sessions",
        ["device_id"],
        unique=False,
        postgresql_where=sa.text("device_id IS NOT NULL"),
    )
    op.create_index(
        "idx_sessions_expires_at",
        "sessions",
        ["expires_at"],
        unique=False,
        postgresql_where=sa.text("revoked_at IS NULL"),
    )
    op.create_index(
        "idx_sessions_refresh_token_hash", "sessions", ["refresh_token_hash"], unique=False
    )
    op.create_index("idx_sessions_revoked_at", "sessions", ["revoked_at"], unique=False)
    op.create_index("idx_sessions_user_id", "sessions", ["user_id"], unique=False)
    op.create_table(
        "artefacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("s3_key", sa.String(length=1024), nullable=False),
        sa.Column("file_size", sa.BigInteger(), nullable=False),
        sa.Column("mime_type", sa.String(length=100), nullable=True),
        sa.Column("sha256", sa.CHAR(length=64), nullable=True),
        sa.Column("metadata", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("artefacts_job_id_fkey"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("artefacts_pkey")),
        sa.UniqueConstraint("s3_key", name=op.f("artefacts_s3_key_key")),
    )
    op.create_index(
        "idx_artefacts_expires_at",
        "artefacts",
        ["expires_at"],
        unique=False,
        postgresql_where=sa.text("expires_at IS NOT NULL"),
    )
    op.create_index("idx_artefacts_job_id", "artefacts", ["job_id"], unique=False)
    op.create_index("idx_artefacts_s3_key", "artefacts", ["s3_key"], unique=False)
    op.create_index(
        "idx_artefacts_sha256",
        "artefacts",
        ["sha256"],
        unique=False,
        postgresql_where=sa.text("sha256 IS NOT NULL"),
    )
    op.create_table(
        "audit_logs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=100), nullable=False),
        sa.Column("entity_type", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("entity_data", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("changes", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("ip_address", postgresql.INET(), nullable=True),
        sa.Column("user_agent", sa.Text(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("chain_hash", sa.CHAR(length=64), nullable=False),
        sa.Column("prev_chain_hash", sa.CHAR(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("audit_logs_session_id_fkey"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("audit_logs_user_id_fkey"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("audit_logs_pkey")),
        sa.UniqueConstraint("chain_hash", name=op.f("audit_logs_chain_hash_key")),
    )
    op.create_index("idx_audit_logs_action", "audit_logs", ["action"], unique=False)
    op.create_index("idx_audit_logs_chain_hash", "audit_logs", ["chain_hash"], unique=False)
    op.create_index(
        "idx_audit_logs_created_at",
        "audit_logs",
        [sa.literal_column("created_at DESC")],
        unique=False,
    )
    op.create_index(
        "idx_audit_logs_entity", "audit_logs", ["entity_type", "entity_id"], unique=False
    )
    op.create_index("idx_audit_logs_entity_id", "audit_logs", ["entity_id"], unique=False)
    op.create_index(
        "idx_audit_logs_user_id",
        "audit_logs",
        ["user_id"],
        unique=False,
        postgresql_where=sa.text("user_id IS NOT NULL"),
    )
    op.create_table(
        "models",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("file_format", sa.String(length=20), nullable=False),
        sa.Column("s3_key", sa.String(length=1024), nullable=False),
        sa.Column("file_size", sa.BigInteger(), nullable=False),
        sa.Column("sha256_hash", sa.CHAR(length=64), nullable=False),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("parent_model_id", sa.Integer(), nullable=True),
        sa.Column("metadata", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("thumbnail_s3_key", sa.String(length=1024), nullable=True),
        sa.Column("is_deleted", sa.Boolean(), server_default=sa.text("false"), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "type IN ('part', 'assembly', 'drawing')", name=op.f("models_type_check")
        ),
        sa.ForeignKeyConstraint(
            ["parent_model_id"],
            ["models.id"],
            name=op.f("models_parent_model_id_fkey"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("models_project_id_fkey"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("models_user_id_fkey"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("models_pkey")),
        sa.UniqueConstraint("s3_key", name=op.f("models_s3_key_key")),
    )
    op.create_index(
        "idx_models_created_at", "models", [sa.literal_column("created_at DESC")], unique=False
    )
    op.create_index(
        "idx_models_metadata",
        "models",
        ["metadata"],
        unique=False,
        postgresql_using="gin",
        postgresql_where=sa.text("metadata IS NOT NULL"),
    )
    op.create_index(
        "idx_models_project_id",
        "models",
        ["project_id"],
        unique=False,
        postgresql_where=sa.text("project_id IS NOT NULL"),
    )
    op.create_index("idx_models_sha256_hash", "models", ["sha256_hash"], unique=False)
    op.create_index("idx_models_user_id", "models", ["user_id"], unique=False)
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=50), nullable=False),
        sa.Column("provider_ref", sa.String(length=255), nullable=False),
        sa.Column("method", sa.String(length=50), nullable=False),
        sa.Column("currency", sa.CHAR(length=3), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column(
            "fee", sa.Numeric(precision=10, scale=2), server_default=sa.text("0"), nullable=True
        ),
        sa.Column("status", sa.String(length=50), nullable=False),
        sa.Column("metadata", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column(
            "refund_amount",
            sa.Numeric(precision=12, scale=2),
            server_default=sa.text("0"),
            nullable=True,
        ),
        sa.Column("refund_reason", sa.Text(), nullable=True),
        sa.Column("processed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "currency IN ('TRY', 'USD', 'EUR')", name=op.f("payments_currency_check")
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoices.id"],
            name=op.f("payments_invoice_id_fkey"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("payments_user_id_fkey"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("payments_pkey")),
        sa.UniqueConstraint("provider_ref", name=op.f("payments_provider_ref_key")),
    )
    op.create_index(
        "idx_payments_invoice_id",
        "payments",
        ["invoice_id"],
        unique=False,
        postgresql_where=sa.text("invoice_id IS NOT NULL"),
    )
    op.create_index("idx_payments_provider_ref", "payments", ["provider_ref"], unique=False)
    op.create_index(
        "idx_payments_status",
        "payments",
        ["status"],
        unique=False,
        postgresql_where=sa.text("status = 'pending'"),
    )
    op.create_index("idx_payments_user_id", "payments", ["user_id"], unique=False)
    op.create_table(
        "setups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.Integer(), nullable=False),
        sa.Column("machine_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("stock_material_id", sa.Integer(), nullable=True),
        sa.Column("stock_x_mm", sa.Numeric(precision=10, scale=3), nullable=False),
        sa.Column("stock_y_mm", sa.Numeric(precision=10, scale=3), nullable=False),
        sa.Column("stock_z_mm", sa.Numeric(precision=10, scale=3), nullable=False),
        sa.Column(
            "stock_origin_x_mm",
            sa.Numeric(precision=10, scale=3),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column(
            "stock_origin_y_mm",
            sa.Numeric(precision=10, scale=3),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column(
            "stock_origin_z_mm",
            sa.Numeric(precision=10, scale=3),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column("work_offset", sa.String(length=10), server_default="G54", nullable=False),
        sa.Column(
            "fixtures",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column(
            "operations",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "jsonb_typeof(fixtures) = 'array'", name=op.f("setups_fixtures_array_check")
        ),
        sa.CheckConstraint(
            "jsonb_typeof(operations) = 'array'", name=op.f("setups_operations_array_check")
        ),
        sa.CheckConstraint(
            "work_offset IN ('G54', 'G55', 'G56', 'G57', 'G58', 'G59')",
            name=op.f("setups_work_offset_check"),
        ),
        sa.CheckConstraint(
            "stock_x_mm > 0 AND stock_y_mm > 0 AND stock_z_mm > 0",
            name=op.f("setups_stock_positive_check"),
        ),
        sa.ForeignKeyConstraint(
            ["machine_id"],
            ["machines.id"],
            name=op.f("setups_machine_id_fkey"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["model_id"], ["models.id"], name=op.f("setups_model_id_fkey"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["stock_material_id"],
            ["materials.id"],
            name=op.f("setups_stock_material_id_fkey"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("setups_user_id_fkey"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("setups_pkey")),
    )
    op.create_index("idx_setups_machine_id", "setups", ["machine_id"], unique=False)
    op.create_index("idx_setups_model_id", "setups", ["model_id"], unique=False)
    op.create_table(
        "cam_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("model_id", sa.Integer(), nullable=False),
        sa.Column("setup_id", sa.Integer(), nullable=True),
        sa.Column("strategy", sa.String(length=100), nullable=False),
        sa.Column("tool_paths", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("cutting_params", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("estimated_time_seconds", sa.Integer(), nullable=True),
        sa.Column("material_removal_cc", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("output_s3_key", sa.String(length=1024), nullable=True),
        sa.Column("status", sa.String(length=50), nullable=False),
        sa.Column("error_details", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("cam_runs_job_id_fkey"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["model_id"], ["models.id"], name=op.f("cam_runs_model_id_fkey"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["setup_id"], ["setups.id"], name=op.f("cam_runs_setup_id_fkey"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("cam_runs_pkey")),
    )
    op.create_index("idx_cam_runs_job_id", "cam_runs", ["job_id"], unique=False)
    op.create_index("idx_cam_runs_model_id", "cam_runs", ["model_id"], unique=False)
    op.create_index(
        "idx_cam_runs_setup_id",
        "cam_runs",
        ["setup_id"],
        unique=False,
        postgresql_where=sa.text("setup_id IS NOT NULL"),
    )
    op.create_index(
        "idx_cam_runs_status",
        "cam_runs",
        ["status"],
        unique=False,
        postgresql_where=sa.text("status != 'completed'"),
    )
    op.create_table(
        "sim_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("cam_run_id", sa.Integer(), nullable=True),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("machine_id", sa.Integer(), nullable=True),
        sa.Column("collision_count", sa.Integer(), server_default=sa.text("0"), nullable=True),
        sa.Column("collision_details", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("material_removal_accuracy", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("simulation_time_ms", sa.Integer(), nullable=True),
        sa.Column("video_s3_key", sa.String(length=1024), nullable=True),
        sa.Column("report_s3_key", sa.String(length=1024), nullable=True),
        sa.Column("status", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cam_run_id"],
            ["cam_runs.id"],
            name=op.f("sim_runs_cam_run_id_fkey"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["job_id"], ["jobs.id"], name=op.f("sim_runs_job_id_fkey"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["machine_id"],
            ["machines.id"],
            name=op.f("sim_runs_machine_id_fkey"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("sim_runs_pkey")),
    )
    op.create_index(
        "idx_sim_runs_cam_run_id",
        "sim_runs",
        ["cam_run_id"],
        unique=False,
        postgresql_where=sa.text("cam_run_id IS NOT NULL"),
    )
    op.create_index("idx_sim_runs_job_id", "sim_runs", ["job_id"], unique=False)
    op.create_index(
        "idx_sim_runs_machine_id",
        "sim_runs",
        ["machine_id"],
        unique=False,
        postgresql_where=sa.text("machine_id IS NOT NULL"),
    )
    op.create_index("idx_sim_runs_status", "sim_runs", ["status"], unique=False)
    op.execute(TOUCH_FUNCTION)
    for table in TABLES_WITH_UPDATED_AT:
        op.execute(
            f"CREATE TRIGGER {table}_touch_updated_at BEFORE UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION cnc_touch_updated_at()"
        )
    op.execute(DATABASE_IN_UTC)


def downgrade() -> None:
    op.drop_table("sim_runs")
    op.drop_table("cam_runs")
    op.drop_table("setups")
    op.drop_table("payments")
    op.drop_table("models")
    op.drop_table("audit_logs")
    op.drop_table("artefacts")
    op.drop_table("sessions")
    op.drop_table("security_events")
    op.drop_table("projects")
    op.drop_table("notifications")
    op.drop_table("licenses")
    op.drop_table("jobs")
    op.drop_table("invoices")
    op.drop_table("users")
    op.drop_table("tools")
    op.drop_table("materials")
    op.drop_table("machines")
    op.drop_table("erp_mes_sync")
    op.execute("DROP FUNCTION cnc_touch_updated_at()")
