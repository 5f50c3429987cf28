"""create authors table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => the value written to alembic_version.version_num
down_revision: str | None = None  # => no parent: upgrading from an empty database starts here
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "authors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
    )
    # => on a fresh database Alembic first creates its bookkeeping table:
    # => `CREATE TABLE alembic_version ( version_num VARCHAR(32) NOT NULL,`
    # => `CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num) )`
    # => and after this function returns, inserts the first row:
    # => `INSERT INTO alembic_version (version_num) VALUES ('0001')`


def downgrade() -> None:
    op.drop_table("authors")  # => `DROP TABLE authors`
    # => leaving the first revision deletes the row: the table stays, empty
    # => `DELETE FROM alembic_version WHERE alembic_version.version_num = '0001'`
