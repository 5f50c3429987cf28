"""Parent side of execution: throwaway databases, the worker process, the cache, the verdicts.

:class:`Executor` is the only thing the Sphinx side talks to. ``results(examples)`` returns one
result record per example: from the cache when every input is unchanged, otherwise by running the
example in the worker (several at once), each in a database created for it and dropped after.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from .cache import ResultCache, example_key
from .claims import check_claims, find_claims
from .config import AbeConfig
from .normalize import Normalizer
from .pgbinaries import client_bindir
from .postgres import (
    PREFIX,
    DatabaseError,
    Provider,
    _alive,
    create_provider,
    mask_password,
)
from .schema import diff, fingerprint, schema_changes
from .scratch import scratch_root
from .session import Example
from .squawk import enabled as squawk_enabled
from .squawk import job_settings
from .squawk import verdict as squawk_verdict
from .squawk import version as squawk_version

Result = dict[str, Any]


class WorkerError(Exception):
    """The worker process died or could not start."""


class Worker:
    """The pre-warmed worker process (see :mod:`abe.worker`) and its reply dispatcher."""

    def __init__(self, cwd: Path) -> None:
        """Start the worker process; it imports its libraries, then waits for :meth:`warm`."""
        env = dict(os.environ)
        ext_dir = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [ext_dir, env.get("PYTHONPATH", "")]))
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        # Alembic prints some sets (branches, heads) in iteration order, which follows the
        # string hash seed: fix it, or two builds list the same heads in different orders
        env["PYTHONHASHSEED"] = "0"
        command = [sys.executable, "-m", "abe.worker"]
        # Alembic iterates some sets of objects hashed by identity (current heads, autogenerate's
        # tables): their order follows memory addresses, which address-space randomisation
        # changes from run to run. Without it, two builds print them in the same order.
        setarch = shutil.which("setarch")
        if setarch and sys.platform.startswith("linux"):
            command = [setarch, platform.machine(), "--addr-no-randomize", *command]
        self._proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            cwd=cwd, env=env, text=True, bufsize=1, start_new_session=True,
        )
        self.pid = self._proc.pid  # setarch execs: the same process, leader of its session
        self.warmed = False
        self._lock = threading.Lock()
        self._waiting: dict[int, tuple[threading.Event, list[dict[str, Any]]]] = {}
        self._next = 0
        self._reader = threading.Thread(target=self._read, daemon=True)

    def warm(self, url: str) -> None:
        """Let the worker warm up against the (empty, throwaway) database at ``url`` and wait
        until it is ready for jobs."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        try:
            self._proc.stdin.write(json.dumps({"warm": url}) + "\n")
            self._proc.stdin.flush()
        except BrokenPipeError:
            pass  # it died while importing: the empty hello below says so
        hello = self._proc.stdout.readline()
        if not hello:
            raise WorkerError("the example worker failed to start (see the error above)")
        self.warmed = True
        self._reader.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            reply = json.loads(line)
            with self._lock:
                event, box = self._waiting.pop(reply["id"])
            box.append(reply)
            event.set()
        with self._lock:  # the worker is gone: wake everybody still waiting
            for event, box in self._waiting.values():
                box.append({"ok": False, "error": "the example worker exited unexpectedly"})
                event.set()
            self._waiting.clear()

    def submit(self, job: dict[str, Any]) -> dict[str, Any]:
        event: threading.Event = threading.Event()
        box: list[dict[str, Any]] = []
        with self._lock:
            request_id = self._next
            self._next += 1
            self._waiting[request_id] = (event, box)
            assert self._proc.stdin is not None
            try:
                self._proc.stdin.write(json.dumps({"id": request_id, "job": job}) + "\n")
                self._proc.stdin.flush()
            except BrokenPipeError:
                self._waiting.pop(request_id)
                raise WorkerError("the example worker is not running") from None
        event.wait()
        return box[0]

    def close(self) -> None:
        if self._proc.poll() is None:
            assert self._proc.stdin is not None
            try:
                self._proc.stdin.close()
            except BrokenPipeError:
                pass
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()


class Executor:
    def __init__(self, config: AbeConfig, confdir: Path) -> None:
        self.config = config
        self.cache_dir = (confdir / config.cache_dir).resolve()
        self.provider: Provider = create_provider(
            config.database_url, (confdir / config.pgdata).resolve() if config.pgdata else None,
            self.cache_dir, config.pg_major)
        self.cache = ResultCache(self.cache_dir)
        self._worker: Worker | None = None
        self._worker_lock = threading.Lock()
        self._server_key: str | None = None
        self._token = f"{os.getpid():x}"
        self.run_root = scratch_root() / f"abe-run-{self._token}"
        self.executed: list[str] = []
        self.notices: list[str] = []
        #: why no example can run in this build (server unreachable or not starting), if so
        self.fatal = ""
        self._live: set[str] = set()
        self._prepared = False
        self._previous: dict[int, Any] = {}
        self.fresh: dict[str, Result] = {}
        self._worker_pid = 0
        #: the schema fingerprint of a freshly created database (see _worker_process)
        self._fresh_schema: list[str] = []

    # --- keys and cache ------------------------------------------------------------------------
    def server_key(self) -> str:
        if self._server_key is None:
            try:
                self._server_key = self.provider.version_key()
            except DatabaseError as exc:
                self.fatal = self.fatal or str(exc)
                return "unavailable"
        return self._server_key

    def settings_key(self) -> str:
        c = self.config
        return (f"display_root={c.display_root};frozen={c.frozen_time};timeout={c.step_timeout}"
                f";squawk={squawk_version() if squawk_enabled() else 'off'}")

    def key(self, example: Example) -> str:
        return example_key(example.path, self.server_key(), self.settings_key())

    def cached(self, example: Example) -> Result | None:
        """This build's own result, else the stored one if every input is unchanged."""
        fresh = self.fresh.get(example.slug)
        if fresh is not None:
            return fresh
        if self.config.forced(example.slug):
            return None
        result = self.cache.get(example.slug, self.server_key(), self.key(example))
        if result is not None:
            result = dict(result, cache="hit")
        return result

    def stored_runs(self, example: Example) -> list[Result]:
        """Every stored result of this exact example (same files, runner and libraries) on any
        server, passed or not: the cache folder of each server the author built against (see
        ``python -m abe compare``)."""
        runs = []
        for path in sorted(self.cache.root.glob(f"*/{example.slug}.json")):
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            server_key = stored.get("server_key")
            if server_key and stored.get("key") == example_key(example.path, server_key,
                                                                 self.settings_key()):
                runs.append(stored)
        return runs

    def verified_on(self, example: Example) -> list[str]:
        """Every server on which this exact example passed, according to the cache: the current
        one, and others an author built against."""
        return sorted({f"{stored['server']} ({stored['provider']})"
                       for stored in self.stored_runs(example) if stored.get("status") == "passed"})

    # --- running ------------------------------------------------------------------------------
    def results(self, examples: list[Example]) -> dict[str, Result]:
        """A result for every example: cached when inputs are unchanged, else executed now."""
        if self.fatal:
            raise DatabaseError(self.fatal)
        out: dict[str, Result] = {}
        todo = []
        for example in examples:
            hit = self.cached(example)
            if hit is not None:
                out[example.slug] = hit
            else:
                todo.append(example)
        if todo:
            # from the calling (main) thread: signal handlers can only be installed there, and
            # the worker dies with the thread that started it (PR_SET_PDEATHSIG)
            self._prepare_once()
            # an example this server cannot run is reported without the worker (every
            # no-change rebuild looks again at Example 81, which needs pgcrypto)
            if any(not self._unsatisfied(example) for example in todo):
                self._worker_process()
            # three per core: an example spends much of its time waiting on the server (CREATE
            # DATABASE alone takes ~0.15 s on PostgreSQL 18), not on the CPU
            jobs = self.config.jobs or 3 * (os.cpu_count() or 1)
            with ThreadPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
                for example, result in zip(todo, pool.map(self.execute, todo), strict=True):
                    out[example.slug] = result
        return out

    def prestart(self, examples: list[Example]) -> None:
        """If any of ``examples`` will have to be executed, start the worker process and the
        server now, so that they start while Sphinx is still setting up (about half a second
        of a build's serial start). From the main thread: the worker dies with the thread that
        started it (PR_SET_PDEATHSIG).

        Examples that run only on some servers do not count: whether this one can run them is
        known only once it answers, and one it cannot run needs no worker."""
        if self.fatal or not any(self.cached(example) is None and not example.requires.on_server
                                 for example in examples):
            return
        self._started_worker()
        threading.Thread(target=self._start_server_quietly, daemon=True).start()

    def _start_server_quietly(self) -> None:
        try:
            self.provider.server_version()
        except DatabaseError:
            pass  # said, with its reason, when the build needs the server

    def _started_worker(self) -> Worker:
        with self._worker_lock:
            if self._worker is None or self._worker_pid != os.getpid():
                # a worker inherited through fork (parallel Sphinx readers) is not ours to use
                self.cache_dir.mkdir(parents=True, exist_ok=True)  # the worker's folder
                self._worker = Worker(self.cache_dir)
                self._worker_pid = os.getpid()
            return self._worker

    def _worker_process(self) -> Worker:
        worker = self._started_worker()
        with self._worker_lock:
            if not worker.warmed:
                # The worker warms up against PostgreSQL itself, in a database of its own that
                # lives only until the worker says it is ready.
                name = f"{PREFIX}warm_{self._token}"
                self._live.add(name)
                try:
                    url = self.provider.create_database(name)
                    # Every database the build creates is a copy of template0, so the schema
                    # of a fresh one is read once, here, not once per example.
                    self._fresh_schema = fingerprint(url)
                    worker.warm(url)
                finally:
                    self.provider.drop_database(name)
                    self._live.discard(name)
            return worker

    def _unsatisfied(self, example: Example) -> str:
        req = example.requires
        reasons = []
        major = int(self.provider.server_version().split(".")[0])
        if req.server_version and major < req.server_version:
            reasons.append(f"it needs PostgreSQL {req.server_version} or later, the server is "
                           f"{self.provider.server_version()}")
        if req.extensions:
            missing = sorted(set(req.extensions) - self.provider.available_extensions())
            if missing:
                reasons.append(f"the {self.provider.kind} server lacks the extension(s) "
                               f"{', '.join(missing)}")
        return "; ".join(reasons)

    def execute(self, example: Example) -> Result:
        """Run one example now, in its own databases, and store the result in the cache."""
        try:
            return self._execute(example)
        except DatabaseError as exc:
            self.fatal = self.fatal or str(exc)
            raise

    def _execute(self, example: Example) -> Result:
        started = time.monotonic()
        key = self.key(example)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        result: Result = {
            "slug": example.slug, "key": key, "cache": "miss", "status": "passed",
            "reason": "", "failure": "", "steps": [], "provider": self.provider.kind,
            "server": f"PostgreSQL {self.provider.server_version()}",
            "server_key": self.server_key(),
        }
        syntax = syntax_error(example)
        if syntax:
            result.update(status="failed", failure=syntax, seconds=0.0)
            self.fresh[example.slug] = result
            return result
        unsatisfied = self._unsatisfied(example)
        if unsatisfied:
            result.update(status="skipped", reason=unsatisfied)
            result["seconds"] = round(time.monotonic() - started, 3)
            self.fresh[example.slug] = result
            return result
        self._prepare_once()
        names = [f"{PREFIX}{example.slug.split('-')[0]}_{self._token}"]
        names += [f"{names[0]}_{n}" for n in range(2, example.requires.databases + 1)]
        # the round trip's own fresh databases, one for each of the session's
        verify_names = [f"{name}_verify" for name in names]
        # outside the repository, like a reader's folder: nothing above it (no pyproject.toml
        # that pytest or ruff would pick up) belongs to the book
        run_root = self.run_root
        run_dir = run_root / example.slug
        result_path = run_root / f"{example.slug}.result.json"
        urls = []
        try:
            for name in names:
                self._live.add(name)
                urls.append(self.provider.create_database(name))
            verify_urls = []
            for name in verify_names:
                self._live.add(name)
                verify_urls.append(self.provider.create_database(name))
            raw = self._run_in_worker(example, names + verify_names, urls, run_dir,
                                      result_path, verify_urls)
        finally:
            for name in names + verify_names:
                try:
                    self.provider.drop_database(name)
                    self._live.discard(name)
                except DatabaseError:
                    pass
            shutil.rmtree(run_dir, ignore_errors=True)
            result_path.unlink(missing_ok=True)
        display_names = [n.replace(f"_{self._token}", "") for n in names]
        display_urls = [f"postgresql://you@localhost/{n}" for n in display_names]
        normalize = Normalizer(
            run_dir=str(run_dir), display_dir=f"{self.config.display_root}/{example.slug}",
            database=names[0], display_database=display_names[0],
            extra_databases=tuple(zip(verify_names, display_names, strict=True)),
            urls=tuple(url_spellings(urls)), display_url=display_urls[0],
        )
        result["steps"] = [self._step_record(example, raw_step, normalize)
                           for raw_step in raw["steps"]]
        changes = schema_changes([{"schema": raw.get("schema_initial")}] + raw["steps"])[1:]
        for record, change in zip(result["steps"], changes, strict=True):
            record["schema_change"] = normalize(change)
        result["failure"] = self._verdict(example, result["steps"], raw["steps"])
        verification, problem = self._verification(example, raw.get("verification", {}),
                                                   normalize)
        result["verification"] = verification
        if problem and not result["failure"]:
            result["failure"] = problem
        result["squawk"], result["squawk_findings"], problem = squawk_verdict(
            example, raw.get("squawk", []))
        if problem and not result["failure"]:
            result["failure"] = problem
        claims = find_claims(example.path, example.shown_files())
        result["claims"] = len(claims)
        result["lock_claims"] = sum(c.kind in ("locks", "no-rewrite", "rewrites") for c in claims)
        result["rewrites"] = sum(len(r["rewritten"]) for s in result["steps"]
                                 for r in s.get("locks", []))
        if not result["failure"]:
            problems = check_claims(claims, result["steps"])
            if problems:
                result["failure"] = "\n".join(f"{example.path}/{p}" for p in problems)
        result["status"] = "failed" if result["failure"] else "passed"
        result["seconds"] = round(time.monotonic() - started, 3)
        if result["status"] == "passed":
            self.cache.put(result, self.server_key())
        self.executed.append(example.slug)
        self.fresh[example.slug] = result
        return result

    def _run_in_worker(self, example: Example, names: list[str], urls: list[str], run_dir: Path,
                       result_path: Path, verify_urls: list[str]) -> dict[str, Any]:
        run_dir.parent.mkdir(parents=True, exist_ok=True)
        environ = {
            # the build's own interpreter and console scripts (ruff, pytest) come first
            "PATH": os.pathsep.join([str(Path(sys.executable).parent),
                                     os.environ.get("PATH", "/usr/bin:/bin")]),
            "HOME": os.environ.get("HOME", "/root"),
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC", "COLUMNS": "100",
            "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1",
            "PSQLRC": os.devnull, "NO_COLOR": "1", "PAGER": "cat", "PSQL_PAGER": "cat",
            "DATABASE_URL": urls[0],
        }
        for n, url in enumerate(urls[1:], start=2):
            environ[f"DATABASE_URL_{n}"] = url
        job = {
            "slug": example.slug,
            "src_dir": str(example.path.resolve()),
            "run_dir": str(run_dir),
            "result_path": str(result_path),
            "databases": names,
            "environ": environ,
            "frozen_time": self.config.frozen_time,
            "schema_initial": self._fresh_schema,
            "programs": self._programs(),
            "squawk": job_settings(self.provider.server_version()),
            "verify": {
                "urls": verify_urls, "schema": True, "timeout": self.config.step_timeout,
                "roundtrip": not example.no_roundtrip,
                "check": example.has_models and not example.drift,
                "args": list(example.verify_args),
                "env": dict(example.verify_env),
                "ignore": list(example.verify_ignore),
            },
            "steps": [{"argv": list(s.argv), "env": s.env, "expect": s.expect,
                       "stdout_to": s.stdout_to, "hold": s.hold, "release": s.release,
                       "timeout": s.timeout or self.config.step_timeout} for s in example.steps],
        }
        reply = self._worker_process().submit(job)
        if not reply.get("ok"):
            raise WorkerError(f"{example.path}: the worker failed: {reply.get('error')}")
        return dict(json.loads(result_path.read_text(encoding="utf-8")))

    def _programs(self) -> dict[str, str]:
        """psql and pg_dump of the server's major (see :func:`abe.pgbinaries.client_bindir`)."""
        bindir = client_bindir(self.provider, self.cache_dir)
        return {p: str(bindir / p) for p in ("psql", "pg_dump") if (bindir / p).exists()}

    @staticmethod
    def _step_record(example: Example, raw: dict[str, Any],
                     normalize: Normalizer) -> dict[str, Any]:
        step = example.steps[raw["index"]]
        sql = [dict(r, sql=normalize(r["sql"]),
                    error=normalize(r["error"]) if r["error"] else None) for r in raw["sql"]]
        return {
            "index": raw["index"], "run": step.run, "status": raw["status"],
            "expect": step.expect, "timed_out": raw["timed_out"], "seconds": raw["seconds"],
            "output": normalize(raw["output"]), "sql": sql,
            "foreign_databases": raw["foreign_databases"], "locks": raw.get("locks", []),
        }

    def _verdict(self, example: Example, steps: list[dict[str, Any]],
                 raw: list[dict[str, Any]]) -> str:
        """Empty when every step ended as declared; else one message naming file, line and step."""
        where = example.session_path
        for record in steps:
            step = example.steps[record["index"]]
            head = f"{where}:{step.line}: step {record['index'] + 1} `{step.run}`"
            output = record["output"].rstrip() or "(no output)"
            if record["timed_out"]:
                limit = step.timeout or self.config.step_timeout
                return f"{head} did not finish within {limit:g} s and was stopped\n{output}"
            if record["foreign_databases"]:
                return (f"{head} connected to database {', '.join(record['foreign_databases'])}"
                        " instead of the example's own: env.py must take the URL from "
                        "DATABASE_URL, or it would touch a database the build did not create")
            if record["status"] != step.expect:
                if step.expect and record["status"] == 0:
                    return (f"{head} was declared to fail with exit status {step.expect} but "
                            f"succeeded\n{output}")
                return (f"{head} exited with status {record['status']}, expected {step.expect}"
                        f"\n{output}")
        if len(steps) < len(example.steps):
            return f"{where}: the session stopped after step {len(steps)}"
        return ""

    def _verification(self, example: Example, raw: dict[str, Any], normalize: Normalizer
                      ) -> tuple[dict[str, str], str]:
        """(summary for the report, failure message or "") of the round trip and the check."""
        where = example.session_path
        summary = {"roundtrip": f"not run: {example.no_roundtrip}" if example.no_roundtrip
                   else "not run",
                   "check": f"declared drift: {example.drift}" if example.drift
                   else ("no models" if not example.has_models else "not run")}
        problem = ""
        trip = raw.get("roundtrip")
        if trip and "skipped" in trip:
            summary["roundtrip"] = f"not applicable: {trip['skipped']}"
            summary["check"] = "not applicable" if example.has_models else summary["check"]
        elif trip and "failed" in trip:
            summary["roundtrip"] = "failed"
            output = normalize(trip.get("output", "") or trip.get("error", "")).rstrip()
            problem = (f"{where}: round trip in a fresh database: `{trip['failed']}` failed (if "
                       "the example cannot be reversed on purpose, declare `no_roundtrip = "
                       f"\"why\"` in [example])\n{output}")
        elif trip and "trace" in trip:
            summary["roundtrip"] = "failed"
            problem = (f"{where}: `{trip['trace']}` (undoing revision {trip['undoing']}) does "
                       "not give back the schema from before that revision:\n"
                       + diff(trip["expected"], trip["found"], "before the upgrade",
                              "after the downgrade"))
        elif trip and "again" in trip:
            summary["roundtrip"] = "failed"
            problem = (f"{where}: upgrading again after downgrading to base gives another "
                       "schema:\n" + diff(trip["expected"], trip["found"], "first upgrade",
                                          "second upgrade"))
        elif trip and "passed" in trip:
            summary["roundtrip"] = "passed" + (
                f" (schema; data not restored: {example.irreversible})"
                if example.irreversible else "")
        check = raw.get("check")
        if check:
            if check["status"] == 0:
                summary["check"] = "passed"
            else:
                summary["check"] = "failed"
                problem = problem or (
                    f"{where}: models.py and the migrations disagree (`alembic check` at head; "
                    "if the example shows drift on purpose, declare `drift = \"why\"` in "
                    f"[example])\n{normalize(check['output']).rstrip()}")
        return summary, problem

    # --- safety: debris, interruption ----------------------------------------------------------
    def _prepare_once(self) -> None:
        """Before the first execution: remove what killed builds left, and make sure an
        interruption (Ctrl-C, SIGTERM) cleans up after this one."""
        with self._worker_lock:
            if self._prepared:
                return
            self._prepared = True
        removed = self.provider.remove_debris()
        if removed:
            self.notices.append(f"removed {len(removed)} database(s) left by an interrupted "
                                f"build: {', '.join(removed)}")
        for folder in self.run_root.parent.glob("abe-run-*"):
            try:
                owner = int(folder.name.rsplit("-", 1)[1], 16)
            except ValueError:
                continue
            if owner != os.getpid() and not _alive(owner):
                shutil.rmtree(folder, ignore_errors=True)
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._interrupted)

    def _interrupted(self, signum: int, frame: Any) -> None:
        self.abort()
        previous = self._previous.get(signum)
        signal.signal(signum, previous if previous is not None else signal.SIG_DFL)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        os.kill(os.getpid(), signum)

    def abort(self) -> None:
        """Stop every running example and drop every database this build created."""
        worker = self._worker
        if worker is not None and self._worker_pid == os.getpid():
            kill_session(worker.pid)
        for name in sorted(self._live):
            try:
                self.provider.drop_database(name)
            except Exception:
                pass
        self._live.clear()
        shutil.rmtree(self.run_root, ignore_errors=True)
        self.provider.stop()

    def close(self) -> None:
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        self._previous.clear()
        if self._worker is not None and self._worker_pid == os.getpid():
            self._worker.close()
            self._worker = None
        shutil.rmtree(self.run_root, ignore_errors=True)
        self.provider.stop()


def syntax_error(example: Example) -> str:
    """``file:line: SyntaxError: ...`` for the first Python file of the folder that does not
    compile; found before any database is created."""
    for path in sorted(example.path.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        try:
            compile(path.read_bytes(), str(path), "exec")
        except SyntaxError as exc:
            return f"{path}:{exc.lineno}: SyntaxError: {exc.msg}"
    return ""


def kill_session(sid: int) -> None:
    """SIGKILL every process of a session: the worker, its example and step processes (which
    have process groups of their own), and whatever those started."""
    pids = []
    for entry in Path("/proc").iterdir() if Path("/proc").is_dir() else []:
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == sid:
                    pids.append(int(entry.name))
            except OSError:
                continue
    for pid in pids or [sid]:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def url_spellings(urls: list[str]) -> list[str]:
    """Every way a run may print one of its URLs: as given, masked by us, and as SQLAlchemy
    renders it (password hidden, query percent-encoded)."""
    from sqlalchemy.engine import make_url

    out = []
    for url in urls:
        out += [url, mask_password(url), make_url(url).render_as_string(hide_password=True)]
    return out
