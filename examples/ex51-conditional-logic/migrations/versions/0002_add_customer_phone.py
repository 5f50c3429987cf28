"""customers.phone VARCHAR(30), whatever a hotfix left behind

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:10:00
"""

import logging

import sqlalchemy as sa
from alembic import op

revision: str = "0002"  # => stored in alembic_version once upgrade() returns
down_revision: str | None = "0001"  # => runs after 0001
branch_labels = None
depends_on = None

PHONE_LENGTH = 30  # => what this revision promises: phone VARCHAR(30)
log = logging.getLogger("alembic.conditional")
# => a child of the "alembic" logger, so alembic.ini's INFO level and console handler apply


def upgrade() -> None:
    bind = op.get_bind()  # => the live Connection that env.py opened (online mode only)
    inspector = sa.inspect(bind)  # => reads the live catalog through this same transaction
    phone = {c["name"]: c for c in inspector.get_columns("customers")}.get("phone")
    # => None on a clean database; the reflected column after a hotfix

    if phone is None:
        log.info("customers.phone is missing: adding it")
        # => Output: INFO  [alembic.conditional] customers.phone is missing: adding it
        op.add_column("customers", sa.Column("phone", sa.String(PHONE_LENGTH)))
        # => `ALTER TABLE customers ADD COLUMN phone VARCHAR(30)`
        # => (were presence the only question, add_column(..., if_not_exists=True) would do)
    elif isinstance(phone["type"], sa.VARCHAR) and phone["type"].length == PHONE_LENGTH:
        log.info("customers.phone is already VARCHAR(%d): nothing to do", PHONE_LENGTH)
    elif isinstance(phone["type"], sa.VARCHAR) and 0 < (phone["type"].length or 0) < PHONE_LENGTH:
        # => the decision the server cannot make: the column exists, but is it the right one?
        log.info("customers.phone is %s (a hotfix?): widening it to VARCHAR(%d)",
                 phone["type"], PHONE_LENGTH)
        # => Output: INFO  [alembic.conditional] customers.phone is VARCHAR(20) (a hotfix?): widening it to VARCHAR(30)
        op.alter_column("customers", "phone", type_=sa.String(PHONE_LENGTH),
                        existing_type=phone["type"])
        # => `ALTER TABLE customers ALTER COLUMN phone TYPE VARCHAR(30)`
    else:
        raise RuntimeError(f"customers.phone is {phone['type']}, not VARCHAR({PHONE_LENGTH}) "
                           "or shorter: decide by hand")
        # => a longer VARCHAR, TEXT, another type: shortening or converting is not a guess to
        # => automate; the exception stops the deploy and the transaction rolls back

    op.create_index("ix_customers_phone", "customers", ["phone"], if_not_exists=True)
    # => `CREATE INDEX IF NOT EXISTS ix_customers_phone`: presence alone, so the server decides
    # => then Alembic moves the version row: `UPDATE alembic_version SET version_num='0002'`


def downgrade() -> None:
    op.drop_index("ix_customers_phone", table_name="customers", if_exists=True)
    # => `DROP INDEX IF EXISTS ix_customers_phone`
    op.drop_column("customers", "phone", if_exists=True)
    # => `ALTER TABLE customers DROP COLUMN IF EXISTS phone`: safe even if phone never existed
