"""replace projects.status with an archived flag

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
    )  # => the column of 0002, exactly; every row reads 'active' until the UPDATE below,
    # => in this same transaction, so no other session ever sees that
    op.execute("UPDATE projects SET status = 'archived' WHERE archived")
    # => `UPDATE projects SET status = 'archived' WHERE archived`: the data goes back too
    op.drop_column("projects", "archived")
