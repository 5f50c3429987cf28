"""What executing the book costs, without Sphinx: whole ``python -m abe run`` processes over
every example, one example at a time and at the default concurrency; medians, as a table.

    python bench/execution_cost.py [--runs 1]

For each run: the wall time; the machine's busy CPU seconds, user and system (``/proc/stat``:
the runner, its workers, the examples' own programs and the embedded PostgreSQL server, so the
machine must be otherwise quiet); the embedded server's share (its postmaster's CPU times and
those of the backends it has reaped, read while it runs); and the CPU divided by the cores.
The one-at-a-time run also sums the times the examples report: divided by the cores, that sum
is the least wall time their execution can take here, however it is scheduled.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "ext"))
from abe.config import AbeConfig  # noqa: E402
from abe.pgbinaries import default_data_dir, parse_major  # noqa: E402
from build_times import machine_cpu  # noqa: E402  (this folder is sys.path[0])

SUMMARY = re.compile(r"^===== (\S+): (\w+) on .*, ([\d.]+) s, cache", re.M)


class ServerCpu(threading.Thread):
    """Polls the embedded server's postmaster (named by ``postmaster.pid`` in its data
    directory) for its own and its reaped children's CPU times until stopped; keeps the first
    and the last reading of each postmaster seen (the run starts and stops its server)."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(daemon=True)
        self.pid_file = data_dir / "postmaster.pid"
        self.readings: dict[int, list[tuple[float, float]]] = {}
        self.done = threading.Event()

    def run(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        while not self.done.is_set():
            try:
                pid = int(self.pid_file.read_text().split()[0])
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                # utime stime cutime cstime are fields 14-17 of proc(5); fields[0] is field 3
                utime, stime, cutime, cstime = (int(v) / tick for v in fields[11:15])
                reading = (utime + cutime, stime + cstime)
                if pid in self.readings:
                    self.readings[pid][1] = reading
                else:
                    self.readings[pid] = [reading, reading]
            except (OSError, ValueError, IndexError):
                pass
            time.sleep(0.1)

    def stop(self) -> tuple[float, float]:
        self.done.set()
        self.join()
        user = sum(last[0] - first[0] for first, last in self.readings.values())
        system = sum(last[1] - first[1] for first, last in self.readings.values())
        return user, system


def one_run(examples: list[str], jobs: str, data_dir: Path | None) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "ext"))
    env.pop("ABE_FORCE", None)
    if jobs:
        env["ABE_JOBS"] = jobs
    else:
        env.pop("ABE_JOBS", None)
    server = ServerCpu(data_dir) if data_dir else None
    if server:
        server.start()
    before = machine_cpu()
    if before is None:
        sys.exit("this benchmark reads /proc/stat (Linux)")
    user0, system0 = before
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "abe", "run", *examples], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = machine_cpu()
    assert after is not None  # /proc/stat was there a moment ago
    user1, system1 = after
    pg_user, pg_system = server.stop() if server else (float("nan"), float("nan"))
    summaries = SUMMARY.findall(proc.stdout)
    failed = [slug for slug, status, _ in summaries if status != "passed"]
    if proc.returncode != 0 or failed or len(summaries) != len(examples):
        sys.exit(f"python -m abe run failed (exit {proc.returncode}; not passed: {failed}; "
                 f"{len(summaries)} of {len(examples)} reported)\n{proc.stderr[-3000:]}")
    return {"wall": wall, "user": user1 - user0, "system": system1 - system0,
            "pg_user": pg_user, "pg_system": pg_system,
            "examples": sum(float(seconds) for _, _, seconds in summaries)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="runs of each (default 1)")
    args = parser.parse_args()
    config = AbeConfig.from_env()
    data_dir = None
    if not config.database_url:
        data_dir = (Path(config.pgdata) if config.pgdata else
                    default_data_dir(ROOT / config.cache_dir, parse_major(config.pg_major)))
    examples = sorted(p.name for p in (ROOT / config.examples_dir).glob("ex[0-9][0-9]-*"))
    cores = os.cpu_count() or 1
    rows = []
    for label, jobs in (("one example at a time (ABE_JOBS=1)", "1"),
                        (f"default concurrency ({cores * 3} at a time)", "")):
        runs = [one_run(examples, jobs, data_dir) for _ in range(args.runs)]
        rows.append((label, {key: statistics.median(r[key] for r in runs) for key in runs[0]}))
    server = "external" if config.database_url else "embedded"
    print(f"\nExecuting the book without Sphinx: {len(examples)} examples, {cores} cores, "
          f"{server} PostgreSQL, median of {args.runs} runs\n")
    print("| run | wall s | CPU user s | CPU system s | of which PostgreSQL s | CPU/cores s |")
    print("|---|---|---|---|---|---|")
    for label, m in rows:
        print(f"| {label} | {m['wall']:.1f} | {m['user']:.1f} | {m['system']:.1f} | "
              f"{m['pg_user'] + m['pg_system']:.1f} ({m['pg_user']:.1f} user, "
              f"{m['pg_system']:.1f} system) | {(m['user'] + m['system']) / cores:.1f} |")
    serial = rows[0][1]["examples"]
    print(f"\nThe examples' own reported times, one at a time, sum to {serial:.1f} s: on "
          f"{cores} cores their execution takes at least {serial / cores:.1f} s, however it is "
          "scheduled.")


if __name__ == "__main__":
    main()
