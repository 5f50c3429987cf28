"""orders table and open_orders view

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => stored in alembic_version after upgrade
down_revision: str | None = None  # => first revision of the chain
branch_labels = None
depends_on = None

OPEN_ORDERS_SQL = "SELECT id, customer, total FROM orders WHERE status = 'open'"
# => the view's definition, kept in one place for upgrade() and downgrade()


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("customer", sa.String(100), nullable=False),
        # => `customer VARCHAR(100) NOT NULL`
        sa.Column("status", sa.String(20), nullable=False),  # => 'open', 'shipped', ...
        sa.Column("total", sa.Numeric(10, 2), nullable=False),  # => `total NUMERIC(10, 2) NOT NULL`
    )
    op.create_view("open_orders", OPEN_ORDERS_SQL)
    # => our custom operation; it exists because env.py imported custom_ops
    # => `CREATE VIEW open_orders AS SELECT id, customer, total FROM orders WHERE status = 'open'`
    op.execute(
        "INSERT INTO orders (customer, status, total) VALUES "
        "('ada', 'open', 40.00), ('bob', 'shipped', 15.50), ('cy', 'open', 9.99)"
    )  # => three sample rows, two of them open


def downgrade() -> None:
    op.drop_view("open_orders")  # => `DROP VIEW open_orders`: the view first, it depends on orders
    op.drop_table("orders")  # => `DROP TABLE orders`
