"""full-text search: generated tsvector column and GIN index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"  # => stored in alembic_version after upgrade
down_revision: str | None = "0001"  # => applies on top of 0001
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "articles",
        sa.Column(
            "search",
            postgresql.TSVECTOR,  # => a parsed document: stemmed lexemes + positions
            sa.Computed(
                "setweight(to_tsvector('english', title), 'A') || "
                "setweight(to_tsvector('english', body), 'B')",
                persisted=True,
            ),
            # => a STORED generated column (PostgreSQL 12+): the server keeps it current on every
            # => INSERT/UPDATE, no trigger needed; title words weigh more (A) than body words (B)
            # => the 'english' argument is required: one-argument to_tsvector() is not immutable
            # => and PostgreSQL rejects it in a generated column
        ),
    )
    # => `search TSVECTOR GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A')`
    # => existing rows are computed at once: the ALTER rewrites the table (shown in the session)
    op.create_index(
        op.f("ix_articles_search"),
        "articles",
        ["search"],
        postgresql_using="gin",  # => GIN: an inverted index from each lexeme to its rows
    )
    # => `CREATE INDEX ix_articles_search ON articles USING gin (search)`


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_search"), table_name="articles")  # => DROP INDEX ix_articles_search
    op.drop_column("articles", "search")  # => ALTER TABLE articles DROP COLUMN search
