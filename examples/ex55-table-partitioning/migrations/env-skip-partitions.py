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


def run_migrations_offline() -> None:
    """--sql mode: render SQL to stdout instead of executing it."""
    context.configure(url=DATABASE_URL, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():  # => emits BEGIN; ... COMMIT; around the script
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect and execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    # => NullPool: one short-lived connection, closed when the command ends
    with engine.connect() as probe:  # => its own short connection: a query on the migration's
        # => connection would open a transaction that context.begin_transaction() then never commits
        partitions = set(
            probe.execute(text("SELECT relname FROM pg_class WHERE relispartition")).scalars()
        )
        # => `SELECT relname FROM pg_class WHERE relispartition`: every partition, whatever its name
    with engine.connect() as connection:

        def include_name(name, type_, parent_names):
            """Autogenerate and `alembic check` leave partitions to the revisions that made them."""
            if type_ == "table":
                return name not in partitions  # => False: not compared, never drafted as a drop
            return True  # => columns, indexes, constraints: compared as usual

        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_name=include_name,
            # => with the probe above, the change from the book's standard env-with-models.py
        )
        with context.begin_transaction():  # => one BEGIN ... COMMIT around all pending revisions
            context.run_migrations()  # => calls upgrade()/downgrade() of each pending revision


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
