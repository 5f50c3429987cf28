"""GIN index on articles.tags

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_articles_tags"), "articles", ["tags"], postgresql_using="gin")
    # => `CREATE INDEX ix_articles_tags ON articles USING gin (tags)`
    # => GIN indexes each element: serves @> (contains), <@ (is contained by), && (overlaps)
    # => a plain CREATE INDEX, as the table is new; on a live table build it CONCURRENTLY
    # => (Example 67)


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_tags"), table_name="articles")
