"""Mermaid diagrams rendered by Python alone (``mermaidx``: Mermaid in an embedded QuickJS engine,
no Node, no browser), once per source, cached outside ``_build``.

This module does not import Sphinx: it is what the renderer processes import
(:mod:`abe.diagrams` is the Sphinx side). A cache entry is named by the SHA-256 of the source,
mermaidx's version (which fixes the Mermaid it bundles) and :data:`STYLE`, so changing any of
them renders again; ``<key>.svg`` serves the HTML and EPUB editions, ``<key>.pdf`` the PDF one.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

#: What we ask of the renderer, part of every cache key. The font is the one mermaidx measures
#: labels with (it bundles DejaVu Sans), so boxes fit their text wherever it is available.
CONFIG = {"fontFamily": "DejaVu Sans, Verdana, Arial, sans-serif"}
#: Resolution of the PDF edition's diagrams: the image is drawn at 3x, then placed at 1x.
PDF_SCALE = 3
STYLE = f"theme=default config={sorted(CONFIG.items())} pdf_scale={PDF_SCALE} v1"

#: A fenced ``{mermaid}`` block in a MyST page (the book's only way of writing one).
FENCE = re.compile(r"^(?P<fence>`{3,}|:{3,})\{mermaid\}[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$",
                   re.M | re.S)


class DiagramError(Exception):
    pass


def renderer_version() -> str:
    try:
        from mermaidx import __version__
    except ImportError as exc:
        raise DiagramError("mermaidx is not installed: the book's diagrams are rendered by it "
                           "(`nox -s html` installs it from pyproject.toml)") from exc
    return str(__version__)


def key(source: str) -> str:
    text = f"{renderer_version()}\n{STYLE}\n{source.strip()}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def sources_in(text: str) -> list[str]:
    """The Mermaid sources of a MyST page, as its ``{mermaid}`` directives receive them."""
    return [m.group("body").rstrip("\n") for m in FENCE.finditer(text)]


def paths(cache: Path, source: str) -> tuple[Path, Path]:
    name = key(source)
    return cache / f"{name}.svg", cache / f"{name}.pdf"


def render(source: str, pdf: bool, svg: str = "") -> tuple[str, bytes | None]:
    """One diagram: its SVG (unless given: the cached one) and, when asked, a one-page PDF
    (the SVG drawn at PDF_SCALE, placed at 1x)."""
    import mermaidx
    from mermaidx.pdf_writer import png_to_pdf
    from mermaidx.png_decode import decode_png
    from mermaidx.raster import render_png

    if not svg:
        try:
            svg = mermaidx.render(source, theme="default", config=CONFIG).svg()
        except Exception as exc:  # mermaidx raises MermaidRenderError with Mermaid's message
            raise DiagramError(f"Mermaid could not render this diagram: {exc}") from None
    document = None
    if pdf:
        png = render_png(svg, scale=PDF_SCALE, background="#ffffff")
        document = png_to_pdf(decode_png(png), scale=1 / PDF_SCALE, background_color="#ffffff")
    return svg, document


def _render_job(job: tuple[str, bool, str]) -> tuple[str, str, bytes | None, str]:
    source, pdf, cached_svg = job
    try:
        svg, document = render(source, pdf, cached_svg)
    except DiagramError as exc:
        return source, "", None, str(exc)
    return source, svg, document, ""


def store(cache: Path, source: str, svg: str, document: bytes | None) -> None:
    """Write a rendered diagram into the cache, atomically (parallel builds may share it)."""
    svg_path, pdf_path = paths(cache, source)
    cache.mkdir(parents=True, exist_ok=True)
    for path, data in ((svg_path, svg.encode("utf-8")), (pdf_path, document)):
        if data is None:
            continue
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)


def missing(cache: Path, sources: Iterable[str], pdf: bool) -> list[str]:
    out: list[str] = []
    for source in dict.fromkeys(sources):
        svg_path, pdf_path = paths(cache, source)
        if not svg_path.is_file() or (pdf and not pdf_path.is_file()):
            out.append(source)
    return out


def render_all(cache: Path, sources: list[str], pdf: bool, jobs: int,
               progress: Callable[[int, int], None]) -> dict[str, str]:
    """Render every source not cached yet, ``jobs`` at a time (processes: the work is CPU-bound
    and a QuickJS context is pinned to its thread); ``progress(done, total)`` after each.
    Returns the errors by source; the others are in the cache."""
    todo = missing(cache, sources, pdf)
    errors: dict[str, str] = {}
    if not todo:
        return errors
    jobs = max(1, min(jobs, len(todo)))
    work = []
    for source in todo:
        svg_path = paths(cache, source)[0]
        work.append((source, pdf, svg_path.read_text(encoding="utf-8")
                     if svg_path.is_file() else ""))
    results: Iterable[tuple[str, str, bytes | None, str]]
    if jobs == 1:
        results = map(_render_job, work)
        pool = None
    else:
        # spawn: a fresh interpreter (no forked Sphinx or QuickJS state); it imports only this
        pool = multiprocessing.get_context("spawn").Pool(jobs)
        results = pool.imap_unordered(_render_job, work)
    try:
        for done, (source, svg, document, error) in enumerate(results, 1):
            if error:
                errors[source] = error
            else:
                store(cache, source, svg, document)
            progress(done, len(todo))
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    return errors
