"""create orders table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00
Ticket: ORD-100
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => the existing base revision the new one will build on
down_revision: str | tuple[str, ...] | None = None  # => no parent: first in the chain
branch_labels: str | tuple[str, ...] | None = None  # => no named branch
depends_on: str | tuple[str, ...] | None = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(  # => `CREATE TABLE orders`
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("total_cents", sa.Integer, nullable=False),  # => `total_cents INTEGER NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("orders")  # => DROP TABLE orders (not run in this session)
