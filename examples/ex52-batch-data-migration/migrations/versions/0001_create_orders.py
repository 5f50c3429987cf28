"""create orders with ten rows

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => first revision of the chain
down_revision: str | None = None  # => no parent
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("total", sa.Numeric(10, 2), nullable=False),
        # => `total NUMERIC(10, 2) NOT NULL`: money as a decimal, the legacy representation
    )
    op.execute("INSERT INTO orders (total) SELECT n * 1.25 FROM generate_series(1, 10) AS n")
    # => ten rows: id 1..10, total 1.25, 2.50, ... 12.50 (a stand-in for millions)


def downgrade() -> None:
    op.drop_table("orders")  # => DROP TABLE orders (not run in this session)
