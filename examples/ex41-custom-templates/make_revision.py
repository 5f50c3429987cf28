"""Generate a revision from Python, as IDE plugins, tests and release scripts do."""

from alembic import command
from alembic.config import Config

config = Config("alembic.ini")  # => no command line: config.cmd_opts is None
script = command.revision(config, message="add note to orders", rev_id="0003")
# => renders the same script.py.mako; the template must not assume cmd_opts exists
with open(script.path) as generated:
    print(next(line for line in generated if line.startswith("Ticket:")), end="")
    # => Output: Ticket: NO-TICKET
