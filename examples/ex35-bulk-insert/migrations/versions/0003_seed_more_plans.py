"""seed two more plans, tolerating rows that already exist

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:00:00
"""

import datetime
from decimal import Decimal

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

plans = sa.table(
    "plans",
    sa.column("code", sa.String),
    sa.column("monthly_price", sa.Numeric(8, 2)),
    sa.column("launched_on", sa.Date),
)

NEW = [  # => no ids this time: the identity numbers them, after setval() in 0002
    {"code": "business", "monthly_price": Decimal("99.00"),
     "launched_on": datetime.date(2026, 12, 1)},
    {"code": "scale", "monthly_price": Decimal("149.00"),
     "launched_on": datetime.date(2026, 12, 1)},
]


def upgrade() -> None:
    op.execute(
        postgresql.insert(plans).values(NEW).on_conflict_do_nothing(index_elements=["code"])
    )
    # => not bulk_insert: a plan someone already created by hand (a hotfix, a staging fix)
    # => is skipped instead of failing the deploy on uq_plans_code
    # => one multi-row statement, online and in --sql:
    # => `ON CONFLICT (code) DO NOTHING`


def downgrade() -> None:
    op.execute(plans.delete().where(plans.c.code.in_([row["code"] for row in NEW])))
    # => deletes both codes, including a row that existed before 0003 skipped it: the
    # => revision cannot tell which rows were its own
