"""Safe builds: interruption, leftovers, timeouts, ownership, secrets, reproducibility and
bad input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from abe.pgbinaries import BinariesProvider
from abe.postgres import DatabaseError, marker_owner
from abe.scratch import scratch_root
from conftest import PASSING_SESSION, Book

PAGE = "# Fixture\n\n```{{example}} {slug}\n```\n"
HANG = {"hang.py": 'import time\nprint("waiting for a lock that never comes", flush=True)\n'
                   "time.sleep(60)\n"}
HANG_SESSION = PASSING_SESSION + '\n[[step]]\nrun = "python hang.py"\n'


def databases_of(provider: BinariesProvider, pid: int) -> list[str]:
    return [name for name, comment in provider.leftover_databases()
            if marker_owner(comment)[1] == pid]


def processes_in_session(sid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == sid:
                    pids.append(int(entry.name))
            except OSError:
                pass
    return pids


def start_build(book: Book, **env: str) -> subprocess.Popen[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("ABE_")}
    full_env.update({"ABE_CACHE_DIR": str(book.cache_dir), "ABE_FORCE": "all"}, **env)
    return subprocess.Popen(
        [sys.executable, "-m", "sphinx", "--no-color", "-b", "html", str(book.root),
         str(book.root / "_build/html")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=full_env,
        start_new_session=True)


def wait_for_database(provider: BinariesProvider, pid: int, timeout: float = 30) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = databases_of(provider, pid)
        if found:
            time.sleep(1.5)  # let the session reach its hanging step
            return found
        time.sleep(0.1)
    raise AssertionError("the build never created its database")


@pytest.mark.parametrize("how", ["SIGINT to the process group (Ctrl-C)", "SIGTERM to the build"])
def test_interrupted_build_leaves_no_database_and_no_process(
        book: Book, server: BinariesProvider, how: str) -> None:
    book.example("ex01-hangs", HANG_SESSION, files=HANG)
    book.page(PAGE.format(slug="ex01-hangs"))
    proc = start_build(book)
    assert wait_for_database(server, proc.pid)
    if how.startswith("SIGINT"):
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert proc.returncode != 0
    assert databases_of(server, proc.pid) == []
    time.sleep(0.5)
    assert processes_in_session(proc.pid) == []
    assert not (scratch_root() / f"abe-run-{proc.pid:x}").exists()


def test_build_killed_with_sigkill_is_cleaned_up_by_the_next(
        book: Book, server: BinariesProvider) -> None:
    book.example("ex01-hangs", HANG_SESSION, files=HANG)
    book.page(PAGE.format(slug="ex01-hangs"))
    proc = start_build(book)
    assert wait_for_database(server, proc.pid)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    debris = databases_of(server, proc.pid)
    assert debris, "SIGKILL leaves the example's databases behind"
    time.sleep(1)
    assert processes_in_session(proc.pid) == [], "no process outlives the killed build"

    book.example("ex02-passing", PASSING_SESSION)
    book.page(PAGE.format(slug="ex02-passing"))
    after = book.build("-W", quiet=False)
    assert after.returncode == 0, after.stderr
    assert (f"abe: removed {len(debris)} database(s) left by an interrupted build: "
            f"{', '.join(debris)}") in after.stdout
    assert databases_of(server, proc.pid) == []


def test_hung_step_is_stopped_within_its_limit(book: Book, server: BinariesProvider) -> None:
    book.example("ex01-hangs", HANG_SESSION + "timeout = 2\n", files=HANG)
    book.page(PAGE.format(slug="ex01-hangs"))
    started = time.monotonic()
    result = book.build(ABE_FORCE="all")
    elapsed = time.monotonic() - started
    assert result.returncode == 1
    assert elapsed < 20, f"the build took {elapsed:.1f} s"
    session = book.root / "examples/ex01-hangs/session.toml"
    assert (f"{session}:7: step 3 `python hang.py` did not finish within 2 s and was stopped\n"
            "waiting for a lock that never comes") in result.stderr


def test_existing_unmarked_database_is_never_used_or_dropped(server: BinariesProvider) -> None:
    name = "abe_ex01_notours"
    with psycopg.connect(server.admin_url(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    try:
        with pytest.raises(DatabaseError) as refused:
            server.create_database(name)
        assert str(refused.value).startswith(
            f"database '{name}' already exists on postgresql://postgres@/postgres?host=")
        assert str(refused.value).endswith(
            "and was not created by this build; refusing to use or drop it. "
            "Rename or drop it yourself.")
        with pytest.raises(DatabaseError, match=f"refusing to drop '{name}': not created by"):
            server.drop_database(name)
    finally:
        with psycopg.connect(server.admin_url(), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")


@pytest.mark.skipif(not os.environ.get("ABE_TEST_EXTERNAL_URL"),
                    reason="set ABE_TEST_EXTERNAL_URL to a trust-auth PostgreSQL admin URL")
def test_planted_password_appears_nowhere(book: Book) -> None:
    secret = "Planted-Secret-7f3a"
    url = os.environ["ABE_TEST_EXTERNAL_URL"].replace("://postgres@", f"://postgres:{secret}@")
    assert secret in url, "ABE_TEST_EXTERNAL_URL must name user postgres"
    book.example("ex01-verbose", PASSING_SESSION + """
        [[step]]
        run = "alembic current --verbose"

        [[step]]
        run = "psql \\"$DATABASE_URL\\" -c \\"SELECT current_database()\\""
        """)
    book.page(PAGE.format(slug="ex01-verbose"))
    result = book.build("-W", quiet=False, ABE_DATABASE_URL=url, ABE_FORCE="all")
    assert result.returncode == 0, result.stderr
    assert "Current revision(s) for postgresql://you@localhost/abe_ex01:" in result.text()
    assert secret not in result.stdout + result.stderr
    for folder in (result.outdir, book.cache_dir / "results"):
        for path in folder.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), f"password in {path}"
    unreachable = book.build(ABE_DATABASE_URL=url.replace(":5432", ":9"))
    assert "postgresql://postgres:***@127.0.0.1:9/postgres" in unreachable.stderr
    assert secret not in unreachable.stdout + unreachable.stderr


def test_two_clean_builds_are_byte_identical(book: Book) -> None:
    book.example("ex01-passing", PASSING_SESSION + '\n[[step]]\nrun = "alembic history"\n')
    book.example("ex02-revision", """\
        [[step]]
        run = "alembic revision -m 'add gadgets'"

        [[step]]
        run = "alembic history"
        """)
    book.page("# Fixture\n\n```{example} ex01-passing\n```\n\n```{example} ex02-revision\n```\n")
    first = book.build("-W", outdir="_build/one", ABE_FORCE="all")
    second = book.build("-W", outdir="_build/two", ABE_FORCE="all")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert first.html() == second.html()
    assert "Generating /home/you/abe/ex02-revision/migrations/versions/" in first.text()


# --- the bad-input catalogue: one line, with file and line -------------------------------------

def test_malformed_session_names_file_and_line(book: Book) -> None:
    book.example("ex01-bad-toml", '[[step]]\nrun = "alembic upgrade head\n')
    book.page(PAGE.format(slug="ex01-bad-toml"))
    result = book.build()
    session = book.root / "examples/ex01-bad-toml/session.toml"
    assert f"index.md:3: ERROR: {session}:2: malformed TOML: Illegal character" in result.stderr


def test_command_that_is_not_allowed_names_file_and_line(book: Book) -> None:
    book.example("ex01-bash", PASSING_SESSION + '\n[[step]]\nrun = "bash -c \'rm -rf /\'"\n')
    book.page(PAGE.format(slug="ex01-bash"))
    result = book.build()
    session = book.root / "examples/ex01-bash/session.toml"
    assert f"index.md:3: ERROR: {session}:7: command 'bash' is not allowed in a step" \
        in result.stderr


def test_revision_with_syntax_error_names_file_and_line(book: Book) -> None:
    book.example("ex01-syntax", PASSING_SESSION, files={
        "migrations/versions/0002_broken.py": 'revision = "0002"\ndown_revision = "0001"\n\n'
                                              "def upgrade(:\n    pass\n"})
    book.page(PAGE.format(slug="ex01-syntax"))
    result = book.build()
    revision = book.root / "examples/ex01-syntax/migrations/versions/0002_broken.py"
    assert f"index.md:3: ERROR: {revision}:4: SyntaxError: invalid syntax" in result.stderr


def test_embedded_server_that_cannot_start_says_why_and_what_to_do(book: Book,
                                                                   tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("a file where the data directory should go")
    book.example("ex01-passing", PASSING_SESSION)
    book.page(PAGE.format(slug="ex01-passing"))
    result = book.build(ABE_PGDATA=str(tmp_path / "not-a-folder" / "pgdata"), ABE_FORCE="all")
    assert result.returncode != 0
    assert (f"the embedded PostgreSQL server failed to start in {tmp_path}/not-a-folder/pgdata"
            in result.stderr)
    assert "set ABE_DATABASE_URL to use another server" in result.stderr
