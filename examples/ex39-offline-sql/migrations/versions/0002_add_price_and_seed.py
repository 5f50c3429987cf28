"""add price and seed products

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

products = sa.table(
    "products",
    sa.column("sku", sa.String),
    sa.column("name", sa.String),
    sa.column("price_cents", sa.Integer),
)


def upgrade() -> None:
    op.add_column(
        "products",
        sa.Column("price_cents", sa.Integer, nullable=False, server_default=sa.text("0")),
        # => sa.text("0") renders DEFAULT 0, the SQL as written; the string "0" would render
        # => DEFAULT '0', a quoted literal PostgreSQL coerces to integer (it stores 0 either way)
    )
    # => Output: ALTER TABLE products ADD COLUMN price_cents INTEGER DEFAULT 0 NOT NULL;
    op.bulk_insert(products, [
        {"sku": "BK-001", "name": "Alembic Field Guide", "price_cents": 2900},
        {"sku": "MG-014", "name": "Coffee Mug", "price_cents": 1200},
    ])
    # => offline, values cannot be sent as parameters: bulk_insert itself writes each row as
    # => its own INSERT with literal values (literal_binds in env.py is for the DELETE below):
    # => Output: INSERT INTO products (sku, name, price_cents) VALUES ('BK-001', 'Alembic Field Guide', 2900);


def downgrade() -> None:
    op.execute(products.delete().where(products.c.sku.in_(["BK-001", "MG-014"])))
    # => offline too, the values are written in: `DELETE FROM products WHERE products.sku IN ('BK-001', 'MG-014')`
    op.drop_column("products", "price_cents")  # => `ALTER TABLE products DROP COLUMN price_cents`
