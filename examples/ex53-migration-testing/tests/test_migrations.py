"""Tests for the revision chain itself: structure, upgrade, downgrade, and each step both ways."""

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from conftest import tables  # => pytest puts tests/ on sys.path (rootdir-relative import)


def test_single_head(alembic_cfg: Config) -> None:
    """Two developers adding revisions in parallel create two heads; catch it in CI."""
    heads = ScriptDirectory.from_config(alembic_cfg).get_heads()  # => reads files, no database
    assert heads == ["0003"]  # => exactly one head, and it is the one we expect


def test_upgrade_head_builds_schema(alembic_cfg: Config, engine: sa.Engine) -> None:
    command.upgrade(alembic_cfg, "head")  # => same code path as "alembic upgrade head"
    assert tables(engine) == {"alembic_version", "authors", "books"}
    # => the set of tables proves every create_table ran; alembic_version is Alembic's own
    with engine.connect() as conn:  # => closed at the end of the block, before teardown runs
        inspector = sa.inspect(conn)
        fks = inspector.get_foreign_keys("books")  # => reflected from the catalog
        indexes = inspector.get_indexes("books")
        version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
        # => `SELECT version_num FROM alembic_version`: exactly one row is expected
    assert [fk["name"] for fk in fks] == ["fk_books_author_id"]  # => named by 0002
    assert [ix["name"] for ix in indexes] == ["ix_books_author_id"]  # => created by 0003
    assert version == "0003"  # => alembic_version holds the head after the upgrade


def test_downgrade_base_removes_everything(alembic_cfg: Config, engine: sa.Engine) -> None:
    command.upgrade(alembic_cfg, "head")
    command.downgrade(alembic_cfg, "base")  # => runs every downgrade(), newest first
    assert tables(engine) == {"alembic_version"}  # => only Alembic's own (now empty) table


def test_stairway(alembic_cfg: Config) -> None:
    """Each revision: up, down, up again. Catches downgrades that forget something."""
    script = ScriptDirectory.from_config(alembic_cfg)  # => the versions/ folder, parsed
    revisions = list(script.walk_revisions("base", "heads"))  # => newest first: 0003, 0002, 0001
    for revision in reversed(revisions):  # => oldest first
        command.upgrade(alembic_cfg, revision.revision)  # => one step up
        command.downgrade(alembic_cfg, revision.down_revision or "base")  # => and back down
        # => a downgrade that leaves an object behind makes the next upgrade fail here
        command.upgrade(alembic_cfg, revision.revision)  # => up again, onto the next step
