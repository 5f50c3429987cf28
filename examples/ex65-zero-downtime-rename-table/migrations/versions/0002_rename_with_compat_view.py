"""phase 1: rename customers to clients, keep a customers view for old code

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => deploy BEFORE the application that queries "clients"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

OLD_NAMED = sa.text(
    "SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(:table)"
    " AND conname LIKE :prefix ORDER BY conname"
)  # => constraints still named after the old table; PostgreSQL 18 also names NOT NULL ones


def rename_dependents(old: str, new: str) -> None:
    """Give the table's own objects the new name too: they keep the old one on a rename."""
    op.execute(f"ALTER TABLE {new} RENAME CONSTRAINT pk_{old} TO pk_{new}")
    # => `ALTER TABLE clients RENAME CONSTRAINT pk_customers TO pk_clients`: its index too
    op.execute(f"ALTER SEQUENCE {old}_id_seq RENAME TO {new}_id_seq")
    # => `ALTER SEQUENCE customers_id_seq RENAME TO clients_id_seq`: the identity's sequence
    for (name,) in op.get_bind().execute(OLD_NAMED, {"table": new, "prefix": f"{old}\\_%"}):
        op.execute(f"ALTER TABLE {new} RENAME CONSTRAINT {name} TO {new}{name[len(old):]}")
        # => PostgreSQL 18 only: customers_id_not_null and customers_name_not_null


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on clients
    op.execute("SET LOCAL lock_timeout = '5s'")  # => house style before ALTER TABLE (Example 63)
    op.rename_table("customers", "clients")
    # => `ALTER TABLE customers RENAME TO clients`: no data is copied
    rename_dependents("customers", "clients")
    op.execute("CREATE VIEW customers AS SELECT id, name FROM clients")
    # => `CREATE VIEW customers AS SELECT id, name FROM clients`
    # => a single-table view without aggregates is automatically updatable:
    # => old code's INSERT/UPDATE/DELETE on "customers" reach "clients" unchanged
    # => all in one transaction: no moment exists where "customers" is missing


def downgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.execute("DROP VIEW customers")
    op.rename_table("clients", "customers")
    rename_dependents("clients", "customers")
