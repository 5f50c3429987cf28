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
from abe.pgbinaries import DEFAULT_MAJOR, BinariesProvider, default_data_dir
from abe.reproduce import open_terminal
from abe.terminal import TERMINAL_WIDTH
from conftest import html_text

#: Examples whose output a reader reproduces exactly (no generated revision ids, which the build
#: pins and a reader's run would draw at random).
EXAMPLES = ["beginner/ex06-create-table", "beginner/ex13-current-version",
            "beginner/ex29-alembic-version-table", "intermediate/ex43-jsonb-columns"]


@pytest.fixture(scope="module")
def book_html(full_book: tuple[subprocess.CompletedProcess[str], Path]) -> Path:
    proc, outdir = full_book
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

    type_as_reader(folder, slug, [c for _, c in commands], [o for _, o in outputs],
                   shared_cache)


def type_as_reader(folder: Path, slug: str, commands: list[str], outputs: list[str],
                   shared_cache: Path) -> None:
    """Type each command into bash in ``folder`` against a fresh database; every output must be
    the one the page shows (after the build's documented rewrites)."""
    provider = BinariesProvider(shared_cache, default_data_dir(shared_cache, DEFAULT_MAJOR))
    database = f"abe_{slug[:4]}_reader"
    url = provider.create_database(database)
    bindir = provider.client_bindir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("ABE_")}
    env.update(DATABASE_URL=url, PSQLRC=os.devnull, TZ="UTC", LC_ALL="C.UTF-8",
               PATH=os.pathsep.join([str(Path(sys.executable).parent), str(bindir),
                                     env.get("PATH", "")]))
    normalize = Normalizer(run_dir=str(folder), display_dir=f"/home/you/abe/{slug}",
                           database=database, display_database=f"abe_{slug[:4]}",
                           urls=tuple(url_spellings([url])),
                           display_url=f"postgresql://you@localhost/abe_{slug[:4]}")
    try:
        for command, shown in zip(commands, outputs, strict=True):
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


#: Examples whose zip is unpacked and run from its README (Ex 22 as the issue asks, and examples
#: with a Python script, a psql session and a failing step among them).
ZIPPED = ["beginner/ex22-uuid-columns", "beginner/ex06-create-table",
          "beginner/ex13-current-version", "intermediate/ex43-jsonb-columns"]
_README_COMMAND = re.compile(r"^\$ (.*?)(?:    # exit status \d+)?$", re.M)


@pytest.mark.parametrize("page", ZIPPED)
def test_downloaded_zip_runs_from_its_readme(page: str, book_html: Path, tmp_path: Path,
                                            shared_cache: Path) -> None:
    import zipfile

    markup = (book_html / "book" / f"{page}.html").read_text(encoding="utf-8")
    slug = page.split("/")[1]
    link = re.search(rf'href="((?:\.\./)*_downloads/[0-9a-f]+/{slug}\.zip)"', markup)
    assert link, f"{page} offers no zip of its folder"
    archive = (book_html / "book" / page).parent / link.group(1)
    folder = tmp_path / "home"
    folder.mkdir()
    with zipfile.ZipFile(archive) as zipped:
        names = sorted(zipped.namelist())
        assert names == sorted(names), "entries are sorted"
        assert {i.date_time for i in zipped.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        zipped.extractall(folder)
    unpacked = folder / slug
    files = files_of(markup)
    inside = sorted(n.removeprefix(f"{slug}/") for n in names)
    assert inside == sorted([*files, "README.md"]), "exactly the page's files and a README"
    for name, text in files.items():
        assert (unpacked / name).read_text(encoding="utf-8") == text, name
    readme = (unpacked / "README.md").read_text(encoding="utf-8")
    assert "export DATABASE_URL=" in readme
    session = readme.split("## The session, in order", 1)[1]
    typed = _README_COMMAND.findall(session)
    shown = [c.removeprefix("$ ").rstrip("\n") for _, c in blocks(markup, "abe-command")]
    assert typed == shown, "the README lists the page's commands, in order"
    outputs = [o for _, o in blocks(markup, "abe-output")]
    type_as_reader(unpacked, slug, typed, outputs, shared_cache)


# --- the indexes, as a reader uses them (same build) -------------------------------------------

def _op_names_by_tokens(root: Path) -> set[str]:
    """Every ``op.<name>`` in the examples' Python code, found with the tokenizer (comments and
    strings are tokens of their own, so a note mentioning ``op.x`` does not count): an
    independent scan, not the syntax-tree one the index uses."""
    import io
    import tokenize

    names = set()
    for path in sorted(root.glob("ex[0-9][0-9]-*/**/*.py")):
        if not re.search(r"^\s*from alembic import [^\n]*\bop\b", path.read_text(), re.M):
            continue  # an ``op`` that is not Alembic's (a comparator's operation object)
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(path.read_text()).readline)
                  if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)]
        for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False):
            if a.type == tokenize.NAME and a.string == "op" and b.string == "." and \
                    c.type == tokenize.NAME:
                names.add(f"op.{c.string}")
    return names


def test_operations_index_lists_every_op_function_with_a_link(book_html: Path) -> None:
    from conftest import ROOT

    markup = (book_html / "book/appendix/index-operations.html").read_text(encoding="utf-8")
    listed = {}
    for match in re.finditer(r"<dt[^>]*>(.*?)</dt>\s*<dd>(.*?)</dd>", markup, re.S):
        links = re.findall(r'href="([^"]+)"', match.group(2))
        listed[html_text(match.group(1)).strip()] = links
    ops = {name for name in listed if name.startswith("op.")}
    assert ops == _op_names_by_tokens(ROOT / "examples")
    general = html_text((book_html / "genindex.html").read_text(encoding="utf-8"))
    assert all(f"{name}()" in general for name in ops), "the general index lists them too"
    assert "UUID Columns with PostgreSQL" in general  # each example's topic
    assert len(ops) > 20
    for name, links in listed.items():
        assert links, f"{name} links to no example"
        for link in links:
            page, anchor = link.split("#")
            target = (book_html / "book/appendix" / page).resolve()
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), link


def test_pasting_an_error_message_into_the_search_finds_the_errors_index(book_html: Path
                                                                        ) -> None:
    """What the search page does with a pasted message: split it into words, drop the stop
    words, stem the rest, and list the pages that hold every stem."""
    import json

    from sphinx.search.en import SearchEnglish

    text = (book_html / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    docnames = index["docnames"]
    search = SearchEnglish({})
    pasted = "Multiple head revisions are present"
    found = None
    for word in re.findall(r"\w+", pasted.lower()):
        if word in search.stopwords:
            continue
        stem = search.stem(word)
        hits: set[int] = set()
        for table in (index["terms"], index["titleterms"]):
            where = table.get(stem, [])
            hits |= {where} if isinstance(where, int) else set(where)
        found = hits if found is None else found & hits
    assert found and docnames.index("book/appendix/index-errors") in found, \
        sorted(docnames[i] for i in found or ())
    errors = (book_html / "book/appendix/index-errors.html").read_text(encoding="utf-8")
    entry = next((m for m in re.finditer(r"<dt[^>]*>(.*?)</dt>\s*<dd>(.*?)</dd>", errors, re.S)
                  if pasted in html_text(m.group(1))), None)
    assert entry, "no errors index entry for the message"
    link = re.search(r'href="([^"]+)#(ex-\d\d-step-\d+)"', entry.group(2))
    assert link, entry.group(2)
    step_page = (book_html / "book/appendix" / link.group(1)).read_text(encoding="utf-8")
    start = step_page.index(f'id="{link.group(2)}"')
    nxt = step_page.find('class="abe-step-label"', start + 1)
    assert "Multiple head revisions are present" in \
        html_text(step_page[start:nxt if nxt > 0 else None]), "the step shows the message"
