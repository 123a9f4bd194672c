"""Database adapter: SQLAlchemy models, sessions, migrations and the embedded cluster."""
