"""add notes.body

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => downgrading 0002 moves alembic_version back to this id
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("notes", sa.Column("body", sa.Text()))
    # => `ALTER TABLE notes ADD COLUMN body TEXT`


def downgrade() -> None:
    op.drop_column("notes", "body")  # => `ALTER TABLE notes DROP COLUMN body`
    # => the column's values are destroyed; Example 8 shows that loss
    # => Output: INFO  [alembic.runtime.migration] Running downgrade 0002 -> 0001, add notes.body
