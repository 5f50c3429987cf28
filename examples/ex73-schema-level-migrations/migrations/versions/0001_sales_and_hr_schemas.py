"""sales and hr schemas with one table each

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => stored in meta.alembic_version after upgrade
down_revision: str | None = None  # => first revision of the chain
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(sa.schema.CreateSchema("sales"))  # => `CREATE SCHEMA sales`
    op.execute(sa.schema.CreateSchema("hr"))  # => `CREATE SCHEMA hr`
    op.create_table(
        "customers",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        schema="sales",  # => schema= qualifies the name: `CREATE TABLE sales.customers`
    )
    op.create_table(
        "employees",
        sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
        sa.Column("full_name", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employees")),
        schema="hr",  # => `CREATE TABLE hr.employees`
    )
    # => one revision, one transaction, two schemas: all of it commits or none of it


def downgrade() -> None:
    op.drop_table("employees", schema="hr")  # => `DROP TABLE hr.employees`
    op.drop_table("customers", schema="sales")  # => `DROP TABLE sales.customers`
    op.execute(sa.schema.DropSchema("hr"))  # => `DROP SCHEMA hr`
    op.execute(sa.schema.DropSchema("sales"))  # => `DROP SCHEMA sales`
