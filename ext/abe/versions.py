"""The same example on several PostgreSQL majors: what a page and the report say about them.

``nox -s pgversions`` (``python -m abe compare 14 15 16 17 18``) runs every example on each
major's embedded server; the results cache keeps one folder per server. From those stored results
this module gives a page the majors an example was verified on, and, for each step whose output
differs on another major, that major's lines as a unified diff (folded on the page); the report
gets one column per major.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from docutils import nodes
from sphinx import addnodes

Result = dict[str, Any]


def major_of(server: str) -> int:
    """``"PostgreSQL 15.19"`` -> 15 (0 when it does not say)."""
    match = re.search(r"PostgreSQL (\d+)", server)
    return int(match.group(1)) if match else 0


def by_major(runs: list[Result]) -> dict[int, Result]:
    """One run per major (the embedded server's when there are two of a major)."""
    out: dict[int, Result] = {}
    for run in sorted(runs, key=lambda r: r.get("provider") != "embedded"):
        out.setdefault(major_of(run.get("server", "")), run)
    out.pop(0, None)
    return dict(sorted(out.items()))


def verified_sentence(current: Result, runs: list[Result]) -> str:
    """``" Verified, unchanged, on PostgreSQL 14, 15, 16, 17 and 18 ..."``; empty with one
    major only."""
    passed = [m for m, r in by_major(runs).items() if r.get("status") == "passed"]
    here = major_of(current.get("server", ""))
    if here and current.get("status") == "passed" and here not in passed:
        passed = sorted([*passed, here])
    if len(passed) < 2:
        return ""
    names = [str(m) for m in passed]
    sentence = (f" Verified, unchanged, on PostgreSQL {', '.join(names[:-1])} and {names[-1]}; "
                f"the listings are from {here}.")
    differing = sorted({m for found in output_differences(current, runs).values()
                        for m, _ in found})
    if differing:
        names = [str(m) for m in differing]
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        sentence += (f" Where PostgreSQL {listed} print{'s' if len(names) == 1 else ''} "
                     "something else, a folded diff follows the listing.")
    return sentence


def output_differences(current: Result, runs: list[Result]) -> dict[int, list[tuple[int, str]]]:
    """Step index -> [(major, unified diff from this page's output to that major's)], for the
    steps whose output differs on a major that ran the same steps."""
    here = major_of(current.get("server", ""))
    out: dict[int, list[tuple[int, str]]] = {}
    for major, run in by_major(runs).items():
        if major == here or len(run.get("steps", [])) != len(current.get("steps", [])):
            continue
        for mine, theirs in zip(current["steps"], run["steps"], strict=True):
            if mine["output"] == theirs["output"]:
                continue
            diff = difflib.unified_diff(
                mine["output"].splitlines(), theirs["output"].splitlines(),
                f"PostgreSQL {here} (shown above)", f"PostgreSQL {major}", lineterm="", n=1)
            out.setdefault(mine["index"], []).append((major, "\n".join(diff)))
    return out


def difference_nodes(differences: list[tuple[int, str]]) -> list[nodes.Node]:
    """Each other major's lines of one step, folded (HTML edition; the PDF keeps the page's)."""
    out: list[nodes.Node] = []
    for major, diff in differences:
        block = nodes.literal_block(diff, diff, language="diff",
                                    classes=["abe-generated", "abe-version-diff"])
        block["highlight_args"] = {}
        only = addnodes.only(expr="html")
        only += nodes.raw("", f'<details class="abe-fold abe-version-diff"><summary>On '
                              f"PostgreSQL {major} this step prints something else "
                              "(diff, generated)</summary>", format="html")
        only += block
        only += nodes.raw("", "</details>", format="html")
        out.append(only)
    return out


def report_columns(current: Result, runs: list[Result]) -> dict[str, str]:
    """Major -> what the report says for it: passed / differs (steps) / failed / not run."""
    here = major_of(current.get("server", ""))
    diffs = output_differences(current, runs)
    columns: dict[str, str] = {}
    for major, run in by_major(runs).items():
        status = run.get("status", "")
        if status == "skipped":
            columns[str(major)] = "not executed"
        elif status != "passed":
            columns[str(major)] = status
        elif major == here:
            columns[str(major)] = "passed (shown)"
        else:
            steps = [str(i + 1) for i, found in diffs.items() if any(m == major for m, _ in found)]
            columns[str(major)] = f"passed, output differs in step {', '.join(steps)}" \
                if steps else "passed, same output"
    return columns


#: A catalog row only PostgreSQL 18 and later have: a NOT NULL column's own constraint
#: (``pg_constraint.contype = 'n'``, named ``<table>_<column>_not_null``); earlier majors keep
#: NOT NULL in ``pg_attribute`` only, which the ``column`` row shows on every major.
NOT_NULL_ROW = re.compile(r"^[+-]constraint \S+ \S+ NOT NULL \S+$")
NOT_NULL_SINCE = 18


def mark_schema_change(change: str, index: int, current: Result, runs: list[Result]) -> str:
    """The step's schema panel with every row that only some majors have marked.

    With other majors' runs of the same example, a row is marked with the majors whose panel for
    that step has it when that is not all of them; without them, PostgreSQL 18's NOT NULL
    constraint rows are marked from what is known of the catalog (:data:`NOT_NULL_ROW`).
    """
    here = major_of(current.get("server", ""))
    panels = {here: set(change.splitlines())}
    for major, run in by_major(runs).items():
        steps = run.get("steps", [])
        if major != here and run.get("status") == "passed" and \
                len(steps) == len(current.get("steps", [])):
            panels[major] = set((steps[index].get("schema_change") or "").splitlines())
    out = []
    for line in change.splitlines():
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---")):
            having = sorted(m for m, rows in panels.items() if line in rows)
            if len(panels) > 1 and len(having) < len(panels):
                line += "    -- only on PostgreSQL " + ", ".join(map(str, having))
            elif len(panels) == 1 and here >= NOT_NULL_SINCE and NOT_NULL_ROW.match(line):
                line += f"    -- PostgreSQL {NOT_NULL_SINCE}+ only (earlier: the column's NOT NULL)"
        out.append(line)
    return "\n".join(out)
