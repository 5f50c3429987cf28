"""Randomness pinning: ``alembic revision`` writes the same revision ids and Create Date in
every build, so the book's generated files and output repeat."""

from __future__ import annotations

import hashlib
from typing import Any

import alembic.util
import alembic.util.langhelpers
from alembic.script.base import ScriptDirectory


def pin_randomness(slug: str, step_no: int, frozen: float) -> None:
    """Make ``alembic revision`` reproducible: revision ids and Create Date are pinned."""
    counter = iter(range(1000))

    def rev_id() -> str:
        seed = f"{slug}:{step_no}:{next(counter)}".encode()
        return hashlib.sha256(seed).hexdigest()[:12]

    alembic.util.rev_id = rev_id
    alembic.util.langhelpers.rev_id = rev_id
    import alembic.command as command_module

    if hasattr(command_module, "util"):
        command_module.util.rev_id = rev_id

    original = ScriptDirectory._generate_create_date

    def create_date(self: ScriptDirectory) -> Any:
        real = original(self)
        import datetime as _dt

        pinned = _dt.datetime.fromtimestamp(frozen, tz=_dt.UTC)
        if real.tzinfo is None:
            return pinned.replace(tzinfo=None)
        return pinned.astimezone(real.tzinfo)

    ScriptDirectory._generate_create_date = create_date  # type: ignore[method-assign]
