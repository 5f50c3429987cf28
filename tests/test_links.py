"""Cross-links: every link to an example anchor (``ex-22``, ``ex-22-step-3``,
``ex-22-file-migrations-env-py``) in the chapters and in the sessions' notes names an anchor that
exists. Checked on the sources, without a build, so a broken link is found in a second."""

from __future__ import annotations

import re
from pathlib import Path

from abe.navigation import example_anchor, file_anchor, step_anchor
from abe.session import load_example
from conftest import ROOT

_LINK = re.compile(r"<(ex-\d\d[\w-]*)>`"           # {ref}`text <ex-22>`
                   r"|\{ref\}`(ex-\d\d[\w-]*)`"      # {ref}`ex-22`
                   r"|\]\([^)\s]*#(ex-\d\d[\w-]*)\)"  # [text](page.md#ex-22-step-3)
                   r"|href=\"[^\"]*#(ex-\d\d[\w-]*)\"")  # raw HTML
_LABEL = re.compile(r"^\((ex-\d\d)\)=\s*$", re.M)
_DIRECTIVE = re.compile(r"^\s*(?:`{3,}|:{3,})\{example\}\s+(ex\d\d-[\w-]+)", re.M)


def known_anchors(book: Path, examples: Path) -> set[str]:
    """The example anchors the book defines: each page's label and, for the example it shows,
    one anchor per step of the session and per file shown."""
    anchors: set[str] = set()
    for page in sorted(book.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        anchors.update(_LABEL.findall(text))
        for slug in _DIRECTIVE.findall(text):
            example = load_example(examples / slug)
            anchors.add(example_anchor(example.number))
            anchors.update(step_anchor(example.number, n)
                           for n in range(1, len(example.steps) + 1))
            anchors.update(file_anchor(example.number, name) for name in example.shown_files())
    return anchors


def broken_links(sources: dict[str, str], anchors: set[str]) -> list[str]:
    """``file:line: anchor`` for every link whose example anchor does not exist."""
    out = []
    for name, text in sorted(sources.items()):
        for number, line in enumerate(text.splitlines(), 1):
            for match in _LINK.finditer(line):
                anchor = next(g for g in match.groups() if g)
                if anchor not in anchors:
                    out.append(f"{name}:{number}: {anchor}")
    return out


def _sources() -> dict[str, str]:
    files = sorted((ROOT / "book").rglob("*.md")) + sorted((ROOT / "examples").glob(
        "ex[0-9][0-9]-*/session.toml"))
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in files}


def test_every_example_link_names_an_existing_anchor() -> None:
    sources = _sources()
    anchors = known_anchors(ROOT / "book", ROOT / "examples")
    assert len([a for a in anchors if re.fullmatch(r"ex-\d\d", a)]) == 85
    assert "ex-22-step-3" in anchors and "ex-22-file-migrations-env-py" in anchors
    assert sum(len(_LINK.findall(t)) for t in sources.values()) > 100  # the scan sees links
    assert broken_links(sources, anchors) == []


def test_a_link_to_a_missing_anchor_is_reported_with_file_and_line() -> None:
    anchors = known_anchors(ROOT / "book", ROOT / "examples")
    steps = len(load_example(ROOT / "examples/ex22-uuid-columns").steps)
    page = ("See {ref}`Example 22 <ex-22>` and {ref}`its step 2 <ex-22-step-2>`.\n"
            "Not {ref}`Example 99 <ex-99>`,\n"
            f"nor [the step after the last](ex22-uuid-columns.md#ex-22-step-{steps + 1}),\n"
            'nor <a href="ex22.html#ex-22-file-nothing-py">a file it lacks</a>.\n')
    assert broken_links({"page.md": page}, anchors) == [
        "page.md:2: ex-99", f"page.md:3: ex-22-step-{steps + 1}",
        "page.md:4: ex-22-file-nothing-py"]
