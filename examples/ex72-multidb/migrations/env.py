"""Multi-database environment, adapted from `alembic init -t multidb`: one chain, several databases.

Adapted: the URLs come from environment variables instead of [main]/[audit] sections of
alembic.ini, and USE_TWOPHASE from the environment instead of a constant.
"""

import logging
import os
import re
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

config = context.config  # => the parsed alembic.ini

if config.config_file_name is not None:
    fileConfig(config.config_file_name)
logger = logging.getLogger("alembic.env")  # => prints "Migrating database ..." lines

db_names = re.split(r",\s*", config.get_main_option("databases", ""))  # => ["main", "audit"]

URL_VARIABLES = {"main": "DATABASE_URL", "audit": "DATABASE_URL_2"}
# => which environment variable holds each database's URL
URLS = {name: os.environ[URL_VARIABLES[name]] for name in db_names}
# => KeyError if a variable is unset: fail fast rather than migrate only half

target_metadata = {}  # => per-database MetaData for autogenerate; not used in this example

USE_TWOPHASE = os.environ.get("USE_TWOPHASE") == "1"
# => the template's flag: two-phase commit makes the COMMITs atomic across databases, but
# => PostgreSQL refuses PREPARE TRANSACTION unless max_prepared_transactions > 0 (default 0)


def run_migrations_offline() -> None:
    """--sql mode: one script per database, written to <name>.sql."""
    for name in db_names:
        logger.info("Writing SQL for database %s to %s.sql", name, name)
        with open(f"{name}.sql", "w") as buffer:
            context.configure(url=URLS[name], output_buffer=buffer,
                              target_metadata=target_metadata.get(name), literal_binds=True)
            with context.begin_transaction():
                context.run_migrations(engine_name=name)


def run_migrations_online() -> None:
    """Open a transaction on every database, migrate each, then commit all of them."""
    connections = {
        name: create_engine(URLS[name], poolclass=pool.NullPool).connect() for name in db_names
    }
    transactions = {
        name: conn.begin_twophase() if USE_TWOPHASE else conn.begin()
        for name, conn in connections.items()
    }  # => BEGIN on both databases before any DDL runs
    try:
        for name, conn in connections.items():
            logger.info("Migrating database %s", name)
            context.configure(
                connection=conn,
                upgrade_token=f"{name}_upgrades",  # => where autogenerate puts this DB's ops
                downgrade_token=f"{name}_downgrades",
                target_metadata=target_metadata.get(name),
            )
            context.run_migrations(engine_name=name)
            # => calls upgrade(engine_name="main"), then upgrade(engine_name="audit")
            # => each database has its own alembic_version table
        if USE_TWOPHASE:
            for transaction in transactions.values():
                transaction.prepare()  # => PREPARE TRANSACTION on each: both promise to commit
        for transaction in transactions.values():
            transaction.commit()  # => COMMIT main, then COMMIT audit
        # => without two-phase commit this is not atomic across databases: if the second
        # => COMMIT failed, the first would stay
    except Exception:
        for transaction in transactions.values():
            transaction.rollback()  # => a failure in either database rolls back both
        raise
    finally:
        for conn in connections.values():
            conn.close()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
