"""Migration environment: Alembic runs this file for every command that needs the database."""

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

from models import Base  # => importable because alembic.ini sets prepend_sys_path = .

config = context.config
# => the Config object of this command: alembic.ini values plus the command-line options

if config.config_file_name is not None:  # => None only when Alembic is driven from Python code
    fileConfig(config.config_file_name)  # => applies the [loggers] sections of alembic.ini

target_metadata = Base.metadata
# => the schema the models describe; autogenerate and alembic check compare the database to it
# => None would disable both (plain upgrade/downgrade still work)

DATABASE_URL = os.environ["DATABASE_URL"]
# => e.g. postgresql://you@localhost/abe_ex03; KeyError if unset: never fall back to a default DB
# => read once here, used by both modes below


def run_migrations_offline() -> None:
    """Offline mode (--sql): no connection; the SQL is written to standard output."""
    context.configure(
        url=DATABASE_URL,  # => only the dialect (postgresql) is used; nothing connects
        target_metadata=target_metadata,
        literal_binds=True,  # => values are written inline, e.g. VALUES ('0001'), not as parameters
        dialect_opts={"paramstyle": "named"},
    )
    # => Output: INFO  [alembic.runtime.migration] Generating static SQL
    with context.begin_transaction():  # => prints BEGIN; ... COMMIT; around the script
        context.run_migrations()  # => renders each pending revision's upgrade() as text
        # => Output: -- Running upgrade  -> 0001


def run_migrations_online() -> None:
    """Online mode (the default): connect and execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    # => SQLAlchemy 2.1 uses psycopg 3 for a plain postgresql:// URL
    # => NullPool: the connection is really closed when the command ends
    with engine.connect() as connection:
        context.configure(
            connection=connection,  # => Alembic runs everything on this one connection
            target_metadata=target_metadata,
        )
        with context.begin_transaction():  # => one BEGIN ... COMMIT around all pending revisions
            context.run_migrations()  # => reads alembic_version, runs upgrade()/downgrade()
            # => Output: INFO  [alembic.runtime.migration] Running upgrade  -> 0001, create authors table


if context.is_offline_mode():  # => True when the command was given --sql
    run_migrations_offline()
else:
    run_migrations_online()
