"""add check constraints to products

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => runs after 0001: the products table already exists
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_check_constraint(
        "ck_products_price_positive",  # => a full name, passed as a plain string
        "products",
        "price > 0",
    )
    # => target_metadata carries the ck convention, so Alembic prefixes the name again:
    # => `ALTER TABLE products ADD CONSTRAINT ck_products_ck_products_price_positive CHECK (price > 0)`
    # => and PostgreSQL checks every existing row before it commits


def downgrade() -> None:
    op.drop_constraint("ck_products_price_positive", "products", type_="check")
