"""Deploy step: migrate every tenant to head, one after the other; stop at the first failure."""

import argparse
import sys

from alembic import command
from alembic.config import Config

tenants = sys.argv[1:]  # => e.g. acme globex: in real life, read from the tenants registry

for tenant in tenants:
    config = Config("alembic.ini", cmd_opts=argparse.Namespace(x=[f"tenant={tenant}"]))
    # => what `alembic -x tenant=acme` builds: env.py reads it with get_x_argument()
    print(f"== {tenant}")
    try:
        command.upgrade(config, "head")  # => same as `alembic -x tenant=acme upgrade head`
    except Exception as exc:  # => the failed tenant stays at its last committed revision
        print(f"{tenant}: FAILED: {exc}")
        print("later tenants not attempted")  # => fix, then rerun the loop: finished tenants are no-ops
        sys.exit(1)
print(f"all {len(tenants)} tenants at head")  # => Output: all 2 tenants at head
