"""`python -m abe reproduce`: a reader's run of an example, compared with what its page shows.

Each test plants a fixture example and runs the real command in a subprocess, as an author or CI
does: one whose output follows the hash seed must fail with its step named; a faithful one, with
a generated (unpinned) revision id, must pass."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from abe.reproduce import pinned_rev_id
from conftest import ROOT, Book

#: Ten strings printed in set order: that order follows PYTHONHASHSEED, which the build pins.
HASH_ORDER = """\
    print(" ".join({"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
                    "iota", "kappa"}))
    """


def reproduce(book: Book, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ABE_")}
    env.update(ABE_CACHE_DIR=str(book.cache_dir), PYTHONPATH=str(ROOT / "ext"))
    return subprocess.run([sys.executable, "-m", "abe", "reproduce", *args], cwd=book.root,
                          env=env, capture_output=True, text=True, timeout=300)


def test_output_in_hash_order_fails_naming_the_step(book: Book) -> None:
    book.example("ex01-hash-order", """\
        [[step]]
        run = "alembic upgrade head"

        [[step]]
        run = "python show.py"
        """, files={"show.py": HASH_ORDER})
    result = reproduce(book, "ex01-hash-order", "--runs", "1", "--seed", "12345")
    assert result.returncode == 1, result.stdout + result.stderr
    assert ("FAILED ex01-hash-order: step 2 `python show.py` (PYTHONHASHSEED=12345): output "
            "differs from the page\n--- the page shows\n+++ a reader's shell prints\n"
            ) in result.stderr
    assert "0 reproduced, 1 failed" in result.stdout


def test_the_same_output_sorted_reproduces(book: Book) -> None:
    book.example("ex01-sorted", """\
        [[step]]
        run = "python show.py"
        """, files={"show.py": HASH_ORDER.replace('print(" ".join({', 'print(" ".join(sorted({')
                    .replace('}))', '})))')})
    result = reproduce(book, "ex01-sorted", "--runs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 reproduced, 0 failed" in result.stdout


def test_faithful_example_with_a_generated_revision_reproduces(book: Book) -> None:
    """`alembic revision` draws a random id in a reader's shell; the comparison maps it to the
    one the build derived (the front matter's rule), in the output and in later steps' output,
    and the same for the file's Create Date."""
    book.example("ex01-faithful", """\
        [[step]]
        run = "alembic upgrade head"

        [[step]]
        run = "alembic revision -m 'add gadgets'"

        [[step]]
        run = "alembic history --verbose"

        [[step]]
        run = "alembic upgrade head"

        [[step]]
        run = "alembic current"
        """)
    result = reproduce(book, "ex01-faithful", "--runs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 reproduced, 0 failed" in result.stdout


def test_a_step_that_needs_the_pinned_id_fails_for_a_reader(book: Book) -> None:
    """The Example 17 defect: a later command names the id only the build's pinning gives."""
    slug = "ex01-pinned"
    pinned = pinned_rev_id(slug, 1)
    book.example(slug, f"""\
        [[step]]
        run = "alembic upgrade head"

        [[step]]
        run = "alembic revision -m 'add gadgets'"

        [[step]]
        run = "alembic upgrade {pinned}"
        """)
    result = reproduce(book, slug, "--runs", "1")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"FAILED {slug}: step 3 `alembic upgrade {pinned}`" in result.stderr
    assert "exit status 255, the page shows 0" in result.stderr


#: The examples reproduced on the external server: every fifth. On that server the page's
#: results are the strict build's (test_book), and what a reader's run there adds to the full run
#: on the embedded server is the other server's spelling of URLs, versions and messages.
EXTERNAL_SAMPLE = sorted(p.name for p in (ROOT / "examples").glob("ex[0-9][0-9]-*")
                         )[::5]


@pytest.mark.parametrize("server", ["embedded", "external"])
def test_every_example_reproduces_as_a_reader_runs_it(server: str) -> None:
    """The book's promise, checked on all 85 on the embedded server: each page's output is what
    a reader's shell prints (one run each, with a random hash seed). What the page shows is the
    build's result from the project's results cache, as `nox -s html` left it (an example with
    no stored result is executed first). The external run is on the machine's PostgreSQL that
    CI names in ABE_TEST_EXTERNAL_URL, for :data:`EXTERNAL_SAMPLE`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ABE_")}
    env.update(PYTHONPATH=str(ROOT / "ext"))
    examples: list[str] = []
    if server == "external":
        url = os.environ.get("ABE_TEST_EXTERNAL_URL", "")
        if not url:
            pytest.skip("ABE_TEST_EXTERNAL_URL is not set (CI sets it)")
        env["ABE_DATABASE_URL"] = url
        examples = EXTERNAL_SAMPLE
    proc = subprocess.run([sys.executable, "-m", "abe", "reproduce", "--runs", "1", *examples],
                          cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=1500)
    assert proc.returncode == 0, proc.stderr[-8000:]
    summary = re.search(r"^(\d+) reproduced, (\d+) failed, (\d+) not compared", proc.stdout,
                        re.M)
    assert summary, proc.stdout[-3000:]
    reproduced, failed, not_compared = map(int, summary.groups())
    assert failed == 0 and reproduced + not_compared == len(examples or list(
        (ROOT / "examples").glob("ex[0-9][0-9]-*"))), proc.stdout[-3000:]
    # only an example the server cannot run goes uncompared, never one whose build failed
    for line in re.findall(r"^not compared: .*$", proc.stdout, re.M):
        assert "the build's own run skipped" in line, line
