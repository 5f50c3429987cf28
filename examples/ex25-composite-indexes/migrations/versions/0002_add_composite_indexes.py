"""add composite indexes to orders

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => this revision's id
down_revision: str | None = "0001"  # => runs after 0001: the orders table already exists
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_orders_customer_id_created_at",  # => name it: downgrade() drops it by this name
        "orders",
        ["customer_id", "created_at"],  # => the order is the design: sorted by customer first,
        # => then by time within each customer
    )
    # => `CREATE INDEX ix_orders_customer_id_created_at ON orders (customer_id, created_at)`
    # => for: WHERE customer_id = ? ORDER BY created_at DESC LIMIT n (one customer's latest)
    op.create_index(
        "ix_orders_status_created_at",
        "orders",
        ["status", "created_at"],
        postgresql_include=["total"],  # => INCLUDE: stored in the index, not part of the key
    )
    # => `CREATE INDEX ix_orders_status_created_at ON orders (status, created_at) INCLUDE (total)`
    # => for: SELECT created_at, total ... WHERE status = ? ORDER BY created_at DESC LIMIT n,
    # => answered from the index alone (an index-only scan)


def downgrade() -> None:
    op.drop_index("ix_orders_status_created_at", table_name="orders")
    # => `DROP INDEX ix_orders_status_created_at`
    op.drop_index("ix_orders_customer_id_created_at", table_name="orders")
    # => `DROP INDEX ix_orders_customer_id_created_at`
