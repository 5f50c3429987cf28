"""add check constraints to products

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => this revision's id
down_revision: str | None = "0001"  # => runs after 0001: the products table already exists
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on products
    # => no rewrite
    op.create_check_constraint(
        op.f("ck_products_price_positive"),  # => op.f(): final as written, no second prefix
        "products",  # => table the constraint is added to
        "price > 0",  # => the condition as a SQL string, copied verbatim into the DDL
        postgresql_not_valid=True,
        # => NOT VALID: existing rows are not checked now; new and updated rows are
    )
    # => `ALTER TABLE products ADD CONSTRAINT ck_products_price_positive CHECK (price > 0) NOT VALID`
    # => later inserts are checked; a negative price is refused with:
    # => Output: ERROR:  new row for relation "products" violates check constraint "ck_products_price_positive"
    op.create_check_constraint(
        op.f("ck_products_discount_below_price"),
        "products",
        sa.column("discount_price") < sa.column("price"),
        # => the condition can also be a SQLAlchemy expression instead of a string
        postgresql_not_valid=True,
    )
    # => `ALTER TABLE products ADD CONSTRAINT ck_products_discount_below_price CHECK (discount_price < price) NOT VALID`
    # => a NULL discount_price makes the condition NULL, and CHECK lets NULL pass


def downgrade() -> None:
    op.drop_constraint(op.f("ck_products_discount_below_price"), "products", type_="check")
    # => `ALTER TABLE products DROP CONSTRAINT ck_products_discount_below_price`
    op.drop_constraint(op.f("ck_products_price_positive"), "products", type_="check")
    # => `ALTER TABLE products DROP CONSTRAINT ck_products_price_positive`
