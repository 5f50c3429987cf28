"""create orders

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
        "orders",
        sa.Column("id", sa.BigInteger, sa.Identity()),
        sa.Column("customer_id", sa.BigInteger, nullable=False),  # => to be indexed online
        sa.PrimaryKeyConstraint("id", name="pk_orders"),  # => the book's naming convention
    )
    op.execute("INSERT INTO orders (customer_id) SELECT mod(n, 100) FROM generate_series(1, 2000) AS n")
    # => 2000 existing rows: the index build must read them all


def downgrade() -> None:
    op.drop_table("orders")  # => drops its indexes with it
