"""add orders.amount NUMERIC and fill it in batches

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import logging

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => written to alembic_version only after the last batch
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

BATCH_SIZE = 1000  # => rows per UPDATE, each committed on its own
log = logging.getLogger("alembic.batches")  # => printed through alembic.ini's INFO logger

NEXT_KEY = sa.text(
    "SELECT max(id) FROM (SELECT id FROM orders WHERE id > :after ORDER BY id LIMIT :n) AS batch"
)  # => keyset: the last id of the next BATCH_SIZE rows, counted from right after the
# => previous batch's last id (no OFFSET, so the rows already done are not counted again)
FILL = sa.text(
    "UPDATE orders SET amount = amount_cents / 100.0 "
    "WHERE id > :after AND id <= :last AND amount IS NULL"
)  # => "amount IS NULL": a row filled by an earlier, crashed run is not written again


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    # => `SET LOCAL lock_timeout = '5s'`: house style (Example 63) before an ALTER TABLE on a
    # => live table; if the lock cannot be had in 5 s the revision fails instead of queueing traffic
    op.add_column("orders", sa.Column("amount", sa.Numeric(12, 2)), if_not_exists=True)
    # => `ALTER TABLE orders ADD COLUMN IF NOT EXISTS amount NUMERIC(12, 2)`: nullable, no default
    # => IF NOT EXISTS: a rerun after a crash gets past this line (the column is already there)

    with op.get_context().autocommit_block():
        # => COMMITs the revision's transaction so far: the new column is now permanent,
        # => whatever happens next; every statement below commits on its own
        conn = op.get_bind()
        after, number = 0, 0  # => keyset cursor: the last id of the previous batch
        while True:
            last = conn.execute(NEXT_KEY, {"after": after, "n": BATCH_SIZE}).scalar_one()
            if last is None:
                break  # => no rows after the cursor: done
            number += 1
            done = conn.execute(FILL, {"after": after, "last": last}).rowcount
            # => `UPDATE orders SET amount = amount_cents / 100.0 WHERE id > 0 AND id <= 1000 AND amount IS NULL`
            log.info("batch %d: ids %d-%d, %d rows updated", number, after + 1, last, done)
            # => Output: INFO  [alembic.batches] batch 3: ids 2501-3500, 1000 rows updated
            after = last
    # => leaving the block begins a new transaction for the rest of the revision

    missing = op.get_bind().execute(
        sa.text("SELECT count(*) FROM orders WHERE amount IS NULL")
    ).scalar_one()  # => guard: check the work before the version row says it is done
    if missing:
        raise RuntimeError(f"{missing} orders still have no amount")
        # => error case: the version stays at 0001 and a rerun resumes
    # => then `UPDATE alembic_version SET version_num='0002'` and COMMIT


def downgrade() -> None:
    op.drop_column("orders", "amount")
    # => ALTER TABLE orders DROP COLUMN amount; amount_cents still holds the original values
