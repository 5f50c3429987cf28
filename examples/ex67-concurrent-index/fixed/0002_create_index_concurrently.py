"""index orders.customer_id concurrently

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        # => COMMIT the revision's transaction, run the block in autocommit mode
        op.create_index(
            "ix_orders_customer_id", "orders", ["customer_id"],
            postgresql_concurrently=True,
        )
        # => `CREATE INDEX CONCURRENTLY ix_orders_customer_id ON orders (customer_id)`
        # => takes SHARE UPDATE EXCLUSIVE, not SHARE: INSERT/UPDATE/DELETE continue meanwhile
        # => error case: if it fails (e.g. a duplicate in a UNIQUE index) it leaves an INVALID
        # => index behind; drop it before retrying, or the retry fails with "already exists"
    # => then Alembic starts a new transaction to record version 0002


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index("ix_orders_customer_id", table_name="orders", postgresql_concurrently=True)
        # => `DROP INDEX CONCURRENTLY ix_orders_customer_id`: also refused inside a transaction
