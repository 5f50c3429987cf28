"""daily_sales: add the average sale

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

DAILY_SALES_V2 = """
CREATE MATERIALIZED VIEW daily_sales AS
SELECT sold_on, count(*) AS n_sales, sum(amount_cents) AS revenue_cents,
       round(avg(amount_cents)) AS avg_cents
FROM sales
GROUP BY sold_on
WITH DATA
"""
# => the whole new definition; WITH DATA this time, so readers never meet an empty view

DAILY_SALES_V1 = """
CREATE MATERIALIZED VIEW daily_sales AS
SELECT sold_on, count(*) AS n_sales, sum(amount_cents) AS revenue_cents
FROM sales
GROUP BY sold_on
WITH DATA
"""
# => 0001's definition, frozen here for downgrade()


def _recreate(definition: str) -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    op.execute("DROP MATERIALIZED VIEW daily_sales")
    # => `DROP MATERIALIZED VIEW daily_sales`: there is no CREATE OR REPLACE for them
    op.execute(definition)  # => runs the query and stores the rows, inside this transaction
    op.create_index("uq_daily_sales_sold_on", "daily_sales", ["sold_on"], unique=True)
    # => the index went with the old view: recreate it, or REFRESH CONCURRENTLY stops working
    op.execute("GRANT SELECT ON daily_sales TO PUBLIC")
    # => `GRANT SELECT ON daily_sales TO PUBLIC`: grants went with the old view too


def upgrade() -> None:
    _recreate(DAILY_SALES_V2)


def downgrade() -> None:
    _recreate(DAILY_SALES_V1)
