"""validate the check constraints of products

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"  # => after the constraints exist and the bad rows are fixed
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: SHARE UPDATE EXCLUSIVE on products
    op.execute("ALTER TABLE products VALIDATE CONSTRAINT ck_products_price_positive")
    # => `ALTER TABLE products VALIDATE CONSTRAINT ck_products_price_positive`
    # => checks the rows that existed before 0002; fails, naming the constraint, if one is bad
    op.execute("ALTER TABLE products VALIDATE CONSTRAINT ck_products_discount_below_price")
    # => `ALTER TABLE products VALIDATE CONSTRAINT ck_products_discount_below_price`


def downgrade() -> None:
    # => PostgreSQL has no "un-validate": recreate both as NOT VALID, the state after 0002
    for name, condition in [
        ("ck_products_discount_below_price", "discount_price < price"),
        ("ck_products_price_positive", "price > 0"),
    ]:
        op.drop_constraint(op.f(name), "products", type_="check")
        op.create_check_constraint(op.f(name), "products", condition, postgresql_not_valid=True)
