"""GIN index on products.attrs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => the head
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_products_attrs",  # => explicit name, so downgrade() can drop it by name
        "products",
        ["attrs"],
        postgresql_using="gin",
        # => `CREATE INDEX ix_products_attrs ON products USING gin (attrs)`
        # => default operator class jsonb_ops: serves @> (contains), ? ?| ?& (key exists), @? @@
        # => postgresql_ops={"attrs": "jsonb_path_ops"} would give a smaller index for @> and the
        # => jsonpath @? @@, without the key-exists ? ?| ?&
    )


def downgrade() -> None:
    op.drop_index("ix_products_attrs", table_name="products")
    # => `DROP INDEX ix_products_attrs`
