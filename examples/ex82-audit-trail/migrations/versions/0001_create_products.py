"""create products

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "products",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(100), nullable=False),  # => `name VARCHAR(100) NOT NULL`
        sa.Column("price_cents", sa.Integer, nullable=False),  # => `price_cents INTEGER NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("products")  # => `DROP TABLE products`
