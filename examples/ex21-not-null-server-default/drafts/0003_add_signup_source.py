"""add users.signup_source, required from now on

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"  # => applied after 0002
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on users
    # => no rewrite
    op.add_column(
        "users",
        sa.Column("signup_source", sa.String(20), nullable=False, server_default="legacy"),
    )
    # => `ALTER TABLE users ADD COLUMN signup_source VARCHAR(20) DEFAULT 'legacy' NOT NULL`
    # => 'legacy' is only the value for the rows that exist today
    op.alter_column("users", "signup_source", server_default=None)
    # => `ALTER TABLE users ALTER COLUMN signup_source DROP DEFAULT`, in the same revision:
    # => the existing rows keep 'legacy'; every new row must name its source


def downgrade() -> None:
    op.drop_column("users", "signup_source")  # => ALTER TABLE users DROP COLUMN signup_source (not run here)
