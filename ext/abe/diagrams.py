"""The ``mermaid`` directive, drawn while the book builds: SVG in the HTML (and EPUB) page, a PDF
image in LaTeX. No diagram script is sent to a reader, nothing needs Node, npm or a browser.

Before Sphinx reads the pages, every diagram of the pages about to be read that is not in the
cache (:mod:`abe.mermaid`, ``<cache_dir>/diagrams``) is rendered, two processes at a time, with
a progress line per diagram. The directive itself only records the source; the writers read
the cache (and render on a miss, which only happens when the cache was removed mid-build).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import mermaid

logger = logging.getLogger(__name__)


class diagram(nodes.General, nodes.Element):
    """A Mermaid diagram; ``source`` holds its Mermaid text."""


class MermaidDirective(SphinxDirective):
    has_content = True
    required_arguments = 0

    def run(self) -> list[nodes.Node]:
        source = "\n".join(self.content).rstrip("\n")
        if not source.strip():
            logger.error("empty mermaid diagram", location=self.get_location(), type="abe",
                         subtype="diagram")
            return []
        node = diagram(source=source, docname=self.env.docname)
        self.set_source_info(node)
        error = _errors(self.env.app).get(source)
        if error:
            logger.error(error, location=self.get_location(), type="abe", subtype="diagram")
            return []
        return [node]


def _cache(app: Sphinx) -> Path:
    return Path(app.confdir) / app.abe_config.cache_dir / "diagrams"  # type: ignore[attr-defined]


def _errors(app: Sphinx) -> dict[str, str]:
    return app.__dict__.setdefault("abe_diagram_errors", {})


def _wants_pdf(app: Sphinx) -> bool:
    return app.builder.format == "latex"


def _before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Render the diagrams of the pages about to be read that are not cached yet."""
    try:
        mermaid.renderer_version()
    except mermaid.DiagramError as exc:
        raise ExtensionError(f"[abe.diagram] {exc}") from None
    sources: list[str] = []
    for docname in docnames:
        try:
            text = Path(env.doc2path(docname)).read_text(encoding="utf-8")
        except OSError:
            continue
        sources += mermaid.sources_in(text)
    cache = _cache(app)
    todo = mermaid.missing(cache, sources, _wants_pdf(app))
    if not todo:
        return
    jobs = min(2, os.cpu_count() or 1)
    logger.info(f"abe: rendering {len(todo)} diagram(s) with mermaidx "
                f"{mermaid.renderer_version()}, {jobs} at a time (cached in {cache})")

    def progress(done: int, total: int) -> None:
        logger.info(f"abe: diagram {done}/{total} rendered")

    _errors(app).update(mermaid.render_all(cache, todo, _wants_pdf(app), jobs, progress))


def _rendered(app: Sphinx, node: diagram, pdf: bool) -> tuple[str, Path]:
    source = node["source"]
    svg_path, pdf_path = mermaid.paths(_cache(app), source)
    if mermaid.missing(_cache(app), [source], pdf):
        cached = svg_path.read_text(encoding="utf-8") if svg_path.is_file() else ""
        svg, document = mermaid.render(source, pdf, cached)
        mermaid.store(_cache(app), source, svg, document)
    return svg_path.read_text(encoding="utf-8"), pdf_path


def _rendered_or_skip(self: Any, node: diagram, pdf: bool) -> tuple[str, Path]:
    """The drawing, or (a diagram Mermaid cannot draw) an error naming the file and line, and
    the node left out of the output."""
    try:
        return _rendered(self.builder.app, node, pdf=pdf)
    except mermaid.DiagramError as exc:
        logger.error(str(exc), location=node, type="abe", subtype="diagram")
        raise nodes.SkipNode from None


_RENDER_ID = re.compile(r"\bmy-svg\b")


def visit_html(self: Any, node: diagram) -> None:
    svg, _pdf = _rendered_or_skip(self, node, pdf=False)
    # Mermaid names every element of a drawing after one fixed id: make it the diagram's own,
    # so two diagrams on a page do not restyle each other
    svg = _RENDER_ID.sub(f"abe-diagram-{mermaid.key(node['source'])}", svg)
    self.body.append(f'<div class="abe-diagram">{svg}</div>\n')
    raise nodes.SkipNode


def visit_latex(self: Any, node: diagram) -> None:
    _svg, pdf_path = _rendered_or_skip(self, node, pdf=True)
    target = Path(self.builder.outdir) / "diagrams" / pdf_path.name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pdf_path, target)
    # in the text flow (no float: a float leaves pages near-empty), at most the line's width
    # and 0.38 of the page's height (conf.py's preamble defines \abediagram)
    self.body.append(f"\n\\abediagram{{{{diagrams/{target.stem}}}.pdf}}\n")
    raise nodes.SkipNode


def visit_epub(self: Any, node: diagram) -> None:
    """An EPUB reader may not draw inline SVG (and Sphinx's EPUB manifest does not declare it):
    a PNG image instead, drawn from the cached SVG and cached beside it."""
    svg, _pdf = _rendered_or_skip(self, node, pdf=False)
    svg_path, _ = mermaid.paths(_cache(self.builder.app), node["source"])
    png_path = svg_path.with_suffix(".png")
    if not png_path.is_file():
        from mermaidx.raster import render_png

        png_path.write_bytes(render_png(svg, scale=mermaid.PDF_SCALE, background="#ffffff"))
    name = f"diagram-{mermaid.key(node['source'])}.png"
    target = Path(self.builder.outdir) / self.builder.imagedir / name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png_path, target)
    self.body.append(f'<div class="abe-diagram"><img src="{self.builder.imgpath}/{name}" '
                     'alt="Diagram of the example (its source is the page\'s Mermaid block)"/>'
                     "</div>\n")
    raise nodes.SkipNode


def skip(self: Any, node: diagram) -> None:
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_node(diagram, html=(visit_html, None), epub=(visit_epub, None),
                 latex=(visit_latex, None), text=(skip, None), man=(skip, None),
                 texinfo=(skip, None))
    app.add_directive("mermaid", MermaidDirective)
    app.connect("env-before-read-docs", _before_read)
