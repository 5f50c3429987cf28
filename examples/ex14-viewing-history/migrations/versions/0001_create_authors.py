"""create authors table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => oldest entry: history lists it last, as <base> -> 0001
down_revision: str | None = None  # => no parent: the chain starts here
# => Output: <base> -> 0001, create authors table
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(
        "authors",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("name", sa.String(100), nullable=False),  # => `name VARCHAR(100) NOT NULL`
    )


def downgrade() -> None:
    op.drop_table("authors")  # => DROP TABLE authors
