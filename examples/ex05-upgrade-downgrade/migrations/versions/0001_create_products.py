"""create products table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => alembic_version holds '0001' after this revision's upgrade()
down_revision: str | None = None  # => base of the chain: downgrading from here reaches "base"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => runs on "alembic upgrade" when the database is below 0001
    op.create_table(
        "products",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(200), nullable=False),  # => `name VARCHAR(200) NOT NULL`
    )
    # => `INSERT INTO alembic_version (version_num) VALUES ('0001')`: the first version row


def downgrade() -> None:
    # => runs on "alembic downgrade" when the database is at 0001; undoes upgrade() exactly
    op.drop_table("products")  # => `DROP TABLE products`
    # => `DELETE FROM alembic_version WHERE alembic_version.version_num = '0001'`
    # => the alembic_version table itself stays, now with no row
    # => Output: INFO  [alembic.runtime.migration] Running downgrade 0001 -> , create products table
    # => one more "alembic downgrade -1" at base is an error (exit status 255), nothing changes:
    # => Output: FAILED: Relative revision -1 didn't produce 1 migrations
