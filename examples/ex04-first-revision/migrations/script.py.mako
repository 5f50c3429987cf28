## script.py.mako: the Mako template "alembic revision" renders into versions/<id>_<slug>.py
## => lines starting with ## are Mako comments: they never reach the generated file
## => ${message} = the -m text; ${up_revision} = the new id; ${down_revision} = the current head
"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

# revision identifiers, used by Alembic.
revision: str = ${repr(up_revision)}
down_revision: Union[str, Sequence[str], None] = ${repr(down_revision)}
branch_labels: Union[str, Sequence[str], None] = ${repr(branch_labels)}
depends_on: Union[str, Sequence[str], None] = ${repr(depends_on)}


def upgrade() -> None:
    """Upgrade schema."""
    ${upgrades if upgrades else "pass"}
## => "pass" unless autogenerate filled in operations


def downgrade() -> None:
    """Downgrade schema."""
    ${downgrades if downgrades else "pass"}
