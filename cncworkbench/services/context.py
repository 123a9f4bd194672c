"""What every front end (CLI, GUI, worker) opens first: settings, database and store."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import sqlalchemy as sa

from cncworkbench.config import SecretStore, Settings, load_settings
from cncworkbench.core.i18n import translate
from cncworkbench.db import migrate, security
from cncworkbench.db.engine import Database, explain_connection_error, sqlalchemy_url
from cncworkbench.errors import ConfigurationError, UserError
from cncworkbench.storage import ObjectStore, open_store


@dataclass
class ComponentStatus:
    name: str  # "database", "file store", "keyring": a key, the front ends word it
    ok: bool
    detail: str  # for people, in the reader's language


def _empty() -> str:
    return translate("AppContext", "(empty)")


class AppContext:
    """Lazily opens the database (starting the embedded cluster if needed) and the store."""

    def __init__(
        self,
        settings: Settings | None = None,
        secrets: SecretStore | None = None,
        progress: Callable[[str], None] = print,
        store: ObjectStore | None = None,
    ):
        self.settings = settings or load_settings()
        self.secrets = secrets or SecretStore()
        self.progress = progress
        if store is not None:  # opened already (for these settings) by the caller
            self.store = store

    @cached_property
    def db(self) -> Database:
        return Database.from_settings(self.settings, self.secrets, self.progress)

    @cached_property
    def store(self) -> ObjectStore:
        return open_store(self.settings)

    @cached_property
    def client_url(self) -> str:
        """Where desktop users' connections go: as ``cnc_app`` in the embedded database,
        with the configured credentials (normally ``cnc_app`` too) on a shared one."""
        url = sa.engine.make_url(self.db.url)
        if self.settings.uses_embedded_database:
            url = url.set(username=security.APP_ROLE)
        return url.render_as_string(hide_password=False)

    @cached_property
    def login_db(self) -> Database:
        """Client connections with no identity yet: they can log in and nothing else."""
        return security.client_database(self.client_url, self.db.setting)

    @cached_property
    def worker_url(self) -> str | None:
        """Where workers connect: as ``cnc_worker`` in the embedded database; elsewhere
        CNC_WORKER_DATABASE_URL, or the configured URL when it is the owner's or the
        worker's (``cncworkbench worker`` on a worker machine). None: no worker here."""
        override = os.environ.get("CNC_WORKER_DATABASE_URL")
        if override:
            return sqlalchemy_url(override)
        if self.settings.uses_embedded_database:
            return (
                sa.engine.make_url(self.db.url)
                .set(username=security.WORKER_ROLE)
                .render_as_string(False)
            )
        return self.db.url if self.is_privileged() else None

    def worker_db(self) -> Database:
        url = self.worker_url
        if url is None:
            raise ConfigurationError(
                translate(
                    "AppContext",
                    "These database credentials cannot run jobs: set CNC_WORKER_DATABASE_URL to "
                    "the cnc_worker role's URL, or use the owner's credentials.",
                ),
                setting="CNC_WORKER_DATABASE_URL",
            )
        return Database(url, setting="CNC_WORKER_DATABASE_URL")

    def is_privileged(self) -> bool:
        """Whether the configured credentials are the database owner's (or a worker's),
        which may act for any user (CLI administration)."""
        with self.db.engine.connect() as connection:
            return bool(connection.execute(sa.text("SELECT cnc_caller_is_privileged()")).scalar())

    def ensure_schema(self) -> str:
        """Bring the schema to this version's head.

        The embedded database belongs to this user and is migrated on the spot. A shared
        database is migrated by its administrator (``cncworkbench db upgrade``); opening an
        outdated one says so instead of changing it behind everyone's back.
        """
        head = migrate.head_revision()
        if migrate.known_current(self.db.url, head):
            return head
        current = self._current_revision()
        if current == head:
            migrate.remember_current(self.db.url, head)
            return head
        if self.settings.uses_embedded_database:
            self.progress(
                translate(
                    "AppContext", "Updating the embedded database schema to revision {head} ..."
                ).format(head=head)
            )
            migrate.upgrade(self.db.engine)
            return head
        raise ConfigurationError(
            translate(
                "AppContext",
                "The shared database is at schema revision {current} but this version of CNC "
                "Workbench needs {head}. Ask the administrator to run `cncworkbench db upgrade`.",
            ).format(current=current or _empty(), head=head),
            setting="CNC_DATABASE_URL",
        )

    def _current_revision(self) -> str | None:
        """The database's revision in one query, a connection problem said as
        :meth:`Database.check` says it."""
        try:
            with self.db.engine.connect() as connection:
                return migrate.revision_of(connection)
        except sa.exc.OperationalError as exc:
            raise explain_connection_error(exc, self.db.url, self.db.setting) from None

    def status(self) -> list[ComponentStatus]:
        """Database and store health, each as one line a person can act on."""
        rows = []
        try:
            version = self.db.check()
            current = migrate.current_revision(self.db.engine)
            head = migrate.head_revision()
            if current == head:
                state = translate("AppContext", "up to date")
            else:
                state = translate("AppContext", "needs upgrade to {head}").format(head=head)
            if self.settings.uses_embedded_database:
                detail = translate(
                    "AppContext", "embedded PostgreSQL {version}, schema {schema} ({state})"
                )
            else:
                detail = translate(
                    "AppContext", "shared PostgreSQL {version}, schema {schema} ({state})"
                )
            rows.append(
                ComponentStatus(
                    "database",
                    current == head,
                    detail.format(version=version, schema=current or _empty(), state=state),
                )
            )
        except UserError as exc:
            rows.append(ComponentStatus("database", False, str(exc)))
        try:
            self.store.check()
            rows.append(ComponentStatus("file store", True, self.store.describe()))
        except UserError as exc:
            rows.append(ComponentStatus("file store", False, str(exc)))
        if not self.secrets.available:
            rows.append(
                ComponentStatus(
                    "keyring",
                    False,
                    translate(
                        "AppContext",
                        "{reason}; passwords and logins cannot be remembered on this machine",
                    ).format(reason=self.secrets.unavailable_reason),
                )
            )
        else:
            rows.append(ComponentStatus("keyring", True, self.secrets.backend_name))
        return rows

    def table_counts(self) -> dict[str, int]:
        with self.db.session() as session:
            tables = session.execute(
                sa.text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename <> 'alembic_version' ORDER BY tablename"
                )
            ).scalars()
            return {
                name: session.execute(sa.text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                for name in list(tables)
            }

    def close(self) -> None:
        for name in ("db", "login_db"):
            if name in self.__dict__:
                self.__dict__[name].dispose()
