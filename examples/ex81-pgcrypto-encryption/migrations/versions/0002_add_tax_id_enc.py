"""expand: install pgcrypto, add the ciphertext column

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pgcrypto")
    # => `CREATE EXTENSION IF NOT EXISTS pgcrypto`: needs a role allowed to create it
    op.execute("SET LOCAL lock_timeout = '5s'")  # => `SET LOCAL lock_timeout = '5s'`
    # => customers is live: give up after 5 s rather than queue every query behind this ALTER
    op.add_column("customers", sa.Column("tax_id_enc", postgresql.BYTEA))
    # => `ALTER TABLE customers ADD COLUMN tax_id_enc BYTEA`: nullable, no default, so no rows
    # => are touched; from this release on the application writes both columns


def downgrade() -> None:
    op.drop_column("customers", "tax_id_enc")  # => drops the ciphertext column
    # => the extension stays installed: other objects may depend on it
