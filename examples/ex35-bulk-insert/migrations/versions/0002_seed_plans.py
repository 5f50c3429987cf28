"""seed the plans every environment needs

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

# => bulk_insert needs a Table; sa.table() declares just enough of it, typed,
# => so Python values (Decimal, date) are converted by the column types
plans = sa.table(
    "plans",
    sa.column("id", sa.Integer),
    sa.column("code", sa.String),
    sa.column("monthly_price", sa.Numeric(8, 2)),
    sa.column("launched_on", sa.Date),
)

SEED = [  # => fixed ids: other seed data and application code may refer to them
    {"id": 1, "code": "free", "monthly_price": Decimal("0.00"),
     "launched_on": datetime.date(2024, 1, 15)},
    {"id": 2, "code": "pro", "monthly_price": Decimal("19.00"),
     "launched_on": datetime.date(2024, 1, 15)},
    {"id": 3, "code": "team", "monthly_price": Decimal("49.00"),
     "launched_on": datetime.date(2025, 6, 1)},
]


def upgrade() -> None:
    op.bulk_insert(plans, SEED)
    # => one INSERT statement executed for the list of rows (executemany), one row per execution:
    # => `INSERT INTO plans (id, code, monthly_price, launched_on)`
    # => `VALUES (1::INTEGER, 'free'::VARCHAR, 0.00, '2024-01-15'::date::DATE)`
    # => the ::INTEGER casts are SQLAlchemy 2.1's psycopg bind casts, shown with values merged in
    # => give every dict the same keys: the statement is compiled once for all rows

    op.execute(
        "SELECT setval(pg_get_serial_sequence('plans', 'id'), (SELECT max(id) FROM plans))"
    )
    # => explicit ids do not advance the SERIAL sequence; without this, the application's
    # => next INSERT would get id 1 and fail with a duplicate key on plans_pkey


def downgrade() -> None:
    op.execute(plans.delete().where(plans.c.code.in_([row["code"] for row in SEED])))
    # => removes exactly the seeded rows, by their natural key:
    # => `DELETE FROM plans WHERE plans.code IN ('free'::VARCHAR, 'pro'::VARCHAR, 'team'::VARCHAR)`
