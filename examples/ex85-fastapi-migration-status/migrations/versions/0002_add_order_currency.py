"""add orders.currency

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the head release 2 of the service expects
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    # => release 1 is serving traffic on orders: give up after 5 s instead of queueing its queries
    op.add_column(
        "orders",
        sa.Column("currency", sa.String(3), nullable=False, server_default="EUR"),
    )  # => `ALTER TABLE orders ADD COLUMN currency VARCHAR(3) DEFAULT 'EUR' NOT NULL`
    # => an additive change: release 1's queries, which never name currency, keep working


def downgrade() -> None:
    op.drop_column("orders", "currency")  # => DROP COLUMN currency; release 2 must be gone first
