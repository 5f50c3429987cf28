"""backfill orders.customer_country in batches, then verify it

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

BATCH_SIZE = 1000  # => rows per batch; each batch is its own short transaction

NEXT_BATCH = sa.text(
    "SELECT min(id), max(id) FROM ("
    " SELECT id FROM orders WHERE id > :after AND customer_country IS NULL"
    " ORDER BY id LIMIT :size) AS batch"
)  # => keyset pagination: the id range of the next BATCH_SIZE rows still to fill
# => each batch starts after the previous batch's last id; never OFFSET, which rescans everything already done

FILL_BATCH = sa.text(
    "UPDATE orders SET customer_country = customers.country FROM customers"
    " WHERE customers.id = orders.customer_id"
    " AND orders.id BETWEEN :first AND :last AND orders.customer_country IS NULL"
)  # => "customer_country IS NULL": rows done by an earlier, interrupted run are skipped


def upgrade() -> None:
    with op.get_context().autocommit_block():
        # => the whole backfill runs outside a transaction: each statement commits on its own
        # => (with transaction_per_migration=True the block has nothing earlier to commit)
        conn = op.get_bind()
        after, batches, total = 0, 0, 0  # => keyset cursor, counters for the progress lines
        while True:
            first, last = conn.execute(NEXT_BATCH, {"after": after, "size": BATCH_SIZE}).one()
            if first is None:  # => nothing left to fill
                break
            updated = conn.execute(FILL_BATCH, {"first": first, "last": last}).rowcount
            batches, total, after = batches + 1, total + updated, last
            print(f"backfill batch {batches}: ids {first}..{last}, {updated} rows")
            # => Output: backfill batch 1: ids 1501..2500, 1000 rows
        print(f"backfill done: {total} rows in {batches} batches")

    # => a new transaction starts here for the rest of the revision
    missing = op.get_bind().execute(
        sa.text("SELECT count(*) FROM orders WHERE customer_country IS NULL")
    ).scalar_one()  # => verify before the version row says the backfill is done
    if missing:
        raise RuntimeError(f"{missing} orders still lack customer_country")
        # => error case: the revision fails, the version stays at 0002, a rerun resumes


def downgrade() -> None:
    pass  # => the backfilled values stay: they are correct data, not schema
