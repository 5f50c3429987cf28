"""create currencies table with seed rows

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => this revision's id; stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None
depends_on = None


def upgrade() -> None:
    currencies = op.create_table(  # => returns the sa.Table it just created
        "currencies",
        sa.Column("code", sa.String(3), nullable=False),  # => `code VARCHAR(3) NOT NULL`
        sa.Column("name", sa.String(50), nullable=False),  # => `name VARCHAR(50) NOT NULL`
        sa.Column("minor_units", sa.SmallInteger, nullable=False),
        # => `minor_units SMALLINT NOT NULL`: digits after the decimal point
        sa.PrimaryKeyConstraint("code", name="pk_currencies"),
        # => `CONSTRAINT pk_currencies PRIMARY KEY (code)`: a natural key, the ISO code
    )
    op.bulk_insert(  # => INSERTs the rows through the migration's connection and transaction
        currencies,  # => the Table returned above tells bulk_insert the column types
        [
            {"code": "EUR", "name": "Euro", "minor_units": 2},
            {"code": "USD", "name": "US Dollar", "minor_units": 2},
        ],
        # => one dict per row; every dict has the same keys
    )
    # => one executemany call; the captured SQL shows one INSERT per row, with typed values:
    # => `INSERT INTO currencies (code, name, minor_units)`
    # => `VALUES ('EUR'::VARCHAR, 'Euro'::VARCHAR, 2::SMALLINT)`
    # => the rows are written before the version row: a failure rolls back table, rows and version


def downgrade() -> None:
    op.drop_table("currencies")  # => DROP TABLE currencies (not run here): the seed rows go with it
