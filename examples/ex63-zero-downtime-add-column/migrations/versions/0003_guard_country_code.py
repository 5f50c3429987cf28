"""phase 2a (migrate): guard new rows with a NOT VALID check

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

from alembic import op

revision: str = "0003"  # => deploy only after every old application instance is gone
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on customers
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    op.create_check_constraint(
        "ck_customers_country_code_not_null", "customers", "country_code IS NOT NULL",
        postgresql_not_valid=True,
    )
    # => `ADD CONSTRAINT ck_customers_country_code_not_null CHECK (country_code IS NOT NULL) NOT VALID`
    # => NOT VALID: checked for every row written from now on, existing rows are not read


def downgrade() -> None:
    op.drop_constraint("ck_customers_country_code_not_null", "customers", type_="check")
