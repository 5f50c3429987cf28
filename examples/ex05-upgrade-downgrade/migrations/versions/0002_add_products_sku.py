"""add sku to products

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => the head: the newest revision
down_revision: str | None = "0001"  # => parent; "downgrade -1" from 0002 lands on 0001
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => two operations, undone in reverse order by downgrade()
    op.add_column("products", sa.Column("sku", sa.String(32), nullable=True))
    # => `ALTER TABLE products ADD COLUMN sku VARCHAR(32)`
    op.create_index("ix_products_sku", "products", ["sku"], unique=True)
    # => `CREATE UNIQUE INDEX ix_products_sku ON products (sku)`
    # => the version row is updated, not inserted:
    # => `UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001'`


def downgrade() -> None:
    # => mirror image of upgrade(): last operation first
    op.drop_index("ix_products_sku", table_name="products")  # => `DROP INDEX ix_products_sku`
    op.drop_column("products", "sku")  # => `ALTER TABLE products DROP COLUMN sku`
    # => `UPDATE alembic_version SET version_num='0001' WHERE alembic_version.version_num = '0002'`
    # => Output: INFO  [alembic.runtime.migration] Running downgrade 0002 -> 0001, add sku to products
