"""create users table

Revision ID: 0001
Revises:
Create Date: 2026-11-24 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0001"  # => this revision's id; stored in alembic_version after upgrade
down_revision: str | None = None  # => no parent: the first revision of the chain
branch_labels = None  # => no named branch
depends_on = None  # => no cross-branch dependency


def upgrade() -> None:
    op.create_table(  # => one CREATE TABLE statement, columns in this order
        "users",  # => table name, created in the default schema (public)
        sa.Column("id", sa.Integer, primary_key=True),
        # => `id SERIAL NOT NULL`: an Integer primary key becomes SERIAL on PostgreSQL
        sa.Column("email", sa.String(255), nullable=False),
        # => `email VARCHAR(255) NOT NULL`
        sa.Column("display_name", sa.String(100)),
        # => `display_name VARCHAR(100)`: columns are nullable unless told otherwise
        sa.Column("created_at", sa.DateTime(timezone=True),
                  server_default=sa.text("now()"), nullable=False),
        # => `created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL`
        sa.UniqueConstraint("email", name="uq_users_email"),
        # => `CONSTRAINT uq_users_email UNIQUE (email)`
    )
    # => the primary key is declared last: `PRIMARY KEY (id)`
    # => Alembic then records the revision: `INSERT INTO alembic_version`


def downgrade() -> None:
    op.drop_table("users")  # => `DROP TABLE users`; the sequence users_id_seq goes with it
