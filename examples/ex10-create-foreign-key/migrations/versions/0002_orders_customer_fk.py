"""link orders to customers with a foreign key, not yet validated

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => this revision's id
down_revision: str | None = "0001"  # => runs after 0001, which created both tables
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: SHARE ROW EXCLUSIVE on orders
    # => locks: SHARE ROW EXCLUSIVE on customers
    op.create_foreign_key(
        "fk_orders_customer_id_customers",  # => constraint name; the downgrade drops it by name
        "orders",  # => source (child) table: the one holding the reference
        "customers",  # => referent (parent) table
        ["customer_id"],  # => local columns, in orders
        ["id"],  # => remote columns, in customers: must be a primary key or unique
        ondelete="CASCADE",  # => deleting a customer deletes their orders
        postgresql_not_valid=True,  # => appends NOT VALID: existing rows are not checked yet
    )
    # => `ALTER TABLE orders ADD CONSTRAINT fk_orders_customer_id_customers FOREIGN KEY(customer_id)`
    # => `REFERENCES customers (id) ON DELETE CASCADE NOT VALID`
    # => rows inserted or updated from now on are checked; old orphans survive until 0003
    op.create_index("ix_orders_customer_id", "orders", ["customer_id"])
    # => `CREATE INDEX ix_orders_customer_id ON orders (customer_id)`
    # => PostgreSQL needs a unique index on the referenced key (customers.id has one, pk_customers)
    # => but creates none on the referencing column: add it, or every parent delete scans orders


def downgrade() -> None:
    op.drop_index("ix_orders_customer_id", table_name="orders")
    # => `DROP INDEX ix_orders_customer_id`
    op.drop_constraint("fk_orders_customer_id_customers", "orders", type_="foreignkey")
    # => `ALTER TABLE orders DROP CONSTRAINT fk_orders_customer_id_customers`
