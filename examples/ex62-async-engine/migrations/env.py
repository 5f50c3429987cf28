"""Async migration environment: the engine is an AsyncEngine, migrations still run as sync code."""

import asyncio
import logging
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection, make_url, pool
from sqlalchemy.ext.asyncio import create_async_engine

config = context.config  # => the parsed alembic.ini (the [alembic] section)

if config.config_file_name is not None:
    fileConfig(config.config_file_name)  # => applies the [loggers] sections of alembic.ini
log = logging.getLogger("alembic.env")  # => printed like Alembic's own INFO lines, on stderr

target_metadata = None
# => no models: `alembic revision --autogenerate` and `alembic check` refuse to run (exit 255)

DATABASE_URL = os.environ["DATABASE_URL"]
# => e.g. postgresql://you@localhost/mydb; KeyError if unset (fail fast, never a default DB)
ASYNC_URL = make_url(DATABASE_URL).set(drivername="postgresql+psycopg")
# => postgresql+psycopg://...: with create_async_engine, SQLAlchemy picks psycopg 3's
# => async mode (psycopg.AsyncConnection); no asyncpg needed


def run_migrations_offline() -> None:
    """--sql mode: no connection, so nothing async is involved."""
    context.configure(url=DATABASE_URL, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():  # => emits BEGIN; ... COMMIT; around the script
        context.run_migrations()


def do_run_migrations(connection: Connection) -> None:
    """Runs with a *sync* Connection facade over the async one."""
    context.configure(connection=connection, target_metadata=target_metadata)
    with context.begin_transaction():  # => BEGIN ... COMMIT, as in a sync env.py
        context.run_migrations()  # => upgrade()/downgrade() stay ordinary sync functions


async def run_async_migrations() -> None:
    engine = create_async_engine(ASYNC_URL, poolclass=pool.NullPool)
    # => AsyncEngine; NullPool: one connection, closed when the command ends
    async with engine.connect() as connection:  # => AsyncConnection
        raw = await connection.get_raw_connection()  # => the DBAPI connection under it
        log.info("async driver connection: %s", type(raw.driver_connection).__name__)
        # => Output: INFO  [alembic.env] async driver connection: AsyncConnection
        await connection.run_sync(do_run_migrations)
        # => run_sync hands a sync Connection to do_run_migrations; Alembic's code is sync
    await engine.dispose()  # => close the pool before the event loop ends


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    # => set by code that already runs an event loop (app_startup.py): Alembic's cookbook
    # => recipe "Programmatic API use (connection sharing) With Asyncio"
    if connection is not None:
        do_run_migrations(connection)  # => already inside the caller's run_sync()
        return
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # => no loop running: the CLI, or a plain sync script
        asyncio.run(run_async_migrations())  # => one event loop for the whole command
    else:
        raise RuntimeError(
            "called from a running event loop: pass a connection in config.attributes"
        )  # => error case: asyncio.run() cannot start a second loop inside a running one


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
