"""Migration environment: Alembic runs this file for every command that touches the database."""

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool, text

from models import Base  # => models.py, importable because alembic.ini sets prepend_sys_path = .

config = context.config  # => the parsed alembic.ini (the [alembic] section)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)  # => applies the [loggers] sections of alembic.ini

target_metadata = Base.metadata
# => what `alembic revision --autogenerate` and `alembic check` compare the database with

DATABASE_URL = os.environ["DATABASE_URL"]
# => e.g. postgresql://you@localhost/mydb; KeyError if unset (fail fast, never a default DB)
# => SQLAlchemy 2.1 picks psycopg 3 for plain postgresql:// URLs

MIGRATION_LOCK = 6901
# => any bigint the application uses for nothing else: the key of the advisory lock below


def run_migrations_offline() -> None:
    """--sql mode: render SQL to stdout instead of executing it."""
    context.configure(
        url=DATABASE_URL,
        target_metadata=target_metadata,
        literal_binds=True,
        transaction_per_migration=True,  # => the same transactions as online: one per revision
    )
    # => no advisory lock offline: whoever runs the script (one DBA, one psql) is the only runner
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect and execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    # => NullPool: one short-lived connection, closed when the command ends
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
        # => `SELECT pg_advisory_lock(6901)`: Alembic has no lock of its own against two
        # => replicas running `upgrade head` at once; a second one waits here until the first
        # => is done, then finds nothing left to do
        connection.commit()
        # => ends the transaction the SELECT began; a session-level lock outlives it, and
        # => Alembic must start with no transaction open to manage its own
        try:
            context.configure(
                connection=connection,
                target_metadata=target_metadata,
                transaction_per_migration=True,
                # => one BEGIN ... COMMIT per revision, as Alembic's docs recommend for
                # => revisions with autocommit_block() (0002 builds its index CONCURRENTLY)
            )
            with context.begin_transaction():  # => with the option above: no outer transaction
                context.run_migrations()  # => calls upgrade()/downgrade() of each pending revision
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
            # => `SELECT pg_advisory_unlock(6901)`; closing the connection would release it too
            connection.commit()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
