"""How the build uses the server and the machine: few connections, one-statement fingerprints,
a tuned embedded server, throwaway files in RAM when there is room, nothing left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from abe import scratch
from abe.config import AbeConfig
from abe.executor import Executor
from abe.pgbinaries import BinariesProvider
from abe.postgres import (
    EMBEDDED_SETTINGS,
    HANDLES_FILE,
    _alive,
    forget_dead_handles,
    marker_owner,
)
from abe.schema import QUERIES, fingerprint
from abe.scratch import default_pgdata
from abe.session import load_example
from conftest import PASSING_SESSION, Book

SCHEMA = """
CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE SEQUENCE ticket_no;
CREATE TABLE people (id serial PRIMARY KEY, name varchar(50) NOT NULL DEFAULT 'x',
                     feeling mood, email text UNIQUE, CHECK (length(name) > 0));
CREATE INDEX ix_people_name ON people (lower(name));
CREATE VIEW named AS SELECT name FROM people;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER people_touch BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION touch();
"""


@pytest.fixture
def database(server: BinariesProvider) -> Iterator[str]:
    name = f"abe_test_{os.getpid()}"
    url = server.create_database(name)
    yield url
    server.drop_database(name)


def test_fingerprint_in_one_statement_reads_what_the_ten_queries_read(database: str) -> None:
    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute(SCHEMA)
        separately = sorted(row[0] for query in QUERIES
                            for row in conn.execute(query).fetchall() if row[0])
        on_this_connection = fingerprint(database, conn)
    assert fingerprint(database) == separately == on_this_connection
    assert "enum public.mood ('sad', 'ok')" in separately
    assert any(line.startswith("trigger CREATE TRIGGER people_touch") for line in separately)


def test_creating_and_dropping_databases_reuses_one_admin_connection(
        server: BinariesProvider, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = []
    real_connect = server.connect

    def counting_connect() -> psycopg.Connection[object]:
        opened.append(1)
        return real_connect()

    monkeypatch.setattr(server, "connect", counting_connect)
    for n in range(5):
        server.create_database(f"abe_test_reuse_{os.getpid()}_{n}")
        server.drop_database(f"abe_test_reuse_{os.getpid()}_{n}")
    assert len(opened) == 1


def test_embedded_server_runs_without_durability_or_autovacuum(database: str) -> None:
    with psycopg.connect(database, autocommit=True) as conn:
        for name, wanted in EMBEDDED_SETTINGS.items():
            assert conn.execute(f"SHOW {name}").fetchone() == (wanted,), name


def test_ram_folder_is_used_only_when_it_has_room(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the RAM folder is a Linux feature")
    assert scratch.ram_dir(tmp_path, min_free=1) == tmp_path
    assert scratch.ram_dir(tmp_path, min_free=1 << 60) is None
    assert scratch.ram_dir(tmp_path / "missing", min_free=1) is None

    monkeypatch.setattr(scratch, "ram_dir", lambda: tmp_path)
    assert default_pgdata(tmp_path / "cache").is_relative_to(tmp_path / f"abe-{os.getuid()}")
    assert default_pgdata(tmp_path / "other-cache") == default_pgdata(tmp_path / "cache"), \
        "one server per installation, whatever the results cache"
    monkeypatch.setattr(scratch, "ram_dir", lambda: None)
    assert default_pgdata(tmp_path / "cache") == tmp_path / "cache" / "pgdata"


def test_build_leaves_no_database_behind(book: Book, server: BinariesProvider) -> None:
    """Not the examples' databases, nor the one the worker warmed up in."""
    book.example("ex01-passing", PASSING_SESSION)
    book.page("# Fixture\n\n```{example} ex01-passing\n```\n")
    result = book.build("-W", quiet=False, ABE_FORCE="all")
    assert result.returncode == 0, result.stderr
    assert "1 executed in this build" in result.stdout
    orphans = [name for name, comment in server.leftover_databases()
               if not _alive(marker_owner(comment)[1])]
    assert orphans == []


def test_worker_starts_early_only_when_something_will_execute(book: Book, tmp_path: Path) -> None:
    folder = book.example("ex01-passing", PASSING_SESSION)
    picky = book.example("ex02-picky", '[example]\nrequires = { extensions = ["no_such_ext"] }\n'
                         + PASSING_SESSION)
    executor = Executor(AbeConfig(cache_dir=str(tmp_path / "cache")), book.root)
    example = load_example(folder)
    try:
        executor.fresh[example.slug] = {"slug": example.slug}  # as if executed already
        executor.prestart([example, load_example(picky)])
        assert executor._worker is None, \
            "nothing to execute but an example the server may not run: no worker"

        del executor.fresh[example.slug]
        executor.prestart([example])
        worker = executor._worker
        assert worker is not None and _alive(worker.pid) and not worker.warmed
    finally:
        executor.close()
    # never given a database to warm up in, it leaves as soon as the build closes its input
    assert worker._proc.wait(timeout=10) == 0


def test_a_killed_build_does_not_keep_the_server_running_forever(tmp_path: Path) -> None:
    """The package stops the server when the last process on its list leaves; a process
    killed with SIGKILL never leaves, so its entry is dropped before the next start."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    handles = tmp_path / HANDLES_FILE
    handles.write_text(json.dumps([dead.pid, os.getpid()]))
    assert forget_dead_handles(tmp_path) == [dead.pid]
    assert json.loads(handles.read_text()) == [os.getpid()]
    assert forget_dead_handles(tmp_path / "no-such-folder") == []


def test_example_the_server_cannot_run_is_reported_without_a_worker(book: Book,
                                                                    tmp_path: Path) -> None:
    picky = book.example("ex01-picky", '[example]\nrequires = { extensions = ["no_such_ext"] }\n'
                         + PASSING_SESSION)
    executor = Executor(AbeConfig(cache_dir=str(tmp_path / "cache")), book.root)
    try:
        result = executor.results([load_example(picky)])["ex01-picky"]
        assert result["status"] == "skipped"
        assert "lacks the extension(s) no_such_ext" in result["reason"]
        assert executor._worker is None
    finally:
        executor.close()
