"""add orders.total_cents and backfill it in batches

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import logging

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => stored in alembic_version after the whole upgrade() succeeds
down_revision: str | None = "0001"  # => runs after 0001
branch_labels = None
depends_on = None

BATCH_SIZE = 4  # => rows per UPDATE; thousands in production, 4 so the 10 rows need 3 batches
log = logging.getLogger("alembic.backfill")  # => printed through alembic.ini's INFO logger

BACKFILL = sa.text(
    "UPDATE orders SET total_cents = (total * 100)::bigint "
    "WHERE id IN (SELECT id FROM orders WHERE total_cents IS NULL ORDER BY id LIMIT :n)"
)
# => each run converts the next BATCH_SIZE unconverted rows, lowest id first
# => "IS NULL" makes it resumable: rows done by an earlier, interrupted run are not touched


def upgrade() -> None:
    op.add_column("orders", sa.Column("total_cents", sa.BigInteger), if_not_exists=True)
    # => `ALTER TABLE orders ADD COLUMN IF NOT EXISTS total_cents BIGINT`: nullable for now
    # => IF NOT EXISTS lets a re-run after a crash get past this line

    bind = op.get_bind()  # => the migration's Connection, needed to read each rowcount
    with op.get_context().autocommit_block():
        # => COMMITs the migration transaction so far (the new column), then runs in autocommit:
        # => every UPDATE below is its own short transaction, holding its row locks briefly
        # => so the SQL panel shows the UPDATEs with no BEGIN/COMMIT around them
        batch = 0
        while True:
            done = bind.execute(BACKFILL, {"n": BATCH_SIZE}).rowcount
            # => `LIMIT 4`: rowcount is 4, 4, 2, then 0
            if done == 0:
                break  # => nothing left to convert
            batch += 1
            status = bind.connection.driver_connection.info.transaction_status.name
            # => psycopg's view of the session, no query sent: IDLE means nothing is left open,
            # => the UPDATE already committed (inside a transaction it would say INTRANS)
            log.info("batch %d: %d rows, connection %s", batch, done, status)
            # => Output: INFO  [alembic.backfill] batch 1: 4 rows, connection IDLE
            # => Output: INFO  [alembic.backfill] batch 3: 2 rows, connection IDLE
    # => leaving the block opens a new transaction for the rest of the revision

    op.alter_column("orders", "total_cents", nullable=False)
    # => `ALTER TABLE orders ALTER COLUMN total_cents SET NOT NULL`: only once every row is filled
    # => then `UPDATE alembic_version SET version_num='0002'` and COMMIT


def downgrade() -> None:
    op.drop_column("orders", "total_cents")
    # => `ALTER TABLE orders DROP COLUMN total_cents`; total still holds the original values
