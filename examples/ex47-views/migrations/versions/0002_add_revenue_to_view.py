"""add revenue to customer_totals

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => stored in alembic_version after upgrade
down_revision: str | None = "0001"  # => applies on top of 0001
branch_labels = None
depends_on = None

CUSTOMER_TOTALS_V2 = """
CREATE OR REPLACE VIEW customer_totals AS
SELECT c.id, c.name, count(o.id) AS order_count,
       coalesce(sum(o.total_cents), 0) AS revenue_cents
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.name
"""
# => the full new definition: a view is always replaced whole, never altered column by column
# => OR REPLACE may only ADD columns at the end; it cannot drop, rename or retype them

CUSTOMER_TOTALS_V1 = """
CREATE VIEW customer_totals AS
SELECT c.id, c.name, count(o.id) AS order_count
FROM customers c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.name
"""
# => a copy of the previous definition, frozen in this file: downgrade() restores it


def upgrade() -> None:
    op.execute(CUSTOMER_TOTALS_V2)
    # => `CREATE OR REPLACE VIEW customer_totals AS`: keeps its grants and the objects that use it


def downgrade() -> None:
    op.execute("DROP VIEW customer_totals")  # => `DROP VIEW customer_totals`
    # => needed: OR REPLACE cannot remove the revenue_cents column (the session shows it)
    # => DROP also discards the view's privileges, and fails if another view reads this one
    op.execute(CUSTOMER_TOTALS_V1)  # => `CREATE VIEW customer_totals AS`: the 0001 version again
    op.execute("GRANT SELECT ON customer_totals TO PUBLIC")
    # => `GRANT SELECT ON customer_totals TO PUBLIC`: restored, or reports lose access after a rollback
