"""create products table with legacy column types

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


def upgrade() -> None:
    products = op.create_table(  # => returns the Table object, reused for bulk_insert below
        "products",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(100)),  # => `name VARCHAR(100)`: nullable by mistake
        sa.Column("price", sa.String(20)),  # => `price VARCHAR(20)`: prices stored as text
        sa.Column("sku", sa.String(20)),  # => `sku VARCHAR(20)`: to be renamed "code"
        sa.Column("status", sa.String(20), server_default="draft"),
        # => `status VARCHAR(20) DEFAULT 'draft'`
    )
    op.bulk_insert(  # => existing rows: the type change below has to convert them
        products,
        [
            {"name": "Desk lamp", "price": "24.90", "sku": "LAMP-01"},
            {"name": "Notebook", "price": "3.5", "sku": "NOTE-07"},
        ],
    )
    # => one `INSERT INTO products (name, price, sku) VALUES` statement per row
    # => status is not given, so both rows get the server default 'draft'


def downgrade() -> None:
    op.drop_table("products")  # => DROP TABLE products
