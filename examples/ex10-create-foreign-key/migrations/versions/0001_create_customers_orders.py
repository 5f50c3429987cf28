"""create customers and orders tables

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => this revision's id; stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(100), nullable=False),  # => `name VARCHAR(100) NOT NULL`
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("customer_id", sa.Integer, nullable=False),
        # => `customer_id INTEGER NOT NULL`: no REFERENCES yet, any integer is accepted
        sa.Column("total_cents", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("orders")  # => DROP TABLE orders
    op.drop_table("customers")  # => DROP TABLE customers
