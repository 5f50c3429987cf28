"""add accounts.balance_cents

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the head
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "accounts",
        sa.Column("balance_cents", sa.BigInteger, server_default="0", nullable=False),
    )
    # => ALTER TABLE accounts ADD COLUMN balance_cents BIGINT DEFAULT '0' NOT NULL


def downgrade() -> None:
    op.drop_column("accounts", "balance_cents")
    # => ALTER TABLE accounts DROP COLUMN balance_cents
