"""convert the stragglers, VALIDATE the check, then SET NOT NULL without a scan

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:30:00
"""

import logging

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")  # => printed like Alembic's own INFO lines


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    done = op.get_bind().execute(
        sa.text("UPDATE orders SET total_cents = (total * 100)::bigint WHERE total_cents IS NULL")
    ).rowcount
    # => `UPDATE orders SET total_cents = (total * 100)::bigint WHERE total_cents IS NULL`
    # => rows written before 0003 by code that did not set total_cents yet: a handful, since
    # => backfill.py converted the rest and the check stops new NULLs; finding them still reads
    # => the whole table (no index covers total_cents IS NULL), under ROW EXCLUSIVE like any UPDATE
    log.info("converted %d remaining rows", done)
    # => Output: INFO  [alembic.runtime.migration] converted 1 remaining rows
    op.execute("ALTER TABLE orders VALIDATE CONSTRAINT ck_orders_total_cents_not_null")
    # => `ALTER TABLE orders VALIDATE CONSTRAINT ck_orders_total_cents_not_null`: a full scan under
    # => SHARE UPDATE EXCLUSIVE, which lets reads and writes go on (measured in the session)
    op.alter_column("orders", "total_cents", nullable=False)
    # => `ALTER TABLE orders ALTER COLUMN total_cents SET NOT NULL`: PostgreSQL 12+ sees the
    # => validated check and skips its own scan
    op.drop_constraint("ck_orders_total_cents_not_null", "orders", type_="check")
    # => `ALTER TABLE orders DROP CONSTRAINT ck_orders_total_cents_not_null`: NOT NULL says it now


def downgrade() -> None:
    op.create_check_constraint(
        "ck_orders_total_cents_not_null",
        "orders",
        "total_cents IS NOT NULL",
        postgresql_not_valid=True,
    )
    # => back to the state after 0003: the check, not validated
    op.alter_column("orders", "total_cents", nullable=True)
    # => ALTER TABLE orders ALTER COLUMN total_cents DROP NOT NULL
