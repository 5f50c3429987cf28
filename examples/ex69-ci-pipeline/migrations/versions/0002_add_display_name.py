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
    op.add_column("users", sa.Column("display_name", sa.String(100), nullable=True))
    # => `ALTER TABLE users ADD COLUMN display_name VARCHAR(100)`
    op.create_index("ix_users_display_name", "users", ["display_name"])
    # => `CREATE INDEX ix_users_display_name ON users (display_name)`


def downgrade() -> None:
    op.drop_index("ix_users_display_name", table_name="users")
    op.drop_column("users", "display_name")
