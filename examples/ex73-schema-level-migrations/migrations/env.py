"""Migration environment: Alembic runs this file for every command that touches the database."""

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool, text

config = context.config  # => the parsed alembic.ini (the [alembic] section)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)  # => applies the [loggers] sections of alembic.ini

target_metadata = None  # => no models here; autogenerate is not used in this example

DATABASE_URL = os.environ["DATABASE_URL"]
# => e.g. postgresql://you@localhost/abe_ex73; KeyError if unset (fail fast, never a default DB)

VERSION_SCHEMA = "meta"
# => alembic_version lives in its own schema, not in public next to application tables


def run_migrations_offline() -> None:
    """--sql mode: render SQL to stdout instead of executing it."""
    context.configure(url=DATABASE_URL, target_metadata=target_metadata, literal_binds=True,
                      version_table_schema=VERSION_SCHEMA)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect and execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    with engine.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {VERSION_SCHEMA}"))
        # => `CREATE SCHEMA IF NOT EXISTS meta`: the version table's schema must exist
        # => before Alembic creates meta.alembic_version at the start of the run
        connection.commit()  # => COMMIT: a clean connection for Alembic's own transaction
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            version_table_schema=VERSION_SCHEMA,
            # => every version query is schema-qualified: `meta.alembic_version`
            include_schemas=True,
            # => autogenerate would compare every schema, not just the default one
        )
        with context.begin_transaction():  # => BEGIN ... COMMIT around all pending revisions
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
