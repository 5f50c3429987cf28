"""phase 1: rename customers to clients, keep a customers view for old code

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => deploy BEFORE the application that queries "clients"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '3s'")  # => the rename needs a brief exclusive lock
    op.rename_table("customers", "clients")
    # => `ALTER TABLE customers RENAME TO clients`: catalog-only, no data is copied;
    # => indexes, constraints and the identity sequence follow the table
    op.execute("CREATE VIEW customers AS SELECT id, name FROM clients")
    # => `CREATE VIEW customers AS SELECT id, name FROM clients`
    # => a single-table view without aggregates is automatically updatable:
    # => old code's INSERT/UPDATE/DELETE on "customers" reach "clients" unchanged
    # => both run in one transaction: no moment exists where "customers" is missing


def downgrade() -> None:
    op.execute("DROP VIEW customers")
    op.rename_table("clients", "customers")
