"""Alembic, driven from Python: the only way the schema changes."""

from __future__ import annotations

import contextlib

import psycopg
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from cncworkbench.core.i18n import translate
from cncworkbench.db.revisions import MIGRATIONS_DIR, head_revision
from cncworkbench.errors import DatabaseUnavailable, UserError

# Expression indexes Alembic cannot compare reliably: created and dropped by hand in the
# migration that introduced them (0003-0005), invisible to autogenerate.
HAND_MANAGED_INDEXES = {
    "idx_models_name_search",
    "idx_projects_name_unique",
    "idx_jobs_queue",
    "idx_model_heads_newest",
    "idx_model_heads_project",
}


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """What autogenerate compares: not Alembic's own table, not hand-managed indexes."""
    if type_ == "table" and name == "alembic_version":
        return False
    return not (type_ == "index" and name in HAND_MANAGED_INDEXES)


def alembic_config(engine: Engine):
    # Alembic (and Mako, Pygments below it) is imported only to change the schema: reading
    # the revision, which every command does first, needs neither.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # The engine travels in attributes: URLs with %-escapes would trip configparser.
    config.attributes["engine"] = engine
    return config


# One advisory lock key for "the schema is being migrated" (any number, the same everywhere).
MIGRATION_LOCK_KEY = 7_203_442_001


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to ``revision``, one process at a time.

    Several first starts at once (two `db upgrade`, a `seed` and a `demo` on a new data
    folder, workers starting together) wait for each other on a PostgreSQL advisory lock,
    held by a connection of its own for the whole upgrade: the first migrates, the others
    then find the schema current. Each migration is its own transaction, so an upgrade
    cut short (server stopped, connection lost) keeps every finished step and none of the
    unfinished one; it is reported in one sentence and the next upgrade continues.
    """
    from alembic import command

    forget_current_revisions()
    with engine.connect() as holder:
        holder.execute(sa.text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        holder.commit()
        try:
            command.upgrade(alembic_config(engine), revision)
        except (sa.exc.DBAPIError, psycopg.Error) as exc:
            # SQLAlchemy wraps the driver's errors; migrations that hand SQL to the cursor
            # (function bodies) meet them bare
            error = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
            reached = _reached(engine)
            reason = (
                str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            )
            if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError) and not (
                isinstance(error, psycopg.errors.QueryCanceled | psycopg.errors.LockNotAvailable)
            ):  # connection lost, server stopped
                raise DatabaseUnavailable(
                    translate(
                        "Migrate",
                        "The schema upgrade was interrupted at revision {revision} ({reason}); "
                        "finished steps are kept, the unfinished one was rolled back. Run "
                        "`cncworkbench db upgrade` again once the database answers.",
                    ).format(revision=reached or "?", reason=reason),
                    setting="CNC_DATABASE_URL",
                ) from None
            raise UserError(  # a migration failed (data or objects it cannot handle, ...)
                translate(
                    "Migrate",
                    "The schema upgrade stopped at revision {revision}: the step to {step} "
                    "failed ({reason}) and was rolled back; finished steps are kept. Fix the "
                    "cause and run `cncworkbench db upgrade` again.",
                ).format(revision=reached or "?", step=_next_revision(reached), reason=reason)
            ) from None
        except KeyboardInterrupt:
            raise UserError(
                translate(
                    "Migrate",
                    "The schema upgrade was stopped at revision {revision}; the unfinished step "
                    "was rolled back. Run `cncworkbench db upgrade` again to finish it.",
                ).format(revision=_reached(engine) or "?")
            ) from None
        finally:
            with contextlib.suppress(Exception):
                holder.execute(
                    sa.text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY}
                )
                holder.commit()


def _reached(engine: Engine) -> str | None:
    with contextlib.suppress(Exception):
        return current_revision(engine)
    return None


def _next_revision(revision: str | None) -> str:
    """The revision that follows ``revision`` (the step that was being made)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    for candidate in script.walk_revisions():
        if candidate.down_revision == revision:
            return candidate.revision
    return "?"


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    forget_current_revisions()
    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the database: one query on ``alembic_version`` (None when the
    table is missing: nothing was migrated yet)."""
    with engine.connect() as conn:
        return revision_of(conn)


def revision_of(connection) -> str | None:
    try:
        rows = connection.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    except sa.exc.ProgrammingError as exc:
        if isinstance(exc.orig, psycopg.errors.UndefinedTable):
            connection.rollback()
            return None
        raise
    if len(rows) > 1:  # branches: Alembic says what is wrong
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return rows[0][0] if rows else None


# (database URL, head) pairs this process has seen at the head: checked once per process.
_current: set[tuple[str, str]] = set()


def known_current(url: str, head: str) -> bool:
    return (url, head) in _current


def remember_current(url: str, head: str) -> None:
    _current.add((url, head))


def forget_current_revisions() -> None:
    _current.clear()


def is_up_to_date(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


def replace_in_function(connection, signature: str, *replacements: tuple[str, str]) -> None:
    """Redefine a SQL function from its live definition with each (old, new) text swapped.

    For migrations that change one test inside a function later migrations may have
    rewritten: the rest of its body, its grants and owner stay as they are. The statement
    goes to the cursor without parameters: bodies may hold '%' (format strings) that the
    driver would otherwise read as placeholders.
    """
    definition = connection.execute(
        sa.text("SELECT pg_get_functiondef(CAST(:f AS regprocedure))"), {"f": signature}
    ).scalar_one()
    for old, new in replacements:
        if old not in definition:
            raise RuntimeError(f"{signature} does not contain {old!r}")
        definition = definition.replace(old, new)
    with connection.connection.cursor() as cursor:  # 'CREATE OR REPLACE FUNCTION ...'
        cursor.execute(definition)
