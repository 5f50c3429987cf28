"""phase 3 (contract): SET NOT NULL without a full-table scan, drop the helper check

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 09:50:00
"""

from alembic import op

revision: str = "0006"  # => head
down_revision: str | None = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on customers
    # => no rewrite
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    op.alter_column("customers", "country_code", nullable=False)
    # => `ALTER TABLE customers ALTER COLUMN country_code SET NOT NULL`
    # => PostgreSQL 12+ finds the validated check and does not scan the table (the session shows it)
    op.drop_constraint("ck_customers_country_code_not_null", "customers", type_="check")
    # => `ALTER TABLE customers DROP CONSTRAINT ck_customers_country_code_not_null`: redundant now


def downgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.create_check_constraint(
        "ck_customers_country_code_not_null", "customers", "country_code IS NOT NULL",
    )  # => validated at once: back to the 0005 state, check present and valid
    op.alter_column("customers", "country_code", nullable=True)
