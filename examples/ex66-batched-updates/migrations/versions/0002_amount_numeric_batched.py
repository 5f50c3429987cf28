"""add orders.amount NUMERIC and fill it in batches

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

BATCH_SIZE = 1000  # => rows per UPDATE; each batch commits separately


def upgrade() -> None:
    op.add_column("orders", sa.Column("amount", sa.Numeric(12, 2), nullable=True))
    # => `ALTER TABLE orders ADD COLUMN amount NUMERIC(12, 2)`: instant, nullable, no rewrite

    with op.get_context().autocommit_block():
        # => Alembic COMMITs the revision's transaction so far (the ADD COLUMN is now durable),
        # => then every statement below runs and commits on its own:
        # => each batch holds its row locks only for one short UPDATE
        conn = op.get_bind()
        low, high = conn.execute(sa.text("SELECT min(id), max(id) FROM orders")).one()
        # => `SELECT min(id), max(id) FROM orders`: (1, 5000)
        batches = (high - low) // BATCH_SIZE + 1  # => 5
        for number, start in enumerate(range(low, high + 1, BATCH_SIZE), start=1):
            end = start + BATCH_SIZE - 1  # => id range of this batch, inclusive
            result = conn.execute(
                sa.text(
                    "UPDATE orders SET amount = amount_cents / 100.0 "
                    "WHERE id BETWEEN :start AND :end AND amount IS NULL"
                ),
                {"start": start, "end": end},
            )
            # => `UPDATE orders SET amount = amount_cents / 100.0 WHERE id BETWEEN 1 AND 1000 AND amount IS NULL`
            # => "AND amount IS NULL" makes a re-run after a crash skip finished batches
            print(f"batch {number}/{batches}: ids {start}-{end}, {result.rowcount} rows updated")
            # => Output: batch 1/5: ids 1-1000, 1000 rows updated
    # => after the block Alembic opens a new transaction to record the version


def downgrade() -> None:
    op.drop_column("orders", "amount")  # => amount_cents still holds the original values
