"""An async application that upgrades the database at start-up, inside its own event loop."""

import asyncio
import os
import sys

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, make_url
from sqlalchemy.ext.asyncio import create_async_engine

ASYNC_URL = make_url(os.environ["DATABASE_URL"]).set(drivername="postgresql+psycopg")


def run_upgrade(connection: Connection, cfg: Config) -> None:
    cfg.attributes["connection"] = connection  # => env.py uses this instead of connecting
    command.upgrade(cfg, "head")


async def start() -> None:
    engine = create_async_engine(ASYNC_URL)  # => the application's own engine
    async with engine.begin() as connection:  # => one transaction, committed at the end
        await connection.run_sync(run_upgrade, Config("alembic.ini"))
        # => Alembic runs on the application's connection, in a greenlet on the loop's own
        # => thread: each database call inside it awaits the async driver (no worker thread)
    await engine.dispose()


async def start_naive() -> None:
    try:
        command.upgrade(Config("alembic.ini"), "head")
        # => env.py calls asyncio.run(), but this coroutine is already running in a loop
    except RuntimeError as error:
        print("RuntimeError:", error)
        sys.exit(1)


asyncio.run(start_naive() if sys.argv[1:] == ["naive"] else start())
