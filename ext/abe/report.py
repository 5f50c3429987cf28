"""The execution report: a table of every example's outcome, filled after all pages are read.

The directive only leaves a placeholder; ``doctree-resolved`` replaces it with a table built from
what every page recorded, so the report is complete under parallel builds too.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


class report_placeholder(nodes.General, nodes.Element):
    """Replaced by the report table before writing; never reaches a builder."""


class ExecutionReportDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.__dict__.setdefault("abe_report_docs", set()).add(self.env.docname)
        return [report_placeholder()]


def _rows(pages: dict[str, dict[str, Any]]) -> list[tuple[str, str, dict[str, Any]]]:
    rows = [(doc, slug, info) for doc, exs in pages.items() for slug, info in exs.items()]
    return sorted(rows, key=lambda r: (r[2]["number"], r[1]))


def _table(app: Sphinx, fromdoc: str, pages: dict[str, dict[str, Any]]) -> nodes.Node:
    # one column per PostgreSQL major the examples ran on (nox -s pgversions)
    majors = sorted({int(m) for exs in pages.values() for info in exs.values()
                     for m in info.get("majors", {})})
    headers = ["Example", "Status", "Runs against", "Substitution", "Steps", "Claims checked",
               "Lock claims", "Rewrites seen", "Round trip", "Models vs migrations", "Seconds",
               "Cache", *(f"PostgreSQL {m}" for m in majors)]
    table = nodes.table(classes=["abe-report"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in (22, 9, 20, 26, 5, 6, 5, 5, 12, 12, 6, 5, *(10 for _ in majors)):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    row = nodes.row()
    for title in headers:
        row += nodes.entry("", nodes.paragraph(text=title))
    head += row
    group += head
    body = nodes.tbody()
    for doc, slug, info in _rows(pages):
        row = nodes.row()
        ref = nodes.reference("", slug, internal=True,
                              refuri=app.builder.get_relative_uri(fromdoc, doc))
        cell = nodes.paragraph()
        cell += ref
        row += nodes.entry("", cell)
        status = info["status"]
        if status == "skipped":
            status = f"not executed: {info['reason']}"
        against = info.get("runs_against") or f"{info['server']} ({info['provider']})"
        verification = info.get("verification", {})
        values = [status, against, info.get("substitution", "") or "none",
                  str(info["steps"]), str(info.get("claims", 0)),
                  str(info.get("lock_claims", 0)), str(info.get("rewrites", 0)),
                  verification.get("roundtrip", "not run"), verification.get("check", "not run"),
                  f"{info['seconds']:.2f}", info["cache"],
                  *(info.get("majors", {}).get(str(m), "not run") for m in majors)]
        for value in values:
            row += nodes.entry("", nodes.paragraph(text=value))
        body += row
    group += body
    return table


def fill_reports(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    pages: dict[str, dict[str, Any]] = getattr(app.env, "abe_examples", {})
    for node in list(doctree.findall(report_placeholder)):
        summary = nodes.paragraph(text=summary_line(pages))
        node.replace_self([summary, _table(app, docname, pages)])


def summary_line(pages: dict[str, dict[str, Any]], executed: list[str] | None = None) -> str:
    infos = [info for exs in pages.values() for info in exs.values()]
    counts = {k: sum(1 for i in infos if i["status"] == k) for k in ("passed", "failed", "skipped")}
    servers = sorted({f"{i['server']} ({i['provider']})" for i in infos})
    claims = sum(i.get("claims", 0) for i in infos)
    trips = sum(1 for i in infos if i.get("verification", {}).get("roundtrip") == "passed")
    checks = sum(1 for i in infos if i.get("verification", {}).get("check") == "passed")
    line = (f"abe: {len(infos)} examples: {counts['passed']} passed, {counts['failed']} failed, "
            f"{counts['skipped']} not executed; {claims} annotation claims checked, "
            f"{trips} round-tripped, {checks} checked against their models; "
            f"{sum(i.get('lock_claims', 0) for i in infos)} lock claims checked, "
            f"{sum(i.get('rewrites', 0) for i in infos)} rewrites seen")
    if executed is not None:
        line += f"; {len(executed)} executed in this build, {len(infos) - len(executed)} from cache"
    if servers:
        line += f"; server: {', '.join(servers)}"
    return line
