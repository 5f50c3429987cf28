"""add orders.total_cents, nullable, for backfill.py to fill

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => runs after 0001
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    # => `SET LOCAL lock_timeout = '5s'`: give up instead of queueing every query behind this ALTER
    op.add_column("orders", sa.Column("total_cents", sa.BigInteger, nullable=True))
    # => `ALTER TABLE orders ADD COLUMN total_cents BIGINT`: no default, so no row is touched
    # => from this deploy on, the application writes total_cents on every insert and update


def downgrade() -> None:
    op.drop_column("orders", "total_cents")
    # => ALTER TABLE orders DROP COLUMN total_cents; total still holds the original values
