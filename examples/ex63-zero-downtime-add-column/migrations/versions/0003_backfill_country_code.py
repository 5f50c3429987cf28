"""phase 2 (migrate): backfill old rows, guard new ones with a NOT VALID check

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
    op.execute("UPDATE customers SET country_code = 'ZZ' WHERE country_code IS NULL")
    # => `UPDATE customers SET country_code = 'ZZ' WHERE country_code IS NULL`
    # => 'ZZ' = unknown; only the rows the old code wrote (small here; batch it on big tables)
    op.create_check_constraint(
        "ck_customers_country_code_not_null", "customers", "country_code IS NOT NULL",
        postgresql_not_valid=True,
    )
    # => `ADD CONSTRAINT ck_customers_country_code_not_null CHECK (country_code IS NOT NULL) NOT VALID`
    # => NOT VALID: enforced for new rows at once, existing rows are not scanned (no long lock)


def downgrade() -> None:
    op.drop_constraint("ck_customers_country_code_not_null", "customers", type_="check")
    # => the backfilled 'ZZ' values stay: harmless, and the column still exists at 0002
