<%doc>
    Team revision template: `alembic revision` renders this Mako file into versions/.
    Mako syntax: ${expr} inserts a value, % starts a control line, ## is a comment
    that never reaches the generated file.
</%doc>\
<%
    ## => -x key=value options arrive as strings in config.cmd_opts.x (a list, or None);
    ## => config.cmd_opts itself is None when command.revision() is called from Python
    extra = dict(arg.split("=", 1) for arg in ((config.cmd_opts and config.cmd_opts.x) or []))
    ticket = extra.get("ticket", "NO-TICKET")
    ## => "NO-TICKET" when the author forgot -x ticket=...
%>\
"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date.strftime("%Y-%m-%d %H:%M")}
Ticket: ${ticket}
"""
## => the docstring header; create_date is a datetime, so strftime() trims the microseconds

from alembic import op
import sqlalchemy as sa
% if not downgrades:
from alembic.util import CommandError
% endif
${imports if imports else ""}
## => imports: extra imports autogenerate needs (empty for a manual revision)

revision: str = ${repr(up_revision)}
## => repr() renders a quoted Python literal, e.g. '0002'
down_revision: str | tuple[str, ...] | None = ${repr(down_revision)}
## => modern typing (Python 3.10+) instead of the stock Union[...] imports
branch_labels: str | tuple[str, ...] | None = ${repr(branch_labels)}
depends_on: str | tuple[str, ...] | None = ${repr(depends_on)}


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}
## => upgrades: autogenerate's rendered operations; "pass" for a manual revision


def downgrade() -> None:
% if downgrades:
    ${downgrades}
% else:
    raise CommandError("${up_revision}: downgrade() not written yet")
% endif
## => a control block: a manual revision gets a downgrade() that refuses to run until its
## => author replaces the raise; CommandError makes Alembic print FAILED: and exit 255
## => instead of a traceback
