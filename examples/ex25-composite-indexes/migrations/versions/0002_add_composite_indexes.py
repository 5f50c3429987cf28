"""add composite indexes to orders

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => this revision's id
down_revision: str | None = "0001"  # => runs after 0001: the orders table already exists
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_orders_customer_id_created_at",  # => name it: downgrade() drops it by this name
        "orders",
        ["customer_id", sa.text("created_at DESC")],
        # => column order matters: serves "WHERE customer_id = ? ORDER BY created_at DESC"
        # => and "WHERE customer_id = ?" alone; "WHERE created_at > ?" alone cannot use it
        # => efficiently (before PostgreSQL 18 not at all; 18 adds a slower skip scan)
        # => sa.text() passes a per-column sort order through as written
    )
    # => `CREATE INDEX ix_orders_customer_id_created_at ON orders (customer_id, created_at DESC)`
    op.create_index(
        "ix_orders_status_customer_id",
        "orders",
        ["status", "customer_id"],  # => two plain columns, both ascending
        unique=False,  # => the default; unique=True would emit CREATE UNIQUE INDEX
    )
    # => `CREATE INDEX ix_orders_status_customer_id ON orders (status, customer_id)`


def downgrade() -> None:
    op.drop_index("ix_orders_status_customer_id", table_name="orders")
    # => `DROP INDEX ix_orders_status_customer_id`
    op.drop_index("ix_orders_customer_id_created_at", table_name="orders")
    # => `DROP INDEX ix_orders_customer_id_created_at`
    # => table_name is optional on PostgreSQL (index names are per schema);
    # => other backends need it, so pass it anyway
