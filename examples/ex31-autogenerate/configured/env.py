"""Migration environment: the standard one (Example 16) plus the autogenerate settings of a team."""

import logging
import os
from functools import cache
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool, text

from models import Base  # => models.py, importable because alembic.ini sets prepend_sys_path = .

config = context.config  # => the parsed alembic.ini (the [alembic] section)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)  # => applies the [loggers] sections of alembic.ini

log = logging.getLogger("alembic.env")  # => under the alembic logger: printed at INFO
logging.getLogger("alembic.autogenerate.compare.server_defaults").setLevel(logging.WARNING)
# => its INFO line about a changed default prints an object's memory address, different each run

target_metadata = Base.metadata
# => what `alembic revision --autogenerate` and `alembic check` compare the database with

DATABASE_URL = os.environ["DATABASE_URL"]
# => e.g. postgresql://you@localhost/mydb; KeyError if unset (fail fast, never a default DB)
# => SQLAlchemy 2.1 picks psycopg 3 for plain postgresql:// URLs

NOT_OURS = {"spatial_ref_sys"}  # => made by CREATE EXTENSION postgis, owned by the extension
NOT_OURS_PREFIXES = ("billing_",)  # => the billing service's tables share this database


@cache
def partitions() -> frozenset[str]:
    """Names of the partitions in the current schema, read once per command."""
    sql = text("SELECT relname FROM pg_class WHERE relispartition"
               " AND relnamespace = current_schema()::regnamespace")
    return frozenset(context.get_bind().scalars(sql))
    # => context.get_bind(): the connection autogenerate is comparing on


def include_name(name, type_, parent_names) -> bool:
    """Called for each name autogenerate reflects, before it reads the object."""
    if type_ != "table" or name in target_metadata.tables:
        return True  # => the models' tables, their columns, indexes, constraints: compared
    if name in NOT_OURS or name.startswith(NOT_OURS_PREFIXES) or name in partitions():
        return False  # => never reflected: no drop_table in any draft, nothing for alembic check
    return True  # => any other table: a model removed, so the draft drops it (review it)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Called for each object after reflection: the database's and the models' alike."""
    if type_ == "index" and reflected and compare_to is None and name.startswith("dba_"):
        return False  # => an index a DBA added by hand (prefix dba_): not dropped by a draft
    return True


def process_revision_directives(context_, revision, directives) -> None:
    """Called with the revision about to be written; may change or cancel it."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []  # => no file is written
        log.info("No changes in schema detected; no revision file written.")
        # => cmd_opts is None when command.revision() is called from Python: getattr copes


def run_migrations_offline() -> None:
    """--sql mode: render SQL to stdout instead of executing it."""
    context.configure(url=DATABASE_URL, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():  # => emits BEGIN; ... COMMIT; around the script
        context.run_migrations()


def run_migrations_online() -> None:
    """Normal mode: connect and execute each migration."""
    engine = create_engine(DATABASE_URL, poolclass=pool.NullPool)
    # => NullPool: one short-lived connection, closed when the command ends
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_name=include_name,
            include_object=include_object,
            process_revision_directives=process_revision_directives,
            compare_server_default=True,  # => off by default: changed DEFAULTs go unnoticed
        )
        with context.begin_transaction():  # => one BEGIN ... COMMIT around all pending revisions
            context.run_migrations()  # => calls upgrade()/downgrade() of each pending revision


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
