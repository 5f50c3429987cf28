"""archive_orders(cutoff) stored procedure

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
CREATE OR REPLACE PROCEDURE archive_orders(cutoff date)
LANGUAGE plpgsql AS $$
DECLARE
    moved integer;
BEGIN
    WITH gone AS (
        DELETE FROM orders WHERE placed_on < cutoff RETURNING *
    )
    INSERT INTO orders_archive SELECT * FROM gone;  -- => move rows in one statement
    GET DIAGNOSTICS moved = ROW_COUNT;              -- => rows inserted by that statement
    RAISE NOTICE USING MESSAGE = 'archived ' || moved || ' orders placed before ' || cutoff;
    -- => a message for the caller (psql prints it as NOTICE:)
END;
$$
"""
# => a PROCEDURE (PostgreSQL 11+): no return value, invoked with CALL, and (unlike a
# => function) allowed to COMMIT inside when it is not called within a transaction block


def upgrade() -> None:
    op.execute(ARCHIVE_ORDERS)
    # => `CREATE OR REPLACE PROCEDURE archive_orders(cutoff date)`


def downgrade() -> None:
    op.execute("DROP PROCEDURE archive_orders(date)")
    # => `DROP PROCEDURE archive_orders(date)`: the argument types name the exact overload
