"""The PDF edition's order: the front page's own sections ("What you need", "How to run an
example", ...) come before the levels, as in the HTML front page's reading order.

Sphinx's LaTeX builder inlines the root document's toctrees where they stand: at the top of the
front page, so the levels became chapters 1-3 and the front matter chapters after the appendix.
Once inlined (``doctree-resolved`` of the assembled document), the toctree wrappers are moved
after the front page's last section; the HTML edition is untouched.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


def _front_matter_first(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "latex" or docname != app.config.root_doc:
        return
    root = next(iter(doctree.findall(nodes.section)), None)
    if root is None:
        return
    wrappers = [child for child in root.children
                if isinstance(child, nodes.compound) and "toctree-wrapper" in child["classes"]]
    if not wrappers or not any(isinstance(c, nodes.section) for c in root.children):
        return
    for wrapper in wrappers:
        root.remove(wrapper)
    root.extend(wrappers)


def setup(app: Sphinx) -> dict[str, bool]:
    app.connect("doctree-resolved", _front_matter_first)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
