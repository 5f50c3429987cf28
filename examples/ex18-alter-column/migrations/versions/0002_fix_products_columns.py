"""fix products: numeric price, required name, new default, sku renamed to code

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => runs after 0001
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column(
        "products",
        "price",
        type_=sa.Numeric(10, 2),  # => the new type
        existing_type=sa.String(20),  # => the old type; see the note below
        postgresql_using="price::numeric(10,2)",  # => how PostgreSQL converts each existing value
        nullable=False,  # => a second change in the same call: a second ALTER
        comment="unit price in EUR",  # => a third: the column's comment in the catalog
    )
    # => `ALTER TABLE products ALTER COLUMN price TYPE NUMERIC(10, 2) USING price::numeric(10,2)`
    # => `ALTER TABLE products ALTER COLUMN price SET NOT NULL`
    # => `COMMENT ON COLUMN products.price IS 'unit price in EUR'`
    # => existing_type: on PostgreSQL the statements above are the same without it; Alembic
    # => uses it to drop constraints bound to the old type (the CHECK of a non-native Boolean
    # => or Enum) before a type change, and MySQL, whose ALTER restates the whole column,
    # => needs it for every change. Autogenerate always writes it.
    # => without USING, PostgreSQL refuses: varchar has no automatic cast to numeric
    # => rewrites products
    # => locks: ACCESS EXCLUSIVE on products
    op.alter_column("products", "name", existing_type=sa.String(100), nullable=False)
    # => `ALTER TABLE products ALTER COLUMN name SET NOT NULL`: fails if any row has a NULL name
    op.alter_column(
        "products", "status", existing_type=sa.String(20), server_default="active"
    )
    # => `ALTER TABLE products ALTER COLUMN status SET DEFAULT 'active'`
    # => only future inserts are affected: existing rows keep 'draft'
    op.alter_column("products", "sku", new_column_name="code", existing_type=sa.String(20))
    # => `ALTER TABLE products RENAME sku TO code`: a catalog change, the data stays in place


def downgrade() -> None:
    # => every change undone, in reverse order
    op.alter_column("products", "code", new_column_name="sku", existing_type=sa.String(20))
    # => `ALTER TABLE products RENAME code TO sku`
    op.alter_column(
        "products", "status", existing_type=sa.String(20), server_default="draft"
    )
    # => `ALTER TABLE products ALTER COLUMN status SET DEFAULT 'draft'`
    op.alter_column("products", "name", existing_type=sa.String(100), nullable=True)
    # => `ALTER TABLE products ALTER COLUMN name DROP NOT NULL`
    op.alter_column(
        "products",
        "price",
        type_=sa.String(20),
        existing_type=sa.Numeric(10, 2),
        nullable=True,
        comment=None,  # => `COMMENT ON COLUMN products.price IS NULL`: removes the comment
        existing_comment="unit price in EUR",
    )
    # => `ALTER TABLE products ALTER COLUMN price TYPE VARCHAR(20)`: no USING needed, numeric
    # => converts to text automatically; '3.5' comes back as '3.50'
    # => `ALTER TABLE products ALTER COLUMN price DROP NOT NULL`: Alembic emits the type first
    # => a default is dropped the same way: server_default=None (Example 21)
