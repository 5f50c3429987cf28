"""seed demo users (development only)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import context, op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

users = sa.table("users", sa.column("email", sa.String))
DEMO = ["alice@example.test", "bob@example.test"]


def upgrade() -> None:
    if not context.config.attributes.get("seed_demo_data", False):
        return  # => staging and production: the revision is recorded but inserts nothing
        # => and it stays recorded: turning the flag on later does not run it again
    op.bulk_insert(users, [{"email": email} for email in DEMO])
    # => development only: `INSERT INTO users (email) VALUES ('alice@example.test'::VARCHAR)`
    # => (the ::VARCHAR is SQLAlchemy's: its psycopg dialect casts String parameters)


def downgrade() -> None:
    op.execute(users.delete().where(users.c.email.in_(DEMO)))  # => harmless where never seeded
