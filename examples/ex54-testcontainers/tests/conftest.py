"""Where the test database comes from: a disposable container if possible, DATABASE_URL if not."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.config import Config

PROJECT = Path(__file__).resolve().parent.parent  # => the folder that holds alembic.ini
IMAGE = "postgres:17-alpine"  # => pin the major version production runs
SOURCE: list[str] = []  # => which path the fixture took, reported at the end of the run


def _docker_reachable() -> bool:
    """True when a Docker daemon answers; testcontainers needs one to start containers."""
    try:
        import docker  # => the Docker SDK, installed with testcontainers

        docker.from_env().ping()  # => raises when there is no socket or daemon
        return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """One PostgreSQL for the whole test session."""
    try:
        from testcontainers.postgres import PostgresContainer
    except ImportError:  # => pip install "testcontainers[postgres]" to enable the container path
        PostgresContainer = None

    if PostgresContainer is not None and _docker_reachable():
        with PostgresContainer(IMAGE, driver=None) as pg:  # => pulls, starts, waits until ready
            SOURCE.append(f"testcontainers, image {IMAGE}")
            yield pg.get_connection_url()  # => postgresql://test:test@<host>:<port>/test
        return  # => leaving the with-block stops and removes the container

    reason = "testcontainers not installed" if PostgresContainer is None else "Docker not reachable"
    if not os.environ.get("DATABASE_URL"):  # => unset or empty: nowhere to run the tests
        pytest.skip(f"no test database: {reason}, DATABASE_URL empty")
        # => skips every test that needs the database instead of failing them
    SOURCE.append(f"DATABASE_URL ({reason})")
    # => the fallback: a database someone else provides (CI service, the book's build server)
    yield os.environ["DATABASE_URL"]


@pytest.fixture
def alembic_cfg(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Config:
    """alembic.ini as the CLI loads it, pointed at the session's database."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    # => env.py reads only DATABASE_URL, so the container URL reaches it the same way
    return Config(str(PROJECT / "alembic.ini"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say which database the migrations ran against, in every run's output."""
    if SOURCE:
        terminalreporter.write_sep("-", "test database")
        terminalreporter.write_line(f"migrations ran against: {SOURCE[0]}")
