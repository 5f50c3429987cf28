"""The editions as a reader gets them: the HTML in a real (headless) Chromium with the network
blocked, and the PDF through poppler's pdftotext, pdfinfo and pdftoppm."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pdf_pages
import pytest
from conftest import ROOT, sphinx_build
from test_book import OUTLINE

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDF_TOOLS = ["latexmk", "pdflatex", "pdftotext", "pdfinfo", "pdftoppm", "pdftohtml", "chromium"]


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
def site(full_book: tuple[subprocess.CompletedProcess[str], Path]) -> Iterator[str]:
    """The HTML edition served from its folder on 127.0.0.1 (a static server, no network); it
    was built with no Node, npm or browser on PATH (conftest's ``full_book``): the book needs
    Python and nothing else."""
    need(["chromium"])
    proc, outdir = full_book
    assert proc.returncode == 0, proc.stderr[-3000:]
    handler = functools.partial(QuietHandler, directory=str(outdir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_html_edition_builds_with_python_alone(
        full_book: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    """`nox -s html`'s build with no node, npm, npx, chromium or mmdc on PATH (conftest's
    ``python_only_path`` checks that none is reachable) succeeds and draws its diagrams."""
    proc, outdir = full_book
    assert proc.returncode == 0, proc.stderr[-3000:]
    page = (outdir / "book/beginner/ex06-create-table.html").read_text(encoding="utf-8")
    assert "<svg" in page and "mermaid.min.js" not in page


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


@pytest.fixture
def open_page(site: str) -> Iterator[object]:
    """``open_page(path, color_scheme=, theme=, width=, javascript=)``: a page in a fresh browser
    context (the OS colour scheme, furo's stored theme choice, the viewport width), with every
    request outside the local server blocked and recorded in ``open_page.escaped``."""
    from playwright.sync_api import sync_playwright

    escaped: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])

        def guard(route: object) -> None:
            url = route.request.url  # type: ignore[attr-defined]
            if url.startswith(site):
                route.continue_()  # type: ignore[attr-defined]
            else:
                escaped.append(url)
                route.abort()  # type: ignore[attr-defined]

        def opener(path: str, color_scheme: str = "light", theme: str = "",
                   width: int = 1280, javascript: bool = True) -> object:
            context = browser.new_context(viewport={"width": width, "height": 900},
                                          color_scheme=color_scheme,  # type: ignore[arg-type]
                                          java_script_enabled=javascript)
            context.route("**/*", guard)
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
            if theme:  # what furo's toggle stores
                context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
            page = context.new_page()
            page.goto(f"{site}/{path}")
            return page

        opener.escaped = escaped  # type: ignore[attr-defined]
        yield opener
        browser.close()


#: The WCAG contrast of every text run inside our listings and their captions, against the
#: background really behind it (the first ancestor with an opaque background).
CONTRAST_JS = """
(selector) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const el = node.parentElement;
      const fg = rgb(getComputedStyle(el).color).slice(0, 3);
      const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
      out.push({text: node.textContent.trim().slice(0, 40), ratio: (a + 0.05) / (b + 0.05),
                fg: getComputedStyle(el).color, cls: el.className});
    }
  }
  return out;
}
"""

OUR_TEXT = ("div.abe-output pre, div.abe-sql pre, div.abe-file pre, div.abe-command pre, "
            "div.abe-schema pre, div.abe-file-wrapper .code-block-caption, "
            "div.literal-block-wrapper:has(.abe-generated) .code-block-caption")


@pytest.mark.parametrize(("color_scheme", "theme"), [
    ("light", "light"), ("dark", "dark"), ("dark", "auto"), ("light", "auto"),
    ("light", "dark"), ("dark", "light")])
def test_listings_are_readable_in_every_mode(open_page: object, color_scheme: str,
                                             theme: str) -> None:
    """furo's explicit light and dark choices, and its default "auto" under a light and a dark
    OS: every text run of our listings has a contrast of at least 4.5:1 (WCAG AA)."""
    page = open_page("book/advanced/ex67-concurrent-index.html",  # type: ignore[operator]
                     color_scheme=color_scheme, theme=theme)
    runs = page.evaluate(CONTRAST_JS, OUR_TEXT)
    assert len(runs) > 100, "no listing text found"
    for selector in ("div.abe-output pre", "div.abe-sql pre"):
        assert page.locator(selector).count() > 0, selector
    low = [r for r in runs if r["ratio"] < 4.5]
    assert not low, f"{len(low)} text runs below 4.5:1, e.g. {low[:5]}"
    assert open_page.escaped == []  # type: ignore[attr-defined]


def test_the_execution_report_fits_the_page_at_1280(open_page: object) -> None:
    """The report's table is compact enough for furo's column: the page is no wider than the
    window (it was 1935 px at 1280 before the report dropped its constant columns)."""
    page = open_page("book/appendix/execution-report.html")  # type: ignore[operator]
    assert page.locator("table.abe-report tbody tr").count() == len(OUTLINE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 1280, f"the execution report is {width} px wide at 1280"
    table = page.evaluate("document.querySelector('table.abe-report').scrollWidth")
    column = page.evaluate("document.querySelector('article').clientWidth")
    assert table <= column, f"the report's table ({table} px) overflows its column ({column} px)"


def test_no_listing_text_is_clipped_at_1280(open_page: object) -> None:
    """Example 67 at 1280 px: no listing scrolls sideways, so no text is out of view (the
    point of the example, "cannot run inside a transaction block", included)."""
    page = open_page("book/advanced/ex67-concurrent-index.html")  # type: ignore[operator]
    clipped = page.evaluate("""() => [...document.querySelectorAll('article pre')]
        .filter((pre) => pre.scrollWidth > pre.clientWidth + 1)
        .map((pre) => pre.textContent.slice(0, 60))""")
    assert page.locator("article pre").count() > 20
    assert clipped == [], f"{len(clipped)} listings cut off, e.g. {clipped[:3]}"
    phrase = page.get_by_text("cannot run inside a transaction block").first
    box = phrase.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 1280, box


# --- axe-core on three example pages -------------------------------------------------------------

AXE_PAGES = ["book/beginner/ex06-create-table.html", "book/intermediate/ex38-merge-branches.html",
             "book/advanced/ex67-concurrent-index.html"]

#: Where furo's or Sphinx's own markup broke an axe rule and our templates (book/_templates/)
#: rewrite it: a violation of the rule inside that markup is then ours (the override failed, or
#: furo's markup changed under it). Before the overrides, on each of the three pages:
#: aria-required-attr (critical) on the 2 sidebar captions, Sphinx's <p role="heading"> without
#: aria-level; landmark-unique on furo's two unnamed <aside>s; region on "View this page", which
#: sits outside every landmark.
OVERRIDDEN = {
    "aria-required-attr": ".sidebar-tree p.caption",  # sidebar/navigation.html: aria-level
    "landmark-unique": "aside.sidebar-drawer, aside.toc-drawer",  # page.html: aria-label
    "region": "div.content-icon-container",  # page.html: a named region
}

#: axe-core run on the page with every fold opened (a closed <details> hides its listings from
#: axe), and, for each violating node, the facts that say whose markup it is.
AXE_JS = """
async (overridden) => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.flatMap((v) => v.nodes.map((node) => {
    const selector = node.target[node.target.length - 1];
    const el = document.querySelector(selector);
    return {
      rule: v.id, impact: v.impact, selector, html: node.html.slice(0, 120),
      abe: el.closest('[class*="abe-"]') !== null,
      plain_highlight: el.closest("div.highlight") !== null,
      article: el.closest("article#furo-main-content") !== null,
      overridden: overridden[v.id] !== undefined && el.closest(overridden[v.id]) !== null,
    };
  }));
}
"""


@functools.cache
def axe_script() -> str:
    """axe-core as axe-playwright-python bundles it (axe.min.js 4.12.1), read from disk and
    evaluated in the page: nothing is fetched."""
    from axe_playwright_python.base import AXE_FILE_PATH

    return AXE_FILE_PATH.read_text(encoding="utf-8")


def whose(node: dict[str, object]) -> str:
    """"ours" or "theme" for one violating node, by where it is in the page."""
    if node["abe"]:  # every block ext/abe writes (listings, captions, folds, diagrams, the
        return "ours"  # report) carries an abe- class, and abe.css styles them
    if node["overridden"]:  # furo's or Sphinx's markup that our templates rewrite
        return "ours"
    if node["plain_highlight"]:  # a plain Sphinx code block: furo's Pygments colours and CSS
        return "theme"
    if node["article"]:  # the chapter's own text: our Markdown, as MyST and Sphinx render it
        return "ours"
    return "theme"  # furo's chrome: sidebar, search, header, "On this page", footer, buttons


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_violation_of_ours(open_page: object, path: str, color_scheme: str,
                                        width: int) -> None:
    """axe-core on Examples 6, 38 and 67 in furo's default "auto" mode under a light and a dark
    OS, on a desktop and a phone, folds opened: no violation in our markup or CSS (colour
    contrast, scrollable blocks a keyboard cannot reach, links inside a fold's summary ...).
    The theme's own violations are printed, and are in the message if ours fail."""
    page = open_page(path, color_scheme=color_scheme, width=width)  # type: ignore[operator]
    page.evaluate(axe_script())
    nodes = page.evaluate(AXE_JS, OVERRIDDEN)
    ours = [n for n in nodes if whose(n) == "ours"]
    theme = [n for n in nodes if whose(n) == "theme"]
    theirs = sorted(f"{n['rule']} ({n['impact']}): {n['selector']}" for n in theme)
    print(f"\n{path} {color_scheme} {width}px: the theme's axe violations: {theirs or 'none'}")
    assert page.locator("article div.abe-output").count() > 0  # the page really is an example
    assert not ours, (f"{len(ours)} axe violations of ours: "
                      + "; ".join(f"{n['rule']} ({n['impact']}) {n['selector']}: {n['html']}"
                                  for n in ours)
                      + f" -- the theme's: {theirs}")
    assert open_page.escaped == []  # type: ignore[attr-defined]


#: Per node of a diagram: the contrast of its label's text on the node's fill; per edge: the
#: contrast of its stroke on the background behind the drawing.
DIAGRAM_JS = """
() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number).slice(0, 3);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p);
                            return (a + 0.05) / (b + 0.05); };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = (getComputedStyle(el).backgroundColor.match(/[\\d.]+/g) || []).map(Number);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const nodes = [], edges = [];
  for (const node of document.querySelectorAll("div.abe-diagram svg g.node")) {
    const shape = node.querySelector("rect, polygon, path, circle");
    const fill = rgb(getComputedStyle(shape).fill);
    for (const el of node.querySelectorAll(".label *")) {
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      const colour = rgb(getComputedStyle(el).color);
      nodes.push({text: el.textContent.trim(), ratio: ratio(colour, fill)});
    }
  }
  for (const svg of document.querySelectorAll("div.abe-diagram svg")) {
    const behind = background(svg.parentElement);
    for (const path of svg.querySelectorAll("path.flowchart-link")) {
      edges.push(ratio(rgb(getComputedStyle(path).stroke), behind));
    }
  }
  return {nodes, edges};
}
"""


@pytest.mark.parametrize(("color_scheme", "theme"), [("light", "auto"), ("dark", "auto"),
                                                     ("light", "dark")])
def test_diagram_is_svg_without_javascript(open_page: object, color_scheme: str,
                                           theme: str) -> None:
    """The diagram is in the page as SVG (drawn by the build: no script, JavaScript off), its
    node text readable (>= 4.5:1 on the node's fill) and its edges visible (>= 3:1, WCAG's
    non-text contrast) in light, dark and auto mode."""
    page = open_page("book/beginner/ex05-upgrade-downgrade.html",  # type: ignore[operator]
                     color_scheme=color_scheme, theme=theme, javascript=False)
    svg = page.locator("div.abe-diagram svg")
    assert svg.count() == 1
    assert "0002 add sku (head)" in (svg.first.text_content() or "")
    assert page.locator("pre.mermaid").count() == 0, "raw Mermaid source on the page"
    assert page.locator("script[src*=mermaid]").count() == 0
    measured = page.evaluate(DIAGRAM_JS)
    assert len(measured["nodes"]) >= 3 and len(measured["edges"]) >= 2, measured
    low = [n for n in measured["nodes"] if n["ratio"] < 4.5]
    assert not low, f"node text below 4.5:1: {low}"
    assert min(measured["edges"]) >= 3, f"edges hard to see: {measured['edges']}"
    assert open_page.escaped == []  # type: ignore[attr-defined]


def test_every_diagram_class_is_readable() -> None:
    """Every node class the book's diagrams define (classDef fill/color): text >= 4.5:1 on the
    fill (the browser test measures what is drawn, on Example 5)."""
    def lum(hex_colour: str) -> float:
        value = hex_colour.lstrip("#")
        if len(value) == 3:
            value = "".join(c * 2 for c in value)
        channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        f = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * f[0] + 0.7152 * f[1] + 0.0722 * f[2]

    checked = 0
    for source in sorted((ROOT / "book").rglob("*.md")):
        for fill, colour in re.findall(r"classDef \w+ fill:(#[0-9A-Fa-f]{3,6}),.*?"
                                       r"color:(#[0-9A-Fa-f]{3,6})", source.read_text()):
            a, b = sorted([lum(fill), lum(colour)], reverse=True)
            assert (a + 0.05) / (b + 0.05) >= 4.5, f"{source}: {colour} on {fill}"
            checked += 1
    assert checked > 50


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


@pytest.mark.parametrize("path", ["book/beginner/ex06-create-table.html",
                                  "book/intermediate/ex38-merge-branches.html",
                                  "book/advanced/ex67-concurrent-index.html"])
def test_example_page_weighs_at_most_300_kb_and_has_a_favicon(open_page: object,
                                                              path: str) -> None:
    """HTML + CSS + JS of an example page (search excluded), as the browser decoded them."""
    page = open_page(path)  # type: ignore[operator]
    page.wait_for_load_state("load")
    total = page.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0].decodedBodySize;
        return nav + performance.getEntriesByType('resource')
          .filter((r) => /\\.(css|js)(\\?|$)/.test(r.name) && !/search/.test(r.name))
          .reduce((sum, r) => sum + r.decodedBodySize, 0);
    }""")
    assert 20_000 < total <= 300_000, f"{path}: {total} bytes"
    icon = page.locator("link[rel~=icon]").first.get_attribute("href")
    assert icon, "no favicon link"
    response = page.request.get(page.url.rsplit("/", 1)[0] + "/" + icon)
    assert response.status == 200, icon


def test_standard_files_are_folded_after_the_example_s_own(open_page: object) -> None:
    """Example 6: alembic.ini and env.py are the standard files: each is one line that says so
    and links to the example teaching it, right over a closed fold that names the file, after
    the example's own revision; opened, the fold holds the whole file and copies it byte for
    byte. (The link is outside the fold's summary: a summary is a button, see the axe test.)"""
    page = open_page("book/beginner/ex06-create-table.html")  # type: ignore[operator]
    folds = page.locator("details.abe-standard")
    notes = page.locator("p.abe-standard-note")
    said = [notes.nth(i).inner_text() for i in range(notes.count())]
    assert any(s.startswith("alembic.ini is the book's standard file") for s in said), said
    assert any(s.startswith("migrations/env.py is the book's standard file") for s in said)
    links = [notes.nth(i).locator("a").get_attribute("href") for i in range(notes.count())]
    assert any(link and link.endswith("ex02-alembic-ini.html#ex-02") for link in links), links
    assert page.locator("p.abe-standard-note + details.abe-standard").count() == folds.count()
    assert folds.count() == notes.count() >= 2
    summaries = [folds.nth(i).locator("summary").inner_text() for i in range(folds.count())]
    assert {"Show alembic.ini", "Show migrations/env.py"} <= set(summaries), summaries
    assert all(not folds.nth(i).evaluate("d => d.open") for i in range(folds.count()))
    # the example's own file comes first, open
    files = page.locator("div.abe-file-wrapper")
    assert "versions/0001" in files.first.inner_text()
    assert files.first.is_visible()
    env = folds.filter(has=page.locator("summary", has_text="migrations/env.py")).first
    env.locator("summary").click()
    block = env.locator("div.abe-file").first
    block.hover()
    block.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    standard = (ROOT / "examples/_standard/migrations/env.py").read_text()
    assert copied.rstrip("\n") == standard.rstrip("\n")


def test_search_finds_the_topic_not_the_boilerplate(open_page: object) -> None:
    """Search for "autogenerate": the standard env.py's comments mention it on every page, and
    are no longer indexed there (they are, once, in the appendix), so the examples about
    autogenerate come first and the pages that only had it in env.py are not results."""
    page = open_page("search.html?q=autogenerate")  # type: ignore[operator]
    # Sphinx adds results one by one and ends with "Search finished, found N pages ...": read
    # them only then, or the list is a prefix of the results
    page.wait_for_function("document.querySelector('#search-results p.search-summary') !== null"
                           " && document.querySelector('#search-results p.search-summary')"
                           ".textContent.includes('Search finished')", timeout=60000)
    results = page.locator("ul.search li a").evaluate_all("as => as.map(a => a.href)")
    pages = [r.split("/")[-1].split(".html")[0] for r in results]
    topical = {"ex17-autogenerate-basics", "ex31-autogenerate", "ex32-autogenerate-limitations"}
    assert topical <= set(pages[:4]), pages[:8]
    # 89 pages before standard files left the index; env.py is on 61 example pages
    assert 10 < len(pages) < 60, f"{len(pages)} pages match 'autogenerate'"


# --- PDF ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need(PDF_TOOLS)
    outdir = tmp_path_factory.mktemp("latex")
    proc = sphinx_build(outdir, "latex")
    assert proc.returncode == 0, proc.stderr[-3000:]
    latex = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error",
         "alembic-by-example.tex"], capture_output=True, text=True, cwd=outdir)
    assert latex.returncode == 0, latex.stdout[-3000:]
    return outdir / "alembic-by-example.pdf"


def test_pdf_has_every_example_and_its_destination(pdf: Path) -> None:
    text = pdf_pages.pdf_text(pdf)
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


def test_pdf_front_matter_comes_before_the_examples(pdf: Path) -> None:
    """Headings stand alone on their line (contents lines end with a page number)."""
    text = pdf_pages.pdf_text(pdf)

    def heading(title: str) -> int:
        # a chapter heading is set in capitals by the LaTeX chapter style ("WHAT YOU NEED")
        match = re.search(rf"^\s*{re.escape(title)}\s*$", text, re.M | re.I)
        assert match, f"no heading {title!r}"
        return match.start()

    first = heading(f"Example 1: {OUTLINE[1]}")
    for title in ("What you need", "How to run an example", "How the listings are made"):
        assert heading(title) < first, f"{title!r} comes after Example 1"


def report_lines(tex: str) -> tuple[int, int]:
    """The first and last line of the execution report's chapter in the LaTeX source."""
    lines = tex.splitlines()
    start = next(i for i, line in enumerate(lines, 1)
                 if line.startswith(r"\chapter{Execution report}"))
    end = next(i for i, line in enumerate(lines, 1)
               if i > start and line.startswith(r"\chapter{"))
    return start, end - 1


def overfull_lines(log: str, start: int, end: int) -> list[str]:
    """The "Overfull \\hbox" messages LaTeX gave for source lines start..end."""
    return [m.group(0) for m in re.finditer(r"Overfull \\hbox .*? at lines? (\d+)", log)
            if start <= int(m.group(1)) <= end]


def test_overfull_lines_are_found_by_their_source_lines() -> None:
    log = ("Overfull \\hbox (12.0pt too wide) in paragraph at lines 10--12\n"
           "Overfull \\hbox (3.0pt too wide) in alignment at lines 40--90\n"
           "Overfull \\hbox (1.0pt too wide) detected at line 95\n")
    assert len(overfull_lines(log, 30, 100)) == 2
    assert len(overfull_lines(log, 1, 20)) == 1


def test_pdf_execution_report_fits_the_page(pdf: Path) -> None:
    """No overfull line in the report's chapter (936 before it became compact), no
    "Post-greSQL" split over two lines, and every example's name whole."""
    tex = (pdf.parent / "alembic-by-example.tex").read_text(encoding="utf-8")
    log = (pdf.parent / "alembic-by-example.log").read_text(encoding="utf-8", errors="replace")
    start, end = report_lines(tex)
    overfull = overfull_lines(log, start, end)
    assert overfull == [], f"{len(overfull)} overfull lines in the report, e.g. {overfull[:3]}"
    pages = pdf_pages.pdf_text(pdf, layout=False).split("\f")
    first = next(i for i, p in enumerate(pages) if p.lstrip().startswith("EXECUTION REPORT"))
    last = next(i for i, p in enumerate(pages)
                if i > first and "INDEX OF OPERATIONS" in p[:200])
    text = "\n".join(pages[first:last])
    assert not re.search(r"Post-\s+greSQL|Post-\n", text), "PostgreSQL hyphenated in the report"
    slugs = sorted(p.name for p in (ROOT / "examples").glob("ex[0-9][0-9]-*"))
    cut = [slug for slug in slugs if slug not in text]
    assert len(slugs) == len(OUTLINE) and cut == [], f"names cut in the PDF report: {cut[:5]}"


def test_pdf_has_no_section_numbers_and_unique_listing_numbers(pdf: Path) -> None:
    text = pdf_pages.pdf_text(pdf)
    numbered = re.findall(r"^\s*\d+\.\d+(?:\.\d+)*\s+Example \d+", text, re.M)
    assert numbered == [], f"section numbers on examples: {numbered[:5]}"
    listings = re.findall(r"Listing (\d+(?:\.\d+)?):", text)
    assert len(listings) > 500
    repeated = sorted({n for n in listings if listings.count(n) > 1})
    assert repeated == [], f"{len(repeated)} listing numbers repeat, e.g. {repeated[:5]}"


def test_pdf_diagram_node_text_is_white_on_blue(pdf: Path) -> None:
    """Example 5's diagram, rasterised at 100 dpi: inside the blue nodes (between blue pixels of
    one row) the label is drawn white, not the grey (#ababab, 2.23:1) mermaid-cli printed."""
    dests = subprocess.run(["pdfinfo", "-dests", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    page = int(re.search(r'^\s*(\d+) .*"ex-05"', dests, re.M).group(1))  # type: ignore[union-attr]
    white = grey = 0
    for candidate in (page, page + 1):
        ppm = subprocess.run(["pdftoppm", "-f", str(candidate), "-l", str(candidate), "-r", "100",
                              str(pdf)], capture_output=True, check=True).stdout
        width, height, pixels = _ppm_pixels(ppm)
        for y in range(height):
            row = pixels[y * width * 3:(y + 1) * width * 3]
            colours = [tuple(row[i:i + 3]) for i in range(0, len(row), 3)]
            blue = [abs(r - 1) < 25 and abs(g - 115) < 25 and abs(b - 178) < 25
                    for r, g, b in colours]
            last = None
            for x, is_blue in enumerate(blue):
                if not is_blue:
                    continue
                if last is not None and 1 < x - last < 30:  # a gap inside one blue node
                    for r, g, b in colours[last + 1:x]:
                        if min(r, g, b) > 235:
                            white += 1
                        elif max(r, g, b) - min(r, g, b) < 12 and 140 < r < 200:
                            grey += 1
                last = x
    assert white > 100, f"no white label text inside blue nodes ({white} pixels)"
    assert grey < white / 20, f"grey label text inside blue nodes: {grey} vs {white} white"


def test_schema_panel_marks_changes_in_green_and_red_in_dark_auto(open_page: object) -> None:
    """Example 18's panel under its `alembic upgrade`: the altered column is one "~" row (old →
    new), every text run of the panels reads at 4.5:1 or more with furo on "auto" and a dark OS,
    and added / removed text is green / red, not only marked by the leading symbol."""
    page = open_page("book/beginner/ex18-alter-column.html",  # type: ignore[operator]
                     color_scheme="dark", theme="auto")
    panels = page.locator("details.abe-schema-change div.abe-schema pre")
    texts = [panels.nth(i).text_content() for i in range(panels.count())]
    assert any("~ column price: character varying(20) → numeric(10,2) NOT NULL" in t
               for t in texts), texts[:3]
    runs = page.evaluate(CONTRAST_JS, "div.abe-schema pre")
    low = [r for r in runs if r["ratio"] < 4.5]
    assert not low, f"{len(low)} text runs below 4.5:1, e.g. {low[:5]}"
    colours = {r["cls"]: r["fg"] for r in runs}
    added = [int(v) for v in re.findall(r"\d+", colours["gi gi-Abe"])[:3]]
    removed = [int(v) for v in re.findall(r"\d+", colours["gd gd-Abe"])[:3]]
    assert added[1] > added[0] + 60 and added[1] > added[2] + 60, f"added is not green: {added}"
    assert removed[0] > removed[1] + 60 and removed[0] > removed[2] + 60, \
        f"removed is not red: {removed}"


def test_pdf_has_the_schema_panel_with_its_markers(pdf: Path) -> None:
    """The PDF shows Example 18's schema panel as a titled block (not HTML-only any more)."""
    flat = re.sub(r"\s+", " ", pdf_pages.pdf_text(pdf))
    assert "Schema before → after this step, read from the catalog by the build" in flat
    assert "~ column price: character varying(20) → numeric(10,2) NOT NULL" in flat


def test_pdf_no_example_page_is_left_near_empty_by_a_diagram(pdf: Path) -> None:
    """A diagram sits in the text flow at most 0.38 of the page high: one that does not fit
    on a page moves to the next one and leaves less than 40% of the text area empty (as a
    floating or unbounded diagram did on 7 example pages, pages 35, 82, 130, ...)."""
    measured = pdf_pages.pages(pdf, pdf_pages.example_pages(pdf))
    assert len(measured) > 700
    emptied = [(p.number, round(p.blank, 2)) for p in pdf_pages.emptied_by_diagram(measured)]
    assert emptied == [], f"pages left near-empty before a diagram: {emptied}"


def test_pdf_listing_lines_never_break_inside_a_word(pdf: Path) -> None:
    """Every continuation line of a wrapped listing line (sampled: all of the example
    chapters, some thousands) follows a break at a space, or after punctuation, never between
    two letters, digits or underscores (as verbatimforcewraps=true would break them)."""
    wrapped = pdf_pages.continuations(pdf, pdf_pages.example_pages(pdf))
    assert len(wrapped) > 1000
    broken = [pair for pair in wrapped if pdf_pages.inside_word(pair)]
    assert broken == [], f"{len(broken)} of {len(wrapped)} breaks inside a word: {broken[:5]}"


def test_pdf_listing_lines_do_not_run_into_the_margin(pdf: Path) -> None:
    """No listing line is overfull (71 were before breaks after , ( / = . and inside psql's
    table rules were allowed as a last resort)."""
    overfull = pdf_pages.listing_overfull(pdf.with_suffix(".tex"), pdf.with_suffix(".log"))
    assert overfull == [], f"{len(overfull)} overfull listing lines, at .tex lines {overfull[:10]}"


def test_pdf_listings_keep_four_lines_on_each_side_of_a_page_break(pdf: Path) -> None:
    """The preamble's rule (conf.py): a listing split by a page break leaves at least four of
    its lines on each page, blank lines included, as the rule counts them. With the rule's
    macros taken out of the .tex, the same book had 97 of 427 splits with one to three lines
    on a page, 24 of them with a single line."""
    splits = pdf_pages.listing_splits(pdf)
    assert len(splits) > 300  # the book's listings are long: some 390 of them split
    short = [(s.page, s.before, s.after) for s in splits if min(s.before, s.after) < 4]
    assert short == [], f"{len(short)} of {len(splits)} splits leave fewer than 4 lines " \
                        f"(page, lines before, lines after): {short[:10]}"
