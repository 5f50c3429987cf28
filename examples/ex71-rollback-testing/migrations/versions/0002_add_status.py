"""add projects.status

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => house style before ALTER TABLE (Example 63)
    op.add_column(
        "projects",
        sa.Column("status", sa.String(20), server_default="active", nullable=False),
    )  # => `ALTER TABLE projects ADD COLUMN status VARCHAR(20) DEFAULT 'active' NOT NULL`
    # => a constant default: existing rows read 'active'


def downgrade() -> None:
    op.drop_column("projects", "status")  # => the values go with it: 0001 had no status
