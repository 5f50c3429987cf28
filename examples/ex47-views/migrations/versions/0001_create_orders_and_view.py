"""create customers, orders and the customer_totals view

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency

CUSTOMER_TOTALS_V1 = """
CREATE VIEW customer_totals AS
SELECT c.id, c.name, count(o.id) AS order_count
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.name
"""
# => the view's definition, kept as a constant: a view is a stored query, not stored rows


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.Text, nullable=False),  # => `name TEXT NOT NULL`
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), nullable=False),
        # => `customer_id INTEGER NOT NULL`
        sa.Column("total_cents", sa.Integer, nullable=False),  # => `total_cents INTEGER NOT NULL`
    )
    op.execute(CUSTOMER_TOTALS_V1)
    # => `CREATE VIEW customer_totals AS`: Alembic has no create_view operation, so raw SQL
    # => the tables must exist first: PostgreSQL checks the query when the view is created


def downgrade() -> None:
    op.execute("DROP VIEW customer_totals")  # => `DROP VIEW customer_totals`
    # => first: dropping a table a view depends on fails with "other objects depend on it"
    op.drop_table("orders")  # => `DROP TABLE orders`
    op.drop_table("customers")  # => `DROP TABLE customers`
