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

VERSION_OPTIONS = dict(
    version_table="catalog_version",  # => default "alembic_version"; one name per project
    # => lets several Alembic projects (services) keep their histories in one database
    version_table_schema="ops",  # => default None: the connection's search_path (public)
    version_table_pk=True,  # => the default: version_num is the primary key
    # => False creates the table without it (backwards compatibility only);
    # => either value acts only when Alembic creates the table
)
# => the same options in both modes, so --sql scripts write to the same table; offline mode
# => does not run the CREATE SCHEMA below, so the schema must exist where such a script runs


def run_migrations_offline() -> None:
    """--sql mode: render SQL to stdout instead of executing it."""
    context.configure(
        url=DATABASE_URL, target_metadata=target_metadata, literal_binds=True, **VERSION_OPTIONS
    )
    with context.begin_transaction():  # => emits BEGIN; ... COMMIT; around the script
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect and execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    # => NullPool: one short-lived connection, closed when the command ends
    with engine.connect() as connection:
        connection.execute(text("CREATE SCHEMA IF NOT EXISTS ops"))
        # => `CREATE SCHEMA IF NOT EXISTS ops`: Alembic creates the version table, never its schema
        connection.commit()  # => committed on its own, before the migrations' transaction
        context.configure(
            connection=connection, target_metadata=target_metadata, **VERSION_OPTIONS
        )
        with context.begin_transaction():  # => one BEGIN ... COMMIT around all pending revisions
            context.run_migrations()  # => calls upgrade()/downgrade() of each pending revision


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
