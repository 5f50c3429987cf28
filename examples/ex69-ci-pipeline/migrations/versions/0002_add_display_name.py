"""add users.display_name

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the release being deployed
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => house style before ALTER TABLE (Example 63)
    op.add_column(
        "users", sa.Column("display_name", sa.String(100), nullable=True), if_not_exists=True
    )
    # => `ALTER TABLE users ADD COLUMN IF NOT EXISTS display_name VARCHAR(100)`
    # => IF NOT EXISTS: the block below commits it, so a rerun after a failed index build
    # => must be able to get past it (the index's IF NOT EXISTS would also skip that build's
    # => INVALID leftover: Example 67's fixed revision drops one first)
    with op.get_context().autocommit_block():  # => users is live in production (Example 67)
        op.create_index(
            op.f("ix_users_display_name"), "users", ["display_name"],
            postgresql_concurrently=True, if_not_exists=True,
        )
        # => `CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_display_name ON users (display_name)`


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(
            op.f("ix_users_display_name"), table_name="users",
            postgresql_concurrently=True, if_exists=True,
        )
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.drop_column("users", "display_name")
