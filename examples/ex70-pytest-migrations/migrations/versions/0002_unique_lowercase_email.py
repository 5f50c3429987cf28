"""lowercase emails, then make them unique (first draft)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => house style before ALTER TABLE (Example 63)
    op.execute("UPDATE users SET email = lower(email) WHERE email <> lower(email)")
    # => the data migration: 'Ada@Example.COM' becomes 'ada@example.com'
    op.create_unique_constraint(op.f("uq_users_email"), "users", ["email"])
    # => `ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email)`
    # => BUG: if 'ada@example.com' already existed, two rows are now equal and this fails


def downgrade() -> None:
    op.drop_constraint(op.f("uq_users_email"), "users", type_="unique")
