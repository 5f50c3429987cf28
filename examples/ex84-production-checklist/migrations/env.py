"""Migration environment: Alembic runs this file for every command that touches the database."""

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool, text
from sqlalchemy.exc import OperationalError

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
MIGRATION_LOCK = 84  # => any number every replica agrees on: the key of an advisory lock
SESSION_LIMITS = (
    f"SET lock_timeout = '{LOCK_TIMEOUT}'",  # => `SET lock_timeout = '5s'`
    f"SET statement_timeout = '{STATEMENT_TIMEOUT}'",  # => `SET statement_timeout = '60s'`
    f"SELECT pg_advisory_lock({MIGRATION_LOCK})",  # => `SELECT pg_advisory_lock(84)`
    # => one upgrade at a time: Alembic has no lock of its own against two replicas running
    # => `upgrade head` at once; a second one waits here, at most lock_timeout
)  # => the same lines online and in the --sql script: what is reviewed is what runs


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
        try:
            for statement in SESSION_LIMITS:
                connection.execute(text(statement))  # => session-level: they last for the command
        except OperationalError as exc:
            if "lock timeout" not in str(exc):
                raise
            raise SystemExit(f"another upgrade holds the migration lock ({MIGRATION_LOCK}); "
                             f"gave up after lock_timeout = {LOCK_TIMEOUT}") from None
            # => the replica that waited exits 1 before running anything; the lock is released
            # => when the other one's connection closes
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
