"""create orders with 5000 rows

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
        sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("amount_cents", sa.Integer, nullable=False),  # => money as integer cents
    )
    op.execute(
        "INSERT INTO orders (amount_cents) SELECT n * 7 FROM generate_series(1, 5000) AS n"
    )  # => 5000 rows, ids 1..5000: big enough to see the batching, small enough for a book


def downgrade() -> None:
    op.drop_table("orders")
