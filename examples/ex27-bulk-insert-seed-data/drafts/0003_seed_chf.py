"""seed the Swiss franc

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 09:20:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

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
    op.execute(
        postgresql.insert(currencies)  # => PostgreSQL's INSERT, which knows ON CONFLICT
        .values([{"code": "CHF", "name": "Swiss Franc", "minor_units": 2}])
        .on_conflict_do_nothing(index_elements=["code"])
        # => a row whose code already exists is skipped, not an error
    )
    # => `ON CONFLICT (code) DO NOTHING`
    # => the seed now works in a database that has the row and in one that does not


def downgrade() -> None:
    pass
    # => deliberately nothing: CHF may have existed before this revision (it did in the
    # => session), and a delete here could not tell the two cases apart
