"""CHECK (total_cents IS NOT NULL) NOT VALID: no new NULLs from here on

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"  # => deployed after backfill.py has converted the old rows
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    op.create_check_constraint(
        "ck_orders_total_cents_not_null",
        "orders",
        "total_cents IS NOT NULL",
        postgresql_not_valid=True,
    )
    # => `ALTER TABLE orders ADD CONSTRAINT ck_orders_total_cents_not_null CHECK (total_cents IS NOT NULL) NOT VALID`
    # => NOT VALID: existing rows are not checked (no scan); every new or updated row is


def downgrade() -> None:
    op.drop_constraint("ck_orders_total_cents_not_null", "orders", type_="check")
    # => ALTER TABLE orders DROP CONSTRAINT ck_orders_total_cents_not_null
