"""A reader's check: copy an example's files from the built page into an empty folder, type the
commands shown into a shell against a fresh database, and get the output the page shows.

Nothing here uses the book's runner: the files come from the HTML, the commands run through
bash with the real `alembic` console script and the real `psql`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from abe.executor import url_spellings
from abe.normalize import Normalizer
from abe.postgres import EmbeddedProvider, embedded_bindir
from abe.reproduce import open_terminal
from abe.scratch import default_pgdata
from abe.terminal import TERMINAL_WIDTH
from conftest import html_text
from test_book import sphinx_build

#: Examples whose output a reader reproduces exactly (no generated revision ids, which the build
#: pins and a reader's run would draw at random).
EXAMPLES = ["beginner/ex06-create-table", "beginner/ex13-current-version",
            "beginner/ex29-alembic-version-table", "intermediate/ex43-jsonb-columns"]


@pytest.fixture(scope="module")
def book_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("reader") / "html"
    proc = sphinx_build(outdir)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return outdir


def blocks(markup: str, cls: str) -> list[tuple[int, str]]:
    """(position, text) of every literal block whose wrapper or div carries ``cls``."""
    out = []
    for match in re.finditer(rf'<div class="[^"]*\b{cls}\b[^"]*"[^>]*>\s*<div class="highlight">'
                             r"<pre>(.*?)</pre>", markup, re.S):
        out.append((match.start(), html_text(match.group(1))))
    return out


def files_of(markup: str) -> dict[str, str]:
    files = {}
    for match in re.finditer(r'<div class="code-block-caption"><span class="caption-text">(.*?)'
                             r'</span>.*?<div class="abe-file[^"]*"><div class="highlight">'
                             r"<pre>(.*?)</pre>", markup, re.S):
        files[html_text(match.group(1))] = html_text(match.group(2))
    return files


_OMITTED = re.compile(r"\[\.\.\. (\d+) earlier lines omitted by the book \.\.\.\]\n")


def as_shown(actual: str, shown: str) -> tuple[str, str]:
    """(what the page should show of ``actual``, what it shows). A page that shows only the end
    of a long output (a step's ``tail``) says how many lines it left out; exactly that many are
    cut from the reader's output, so a line too many or too few still fails."""
    actual, shown = actual.rstrip("\n"), shown.rstrip("\n")
    if shown == "(no output)":  # how a page shows a command that printed nothing
        shown = ""
    marker = _OMITTED.match(shown)
    if marker is None:
        return actual, shown
    omitted = int(marker.group(1))
    lines = actual.split("\n")
    return marker.group(0) + "\n".join(lines[omitted:]), shown


@pytest.mark.parametrize("page", EXAMPLES)
def test_copied_example_gives_the_output_shown(page: str, book_html: Path, tmp_path: Path,
                                              shared_cache: Path) -> None:
    markup = (book_html / "book" / f"{page}.html").read_text(encoding="utf-8")
    slug = page.split("/")[1]
    folder = tmp_path / slug
    files = files_of(markup)
    assert "alembic.ini" in files and "migrations/env.py" in files, sorted(files)
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    commands = blocks(markup, "abe-command")
    outputs = blocks(markup, "abe-output")
    assert commands and len(commands) == len(outputs)

    provider = EmbeddedProvider(default_pgdata(shared_cache))
    database = f"abe_{slug[:4]}_reader"
    url = provider.create_database(database)
    bindir = embedded_bindir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ABE_")}
    env.update(DATABASE_URL=url, PSQLRC=os.devnull, TZ="UTC", LC_ALL="C.UTF-8",
               PATH=os.pathsep.join([str(Path(sys.executable).parent), str(bindir),
                                     env.get("PATH", "")]))
    normalize = Normalizer(run_dir=str(folder), display_dir=f"/home/you/abe/{slug}",
                           database=database, display_database=f"abe_{slug[:4]}",
                           urls=tuple(url_spellings([url])),
                           display_url=f"postgresql://you@localhost/abe_{slug[:4]}")
    try:
        for (_, command), (_, shown) in zip(commands, outputs, strict=True):
            typed = command.removeprefix("$ ")
            # typed at a terminal: Alembic indents its messages when stdin is one
            terminal, keyboard = open_terminal(TERMINAL_WIDTH)
            try:
                proc = subprocess.run(["bash", "-c", typed], cwd=folder, env=env, text=True,
                                      stdin=terminal, stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT)
            finally:
                os.close(terminal)
                os.close(keyboard)
            reader_saw, page_shows = as_shown(normalize(proc.stdout), shown)
            assert reader_saw == page_shows, typed
    finally:
        provider.drop_database(database)
        provider.stop()
        shutil.rmtree(folder, ignore_errors=True)
