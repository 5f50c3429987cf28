"""create orders and orders_archive

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


def upgrade() -> None:
    for name in ("orders", "orders_archive"):  # => two tables with the same shape
        op.create_table(
            name,
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
            # => `id INTEGER NOT NULL`: plain integer, so archived rows keep their ids
            sa.Column("placed_on", sa.Date, nullable=False),  # => `placed_on DATE NOT NULL`
            sa.Column("total_cents", sa.Integer, nullable=False),
            # => `total_cents INTEGER NOT NULL`
        )


def downgrade() -> None:
    op.drop_table("orders_archive")  # => `DROP TABLE orders_archive`
    op.drop_table("orders")  # => `DROP TABLE orders`
