"""SQLAlchemy 2 models of the whole schema: ``resources/ERD.md`` plus ``projects``/``setups``.

Column order, types, nullability, server defaults, CHECKs, foreign keys with their ON
DELETE rule and every named index mirror the ERD; ``tests/test_schema_erd.py`` reads the
ERD file and proves the live schema matches it, and ``tests/test_migrations.py`` proves
these models and the Alembic migrations agree.

Beyond the ERD:
- ``projects`` and ``setups``, which the ERD references but does not define;
- CHECKs for the columns the ERD documents as enums (``users.role``, ``jobs.status`` ...);
- an index for each column the ERD marks ``INDEX`` but gives no named index that leads
  with it (``idx_jobs_finished_at`` ...).
"""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any, ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    FetchedValue,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, CHAR, INET, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from cncworkbench.core.model_files import MODEL_TYPES
from cncworkbench.db.base import Base, UTCDateTime

NOW = text("now()")
TRUE = text("true")
FALSE = text("false")
ZERO = text("0")

USER_ROLES = ("admin", "engineer", "operator", "viewer")
LICENSE_TYPES = ("trial", "basic", "professional", "enterprise")
LICENSE_STATUSES = ("active", "expired", "suspended", "cancelled")
JOB_TYPES = ("cad_generate", "cam_process", "sim_run", "gcode_post")
JOB_STATUSES = ("pending", "queued", "running", "completed", "failed", "cancelled")
PROJECT_STATUSES = ("active", "on_hold", "completed", "archived")
WORK_OFFSETS = ("G54", "G55", "G56", "G57", "G58", "G59")


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"


def created_at() -> Mapped[dt.datetime]:
    return mapped_column(UTCDateTime, nullable=False, server_default=NOW)


def updated_at() -> Mapped[dt.datetime]:
    # Maintained by the trigger cnc_touch_updated_at() on every UPDATE.
    return mapped_column(UTCDateTime, nullable=False, server_default=NOW)


# ---------------------------------------------------------------------------- core tables
class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True, nullable=False)
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    # Never read by clients: the client role has no SELECT on it (deferred so ORM queries
    # of users do not ask for it).
    # FetchedValue: never named in an ORM INSERT (clients may not write it; the database
    # functions do); it adds nothing to the DDL.
    password_hash: Mapped[str | None] = mapped_column(
        String(255), deferred=True, server_default=FetchedValue()
    )
    role: Mapped[str] = mapped_column(String(50), nullable=False, server_default="engineer")
    company_name: Mapped[str | None] = mapped_column(String(255))
    tax_no: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(Text)
    locale: Mapped[str] = mapped_column(String(10), nullable=False, server_default="tr")
    timezone: Mapped[str | None] = mapped_column(String(50), server_default="Europe/Istanbul")
    is_active: Mapped[bool | None] = mapped_column(Boolean, server_default=TRUE)
    is_verified: Mapped[bool | None] = mapped_column(Boolean, server_default=FALSE)
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()
    last_login_at: Mapped[dt.datetime | None] = mapped_column(
        UTCDateTime,
        server_default=FetchedValue(),  # written by the login functions only
    )
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONB)

    # Server-made values are loaded when read, not returned by the INSERT: RETURNING
    # password_hash would need a privilege clients do not have.
    __mapper_args__: ClassVar[dict[str, Any]] = {"eager_defaults": False}

    __table_args__ = (
        CheckConstraint(_in("role", USER_ROLES), name="role"),
        Index("idx_users_email", "email"),
        Index("idx_users_phone", "phone", postgresql_where=text("phone IS NOT NULL")),
        Index("idx_users_tax_no", "tax_no", postgresql_where=text("tax_no IS NOT NULL")),
        Index("idx_users_created_at", text("created_at DESC")),
        Index(
            "idx_users_metadata",
            "metadata",
            postgresql_using="gin",
            postgresql_where=text("metadata IS NOT NULL"),
        ),
    )


class Session(Base):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )
    # SHA-256 digests of the tokens; unreadable by the client role (hence deferred).
    # access_token_jti holds the digest of the session's current access token (we issue
    # opaque random tokens, not JWTs).
    refresh_token_hash: Mapped[str] = mapped_column(
        String(255), unique=True, nullable=False, deferred=True
    )
    access_token_jti: Mapped[str | None] = mapped_column(String(255), deferred=True)
    ip_address: Mapped[str | None] = mapped_column(INET)
    user_agent: Mapped[str | None] = mapped_column(Text)
    device_id: Mapped[str | None] = mapped_column(String(255))
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = created_at()

    __table_args__ = (
        Index("idx_sessions_user_id", "user_id"),
        Index("idx_sessions_refresh_token_hash", "refresh_token_hash"),
        Index("idx_sessions_expires_at", "expires_at", postgresql_where=text("revoked_at IS NULL")),
        Index(
            "idx_sessions_device_id", "device_id", postgresql_where=text("device_id IS NOT NULL")
        ),
        Index("idx_sessions_access_token_jti", "access_token_jti"),
        Index("idx_sessions_revoked_at", "revoked_at"),
    )


class License(Base):
    __tablename__ = "licenses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False
    )
    type: Mapped[str] = mapped_column(String(50), nullable=False)
    status: Mapped[str] = mapped_column(String(50), nullable=False)
    seats: Mapped[int | None] = mapped_column(Integer, server_default=text("1"))
    features: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)
    auto_renew: Mapped[bool | None] = mapped_column(Boolean, server_default=FALSE)
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        CheckConstraint("seats > 0", name="seats"),
        CheckConstraint(_in("type", LICENSE_TYPES), name="type"),
        CheckConstraint(_in("status", LICENSE_STATUSES), name="status"),
        Index("idx_licenses_user_id", "user_id"),
        Index("idx_licenses_status", "status", postgresql_where=text("status = 'active'")),
        Index("idx_licenses_ends_at", "ends_at", postgresql_where=text("status = 'active'")),
        Index("idx_licenses_features", "features", postgresql_using="gin"),
    )


class Project(Base):
    """A customer job or internal project that groups models (not defined by the ERD)."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False
    )
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    customer_name: Mapped[str | None] = mapped_column(String(255))
    # ERP/MES order this project was created from (erp_mes_sync maps it too).
    external_system: Mapped[str | None] = mapped_column(String(100))
    external_ref: Mapped[str | None] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(50), nullable=False, server_default="active")
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONB)
    is_deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=FALSE)
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        CheckConstraint(_in("status", PROJECT_STATUSES), name="status"),
        CheckConstraint("length(btrim(name)) > 0", name="name_not_blank"),
        Index("idx_projects_owner_id", "owner_id"),
        Index("idx_projects_status", "status", postgresql_where=text("is_deleted = false")),
        Index(
            "idx_projects_external",
            "external_system",
            "external_ref",
            unique=True,
            postgresql_where=text("external_ref IS NOT NULL"),
        ),
        Index("idx_projects_created_at", text("created_at DESC")),
    )


class Model(Base):
    __tablename__ = "models"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False
    )
    project_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("projects.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(50), nullable=False)
    file_format: Mapped[str] = mapped_column(String(20), nullable=False)
    s3_key: Mapped[str] = mapped_column(String(1024), unique=True, nullable=False)
    file_size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    sha256_hash: Mapped[str] = mapped_column(CHAR(64), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("1"))
    parent_model_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("models.id", ondelete="SET NULL")
    )
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONB)
    thumbnail_s3_key: Mapped[str | None] = mapped_column(String(1024))
    is_deleted: Mapped[bool | None] = mapped_column(Boolean, server_default=FALSE)
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        CheckConstraint(_in("type", MODEL_TYPES), name="type"),
        Index("idx_models_user_id", "user_id"),
        Index(
            "idx_models_project_id", "project_id", postgresql_where=text("project_id IS NOT NULL")
        ),
        Index("idx_models_sha256_hash", "sha256_hash"),
        # One next version per version: the history of a model is a line, never a fork.
        Index(
            "idx_models_parent_model_id",
            "parent_model_id",
            unique=True,
            postgresql_where=text("parent_model_id IS NOT NULL"),
        ),
        Index("idx_models_created_at", text("created_at DESC")),
        Index(
            "idx_models_metadata",
            "metadata",
            postgresql_using="gin",
            postgresql_where=text("metadata IS NOT NULL"),
        ),
    )


class Job(Base):
    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(255), unique=True)
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="RESTRICT")
    )
    type: Mapped[str] = mapped_column(String(50), nullable=False)
    status: Mapped[str] = mapped_column(String(50), nullable=False)
    priority: Mapped[int | None] = mapped_column(Integer, server_default=ZERO)
    task_id: Mapped[str | None] = mapped_column(String(255))
    input_params: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    output_data: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    progress: Mapped[int | None] = mapped_column(Integer, server_default=ZERO)
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    error_code: Mapped[str | None] = mapped_column(String(100))
    error_message: Mapped[str | None] = mapped_column(Text)
    retry_count: Mapped[int | None] = mapped_column(Integer, server_default=ZERO)
    max_retries: Mapped[int | None] = mapped_column(Integer, server_default=text("3"))
    timeout_seconds: Mapped[int | None] = mapped_column(Integer, server_default=text("3600"))
    metrics: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        CheckConstraint("progress >= 0 AND progress <= 100", name="progress"),
        CheckConstraint(_in("type", JOB_TYPES), name="type"),
        CheckConstraint(_in("status", JOB_STATUSES), name="status"),
        Index(
            "idx_jobs_idempotency_key",
            "idempotency_key",
            postgresql_where=text("idempotency_key IS NOT NULL"),
        ),
        Index("idx_jobs_user_id", "user_id", postgresql_where=text("user_id IS NOT NULL")),
        Index("idx_jobs_type_status", "type", "status"),
        Index(
            "idx_jobs_status",
            "status",
            postgresql_where=text("status IN ('pending', 'queued', 'running')"),
        ),
        Index("idx_jobs_task_id", "task_id", postgresql_where=text("task_id IS NOT NULL")),
        Index("idx_jobs_created_at", text("created_at DESC")),
        Index(
            "idx_jobs_started_at",
            text("started_at DESC"),
            postgresql_where=text("started_at IS NOT NULL"),
        ),
        Index("idx_jobs_finished_at", "finished_at"),
    )


# ----------------------------------------------------------------------- reference tables
class Machine(Base):
    __tablename__ = "machines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    manufacturer: Mapped[str | None] = mapped_column(String(100))
    model: Mapped[str | None] = mapped_column(String(100))
    type: Mapped[str] = mapped_column(String(50), nullable=False)
    axes: Mapped[int] = mapped_column(Integer, nullable=False)
    work_envelope_x_mm: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 2), nullable=False)
    work_envelope_y_mm: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 2), nullable=False)
    work_envelope_z_mm: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 2), nullable=False)
    spindle_max_rpm: Mapped[int] = mapped_column(Integer, nullable=False)
    spindle_power_kw: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2))
    tool_capacity: Mapped[int | None] = mapped_column(Integer)
    controller: Mapped[str | None] = mapped_column(String(100))
    post_processor: Mapped[str] = mapped_column(String(100), nullable=False)
    hourly_rate: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2))
    specifications: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    is_active: Mapped[bool | None] = mapped_column(Boolean, server_default=TRUE)
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        CheckConstraint("axes >= 3 AND axes <= 9", name="axes"),
        Index("idx_machines_type", "type"),
        Index(
            "idx_machines_active", "is_active", "name", postgresql_where=text("is_active = true")
        ),
    )


class Material(Base):
    __tablename__ = "materials"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(50), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    grade: Mapped[str | None] = mapped_column(String(50))
    density_g_cm3: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 3))
    hardness_hb: Mapped[int | None] = mapped_column(Integer)
    tensile_strength_mpa: Mapped[int | None] = mapped_column(Integer)
    machinability_rating: Mapped[int | None] = mapped_column(Integer)
    cutting_speed_m_min: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2))
    feed_rate_mm_tooth: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 4))
    properties: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    cost_per_kg: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2))
    supplier: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        CheckConstraint(
            "machinability_rating >= 0 AND machinability_rating <= 100",
            name="machinability_rating",
        ),
        Index("idx_materials_category", "category"),
        Index("idx_materials_name", "name"),
        Index(
            "idx_materials_properties",
            "properties",
            postgresql_using="gin",
            postgresql_where=text("properties IS NOT NULL"),
        ),
    )


class Tool(Base):
    __tablename__ = "tools"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    type: Mapped[str] = mapped_column(String(50), nullable=False)
    material: Mapped[str | None] = mapped_column(String(50))
    coating: Mapped[str | None] = mapped_column(String(100))
    manufacturer: Mapped[str | None] = mapped_column(String(100))
    part_number: Mapped[str | None] = mapped_column(String(100))
    diameter_mm: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 3))
    flute_count: Mapped[int | None] = mapped_column(Integer)
    flute_length_mm: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2))
    overall_length_mm: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2))
    shank_diameter_mm: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2))
    corner_radius_mm: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 3))
    helix_angle_deg: Mapped[decimal.Decimal | None] = mapped_column(Numeric(5, 2))
    max_depth_of_cut_mm: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2))
    specifications: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    tool_life_minutes: Mapped[int | None] = mapped_column(Integer)
    cost: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2))
    quantity_available: Mapped[int | None] = mapped_column(Integer, server_default=ZERO)
    minimum_stock: Mapped[int | None] = mapped_column(Integer, server_default=ZERO)
    location: Mapped[str | None] = mapped_column(String(100))
    is_active: Mapped[bool | None] = mapped_column(Boolean, server_default=TRUE)
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        Index("idx_tools_type", "type"),
        Index("idx_tools_material", "material", postgresql_where=text("material IS NOT NULL")),
        Index(
            "idx_tools_part_number",
            "part_number",
            postgresql_where=text("part_number IS NOT NULL"),
        ),
        Index(
            "idx_tools_diameter", "diameter_mm", postgresql_where=text("diameter_mm IS NOT NULL")
        ),
        Index(
            "idx_tools_inventory",
            "quantity_available",
            postgresql_where=text("quantity_available < minimum_stock"),
        ),
    )


class Setup(Base):
    """How a model version is held and cut on one machine (not defined by the ERD).

    The stock is a box given by its minimum corner and size in the part's coordinates;
    fixtures are boxes ``{"name", "min": [x, y, z], "max": [x, y, z]}``; operations are
    ``{"kind", "tool_id", ...cutting data}`` in machining order.
    """

    __tablename__ = "setups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    model_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("models.id", ondelete="CASCADE"), nullable=False
    )
    machine_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("machines.id", ondelete="RESTRICT"), nullable=False
    )
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False
    )
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    stock_material_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("materials.id", ondelete="RESTRICT")
    )
    stock_x_mm: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 3), nullable=False)
    stock_y_mm: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 3), nullable=False)
    stock_z_mm: Mapped[decimal.Decimal] = mapped_column(Numeric(10, 3), nullable=False)
    stock_origin_x_mm: Mapped[decimal.Decimal] = mapped_column(
        Numeric(10, 3), nullable=False, server_default=ZERO
    )
    stock_origin_y_mm: Mapped[decimal.Decimal] = mapped_column(
        Numeric(10, 3), nullable=False, server_default=ZERO
    )
    stock_origin_z_mm: Mapped[decimal.Decimal] = mapped_column(
        Numeric(10, 3), nullable=False, server_default=ZERO
    )
    work_offset: Mapped[str] = mapped_column(String(10), nullable=False, server_default="G54")
    fixtures: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, nullable=False, server_default=text("'[]'::jsonb")
    )
    operations: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, nullable=False, server_default=text("'[]'::jsonb")
    )
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        CheckConstraint(
            "stock_x_mm > 0 AND stock_y_mm > 0 AND stock_z_mm > 0", name="stock_positive"
        ),
        CheckConstraint(_in("work_offset", WORK_OFFSETS), name="work_offset"),
        CheckConstraint("jsonb_typeof(fixtures) = 'array'", name="fixtures_array"),
        CheckConstraint("jsonb_typeof(operations) = 'array'", name="operations_array"),
        Index("idx_setups_model_id", "model_id"),
        Index("idx_setups_machine_id", "machine_id"),
    )


# ---------------------------------------------------------------------- operational tables
class CamRun(Base):
    __tablename__ = "cam_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("jobs.id", ondelete="RESTRICT"), nullable=False
    )
    model_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("models.id", ondelete="RESTRICT"), nullable=False
    )
    setup_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("setups.id", ondelete="RESTRICT")
    )
    strategy: Mapped[str] = mapped_column(String(100), nullable=False)
    tool_paths: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    cutting_params: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    estimated_time_seconds: Mapped[int | None] = mapped_column(Integer)
    material_removal_cc: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2))
    output_s3_key: Mapped[str | None] = mapped_column(String(1024))
    status: Mapped[str] = mapped_column(String(50), nullable=False)
    error_details: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = created_at()
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("idx_cam_runs_job_id", "job_id"),
        Index("idx_cam_runs_model_id", "model_id"),
        Index("idx_cam_runs_setup_id", "setup_id", postgresql_where=text("setup_id IS NOT NULL")),
        Index("idx_cam_runs_status", "status", postgresql_where=text("status != 'completed'")),
    )


class SimRun(Base):
    __tablename__ = "sim_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("jobs.id", ondelete="RESTRICT"), nullable=False
    )
    cam_run_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("cam_runs.id", ondelete="CASCADE")
    )
    type: Mapped[str] = mapped_column(String(50), nullable=False)
    machine_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("machines.id", ondelete="RESTRICT")
    )
    collision_count: Mapped[int | None] = mapped_column(Integer, server_default=ZERO)
    collision_details: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    material_removal_accuracy: Mapped[decimal.Decimal | None] = mapped_column(Numeric(5, 2))
    simulation_time_ms: Mapped[int | None] = mapped_column(Integer)
    video_s3_key: Mapped[str | None] = mapped_column(String(1024))
    report_s3_key: Mapped[str | None] = mapped_column(String(1024))
    status: Mapped[str] = mapped_column(String(50), nullable=False)
    created_at: Mapped[dt.datetime] = created_at()
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("idx_sim_runs_job_id", "job_id"),
        Index(
            "idx_sim_runs_cam_run_id", "cam_run_id", postgresql_where=text("cam_run_id IS NOT NULL")
        ),
        Index(
            "idx_sim_runs_machine_id", "machine_id", postgresql_where=text("machine_id IS NOT NULL")
        ),
        Index("idx_sim_runs_status", "status"),
    )


class Artefact(Base):
    __tablename__ = "artefacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    job_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False
    )
    type: Mapped[str] = mapped_column(String(50), nullable=False)
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    s3_key: Mapped[str] = mapped_column(String(1024), unique=True, nullable=False)
    file_size: Mapped[int] = mapped_column(BigInteger, nullable=False)
    mime_type: Mapped[str | None] = mapped_column(String(100))
    sha256: Mapped[str | None] = mapped_column(CHAR(64))
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONB)
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = created_at()

    __table_args__ = (
        Index("idx_artefacts_job_id", "job_id"),
        Index("idx_artefacts_s3_key", "s3_key"),
        Index("idx_artefacts_sha256", "sha256", postgresql_where=text("sha256 IS NOT NULL")),
        Index(
            "idx_artefacts_expires_at",
            "expires_at",
            postgresql_where=text("expires_at IS NOT NULL"),
        ),
    )


class Notification(Base):
    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )
    type: Mapped[str] = mapped_column(String(50), nullable=False)
    severity: Mapped[str] = mapped_column(String(20), nullable=False, server_default="info")
    title: Mapped[str] = mapped_column(String(255), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    is_read: Mapped[bool | None] = mapped_column(Boolean, server_default=FALSE)
    read_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    action_url: Mapped[str | None] = mapped_column(String(1024))
    expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = created_at()

    __table_args__ = (
        Index(
            "idx_notifications_user_id_unread",
            "user_id",
            text("created_at DESC"),
            postgresql_where=text("is_read = false"),
        ),
        Index(
            "idx_notifications_expires_at",
            "expires_at",
            postgresql_where=text("expires_at IS NOT NULL"),
        ),
        Index("idx_notifications_created_at", text("created_at DESC")),
        Index("idx_notifications_is_read", "is_read"),
    )


class ErpMesSync(Base):
    __tablename__ = "erp_mes_sync"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_system: Mapped[str] = mapped_column(String(100), nullable=False)
    entity_type: Mapped[str] = mapped_column(String(50), nullable=False)
    entity_id: Mapped[int] = mapped_column(Integer, nullable=False)
    external_id: Mapped[str] = mapped_column(String(255), nullable=False)
    sync_direction: Mapped[str] = mapped_column(String(20), nullable=False)
    sync_status: Mapped[str] = mapped_column(String(50), nullable=False)
    sync_data: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    error_message: Mapped[str | None] = mapped_column(Text)
    retry_count: Mapped[int | None] = mapped_column(Integer, server_default=ZERO)
    synced_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        Index("idx_erp_mes_sync_external", "external_system", "external_id"),
        Index("idx_erp_mes_sync_entity", "entity_type", "entity_id"),
        Index(
            "idx_erp_mes_sync_status",
            "sync_status",
            postgresql_where=text("sync_status != 'synced'"),
        ),
        Index("idx_erp_mes_sync_external_id", "external_id"),
    )


# -------------------------------------------------------------------------- billing tables
class Invoice(Base):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False
    )
    invoice_number: Mapped[str] = mapped_column(String(50), unique=True, nullable=False)
    type: Mapped[str] = mapped_column(String(50), nullable=False)
    status: Mapped[str] = mapped_column(String(50), nullable=False)
    currency: Mapped[str] = mapped_column(CHAR(3), nullable=False, server_default="TRY")
    subtotal: Mapped[decimal.Decimal] = mapped_column(Numeric(12, 2), nullable=False)
    tax_rate: Mapped[decimal.Decimal] = mapped_column(
        Numeric(5, 2), nullable=False, server_default=text("20.00")
    )
    tax_amount: Mapped[decimal.Decimal] = mapped_column(Numeric(12, 2), nullable=False)
    total: Mapped[decimal.Decimal] = mapped_column(Numeric(12, 2), nullable=False)
    line_items: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False)
    billing_period_start: Mapped[dt.date | None] = mapped_column(Date)
    billing_period_end: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date, nullable=False)
    paid_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    payment_method: Mapped[str | None] = mapped_column(String(50))
    notes: Mapped[str | None] = mapped_column(Text)
    pdf_s3_key: Mapped[str | None] = mapped_column(String(1024))
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        CheckConstraint("currency IN ('TRY', 'USD', 'EUR')", name="currency"),
        Index("idx_invoices_user_id", "user_id"),
        Index("idx_invoices_number", "invoice_number"),
        Index("idx_invoices_status", "status", postgresql_where=text("status != 'paid'")),
        Index(
            "idx_invoices_due_date",
            "due_date",
            postgresql_where=text("status IN ('sent', 'overdue')"),
        ),
    )


class Payment(Base):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    invoice_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("invoices.id", ondelete="RESTRICT")
    )
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False
    )
    provider: Mapped[str] = mapped_column(String(50), nullable=False)
    provider_ref: Mapped[str] = mapped_column(String(255), unique=True, nullable=False)
    method: Mapped[str] = mapped_column(String(50), nullable=False)
    currency: Mapped[str] = mapped_column(CHAR(3), nullable=False)
    amount: Mapped[decimal.Decimal] = mapped_column(Numeric(12, 2), nullable=False)
    fee: Mapped[decimal.Decimal | None] = mapped_column(Numeric(10, 2), server_default=ZERO)
    status: Mapped[str] = mapped_column(String(50), nullable=False)
    metadata_: Mapped[dict[str, Any] | None] = mapped_column("metadata", JSONB)
    refund_amount: Mapped[decimal.Decimal | None] = mapped_column(
        Numeric(12, 2), server_default=ZERO
    )
    refund_reason: Mapped[str | None] = mapped_column(Text)
    processed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = created_at()

    __table_args__ = (
        CheckConstraint("currency IN ('TRY', 'USD', 'EUR')", name="currency"),
        Index(
            "idx_payments_invoice_id", "invoice_id", postgresql_where=text("invoice_id IS NOT NULL")
        ),
        Index("idx_payments_user_id", "user_id"),
        Index("idx_payments_provider_ref", "provider_ref"),
        Index("idx_payments_status", "status", postgresql_where=text("status = 'pending'")),
    )


# ------------------------------------------------------------------- security & audit tables
class AuditLog(Base):
    __tablename__ = "audit_logs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="SET NULL")
    )
    action: Mapped[str] = mapped_column(String(100), nullable=False)
    entity_type: Mapped[str] = mapped_column(String(50), nullable=False)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    entity_data: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    changes: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    ip_address: Mapped[str | None] = mapped_column(INET)
    user_agent: Mapped[str | None] = mapped_column(Text)
    session_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("sessions.id", ondelete="SET NULL")
    )
    chain_hash: Mapped[str] = mapped_column(CHAR(64), unique=True, nullable=False)
    prev_chain_hash: Mapped[str] = mapped_column(CHAR(64), nullable=False)
    created_at: Mapped[dt.datetime] = created_at()

    __table_args__ = (
        Index("idx_audit_logs_user_id", "user_id", postgresql_where=text("user_id IS NOT NULL")),
        Index("idx_audit_logs_action", "action"),
        Index("idx_audit_logs_entity", "entity_type", "entity_id"),
        Index("idx_audit_logs_created_at", text("created_at DESC")),
        Index("idx_audit_logs_chain_hash", "chain_hash"),
        Index("idx_audit_logs_entity_id", "entity_id"),
    )


class SecurityEvent(Base):
    __tablename__ = "security_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_type: Mapped[str] = mapped_column(String(100), nullable=False)
    severity: Mapped[str] = mapped_column(String(20), nullable=False)
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="SET NULL")
    )
    ip_address: Mapped[str | None] = mapped_column(INET)
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    resolved: Mapped[bool | None] = mapped_column(Boolean, server_default=FALSE)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="SET NULL")
    )
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = created_at()

    __table_args__ = (
        Index("idx_security_events_type", "event_type"),
        Index(
            "idx_security_events_severity", "severity", postgresql_where=text("resolved = false")
        ),
        Index(
            "idx_security_events_user_id", "user_id", postgresql_where=text("user_id IS NOT NULL")
        ),
        Index("idx_security_events_ip_address", "ip_address"),
        Index(
            "idx_security_events_unresolved",
            text("created_at DESC"),
            postgresql_where=text("resolved = false"),
        ),
        Index("idx_security_events_resolved", "resolved"),
    )


# --------------------------------------------------- security internals (not in the ERD)
class RolePermission(Base):
    """The permission matrix of :mod:`cncworkbench.core.permissions`, as RLS reads it."""

    __tablename__ = "role_permissions"

    role: Mapped[str] = mapped_column(String(50), primary_key=True)
    permission: Mapped[str] = mapped_column(String(100), primary_key=True)


class SessionBinding(Base):
    """Which logged-in session a database connection acts for.

    Written only by the SECURITY DEFINER login functions; keyed by the backend's pid and
    start time, so a later connection that reuses the pid inherits nothing.
    """

    __tablename__ = "session_bindings"

    backend_pid: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    backend_start: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    session_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False
    )
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    )
    bound_at: Mapped[dt.datetime] = created_at()


class SessionTokenHistory(Base):
    """Digests of refresh tokens already rotated away: presenting one again is theft."""

    __tablename__ = "session_token_history"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    session_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("sessions.id", ondelete="CASCADE"), nullable=False
    )
    rotated_at: Mapped[dt.datetime] = created_at()

    __table_args__ = (Index("idx_session_token_history_session_id", "session_id"),)


class AuditChainHead(Base):
    """The newest audit entry's hash; its row lock keeps the chain linear under
    concurrent writers."""

    __tablename__ = "audit_chain_head"

    id: Mapped[bool] = mapped_column(Boolean, primary_key=True, server_default=TRUE)
    last_id: Mapped[int | None] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(CHAR(64), nullable=False)

    __table_args__ = (CheckConstraint("id", name="single_row"),)


# ------------------------------------------------------------- job queue (not in the ERD)
class JobState(Base):
    """What the queue needs beyond the ERD's ``jobs`` columns (migration 0004): when a job
    may next be claimed, the current attempt's lease and heartbeat, a cancel request."""

    __tablename__ = "job_state"

    job_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("jobs.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    available_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, nullable=False, server_default=NOW
    )
    attempt_started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    lease_expires_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    worker_id: Mapped[str | None] = mapped_column(String(255))
    cancel_requested: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=FALSE)

    __table_args__ = (
        Index(
            "idx_job_state_available",
            "available_at",
            postgresql_where=text("lease_expires_at IS NULL"),
        ),
        Index(
            "idx_job_state_lease",
            "lease_expires_at",
            postgresql_where=text("lease_expires_at IS NOT NULL"),
        ),
    )


class Worker(Base):
    """A ``cncworkbench worker`` process (or the workbench's in-process worker)."""

    __tablename__ = "workers"

    id: Mapped[str] = mapped_column(String(255), primary_key=True)
    hostname: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    types: Mapped[list[str] | None] = mapped_column(ARRAY(Text))
    concurrency: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[str | None] = mapped_column(String(50))
    started_at: Mapped[dt.datetime] = created_at()
    heartbeat_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, nullable=False, server_default=NOW
    )
    stopped_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class ModelHead(Base):
    """The newest live version of each model line (migration 0005, kept by triggers)."""

    __tablename__ = "model_heads"

    root_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    head_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("models.id", ondelete="CASCADE"), nullable=False
    )
    project_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (Index("idx_model_heads_head_id", "head_id", unique=True),)


class SimReview(Base):
    """An operator's decision on a simulated run (migration 0006; one per run, never
    changed; a trigger refuses to approve a run whose simulation found errors)."""

    __tablename__ = "sim_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sim_run_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("sim_runs.id", ondelete="CASCADE"), nullable=False
    )
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False
    )
    decision: Mapped[str] = mapped_column(String(20), nullable=False)
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = created_at()

    __table_args__ = (
        CheckConstraint("decision IN ('approved', 'rejected')", name="decision"),
        CheckConstraint("comment IS NULL OR length(comment) <= 2000", name="comment_length"),
        Index("idx_sim_reviews_sim_run_id", "sim_run_id", unique=True),
    )


# ------------------------------------------------- licenses & billing (migration 0007)
class InvoiceCounter(Base):
    """The last invoice number issued per prefix and year; its row lock, held by the
    issuing transaction, keeps the numbers gap-free (written by cnc_issue_invoice only)."""

    __tablename__ = "invoice_counters"

    prefix: Mapped[str] = mapped_column(String(3), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (
        CheckConstraint("prefix ~ '^[A-Z0-9]{3}$'", name="prefix"),
        CheckConstraint("year >= 2000 AND year <= 9999", name="year"),
        CheckConstraint("last_number >= 0 AND last_number <= 999999999", name="last_number"),
    )


class InvoiceIssue(Base):
    """What an issued invoice keeps beyond the ERD's columns: when and by whom it was
    issued, its number's parts, and the seller's and buyer's details as they were."""

    __tablename__ = "invoice_issues"

    invoice_id: Mapped[int] = mapped_column(
        Integer,
        ForeignKey("invoices.id", ondelete="RESTRICT"),
        primary_key=True,
        autoincrement=False,
    )
    prefix: Mapped[str] = mapped_column(String(3), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)
    issued_at: Mapped[dt.datetime] = created_at()
    issued_by: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("users.id", ondelete="SET NULL")
    )
    seller: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    buyer: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)

    __table_args__ = (
        CheckConstraint("jsonb_typeof(seller) = 'object'", name="seller"),
        CheckConstraint("jsonb_typeof(buyer) = 'object'", name="buyer"),
        CheckConstraint("sequence >= 1 AND sequence <= 999999999", name="sequence"),
        UniqueConstraint("prefix", "year", "sequence"),
    )


class LicenseWarning(Base):
    """An expiry warning (30, 7 or 1 days before ``ends_at``) already sent for a license."""

    __tablename__ = "license_warnings"

    license_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("licenses.id", ondelete="CASCADE"), primary_key=True
    )
    ends_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, primary_key=True)
    days_before: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sent_at: Mapped[dt.datetime] = created_at()

    __table_args__ = (CheckConstraint("days_before IN (30, 7, 1)", name="days_before"),)


# Migration 0007's CHECKs on the ERD's billing tables (enum columns, amounts, periods).
for _table, _name, _expression in (
    (Invoice, "status", "status IN ('draft', 'sent', 'paid', 'overdue', 'cancelled')"),
    (Invoice, "type", "type IN ('subscription', 'usage', 'one_time')"),
    (Invoice, "amounts", "subtotal >= 0 AND tax_amount >= 0 AND total = subtotal + tax_amount"),
    (Invoice, "tax_rate", "tax_rate >= 0 AND tax_rate <= 100"),
    (Invoice, "line_items", "jsonb_typeof(line_items) = 'array'"),
    (
        Invoice,
        "billing_period",
        "billing_period_end IS NULL OR billing_period_start IS NULL "
        "OR billing_period_end >= billing_period_start",
    ),
    (Invoice, "paid_at", "status <> 'paid' OR paid_at IS NOT NULL"),
    (
        Invoice,
        "number",
        "status IN ('draft', 'cancelled') OR invoice_number ~ '^[A-Z0-9]{3}[0-9]{13}$'",
    ),
    (Payment, "status", "status IN ('pending', 'completed', 'failed', 'refunded')"),
    (
        Payment,
        "amounts",
        "amount > 0 AND fee >= 0 AND refund_amount >= 0 AND refund_amount <= amount",
    ),
    (License, "period", "ends_at > starts_at"),
):
    _table.__table__.append_constraint(CheckConstraint(_expression, name=_name))


# ------------------------------------------------------ ERP/MES integrations (migration 0008)
ERP_ENTITY_TYPES = ("order", "cam_run", "sim_run", "invoice")
ERP_EVENTS = (
    "gcode.approved",
    "cam.finished",
    "simulation.finished",
    "invoice.issued",
    "invoice.paid",
)


class ExternalSystem(Base):
    """An ERP/MES the shop exchanges data with. Its token and signing secret are never
    stored here (OS keyring or environment, see cncworkbench.services.commerce.erp)."""

    __tablename__ = "external_systems"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(63), unique=True, nullable=False)
    description: Mapped[str | None] = mapped_column(Text)
    base_url: Mapped[str] = mapped_column(String(1024), nullable=False)
    events_path: Mapped[str] = mapped_column(String(255), nullable=False, server_default="events")
    orders_path: Mapped[str] = mapped_column(String(255), nullable=False, server_default="orders")
    direction: Mapped[str] = mapped_column(String(20), nullable=False)
    entity_types: Mapped[list[str]] = mapped_column(ARRAY(Text), nullable=False)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=TRUE)
    connect_timeout_ms: Mapped[int] = mapped_column(
        Integer, nullable=False, server_default=text("5000")
    )
    read_timeout_ms: Mapped[int] = mapped_column(
        Integer, nullable=False, server_default=text("15000")
    )
    max_retries: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("8"))
    backoff_base_s: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("30"))
    backoff_max_s: Mapped[int] = mapped_column(Integer, nullable=False, server_default=text("3600"))
    pull_interval_s: Mapped[int | None] = mapped_column(Integer)
    last_pulled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = created_at()
    updated_at: Mapped[dt.datetime] = updated_at()

    __table_args__ = (
        CheckConstraint("name ~ '^[A-Z][A-Z0-9_]{0,62}$'", name="name"),
        CheckConstraint("base_url ~ '^https?://[^[:space:]]+$'", name="base_url"),
        CheckConstraint(_in("direction", ("inbound", "outbound", "both")), name="direction"),
        CheckConstraint(
            "entity_types <@ ARRAY[" + ", ".join(f"'{t}'" for t in ERP_ENTITY_TYPES) + "]::text[]",
            name="entity_types",
        ),
        CheckConstraint("connect_timeout_ms BETWEEN 100 AND 60000", name="connect_timeout_ms"),
        CheckConstraint("read_timeout_ms BETWEEN 100 AND 300000", name="read_timeout_ms"),
        CheckConstraint("max_retries BETWEEN 0 AND 50", name="max_retries"),
        CheckConstraint(
            "backoff_base_s >= 1 AND backoff_max_s >= backoff_base_s AND backoff_max_s <= 604800",
            name="backoff",
        ),
        CheckConstraint(
            "pull_interval_s IS NULL OR pull_interval_s BETWEEN 1 AND 604800",
            name="pull_interval_s",
        ),
        CheckConstraint(
            "events_path !~ '[[:space:]]' AND orders_path !~ '[[:space:]]'", name="paths"
        ),
    )


class ErpDelivery(Base):
    """The delivery state of an outbound ``erp_mes_sync`` row (one each): its event, its
    idempotency key, when the next attempt is due and a log of every attempt."""

    __tablename__ = "erp_deliveries"

    sync_id: Mapped[int] = mapped_column(
        Integer,
        ForeignKey("erp_mes_sync.id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    )
    event: Mapped[str] = mapped_column(String(50), nullable=False)
    occurrence: Mapped[str | None] = mapped_column(String(100))
    idempotency_key: Mapped[str] = mapped_column(CHAR(64), unique=True, nullable=False)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, nullable=False, server_default=NOW
    )
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_http_status: Mapped[int | None] = mapped_column(Integer)
    attempts: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, nullable=False, server_default=text("'[]'::jsonb")
    )

    __table_args__ = (
        CheckConstraint(_in("event", ERP_EVENTS), name="event"),
        CheckConstraint("jsonb_typeof(attempts) = 'array'", name="attempts"),
        Index("idx_erp_deliveries_next_attempt_at", "next_attempt_at"),
    )


for _name, _expression in (
    ("direction", "sync_direction IN ('inbound', 'outbound')"),
    ("status", "sync_status IN ('pending', 'synced', 'failed')"),
    ("retry_count", "retry_count >= 0"),
):
    ErpMesSync.__table__.append_constraint(CheckConstraint(_expression, name=_name))


# Tables whose updated_at the database keeps current (trigger cnc_touch_updated_at).
TABLES_WITH_UPDATED_AT = tuple(
    table.name for table in Base.metadata.sorted_tables if "updated_at" in table.c
)

# The user_directory view (migrations 0002, 0009): id, e-mail, role, status and language of
# every account, for every logged-in user (names of project owners, job submitters),
# without the personal data of the users table. Outside Base.metadata: Alembic does not
# manage views.
user_directory = Table(
    "user_directory",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("email", String(255)),
    Column("role", String(50)),
    Column("is_active", Boolean),
    Column("locale", String(10)),  # migration 0009: workers word notifications with it
)
