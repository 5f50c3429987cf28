"""experimental: index users.email (a branch that was later abandoned)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"  # => applied to the shared database, then the file was deleted
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_users_email", "users", ["email"])  # => `CREATE INDEX ix_users_email ON users (email)`


def downgrade() -> None:
    op.drop_index("ix_users_email", table_name="users")
