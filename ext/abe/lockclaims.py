"""Claims about locks and rewrites, checked against what :mod:`abe.locks` measured.

Three note forms, in a revision file (or any file: then every revision of the run counts)::

    # => locks: ACCESS EXCLUSIVE on orders     the revision took that lock on that relation
    # => no rewrite                            the revision rewrote no table or index
    # => rewrites orders                       the revision rewrote that relation

A note inside ``def downgrade()`` is about the downgrade, any other about the upgrade. A positive
claim (``locks:``, ``rewrites``) holds when some measured run of the revision shows it; ``no
rewrite`` must hold in every measured run. Lock modes are written as PostgreSQL's documentation
spells them (``SHARE UPDATE EXCLUSIVE``) or as ``pg_locks`` does (``ShareUpdateExclusiveLock``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .locks import MODES

_LOCKS = re.compile(r"^locks:\s*(?P<mode>[A-Za-z ]+?)\s+on\s+(?P<relation>[\w.\"]+)\s*$", re.I)
_NO_REWRITE = re.compile(r"^no rewrite\s*$", re.I)
_REWRITES = re.compile(r"^rewrites\s+(?P<relation>[\w.\"]+)\s*$", re.I)
_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DEF = re.compile(r"^def\s+(upgrade|downgrade)\s*\(")


def _mode_key(text: str) -> str:
    key = re.sub(r"[\s_]+", "", text).lower()
    return key[:-4] if key.endswith("lock") else key


_MODE_NAMES = {_mode_key(m): m for m in MODES}


def lock_claim(note: str) -> tuple[str, str] | None:
    """(kind, text) when a note is a lock or rewrite claim: kind is "locks", "no-rewrite" or
    "rewrites"; text is what the author wrote after the arrow."""
    note = note.strip().rstrip(".")
    if _LOCKS.match(note):
        return "locks", note
    if _NO_REWRITE.match(note):
        return "no-rewrite", note
    if _REWRITES.match(note):
        return "rewrites", note
    return None


def where(folder: Path, path: str, line: int) -> tuple[str | None, bool]:
    """(revision id or None for "any", upgrade?) of a note at ``path:line``."""
    try:
        text = (folder / path).read_text(encoding="utf-8")
    except OSError:
        return None, True
    found = _REVISION.search(text)
    upgrade = True
    for current in text.splitlines()[:line]:
        match = _DEF.match(current)
        if match:
            upgrade = match.group(1) == "upgrade"
    return (found.group(1) if found else None), upgrade


def _measured_locks(record: dict[str, Any]) -> list[dict[str, Any]]:
    return record["locks"] + [lock for s in record["autocommit"] if s["measured"]
                              for lock in s["locks"]]


def _relation(name: str) -> str:
    return name.replace('"', "").rsplit(".", 1)[-1]


def check_lock_claim(path: str, line: int, kind: str, text: str, revision: str | None,
                     upgrade: bool, steps: list[dict[str, Any]]) -> str:
    """The problem with one claim (empty when the measurement supports it)."""
    where = f"{path}:{line}: annotation claims `{text}`"
    direction = "upgrade" if upgrade else "downgrade"
    runs = [r for s in steps for r in s.get("locks", [])
            if (revision is None or r["revision"] == revision) and r["upgrade"] == upgrade]
    name = f"revision {revision} ({direction})" if revision else f"any revision ({direction})"
    measured = [r for r in runs if r.get("measured", True)]
    if not measured:
        reasons = sorted({r.get("reason", "") for r in runs})
        why = f": {'; '.join(reasons)}" if reasons else " (no step ran it against PostgreSQL)"
        return f"{where}, but the build did not measure {name}{why}"
    if kind == "locks":
        match = _LOCKS.match(text.strip().rstrip("."))
        assert match is not None
        mode = _MODE_NAMES.get(_mode_key(match.group("mode")))
        relation = _relation(match.group("relation"))
        if mode is None:
            return (f"{where}: {match.group('mode').strip()!r} is not a PostgreSQL lock mode "
                    f"(one of: {', '.join(MODES)})")
        seen: list[str] = []
        for record in measured:
            modes = [lock["mode"] for lock in _measured_locks(record)
                     if lock["relation"] == relation]
            if mode in modes:
                return ""
            seen += modes
        took = ", ".join(sorted(set(seen), key=MODES.index)) if seen else "no lock"
        held = sorted({lock["mode"] for record in measured for lock in record.get("inherited", [])
                       if lock["relation"] == relation}, key=MODES.index)
        if held and not seen:
            return (f"{where}, but {name} took no new lock on {relation}: it already held "
                    f"{', '.join(held)} from an earlier revision of the same transaction, "
                    "and pg_locks cannot show a lock taken twice (run it in a step of its own)")
        return f"{where}, but {name} took {took} on {relation}"
    if kind == "no-rewrite":
        for record in measured:
            if record["rewritten"]:
                return f"{where}, but {name} rewrote {', '.join(record['rewritten'])}"
        return ""
    match = _REWRITES.match(text.strip().rstrip("."))
    assert match is not None
    relation = _relation(match.group("relation"))
    if any(relation in record["rewritten"] for record in measured):
        return ""
    others = sorted({n for record in measured for n in record["rewritten"]})
    also = f" (it rewrote {', '.join(others)})" if others else ""
    return f"{where}, but {name} did not rewrite {relation}{also}"
