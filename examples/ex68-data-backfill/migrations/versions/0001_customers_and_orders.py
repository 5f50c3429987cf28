"""customers and 3000 orders

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.BigInteger, autoincrement=False),  # => ids given by the INSERT below
        sa.Column("country", sa.String(2), nullable=False),  # => ISO code, the backfill's source
        sa.PrimaryKeyConstraint("id", name="pk_customers"),
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.BigInteger, sa.Identity()),  # => the key the batches walk along
        sa.Column("customer_id", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_orders"),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name="fk_orders_customer_id_customers"
        ),
    )
    op.execute(
        "INSERT INTO customers (id, country) "
        "SELECT n, (ARRAY['DE', 'FR', 'US', 'JP', 'BR'])[mod(n, 5) + 1] "
        "FROM generate_series(1, 10) AS n"
    )  # => 10 customers in 5 countries
    op.execute(
        "INSERT INTO orders (customer_id) SELECT mod(n, 10) + 1 FROM generate_series(1, 3000) AS n"
    )  # => 3000 orders, ids 1..3000


def downgrade() -> None:
    op.drop_table("orders")
    op.drop_table("customers")
