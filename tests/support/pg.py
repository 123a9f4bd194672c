"""A throwaway PostgreSQL cluster for the test session, with a fresh database per test.

The cluster is the product's own embedded cluster (so its code is exercised by every
test run). Migrations run once into a template database; each test gets a copy made by
``CREATE DATABASE ... TEMPLATE``, which takes tens of milliseconds instead of migrating.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql

from cncworkbench.db import migrate
from cncworkbench.db.cluster import (
    OWNER_ROLE,
    SUPERUSER,
    EmbeddedCluster,
    RunningCluster,
    create_superuser_extensions,
)
from cncworkbench.db.engine import Database, make_engine

TEMPLATE = "cnc_template"


class TestCluster:
    __test__ = False  # not a test class for pytest

    def __init__(self):
        # Not under pytest's tmp folder: that is private to root, and as root the server
        # runs as another OS user that must reach its data directory.
        parent = Path(tempfile.mkdtemp(prefix="cnc-test-pg-"))
        parent.chmod(0o755)
        self._parent = parent
        self.cluster = EmbeddedCluster(parent / "cluster")
        self.live: RunningCluster = self.cluster.ensure_running(progress=lambda *_: None)
        self._names = itertools.count(1)
        self._template_ready = False

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(
            self.live.conninfo(database="postgres", role=SUPERUSER), autocommit=True
        )

    @property
    def major_version(self) -> int:
        """The server's major version (15 on Debian 12, 17 on Debian 13)."""
        with self.admin() as conn:
            return conn.info.server_version // 10000

    def url(self, database: str, role: str = OWNER_ROLE) -> str:
        return self.live.url(database=database, role=role)

    def create_database(self, template: str | None = None) -> str:
        name = f"test_{os.getpid()}_{next(self._names)}"
        query = sql.SQL("CREATE DATABASE {} OWNER {}").format(
            sql.Identifier(name), sql.Identifier(OWNER_ROLE)
        )
        if template:
            query += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        with self.admin() as conn:
            conn.execute(query)
        if not template:  # as the embedded cluster does for its database
            create_superuser_extensions(self.live.conninfo(database=name, role=SUPERUSER))
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def ensure_template(self) -> str:
        if not self._template_ready:
            self.drop_database(TEMPLATE)
            with self.admin() as conn:
                conn.execute(
                    sql.SQL("CREATE DATABASE {} OWNER {}").format(
                        sql.Identifier(TEMPLATE), sql.Identifier(OWNER_ROLE)
                    )
                )
            create_superuser_extensions(self.live.conninfo(database=TEMPLATE, role=SUPERUSER))
            engine = make_engine(self.url(TEMPLATE))
            try:
                migrate.upgrade(engine)
            finally:
                engine.dispose()
            self._template_ready = True
        return TEMPLATE

    def migrated_database(self) -> Database:
        name = self.create_database(template=self.ensure_template())
        return Database(self.url(name))

    def stop(self) -> None:
        self.cluster.destroy()
        shutil.rmtree(self._parent, ignore_errors=True)
