"""validate the orders -> customers foreign key

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"  # => a later deploy than 0002, once the orphans are cleaned
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: SHARE UPDATE EXCLUSIVE on orders
    # => locks: ROW SHARE on customers
    op.execute("ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_customer_id_customers")
    # => `ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_customer_id_customers`
    # => scans every existing order; fails on the first orphan, like a plain ADD CONSTRAINT would


def downgrade() -> None:
    # => PostgreSQL cannot mark a constraint NOT VALID again: re-create it as 0002 left it
    op.drop_constraint("fk_orders_customer_id_customers", "orders", type_="foreignkey")
    op.create_foreign_key(
        "fk_orders_customer_id_customers",
        "orders",
        "customers",
        ["customer_id"],
        ["id"],
        ondelete="CASCADE",
        postgresql_not_valid=True,
    )
