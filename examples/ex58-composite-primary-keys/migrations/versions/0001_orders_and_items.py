"""orders, order_items with a composite key, item_returns referencing it

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => first revision of the chain
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("placed_on", sa.Date, nullable=False),  # => `placed_on DATE NOT NULL`
        sa.PrimaryKeyConstraint("id", name="pk_orders"),
        # => `CONSTRAINT pk_orders PRIMARY KEY (id)`
    )
    op.create_table(
        "order_items",
        sa.Column("order_id", sa.Integer, nullable=False),  # => `order_id INTEGER NOT NULL`
        sa.Column("line_no", sa.Integer, nullable=False, autoincrement=False),
        # => `line_no INTEGER NOT NULL`: no SERIAL (that is only for single-column integer keys)
        sa.Column("sku", sa.String(20), nullable=False),  # => `sku VARCHAR(20) NOT NULL`
        sa.PrimaryKeyConstraint("order_id", "line_no", name="pk_order_items"),
        # => `CONSTRAINT pk_order_items PRIMARY KEY (order_id, line_no)`
        # => column order matters: the key's index also serves lookups by order_id alone
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name="fk_order_items_order_id"),
        # => `CONSTRAINT fk_order_items_order_id FOREIGN KEY(order_id) REFERENCES orders (id)`
    )
    op.create_table(
        "item_returns",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("order_id", sa.Integer, nullable=False),
        sa.Column("line_no", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_item_returns"),
        sa.ForeignKeyConstraint(
            ["order_id", "line_no"],
            ["order_items.order_id", "order_items.line_no"],
            name="fk_item_returns_order_id",
        ),
        # => `FOREIGN KEY(order_id, line_no) REFERENCES order_items (order_id, line_no)`
    )


def downgrade() -> None:
    op.drop_table("item_returns")  # => `DROP TABLE item_returns`: the referencing table first
    op.drop_table("order_items")  # => `DROP TABLE order_items`
    op.drop_table("orders")  # => `DROP TABLE orders`
