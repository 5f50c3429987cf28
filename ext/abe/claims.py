"""Annotation truth: the ``# =>`` / ``-- =>`` notes that quote SQL or output are checked.

Two kinds of note are claims about the run, by a convention authors can see:

* SQL quoted in backticks, e.g. ``# => `email VARCHAR(255) NOT NULL` ``: the fragment must occur
  in the SQL captured from the run (or in a step's output, for offline ``--sql`` scripts). A
  backticked fragment counts as SQL when it holds an upper-case SQL keyword; ``import models``
  is not a claim.
* ``# => Output: <text>``: the text must occur in a line some step printed.

Both are compared after folding case and white space. Notes about locks and rewrites (``# =>
locks: ACCESS EXCLUSIVE on orders``, ``# => no rewrite``, ``# => rewrites orders``) are checked
against the build's measurements (:mod:`abe.lockclaims`). A claim the run does not support is
reported with the file and line of the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .lockclaims import check_lock_claim, lock_claim, where

_NOTE = re.compile(r"(?:#|--)\s*=>\s*(.*)$")
_BACKTICKED = re.compile(r"`([^`]+)`")
_SQL_WORDS = re.compile(
    r"\b(CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|SELECT|TRUNCATE|COMMENT|GRANT|REVOKE|VALUES|"
    r"TABLE|INDEX|CONSTRAINT|PRIMARY|FOREIGN|REFERENCES|UNIQUE|CHECK|DEFAULT|NULL|SERIAL|"
    r"VARCHAR|INTEGER|BIGINT|TEXT|BOOLEAN|TIMESTAMP|NUMERIC|UUID|JSONB|BEGIN|COMMIT|ROLLBACK|"
    r"RENAME|COLUMN|TYPE|ENUM|VIEW|TRIGGER|FUNCTION|PROCEDURE|SCHEMA|EXTENSION|CONCURRENTLY)\b"
)


@dataclass(frozen=True)
class Claim:
    path: str  # relative to the example folder
    line: int
    kind: str  # "sql", "output", or a lock claim's "locks", "no-rewrite", "rewrites"
    text: str
    revision: str | None = None  # lock claims: the revision of the file (None: any)
    upgrade: bool = True  # lock claims: in upgrade() (or outside downgrade())


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _fold_sql(text: str) -> str:
    folded = _fold(text).rstrip(";").strip()
    # SQL spacing differs around punctuation between hand-written and rendered text
    return re.sub(r"\s*([(),;=])\s*", r"\1", folded)


def find_claims(folder: Path, files: list[str]) -> list[Claim]:
    claims = []
    for name in files:
        try:
            lines = (folder / name).read_text(encoding="utf-8").splitlines()
        except (UnicodeDecodeError, OSError):
            continue
        for number, line in enumerate(lines, 1):
            match = _NOTE.search(line)
            if not match:
                continue
            note = match.group(1)
            lock = lock_claim(note)
            if lock:
                revision, upgrade = where(folder, name, number)
                claims.append(Claim(name, number, lock[0], lock[1], revision, upgrade))
                continue
            if note.startswith("Output:"):
                claims.append(Claim(name, number, "output", note[len("Output:"):].strip()))
                continue
            for fragment in _BACKTICKED.findall(note):
                if _SQL_WORDS.search(fragment):
                    claims.append(Claim(name, number, "sql", fragment))
    return claims


def check_claims(claims: list[Claim], steps: list[dict[str, Any]]) -> list[str]:
    """Messages for the claims the run does not support (empty: all supported)."""
    sql = _fold_sql(" ; ".join(r["sql"] for s in steps for r in s["sql"]))
    outputs = [s["output"] for s in steps]
    output_sql = _fold_sql(" ".join(outputs))
    output_lines = [_fold(line) for out in outputs for line in out.splitlines()]
    problems = []
    for claim in claims:
        if claim.kind == "sql":
            needle = _fold_sql(claim.text)
            if needle not in sql and needle not in output_sql:
                problems.append(f"{claim.path}:{claim.line}: annotation claims SQL "
                                f"`{claim.text}`, which the run did not send")
        elif claim.kind in ("locks", "no-rewrite", "rewrites"):
            problem = check_lock_claim(claim.path, claim.line, claim.kind, claim.text,
                                       claim.revision, claim.upgrade, steps)
            if problem:
                problems.append(problem)
        else:
            needle = _fold(claim.text)
            if not any(needle in line for line in output_lines):
                problems.append(f"{claim.path}:{claim.line}: annotation claims output "
                                f"{claim.text!r}, which the run did not print")
    return problems
