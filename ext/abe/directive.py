"""The ``example`` directive: an example folder's files, then its session as the build ran it.

Everything is rendered with ordinary docutils nodes (literal blocks in captioned containers,
paragraphs, admonitions), tagged with classes, so every builder shows it without new visitors.
Generated blocks carry the class ``abe-generated`` and a caption that says they were generated.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx.directives.code import container_wrapper
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .lockview import locks_block
from .navigation import file_anchor, step_label
from .postgres import DatabaseError
from .schemaview import schema_view
from .session import Example, SessionError, load_example
from .squawkview import for_step, squawk_block, unapplied
from .standard import folded, standard_of

logger = logging.getLogger(__name__)

LANGUAGES = {".py": "python", ".ini": "ini", ".toml": "toml", ".mako": "mako", ".sql": "postgresql",
             ".cfg": "ini", ".txt": "text", ".md": "markdown", ".json": "json", ".sh": "bash"}


_LATEX_STYLE = {
    "abe-output": r"\sphinxsetup{VerbatimColor={named}{abeOutput},"
                  r"VerbatimBorderColor={named}{abeBlue}}",
    "abe-sql": r"\sphinxsetup{VerbatimColor={named}{abeSql},"
               r"VerbatimBorderColor={named}{abeOrange}}",
    "abe-schema": r"\sphinxsetup{VerbatimColor={named}{abeOutput},"
                  r"VerbatimBorderColor={named}{abeBlue}}",
}


def _generated(block: nodes.Node, kind: str) -> list[nodes.Node]:
    """A generated listing, tinted in the PDF too (HTML styles it by class)."""
    return [nodes.raw("", "\\begingroup" + _LATEX_STYLE[kind] + "\n", format="latex"), block,
            nodes.raw("", "\\endgroup\n", format="latex")]


def _literal(text: str, language: str, classes: list[str]) -> nodes.literal_block:
    block = nodes.literal_block(text, text, language=language, classes=classes)
    block["highlight_args"] = {}
    return block


class ExampleDirective(SphinxDirective):
    """``{example} exNN-slug``: render one example folder and its executed session."""

    required_arguments = 1
    optional_arguments = 0
    has_content = False
    option_spec = {
        "no-files": directives.flag,
        "no-session": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        from .sphinx_ext import executor_for, record_example

        slug = self.arguments[0]
        config = self.env.app.abe_config  # type: ignore[attr-defined]
        folder = (Path(self.env.app.confdir) / config.examples_dir / slug)
        try:
            example = load_example(folder)
        except SessionError as exc:
            return [self._problem("session", f"{exc}")]
        for path in example.path.rglob("*"):
            if path.is_file():
                self.env.note_dependency(str(path))

        out: list[nodes.Node] = []
        if "no-files" not in self.options:
            out += self._files(example)
        if "no-session" in self.options:
            return out
        executor = executor_for(self.env.app)
        if executor.fatal:  # reported once for the whole build; the page says it too
            return out + [self._not_run(executor.fatal)]
        try:
            result = executor.cached(example) or executor.execute(example)
        except DatabaseError:
            return out + [self._not_run(executor.fatal)]
        except Exception as exc:  # worker trouble: say so where it happened
            return out + [self._problem("run", f"{example.path}: {exc}")]
        verified_on = executor.verified_on(example)
        record_example(self.env, self.env.docname, example, result, verified_on)
        if result["status"] == "skipped":
            out.append(self._not_executed(example, result))
            return out
        out += self._session(example, result, verified_on)
        if result["status"] == "failed":
            out.append(self._problem("step", result["failure"]))
        return out

    # --- pieces -------------------------------------------------------------------------------
    def _problem(self, kind: str, message: str) -> nodes.Node:
        logger.error(message, location=self.get_location(), type="abe", subtype=kind)
        box = nodes.error()
        box += nodes.literal_block(message, message, classes=["abe-failure"])
        return box

    @staticmethod
    def _not_run(reason: str) -> nodes.Node:
        box = nodes.error(classes=["abe-failure"])
        box += nodes.paragraph(text=f"This example could not be run in this build: {reason}")
        return box

    def _not_executed(self, example: Example, result: dict[str, Any]) -> nodes.Node:
        message = (f"Example {example.number} was not executed in this build: {result['reason']}. "
                   "Its output is not shown rather than shown stale or invented.")
        strict = self.env.app.abe_config.strict  # type: ignore[attr-defined]
        log = logger.error if strict else logger.info
        log(f"{example.slug}: not executed: {result['reason']}", location=self.get_location(),
            type="abe", subtype="not-executed")
        box = nodes.warning(classes=["abe-not-executed"])
        box += nodes.paragraph(message, message)
        return box

    def _files(self, example: Example) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        standard_files: list[nodes.Node] = []  # after the files specific to the example
        for name in example.shown_files():
            path = example.path / name
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue  # binary data files are part of the folder but not shown
            standard = standard_of(example.path.parent, example.number, name, path.read_bytes())
            language = LANGUAGES.get(path.suffix, "text")
            block = _literal(text, language, ["abe-file"])
            block["source"] = str(path)
            self.set_source_info(block)
            wrapped = container_wrapper(self, block, name)
            wrapped["classes"].append("abe-file-wrapper")
            wrapped["ids"].append(file_anchor(example.number, name))
            if standard:
                standard_files += folded(name, standard, wrapped)
            elif name in example.fold:
                open_tag = ("<details class=\"abe-fold\"><summary>Show "
                            f"<code>{name}</code> (folded; the whole file)</summary>")
                out += [nodes.raw("", open_tag, format="html"), wrapped,
                        nodes.raw("", "</details>", format="html")]
            else:
                out.append(wrapped)
        return out + standard_files

    def _session(self, example: Example, result: dict[str, Any],
                 verified_on: list[str]) -> list[nodes.Node]:
        server = result["server"]
        dialects = {r.get("dialect") for s in result["steps"] for r in s["sql"]}
        against = f"{server} ({result['provider']} server), in a database created for it and " \
                  "dropped afterwards"
        if dialects == {"sqlite"}:
            against = f"SQLite {sqlite3.sqlite_version}, in a database file of the example folder"
        intro = nodes.paragraph(classes=["abe-session-intro"])
        intro += nodes.Text(f"The session below was run by the build against {against}. "
                            "Every output and SQL listing is generated.")
        from .sphinx_ext import executor_for
        from .versions import (
            difference_nodes,
            mark_schema_change,
            output_differences,
            verified_sentence,
        )

        runs = executor_for(self.env.app).stored_runs(example)
        differences = output_differences(result, runs)
        majors = verified_sentence(result, runs)
        if majors:
            intro += nodes.Text(majors)
        elif len(verified_on) > 1:
            intro += nodes.Text(" This example, unchanged, also passed on: "
                                + ", ".join(v for v in verified_on
                                            if not v.startswith(server + " ")) + ".")
        out: list[nodes.Node] = [intro]
        linted: set[str] = set()
        for record in result["steps"]:
            step = example.steps[record["index"]]
            out.append(step_label(example.number, record["index"] + 1, step.run))
            if step.note:
                holder = nodes.container(classes=["abe-step-note"])
                self.state.nested_parse(StringList(step.note.splitlines()), self.content_offset,
                                        holder)
                out += holder.children
            command = _literal(f"$ {step.run}", "console", ["abe-command"])
            out.append(command)
            if step.output:
                out += _generated(self._output(step, record), "abe-output")
                if step.unordered:
                    out.append(nodes.paragraph(
                        text="These lines come in an order that varies from run to run: "
                             f"{step.unordered}", classes=["abe-unordered"]))
                out += difference_nodes(differences.get(record["index"], []))
            if step.sql and record["sql"]:
                sql_text = render_sql(record["sql"], include_catalog=step.catalog)
                if sql_text:
                    target = server
                    if {r.get("dialect") for r in record["sql"]} == {"sqlite"}:
                        target = f"SQLite {sqlite3.sqlite_version}"
                    language = "sql" if target.startswith("SQLite") else "postgresql"
                    block = _literal(sql_text, language, ["abe-generated", "abe-sql"])
                    out += _generated(container_wrapper(
                        self, block, f"SQL sent to {target} during this step "
                                     "(captured by the build)"), "abe-sql")
            out += locks_block(record.get("locks", []),
                               lambda block, caption: container_wrapper(self, block, caption))
            out += squawk_block(for_step(result, record.get("locks", []), linted),
                                record.get("locks", []),
                                lambda block, caption: container_wrapper(self, block, caption))
            if record.get("schema_change"):
                out += self._schema_change(mark_schema_change(
                    record["schema_change"], record["index"], result, runs))
        out += squawk_block(unapplied(result), [],
                            lambda block, caption: container_wrapper(self, block, caption))
        return out

    def _schema_change(self, change: str) -> list[nodes.Node]:
        """The step's effect on the schema, read from the catalog before and after, as a
        before → after view (:mod:`abe.schemaview`): folded in HTML, a titled block in the PDF."""
        view = schema_view(change)
        if not view:
            return []
        block = _literal(view, "abe-schema", ["abe-generated", "abe-schema"])
        wrapped = container_wrapper(
            self, block, "Schema before → after this step, read from the catalog by the build "
                         "(+ added, - removed, ~ changed: before → after)")
        return [nodes.raw("", '<details class="abe-fold abe-schema-change"><summary>Schema '
                              "before → after this step (from the catalog)</summary>",
                          format="html"),
                *_generated(wrapped, "abe-schema"),
                nodes.raw("", "</details>", format="html")]

    def _output(self, step: Any, record: dict[str, Any]) -> nodes.Node:
        text = shown_output(record["output"], step.tail)
        status = record["status"]
        label = "exit status 0" if status == 0 else f"exit status {status}, as expected"
        if not text:
            text = "(no output)"
        block = _literal(text, "text", ["abe-generated", "abe-output"])
        return container_wrapper(self, block, f"Output ({label}), generated by the build")


def shown_output(output: str, tail: int = 0) -> str:
    """A step's output as its page shows it: the last ``tail`` lines (when set), after a line
    that says how many were left out."""
    text = output.rstrip("\n")
    if tail and text.count("\n") >= tail:
        lines = text.split("\n")
        omitted = len(lines) - tail
        text = "\n".join([f"[... {omitted} earlier lines omitted by the book ...]"]
                         + lines[-tail:])
    return text


def render_sql(records: list[dict[str, Any]], include_catalog: bool = False) -> str:
    """Statements in the order sent, ``;``-terminated; catalog introspection summarised."""
    lines: list[str] = []
    hidden = 0

    def flush() -> None:
        nonlocal hidden
        if hidden:
            noun = "query" if hidden == 1 else "queries"
            lines.append(f"-- ({hidden} catalog {noun} by Alembic/SQLAlchemy not shown)")
            hidden = 0

    for record in records:
        if record["kind"] == "catalog" and not include_catalog:
            hidden += 1
            continue
        flush()
        text = record["sql"].rstrip().rstrip(";")
        lines.append(_tidy(text) + ";")
        if record.get("error"):
            lines.append(f"-- => failed: {record['error']}")
    flush()
    if all(line in ("BEGIN;", "COMMIT;", "ROLLBACK;") or line.startswith("-- (")
           for line in lines):
        return ""  # nothing but transaction bookkeeping and introspection
    return "\n".join(lines)


def _tidy(sql: str) -> str:
    """SQLAlchemy renders DDL with tabs and trailing spaces; show it with clean indentation."""
    out = []
    for line in sql.splitlines():
        line = line.rstrip().replace("\t", "    ")
        if line.strip():
            out.append(line)
    return "\n".join(out)
