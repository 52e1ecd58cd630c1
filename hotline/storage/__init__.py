"""Storage at the edge: SQLAlchemy models, the database engine, migrations and repositories."""
