"""index orders.customer_id concurrently

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

INDEX = "ix_orders_customer_id"  # => the book's ix_ naming convention
IS_INVALID = sa.text(
    "SELECT NOT indisvalid FROM pg_index WHERE indexrelid = to_regclass(:name)"
)  # => true for the INVALID leftover of a failed concurrent build, NULL if there is no index


def upgrade() -> None:
    with op.get_context().autocommit_block():
        # => COMMITs the revision's transaction, runs the block in autocommit mode
        if op.get_bind().execute(IS_INVALID, {"name": INDEX}).scalar():
            op.drop_index(INDEX, table_name="orders", postgresql_concurrently=True)
            # => a failed CONCURRENTLY build leaves an INVALID index: queries never use it,
            # => and IF NOT EXISTS below would keep it, so drop it first
        op.create_index(
            INDEX, "orders", ["customer_id"],
            postgresql_concurrently=True, if_not_exists=True,
        )
        # => `CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_orders_customer_id ON orders (customer_id)`
        # => IF NOT EXISTS: a rerun after the version update failed finds the index and goes on
        # => locks: SHARE UPDATE EXCLUSIVE on orders
        # => (measured while the build waits for an older snapshot: writes go on meanwhile)
    # => then Alembic starts a new transaction to record version 0002


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(
            INDEX, table_name="orders", postgresql_concurrently=True, if_exists=True
        )
        # => `DROP INDEX CONCURRENTLY IF EXISTS ix_orders_customer_id`: also refused inside a transaction
