"""create order_lines with identity and generated columns

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
        "order_lines",
        sa.Column("id", sa.BigInteger, sa.Identity(always=True), primary_key=True),
        # => `id BIGINT GENERATED ALWAYS AS IDENTITY`: the SQL-standard successor of SERIAL;
        # => ALWAYS rejects client-supplied ids unless the INSERT says OVERRIDING SYSTEM VALUE
        sa.Column("sku", sa.String(20), nullable=False),  # => `sku VARCHAR(20) NOT NULL`
        sa.Column("unit_price_cents", sa.Integer, nullable=False),
        # => `unit_price_cents INTEGER NOT NULL`
        sa.Column("quantity", sa.Integer, nullable=False),  # => `quantity INTEGER NOT NULL`
        sa.Column(
            "total_cents",
            sa.Integer,
            sa.Computed("unit_price_cents * quantity", persisted=True),
            # => `total_cents INTEGER GENERATED ALWAYS AS (unit_price_cents * quantity) STORED`
            # => persisted=True: computed on write and stored on disk
            # => without it, SQLAlchemy 2.1 emits no keyword and PostgreSQL 18 makes the column
            # => VIRTUAL (computed on read); on PostgreSQL 15-17 it warns and emits STORED
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
    )


def downgrade() -> None:
    op.drop_table("order_lines")  # => DROP TABLE order_lines
