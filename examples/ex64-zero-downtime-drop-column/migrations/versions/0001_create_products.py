"""create products with the legacy_code column

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => the schema the old application was written against
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "products",
        sa.Column("id", sa.Integer, sa.Identity(), primary_key=True),
        sa.Column("sku", sa.String(20), nullable=False),  # => `sku VARCHAR(20) NOT NULL`
        sa.Column("legacy_code", sa.String(20), nullable=False),
        # => `legacy_code VARCHAR(20) NOT NULL`: the column we will retire
    )
    op.create_index("ix_products_legacy_code", "products", ["legacy_code"])
    # => `CREATE INDEX ix_products_legacy_code ON products (legacy_code)`: old code looks rows up by it
    op.execute("INSERT INTO products (sku, legacy_code) VALUES ('A-1', 'L100'), ('B-2', 'L200')")


def downgrade() -> None:
    op.drop_table("products")  # => the index goes with the table
