"""replace projects.status with an archived flag (first draft)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => house style before ALTER TABLE (Example 63)
    op.add_column(
        "projects",
        sa.Column("archived", sa.Boolean, server_default=sa.false(), nullable=False),
    )  # => `ALTER TABLE projects ADD COLUMN archived BOOLEAN DEFAULT false NOT NULL`
    op.execute("UPDATE projects SET archived = true WHERE status = 'archived'")
    # => the data migration: the information moves from status to archived
    op.drop_column("projects", "status")


def downgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.add_column(
        "projects",
        sa.Column("status", sa.String(20), server_default="active", nullable=False),
    )  # => the column of 0002, exactly: same type, default and NOT NULL
    # => BUG: every row now reads 'active'; the archived projects are live again
    op.drop_column("projects", "archived")  # => and the only record of which were archived is gone
