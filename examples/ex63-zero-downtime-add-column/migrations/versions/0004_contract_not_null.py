"""phase 3 (contract): validate the check, then SET NOT NULL without a full-table scan

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 09:30:00
"""

from alembic import op

revision: str = "0004"  # => head
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE customers VALIDATE CONSTRAINT ck_customers_country_code_not_null")
    # => `ALTER TABLE customers VALIDATE CONSTRAINT ck_customers_country_code_not_null`
    # => scans the table under SHARE UPDATE EXCLUSIVE: reads and writes continue meanwhile
    op.alter_column("customers", "country_code", nullable=False)
    # => `ALTER TABLE customers ALTER COLUMN country_code SET NOT NULL`
    # => PostgreSQL 12+ sees the validated check and skips its own scan: a short lock only
    op.drop_constraint("ck_customers_country_code_not_null", "customers", type_="check")
    # => `ALTER TABLE customers DROP CONSTRAINT ck_customers_country_code_not_null`: redundant now


def downgrade() -> None:
    op.create_check_constraint(
        "ck_customers_country_code_not_null", "customers", "country_code IS NOT NULL",
        postgresql_not_valid=True,
    )  # => back to the 0003 state: check present, column nullable
    op.alter_column("customers", "country_code", nullable=True)
