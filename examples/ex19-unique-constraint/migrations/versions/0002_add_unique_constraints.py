"""add unique constraints to users

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

from alembic import op

revision: str = "0002"  # => this revision's id
down_revision: str | None = "0001"  # => runs after 0001: the users table already exists
branch_labels = None
depends_on = None


def upgrade() -> None:
    # => locks: ACCESS EXCLUSIVE on users
    # => no rewrite
    op.create_unique_constraint(
        "uq_users_email",  # => the book's uq_<table>_<column> name; downgrade drops it by name
        "users",  # => table the constraint is added to
        ["email"],  # => one column: no two rows may share an email
    )
    # => `ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE (email)`
    # => PostgreSQL builds a unique index of the same name to enforce it
    # => fails with a UniqueViolation if existing rows already hold duplicates (see the session)
    op.create_unique_constraint(
        "uq_users_tenant_id_username",  # => a second constraint in the same revision
        # => named by hand: uq_<table>_<first column> would say uq_users_tenant_id, which reads
        # => as "one user per tenant"
        "users",
        ["tenant_id", "username"],  # => two columns: a username is unique per tenant
    )
    # => `ADD CONSTRAINT uq_users_tenant_id_username UNIQUE (tenant_id, username)`
    # => the same username may appear again under another tenant_id
    # => Output: INFO  [alembic.runtime.migration] Running upgrade 0001 -> 0002, add unique constraints to users


def downgrade() -> None:
    op.drop_constraint("uq_users_tenant_id_username", "users", type_="unique")
    # => `ALTER TABLE users DROP CONSTRAINT uq_users_tenant_id_username`; reverse order of upgrade
    op.drop_constraint("uq_users_email", "users", type_="unique")
    # => `ALTER TABLE users DROP CONSTRAINT uq_users_email`; its index is dropped with it
    # => type_="unique" is required by some backends (MySQL); on PostgreSQL it documents intent
