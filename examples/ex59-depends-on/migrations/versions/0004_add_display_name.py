"""add users.display_name

Revision ID: 0004
Revises: 0002
Create Date: 2026-11-24 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0004"  # => new head of the main chain, written after the reports branch
down_revision: str | None = "0002"  # => main chain continues: 0001 -> 0002 -> 0004
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("display_name", sa.String(100)))
    # => `ALTER TABLE users ADD COLUMN display_name VARCHAR(100)`
    # => 0002 is only implied by the 0003 row, so 0004 gets a row of its own:
    # => `INSERT INTO alembic_version (version_num) VALUES ('0004')`


def downgrade() -> None:
    op.drop_column("users", "display_name")
    # => `ALTER TABLE users DROP COLUMN display_name`
