"""An example folder and its session description (``session.toml``), parsed and validated.

Every error names the file and line it comes from, so an author can jump straight to it.
"""

from __future__ import annotations

import re
import shlex
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SESSION_FILE = "session.toml"

#: Programs a step may run. Python programs run inside the pre-warmed worker; the rest are exec-ed.
ALLOWED_PROGRAMS = frozenset({
    "alembic", "python", "pytest", "psql", "pg_dump", "sqlite3",
    "cat", "ls", "cp", "mv", "rm", "mkdir", "diff", "ruff", "find",
})

_ENV_ASSIGNMENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*)$", re.S)
_SLUG = re.compile(r"^ex(\d\d)-[a-z0-9]+(?:-[a-z0-9]+)*$")

_EXAMPLE_KEYS = {"requires", "files", "fold", "hide", "irreversible", "substitution",
                 "drift", "verify_args", "verify_env", "verify_ignore", "no_roundtrip"}
_STEP_KEYS = {"run", "expect", "note", "timeout", "sql", "catalog", "tail", "output", "hold",
              "release", "unordered"}
_REQUIRES_KEYS = {"extensions", "server_version", "databases"}


class SessionError(Exception):
    """A malformed example or session description; ``location`` is ``path:line``."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Requirements:
    extensions: tuple[str, ...] = ()
    server_version: int = 0
    databases: int = 1

    @property
    def on_server(self) -> bool:
        """Whether the example runs only on some servers (an extension, a minimum version)."""
        return bool(self.extensions or self.server_version)


@dataclass(frozen=True)
class Step:
    """One command of the session, as the reader types it."""

    run: str
    argv: tuple[str, ...]
    env: dict[str, str]
    expect: int = 0
    note: str = ""
    timeout: float | None = None
    sql: bool = True
    catalog: bool = False
    tail: int = 0
    output: bool = True
    line: int = 0
    stdout_to: str = ""
    #: SQL for a second session that stays open across the next steps (see abe.hold)
    hold: str = ""
    #: SQL that ends that session
    release: str = ""
    #: why the output's lines come in an order that varies from run to run (the page says so,
    #: and `python -m abe reproduce` compares them in any order)
    unordered: str = ""

    @property
    def program(self) -> str:
        return self.argv[0]


@dataclass(frozen=True)
class Example:
    """An example folder: the files a reader has on disk plus the session to run in it."""

    slug: str
    path: Path
    steps: tuple[Step, ...]
    requires: Requirements = Requirements()
    files: tuple[str, ...] = ()
    fold: tuple[str, ...] = ()
    hide: tuple[str, ...] = ()
    #: what a downgrade cannot give back (data); the schema round trip still runs
    irreversible: str = ""
    #: why the round trip cannot run at all (e.g. a downgrade() that raises on purpose)
    no_roundtrip: str = ""
    #: what this example runs instead of the real thing, and why (shown in the report)
    substitution: str = ""
    #: why models and migrations are meant to disagree (skips the `alembic check` verification)
    drift: str = ""
    #: alembic options the verification commands need (e.g. ["-x", "tenant=acme"])
    verify_args: tuple[str, ...] = ()
    #: environment variables the verification needs (e.g. a demo key the session passes too)
    verify_env: dict[str, str] = field(default_factory=dict)
    #: fingerprint lines the round trip ignores, each kept on purpose (say why in the text)
    verify_ignore: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def number(self) -> int:
        match = _SLUG.match(self.slug)
        return int(match.group(1)) if match else 0

    @property
    def has_models(self) -> bool:
        return (self.path / "models.py").is_file()

    @property
    def session_path(self) -> Path:
        return self.path / SESSION_FILE

    def shown_files(self) -> list[str]:
        """Files of the folder shown in the book, in reading order (explicit order first)."""
        present = sorted(
            p.relative_to(self.path).as_posix()
            for p in self.path.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and ".pytest_cache" not in p.parts
            and p.name != SESSION_FILE and not p.name.endswith(".pyc")
        )
        ordered = [f for f in self.files if f in present]
        rest = sorted((f for f in present if f not in ordered), key=_reading_order)
        return [f for f in ordered + rest if f not in self.hide]


def _reading_order(name: str) -> tuple[int, str]:
    """Configuration first, then models, the environment, the template, then revisions."""
    base = name.rsplit("/", 1)[-1]
    rank = {"alembic.ini": 0, "pyproject.toml": 0, "models.py": 1, "env.py": 2,
            "script.py.mako": 3, "README": 4}.get(base, 5)
    if "/versions/" in f"/{name}":
        rank = 6
    return rank, name


def _step_lines(text: str) -> list[int]:
    """Line numbers (1-based) of each ``[[step]]`` table header, in order."""
    return [i for i, line in enumerate(text.splitlines(), 1) if line.strip() == "[[step]]"]


def _key_line(text: str, key: str, start: int = 1) -> int:
    for i, line in enumerate(text.splitlines(), 1):
        if i >= start and re.match(rf"\s*{re.escape(key)}\s*=", line):
            return i
    return start


def parse_command(run: str, path: Path, line: int
                  ) -> tuple[tuple[str, ...], dict[str, str], str]:
    """Split a command line like a shell: leading ``NAME=value`` assignments, argv, and an
    optional final ``> file`` that sends standard output to a file of the example folder."""
    try:
        words = shlex.split(run)
    except ValueError as exc:
        raise SessionError(path, line, f"cannot parse command {run!r}: {exc}") from None
    env: dict[str, str] = {}
    while words and _ENV_ASSIGNMENT.match(words[0]):
        name, value = _ENV_ASSIGNMENT.match(words[0]).groups()  # type: ignore[union-attr]
        env[name] = value
        words.pop(0)
    stdout_to = ""
    if len(words) >= 2 and words[-2] == ">":
        stdout_to = words[-1]
        words = words[:-2]
    if any(w in (">", ">>", "|", "<", "&&", ";") for w in words):
        raise SessionError(path, line, f"only a final '> file' redirection is supported: {run!r}")
    if not words:
        raise SessionError(path, line, f"step has no command: {run!r}")
    if words[0] not in ALLOWED_PROGRAMS:
        allowed = ", ".join(sorted(ALLOWED_PROGRAMS))
        raise SessionError(path, line,
                           f"command {words[0]!r} is not allowed in a step (allowed: {allowed})")
    return tuple(words), env, stdout_to


def _as_str_tuple(value: Any, path: Path, line: int, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SessionError(path, line, f"{key!r} must be a list of strings")
    return tuple(value)


def load_example(path: Path) -> Example:
    """Read and validate an example folder. Raises :class:`SessionError` with file and line."""
    if not path.is_dir():
        raise SessionError(path, None, "example folder not found")
    if not _SLUG.match(path.name):
        raise SessionError(path, None,
                           "example folder must be named exNN-short-slug (e.g. ex06-create-table)")
    session_path = path / SESSION_FILE
    if not session_path.is_file():
        raise SessionError(session_path, None, "session description not found")
    text = session_path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        message = getattr(exc, "msg", str(exc))
        if line is None:
            found = re.search(r"line (\d+)", str(exc))
            line = int(found.group(1)) if found else None
        raise SessionError(session_path, line, f"malformed TOML: {message}") from None

    unknown = set(data) - {"example", "step"}
    if unknown:
        key = sorted(unknown)[0]
        raise SessionError(session_path, _key_line(text, key),
                           f"unknown key {key!r} (expected [example] and [[step]] tables)")
    meta = data.get("example", {})
    meta_line = _key_line(text, "[example]")
    if not isinstance(meta, dict):
        raise SessionError(session_path, meta_line, "[example] must be a table")
    for key in meta:
        if key not in _EXAMPLE_KEYS:
            raise SessionError(session_path, _key_line(text, key),
                               f"unknown key {key!r} in [example] "
                               f"(allowed: {', '.join(sorted(_EXAMPLE_KEYS))})")
    requires_raw = meta.get("requires", {})
    for key in requires_raw:
        if key not in _REQUIRES_KEYS:
            raise SessionError(session_path, _key_line(text, "requires"),
                               f"unknown requirement {key!r} "
                               f"(allowed: {', '.join(sorted(_REQUIRES_KEYS))})")
    requires = Requirements(
        extensions=tuple(requires_raw.get("extensions", ())),
        server_version=int(requires_raw.get("server_version", 0)),
        databases=int(requires_raw.get("databases", 1)),
    )

    raw_steps = data.get("step", [])
    if not isinstance(raw_steps, list) or not raw_steps:
        raise SessionError(session_path, None, "no [[step]] tables: a session needs at least one")
    lines = _step_lines(text)
    steps = []
    for index, raw in enumerate(raw_steps):
        line = lines[index] if index < len(lines) else None
        for key in raw:
            if key not in _STEP_KEYS:
                raise SessionError(session_path, _key_line(text, key, line or 1),
                                   f"unknown key {key!r} in step {index + 1} "
                                   f"(allowed: {', '.join(sorted(_STEP_KEYS))})")
        run = raw.get("run")
        argv: tuple[str, ...]
        env: dict[str, str]
        second = [k for k in ("hold", "release") if k in raw]
        if second:
            if run is not None or len(second) > 1:
                raise SessionError(session_path, line, f"step {index + 1}: a step has one of "
                                   "'run', 'hold' or 'release'")
            sql = raw[second[0]]
            if not isinstance(sql, str) or not sql.strip():
                raise SessionError(session_path, _key_line(text, second[0], line or 1),
                                   f"'{second[0]}' must be the SQL to send to the second session")
            run = (f'psql "$DATABASE_URL"  # a second terminal, left open: {sql.strip()}'
                   if second[0] == "hold" else f"# in the second terminal: {sql.strip()}, then \\q")
            argv, env, stdout_to = ("psql",), {}, ""
        elif not isinstance(run, str) or not run.strip():
            raise SessionError(session_path, line, f"step {index + 1} has no 'run' command")
        else:
            argv, env, stdout_to = parse_command(run, session_path, line or 0)
        expect = raw.get("expect", 0)
        if not isinstance(expect, int) or not 0 <= expect <= 255:
            raise SessionError(session_path, _key_line(text, "expect", line or 1),
                               f"'expect' must be an exit status 0-255, got {expect!r}")
        timeout = raw.get("timeout")
        if timeout is not None and (not isinstance(timeout, (int, float)) or timeout <= 0):
            raise SessionError(session_path, _key_line(text, "timeout", line or 1),
                               "'timeout' must be a positive number of seconds")
        steps.append(Step(
            run=run.strip(), argv=argv, env=env, expect=expect, note=str(raw.get("note", "")),
            timeout=float(timeout) if timeout is not None else None,
            sql=bool(raw.get("sql", True)), catalog=bool(raw.get("catalog", False)),
            tail=int(raw.get("tail", 0)), output=bool(raw.get("output", True)),
            line=line or 0, stdout_to=stdout_to,
            hold=str(raw.get("hold", "")).strip(), release=str(raw.get("release", "")).strip(),
            unordered=str(raw.get("unordered", "")),
        ))

    example = Example(
        slug=path.name, path=path, steps=tuple(steps), requires=requires,
        files=_as_str_tuple(meta.get("files", []), session_path, meta_line, "files"),
        fold=_as_str_tuple(meta.get("fold", []), session_path, meta_line, "fold"),
        hide=_as_str_tuple(meta.get("hide", []), session_path, meta_line, "hide"),
        irreversible=str(meta.get("irreversible", "")),
        substitution=str(meta.get("substitution", "")),
        drift=str(meta.get("drift", "")),
        no_roundtrip=str(meta.get("no_roundtrip", "")),
        verify_args=_as_str_tuple(meta.get("verify_args", []), session_path, meta_line,
                                  "verify_args"),
        verify_env={str(k): str(v) for k, v in meta.get("verify_env", {}).items()},
        verify_ignore=_as_str_tuple(meta.get("verify_ignore", []), session_path, meta_line,
                                    "verify_ignore"),
    )
    shown = set(example.shown_files())
    for name in example.fold:
        if name not in shown:
            raise SessionError(session_path, _key_line(text, "fold"),
                               f"'fold' names {name!r}, which is not a file of the example")
    return example
