"""billing: invoice search term

Revision ID: 0005
Revises: 0003
Create Date: 2026-11-24 09:00:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = '0004'


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column("invoices", sa.Column("search_term_id", sa.BigInteger))
    # => `ALTER TABLE invoices ADD COLUMN search_term_id BIGINT`
    op.create_foreign_key(
        "fk_invoices_search_term_id_search_terms", "invoices", "search_terms",
        ["search_term_id"], ["id"],
    )  # => needs search_terms, made on the other branch: hence depends_on = '0004'
    # => `ALTER TABLE invoices ADD CONSTRAINT fk_invoices_search_term_id_search_terms FOREIGN KEY(search_term_id) REFERENCES search_terms (id)`


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_constraint("fk_invoices_search_term_id_search_terms", "invoices", type_="foreignkey")
    op.drop_column("invoices", "search_term_id")
