"""The editions as a reader gets them: the HTML in a real (headless) Chromium with the network
blocked, and the PDF through poppler's pdftotext, pdfinfo and pdftoppm."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from abe import SPHINX_JOBS
from conftest import ROOT
from test_book import OUTLINE, sphinx_build

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDF_TOOLS = ["latexmk", "pdflatex", "pdftotext", "pdfinfo", "pdftoppm", "chromium"]


def need(tools: list[str]) -> None:
    """Skip where an author lacks a system tool; in CI a missing tool is a failure."""
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        message = f"missing system tools: {', '.join(missing)} (see README: the PDF edition)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


# --- HTML in a browser ------------------------------------------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The HTML edition served from its folder on 127.0.0.1 (a static server, no network)."""
    need(["chromium"])
    outdir = tmp_path_factory.mktemp("site") / "html"
    proc = sphinx_build(outdir)
    assert proc.returncode == 0, proc.stderr[-3000:]
    handler = functools.partial(QuietHandler, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def browser_page(site: str) -> Iterator[tuple[object, list[str]]]:
    from playwright.sync_api import sync_playwright

    escaped: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        context = browser.new_context(viewport={"width": 1100, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)

        def guard(route: object) -> None:
            url = route.request.url  # type: ignore[attr-defined]
            if url.startswith(site):
                route.continue_()  # type: ignore[attr-defined]
            else:
                escaped.append(url)
                route.abort()  # type: ignore[attr-defined]

        context.route("**/*", guard)
        page = context.new_page()
        yield page, escaped
        browser.close()


def test_mermaid_diagram_renders_offline_as_svg(browser_page: tuple[object, list[str]],
                                               site: str) -> None:
    page, escaped = browser_page
    page.goto(f"{site}/book/beginner/ex05-upgrade-downgrade.html")  # type: ignore[attr-defined]
    page.wait_for_selector("body[data-mermaid-rendered]", timeout=20000)  # type: ignore
    svg = page.locator("pre.mermaid svg")  # type: ignore[attr-defined]
    assert svg.count() == 1
    assert "0002 add sku (head)" in (svg.first.text_content() or "")
    assert escaped == [], f"requests left the page: {escaped}"


def test_copy_button_copies_the_command_without_prompt(browser_page: tuple[object, list[str]],
                                                        site: str) -> None:
    page, escaped = browser_page
    page.goto(f"{site}/book/beginner/ex06-create-table.html")  # type: ignore[attr-defined]
    command = page.locator("div.abe-command").first  # type: ignore[attr-defined]
    command.hover()
    command.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")  # type: ignore[attr-defined]
    assert copied == "alembic upgrade head"
    # generated listings have no copy button at all
    assert page.locator("div.abe-generated button.copybtn").count() == 0  # type: ignore
    # annotated files copy as the file: valid Python, notes included
    revision = page.locator("div.abe-file").filter(  # type: ignore[attr-defined]
        has_text='revision: str = "0001"').first
    revision.hover()
    revision.locator("button.copybtn").click()
    source = page.evaluate("navigator.clipboard.readText()")  # type: ignore[attr-defined]
    compile(source, "0001_create_users.py", "exec")
    assert "# => `email VARCHAR(255) NOT NULL`" in source
    assert escaped == []


def test_example_anchor_scrolls_to_its_heading(browser_page: tuple[object, list[str]],
                                               site: str) -> None:
    page, escaped = browser_page
    page.goto(f"{site}/book/beginner/ex22-uuid-columns.html#ex-22")  # type: ignore[attr-defined]
    heading = page.locator("#ex-22 > h1")  # type: ignore[attr-defined]
    assert heading.inner_text().startswith(f"Example 22: {OUTLINE[22]}")
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 200, box
    # the heading offers a link a reader can copy
    assert heading.locator("a.headerlink").get_attribute("href") == "#ex-22"
    assert escaped == []


# --- PDF ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need(PDF_TOOLS)
    outdir = tmp_path_factory.mktemp("latex")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ABE_")}
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "--no-color", "-b", "latex", "-W", "--keep-going",
         "-j", SPHINX_JOBS, str(ROOT), str(outdir)],
        capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    latex = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error",
         "alembic-by-example.tex"], capture_output=True, text=True, cwd=outdir)
    assert latex.returncode == 0, latex.stdout[-3000:]
    return outdir / "alembic-by-example.pdf"


def test_pdf_has_every_example_and_its_destination(pdf: Path) -> None:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = re.sub(r"\s+", " ", text)
    for number, title in OUTLINE.items():
        assert f"Example {number}: {title}" in flat, f"Example {number} missing from the PDF"
    assert "SQL sent to PostgreSQL" in flat and "generated by the build" in flat
    assert "CREATE TABLE users (" in text
    dests = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    for number in OUTLINE:
        assert f'"ex-{number:02d}"' in dests, f"no PDF destination ex-{number:02d}"


def _ppm_pixels(data: bytes) -> tuple[int, int, bytes]:
    fields = re.match(rb"P6\s+(\d+)\s+(\d+)\s+255\s", data)
    assert fields, "not a binary PPM"
    return int(fields.group(1)), int(fields.group(2)), data[fields.end():]


def test_pdf_diagram_is_drawn_in_the_palette(pdf: Path) -> None:
    """Example 5's page with its diagram, rasterised: the palette's blue is really drawn."""
    dests = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    page = int(re.search(r'^\s*(\d+) .*"ex-05"', dests, re.M).group(1))  # type: ignore[union-attr]
    found = 0
    for candidate in (page, page + 1):
        ppm = subprocess.run(["pdftoppm", "-f", str(candidate), "-l", str(candidate), "-r", "40",
                              str(pdf)], capture_output=True, check=True).stdout
        _w, _h, pixels = _ppm_pixels(ppm)
        for i in range(0, len(pixels) - 2, 3):
            r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
            if abs(r - 1) < 20 and abs(g - 115) < 20 and abs(b - 178) < 20:
                found += 1
    assert found > 200, "the blue #0173B2 of the Mermaid diagram is not on the page"
