"""create articles with array columns

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"  # => stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),  # => `id SERIAL NOT NULL`
        sa.Column("title", sa.Text, nullable=False),  # => `title TEXT NOT NULL`
        sa.Column(
            "tags",
            postgresql.ARRAY(sa.Text),  # => element type Text: the column type is TEXT[]
            nullable=False,
            server_default=sa.text("'{}'"),  # => '{}' is PostgreSQL's literal empty array
        ),
        # => `tags TEXT[] DEFAULT '{}' NOT NULL`
        sa.Column("ratings", postgresql.ARRAY(sa.Integer)),
        # => `ratings INTEGER[]`: nullable; PostgreSQL does not enforce length or dimensions
    )


def downgrade() -> None:
    op.drop_table("articles")  # => `DROP TABLE articles`
