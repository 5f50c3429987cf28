"""phase 2: remove what depends on legacy_code (its index)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"  # => deploy after NO running code looks rows up by legacy_code
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():  # => CONCURRENTLY refuses a transaction (Example 67)
        op.drop_index(
            "ix_products_legacy_code", table_name="products",
            postgresql_concurrently=True, if_exists=True,
        )
        # => `DROP INDEX CONCURRENTLY IF EXISTS ix_products_legacy_code`: the table stays
        # => writable meanwhile; IF EXISTS makes a rerun safe
        # => every write stops paying for the index; the column itself is still there


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index(
            "ix_products_legacy_code", "products", ["legacy_code"],
            postgresql_concurrently=True, if_not_exists=True,
        )
