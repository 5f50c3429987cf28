"""add projects.archived

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
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    # => the tenant is live while its schema migrates: fail fast rather than queue its queries
    op.add_column(
        "projects",
        sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
    )  # => `ALTER TABLE projects ADD COLUMN archived BOOLEAN DEFAULT false NOT NULL`


def downgrade() -> None:
    op.drop_column("projects", "archived")  # => drops the column, in the current tenant only
