"""Alembic environment: runs with the engine handed over by cncworkbench.db.migrate."""

from alembic import context

from cncworkbench.db import models  # noqa: F401  (registers every table)
from cncworkbench.db.base import Base
from cncworkbench.db.migrate import include_object

config = context.config


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            compare_type=True,
            compare_server_default=True,
            include_object=include_object,
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; connect to a database.")
run_migrations_online()
