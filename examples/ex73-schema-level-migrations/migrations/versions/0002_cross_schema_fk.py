"""sales.customers gets a manager from hr.employees

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"  # => applied after the schemas exist
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "customers",
        sa.Column("account_manager_id", sa.Integer),
        schema="sales",  # => `ALTER TABLE sales.customers ADD COLUMN account_manager_id INTEGER`
    )
    op.create_foreign_key(
        "fk_customers_account_manager",  # => explicit name, so downgrade can drop it
        "customers", "employees",
        ["account_manager_id"], ["id"],
        source_schema="sales",  # => the table that gets the constraint
        referent_schema="hr",  # => the table it points at, in another schema
    )
    # => `REFERENCES hr.employees (id)`: a foreign key may cross schemas


def downgrade() -> None:
    op.drop_constraint("fk_customers_account_manager", "customers",
                       schema="sales", type_="foreignkey")
    # => `ALTER TABLE sales.customers DROP CONSTRAINT fk_customers_account_manager`
    op.drop_column("customers", "account_manager_id", schema="sales")
    # => `ALTER TABLE sales.customers DROP COLUMN account_manager_id`
