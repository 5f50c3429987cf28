"""The "Locks and rewrites" block under each step that ran migrations (see :mod:`abe.locks`).

One listing per step, one paragraph per revision, e.g.::

    upgrade 0001 -> 0002
      users  AccessExclusiveLock  not rewritten

Folded (HTML) when it only restates the obvious: every lock is on a relation the revision
itself created. The PDF shows the same text, tinted like the other generated blocks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes

from .locks import MODES

_LATEX_OPEN = (r"\begingroup\sphinxsetup{VerbatimColor={named}{abeSql},"
               r"VerbatimBorderColor={named}{abeOrange}}" "\n")


def _strength(mode: str) -> int:
    return MODES.index(mode) if mode in MODES else len(MODES)


def revision_lines(record: dict[str, Any]) -> list[str]:
    """The lines of one revision's measurement."""
    head = record["step"]
    if not record.get("measured", True):
        return [f"{head}: not measured ({record.get('reason', '')})"]
    lines = [head]
    created, dropped = set(record["created"]), set(record["dropped"])
    modes: dict[str, list[str]] = {}
    for lock in record["locks"]:
        if lock["mode"] not in modes.setdefault(lock["relation"], []):
            modes[lock["relation"]].append(lock["mode"])
    names = list(dict.fromkeys([*modes, *record["rewritten"], *record["scanned"]]))
    width = max((len(n) + (6 if n in created else 0) for n in names), default=0)
    mode_width = max((len(", ".join(m)) for m in modes.values()), default=0)
    for name in names:
        shown = sorted(modes.get(name, []), key=_strength, reverse=True)
        label = f"{name} (new)" if name in created and name not in dropped else name
        if name in created and name in dropped:
            state = "rebuilt (dropped, created again)"
        elif name in created:
            state = "created"
        elif name in dropped:
            state = "dropped"
        elif name in record["rewritten"]:
            state = "rewritten (new relfilenode)"
        else:
            state = "not rewritten"
        if name in record["scanned"]:
            state += ", full table scan"
        lines.append(f"  {label:<{width}}  {', '.join(shown) or '-':<{mode_width}}  {state}"
                     .rstrip())
    if not names and not record["autocommit"]:
        lines.append("  no lock on the example's tables")
    if record["autocommit"] and (record["scanned"] or record["rewritten"]):
        lines.append("  (scans and rewrites: the whole revision, its statements outside a "
                     "transaction included)")
    statements: list[tuple[dict[str, Any], int]] = []
    for statement in record["autocommit"]:  # a batched backfill: one line for its batches
        if statements and statements[-1][0] == statement:
            statements[-1] = (statement, statements[-1][1] + 1)
        else:
            statements.append((statement, 1))
    for statement, times in statements:
        first = statement["sql"].splitlines()[0].strip()
        again = f" ({times} times)" if times > 1 else ""
        lines.append(f"  outside a transaction{again}: {first}")
        if not statement["measured"]:
            lines.append(f"    locks not measured ({statement.get('reason', '')})")
            continue
        shown = [f"    {lock['relation']}  {lock['mode']}" for lock in statement["locks"]]
        lines += shown or ["    no lock on the example's tables"]
        lines.append("    (held while it waited for an older snapshot, seen from a second "
                     "connection)")
    return lines


def obvious(record: dict[str, Any]) -> bool:
    """True when the revision's measurement says nothing beyond "it created these"."""
    if not record.get("measured", True) or record["autocommit"] or record["scanned"]:
        return False
    created = set(record["created"])
    return all(lock["relation"] in created for lock in record["locks"]) and \
        not record["rewritten"] and not record["dropped"]


def render_text(records: list[dict[str, Any]]) -> str:
    return "\n\n".join("\n".join(revision_lines(r)) for r in records)


def locks_block(records: list[dict[str, Any]],
                wrap: Callable[[nodes.literal_block, str], nodes.Node]) -> list[nodes.Node]:
    """The docutils nodes for one step's block (empty when the step applied no revision);
    ``wrap`` puts a caption on a listing (the directive's own ``container_wrapper``)."""
    if not records:
        return []
    text = render_text(records)
    block = nodes.literal_block(text, text, language="text",
                                classes=["abe-generated", "abe-locks"])
    block["highlight_args"] = {}
    caption = ("Locks and rewrites, per revision (measured by the build on the migration's "
               "connection; system catalogs and alembic_version not listed)")
    wrapper = wrap(block, caption)
    out: list[nodes.Node] = [nodes.raw("", _LATEX_OPEN, format="latex")]
    if all(obvious(r) for r in records):
        summary = "Locks and rewrites: only the new relations' own locks (show)"
        out += [nodes.raw("", f'<details class="abe-fold abe-locks-fold"><summary>{summary}'
                              "</summary>", format="html"), wrapper,
                nodes.raw("", "</details>", format="html")]
    else:
        out.append(wrapper)
    out.append(nodes.raw("", "\\endgroup\n", format="latex"))
    return out
