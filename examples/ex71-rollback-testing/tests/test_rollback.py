"""Rollback tests: each downgrade() restores the schema before it, and the data."""

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import Script, ScriptDirectory
from sqlalchemy import Engine, inspect, text

CFG = Config(str(Path(__file__).resolve().parent.parent / "alembic.ini"))
REVISIONS = list(reversed(list(ScriptDirectory.from_config(CFG).walk_revisions())))
# => walk_revisions() goes head -> base; reversed: 0001, 0002, 0003 (collected at import time)


def schema(engine: Engine) -> dict[str, object]:
    """Every table's columns (type, NULL, default) and indexes, as the catalog reports them."""
    with engine.connect() as conn:  # => closed before Alembic runs again
        insp = inspect(conn)
        return {
            table: (
                [(c["name"], str(c["type"]), c["nullable"], c["default"])
                 for c in insp.get_columns(table)],
                sorted((i["name"], tuple(i["column_names"])) for i in insp.get_indexes(table)),
            )
            for table in sorted(insp.get_table_names())
        }


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.revision)
# => one test per revision: test_stairway[0001], test_stairway[0002], test_stairway[0003]
def test_stairway(alembic_cfg: Config, engine: Engine, revision: Script) -> None:
    below = revision.down_revision or "base"
    command.upgrade(alembic_cfg, below)
    before = schema(engine)  # => the schema one step below this revision
    command.upgrade(alembic_cfg, revision.revision)
    command.downgrade(alembic_cfg, below)
    assert schema(engine) == before
    # => a leftover column or index, a changed type, NULL or default: the downgrade is incomplete
    command.upgrade(alembic_cfg, revision.revision)  # => and the revision can run again


PROJECTS = [("Apollo", "active"), ("Gemini", "archived"), ("Mercury", "active")]


def test_0003_rollback_keeps_data(alembic_cfg: Config, engine: Engine) -> None:
    command.upgrade(alembic_cfg, "0002")
    with engine.begin() as conn:  # => rows as they are before 0003 ships
        for name, status in PROJECTS:
            conn.execute(
                text("INSERT INTO projects (name, status) VALUES (:name, :status)"),
                {"name": name, "status": status},
            )
    command.upgrade(alembic_cfg, "0003")  # => the deploy
    command.downgrade(alembic_cfg, "0002")  # => the rollback
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name, status FROM projects ORDER BY id")).all()
    assert rows == PROJECTS  # => every project as it was, archived ones still archived
