"""Results cache keyed on every input that can change an example's output.

The key covers: every file in the example folder (data files and the session description too),
the runner's own code, the versions of Python, Alembic, SQLAlchemy, psycopg and pytest, and the
PostgreSQL server. Results live in the cache folder, outside Sphinx's environment pickle, so a
clean HTML rebuild still hits them. One file per example: an old result is simply overwritten.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any

CACHE_FORMAT = "abe-results-1"
_RUNNER_DIR = Path(__file__).parent
_SKIP_PARTS = {"__pycache__", ".pytest_cache"}
#: Modules that never run an example for the build: they render results (pages, indexes,
#: downloads, editions, diagrams, standard files, PDF layout) or check them (reproduce.py), and
#: nothing on the execution side imports them, so editing them must not re-execute 85 examples.
#: ``tests/test_cache.py`` checks that no module of the execution side imports one of them.
RENDER_ONLY = frozenset({
    "__main__.py", "diagrams.py", "directive.py", "downloads.py", "indexes.py",
    "mermaid.py", "navigation.py", "pdf_layout.py", "report.py", "reproduce.py",
    "schemaview.py", "sitenav.py", "sources.py", "sphinx_ext.py", "squawkview.py",
    "standard.py",
})


@functools.cache
def _library_versions() -> str:
    names = ("alembic", "sqlalchemy", "psycopg", "pytest", "mako")
    parts = [f"python={platform.python_version()}"]
    for name in names:
        try:
            parts.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name}=absent")
    return ";".join(parts)


@functools.cache
def runner_fingerprint() -> str:
    """Hash of the runner's own code, without the modules that only render; computed once per
    process (it does not change during a build, and every cache key needs it)."""
    digest = hashlib.sha256()
    for path in sorted(_RUNNER_DIR.glob("*.py")):
        if path.name in RENDER_ONLY:
            continue
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def folder_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not _SKIP_PARTS.intersection(p.parts)
                  and not p.name.endswith(".pyc"))


def example_key(folder: Path, server: str, settings: str, versions: str | None = None,
                runner: str | None = None) -> str:
    """The cache key of one example folder on one server."""
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, runner or runner_fingerprint(), versions or _library_versions(),
                 server, settings):
        digest.update(part.encode())
        digest.update(b"\0")
    for path in folder_files(folder):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


class ResultCache:
    def __init__(self, root: Path) -> None:
        self.root = root / "results"

    def _path(self, slug: str, server: str) -> Path:
        # one folder per server, so builds against two servers do not evict each other
        shelf = hashlib.sha256(server.encode()).hexdigest()[:10]
        return self.root / shelf / f"{slug}.json"

    def get(self, slug: str, server: str, key: str) -> dict[str, Any] | None:
        path = self._path(slug, server)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if data.get("key") == key else None

    def put(self, result: dict[str, Any], server: str) -> None:
        path = self._path(result["slug"], server)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(result, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)

    def versions(self) -> str:
        return _library_versions()
