"""Sphinx wiring of the abe extension: options, directives, events and the build summary."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.matching import get_matching_files

from . import diagrams, sitenav, standard
from .config import AbeConfig, config_values
from .directive import ExampleDirective
from .downloads import setup_downloads
from .executor import Executor
from .indexes import setup_indexes
from .navigation import setup_navigation
from .postgres import DatabaseError
from .report import ExecutionReportDirective, console_line, fill_reports
from .schemaview import SchemaLexer
from .session import Example, SessionError, load_example
from .versions import report_columns

logger = logging.getLogger(__name__)

_DIRECTIVE_USE = re.compile(r"^\s*(?:`{3,}|:{3,})\{example\}\s+(ex\d\d-[\w-]+)", re.M)


def executor_for(app: Sphinx) -> Executor:
    """The build's executor, created on first use (also inside parallel reader processes)."""
    executor = getattr(app, "abe_executor", None)
    if executor is None:
        executor = Executor(app.abe_config, Path(app.confdir))  # type: ignore[attr-defined]
        app.abe_executor = executor  # type: ignore[attr-defined]
    return executor


def record_example(env: BuildEnvironment, docname: str, example: Example,
                   result: dict[str, Any], verified_on: list[str]) -> None:
    """Remember which page shows which example, with its key and outcome (for outdating and the
    execution report)."""
    pages = env.__dict__.setdefault("abe_examples", {})
    pages.setdefault(docname, {})[example.slug] = {
        "key": result["key"], "status": result["status"], "cache": result["cache"],
        "seconds": result.get("seconds", 0.0), "server": result["server"],
        "provider": result["provider"], "reason": result.get("reason", ""),
        "failure": result.get("failure", ""), "number": example.number,
        "steps": len(result.get("steps", [])), "claims": result.get("claims", 0),
        "lock_claims": result.get("lock_claims", 0), "rewrites": result.get("rewrites", 0),
        "squawk_findings": result.get("squawk_findings", 0),
        **databases_used(example, result), "substitution": example.substitution,
        "verification": result.get("verification", {}), "verified_on": verified_on,
        "majors": report_columns(result, executor_for(env.app).stored_runs(example)),
    }


def databases_used(example: Example, result: dict[str, Any]) -> dict[str, Any]:
    """What the session really talked to, from the SQL it sent (not from what it declares): the
    number of PostgreSQL databases (0 when it sent PostgreSQL nothing) and the SQLite version
    ("" when it used no SQLite)."""
    import sqlite3

    dialects = {r.get("dialect") for s in result.get("steps", []) for r in s["sql"]}
    postgres = "postgresql" in dialects or not dialects
    return {"databases": example.requires.databases if postgres else 0,
            "sqlite": sqlite3.sqlite_version if "sqlite" in dialects else ""}


def _config_inited(app: Sphinx, config: Any) -> None:
    try:
        app.abe_config = AbeConfig.from_sphinx(config)  # type: ignore[attr-defined]
    except ValueError as exc:
        raise ExtensionError(f"[abe.config] {exc}") from None


def _examples_in(app: Sphinx, docnames: list[str]) -> list[tuple[str, Example]]:
    return _examples_in_files(app, [(d, Path(app.env.doc2path(d))) for d in docnames])


def _examples_in_files(app: Sphinx, sources: list[tuple[str, Path]]
                       ) -> list[tuple[str, Example]]:
    root = Path(app.confdir) / app.abe_config.examples_dir  # type: ignore[attr-defined]
    found = []
    for docname, source in sources:
        try:
            text = source.read_text(encoding="utf-8")
        except OSError:
            continue
        for slug in _DIRECTIVE_USE.findall(text):
            try:
                found.append((docname, load_example(root / slug)))
            except SessionError:
                pass  # the directive reports it with the page's location
    return found


def _builder_inited(app: Sphinx) -> None:
    """Start the worker and the server early when the build will execute anything: they then
    start while Sphinx sets up, not after it. Which pages exist is found here the way Sphinx
    finds them (its include and exclude patterns); the real work waits for the read phase."""
    suffixes = tuple(app.config.source_suffix)
    files = get_matching_files(app.srcdir, include_patterns=app.config.include_patterns,
                               exclude_patterns=app.config.exclude_patterns)
    sources = [(name, Path(app.srcdir) / name) for name in files if name.endswith(suffixes)]
    examples = [example for _doc, example in _examples_in_files(app, sources)]
    if examples:
        executor_for(app).prestart(examples)


def _before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Execute every example the pages about to be read need, several at once."""
    for docname in docnames:
        env.__dict__.setdefault("abe_examples", {}).pop(docname, None)
    examples = [ex for _doc, ex in _examples_in(app, docnames)]
    if not examples:
        return
    executor = executor_for(app)
    try:
        executor.results(examples)
    except DatabaseError as exc:
        executor.fatal = executor.fatal or str(exc)
    _report_fatal(app)
    for notice in executor.notices:
        logger.info(f"abe: {notice}")
    executor.notices.clear()


def _report_fatal(app: Sphinx) -> None:
    """Say once, in one line, why no example can run (the pages show it too)."""
    executor = executor_for(app)
    if executor.fatal and not getattr(app, "abe_fatal_reported", False):
        logger.error(executor.fatal, type="abe", subtype="database")
        app.abe_fatal_reported = True  # type: ignore[attr-defined]


def _outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
              removed: set[str]) -> list[str]:
    """Pages whose examples' inputs changed (any file, the runner, the versions, the server)."""
    pages: dict[str, dict[str, Any]] = getattr(env, "abe_examples", {})
    root = Path(app.confdir) / app.abe_config.examples_dir  # type: ignore[attr-defined]
    executor = executor_for(app)
    stale = []
    for docname, examples in pages.items():
        for slug, info in examples.items():
            force = executor.config.forced(slug)
            try:
                example = load_example(root / slug)
                key = executor.key(example)
                verified_on = executor.verified_on(example)
            except (SessionError, OSError):
                key, verified_on = "", []
            if force or key != info["key"] or info["status"] != "passed" or \
                    verified_on != info.get("verified_on"):
                stale.append(docname)
                break
    reports: set[str] = getattr(env, "abe_report_docs", set())
    if stale or added or changed or removed:
        stale += sorted(reports)
    return stale


def _purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "abe_examples", {}).pop(docname, None)
    getattr(env, "abe_report_docs", set()).discard(docname)


def _merge(app: Sphinx, env: BuildEnvironment, docnames: set[str],
           other: BuildEnvironment) -> None:
    env.__dict__.setdefault("abe_examples", {}).update(getattr(other, "abe_examples", {}))
    env.__dict__.setdefault("abe_report_docs", set()).update(
        getattr(other, "abe_report_docs", set()))


def _finished(app: Sphinx, exception: BaseException | None) -> None:
    executor = getattr(app, "abe_executor", None)
    if executor is not None:
        executor.close()
    if exception is not None:
        return
    if executor is not None and executor.fatal:
        _report_fatal(app)
        app.statuscode = 1
    pages: dict[str, dict[str, Any]] = getattr(app.env, "abe_examples", {})
    logger.info(console_line(pages, executor.executed if executor else []))
    failed = [(doc, slug, info) for doc, exs in pages.items() for slug, info in exs.items()
              if info["status"] == "failed"]
    if failed:
        lines = [f"  {app.env.doc2path(doc)}: {slug}: {info['failure'].splitlines()[0]}"
                 for doc, slug, info in sorted(failed)]
        logger.error(f"{len(failed)} example(s) failed:\n" + "\n".join(lines),
                     type="abe", subtype="step")
        app.statuscode = 1  # the build fails, with or without -W
    strict = app.abe_config.strict  # type: ignore[attr-defined]
    skipped = [slug for exs in pages.values() for slug, info in exs.items()
               if info["status"] == "skipped"]
    if strict and skipped:
        logger.error(f"strict build: not executed: {', '.join(sorted(skipped))}",
                     type="abe", subtype="not-executed")
        app.statuscode = 1


_ANCHOR = re.compile(r"^ex-\d\d$")


def _pdf_destinations(app: Sphinx, doctree: nodes.document) -> None:
    """Give every example section a PDF named destination equal to its anchor (``ex-22``), so
    ``alembic-by-example.pdf#ex-22`` works like ``…html#ex-22``."""
    for section in doctree.findall(nodes.section):
        for anchor in [i for i in section["ids"] if _ANCHOR.match(i)]:
            section.insert(1, nodes.raw("", f"\\hypertarget{{{anchor}}}{{}}\n", format="latex"))


def setup(app: Sphinx) -> dict[str, Any]:
    for name, default, _help in config_values():
        app.add_config_value(name, default, "env")
    app.add_directive("example", ExampleDirective)
    app.add_directive("execution-report", ExecutionReportDirective)
    app.connect("config-inited", _config_inited)
    app.connect("builder-inited", _builder_inited)
    app.connect("env-before-read-docs", _before_read)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-resolved", fill_reports)
    app.connect("doctree-read", _pdf_destinations)
    app.connect("build-finished", _finished)
    app.add_css_file("abe.css")
    app.add_lexer("abe-schema", SchemaLexer)
    setup_navigation(app)
    setup_downloads(app)
    setup_indexes(app)
    diagrams.setup(app)
    standard.setup(app)
    sitenav.setup(app)
    from . import __version__

    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": 2}  # 2: "databases" and "sqlite" replace "runs_against"
