"""Fixtures: a tiny book in a temporary folder, built with the real sphinx-build in a subprocess,
and the real book built once for every whole-book test of the run."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BASE = Path(__file__).resolve().parent / "fixtures" / "base"
sys.path.insert(0, str(ROOT / "ext"))
from abe import SPHINX_JOBS  # noqa: E402
from abe.pgbinaries import BinariesProvider, default_data_dir  # noqa: E402

CONF = """\
import sys
sys.path.insert(0, {ext!r})
extensions = ["myst_parser", "abe"]
root_doc = "index"
exclude_patterns = ["examples", "_build"]
abe_examples_dir = "examples"
"""


@dataclass
class BuildResult:
    returncode: int
    stdout: str
    stderr: str
    outdir: Path

    def html(self, page: str = "index") -> str:
        return (self.outdir / f"{page}.html").read_text(encoding="utf-8")

    def text(self, page: str = "index") -> str:
        """The page's HTML with tags removed and entities decoded (highlighting splits tokens)."""
        return html_text(self.html(page))


def html_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


@dataclass
class Book:
    """A throwaway Sphinx project using the abe extension and fixture examples."""

    root: Path
    cache_dir: Path
    env: dict[str, str] = field(default_factory=dict)

    def example(self, slug: str, session: str, files: dict[str, str] | None = None) -> Path:
        """An example folder: the base project, the given session and any replaced files."""
        folder = self.root / "examples" / slug
        shutil.copytree(BASE, folder)
        (folder / "session.toml").write_text(textwrap.dedent(session), encoding="utf-8")
        for name, text in (files or {}).items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    def page(self, text: str, name: str = "index") -> None:
        (self.root / f"{name}.md").write_text(textwrap.dedent(text), encoding="utf-8")

    def build(self, *extra: str, outdir: str = "_build/html", quiet: bool = True,
              **env: str) -> BuildResult:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("ABE_")}
        full_env.update({"ABE_CACHE_DIR": str(self.cache_dir)}, **self.env, **env)
        proc = subprocess.run(
            [sys.executable, "-m", "sphinx", "--no-color", "-b", "html", *(["-q"] if quiet else []),
             *extra,
             str(self.root),
             str(self.root / outdir)],
            capture_output=True, text=True, env=full_env, timeout=300,
        )
        return BuildResult(proc.returncode, proc.stdout, proc.stderr, self.root / outdir)


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder (and so one embedded server data directory) for the whole test run."""
    return tmp_path_factory.mktemp("abe-cache")


@pytest.fixture
def server(shared_cache: Path) -> Iterator[BinariesProvider]:
    """The embedded server the fixture builds use, seen from the test."""
    provider = BinariesProvider(shared_cache, default_data_dir(shared_cache, 18))
    yield provider
    provider.stop()


@pytest.fixture
def book(tmp_path: Path, shared_cache: Path) -> Book:
    (tmp_path / "conf.py").write_text(CONF.format(ext=str(ROOT / "ext")), encoding="utf-8")
    (tmp_path / "examples").mkdir()
    return Book(root=tmp_path, cache_dir=shared_cache)


PASSING_SESSION = """\
    [[step]]
    run = "alembic upgrade head"

    [[step]]
    run = "alembic current"
    """


# --- the real book ------------------------------------------------------------------------------

#: Programs the book must build without: a build that still called one would fail.
NOT_NEEDED = ("node", "nodejs", "npm", "npx", "chromium", "chromium-browser", "mmdc")


def python_only_path(shims: Path) -> str:
    """A PATH with every program of this one except Node, npm and browsers (each program is a
    symlink in ``shims``), so a build that still called them would fail."""
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if not folder or not Path(folder).is_dir():
            continue
        for program in Path(folder).iterdir():
            target = shims / program.name
            if program.name in NOT_NEEDED or target.exists() or not os.access(program, os.X_OK):
                continue
            target.symlink_to(program)
    for name in NOT_NEEDED:
        assert shutil.which(name, path=str(shims)) is None
    return str(shims)


def sphinx_build(outdir: Path, builder: str = "html", doctrees: Path | None = None,
                 **env: str) -> subprocess.CompletedProcess[str]:
    """The real book, built the way `nox -s html` (or `pdf`, `epub`) builds it; ``env`` adds
    ABE_* options (the caller's own ABE_* variables are dropped, so a test says every option it
    relies on)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("ABE_")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "--no-color", "-b", builder, "-W", "--keep-going",
         "-j", SPHINX_JOBS, *(["-d", str(doctrees)] if doctrees else []),
         str(ROOT), str(outdir)],
        capture_output=True, text=True, env=full_env, timeout=1800, cwd=ROOT,
    )


@pytest.fixture(scope="session")
def full_book(tmp_path_factory: pytest.TempPathFactory
              ) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The book built once for the whole run, as `nox -s html` builds it: the default embedded
    server, the project's results cache (an example whose inputs are unchanged since it last ran
    is not executed again; one with no stored result is, in parallel), and no Node, npm or
    browser on PATH. The results it was built from are copied to ``<outdir>/../results`` (a
    page also says on which other servers its example passed: later tests add runs)."""
    outdir = tmp_path_factory.mktemp("book") / "html"
    path = python_only_path(tmp_path_factory.mktemp("bin"))
    proc = sphinx_build(outdir, PATH=path)
    shutil.copytree(ROOT / ".cache" / "abe" / "results", outdir.parent / "results")
    return proc, outdir
