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
# => e.g. postgresql://you@localhost/abe_ex84; KeyError if unset (fail fast, never a default DB)

LOCK_TIMEOUT = os.environ.get("MIGRATION_LOCK_TIMEOUT", "5s")
# => how long a DDL statement may WAIT for a lock before giving up
STATEMENT_TIMEOUT = os.environ.get("MIGRATION_STATEMENT_TIMEOUT", "60s")
# => how long any single statement may RUN


def run_migrations_offline() -> None:
    """--sql mode: render SQL to stdout for review instead of executing it."""
    context.configure(url=DATABASE_URL, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect, cap waiting and running time, execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    with engine.connect() as connection:
        connection.execute(text(f"SET lock_timeout = '{LOCK_TIMEOUT}'"))
        # => `SET lock_timeout = '5s'`: an ALTER stuck behind a long transaction fails after 5 s
        # => instead of queueing every other query on the table behind it
        connection.execute(text(f"SET statement_timeout = '{STATEMENT_TIMEOUT}'"))
        # => `SET statement_timeout = '60s'`: a runaway backfill is cancelled, not left running
        connection.commit()  # => session settings persist; Alembic starts its own transaction
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
