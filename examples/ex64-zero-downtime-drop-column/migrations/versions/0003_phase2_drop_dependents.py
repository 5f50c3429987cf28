"""phase 2: remove what depends on legacy_code (its index)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"  # => deploy after NO running code reads legacy_code any more
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_products_legacy_code", table_name="products")
    # => `DROP INDEX ix_products_legacy_code`: stops paying index upkeep on every write;
    # => the column itself is still there, so a forgotten reader still gets its data


def downgrade() -> None:
    op.create_index("ix_products_legacy_code", "products", ["legacy_code"])
