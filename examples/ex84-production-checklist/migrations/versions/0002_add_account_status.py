"""add accounts.status

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
    op.add_column(
        "accounts",
        sa.Column("status", sa.String(20), nullable=False, server_default="active"),
    )  # => `ALTER TABLE accounts ADD COLUMN status VARCHAR(20) DEFAULT 'active' NOT NULL`
    # => a constant default is metadata-only since PostgreSQL 11: no table rewrite


def downgrade() -> None:
    op.drop_column("accounts", "status")  # => `ALTER TABLE accounts DROP COLUMN status`
