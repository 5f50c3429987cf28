"""add orders.priority

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => applied after 0001
branch_labels = None
depends_on = None

order_priority = sa.Enum("low", "normal", "high", name="order_priority")
# => a new enum type; nothing in this draft creates it


def upgrade() -> None:
    op.add_column(
        "orders",
        sa.Column("priority", order_priority, nullable=False, server_default="normal"),
    )
    # => `ALTER TABLE orders ADD COLUMN priority order_priority DEFAULT 'normal' NOT NULL`
    # => add_column emits no CREATE TYPE: the statement names a type that does not exist


def downgrade() -> None:
    op.drop_column("orders", "priority")
    order_priority.drop(op.get_bind(), checkfirst=False)
