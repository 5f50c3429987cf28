"""Fixtures shared by the migration tests: one engine, one Alembic Config per test."""

import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

PROJECT = Path(__file__).resolve().parent.parent  # => the folder that holds alembic.ini


@pytest.fixture(scope="session")
def engine() -> sa.Engine:
    """An engine on the test database; env.py reads the very same DATABASE_URL."""
    url = os.environ["DATABASE_URL"]  # => KeyError if unset: never guess a database to wipe
    eng = sa.create_engine(url)
    yield eng
    eng.dispose()  # => closes pooled connections at the end of the session


@pytest.fixture
def alembic_cfg(engine: sa.Engine) -> Config:
    """The project's alembic.ini, as the CLI would load it; the schema is reset after each test."""
    cfg = Config(str(PROJECT / "alembic.ini"))
    # => same file the `alembic` command reads; script_location resolves via %(here)s
    command.downgrade(cfg, "base")  # => start empty even if a previous run crashed midway
    yield cfg
    command.downgrade(cfg, "base")  # => teardown: every test leaves an empty schema behind


def tables(engine: sa.Engine) -> set[str]:
    """Table names in the public schema, read on a short-lived connection."""
    with engine.connect() as conn:  # => closed before Alembic runs again, so no lock is held
        return set(sa.inspect(conn).get_table_names())
