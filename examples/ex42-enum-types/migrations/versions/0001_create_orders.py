"""create orders with an order_status enum

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

order_status = sa.Enum("pending", "shipped", name="order_status")
# => a named PostgreSQL enum type; the name is what later revisions ALTER and DROP


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("status", order_status, nullable=False),
        # => `status order_status NOT NULL`
    )
    # => create_table creates the type first:
    # => `CREATE TYPE order_status AS ENUM ('pending', 'shipped')`


def downgrade() -> None:
    op.drop_table("orders")  # => `DROP TABLE orders`; the enum type is NOT dropped with it
    order_status.drop(op.get_bind())  # => `DROP TYPE order_status`; forget this and the
    # => next upgrade fails with: type "order_status" already exists
