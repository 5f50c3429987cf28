"""Tests for the revision chain itself: its shape, and every revision in both directions."""

from collections.abc import Callable

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory


def test_single_head(alembic_cfg: Config) -> None:
    """Two developers adding revisions in parallel create two heads; catch it in CI."""
    heads = ScriptDirectory.from_config(alembic_cfg).get_heads()  # => reads files, no database
    assert len(heads) == 1, f"more than one head: {sorted(heads)}"
    # => not `== ["0003"]`: that line would need editing with every new revision


def test_stairway(alembic_cfg: Config) -> None:
    """Each revision, oldest first: up, down one step, up again."""
    script = ScriptDirectory.from_config(alembic_cfg)  # => the versions/ folder, parsed
    for revision in reversed(list(script.walk_revisions("base", "heads"))):  # => oldest first
        command.upgrade(alembic_cfg, revision.revision)  # => one step up
        command.downgrade(alembic_cfg, "-1")  # => one step down, to whatever its parent is
        command.upgrade(alembic_cfg, revision.revision)  # => up again: fails if down left debris


def test_upgrade_head_builds_schema(
    alembic_cfg: Config, engine: sa.Engine, tables: Callable[[], set[str]]
) -> None:
    command.upgrade(alembic_cfg, "head")  # => same code path as "alembic upgrade head"
    assert tables() == {"alembic_version", "authors", "books"}
    with engine.connect() as conn:  # => closed at the end of the block, before teardown runs
        inspector = sa.inspect(conn)
        fks = [fk["name"] for fk in inspector.get_foreign_keys("books")]
        indexes = [ix["name"] for ix in inspector.get_indexes("books")]
    assert fks == ["fk_books_author_id_authors"]  # => named by 0002
    assert indexes == ["ix_books_author_id"]  # => created by 0003


def test_downgrade_base_removes_everything(
    alembic_cfg: Config, tables: Callable[[], set[str]]
) -> None:
    command.upgrade(alembic_cfg, "head")
    command.downgrade(alembic_cfg, "base")  # => runs every downgrade(), newest first
    assert tables() == {"alembic_version"}  # => only Alembic's own (now empty) table
