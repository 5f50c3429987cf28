"""Indexes generated from the examples, never typed by hand.

* operations: every ``op.*``, ``context.*`` and ``command.*`` API the example files use, found in
  their syntax trees (names imported from ``alembic``), each linking to the file and line;
* commands: every ``alembic`` subcommand and option the sessions run, linking to the steps;
* errors: every error line an expected-failure step printed, normalised, linking to the step
  that shows it (so pasting a message into the search finds it);
* general index entries (Sphinx's ``genindex``, the PDF's index) for each example: its topic,
  the operations it uses and the commands it runs.

A page holds ``{abe-index} operations`` (or ``commands``, ``errors``); the directive leaves a
placeholder that ``doctree-resolved`` fills once every page has been read, as the execution report
does, and the page is re-read whenever any example page is.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from .navigation import example_anchor, file_anchor, step_anchor
from .session import Example, SessionError, load_example
from .sources import shown_python

KINDS = ("operations", "commands", "errors")
APIS = ("op", "context", "command")
#: alembic's global options that take a value (``alembic -c file upgrade``)
_VALUED_GLOBALS = {"-c", "--config", "-n", "--name", "-x"}
_PSQL_PREFIX = re.compile(r"^psql:[^:\s]+:\d+: ")
_ERROR_LINE = re.compile(
    r"^(?:E\s+)?(?:FAILED: .+|ERROR: .+|(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception): .+)$")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_NUMBER = re.compile(r"\b\d+\b")


# --- scanning --------------------------------------------------------------------------------
def api_uses(example: Example) -> list[tuple[str, str, int]]:
    """(``op.add_column``, file, line) for every use of an alembic API in the example's files."""
    out = []
    for name, tree in shown_python(example, "for its alembic calls"):
        imported = {alias.asname or alias.name: alias.name
                    for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                    and node.module == "alembic" for alias in node.names
                    if alias.name in APIS}
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    node.value.id in imported:
                out.append((f"{imported[node.value.id]}.{node.attr}", name, node.lineno))
    return sorted(set(out), key=lambda u: (u[0], u[1], u[2]))


def alembic_commands(example: Example) -> list[tuple[str, list[str], int]]:
    """(subcommand, options, step number) of every ``alembic`` step; options given before the
    subcommand (``alembic -x tenant=acme upgrade``) are listed as ``alembic -x``, so the
    subcommand is ``""`` for them."""
    out = []
    for number, step in enumerate(example.steps, 1):
        if step.program != "alembic":
            continue
        words = list(step.argv[1:])
        globals_: list[str] = []
        options: list[str] = []
        sub = ""
        while words:
            word = words.pop(0)
            if word.startswith("-") and not re.match(r"^-\d+$", word):  # -1 is a revision
                flag = word.split("=", 1)[0]
                (options if sub else globals_).append(flag)
                if not sub and flag in _VALUED_GLOBALS and "=" not in word and words:
                    words.pop(0)
            elif not sub:
                sub = word
        out.append((sub or "(no subcommand)", options, number))
        if globals_:
            out.append(("", globals_, number))
    return out


def normalise_error(line: str) -> str:
    """One error line as an index key: psql's script prefix and ``E`` (pytest) dropped,
    quoted names and numbers replaced, spaces collapsed."""
    line = _PSQL_PREFIX.sub("", line.strip())
    line = re.sub(r"^E\s+", "", line)
    line = _QUOTED.sub("'…'", line)
    line = _NUMBER.sub("N", line)
    return " ".join(line.split())


def error_lines(output: str) -> list[str]:
    out = []
    for raw in output.splitlines():
        line = _PSQL_PREFIX.sub("", raw.strip())
        line = re.sub(r"^E\s+", "", line)
        if _ERROR_LINE.match(line) and line not in out:
            out.append(" ".join(line.split()))
    return out


# --- read phase: what each example page shows ------------------------------------------------
def record_errors(app: Sphinx, doctree: nodes.document) -> None:
    """Remember the error lines of each expected-failure step this page shows, and add the
    page's general index entries."""
    from .sphinx_ext import executor_for

    env = app.env
    docname = env.docname
    shown = getattr(env, "abe_examples", {}).get(docname, {})
    if not shown:
        return
    root = Path(app.confdir) / app.abe_config.examples_dir  # type: ignore[attr-defined]
    errors: list[dict[str, Any]] = []
    entries: list[tuple[str, str, str, str, str | None]] = []
    section = next(iter(doctree.findall(nodes.section)), None)
    for slug, info in sorted(shown.items()):
        try:
            example = load_example(root / slug)
        except SessionError:
            continue
        number = info["number"]
        target = example_anchor(number)
        result = executor_for(app).cached(example)
        for record in (result or {}).get("steps", []):
            step = example.steps[record["index"]]
            if step.expect and record.get("status") == step.expect:
                for line in error_lines(record.get("output", "")):
                    errors.append({"number": number, "step": record["index"] + 1,
                                   "line": line, "key": normalise_error(line)})
        label = f"Example {number}"
        if section is not None and section.children:
            title = section[0].astext()
            topic = title.split(":", 1)[1].strip() if ":" in title else title
            entries.append(("single", f"{topic}; {label}", target, "main", None))
        for api in sorted({api for api, _f, _l in api_uses(example)}):
            entries.append(("single", f"{api}(); {label}", target, "", None))
        for sub in sorted({sub for sub, _o, _n in alembic_commands(example) if sub}):
            entries.append(("single", f"alembic {sub}; {label}", target, "", None))
    env.__dict__.setdefault("abe_errors", {})[docname] = errors
    if entries and section is not None:
        # the node carries them into the PDF's index; Sphinx's index domain has already read the
        # page's index nodes (a transform before doctree-read), so the HTML index gets them here
        section.insert(1, addnodes.index(entries=entries, inline=False))
        env.domains.index_domain.entries.setdefault(docname, []).extend(entries)


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "abe_errors", {}).pop(docname, None)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str],
           other: BuildEnvironment) -> None:
    env.__dict__.setdefault("abe_errors", {}).update(getattr(other, "abe_errors", {}))


# --- the index pages --------------------------------------------------------------------------
class index_placeholder(nodes.General, nodes.Element):
    """Replaced by an index before writing; never reaches a builder."""


class IndexDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in KINDS:
            raise self.error(f"abe-index: unknown index {kind!r} (one of {', '.join(KINDS)})")
        # re-read (and so rewritten) whenever an example page is, like the execution report
        self.env.__dict__.setdefault("abe_report_docs", set()).add(self.env.docname)
        root = Path(self.env.app.confdir) / self.env.app.abe_config.examples_dir  # type: ignore
        for path in sorted(root.glob("ex[0-9][0-9]-*/**/*")):
            if path.is_file() and (path.suffix == ".py" or path.name == "session.toml"):
                self.env.note_dependency(str(path))
        return [index_placeholder(kind=kind)]


def _pages(app: Sphinx) -> dict[str, tuple[str, Example]]:
    """Example slug -> (page, example) for every example a page shows."""
    root = Path(app.confdir) / app.abe_config.examples_dir  # type: ignore[attr-defined]
    out = {}
    for docname, shown in sorted(getattr(app.env, "abe_examples", {}).items()):
        for slug in sorted(shown):
            try:
                out[slug] = (docname, load_example(root / slug))
            except SessionError:
                pass
    return out


def _link(app: Sphinx, fromdoc: str, todoc: str, anchor: str, text: str) -> nodes.reference:
    uri = app.builder.get_relative_uri(fromdoc, todoc)
    if app.builder.format != "html":  # the PDF has destinations for examples, not lines
        anchor = anchor.split("-step-")[0].split("-file-")[0]
    return nodes.reference("", text, internal=True, refuri=f"{uri}#{anchor}")


def _row(term: nodes.Node, links: list[nodes.Node], ids: list[str]) -> nodes.definition_list_item:
    item = nodes.definition_list_item(ids=ids)
    item += nodes.term("", "", term)
    para = nodes.paragraph()
    for i, link in enumerate(links):
        if i:
            para += nodes.Text(", ")
        para += link
    item += nodes.definition("", para)
    return item


def _anchor(text: str) -> str:
    return "abe-index-" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def operations(app: Sphinx, fromdoc: str) -> nodes.Node:
    uses: dict[str, list[tuple[int, str, str, str, int]]] = defaultdict(list)
    for slug, (docname, example) in _pages(app).items():
        for api, name, line in api_uses(example):
            uses[api].append((example.number, slug, docname, name, line))
    out = nodes.definition_list(classes=["abe-index", "abe-index-operations"])
    for api in sorted(uses, key=lambda a: (APIS.index(a.split(".")[0]), a)):
        links: list[nodes.Node] = []
        for number, _slug, docname, name, line in sorted(uses[api]):
            links.append(_link(app, fromdoc, docname, file_anchor(number, name),
                               f"Ex {number} {name}:{line}"))
        out += _row(nodes.literal(text=api), links, [_anchor(api)])
    return out


def commands(app: Sphinx, fromdoc: str) -> nodes.Node:
    uses: dict[str, dict[tuple[int, str], list[int]]] = defaultdict(lambda: defaultdict(list))
    shown = getattr(app.env, "abe_examples", {})
    for slug, (docname, example) in _pages(app).items():
        # not executed in this build: its page shows no steps, so the link is to the example
        skipped = shown.get(docname, {}).get(slug, {}).get("status") == "skipped"
        for sub, options, step in alembic_commands(example):
            step = 0 if skipped else step
            names = [f"alembic {sub}"] if sub else []
            names += [" ".join(w for w in ("alembic", sub, o) if w) for o in sorted(set(options))]
            for what in names:
                uses[what][(example.number, docname)].append(step)
    out = nodes.definition_list(classes=["abe-index", "abe-index-commands"])
    for what in sorted(uses):
        links: list[nodes.Node] = []
        for (number, docname), steps in sorted(uses[what].items()):
            for step in sorted(set(steps)):
                if step == 0:
                    links.append(_link(app, fromdoc, docname, example_anchor(number),
                                       f"Ex {number} (not executed in this build)"))
                else:
                    links.append(_link(app, fromdoc, docname, step_anchor(number, step),
                                       f"Ex {number} step {step}"))
        out += _row(nodes.literal(text=what), links, [_anchor(what)])
    return out


def errors(app: Sphinx, fromdoc: str) -> nodes.Node:
    by_key: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for docname, found in sorted(getattr(app.env, "abe_errors", {}).items()):
        for error in found:
            by_key[error["key"]].append((error["number"], error["step"], docname, error["line"]))
    out = nodes.definition_list(classes=["abe-index", "abe-index-errors"])
    for key in sorted(by_key, key=str.lower):
        shown = sorted(by_key[key])
        links: list[nodes.Node] = [
            _link(app, fromdoc, docname, step_anchor(number, step), f"Ex {number} step {step}")
            for number, step, docname, _line in shown]
        # the message as a step printed it (the first one), so a pasted message matches
        out += _row(nodes.literal(text=shown[0][3]), links, [_anchor(key)])
    return out


def fill_indexes(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for placeholder in list(doctree.findall(index_placeholder)):
        build = {"operations": operations, "commands": commands, "errors": errors}
        placeholder.replace_self(build[placeholder["kind"]](app, docname))


def setup_indexes(app: Sphinx) -> None:
    app.add_directive("abe-index", IndexDirective)
    app.connect("doctree-read", record_errors, priority=400)  # before the index collector
    app.connect("doctree-resolved", fill_indexes)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
