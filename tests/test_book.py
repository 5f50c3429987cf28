"""The real book: it builds with warnings as errors, and every example is complete and executed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from abe import SPHINX_JOBS
from conftest import ROOT, html_text

OUTLINE = {
    int(line[:2]): line[3:].strip()
    for line in (Path(__file__).parent / "outline.txt").read_text(encoding="utf-8").splitlines()
    if line[:2].isdigit()
}
LEVELS = {"beginner": range(1, 31), "intermediate": range(31, 61), "advanced": range(61, 86)}
#: The examples the book must have by now (all of the outline).
REQUIRED = sorted(OUTLINE)


def level_of(number: int) -> str:
    return next(name for name, numbers in LEVELS.items() if number in numbers)


def example_folders() -> dict[int, Path]:
    folders: dict[int, Path] = {}
    for path in sorted((ROOT / "examples").glob("ex[0-9][0-9]-*")):
        number = int(path.name[2:4])
        assert number not in folders, f"two folders for Example {number}: {folders[number]}, {path}"
        folders[number] = path
    return folders


def sphinx_build(outdir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("ABE_")}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "--no-color", "-b", "html", "-W", "--keep-going",
         "-j", SPHINX_JOBS,
         str(ROOT), str(outdir)],
        capture_output=True, text=True, env=full_env, timeout=1200, cwd=ROOT,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The book built once, the way `nox -s html` builds it (default embedded server), from an
    empty results cache: every example executed, in parallel."""
    outdir = tmp_path_factory.mktemp("book") / "html"
    cache = tmp_path_factory.mktemp("book-cache")
    return sphinx_build(outdir, ABE_CACHE_DIR=str(cache)), outdir


def test_book_builds_with_warnings_as_errors(built: tuple[subprocess.CompletedProcess[str], Path]
                                             ) -> None:
    proc, outdir = built
    assert proc.returncode == 0, proc.stderr[-5000:]
    # the README's "open _build/html/index.html" lands on the book
    assert 'url=book/index.html' in (outdir / "index.html").read_text(encoding="utf-8")
    assert (outdir / "book/index.html").is_file()
    summary = [line for line in proc.stdout.splitlines() if line.startswith("abe: ")]
    assert summary, proc.stdout[-2000:]
    assert " 0 failed" in summary[-1]


@pytest.mark.parametrize("number", REQUIRED)
def test_example_has_folder_page_anchor_five_parts_and_generated_output(
        number: int, built: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, outdir = built
    folder = example_folders().get(number)
    assert folder is not None, f"Example {number}: no folder examples/ex{number:02d}-*"
    assert (folder / "session.toml").is_file()
    page = ROOT / "book" / level_of(number) / f"{folder.name}.md"
    assert page.is_file(), f"Example {number}: no page {page.relative_to(ROOT)}"
    source = page.read_text(encoding="utf-8")
    lines = source.splitlines()
    assert lines[0] == f"(ex-{number:02d})=", f"{page}: first line must be the anchor"
    assert lines[1] == f"# Example {number}: {OUTLINE[number]}"
    # the five parts, in order: explanation, optional diagram, code, takeaway, why it matters
    code = source.index("## Code and output")
    takeaway = source.index("## Key takeaway")
    why = source.index("## Why it matters")
    assert code < takeaway < why
    explanation = source[source.index("\n", source.index("# Example")):code]
    explanation = re.sub(r"```\{mermaid\}.*?```", "", explanation, flags=re.S).strip()
    assert len(re.findall(r"[.!?](\s|$)", explanation)) >= 2, f"{page}: explanation too short"
    assert f"```{{example}} {folder.name}" in source
    words = len(source[why:].split()) - 4  # minus the heading
    assert 50 <= words <= 110, f"{page}: 'Why it matters' has {words} words (50-100 wanted)"
    if "```{mermaid}" in source:
        diagram = source[source.index("```{mermaid}"):]
        diagram = diagram[:diagram.index("\n```", 5)]
        assert "%%{" not in diagram
        colours = set(re.findall(r"#[0-9A-Fa-f]{6}", diagram))
        assert colours <= {"#0173B2", "#DE8F05", "#029E73", "#CC78BC", "#CA9161", "#000000",
                           "#FFFFFF", "#ffffff", "#000"}, f"{page}: colours {colours}"
    html_path = outdir / "book" / level_of(number) / f"{folder.name}.html"
    html = html_path.read_text(encoding="utf-8")
    assert f'id="ex-{number:02d}"' in html
    heading = re.search(r"<h1>(.*?)<a class=\"headerlink\"", html, re.S)
    assert heading and html_text(heading.group(1)) == f"Example {number}: {OUTLINE[number]}"
    if "abe-not-executed" in html:
        assert "was not executed in this build" in html_text(html)
    else:
        assert "generated by the build" in html


def test_anchors_are_unique_and_only_on_example_pages() -> None:
    seen: dict[str, Path] = {}
    for page in sorted((ROOT / "book").rglob("*.md")):
        for label in re.findall(r"^\((ex-\d+)\)=$", page.read_text(encoding="utf-8"), re.M):
            assert label not in seen, f"anchor {label} in {seen.get(label)} and {page}"
            seen[label] = page
            assert page.stem.startswith(label.replace("-", "")), f"{page} carries {label}"


def test_example_6_shows_the_real_create_table(
        built: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, outdir = built
    text = html_text((outdir / "book/beginner/ex06-create-table.html").read_text("utf-8"))
    assert "CREATE TABLE users (" in text
    assert "email VARCHAR(255) NOT NULL," in text
    assert "Running upgrade  -> 0001, create users table" in text
    assert '"pk_users" PRIMARY KEY, btree (id)' in text  # psql's \d, from the server


@pytest.mark.skipif(not os.environ.get("ABE_TEST_EXTERNAL_URL"),
                    reason="set ABE_TEST_EXTERNAL_URL to an admin URL of a PostgreSQL server")
def test_strict_build_on_external_server_executes_every_example(
        tmp_path: Path) -> None:
    proc = sphinx_build(tmp_path / "html", ABE_DATABASE_URL=os.environ["ABE_TEST_EXTERNAL_URL"],
                        ABE_STRICT="1")
    assert proc.returncode == 0, proc.stderr[-5000:]
    summary = [line for line in proc.stdout.splitlines() if line.startswith("abe: ")][-1]
    assert " 0 failed, 0 not executed" in summary, summary
    assert "(external)" in summary


def test_second_clean_build_serial_is_byte_identical(
        built: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path) -> None:
    """Every example executed again, one at a time, into another folder: every example page is
    byte-for-byte the one the first (parallel) build wrote."""
    _, first = built
    proc = sphinx_build(tmp_path / "html", ABE_CACHE_DIR=str(tmp_path / "cache"),
                        ABE_JOBS="1")
    assert proc.returncode == 0, proc.stderr[-3000:]
    pages = sorted(first.glob("book/*/ex[0-9][0-9]-*.html"))
    assert len(pages) == len(OUTLINE)
    for page in pages:
        again = tmp_path / "html" / page.relative_to(first)
        assert page.read_bytes() == again.read_bytes(), f"{page.relative_to(first)} differs"
