"""Rollback tests: every downgrade() must undo its upgrade() exactly."""

from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import Script, ScriptDirectory
from sqlalchemy import Engine, inspect

CFG = Config(str(Path(__file__).resolve().parent.parent / "alembic.ini"))
REVISIONS = list(reversed(list(ScriptDirectory.from_config(CFG).walk_revisions())))
# => walk_revisions() goes head -> base; reversed: 0001, 0002, 0003 (collected at import time)


@pytest.mark.parametrize("revision", REVISIONS, ids=lambda r: r.revision)
# => one test per revision: test_stairway[0001], test_stairway[0002], test_stairway[0003]
def test_stairway(alembic_cfg: Config, revision: Script) -> None:
    command.upgrade(alembic_cfg, revision.revision)  # => up to and including this revision
    command.downgrade(alembic_cfg, revision.down_revision or "base")  # => one step down
    command.upgrade(alembic_cfg, revision.revision)  # => and up again
    # => fails if downgrade() left anything behind that upgrade() creates
    # => (an index, a column, an enum type) or removed too much


def schema(engine: Engine) -> dict[str, object]:
    """Tables, columns and indexes as the database reports them."""
    insp = inspect(engine)
    return {
        t: ([c["name"] for c in insp.get_columns(t)],
            sorted(i["name"] for i in insp.get_indexes(t)))
        for t in sorted(insp.get_table_names())
    }


def test_roundtrip_to_base(alembic_cfg: Config, engine: Engine) -> None:
    command.upgrade(alembic_cfg, "head")
    at_head = schema(engine)  # => snapshot of the full schema
    command.downgrade(alembic_cfg, "base")
    assert list(schema(engine)) == ["alembic_version"]  # => nothing else survives
    command.upgrade(alembic_cfg, "head")
    assert schema(engine) == at_head  # => rebuilt identically
