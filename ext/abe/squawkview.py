"""The folded "squawk" block under a step: findings on the offline SQL of each revision the step
applied (see :mod:`abe.squawk`), with the reason of an accepted one, and the measured locks beside
squawk's claim where the two disagree (see :mod:`abe.locks`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docutils import nodes

_LATEX_OPEN = (r"\begingroup\sphinxsetup{VerbatimColor={named}{abeSql},"
               r"VerbatimBorderColor={named}{abeOrange}}" "\n")
#: squawk's help text names the lock the statement itself takes this way
_REQUIRES = re.compile(r"Statement requires: ([A-Z ]+?) lock")


def _mode(words: str) -> str:
    """``ACCESS EXCLUSIVE`` -> ``AccessExclusiveLock`` (pg_locks' spelling)."""
    return "".join(w.capitalize() for w in words.split()) + "Lock"


def disagreement(finding: dict[str, Any], measured: dict[str, Any] | None) -> str:
    """The measured side, when squawk's claim about this statement's lock or scan is not what the
    build measured on the revision; "" when they agree or nothing was measured."""
    if not measured or not measured.get("measured", True):
        return ""
    modes = sorted({lock["mode"] for lock in measured.get("locks", [])}
                   | {lock["mode"] for s in measured.get("autocommit", [])
                      for lock in s.get("locks", [])})
    claimed = _REQUIRES.search(finding.get("help", ""))
    # a statement outside a transaction whose locks were not measured could have taken it
    unknown = any(not s.get("measured", True) for s in measured.get("autocommit", []))
    if claimed and _mode(claimed.group(1)) not in modes and not unknown:
        return (f"measured: no {_mode(claimed.group(1))} was taken; the revision took "
                f"{', '.join(modes) or 'no lock on the example tables'}")
    if "scanned" in finding.get("message", "") and not measured.get("scanned"):
        return "measured: no full table scan in this revision (seq_scan did not grow)"
    return ""


def revision_lines(record: dict[str, Any], measured: dict[str, Any] | None) -> list[str]:
    head = f"revision {record['revision']}" + (
        f" (alembic upgrade {record['range']} --sql)" if record.get("range") else "")
    if not record.get("linted", False):
        return [f"{head}: not linted ({record.get('reason', '')})"]
    if not record["findings"]:
        return [f"{head}: no finding"]
    lines = [head]
    for finding in record["findings"]:
        lines.append(f"  {finding['rule']}: {finding['message']}")
        lines.append(f"    on: {finding['statement']}")
        other = disagreement(finding, measured)
        if other:
            lines.append(f"    {other}")
        if finding.get("accepted"):
            lines.append(f"    accepted: {finding['accepted']}")
    return lines


def squawk_block(records: list[dict[str, Any]], measured: list[dict[str, Any]],
                 wrap: Callable[[nodes.literal_block, str], nodes.Node]) -> list[nodes.Node]:
    """Nodes for the squawk findings of ``records`` (folded in HTML); ``measured`` are the lock
    records of the same step (matched by revision)."""
    if not records:
        return []
    by_revision = {m.get("revision"): m for m in measured}
    text = "\n".join(line for r in records
                     for line in revision_lines(r, by_revision.get(r["revision"])))
    count = sum(len(r.get("findings", [])) for r in records)
    accepted = sum(1 for r in records for f in r.get("findings", []) if f.get("accepted"))
    block = nodes.literal_block(text, text, language="text",
                                classes=["abe-generated", "abe-squawk"])
    block["highlight_args"] = {}
    wrapper = wrap(block, "squawk on the offline SQL of each revision alone, run by the build "
                          "(findings on Alembic's alembic_version table left out)")
    summary = (f"squawk: {count} finding{'s' if count != 1 else ''}"
               + (f", {accepted} accepted" if accepted else "") + " (show)")
    return [nodes.raw("", _LATEX_OPEN, format="latex"),
            nodes.raw("", f'<details class="abe-fold abe-squawk-fold"><summary>{summary}'
                          "</summary>", format="html"), wrapper,
            nodes.raw("", "</details>", format="html"),
            nodes.raw("", "\\endgroup\n", format="latex")]


def for_step(result: dict[str, Any], step_locks: list[dict[str, Any]], shown: set[str]
             ) -> list[dict[str, Any]]:
    """The squawk records of the revisions a step applied (its lock records name them), each
    only under the first step that applied it (``shown`` remembers)."""
    applied = {m.get("revision") for m in step_locks if m.get("step", "").startswith("upgrade")}
    out = [r for r in result.get("squawk", []) if r.get("revision") in applied - shown]
    shown.update(r["revision"] for r in out)
    return out


def unapplied(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The squawk records of revisions no step upgraded to (linted all the same)."""
    applied = {m.get("revision") for s in result.get("steps", []) for m in s.get("locks", [])
               if m.get("step", "").startswith("upgrade")}
    return [r for r in result.get("squawk", []) if r.get("revision") not in applied]
