"""expand: add orders.customer_country (nullable)

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
    # => locks: ACCESS EXCLUSIVE on orders
    # => no rewrite
    op.execute("SET LOCAL lock_timeout = '5s'")  # => house style before ALTER TABLE (Example 63)
    op.add_column("orders", sa.Column("customer_country", sa.String(2), nullable=True))
    # => `ALTER TABLE orders ADD COLUMN customer_country VARCHAR(2)`: no rewrite (Example 63
    # => measures it); new code
    # => fills it on every new order from now on, the backfill handles the old rows


def downgrade() -> None:
    op.drop_column("orders", "customer_country")
