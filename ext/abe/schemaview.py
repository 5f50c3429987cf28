"""The "Schema before → after" panel under a step: the step's catalog diff, grouped by object.

Input is the stored ``schema_change`` of a step (a unified diff of two :mod:`abe.schema`
fingerprints, one ``+``/``-`` line per catalog row), with the version notes that
:func:`abe.versions.mark_schema_change` appended. Output is plain text that reads as a before →
after view, one group per object (a table with its columns, constraints, indexes and triggers;
a view; an enum; a sequence ...)::

    + table public.products, created: discount_price numeric(10,2), id bigint NOT NULL
        + constraint pk_products PRIMARY KEY (id)
    table public.users
        ~ column email: character varying(255) NOT NULL → text NOT NULL
        - index ix_users_email btree (email)

Every row starts with a marker that is not only colour: ``+`` added, ``-`` removed, ``~``
changed (a removed and an added row with the same key: same column, constraint, index ... name).
A rename is not detected: the fingerprint has no object identity, so a rename and a drop plus an
add look the same, and both are shown as they are, ``-`` and ``+``.

:class:`SchemaLexer` colours the markers (Pygments ``Generic.Inserted`` / ``Generic.Deleted``),
so HTML, EPUB and LaTeX render the same listing; ``abe.css`` and ``conf.py``'s LaTeX preamble
give those tokens their green and red.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pygments.lexer import RegexLexer, bygroups
from pygments.token import Comment, Generic, Text, Whitespace

ADDED, REMOVED, CHANGED = "+", "-", "~"
ARROW = " → "
NOTE = "    -- "  # how abe.versions.mark_schema_change appends a version note to a row
INDENT = "    "

_IDENT = r'(?:"(?:[^"]|"")*"|[^\s."]+)'
_QUALIFIED = rf"{_IDENT}\.{_IDENT}"
_RELATION_KINDS = ("partitioned table", "materialized view", "foreign table", "table", "view",
                   "sequence")
_RELATION = re.compile(rf"^(?P<kind>{'|'.join(_RELATION_KINDS)}) (?P<rel>{_QUALIFIED})$")
_COLUMN = re.compile(rf"^column (?P<rel>{_QUALIFIED})\.(?P<key>{_IDENT}) (?P<value>.*)$")
_CONSTRAINT = re.compile(rf"^constraint (?P<rel>{_QUALIFIED}) (?P<key>{_IDENT}) (?P<value>.*)$")
_INDEX = re.compile(rf"^index CREATE (?P<unique>UNIQUE )?INDEX (?P<key>{_IDENT}) ON "
                    rf"(?P<only>ONLY )?(?P<rel>{_QUALIFIED}) USING (?P<value>.*)$")
_TRIGGER = re.compile(rf"^trigger CREATE (?:CONSTRAINT )?TRIGGER (?P<key>{_IDENT}) "
                      rf"(?P<value>.* ON (?P<rel>{_QUALIFIED}) .*)$")
_VIEW_DEFINITION = re.compile(rf"^view definition (?P<rel>{_QUALIFIED}): (?P<value>.*)$")
_ROUTINE = re.compile(rf"^(?P<kind>function|procedure) (?P<rel>{_QUALIFIED}\(.*\)) "
                      r"(?P<value>[0-9a-f]{32})$")
_OTHER = re.compile(r"^(?P<kind>schema|extension|enum) (?P<rel>\S+)(?: (?P<value>.*))?$")


@dataclass
class Row:
    """One catalog row of the diff: which object it belongs to, its key there, its definition."""

    sign: str  # "+" or "-"
    group: str  # the object it belongs to: "public.users", "public.f(integer)", "hr"
    part: str  # "column", "constraint", "index", "trigger", "definition", or the object's kind
    key: str  # its name within the group ("" for the object's own row)
    value: str  # its definition as the catalog gives it
    notes: list[str] = field(default_factory=list)


def parse_row(line: str) -> Row:
    """A ``+``/``-`` line of the diff as a :class:`Row` (unknown lines become their own group)."""
    sign, text = line[0], line[1:]
    notes = []
    if NOTE in text:
        text, note = text.split(NOTE, 1)
        notes.append(note)
    match = _RELATION.match(text)
    if match:
        return Row(sign, match["rel"], match["kind"], "", "", notes)
    for part, pattern in (("column", _COLUMN), ("constraint", _CONSTRAINT)):
        match = pattern.match(text)
        if match:
            return Row(sign, match["rel"], part, match["key"], match["value"], notes)
    match = _INDEX.match(text)
    if match:
        value = (match["unique"] or "") + (match["only"] or "") + match["value"]
        return Row(sign, match["rel"], "index", match["key"], value, notes)
    match = _TRIGGER.match(text)
    if match:
        return Row(sign, match["rel"], "trigger", match["key"], match["value"], notes)
    match = _VIEW_DEFINITION.match(text)
    if match:
        return Row(sign, match["rel"], "definition", "", match["value"].strip(), notes)
    match = _ROUTINE.match(text)
    if match:
        return Row(sign, match["rel"], match["kind"], "", match["value"], notes)
    match = _OTHER.match(text)
    if match:
        return Row(sign, match["rel"], match["kind"], "", match["value"] or "", notes)
    return Row(sign, text, "", "", "", notes)


_PART_ORDER = ("column", "constraint", "index", "trigger", "definition")


def _noted(text: str, notes: list[str]) -> str:
    return text + "".join(NOTE + note for note in dict.fromkeys(notes))


def _label(row: Row) -> str:
    return f"{row.part} {row.key}" if row.key else row.part


def _row_line(sign: str, row: Row) -> str:
    return _noted(f"{INDENT}{sign} {_label(row)} {row.value}".rstrip(), row.notes)


def _changed_line(old: Row, new: Row, label: str, indent: str = INDENT) -> str:
    if new.part in ("function", "procedure"):  # the fingerprint holds an md5 of the body
        return _noted(f"{indent}{CHANGED} {label}: body changed", old.notes + new.notes)
    return _noted(f"{indent}{CHANGED} {label}: {old.value or '(none)'}{ARROW}"
                  f"{new.value or '(none)'}", old.notes + new.notes)


def _group_lines(name: str, rows: list[Row]) -> list[str]:
    own = [r for r in rows if r.part not in _PART_ORDER]
    parts = [r for r in rows if r.part in _PART_ORDER]
    lines: list[str] = []
    if len(own) == 1 and own[0].part not in ("function", "procedure"):
        whole = own[0]  # the object itself created or dropped in this step
        columns = [r for r in parts if r.part == "column" and r.sign == whole.sign]
        state = "created" if whole.sign == ADDED else "dropped"
        head = f"{whole.sign} {whole.part} {name}, {state}"
        if columns:
            head += ": " + ", ".join(f"{r.key} {r.value}".rstrip() for r in columns)
        elif whole.value:
            head += ": " + whole.value
        lines.append(_noted(head, whole.notes + [n for r in columns for n in r.notes]))
        parts = [r for r in parts if r not in columns]
    elif len(own) == 1:
        lines.append(_noted(f"{own[0].sign} {own[0].part} {name}", own[0].notes))
    elif own:  # removed and added again under the same name: compare the two
        old = next(r for r in own if r.sign == REMOVED)
        new = next(r for r in own if r.sign == ADDED)
        if old.part != new.part:
            lines.append(_noted(f"{CHANGED} {name}: {old.part}{ARROW}{new.part}",
                                old.notes + new.notes))
        else:
            lines.append(_changed_line(old, new, f"{new.part} {name}", indent=""))
    else:
        lines.append(name)  # touched, not created or dropped: the fingerprint has no kind here
    for part in _PART_ORDER:
        of_part = [r for r in parts if r.part == part]
        for key in dict.fromkeys(r.key for r in of_part):
            removed = [r for r in of_part if r.key == key and r.sign == REMOVED]
            added = [r for r in of_part if r.key == key and r.sign == ADDED]
            for old, new in zip(removed, added, strict=False):
                lines.append(_changed_line(old, new, _label(new)))
            for row in removed[len(added):]:
                lines.append(_row_line(REMOVED, row))
            for row in added[len(removed):]:
                lines.append(_row_line(ADDED, row))
    return lines


def schema_view(change: str) -> str:
    """The before → after view of one step's ``schema_change`` text; empty when it has no row."""
    rows = [parse_row(line) for line in change.splitlines()
            if line[:1] in (ADDED, REMOVED) and not line.startswith(("+++", "---"))]
    for row in [r for r in rows if r.sign == REMOVED]:  # removed and added unchanged
        same = (row.group, row.part, row.key, row.value)
        twin = next((r for r in rows if r.sign == ADDED
                     and (r.group, r.part, r.key, r.value) == same), None)
        if twin is not None:
            rows.remove(row)
            rows.remove(twin)
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.group, []).append(row)
    out: list[str] = []
    for name in sorted(groups):
        out += _group_lines(name, groups[name])
    return "\n".join(out)


#: The panel's own tokens (styled in ``abe.css`` and ``conf.py``'s LaTeX preamble).
ADDED_TOKEN = Generic.Inserted.Abe
REMOVED_TOKEN = Generic.Deleted.Abe
CHANGED_TOKEN = Generic.Strong.Abe
OBJECT_TOKEN = Generic.Heading.Abe
NOTE_TOKEN = Comment.Abe


class SchemaLexer(RegexLexer):
    """The panel's markers as Pygments tokens: ``+`` rows inserted, ``-`` rows deleted, and a
    ``~`` row's old definition deleted, its new one inserted; version notes as comments.

    The tokens are subtypes of their own (``Generic.Inserted.Abe``: HTML class ``gi-Abe``, LaTeX
    ``\\PYG{g+gi+giAbe}``) so that colouring them colours nothing else of the book."""

    name = "abe schema view"
    aliases = ["abe-schema"]
    tokens = {
        "root": [
            (r"^( *)(\+ )([^\n]*?)((?:    -- [^\n]*)?)(\n|$)",
             bygroups(Whitespace, ADDED_TOKEN, ADDED_TOKEN, NOTE_TOKEN, Whitespace)),
            (r"^( *)(- )([^\n]*?)((?:    -- [^\n]*)?)(\n|$)",
             bygroups(Whitespace, REMOVED_TOKEN, REMOVED_TOKEN, NOTE_TOKEN, Whitespace)),
            (r"^( *)(~ )([^\n:]*: )([^\n]*?)( → )([^\n]*?)((?:    -- [^\n]*)?)(\n|$)",
             bygroups(Whitespace, CHANGED_TOKEN, Text, REMOVED_TOKEN, Text, ADDED_TOKEN,
                      NOTE_TOKEN, Whitespace)),
            (r"^( *)(~ )([^\n]*?)((?:    -- [^\n]*)?)(\n|$)",
             bygroups(Whitespace, CHANGED_TOKEN, Text, NOTE_TOKEN, Whitespace)),
            (r"[^\n]+\n?|\n", OBJECT_TOKEN),  # never empty: an empty match loops
        ],
    }
