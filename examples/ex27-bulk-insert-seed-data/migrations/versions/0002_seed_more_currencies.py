"""seed more currencies

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => this revision's id
down_revision: str | None = "0001"  # => the table exists and already holds EUR and USD
branch_labels = None
depends_on = None

# A snapshot of the table as this revision knows it: only the columns it writes.
# Never import application models here; they change, and this file must not.
currencies = sa.table(  # => lightweight sa.table(): no MetaData, no DDL, just names and types
    "currencies",
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("minor_units", sa.SmallInteger),
)

NEW_ROWS = [
    {"code": "JPY", "name": "Yen", "minor_units": 0},
    {"code": "KWD", "name": "Kuwaiti Dinar", "minor_units": 3},
]  # => kept at module level so downgrade() removes exactly these rows


def upgrade() -> None:
    op.bulk_insert(currencies, NEW_ROWS)
    # => `INSERT INTO currencies (code, name, minor_units)`
    # => `VALUES ('JPY'::VARCHAR, 'Yen'::VARCHAR, 0::SMALLINT)`
    # => the sa.column() types decide the casts; a plain sa.column("code") would send untyped values


def downgrade() -> None:
    op.execute(  # => data revisions need a data downgrade too: delete what upgrade() added
        currencies.delete().where(currencies.c.code.in_([row["code"] for row in NEW_ROWS]))
    )
    # => `DELETE FROM currencies WHERE currencies.code IN ('JPY'::VARCHAR, 'KWD'::VARCHAR)`
    # => rows added later by users are left alone (see the session)
    # => fails if another table's foreign key still points at JPY or KWD: delete those first
