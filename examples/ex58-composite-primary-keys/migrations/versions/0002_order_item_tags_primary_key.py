"""give order_item_tags its composite primary key

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    op.create_primary_key(op.f("pk_order_item_tags"), "order_item_tags", ["order_id", "line_no", "tag"])
    # => `ALTER TABLE order_item_tags ADD CONSTRAINT pk_order_item_tags PRIMARY KEY (order_id, line_no, tag)`
    # => builds the key's unique index over the existing rows: fails if any row is duplicated


def downgrade() -> None:
    op.drop_constraint(op.f("pk_order_item_tags"), "order_item_tags", type_="primary")
    # => ALTER TABLE order_item_tags DROP CONSTRAINT pk_order_item_tags
