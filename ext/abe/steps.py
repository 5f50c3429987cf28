"""Step processes: one forked process per session step, started like a fresh ``alembic``,
``python`` or ``pytest`` process (or ``exec``-ing the real program), with its output captured at the
file-descriptor level, its SQL recorded (:mod:`abe.capture`) and its time limit enforced."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import sys
import sysconfig
import time
import traceback
from pathlib import Path
from typing import Any

from abe.capture import SqlCapture
from abe.locks import LockProbe
from abe.pinning import pin_randomness
from abe.terminal import as_in_a_terminal
from abe.verify import verification

try:  # pytest is optional for the worker; steps that need it report a clear error without it.
    import _pytest.config
    import pytest

    for _plugin in _pytest.config.default_plugins:  # what every pytest.main() imports
        __import__(f"_pytest.{_plugin}")
except ImportError:  # pragma: no cover - pytest is a declared dependency
    pytest = None  # type: ignore[assignment]

PYTHON_COMMANDS = {"alembic", "python", "pytest"}
VERIFY = "[abe verification]"  # an internal step, never one from a session.toml


def _trimmed_excepthook(exc: BaseException) -> None:
    """Print an uncaught exception as the interpreter would, minus this worker's own frames."""
    import runpy

    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename in (
            __file__, runpy.__file__, "<frozen runpy>"):
        tb = tb.tb_next
    # The interpreter's own printer, as a reader's process ends: on Python 3.11 it reads source
    # lines from files only, so a frame of generated code (SQLAlchemy's "<... wrapper>") shows
    # no source line, where the traceback module would take one from linecache.
    sys.__excepthook__(type(exc), exc.with_traceback(tb), tb)


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
        pin_randomness(job["slug"], step_no, job["frozen_time"])
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
    probe = LockProbe()
    try:
        die_with_parent()
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
            status = verification(step)
        elif argv[0] in PYTHON_COMMANDS:
            capture.install()
            as_in_a_terminal()
            if argv[0] == "alembic":
                probe.install()
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
                json.dump({"records": capture.records, "locks": probe.finish(),
                           "foreign_databases": sorted(capture.foreign_databases)}, fh)
        finally:
            os._exit(status)


def die_with_parent() -> None:
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


def copy_example(src: str, dest: str) -> None:
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("session.toml", "__pycache__",
                                                             "*.pyc", ".pytest_cache"))


def run_step(job: dict[str, Any], step: dict[str, Any], index: int, scratch: str
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
        "locks": captured.get("locks", []),
    }
