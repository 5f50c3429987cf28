"""lowercase emails, then make them unique

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
    op.execute("UPDATE users SET email = lower(email) WHERE email <> lower(email)")
    # => `UPDATE users SET email = lower(email) WHERE email <> lower(email)`: a data migration
    op.create_unique_constraint("uq_users_email", "users", ["email"])
    # => `ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email)`
    # => error case: two rows differing only in case now collide and the revision fails


def downgrade() -> None:
    op.drop_constraint("uq_users_email", "users", type_="unique")
    # => the lowercased emails stay lowercased: the data change is not undone
