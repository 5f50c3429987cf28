"""create customers table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => the first revision: its downgrade() is the last one base runs
down_revision: str | None = None  # => None: below this revision lies base, the empty schema
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("email", sa.String(255), nullable=False),  # => `email VARCHAR(255) NOT NULL`
    )
    # => upgrading from base also inserts the first version row:
    # => `INSERT INTO alembic_version (version_num) VALUES ('0001')`


def downgrade() -> None:
    op.drop_table("customers")  # => runs third, last: `DROP TABLE customers`
    # => then Alembic deletes the version row instead of updating it:
    # => `DELETE FROM alembic_version WHERE alembic_version.version_num = '0001'`
