"""create orders table with a status enum

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

order_status = sa.Enum(
    "pending", "paid", "shipped", "cancelled",  # => the allowed values, in sort order
    name="order_status",  # => the PostgreSQL type name; required for a native enum
)
# => defined once at module level so upgrade() and downgrade() use the same type


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("status", order_status, nullable=False, server_default="pending"),
        # => `status order_status DEFAULT 'pending' NOT NULL`
    )
    # => create_table creates the type first, automatically:
    # => `CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled')`


def downgrade() -> None:
    op.drop_table("orders")  # => `DROP TABLE orders`; the type order_status survives it
    order_status.drop(op.get_bind(), checkfirst=False)
    # => `DROP TYPE order_status`: without this line the type stays behind,
    # => and the next upgrade fails with DuplicateObject: type "order_status" already exists
