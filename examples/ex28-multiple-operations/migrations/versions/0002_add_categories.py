"""add categories and link products to them

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => this revision's id
down_revision: str | None = "0001"  # => products exists and may already hold rows
branch_labels = None
depends_on = None


def upgrade() -> None:
    # One feature, seven operations, one transaction: all of them apply, or none do.
    op.create_table(  # => 1. the new table first: later steps reference it
        "categories",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("name", sa.String(50), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_categories"),
        sa.UniqueConstraint("name", name="uq_categories_name"),
    )
    # => `CREATE TABLE categories (`
    op.execute("INSERT INTO categories (name) VALUES ('uncategorized')")
    # => 2. a row that existing products can point at; its id comes from the identity
    # => `INSERT INTO categories (name) VALUES ('uncategorized')`
    op.add_column("products", sa.Column("category_id", sa.BigInteger))
    # => 3. nullable for now: existing rows get NULL
    # => `ALTER TABLE products ADD COLUMN category_id BIGINT`
    op.execute(
        "UPDATE products SET category_id = "
        "(SELECT id FROM categories WHERE name = 'uncategorized')"
    )
    # => 4. backfill by name, not by a hard-coded id
    # => `UPDATE products SET category_id =`
    # => `(SELECT id FROM categories WHERE name = 'uncategorized')`
    op.alter_column("products", "category_id", nullable=False)
    # => 5. every row has a value now, so NOT NULL succeeds
    # => `ALTER TABLE products ALTER COLUMN category_id SET NOT NULL`
    op.create_foreign_key(
        "fk_products_category_id_categories", "products", "categories", ["category_id"], ["id"]
    )
    # => 6. the link
    # => `ALTER TABLE products ADD CONSTRAINT fk_products_category_id_categories`
    # => `FOREIGN KEY(category_id) REFERENCES categories (id)`
    op.create_index("ix_products_category_id", "products", ["category_id"])
    # => 7. PostgreSQL does not index foreign key columns by itself
    # => `CREATE INDEX ix_products_category_id ON products (category_id)`
    # => fails if an index of that name already exists, after 1-6 have run (see the session)
    # => then one version update for the whole revision:
    # => `UPDATE alembic_version SET version_num='0002' WHERE alembic_version.version_num = '0001'`


def downgrade() -> None:
    # The schema changes undone in reverse order, so nothing is dropped while still referenced.
    op.drop_index("ix_products_category_id", table_name="products")
    # => `DROP INDEX ix_products_category_id`
    op.drop_constraint("fk_products_category_id_categories", "products", type_="foreignkey")
    # => `ALTER TABLE products DROP CONSTRAINT fk_products_category_id_categories`
    op.drop_column("products", "category_id")
    # => `ALTER TABLE products DROP COLUMN category_id`: NOT NULL and the data go with it
    op.drop_table("categories")  # => `DROP TABLE categories`: its row goes with it
