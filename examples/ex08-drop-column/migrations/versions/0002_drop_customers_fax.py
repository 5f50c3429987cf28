"""drop fax from customers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_column("customers", "fax")
    # => `ALTER TABLE customers DROP COLUMN fax`
    # => the values are gone for good once the transaction commits
    # => every index and constraint of this table that includes the column is dropped whole, even on
    # => (name, fax): ix_customers_name goes too, and name loses its index
    # => a view that reads the column makes this fail; the session shows it


def downgrade() -> None:
    op.add_column("customers", sa.Column("fax", sa.String(30), nullable=True))
    # => `ALTER TABLE customers ADD COLUMN fax VARCHAR(30)`
    # => restores the column's definition only: every row gets NULL, the old values are lost
    # => re-added as nullable: NOT NULL without a default would fail on the existing rows
    op.create_index("ix_customers_name", "customers", ["name", "fax"])
    # => `CREATE INDEX ix_customers_name ON customers (name, fax)`
    # => the drop took the index implicitly, so the downgrade has to rebuild it explicitly
