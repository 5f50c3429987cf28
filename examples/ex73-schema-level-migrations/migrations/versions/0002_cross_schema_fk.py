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
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    op.add_column(
        "customers",
        sa.Column("account_manager_id", sa.BigInteger),
        schema="sales",  # => `ALTER TABLE sales.customers ADD COLUMN account_manager_id BIGINT`
    )
    op.create_foreign_key(
        op.f("fk_customers_account_manager_id_employees"),  # => the convention's name, so
        "customers", "employees",                             # => downgrade can drop it
        ["account_manager_id"], ["id"],
        source_schema="sales",  # => the table that gets the constraint
        referent_schema="hr",  # => the table it points at, in another schema
    )
    # => `REFERENCES hr.employees (id)`: a foreign key may cross schemas
    # => the tables are new and empty here; on a populated one, add it NOT VALID and
    # => VALIDATE it in a later revision (Example 63)


def downgrade() -> None:
    op.drop_constraint(op.f("fk_customers_account_manager_id_employees"), "customers",
                       schema="sales", type_="foreignkey")
    # => `ALTER TABLE sales.customers DROP CONSTRAINT fk_customers_account_manager_id_employees`
    op.drop_column("customers", "account_manager_id", schema="sales")
    # => `ALTER TABLE sales.customers DROP COLUMN account_manager_id`
