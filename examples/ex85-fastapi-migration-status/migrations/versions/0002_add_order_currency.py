"""add orders.currency

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the head the new application code expects
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "orders",
        sa.Column("currency", sa.String(3), nullable=False, server_default="EUR"),
    )  # => `ALTER TABLE orders ADD COLUMN currency VARCHAR(3) DEFAULT 'EUR' NOT NULL`


def downgrade() -> None:
    op.drop_column("orders", "currency")  # => `ALTER TABLE orders DROP COLUMN currency`
