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

plans = sa.table(  # => just enough of the table for an INSERT, frozen at this revision
    "plans",
    sa.column("id", sa.BigInteger),
    sa.column("code", sa.String),
    sa.column("monthly_price", sa.Numeric(8, 2)),
    sa.column("launched_on", sa.Date),
    sa.column("trial_days", sa.Integer),
    # => online, the driver converts Python values itself; in --sql mode nothing is sent, and
    # => each column's type renders its value as SQL text: `'2024-01-15'` for the Date
)

SEED = [  # => fixed ids: other seed data and application code may refer to them
    {"id": 1, "code": "free", "monthly_price": Decimal("0.00"),
     "launched_on": datetime.date(2024, 1, 15), "trial_days": 0},
    {"id": 2, "code": "pro", "monthly_price": Decimal("19.00"),
     "launched_on": datetime.date(2024, 1, 15), "trial_days": 30},
    {"id": 3, "code": "team", "monthly_price": Decimal("49.00"),
     "launched_on": datetime.date(2025, 6, 1), "trial_days": 30},
]
LEGACY = [  # => a row without "trial_days": it should get the column's DEFAULT
    {"id": 4, "code": "legacy", "monthly_price": Decimal("9.00"),
     "launched_on": datetime.date(2020, 3, 1)},
]


def upgrade() -> None:
    op.bulk_insert(plans, SEED)
    # => multiinsert=True (the default): one INSERT compiled once, executed for every dict
    # => (executemany), so every dict must have the same keys
    # => `INSERT INTO plans (id, code, monthly_price, launched_on, trial_days)`
    op.bulk_insert(plans, LEGACY, multiinsert=False)
    # => multiinsert=False: one INSERT per dict, naming only that dict's columns, so a missing
    # => key gets the server DEFAULT (with multiinsert=True every dict needs the same keys)
    # => `INSERT INTO plans (id, code, monthly_price, launched_on)`
    op.execute(
        "SELECT setval(pg_get_serial_sequence('plans', 'id'), (SELECT max(id) FROM plans))"
    )
    # => explicit ids do not advance the identity's sequence; without this, the application's
    # => next INSERT would get id 1 and fail with a duplicate key on pk_plans


def downgrade() -> None:
    codes = [row["code"] for row in SEED + LEGACY]
    op.execute(plans.delete().where(plans.c.code.in_(codes)))
    # => removes exactly the seeded rows, by their natural key; rows the application added stay
    # => if another table's foreign key references a plan, this DELETE fails (or, with
    # => ON DELETE CASCADE, takes those rows along): check before rolling seed data back
