"""create order_events, which records status changes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"  # => applied after 0002
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_events",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("order_id", sa.BigInteger, sa.ForeignKey("orders.id", name="fk_order_events_order_id_orders"), nullable=False),
        sa.Column("status", sa.Enum("pending", "paid", "shipped", "cancelled", name="order_status"), nullable=False),
        # => the same name as 0001's type: create_table emits CREATE TYPE order_status again
        sa.PrimaryKeyConstraint("id", name="pk_order_events"),
    )


def downgrade() -> None:
    op.drop_table("order_events")
