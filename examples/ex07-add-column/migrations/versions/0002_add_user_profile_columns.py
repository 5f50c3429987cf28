"""add profile columns to users

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => runs after the table exists
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => one ALTER TABLE ... ADD COLUMN per call; new columns go at the end of the table
    # => locks: ACCESS EXCLUSIVE on users
    # => no rewrite
    # => (both measured by the build: a constant or now() default is stored in the catalog)
    op.add_column("users", sa.Column("nickname", sa.String(50), nullable=True))
    # => `ALTER TABLE users ADD COLUMN nickname VARCHAR(50)`
    # => nullable: existing rows simply read as NULL

    op.add_column(
        "users",
        sa.Column("is_verified", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    # => `ALTER TABLE users ADD COLUMN is_verified BOOLEAN DEFAULT false NOT NULL`
    # => NOT NULL needs a value for the existing rows: server_default supplies false
    # => the session shows the same statement without DEFAULT failing on the row already there

    op.add_column(
        "users",
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
    )
    # => `ALTER TABLE users ADD COLUMN created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL`
    # => existing rows get the start time of the migration's transaction
    # => op.add_column(..., if_not_exists=True) would emit ADD COLUMN IF NOT EXISTS


def downgrade() -> None:
    # => reverse order; each drop also discards the column's data
    op.drop_column("users", "created_at")  # => `ALTER TABLE users DROP COLUMN created_at`
    op.drop_column("users", "is_verified")  # => `ALTER TABLE users DROP COLUMN is_verified`
    op.drop_column("users", "nickname")  # => `ALTER TABLE users DROP COLUMN nickname`
