"""CI guard: fail the build when the migration graph has more than one head."""

import sys

from alembic.config import Config
from alembic.script import ScriptDirectory

config = Config("alembic.ini")  # => the same configuration the alembic command reads
script = ScriptDirectory.from_config(config)  # => the versions/ folder, parsed; no database
heads = script.get_heads()  # => ['0002', '0003'] here: every revision nobody revises

if len(heads) > 1:
    print(f"Multiple heads: {', '.join(sorted(heads))}. Run: alembic merge heads")
    # => Output: Multiple heads: 0002, 0003. Run: alembic merge heads
    sys.exit(1)  # => non-zero exit status: the CI job fails before anything is deployed
print(f"Single head: {heads[0]}")
