"""index orders.customer_id concurrently (first attempt)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_orders_customer_id", "orders", ["customer_id"],
        postgresql_concurrently=True,
    )
    # => `CREATE INDEX CONCURRENTLY ix_orders_customer_id ON orders (customer_id)`
    # => error case: Alembic has already sent BEGIN for this revision, and PostgreSQL
    # => refuses CONCURRENTLY inside a transaction block: the whole revision rolls back


def downgrade() -> None:
    op.drop_index("ix_orders_customer_id", table_name="orders")  # => never reached in this session
