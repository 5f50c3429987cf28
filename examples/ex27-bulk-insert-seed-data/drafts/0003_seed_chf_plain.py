"""seed the Swiss franc

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None

currencies = sa.table(
    "currencies",
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("minor_units", sa.SmallInteger),
)


def upgrade() -> None:
    op.bulk_insert(currencies, [{"code": "CHF", "name": "Swiss Franc", "minor_units": 2}])
    # => a plain INSERT: fails where the row already exists


def downgrade() -> None:
    op.execute(currencies.delete().where(currencies.c.code == "CHF"))
