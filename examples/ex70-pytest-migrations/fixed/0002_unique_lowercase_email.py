"""set aside case duplicates, lowercase emails, then make them unique

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET LOCAL lock_timeout = '5s'")  # => house style before ALTER TABLE (Example 63)
    op.create_table(
        "users_email_duplicates",
        sa.Column("id", sa.BigInteger, autoincrement=False, nullable=False),
        sa.Column("email", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users_email_duplicates")),
    )  # => where the newer account of each colliding pair goes, nothing is deleted for good
    op.execute(
        "INSERT INTO users_email_duplicates (id, email, created_at) "
        "SELECT id, email, created_at FROM users AS u WHERE EXISTS ("
        "SELECT 1 FROM users AS older WHERE lower(older.email) = lower(u.email) AND older.id < u.id)"
    )  # => every account whose lowercased email an older account already has
    op.execute("DELETE FROM users USING users_email_duplicates AS d WHERE users.id = d.id")
    # => the oldest account of each address stays in users
    op.execute("UPDATE users SET email = lower(email) WHERE email <> lower(email)")
    # => now no two rows can become equal
    op.create_unique_constraint(op.f("uq_users_email"), "users", ["email"])
    # => `ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email)`


def downgrade() -> None:
    op.drop_constraint(op.f("uq_users_email"), "users", type_="unique")
    op.execute(
        "INSERT INTO users (id, email, created_at) "
        "SELECT id, email, created_at FROM users_email_duplicates"
    )  # => the set-aside accounts come back with their ids (the kept ones stay lowercased)
    op.drop_table("users_email_duplicates")
