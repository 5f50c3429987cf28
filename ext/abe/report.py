"""The execution report: every example's outcome, filled after all pages are read.

The directive only leaves a placeholder; ``doctree-resolved`` replaces it with the report built
from what every page recorded, so it is complete under parallel builds too. The report is a
summary in sentences, the versions the examples ran with (stated once), a compact table whose
columns are only those that vary in this build (a column with one value in every row becomes a
sentence), a legend of the remaining columns, and notes for what does not fit a cell (why an
example was not executed or failed, what a substitution stands in for, a caveat of a
verification).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

Info = dict[str, Any]
#: the marker a short cell carries when the notes below the table say more
NOTE_MARK = " *"


class report_placeholder(nodes.General, nodes.Element):
    """Replaced by the report before writing; never reaches a builder."""


class ExecutionReportDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.__dict__.setdefault("abe_report_docs", set()).add(self.env.docname)
        return [report_placeholder()]


def _rows(pages: dict[str, dict[str, Info]]) -> list[tuple[str, str, Info]]:
    rows = [(doc, slug, info) for doc, exs in pages.items() for slug, info in exs.items()]
    return sorted(rows, key=lambda r: (r[2]["number"], r[1]))


def _infos(pages: dict[str, dict[str, Info]]) -> list[Info]:
    return [info for _doc, _slug, info in _rows(pages)]


def short(value: str) -> tuple[str, str]:
    """A verification's text as (what the cell shows, the note it needs or ""):
    ``"not run: revisions 0002 ..."`` -> ``("not run", "not run: revisions 0002 ...")``."""
    head = re.split(r": | \(", value, maxsplit=1)[0]
    return (head, "") if head == value else (head, value)


def status_of(info: Info) -> str:
    status: str = info["status"]
    return "not executed" if status == "skipped" else status


def databases_of(info: Info) -> str:
    """``"1"``, ``"2"``, ``"1 + SQLite"``: how many PostgreSQL databases, and SQLite if used."""
    count = info.get("databases", 1)
    parts = [str(count)] if count else []
    if info.get("sqlite"):
        parts.append("SQLite")
    return " + ".join(parts) or "none"


@dataclass(frozen=True)
class Column:
    """One column of the table: its header, the cell of an example, the note a cell needs, the
    legend entry, and the sentence that replaces the column when every row has one value."""
    header: str
    cell: Callable[[Info], str]
    legend: str
    once: Callable[[str], str]
    note: Callable[[Info], str] = lambda info: ""
    label: str = ""  # what a note calls the column (its header when empty)

    def shown(self, info: Info) -> str:
        """The cell, marked when the notes say more (a marked cell differs from an unmarked)."""
        text = self.cell(info)
        return text + NOTE_MARK if self.note(info) and not text.endswith(NOTE_MARK) else text


def _verification(key: str) -> Callable[[Info], str]:
    return lambda info: short(info.get("verification", {}).get(key, "not run"))[0]


def _verification_note(key: str) -> Callable[[Info], str]:
    return lambda info: short(info.get("verification", {}).get(key, "not run"))[1]


def _count(key: str) -> Callable[[Info], str]:
    return lambda info: str(info.get(key, 0))


def _status_note(info: Info) -> str:
    if info["status"] == "skipped":
        return f"not executed: {info.get('reason', '')}"
    if info["status"] == "failed":
        failure = (info.get("failure") or "").strip().splitlines()
        return f"failed: {failure[0] if failure else 'no message'}"
    return ""


def _cache_once(value: str) -> str:
    if value == "hit":
        return ("Every result was taken from the results cache: no example's inputs had changed "
                "since it last ran.")
    if value == "miss":
        return "Every example was executed in this build (none had a stored result)."
    return f"Every example's cache state: {value}."


COLUMNS: list[Column] = [
    Column("Status", status_of,
           "passed: every step ended as its session expects; failed: a step did not (the notes "
           "give its first line); not executed: the build could not run it (the notes say why).",
           lambda v: "", note=_status_note),
    Column("DBs", databases_of,
           "how many PostgreSQL databases the session used, and \"+ SQLite\" when it also sent "
           "SQL to SQLite (read from the SQL it really sent).",
           lambda v: f"Every example used {v} database{'s' if v != '1' else ''}."),
    Column("Subst.", lambda i: "yes" if i.get("substitution") else "none",
           "\"yes\" when the session runs something in place of the real thing (the notes say "
           "what, and why); \"none\" otherwise.",
           lambda v: "No example used a substitution." if v == "none"
           else "Every example used a substitution (see the notes).",
           note=lambda i: i.get("substitution", ""), label="Substitution"),
    Column("Steps", _count("steps"), "the commands the session ran.",
           lambda v: f"Every example ran {v} steps."),
    Column("Claims", _count("claims"),
           "annotation claims (the # => notes) checked against the real output.",
           lambda v: f"Every example checked {v} annotation claims."),
    Column("Lock claims", _count("lock_claims"),
           "claims about the locks a revision takes, checked against the locks measured.",
           lambda v: f"Every example checked {v} lock claims."),
    Column("Rewrites", _count("rewrites"), "table rewrites the build saw a revision cause.",
           lambda v: f"Every example caused {v} table rewrites."),
    Column("squawk", _count("squawk_findings"),
           "findings of the squawk linter on the SQL of the example's revisions.",
           lambda v: f"squawk found {v} issues in every example."),
    Column("Round trip", _verification("roundtrip"),
           "upgrade to head, downgrade to base and upgrade again, run after the session: passed, "
           "failed, not run or not applicable (a * means the notes add a caveat).",
           lambda v: f"Every example's round trip: {v}.",
           note=_verification_note("roundtrip")),
    Column("Models", _verification("check"),
           "alembic check of the models against the migrations: passed, failed, no models, or "
           "declared drift (the example means them to differ; see the notes).",
           lambda v: f"Every example's check of models against migrations: {v}.",
           note=_verification_note("check")),
    Column("Secs", lambda i: f"{i['seconds']:.2f}",
           "how long the session took when it ran (a cached result keeps its time).",
           lambda v: f"Every example took {v} s."),
    Column("Cache", lambda i: i["cache"],
           "hit: the stored result was reused, its inputs unchanged; miss: executed in this "
           "build.", _cache_once),
]


def _major_cell(major: int) -> Callable[[Info], str]:
    def cell(info: Info) -> str:
        value = info.get("majors", {}).get(str(major), "not run")
        return {"passed (shown)": "shown", "passed, same output": "same"}.get(
            value, value.replace("passed, output differs in step", "differs:"))
    return cell


def _major_once(major: int) -> Callable[[str], str]:
    # "shown" in every row: the versions sentence already names the server
    return lambda v: "" if v == "shown" else f"On PostgreSQL {major} every example: {v}."


def _major_columns(infos: list[Info]) -> list[Column]:
    """One column per PostgreSQL major the examples ran on (nox -s pgversions)."""
    majors = sorted({int(m) for info in infos for m in info.get("majors", {})})
    return [Column(f"PG {m}", _major_cell(m),
                   "shown: passed, and the listings are from this server; same: passed with the "
                   "same output; differs: N: passed, output differs in step N (a folded diff on "
                   "the page); failed; not executed; not run.",
                   _major_once(m)) for m in majors]


def split_columns(infos: list[Info]) -> tuple[list[Column], list[str]]:
    """The columns that vary between rows, and a sentence for each that does not."""
    kept, said = [], []
    for column in [*COLUMNS, *_major_columns(infos)]:
        values = {column.shown(info) for info in infos}
        if len(values) > 1:
            kept.append(column)
        elif values and (sentence := column.once(values.pop())):
            said.append(sentence)
    return kept, said


def _number(count: int, word: str = "") -> str:
    return ("none" if count == 0 else str(count)) + (f" {word}" if word else "")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def summary(pages: dict[str, dict[str, Info]]) -> str:
    """The report's summary in sentences, from the recorded outcomes."""
    infos = _infos(pages)
    if not infos:
        return "No example was recorded in this build."
    counts = {k: sum(1 for i in infos if i["status"] == k) for k in ("passed", "failed", "skipped")}
    if counts["passed"] == len(infos) == 1:
        first = "The one example passed."
    elif counts["passed"] == len(infos):
        first = f"All {len(infos)} examples passed: none failed and none was left unexecuted."
    else:
        first = (f"Of the {len(infos)} examples, {_number(counts['passed'])} passed, "
                 f"{_number(counts['failed'])} failed and {_number(counts['skipped'])} "
                 f"{'was' if counts['skipped'] == 1 else 'were'} not executed.")
    trips = [short(i.get("verification", {}).get("roundtrip", "")) for i in infos]
    passed = sum(1 for head, _note in trips if head == "passed")
    caveats = sum(1 for head, note in trips if head == "passed" and note)
    caveat = f" ({caveats} of them with a caveat in the notes)" if caveats else ""
    checks = sum(1 for i in infos if i.get("verification", {}).get("check") == "passed")
    total = {k: sum(i.get(k, 0) for i in infos)
             for k in ("claims", "lock_claims", "rewrites", "squawk_findings")}
    second = (f"The build checked {total['claims']} annotation claims and "
              f"{total['lock_claims']} lock claims, saw {total['rewrites']} table rewrites and "
              f"{total['squawk_findings']} squawk findings; {_plural(passed, 'example')} "
              f"passed the round trip{caveat} and {checks} the check of their models against "
              "their migrations.")
    return f"{first} {second}"


def console_line(pages: dict[str, dict[str, Info]], executed: list[str]) -> str:
    """The end-of-build console line: the summary, what this build executed, the servers."""
    infos = _infos(pages)
    return (f"abe: {summary(pages)} {len(executed)} executed in this build, "
            f"{len(infos) - len(executed)} from cache; {servers_phrase(infos)}.")


def library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "(not installed)"


def _join(items: list[str]) -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``; ``""`` for none."""
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def _servers(infos: list[Info]) -> list[str]:
    """The PostgreSQL servers the examples ran against, as ``"PostgreSQL 18.6 (embedded)"``."""
    return sorted({f"{i['server']} ({i['provider']})" for i in infos})


def _sqlite_versions(infos: list[Info]) -> list[str]:
    return sorted({i["sqlite"] for i in infos if i.get("sqlite")})


def servers_phrase(infos: list[Info]) -> str:
    """``"server: PostgreSQL 18.6 (embedded)"``, plus SQLite when an example used it."""
    servers, sqlite = _servers(infos), _sqlite_versions(infos)
    phrase = f"server{'s' if len(servers) > 1 else ''}: {_join(servers) or 'none'}"
    if sqlite:
        phrase += f", and SQLite {_join(sqlite)}"
    return phrase


def versions_sentence(infos: list[Info]) -> str:
    """Alembic, SQLAlchemy, psycopg and Sphinx (this build's), and the servers the examples ran
    against (from the recorded results), said once."""
    libraries = ", ".join(f"{label} {library_version(name)}" for label, name in
                          (("Alembic", "alembic"), ("SQLAlchemy", "sqlalchemy"),
                           ("psycopg", "psycopg")))
    servers = _servers(infos)
    sentence = (f"The examples ran with {libraries}, and this edition was built with Sphinx "
                f"{library_version('sphinx')}. They ran against {_join(servers) or 'no server'}")
    users = [i for i in infos if i.get("sqlite")]
    if users:
        versions = _join(_sqlite_versions(users))
        who = _join([f"Example {i['number']}" for i in users])
        sentence += f"; {who} also on SQLite {versions}"
    return sentence + "."


def notes(infos_by_slug: list[tuple[str, Info]], columns: list[Column]) -> list[tuple[str, str]]:
    """(example, "Column: text") for every cell that needs more than it shows; a failure or a
    reason for not executing comes first, and is listed even when its column was dropped."""
    out = []
    status = COLUMNS[0]
    for slug, info in infos_by_slug:
        for column in [status, *[c for c in columns if c is not status]]:
            text = column.note(info)
            if text:
                out.append((slug, f"{column.label or column.header}: {text}"))
    return out


def _widest_word(texts: list[str]) -> int:
    return max([len(word) for text in texts for word in text.split()] + [1])


def latex_widths(rows: list[tuple[str, Info]], columns: list[Column]) -> list[int]:
    """Each column's share of the line: its widest unbreakable word (a whole example name, a
    header word, a cell word) plus two for the space around it, so no cell is overfull."""
    names = [len(slug) for slug, _info in rows] + [len("Example")]
    return [max(names) + 2, *(_widest_word([c.header, *(c.shown(i) for _s, i in rows)]) + 2
                              for c in columns)]


def latex_spec(widths: list[int]) -> str:
    """A column spec for the LaTeX writer: ragged-right paragraphs whose widths share the line
    in proportion to ``widths`` (no hyphenation in narrow cells)."""
    total = sum(widths)
    cell = r">{\raggedright\arraybackslash\hspace{0pt}}\X{%d}{%d}"
    return "|" + "|".join(cell % (w, total) for w in widths) + "|"


def _paragraph(text: str) -> nodes.paragraph:
    return nodes.paragraph(text=text)


def _table(app: Sphinx, fromdoc: str, pages: dict[str, dict[str, Info]],
           columns: list[Column]) -> list[nodes.Node]:
    rows = _rows(pages)
    widths = latex_widths([(slug, info) for _d, slug, info in rows], columns)
    table = nodes.table(classes=["abe-report"])
    group = nodes.tgroup(cols=1 + len(columns))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    row = nodes.row()
    for title in ["Example", *(c.header for c in columns)]:
        row += nodes.entry("", _paragraph(title))
    head += row
    group += head
    body = nodes.tbody()
    for doc, slug, info in rows:
        row = nodes.row()
        ref = nodes.reference("", slug, internal=True,
                              refuri=app.builder.get_relative_uri(fromdoc, doc))
        cell = nodes.paragraph()
        cell += ref
        row += nodes.entry("", cell)
        for column in columns:
            row += nodes.entry("", _paragraph(column.shown(info)))
        body += row
    group += body
    spec = latex_spec(widths)
    # on landscape pages (pdflscape), in small type with narrow gaps between columns: the
    # columns' widest words do not fit a portrait line once a PostgreSQL major's column is added
    start = "\\begin{landscape}\\begingroup\\scriptsize\\setlength{\\tabcolsep}{3pt}\n"
    return [nodes.raw("", start, format="latex"), addnodes.tabular_col_spec(spec=spec), table,
            nodes.raw("", "\\endgroup\\end{landscape}\n", format="latex")]


def _legend(columns: list[Column], marked: bool) -> nodes.definition_list:
    legend = nodes.definition_list(classes=["abe-report-legend"])
    entries = [("Example", "its folder name, linked to its page."),
               *((c.header, c.legend) for c in columns)]
    if marked:
        entries.append(("*", "the notes below the table say more."))
    for term, text in entries:
        item = nodes.definition_list_item()
        item += nodes.term(text=term)
        definition = nodes.definition()
        definition += _paragraph(text)
        item += definition
        legend += item
    return legend


def _heading(title: str) -> nodes.rubric:
    return nodes.rubric(text=title)


def report_nodes(app: Sphinx, docname: str, pages: dict[str, dict[str, Info]]
                 ) -> list[nodes.Node]:
    infos = _infos(pages)
    columns, said = split_columns(infos)
    out: list[nodes.Node] = [_paragraph(summary(pages)), _paragraph(versions_sentence(infos))]
    if said:
        out.append(_paragraph(" ".join(said)))
    if not infos:
        return out
    found = notes([(slug, info) for _d, slug, info in _rows(pages)], columns)
    out.extend(_table(app, docname, pages, columns))
    out.extend([_heading("Legend"), _legend(columns, bool(found))])
    if found:
        listing = nodes.bullet_list(classes=["abe-report-notes"])
        for slug, text in found:
            item = nodes.list_item()
            item += nodes.paragraph("", "", nodes.strong(text=slug), nodes.Text(f": {text}"))
            listing += item
        out.extend([_heading("Notes"), listing])
    return out


def fill_reports(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    pages: dict[str, dict[str, Info]] = getattr(app.env, "abe_examples", {})
    for node in list(doctree.findall(report_placeholder)):
        node.replace_self(report_nodes(app, docname, pages))
