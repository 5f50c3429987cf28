"""Migration environment: Alembic runs this file for every command that touches the database."""

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool, text

config = context.config  # => the parsed alembic.ini (the [alembic] section)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)  # => applies the [loggers] sections of alembic.ini

target_metadata = None
# => no models: `alembic revision --autogenerate` and `alembic check` refuse to run (exit 255)

DATABASE_URL = os.environ["DATABASE_URL"]
# => e.g. postgresql://you@localhost/mydb; KeyError if unset (fail fast, never a default DB)
# => SQLAlchemy 2.1 picks psycopg 3 for plain postgresql:// URLs

LOCK_TIMEOUT = os.environ.get("MIGRATION_LOCK_TIMEOUT", "5s")
# => how long a DDL statement may WAIT for a lock before giving up
STATEMENT_TIMEOUT = os.environ.get("MIGRATION_STATEMENT_TIMEOUT", "60s")
# => how long a statement may RUN; a revision that must scan a big table lifts it for itself
SESSION_LIMITS = (
    f"SET lock_timeout = '{LOCK_TIMEOUT}'",  # => `SET lock_timeout = '5s'`
    f"SET statement_timeout = '{STATEMENT_TIMEOUT}'",  # => `SET statement_timeout = '60s'`
)  # => the same two lines online and in the --sql script: what is reviewed is what runs


def run_migrations_offline() -> None:
    """--sql mode: render SQL to stdout for review instead of executing it."""
    context.configure(url=DATABASE_URL, target_metadata=target_metadata, literal_binds=True,
                      transaction_per_migration=True)
    for statement in SESSION_LIMITS:
        context.execute(statement)  # => written at the top of the script, before the first BEGIN
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect, cap waiting and running time, execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    with engine.connect() as connection:
        for statement in SESSION_LIMITS:
            connection.execute(text(statement))  # => session settings: they last for the command
        connection.commit()  # => Alembic starts its own transactions after this
        context.configure(connection=connection, target_metadata=target_metadata,
                          transaction_per_migration=True)
        # => one BEGIN ... COMMIT per revision: when 0003 fails, 0002 stays committed and
        # => recorded, and the rerun starts at 0003 instead of repeating 0002
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
