"""The execution worker: a pre-warmed interpreter that forks once per example and once per step.

The Sphinx process never imports an example's code. It starts this module as a separate process
(``python -m abe.worker``) and talks to it over stdin/stdout, one JSON object per line:

* first line (parent -> worker): ``{"warm": "postgresql://..."}``, the empty database to warm
  up in (see :func:`warm_up`); the worker imports its libraries before it reads this line, so
  the build can start it early, and then answers ``{"ready": true, "pid": ...}``;
* request (parent -> worker): ``{"id": 3, "job": {...}}`` where ``job`` is a :class:`Job` as a dict;
* reply (worker -> parent): ``{"id": 3, "ok": true}`` once the job's result file is written, or
  ``{"id": 3, "ok": false, "error": "..."}``.

The worker imports Alembic, SQLAlchemy, psycopg and pytest once. For every job it forks an
*example process* that copies the example folder into a fresh run directory; for every step of the
session the example process forks again, so each step starts exactly like a new ``alembic`` (or
``python``, ``pytest``) process would: with a fresh ``sys.modules`` beyond the pre-imported
libraries, fresh logging configuration, its own environment and working directory, but without
paying interpreter start-up. A step's stdout and stderr are captured at the file-descriptor level
into one stream, in the order a terminal would show them. Commands that are not Python (``psql``,
``cat``, ``cp``...) are ``exec``-ed as the real programs.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import re
import select
import shutil
import signal
import sys
import sysconfig
import time
import traceback
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Pre-warm: everything a step is likely to import. This is the cost we pay once per build.
# (The ORM: every models.py imports it, about 50 ms each time, in some 50 steps a build; the
# async extension: Example 62.)
import alembic.command
import alembic.config
import alembic.util
import alembic.util.langhelpers
import psycopg
import sqlalchemy
import sqlalchemy.dialects.postgresql
import sqlalchemy.ext.asyncio
import sqlalchemy.orm
from alembic.script.base import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Engine

from abe.schema import fingerprint

try:  # pytest is optional for the worker; steps that need it report a clear error without it.
    import _pytest.config
    import pytest

    for _plugin in _pytest.config.default_plugins:  # what every pytest.main() imports
        __import__(f"_pytest.{_plugin}")
except ImportError:  # pragma: no cover - pytest is a declared dependency
    pytest = None  # type: ignore[assignment]

PYTHON_COMMANDS = {"alembic", "python", "pytest"}
VERIFY = "[abe verification]"  # an internal step, never one from a session.toml


_CATALOG = re.compile(
    r"pg_catalog\.|information_schema\.|\bpg_(class|namespace|attribute|index|constraint|type|"
    r"enum|attrdef|description|inherits|sequence|depend|am|collation|proc)\b|"
    r"^\s*pragma\b|\bsqlite_(master|schema|temp_master)\b", re.I)


_WARM_INI = """[alembic]
script_location = %(here)s/migrations
path_separator = os

[loggers]
keys = root

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARNING
handlers = console

[handler_console]
class = StreamHandler
args = (sys.stderr,)
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
"""
_WARM_ENV = """import os
from logging.config import fileConfig
from alembic import context
from sqlalchemy import create_engine
fileConfig(context.config.config_file_name, disable_existing_loggers=False)
engine = create_engine(os.environ.get("ABE_WARM_URL") or "sqlite://")
with engine.connect() as connection:
    context.configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
"""
_WARM_REVISION = """import sqlalchemy as sa
from alembic import op
revision = "warm"
down_revision = None
def upgrade():
    op.create_table("t", sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.String(10), server_default="x"))
    op.create_index("ix_t_name", "t", ["name"])
def downgrade():
    op.drop_table("t")
"""


def warm_up() -> None:
    """Run real Alembic commands in this process, so that what Alembic, SQLAlchemy and psycopg
    load or build on first use (lazy imports, the dialect's first connection, DDL compilers) is
    inherited by every forked step instead of being redone in each.

    They run against the database named by ``ABE_WARM_URL``: an empty database the build
    created for this alone and drops as soon as the worker is ready. Without it they run
    against an in-memory SQLite database, which warms up less."""
    import tempfile

    from sqlalchemy.schema import CreateTable

    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "migrations", "versions"))
        for name, text in (("alembic.ini", _WARM_INI), ("migrations/env.py", _WARM_ENV),
                           ("migrations/versions/warm.py", _WARM_REVISION)):
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as fh:
                fh.write(text)
        # Silenced at the descriptors: Alembic prints to the sys.stdout it saw at import time,
        # so redirecting sys.stdout would not reach it
        saved = os.dup(1), os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            for argv in (["upgrade", "head"], ["current"], ["downgrade", "base"]):
                alembic.config.main(argv=["-c", os.path.join(tmp, "alembic.ini"), *argv],
                                    prog="alembic")
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in (*saved, devnull):
                os.close(fd)
    _reset_logging()
    metadata = sqlalchemy.MetaData()
    table = sqlalchemy.Table("t", metadata, sqlalchemy.Column("id", sqlalchemy.Integer,
                                                              primary_key=True))
    engine = sqlalchemy.create_engine("postgresql+psycopg://warm@/warm")
    str(CreateTable(table).compile(dialect=engine.dialect))
    engine.dispose()


def _reset_logging() -> None:
    """Logging as a fresh process has it: every logger that imports created, none configured,
    so each step's own fileConfig() starts from the same state as a real `alembic` run."""
    import logging

    root = logging.getLogger()
    root.handlers.clear()
    root.setLevel(logging.WARNING)
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            logger.handlers.clear()
            logger.setLevel(logging.NOTSET)
            logger.disabled = False
            logger.propagate = True


def _catalog_query(statement: str) -> bool:
    """True for the introspection queries SQLAlchemy and Alembic send to read the catalog
    (PostgreSQL's system catalogs, SQLite's PRAGMAs and sqlite_master)."""
    return bool(_CATALOG.search(statement))


class SqlCapture:
    """Records every statement SQLAlchemy sends to the server during one step, in order."""

    def __init__(self, expected_databases: list[str]) -> None:
        self.expected_databases = set(expected_databases)
        self.records: list[dict[str, Any]] = []
        self.foreign_databases: set[str] = set()

    def install(self) -> None:
        event.listen(Engine, "before_cursor_execute", self._before)
        event.listen(Engine, "handle_error", self._error)
        event.listen(Engine, "begin", self._begin)
        event.listen(Engine, "commit", self._commit)
        event.listen(Engine, "rollback", self._rollback)

    def _check_database(self, conn: Any) -> None:
        url = conn.engine.url
        if url.get_backend_name() == "postgresql" and url.database not in self.expected_databases:
            self.foreign_databases.add(str(url.database))
            # refuse before the statement reaches a database the build did not create
            raise RuntimeError(f"abe: refusing to run SQL on database {url.database!r}: "
                               "it is not the example's own database (DATABASE_URL)")

    def _add(self, text: str, kind: str = "statement", dialect: str = "") -> None:
        self.records.append({"sql": text, "kind": kind, "error": None, "dialect": dialect})

    @staticmethod
    def _autocommit(conn: Any) -> bool:
        """In AUTOCOMMIT (e.g. Alembic's autocommit_block) SQLAlchemy still fires begin/commit
        events, but no BEGIN or COMMIT reaches the server: each statement commits alone."""
        try:
            return conn.get_execution_options().get("isolation_level") == "AUTOCOMMIT" or \
                bool(getattr(conn.connection.dbapi_connection, "autocommit", False))
        except Exception:
            return False

    def _transaction(self, conn: Any, word: str) -> None:
        if not self._autocommit(conn):
            self._add(word, "transaction", conn.engine.dialect.name)

    def _begin(self, conn: Any) -> None:
        self._check_database(conn)
        self._transaction(conn, "BEGIN")

    def _commit(self, conn: Any) -> None:
        self._transaction(conn, "COMMIT")

    def _rollback(self, conn: Any) -> None:
        self._transaction(conn, "ROLLBACK")

    def _before(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any,
                executemany: bool) -> None:
        self._check_database(conn)
        kind = "catalog" if _catalog_query(statement) else "statement"
        for text in _render(cursor, statement, params, executemany):
            self._add(text, kind, conn.engine.dialect.name)

    def _error(self, context: Any) -> None:
        if self.records:
            first_line = str(context.original_exception).strip().splitlines()[0]
            self.records[-1]["error"] = first_line


def _render(cursor: Any, statement: str, params: Any, executemany: bool) -> list[str]:
    """Merge parameters into the statement the way psycopg's client-side cursor would send it."""
    if params is None:  # psycopg sends the text as is: no placeholder or %% processing
        return [statement.strip()]
    # insertmanyvalues (INSERT ... RETURNING for many rows) is flagged executemany but sends
    # one statement with one mapping of parameters
    batches = params if executemany and not isinstance(params, Mapping) else [params]
    if not batches:
        return [statement.strip()]
    out = []
    connection = _dbapi_connection(cursor)
    for batch in batches:
        try:
            if isinstance(connection, psycopg.Connection):
                text = psycopg.ClientCursor(connection).mogrify(statement, batch)
            elif isinstance(connection, psycopg.AsyncConnection):
                text = psycopg.AsyncClientCursor(connection).mogrify(statement, batch)
            else:  # sqlite3 binds "?" parameters itself; show them as SQL literals in place
                text = _inline_qmark(statement.strip(), batch)
        except Exception:  # the capture must never break the reader's program
            text = f"{statement.strip()}  -- parameters: {batch!r}"
        out.append(text.strip())
    return out


def _dbapi_connection(cursor: Any) -> Any:
    """The driver connection behind a DBAPI cursor, also through SQLAlchemy's async adapters."""
    connection = getattr(cursor, "connection", None)
    if connection is None:
        connection = getattr(getattr(cursor, "_cursor", None), "connection", None)
    return connection


def _sql_literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def _inline_qmark(statement: str, params: Any) -> str:
    values = list(params) if isinstance(params, (list, tuple)) else None
    if values is None or statement.count("?") != len(values):
        return f"{statement}  -- parameters: {params!r}"
    parts = statement.split("?")
    pairs = zip(values, parts[1:], strict=True)
    return parts[0] + "".join(_sql_literal(v) + rest for v, rest in pairs)


def _pin_randomness(slug: str, step_no: int, frozen: float) -> None:
    """Make ``alembic revision`` reproducible: revision ids and Create Date are pinned."""
    counter = iter(range(1000))

    def rev_id() -> str:
        seed = f"{slug}:{step_no}:{next(counter)}".encode()
        return hashlib.sha256(seed).hexdigest()[:12]

    alembic.util.rev_id = rev_id
    alembic.util.langhelpers.rev_id = rev_id
    import alembic.command as command_module

    if hasattr(command_module, "util"):
        command_module.util.rev_id = rev_id

    original = ScriptDirectory._generate_create_date

    def create_date(self: ScriptDirectory) -> Any:
        real = original(self)
        import datetime as _dt

        pinned = _dt.datetime.fromtimestamp(frozen, tz=_dt.UTC)
        if real.tzinfo is None:
            return pinned.replace(tzinfo=None)
        return pinned.astimezone(real.tzinfo)

    ScriptDirectory._generate_create_date = create_date  # type: ignore[method-assign]


def _trimmed_excepthook(exc: BaseException) -> None:
    """Print an uncaught exception as the interpreter would, minus this worker's own frames."""
    import runpy

    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename in (
            __file__, runpy.__file__, "<frozen runpy>"):
        tb = tb.tb_next
    traceback.print_exception(type(exc), exc, tb)


def _exit_status(code: Any) -> int:
    """The exit status a process would end with for ``sys.exit(code)``."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def _run_python_step(argv: list[str], job: dict[str, Any], step_no: int) -> int:
    """Run one Python-level command (alembic, python, pytest) in this freshly forked process."""
    import runpy

    program = argv[0]
    if program == "alembic":
        _pin_randomness(job["slug"], step_no, job["frozen_time"])
        # The installed console script itself, as a shell runs it, so a traceback starts at the
        # same `.venv/bin/alembic` frame a reader sees (the worker's own frames are trimmed).
        script = os.path.join(sysconfig.get_paths()["scripts"], "alembic")
        sys.argv = [script, *argv[1:]]
        sys.path.insert(0, os.path.dirname(script))
        runpy.run_path(script, run_name="__main__")
        return 0
    if program == "pytest" or argv[:3] == ["python", "-m", "pytest"]:
        if pytest is None:
            print("pytest is not installed in the build environment", file=sys.stderr)
            return 1
        args = argv[1:] if program == "pytest" else argv[3:]
        if program == "python":
            sys.path.insert(0, os.getcwd())
        sys.argv = ["pytest", *args]
        return int(pytest.main(args))
    # python [-m module | script.py] args...
    if len(argv) >= 3 and argv[1] == "-m":
        sys.argv = [argv[2], *argv[3:]]
        sys.path.insert(0, os.getcwd())
        runpy.run_module(argv[2], run_name="__main__", alter_sys=True)
        return 0
    if len(argv) >= 2:
        script = argv[1]
        sys.argv = argv[1:]
        sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
        runpy.run_path(script, run_name="__main__")
        return 0
    print("python: a script or -m module is required in a book step", file=sys.stderr)
    return 2


def _step_process(job: dict[str, Any], step: dict[str, Any], step_no: int, out_path: str,
                  sql_path: str) -> None:
    """Body of the forked step process. Never returns."""
    status = 1
    capture = SqlCapture(job["databases"])
    try:
        _die_with_parent()
        os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
        if step.get("stdout_to"):  # `command > file`: stdout to a file of the example folder
            target = os.path.join(job["run_dir"], step["stdout_to"])
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.close(fd)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.close(devnull)
        sys.stdout.reconfigure(write_through=True)  # type: ignore[union-attr]
        sys.stderr.reconfigure(write_through=True)  # type: ignore[union-attr]
        os.chdir(job["run_dir"])
        os.environ.clear()
        os.environ.update(job["environ"])
        os.environ.update(step["env"])
        argv = list(step["argv"])
        if argv[0] == VERIFY:
            status = _verification(step)
        elif argv[0] in PYTHON_COMMANDS:
            capture.install()
            try:
                status = _run_python_step(argv, job, step_no)
            except SystemExit as exc:
                status = _exit_status(exc.code)
            except BaseException as exc:  # an uncaught error: print it as Python would
                _trimmed_excepthook(exc)
                status = 1
        else:
            program = job["programs"].get(argv[0], argv[0])
            args = [os.path.expandvars(a) for a in argv[1:]]
            try:
                os.execvpe(program, [argv[0], *args], dict(os.environ))
            except OSError as exc:
                print(f"{argv[0]}: {exc.strerror}", file=sys.stderr)
                status = 127
    except BaseException:  # a failure of the worker itself, never of the example
        traceback.print_exc()
        status = 70
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
            with open(sql_path, "w", encoding="utf-8") as fh:
                json.dump({"records": capture.records,
                           "foreign_databases": sorted(capture.foreign_databases)}, fh)
        finally:
            os._exit(status)


def _die_with_parent() -> None:
    """Linux: be killed when the parent dies, so a build killed with SIGKILL leaves no process
    behind (its databases are removed by the next build)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _wait(pid: int, timeout: float) -> tuple[int | None, float]:
    """Wait for ``pid`` at most ``timeout`` seconds; returns (exit status or None, elapsed)."""
    start = time.monotonic()
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None
    while True:
        done, raw = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        remaining = timeout - (time.monotonic() - start)
        if remaining <= 0:
            if pidfd is not None:
                os.close(pidfd)
            return None, time.monotonic() - start
        if pidfd is not None:
            select.select([pidfd], [], [], remaining)
        else:
            time.sleep(min(0.002, remaining))
    if pidfd is not None:
        os.close(pidfd)
    elapsed = time.monotonic() - start
    if os.WIFSIGNALED(raw):
        return 128 + os.WTERMSIG(raw), elapsed
    return os.WEXITSTATUS(raw), elapsed


def _kill_group(pid: int) -> None:
    """SIGKILL a timed-out step's process group (the step and what it started), then reap it."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


def _copy_example(src: str, dest: str) -> None:
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("session.toml", "__pycache__",
                                                             "*.pyc", ".pytest_cache"))


def _run_step(job: dict[str, Any], step: dict[str, Any], index: int, scratch: str
              ) -> dict[str, Any]:
    """Fork one step process, wait for it within its time limit, collect what it left."""
    out_path = os.path.join(scratch, f"{index}.out")
    sql_path = os.path.join(scratch, f"{index}.sql.json")
    pid = os.fork()
    if pid == 0:
        _step_process(job, step, index, out_path, sql_path)
    status, elapsed = _wait(pid, step["timeout"])
    timed_out = status is None
    if timed_out:
        _kill_group(pid)
    output = Path(out_path).read_text(encoding="utf-8", errors="replace") \
        if os.path.exists(out_path) else ""
    captured: dict[str, Any] = {"records": [], "foreign_databases": []}
    if os.path.exists(sql_path):
        captured = json.loads(Path(sql_path).read_text(encoding="utf-8"))
    return {
        "index": index,
        "status": status,
        "timed_out": timed_out,
        "seconds": round(elapsed, 4),
        "output": output,
        "sql": captured["records"],
        "foreign_databases": captured["foreign_databases"],
    }


def run_job(job: dict[str, Any]) -> dict[str, Any]:
    """Run every step of one example, each in its own forked process (in the example process),
    then verify it (round trip, models against migrations) in a second, fresh database."""
    _copy_example(job["src_dir"], job["run_dir"])
    scratch = job["run_dir"] + ".steps"
    os.makedirs(scratch, exist_ok=True)
    verify = job.get("verify") or {}
    session_url = job["environ"]["DATABASE_URL"]
    result: dict[str, Any] = {"steps": [], "verification": {}}
    if verify.get("schema"):
        # a fresh copy of template0, as every database the build creates: the parent read it
        result["schema_initial"] = job["schema_initial"]
    for index, step in enumerate(job["steps"]):
        record = _run_step(job, step, index, scratch)
        if verify.get("schema") and step["argv"][0] == "alembic" and not record["timed_out"]:
            record["schema"] = fingerprint(session_url)
        result["steps"].append(record)
        if record["timed_out"] or record["status"] != step["expect"]:
            break  # later steps depend on this one: stop here, the parent reports it
    else:
        if verify.get("urls"):
            result["verification"] = _verify(job, verify, scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    return result


def _verify(job: dict[str, Any], verify: dict[str, Any], scratch: str) -> dict[str, Any]:
    """Run the verification in one more forked process, against the fresh databases."""
    urls = verify["urls"]
    env = dict(verify.get("env", {}), DATABASE_URL=urls[0])
    env.update({f"DATABASE_URL_{n}": url for n, url in enumerate(urls[1:], start=2)})
    result_path = os.path.join(scratch, "verification.json")
    step = {"argv": [VERIFY], "env": env, "expect": 0, "timeout": verify["timeout"] * 4,
            "stdout_to": "", "verify": verify, "result_path": result_path}
    record = _run_step(job, step, 999, scratch)
    if os.path.exists(result_path):
        return dict(json.loads(Path(result_path).read_text(encoding="utf-8")))
    reason = "timed out" if record["timed_out"] else f"exit status {record['status']}"
    return {"roundtrip": {"failed": f"the verification ({reason})", "output": record["output"]}}


def _verification(step: dict[str, Any]) -> int:
    """Body of the verification process (in the example's run folder, like a step).

    Round trip, one revision at a time where the history is linear: from a fresh database
    stamped at base (Alembic's bookkeeping only), upgrade revision by revision recording a schema
    fingerprint after each, then downgrade one revision at a time and require each fingerprint
    back exactly; then upgrade to the heads again. Branched histories go heads -> base -> heads.
    Then ``alembic check`` where the example has models.
    """
    verify = step["verify"]
    out: dict[str, Any] = {}

    def save() -> int:
        with open(step["result_path"], "w", encoding="utf-8") as fh:
            json.dump(out, fh)
        return 0

    # The verification databases are the verification's alone: one connection each, held for the
    # whole round trip, reads every fingerprint (a new connection per reading costs the server a
    # backend start and cold catalog caches, about 8 ms, many hundred times a build).
    connections = [psycopg.connect(url, autocommit=True, application_name="abe-fingerprint")
                   for url in verify["urls"]]
    try:
        return _round_trip_and_check(verify, out, save, connections)
    finally:
        for conn in connections:
            conn.close()


def _round_trip_and_check(verify: dict[str, Any], out: dict[str, Any], save: Any,
                          connections: list[psycopg.Connection[Any]]) -> int:
    from alembic import command
    from alembic.config import CommandLine, Config
    from alembic.script import ScriptDirectory

    urls = verify["urls"]
    ignore = tuple(verify.get("ignore", []))

    def state() -> list[str]:
        lines = [(f"database {n}: " if len(urls) > 1 else "") + line
                 for n, (url, conn) in enumerate(zip(urls, connections, strict=True), start=1)
                 for line in fingerprint(url, conn)
                 if not line.startswith(ignore or ("\0",))]
        return lines

    cli = CommandLine(prog="alembic")
    options = cli.parser.parse_args([*verify.get("args", []), "heads"])
    toml, ini = cli._inis_from_config(options)
    cfg = Config(file_=ini, toml_file=toml, ini_section=options.name, cmd_opts=options)
    script = ScriptDirectory.from_config(cfg)
    revisions = list(script.walk_revisions())  # heads first
    if not revisions:
        out["roundtrip"] = {"skipped": "no revision files"}
        return save()

    def run(label: str, fn: Any, *args: str) -> bool:
        try:
            fn(cfg, *args)
            return True
        except BaseException as exc:
            traceback.print_exc()
            out["roundtrip"] = {"failed": label, "error": f"{type(exc).__name__}: {exc}"}
            return False

    if verify.get("roundtrip"):
        if not run("alembic stamp base", command.stamp, "base"):
            return save()
        base = state()
        linear = len(script.get_heads()) == 1 and not any(
            r.is_merge_point or r.is_branch_point for r in revisions)
        if linear:
            order = list(reversed(revisions))
            states = [("base", base)]
            for rev in order:
                if not run(f"alembic upgrade {rev.revision}", command.upgrade, rev.revision):
                    return save()
                states.append((rev.revision, state()))
            for i in range(len(order), 0, -1):
                target = states[i - 1][0]
                if not run(f"alembic downgrade {target}", command.downgrade, target):
                    return save()
                now = state()
                if now != states[i - 1][1]:
                    out["roundtrip"] = {"trace": f"alembic downgrade {target}",
                                        "undoing": order[i - 1].revision,
                                        "expected": states[i - 1][1], "found": now}
                    return save()
            head = states[-1][1]
        else:
            if not run("alembic upgrade heads", command.upgrade, "heads"):
                return save()
            head = state()
            if not run("alembic downgrade base", command.downgrade, "base"):
                return save()
            now = state()
            if now != base:
                out["roundtrip"] = {"trace": "alembic downgrade base", "undoing": "heads",
                                    "expected": base, "found": now}
                return save()
        if not run("alembic upgrade heads (again)", command.upgrade, "heads"):
            return save()
        again = state()
        if again != head:
            out["roundtrip"] = {"again": True, "expected": head, "found": again}
            return save()
        out["roundtrip"] = {"passed": len(revisions), "linear": linear}
    if verify.get("check"):
        if not verify.get("roundtrip"):
            command.upgrade(cfg, "heads")
        try:
            command.check(cfg)
            out["check"] = {"status": 0, "output": ""}
        except BaseException as exc:
            out["check"] = {"status": 1, "output": f"{type(exc).__name__}: {exc}"}
    return save()


def _example_process(request_id: int, job: dict[str, Any], reply_fd: int) -> None:
    """Body of the forked example process. Never returns."""
    ok, error = True, None
    try:
        _die_with_parent()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        result = run_job(job)
        tmp = job["result_path"] + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(result, fh)
        os.replace(tmp, job["result_path"])
    except BaseException:
        ok, error = False, traceback.format_exc()
    finally:
        line = json.dumps({"id": request_id, "ok": ok, "error": error}) + "\n"
        os.write(reply_fd, line.encode())
        os._exit(0)


def main() -> None:
    """Serve jobs until stdin closes."""
    _die_with_parent()
    reply_fd = os.dup(1)
    os.dup2(2, 1)  # anything printed by accident goes to stderr, never into the protocol
    # The libraries are imported (above) as soon as the build starts this process; the first
    # line then names the database to warm up in, once the build has created it.
    first = sys.stdin.readline()
    if not first:
        return  # the build had nothing to execute after all
    os.environ["ABE_WARM_URL"] = json.loads(first).get("warm", "")
    try:
        warm_up()
    except Exception:  # a cold worker is slower, not wrong
        traceback.print_exc()
    os.environ.pop("ABE_WARM_URL", None)  # the database is dropped once we say we are ready
    # Everything loaded so far is shared with every forked example and step process. Moving it
    # out of the garbage collector's reach keeps the children from touching (and so copying)
    # those pages.
    gc.collect()
    gc.freeze()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # example processes are reaped automatically
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    os.write(reply_fd, (json.dumps({"ready": True, "pid": os.getpid()}) + "\n").encode())
    for raw in sys.stdin:
        if not raw.strip():
            continue
        request = json.loads(raw)
        pid = os.fork()
        if pid == 0:
            _example_process(request["id"], request["job"], reply_fd)


if __name__ == "__main__":
    main()
