"""create sales and the daily_sales materialized view

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency

DAILY_SALES = """
CREATE MATERIALIZED VIEW daily_sales AS
SELECT sold_on, count(*) AS n_sales, sum(amount_cents) AS revenue_cents
FROM sales
GROUP BY sold_on
WITH DATA
"""
# => a query whose result PostgreSQL stores like a table; reads do not re-run it


def upgrade() -> None:
    op.create_table(
        "sales",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("sold_on", sa.Date, nullable=False),  # => `sold_on DATE NOT NULL`
        sa.Column("amount_cents", sa.Integer, nullable=False),
        # => `amount_cents INTEGER NOT NULL`
    )
    op.execute(DAILY_SALES)
    # => `CREATE MATERIALIZED VIEW daily_sales AS`: runs the query now and stores the rows
    # => WITH DATA (the default) fills it at once; on a big table that is the slow part
    op.create_index("uq_daily_sales_sold_on", "daily_sales", ["sold_on"], unique=True)
    # => `CREATE UNIQUE INDEX uq_daily_sales_sold_on ON daily_sales (sold_on)`
    # => op.create_index works on materialized views too; the unique index is what
    # => REFRESH ... CONCURRENTLY requires


def downgrade() -> None:
    op.execute("DROP MATERIALIZED VIEW daily_sales")
    # => `DROP MATERIALIZED VIEW daily_sales`: its index goes with it
    # => plain DROP VIEW would fail: "daily_sales" is not a view
    op.drop_table("sales")  # => `DROP TABLE sales`
