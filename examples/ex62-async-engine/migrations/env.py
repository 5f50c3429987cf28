"""Async migration environment: the engine is an AsyncEngine, migrations still run as sync code."""

import asyncio
import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection, make_url, pool
from sqlalchemy.ext.asyncio import create_async_engine

config = context.config  # => the parsed alembic.ini

if config.config_file_name is not None:
    fileConfig(config.config_file_name)  # => logging setup from alembic.ini

target_metadata = None  # => no models here; autogenerate is not used in this example

DATABASE_URL = os.environ["DATABASE_URL"]
# => e.g. postgresql://you@localhost/abe_ex62; KeyError if unset
ASYNC_URL = make_url(DATABASE_URL).set(drivername="postgresql+psycopg")
# => postgresql+psycopg://...: with create_async_engine, SQLAlchemy picks psycopg 3's
# => async mode (psycopg.AsyncConnection); no asyncpg needed
# => older tutorials use postgresql+asyncpg; psycopg 3 serves sync and async with one driver


def run_migrations_offline() -> None:
    """--sql mode: no connection, so nothing async is involved."""
    context.configure(url=DATABASE_URL, target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def do_run_migrations(connection: Connection) -> None:
    """Runs in a worker greenlet with a *sync* Connection facade over the async one."""
    context.configure(connection=connection, target_metadata=target_metadata)
    with context.begin_transaction():  # => BEGIN ... COMMIT, as in a sync env.py
        context.run_migrations()  # => upgrade()/downgrade() stay ordinary sync functions


async def run_async_migrations() -> None:
    engine = create_async_engine(ASYNC_URL, poolclass=pool.NullPool)
    # => AsyncEngine; NullPool: one connection, closed when the command ends
    async with engine.connect() as connection:  # => AsyncConnection
        raw = await connection.get_raw_connection()  # => the pooled DBAPI connection
        driver_class = type(raw.driver_connection).__name__  # => psycopg's own class
        print(f"env.py: async={connection.dialect.is_async}, driver connection={driver_class}")
        # => Output: env.py: async=True, driver connection=AsyncConnection
        await connection.run_sync(do_run_migrations)
        # => run_sync hands a sync Connection to do_run_migrations; Alembic's code is sync
    await engine.dispose()  # => close the pool before the event loop ends


def run_migrations_online() -> None:
    asyncio.run(run_async_migrations())  # => one event loop for the whole command


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
