"""The book's standard files (``examples/_standard/``, see its README): an example file that is
byte-identical to one of them is folded on the page, says that it is the standard file and links
to the example that teaches it, after the files specific to the example.

* HTML: one line that says so, with its link, over a fold holding the whole file (copy button
  included), the file left out of the search index, so a search for "transaction" finds the
  pages about transactions, not every ``env.py``;
* PDF: a sentence pointing at the appendix that prints each standard file once
  (``{standard-files}`` directive, ``book/appendix/standard-files.md``).

In the example that teaches a file (Examples 2, 3, 16, 41) the file is the lesson: shown open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.directives.code import container_wrapper
from sphinx.util.docutils import SphinxDirective

#: (file in an example, standard copy under examples/_standard, the example that teaches it)
STANDARD = [
    ("alembic.ini", "alembic.ini", 2),
    ("migrations/env.py", "migrations/env.py", 3),
    ("migrations/env.py", "migrations/env-with-models.py", 16),
    ("migrations/script.py.mako", "migrations/script.py.mako", 41),
]


@dataclass(frozen=True)
class Standard:
    copy: str  # path under examples/_standard
    taught_in: int

    @property
    def label(self) -> str:
        return "abe-standard-" + self.copy.replace("/", "-").replace(".", "-")

    @property
    def anchor(self) -> str:
        return f"ex-{self.taught_in:02d}"


def standard_of(examples_dir: Path, number: int, name: str, data: bytes) -> Standard | None:
    """The standard file ``name`` is a byte-for-byte copy of, unless this example teaches it."""
    for shown, copy, taught_in in STANDARD:
        if shown != name or number == taught_in:
            continue
        path = examples_dir / "_standard" / copy
        if path.is_file() and path.read_bytes() == data:
            return Standard(copy, taught_in)
    return None


def _ref(target: str, text: str) -> addnodes.pending_xref:
    ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=target,
                                refexplicit=True, refwarn=True)
    ref += nodes.inline(text, text)
    return ref


def folded(name: str, standard: Standard, wrapped: nodes.Element) -> list[nodes.Node]:
    """The nodes that show a standard file: folded in HTML, a pointer to the appendix in LaTeX."""
    wrapped["classes"].append("no-search")  # Sphinx's indexer skips it (the appendix has it)
    # The note with its link stands above the fold, not inside <summary>: a summary is a button
    # to assistive technology, and a link inside a button is unreachable as a link (axe's
    # nested-interactive, "serious"). The summary names the file it opens.
    lead = nodes.paragraph(classes=["abe-standard-note"])
    lead += nodes.literal(name, name)
    lead += nodes.Text(" is the book's standard file, byte for byte (")
    lead += _ref(standard.anchor, f"Example {standard.taught_in}")
    lead += nodes.Text(" explains it).")
    shows = nodes.inline()  # phrasing content: inside <summary>
    shows += nodes.Text("Show ")
    shows += nodes.literal(name, name)
    html = addnodes.only(expr="html")
    html += lead
    html += nodes.raw("", '<details class="abe-fold abe-standard"><summary>', format="html")
    html += shows
    html += nodes.raw("", "</summary>", format="html")
    html += wrapped
    html += nodes.raw("", "</details>", format="html")
    latex = addnodes.only(expr="latex")
    note = nodes.paragraph(classes=["abe-standard-note"])
    note += nodes.literal(name, name)
    note += nodes.Text(" is the book's standard file, printed in ")
    note += _ref(standard.label, "the appendix")
    note += nodes.Text(f" (Example {standard.taught_in} explains it).")
    latex += note
    return [html, latex]


class StandardFilesDirective(SphinxDirective):
    """``{standard-files}``: every standard file once, in full, each with its label."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        root = Path(self.env.app.confdir) / self.env.app.abe_config.examples_dir  # type: ignore[attr-defined]
        out: list[nodes.Node] = []
        from .directive import LANGUAGES, _literal

        for _shown, copy, taught_in in STANDARD:
            path = root / "_standard" / copy
            self.env.note_dependency(str(path))
            standard = Standard(copy, taught_in)
            text = path.read_text(encoding="utf-8")
            section = nodes.section(ids=[standard.label], names=[standard.label])
            title = copy.rsplit("/", 1)[-1]
            section += nodes.title(title, title)
            intro = nodes.paragraph()
            intro += nodes.Text("Taught in ")
            intro += _ref(standard.anchor, f"Example {taught_in}")
            intro += nodes.Text(f"; copied byte for byte as {_shown_as(copy)} by every example "
                                "that says it uses the standard file.")
            section += intro
            block = _literal(text, LANGUAGES.get(path.suffix, "text"), ["abe-file"])
            block["source"] = str(path)
            self.set_source_info(block)
            wrapped = container_wrapper(self, block, f"examples/_standard/{copy}")
            wrapped["classes"].append("abe-file-wrapper")
            section += wrapped
            self.env.domaindata["std"]["labels"][standard.label] = (
                self.env.docname, standard.label, title)
            self.env.domaindata["std"]["anonlabels"][standard.label] = (
                self.env.docname, standard.label)
            out.append(section)
        return out


def _shown_as(copy: str) -> str:
    return "migrations/env.py" if copy.endswith("env-with-models.py") else copy


def setup(app: object) -> None:
    app.add_directive("standard-files", StandardFilesDirective)  # type: ignore[attr-defined]
