"""Fixtures shared by the migration tests: one engine, one Alembic Config per test."""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config

PROJECT = Path(__file__).resolve().parent.parent  # => the folder that holds alembic.ini

FOREIGN_OBJECTS = sa.text(
    "SELECT n.nspname || '.' || c.relname FROM pg_class c"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')"
    " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
    " AND c.relname <> 'alembic_version' ORDER BY 1"
)
# => every table or view in the database except Alembic's own


def pytest_configure(config: pytest.Config) -> None:
    """Refuse to start on a database that holds anything: these tests end with downgrade base."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise pytest.UsageError("DATABASE_URL is not set: point it at an empty database for the tests")
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        found = conn.execute(FOREIGN_OBJECTS).scalars().all()
    engine.dispose()
    if found:
        raise pytest.UsageError(
            f"refusing to run: {engine.url.database} already holds {', '.join(found)}; "
            "these tests drop everything they create, so give them an empty database of their own"
        )  # => exit status 4, before any test (or any downgrade) runs


@pytest.fixture(scope="session")
def engine() -> Iterator[sa.Engine]:
    """An engine on the test database; env.py reads the very same DATABASE_URL."""
    eng = sa.create_engine(os.environ["DATABASE_URL"])
    yield eng
    eng.dispose()  # => closes pooled connections at the end of the session


@pytest.fixture
def alembic_cfg() -> Iterator[Config]:
    """The project's alembic.ini, as the CLI would load it; the schema is reset after each test."""
    cfg = Config(str(PROJECT / "alembic.ini"))
    # => same file the `alembic` command reads; script_location resolves via %(here)s
    yield cfg
    command.downgrade(cfg, "base")  # => teardown: every test leaves an empty schema behind


@pytest.fixture
def tables(engine: sa.Engine) -> Callable[[], set[str]]:
    """Table names in the public schema, read on a short-lived connection."""

    def read() -> set[str]:
        with engine.connect() as conn:  # => closed before Alembic runs again, so no lock is held
            return set(sa.inspect(conn).get_table_names())

    return read
