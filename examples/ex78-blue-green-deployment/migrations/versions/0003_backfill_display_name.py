"""backfill users.display_name in batches

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:15:00
"""

import os

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

ONE_BATCH = sa.text(
    "UPDATE users SET display_name = fullname "
    "WHERE id IN (SELECT id FROM users WHERE display_name IS NULL ORDER BY id LIMIT :rows)"
)  # => only rows still missing it: a rerun continues where the last committed batch ended


def upgrade() -> None:
    rows = int(os.environ.get("BACKFILL_BATCH_ROWS", "5000"))  # => rows per batch
    with op.get_context().autocommit_block():  # => each UPDATE commits on its own
        while True:
            done = op.get_bind().execute(ONE_BATCH, {"rows": rows}).rowcount
            print(f"backfilled {done} rows")  # => Output: backfilled 0 rows
            if done == 0:
                break


def downgrade() -> None:
    pass  # => the copied names can stay: at 0002 display_name is nullable and kept in sync
