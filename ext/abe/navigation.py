"""Navigation inside an example page: numbered steps with permanent anchors, anchored file
listings, and both listed in the page's table of contents ("On this page" in the HTML theme).

Anchors are made of the example's number, never of its title: ``ex-22-step-3`` is the third
step of Example 22's session, ``ex-22-file-migrations-env-py`` its ``migrations/env.py``.

The directive labels what it renders (:func:`step_label`, :func:`file_anchor`); after Sphinx has
collected the page's sections into its table of contents (``doctree-read``), :func:`add_to_toc`
hangs the files and the steps under the section that shows the example. No heading is added to
the page, so the PDF's chapters and the page's look stay as they were.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

_SLUGGY = re.compile(r"[^a-z0-9]+")
_STEP_ID = re.compile(r"^ex-(\d\d)-step-(\d+)$")
_FILE_ID = re.compile(r"^ex-(\d\d)-file-")
#: longest command text shown in a table-of-contents entry
TOC_COMMAND_CHARS = 38


def example_anchor(number: int) -> str:
    return f"ex-{number:02d}"


def step_anchor(number: int, step: int) -> str:
    return f"{example_anchor(number)}-step-{step}"


def file_anchor(number: int, name: str) -> str:
    return f"{example_anchor(number)}-file-{_SLUGGY.sub('-', name.lower()).strip('-')}"


def group_anchor(number: int, group: str) -> str:
    """``ex-22-files`` (the first file listing), ``ex-22-session`` (the first step)."""
    return f"{example_anchor(number)}-{group}"


def step_label(number: int, step: int, run: str) -> nodes.Node:
    """"Step 3" above a step, carrying its anchor (and, in HTML, a link to itself)."""
    anchor = step_anchor(number, step)
    label = nodes.paragraph(classes=["abe-step-label"], ids=[anchor])
    label["abe_command"] = run
    label += nodes.strong(text=f"Step {step}")
    link = addnodes.only(expr="html")
    link += nodes.raw("", f'<a class="headerlink" href="#{anchor}" '
                          f'title="Link to this step">¶</a>', format="html")
    label += link
    return label


def _entry(docname: str, anchor: str, *content: nodes.Node) -> nodes.list_item:
    reference = nodes.reference("", "", *content, internal=True, refuri=docname,
                                anchorname=f"#{anchor}")
    return nodes.list_item("", addnodes.compact_paragraph("", "", reference))


def _short(command: str) -> str:
    command = " ".join(command.split())
    return command if len(command) <= TOC_COMMAND_CHARS else \
        command[:TOC_COMMAND_CHARS - 1].rstrip() + "…"


def _toc_item(toc: nodes.Node, anchor: str) -> nodes.list_item | None:
    for reference in toc.findall(nodes.reference):
        if reference.get("anchorname") == anchor:
            parent = reference.parent.parent
            return parent if isinstance(parent, nodes.list_item) else None
    return None


def add_to_toc(app: Sphinx, doctree: nodes.document) -> None:
    """List each example's files and steps in the page's table of contents."""
    env = app.env
    docname = env.docname
    toc = env.tocs.get(docname)
    if toc is None:
        return
    found: dict[str, dict[str, Any]] = {}
    for node in doctree.findall(nodes.Element):
        for anchor in node.get("ids", []):
            step = _STEP_ID.match(anchor)
            is_file = _FILE_ID.match(anchor)
            if not (step or is_file):
                continue
            section = node.parent
            while section is not None and not isinstance(section, nodes.section):
                section = section.parent
            if section is None or not section["ids"]:
                continue
            number = (step or is_file).group(1)  # type: ignore[union-attr]
            entry = found.setdefault(number, {"section": section, "files": [], "steps": [],
                                              "nodes": {}})
            entry["nodes"].setdefault("steps" if step else "files", node)
            if step:
                entry["steps"].append((anchor, int(step.group(2)), node.get("abe_command", "")))
            else:
                caption = next(iter(node.findall(nodes.caption)), None)
                entry["files"].append((anchor, caption.astext() if caption else anchor))
    # citable with {ref} too (`{ref}`step 3 <ex-22-step-3>``): a link to a step or file that
    # does not exist is then an unknown label, which fails the build
    std = env.domains.standard_domain
    for number, entry in sorted(found.items()):
        # the groups' own anchors (a table of contents may not list one anchor twice: EPUB)
        for group, first in (("files", entry["nodes"].get("files")),
                             ("session", entry["nodes"].get("steps"))):
            if first is not None:
                anchor = group_anchor(int(number), group)
                first["ids"].append(anchor)
                std.anonlabels[anchor] = (docname, anchor)
                std.labels[anchor] = (docname, anchor, f"Example {int(number)}, {group}")
        for anchor, step_number, _run in entry["steps"]:
            std.anonlabels[anchor] = (docname, anchor)
            std.labels[anchor] = (docname, anchor, f"Example {int(number)}, step {step_number}")
        for anchor, name in entry["files"]:
            std.anonlabels[anchor] = (docname, anchor)
            std.labels[anchor] = (docname, anchor, f"Example {int(number)}, {name}")
    for number, entry in sorted(found.items()):
        section = entry["section"]
        first = next(iter(doctree.findall(nodes.section)), None)
        item = _toc_item(toc, "" if section is first else f"#{section['ids'][0]}")
        if item is None:
            continue
        lists = [child for child in item.children if isinstance(child, nodes.bullet_list)]
        if lists:
            holder = lists[0]
        else:
            holder = nodes.bullet_list()
            item += holder
        if entry["files"]:
            files = _entry(docname, group_anchor(int(number), "files"),
                           nodes.Text(f"Files of Example {int(number)}"))
            files += nodes.bullet_list("", *[_entry(docname, anchor, nodes.literal(text=name))
                                             for anchor, name in entry["files"]])
            holder += files
        if entry["steps"]:
            steps = _entry(docname, group_anchor(int(number), "session"),
                           nodes.Text(f"Session of Example {int(number)}"))
            steps += nodes.bullet_list("", *[
                _entry(docname, anchor, nodes.Text(f"{n}. "), nodes.literal(text=_short(run)))
                for anchor, n, run in entry["steps"]])
            holder += steps


def setup_navigation(app: Sphinx) -> None:
    # after Sphinx's own table-of-contents collector (doctree-read, priority 500)
    app.connect("doctree-read", add_to_toc, priority=600)
