"""create products with a JSONB attrs column

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"  # => first revision of the chain
down_revision: str | None = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "products",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(100), nullable=False),  # => `name VARCHAR(100) NOT NULL`
        sa.Column("attrs", postgresql.JSONB, nullable=False, server_default=sa.text("'{}'")),
        # => `attrs JSONB DEFAULT '{}' NOT NULL`: binary JSON, the type GIN can index
    )
    op.execute(
        "INSERT INTO products (name, attrs) "
        "SELECT 'product ' || n, jsonb_build_object("
        "'color', (ARRAY['red', 'green', 'blue'])[n % 3 + 1], 'size', n % 5, "
        "'tags', CASE WHEN n % 4 = 0 THEN '[\"sale\"]'::jsonb ELSE '[]'::jsonb END) "
        "FROM generate_series(1, 12) AS n"
    )
    # => 12 rows like {"color": "green", "size": 1, "tags": []}; every 4th is tagged "sale"


def downgrade() -> None:
    op.drop_table("products")  # => `DROP TABLE products`
