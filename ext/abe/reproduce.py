"""Run every example as a reader would, and compare with what its page shows.

The build runs steps in a forked, pre-warmed worker with a fixed hash seed, address-space
randomisation off and pinned revision ids, so its own output never varies. A reader's does: this
module runs each example's session a second time the way a reader's shell does, and fails, naming
the example, the step and the command, with a diff, wherever the output differs from the page
beyond the normalisation the book's front matter documents.

What a reader has, and so what is used here:

* **the files the page shows**: :meth:`abe.session.Example.shown_files`, read from the example
  folder. The directive prints exactly those files' text (``tests/test_reader.py`` checks, on
  built HTML, that copying them from the page gives the same files); taking them from the folder
  needs no HTML build, and a file the page does not show (``hide``, or a binary file) is *not*
  copied, so a session that needs one fails here as it would for a reader;
* **a shell**: every step is ``bash -c '<the command as printed>'`` in an empty folder outside
  the repository, with the real console scripts (``alembic``, ``pytest``, ``ruff``) of the build's
  environment and the embedded server's ``psql`` first on ``PATH``;
* **a random hash seed** (``PYTHONHASHSEED``, drawn per run and printed, so a failure can be
  replayed with ``--seed``) and **address-space randomisation on** (the build turns it off);
* **random revision ids**: nothing is pinned. A 12-hex-digit id that ``alembic revision`` drew in
  step *n* is replaced, in the reader's output, by the id the build derived for that step (the
  front matter's rule), and so is the ``Create Date`` written into the files it generated;
* **a fresh database** created for each run on the configured server (the embedded one, or
  ``ABE_DATABASE_URL``), dropped afterwards;
* **a terminal** on standard input (a pseudo-terminal :data:`TERMINAL_WIDTH` wide), where a
  reader types: Alembic looks at it to indent its messages;
* the environment the front matter states: ``COLUMNS=100`` (pytest's width), ``LANG=C.UTF-8``,
  ``TZ=UTC``, ``PYTHONDONTWRITEBYTECODE=1`` (no ``__pycache__`` folders in ``ls``), no
  ``~/.psqlrc``, ``PAGER=cat``, ``NO_COLOR=1``. Output is read through one pipe
  with ``PYTHONUNBUFFERED=1``, so standard output and standard error interleave line by line as
  in a terminal.

What the page shows is the build's result for the same server (from the cache when its inputs are
unchanged, else executed now): exit status and output, cut to the step's ``tail`` the way the
directive cuts it. Each example runs ``runs`` times (default 2) with different seeds, examples in
parallel (``ABE_JOBS``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import fcntl
import hashlib
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import AbeConfig
from .directive import shown_output
from .executor import Executor, url_spellings
from .hold import SecondSession
from .normalize import Normalizer
from .pgbinaries import client_bindir
from .postgres import PREFIX, DatabaseError, Provider, create_provider
from .scratch import scratch_root
from .session import Example
from .terminal import TERMINAL_WIDTH

#: the terminal width the book's listings are made for (the build sets the same COLUMNS)
COLUMNS = "100"

_GENERATED_ID = re.compile(r"^[0-9a-f]{12}$")
_REVISION = re.compile(r"""^revision(?:\s*:\s*str)?\s*=\s*['"]([^'"]+)['"]""", re.M)
_CREATE_DATE = re.compile(r"^Create Date: (.+)$", re.M)
_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d)?$")
#: how a date-based file_template may spell the date in a file name, the longest first
_NAME_DATES = ("%Y%m%d%H%M%S", "%Y_%m_%d_%H%M%S", "%Y%m%d_%H%M%S", "%Y%m%d%H%M", "%Y_%m_%d_%H%M",
               "%Y%m%d_%H%M", "%Y-%m-%d", "%Y_%m_%d", "%Y%m%d")


def pinned_rev_id(slug: str, step_index: int, n: int = 0) -> str:
    """The id the build gives the ``n``-th revision generated in step ``step_index`` (0-based)
    of example ``slug`` (see ``_pin_randomness`` in :mod:`abe.worker`)."""
    return hashlib.sha256(f"{slug}:{step_index}:{n}".encode()).hexdigest()[:12]


def pinned_create_date(frozen: float, reader_value: str) -> str:
    """The ``Create Date`` the build writes where the reader's run wrote ``reader_value``: the
    pinned time, naive or in the reader's value's UTC offset, as ``str(datetime)`` prints it."""
    pinned = dt.datetime.fromtimestamp(frozen, tz=dt.UTC)
    value = reader_value.strip()
    try:
        real = dt.datetime.fromisoformat(value)
    except ValueError:
        return reader_value
    shown = str(pinned.replace(tzinfo=None) if real.tzinfo is None
                else pinned.astimezone(real.tzinfo))
    if _FULL_DATE.match(value):
        return shown
    # a template's own shorter format (e.g. strftime('%Y-%m-%d %H:%M')): the same length
    return shown[:len(value)]


def pinned_file_name(name: str, reader_value: str, frozen: float) -> str:
    """A generated file's name as the build names it: a date that a date-based
    ``file_template`` put into the reader's name is the pinned date."""
    try:
        real = dt.datetime.fromisoformat(reader_value.strip())
    except ValueError:
        return name
    pinned = dt.datetime.fromtimestamp(frozen, tz=dt.UTC)
    pinned = pinned.replace(tzinfo=None) if real.tzinfo is None else \
        pinned.astimezone(real.tzinfo)
    for fmt in _NAME_DATES:
        if real.strftime(fmt) in name:
            return name.replace(real.strftime(fmt), pinned.strftime(fmt), 1)
    return name


def address_randomisation_off() -> bool:
    """True when this process (and so every child) runs with ADDR_NO_RANDOMIZE (setarch -R)."""
    try:
        personality = int(Path("/proc/self/personality").read_text().strip(), 16)
    except (OSError, ValueError):
        return False
    return bool(personality & 0x0040000)


@dataclass
class Mismatch:
    slug: str
    step: int  # 1-based, as the page counts
    command: str
    seed: int
    message: str

    def __str__(self) -> str:
        return (f"{self.slug}: step {self.step} `{self.command}` (PYTHONHASHSEED={self.seed}): "
                f"{self.message}")


@dataclass
class Outcome:
    slug: str
    seeds: list[int] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    #: why the example was not compared (the page shows no run on this server)
    skipped: str = ""
    seconds: float = 0.0


def _diff(page: str, reader: str) -> str:
    lines = difflib.unified_diff(page.splitlines(), reader.splitlines(), "the page shows",
                                 "a reader's shell prints", lineterm="", n=2)
    return "\n".join(lines)


class Reproducer:
    """Runs examples as a reader would, on the configured server, and compares with the page."""

    def __init__(self, config: AbeConfig, root: Path) -> None:
        self.config = config
        self.root = root
        self.cache_dir = (root / config.cache_dir).resolve()
        self.provider: Provider = create_provider(
            config.database_url, (root / config.pgdata).resolve() if config.pgdata else None,
            self.cache_dir, config.pg_major)
        self.token = f"{os.getpid():x}"
        self.folder = scratch_root() / f"abe-reader-{self.token}"
        self._lock = threading.Lock()
        self._live: set[str] = set()

    def close(self) -> None:
        for name in sorted(self._live):
            try:
                self.provider.drop_database(name)
            except DatabaseError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)
        self.provider.stop()

    # --- the page ---------------------------------------------------------------------------
    def page_results(self, examples: list[Example]) -> dict[str, dict[str, Any]]:
        """What each page shows on this server: the build's results (cached or run now)."""
        executor = Executor(self.config, self.root)
        try:
            return executor.results(examples)
        finally:
            executor.close()

    # --- the reader -------------------------------------------------------------------------
    def environment(self, seed: int, urls: list[str]) -> dict[str, str]:
        bindir = client_bindir(self.provider, self.cache_dir)
        path = [str(Path(sys.executable).parent), str(bindir),
                os.environ.get("PATH", "/usr/bin:/bin")]
        env = {
            "PATH": os.pathsep.join(path), "HOME": os.environ.get("HOME", "/root"),
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC", "COLUMNS": COLUMNS,
            "PYTHONHASHSEED": str(seed), "PYTHONUNBUFFERED": "1", "PYTHONDONTWRITEBYTECODE": "1",
            "PSQLRC": os.devnull, "NO_COLOR": "1", "PAGER": "cat", "PSQL_PAGER": "cat",
            "DATABASE_URL": urls[0],
        }
        for n, url in enumerate(urls[1:], start=2):
            env[f"DATABASE_URL_{n}"] = url
        return env

    def run(self, example: Example, page: dict[str, Any], seed: int, run_no: int) -> list[Mismatch]:
        """One reader's run of ``example``; the first step that differs from ``page``, if any."""
        token = f"{self.token}r{run_no}"
        names = [f"{PREFIX}{example.slug.split('-')[0]}_{token}"]
        names += [f"{names[0]}_{n}" for n in range(2, example.requires.databases + 1)]
        folder = self.folder / f"{example.slug}.{run_no}"
        urls: list[str] = []
        try:
            for name in names:
                with self._lock:
                    self._live.add(name)
                urls.append(self.provider.create_database(name))
            _copy_shown_files(example, folder)
            return self._steps(example, page, seed, folder, names, urls)
        finally:
            for name in names:
                try:
                    self.provider.drop_database(name)
                except DatabaseError:
                    pass
                with self._lock:
                    self._live.discard(name)
            shutil.rmtree(folder, ignore_errors=True)

    def _steps(self, example: Example, page: dict[str, Any], seed: int, folder: Path,
               names: list[str], urls: list[str]) -> list[Mismatch]:
        token = names[0].rsplit("_", 1)[1]  # shown without it, as the build shows its own
        display = names[0].replace(f"_{token}", "")
        normalize = Normalizer(
            run_dir=str(folder), display_dir=f"{self.config.display_root}/{example.slug}",
            database=names[0], display_database=display,
            urls=tuple(url_spellings(urls)), display_url=f"postgresql://you@localhost/{display}",
        )
        env = self.environment(seed, urls)
        second = SecondSession()
        try:
            return self._each_step(example, page, seed, folder, env, normalize, second)
        finally:
            second.close()  # the end of the session ends a second terminal still open

    def _each_step(self, example: Example, page: dict[str, Any], seed: int, folder: Path,
                   env: dict[str, str], normalize: Normalizer, second: SecondSession
                   ) -> list[Mismatch]:
        started = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # TZ=UTC: naive dates are UTC
        known = _revision_files(folder)
        ids: dict[str, str] = {}  # a reader's generated id -> the page's
        dates: dict[str, str] = {}  # a reader's Create Date (and dated file name) -> the page's
        dated: dict[str, str] = {}  # a reader's dated file name -> the page's
        for record in page["steps"]:
            index = record["index"]
            step = example.steps[index]
            timeout = step.timeout or self.config.step_timeout
            # a reader types the name their own file has (a date-based name holds their day)
            typed = step.run
            for real, shown in dated.items():
                typed = typed.replace(shown, real)
            if step.hold or step.release:  # the reader's second terminal, left open
                psql = str(client_bindir(self.provider, self.cache_dir) / "psql")
                record_ = second.step({"programs": {"psql": psql}, "environ": env,
                                       "run_dir": str(folder)},
                                      {"hold": step.hold, "release": step.release,
                                       "timeout": timeout}, index)
                status, output = record_["status"], record_["output"]
            else:
                status, output = _shell(typed, folder, env, timeout)
            now = _revision_files(folder)
            # files this step wrote (generated, or copied over: a copy keeps its own date)
            new = sorted((path for path in now if now[path][1] != known.get(path, ("", 0))[1]),
                         key=lambda path: now[path][1])
            before = {rid for rid, _, _ in known.values()}
            # ids given with --rev-id stay; the ones alembic drew become the build's
            generated = [now[p][0] for p in new if _GENERATED_ID.match(now[p][0])
                         and now[p][0] not in before and now[p][0] not in ids]
            for n, rid in enumerate(dict.fromkeys(generated)):
                ids[rid] = pinned_rev_id(example.slug, index, n)
            for path in new:  # the build pins the Create Date of every file it generates
                for value in _CREATE_DATE.findall(now[path][2]):
                    if _looks_generated(value, started):
                        dates[value.strip()] = pinned_create_date(self.config.frozen_time, value)
                        name = os.path.basename(path)
                        shown_name = pinned_file_name(name, value, self.config.frozen_time)
                        if shown_name != name:
                            dates[name] = shown_name
                            dated[name] = _substitute(shown_name, ids, {})
            known = now
            reader = _substitute(normalize(output), ids, dates)
            shown = shown_output(record["output"], step.tail)
            got = shown_output(reader, step.tail)
            problem = ""
            if status is None:
                problem = f"did not finish within {timeout:g} s\n{got}"
            elif status != record["status"]:
                problem = (f"exit status {status}, the page shows {record['status']}\n"
                           + _diff(shown, got))
            elif step.output and step.unordered and \
                    sorted(got.split("\n")) != sorted(shown.split("\n")):
                problem = ("output differs from the page, in any order\n"
                           + _diff("\n".join(sorted(shown.split("\n"))),
                                   "\n".join(sorted(got.split("\n")))))
            elif step.output and not step.unordered and got != shown:
                problem = "output differs from the page\n" + _diff(shown, got)
            if problem:  # later steps depend on this one
                return [Mismatch(example.slug, index + 1, step.run, seed, problem)]
        return []

    # --- all of them ------------------------------------------------------------------------
    def reproduce(self, examples: list[Example], runs: int = 2, seeds: list[int] | None = None,
                  jobs: int = 0, progress: Any = None) -> list[Outcome]:
        if address_randomisation_off():
            raise RuntimeError("this process runs with address-space randomisation off "
                               "(setarch -R): a reader's would not; run it from a normal shell")
        pages = self.page_results(examples)
        chooser = random.SystemRandom()
        outcomes = {e.slug: Outcome(e.slug) for e in examples}
        work = []
        for example in examples:
            page = pages[example.slug]
            outcome = outcomes[example.slug]
            if page["status"] != "passed":
                outcome.skipped = (f"the build's own run {page['status']}: "
                                   + (page.get("reason") or page.get("failure") or "")).strip()
                if page["status"] == "failed":
                    outcome.mismatches.append(Mismatch(example.slug, 0, "(build)", 0,
                                                       outcome.skipped))
                continue
            for run_no in range(runs):
                seed = seeds[run_no % len(seeds)] if seeds else chooser.randrange(1, 2**32)
                outcome.seeds.append(seed)
                work.append((page.get("seconds", 0.0), example, page, seed, run_no))
        work.sort(key=lambda w: -w[0])  # the longest first: the pool ends together

        def one(item: tuple[float, Example, dict[str, Any], int, int]) -> None:
            _, example, page, seed, run_no = item
            started = time.monotonic()
            found = self.run(example, page, seed, run_no)
            with self._lock:
                outcome = outcomes[example.slug]
                outcome.mismatches += found
                outcome.seconds += time.monotonic() - started
                if progress is not None:
                    progress(example.slug, seed, found)

        workers = jobs or self.config.jobs or 3 * (os.cpu_count() or 1)
        with ThreadPoolExecutor(max_workers=max(1, min(workers, len(work) or 1))) as pool:
            list(pool.map(one, work))
        return [outcomes[e.slug] for e in examples]


def _copy_shown_files(example: Example, folder: Path) -> None:
    """The files the page shows, as text, into an empty folder (nothing else of the example)."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name in example.shown_files():
        try:
            text = (example.path / name).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # the directive does not show binary files; a reader does not have them
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _looks_generated(value: str, started: dt.datetime) -> bool:
    """Whether a Create Date was written by this run (a copied file keeps its author's date)."""
    try:
        real = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return False
    if real.tzinfo is not None:
        real = real.astimezone(dt.UTC).replace(tzinfo=None)
    return real >= started.replace(second=0, microsecond=0) - dt.timedelta(days=1)


def _revision_files(folder: Path) -> dict[str, tuple[str, int, str]]:
    """file -> (revision id, modification time in ns, text) of every revision file in the
    folder (any ``*.py`` that assigns ``revision = "..."`` at the top level)."""
    found: dict[str, tuple[str, int, str]] = {}
    for path in folder.rglob("*.py"):
        if "__pycache__" in path.parts:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        match = _REVISION.search(text)
        if match:
            found[str(path)] = (match.group(1), path.stat().st_mtime_ns, text)
    return found


def _substitute(text: str, ids: dict[str, str], dates: dict[str, str]) -> str:
    # dates first: a date-based file name also holds the reader's id, replaced after it
    for real, shown in [*dates.items(), *ids.items()]:
        text = text.replace(real, shown)
    return text


def _shell(command: str, folder: Path, env: dict[str, str], timeout: float
           ) -> tuple[int | None, str]:
    """(exit status or None on time-out, combined output) of ``bash -c command``."""
    terminal, keyboard = open_terminal(TERMINAL_WIDTH)
    try:
        proc = subprocess.Popen(["bash", "-c", command], cwd=folder, env=env, stdin=terminal,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True)
    finally:
        os.close(terminal)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        return None, out.decode("utf-8", "replace")
    finally:
        os.close(keyboard)
    return proc.returncode, out.decode("utf-8", "replace")


def open_terminal(columns: int) -> tuple[int, int]:
    """(terminal side, keyboard side) of a new pseudo-terminal ``columns`` wide: a reader types
    at a terminal, and programs look at it (Alembic indents its messages by two spaces, and wraps
    them at the width, when its standard input is a terminal). Output still goes through a
    pipe, to be compared."""
    keyboard, terminal = os.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    return terminal, keyboard


def main(slugs: list[str], runs: int, seeds: list[int], jobs: int = 0) -> int:
    """``python -m abe reproduce``: every example (or the named ones); exit 1 on a mismatch."""
    from .session import SessionError, load_example

    root = Path.cwd()
    config = AbeConfig.from_env()
    base = root / config.examples_dir
    folders = [Path(s) if "/" in s else base / s for s in slugs] or \
        sorted(p for p in base.glob("ex[0-9][0-9]-*") if p.is_dir())
    try:
        examples = [load_example(p.resolve()) for p in folders]
    except SessionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    started = time.monotonic()
    reproducer = Reproducer(config, root)
    try:
        print(f"reproducing {len(examples)} example(s) as a reader would, {runs} run(s) each, "
              f"on {reproducer.provider.describe()}", flush=True)
        def progress(slug: str, seed: int, found: list[Mismatch]) -> None:
            verdict = f"differs at step {found[0].step}" if found else "reproduced"
            print(f"  {slug} (PYTHONHASHSEED={seed}): {verdict}", flush=True)

        outcomes = reproducer.reproduce(examples, runs=runs, seeds=seeds, jobs=jobs,
                                        progress=progress)
    finally:
        reproducer.close()
    failed = [o for o in outcomes if o.mismatches]
    skipped = [o for o in outcomes if o.skipped and not o.mismatches]
    for outcome in failed:
        for mismatch in outcome.mismatches:
            print(f"\nFAILED {mismatch}", file=sys.stderr)
    for outcome in skipped:
        print(f"not compared: {outcome.slug}: {outcome.skipped}")
    passed = len(outcomes) - len(failed) - len(skipped)
    print(f"\n{passed} reproduced, {len(failed)} failed, {len(skipped)} not compared "
          f"({time.monotonic() - started:.0f} s)")
    return 1 if failed else 0
