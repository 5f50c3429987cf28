"""The site-wide navigation (furo's sidebar), built from page titles without copying every
page's whole table of contents for every page.

Furo asks Sphinx for the global toctree with ``titles_only=True`` on each page it writes. Sphinx
answers by copying each document's complete table of contents and only then removing all but
the titles. An example page's table of contents is long (its sections, and every file listing
and session step that :mod:`abe.navigation` hangs under them), so each page written copied some
7,000 nodes to keep a few hundred: measured, 40% of the HTML writing time.

Here the same pruning is done once per writing process, and the titles-only call reads the
pruned tables. The result is the same HTML (the whole book's output is byte-identical with and
without this module); a page's own table of contents ("On this page") still reads the full ones.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

_PRUNED: dict[int, dict[str, nodes.bullet_list]] = {}


def titles_only(toc: nodes.bullet_list) -> nodes.bullet_list:
    """A copy of one document's table of contents with what Sphinx's ``titles_only`` keeps:
    the top-level titles and the toctrees below them (the same loop as Sphinx's)."""
    copy = toc.deepcopy()
    for top_level in copy.children:
        if len(top_level) > 1:
            if subtrees := list(top_level.findall(addnodes.toctree)):
                top_level[1][:] = subtrees  # type: ignore[index]
            else:
                top_level.pop(1)
    return copy


def _pruned(env: BuildEnvironment) -> dict[str, nodes.bullet_list]:
    key = id(env.tocs)
    if key not in _PRUNED:
        _PRUNED.clear()
        _PRUNED[key] = {docname: titles_only(toc) for docname, toc in env.tocs.items()}
    return _PRUNED[key]


def _page_context(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: Any) -> None:
    toctree = context.get("toctree")
    if toctree is None:
        return
    env = app.env

    def navigation_toctree(**kwargs: Any) -> Any:
        if not kwargs.get("titles_only"):
            return toctree(**kwargs)
        full = env.tocs
        env.tocs = _pruned(env)
        try:
            return toctree(**kwargs)
        finally:
            env.tocs = full

    context["toctree"] = navigation_toctree


def setup(app: Sphinx) -> None:
    # before furo's handler (priority 500), which calls the toctree function
    app.connect("html-page-context", _page_context, priority=400)
