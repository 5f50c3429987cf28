"""archive_orders(cutoff, batch_size) stored procedure

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => stored in alembic_version after upgrade
down_revision: str | None = "0001"  # => applies on top of 0001
branch_labels = None
depends_on = None

ARCHIVE_ORDERS = """
CREATE OR REPLACE PROCEDURE archive_orders(cutoff date, batch_size integer DEFAULT 1000)
LANGUAGE plpgsql AS $$
DECLARE
    moved integer;
BEGIN
    LOOP
        WITH batch AS (
            SELECT id FROM orders WHERE placed_on < cutoff ORDER BY id LIMIT batch_size
        ), gone AS (
            DELETE FROM orders o USING batch WHERE o.id = batch.id RETURNING o.*
        )
        INSERT INTO orders_archive SELECT * FROM gone;
        GET DIAGNOSTICS moved = ROW_COUNT;
        EXIT WHEN moved = 0;
        RAISE NOTICE 'archived % orders', moved;
        COMMIT;
    END LOOP;
END;
$$
"""
# => a PROCEDURE (PostgreSQL 11+): invoked with CALL, and, unlike a function, allowed to COMMIT
# => the loop moves batch_size rows (DELETE ... RETURNING feeds the INSERT), reports them,
# => and COMMITs: each batch's row locks are released, and VACUUM may reclaim its deleted rows,
# => before the next batch starts
# => each batch searches orders again from the start; on a large table give that search an
# => index, e.g. on (placed_on, id), or carry a keyset as Example 52 does
# => EXIT WHEN moved = 0: the loop ends at the first empty batch
# => notes live out here: the text between the $$ is stored as the procedure's source


def upgrade() -> None:
    op.execute(ARCHIVE_ORDERS)
    # => `CREATE OR REPLACE PROCEDURE archive_orders(cutoff date, batch_size integer DEFAULT 1000)`
    # => creating it is fine in a migration; CALLing it there is not (its COMMIT would fail)


def downgrade() -> None:
    op.execute("DROP PROCEDURE archive_orders(date, integer)")
    # => `DROP PROCEDURE archive_orders(date, integer)`: the argument types name the exact overload
