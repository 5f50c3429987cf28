"""Migration environment: Alembic runs this file for every command that touches the database."""

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

config = context.config  # => the parsed alembic.ini (the [alembic] section)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)  # => applies the [loggers] sections of alembic.ini

target_metadata = None
# => no models: `alembic revision --autogenerate` and `alembic check` refuse to run (exit 255)

DATABASE_URL = os.environ["DATABASE_URL"]
# => e.g. postgresql://you@localhost/mydb; KeyError if unset (fail fast, never a default DB)
# => SQLAlchemy 2.1 picks psycopg 3 for plain postgresql:// URLs


def run_migrations_offline() -> None:
    """--sql mode: render SQL to stdout instead of executing it."""
    context.configure(
        url=DATABASE_URL,
        target_metadata=target_metadata,
        literal_binds=True,
        transaction_per_migration=True,  # => the same transactions as online: one per revision
    )
    with context.begin_transaction():  # => no outer BEGIN here: one per revision instead
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect and execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    # => NullPool: one short-lived connection, closed when the command ends
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            transaction_per_migration=True,
            # => one BEGIN ... COMMIT per revision, each with its own version-row update, as
            # => Alembic's autocommit_block() docs recommend: the block commits whatever ran before
            # => it, so in one run-wide transaction a later revision's failure would roll back the
            # => version row of a revision whose work the block had already committed
        )
        with context.begin_transaction():  # => with the option above: no outer transaction
            context.run_migrations()  # => calls upgrade()/downgrade() of each pending revision


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
