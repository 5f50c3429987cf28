"""phase 2c (migrate): validate the check, in a transaction of its own

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 09:40:00
"""

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: SHARE UPDATE EXCLUSIVE on customers
    op.execute("SET LOCAL lock_timeout = '5s'")  # => for the lock VALIDATE needs before it scans
    op.execute("ALTER TABLE customers VALIDATE CONSTRAINT ck_customers_country_code_not_null")
    # => `ALTER TABLE customers VALIDATE CONSTRAINT ck_customers_country_code_not_null`
    # => reads every row; its own revision, so the scan's lock is the only one held meanwhile


def downgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")
    op.drop_constraint("ck_customers_country_code_not_null", "customers", type_="check")
    op.create_check_constraint(
        "ck_customers_country_code_not_null", "customers", "country_code IS NOT NULL",
        postgresql_not_valid=True,
    )  # => back to the 0004 state: a validated check cannot be marked NOT VALID in place
