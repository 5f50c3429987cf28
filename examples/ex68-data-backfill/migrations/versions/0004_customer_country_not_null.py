"""make orders.customer_country NOT NULL through a validated check

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None

CHECK = "ck_orders_customer_country_not_null"  # => the book's ck_ naming convention


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on orders
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    exists = op.get_bind().execute(
        sa.text("SELECT count(*) FROM pg_constraint WHERE conname = :name"), {"name": CHECK}
    ).scalar_one()  # => guard: a rerun after a crash during VALIDATE finds the check already there
    if not exists:
        op.create_check_constraint(
            CHECK, "orders", "customer_country IS NOT NULL", postgresql_not_valid=True
        )
        # => ALTER TABLE orders ADD CONSTRAINT ... CHECK (customer_country IS NOT NULL) NOT VALID
        # => NOT VALID: no rows read now, so this transaction is short

    with op.get_context().autocommit_block():  # => commits the check, then runs on its own
        op.execute("SET lock_timeout = '5s'")  # => plain SET: there is no transaction for LOCAL
        # => a session setting: it stays on this connection for the rest of the command
        op.execute(f"ALTER TABLE orders VALIDATE CONSTRAINT {CHECK}")
        # => `ALTER TABLE orders VALIDATE CONSTRAINT ck_orders_customer_country_not_null`
        # => the one full scan, in a transaction of its own; a rerun validates again, harmlessly

    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column("orders", "customer_country", existing_type=sa.String(2), nullable=False)
    # => `ALTER TABLE orders ALTER COLUMN customer_country SET NOT NULL`
    # => no second scan: the validated check proves there is no NULL (Example 63 shows it)
    op.drop_constraint(CHECK, "orders", type_="check")  # => redundant once NOT NULL is set


def downgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.alter_column("orders", "customer_country", existing_type=sa.String(2), nullable=True)
