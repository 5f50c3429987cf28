"""Build-time benchmark on the real book: whole-process timings, medians, printed as a table.

    python bench/build_times.py [--runs 5]

Measures, each as the median of several runs of a whole ``sphinx-build`` process:

* clean build: empty caches (results and diagrams) and no Sphinx environment, every example
  executed and every diagram drawn;
* warm diagrams: the same, but with the diagram cache of the clean build (results still empty);
* no-change rebuild: the same again with nothing changed;
* rebuild after editing one example's revision file (Example 6; restored afterwards);

with the machine's CPU time during each build (all processes: Sphinx, the workers and the
embedded PostgreSQL server, read from ``/proc/stat``, so the machine must be otherwise quiet)
and that CPU time divided by the cores: no build can take less wall time than that.

And the cost of one step three ways, in the same run: inside our worker (fork of a pre-warmed
interpreter), inside an already-running interpreter (the floor), and spawning the real
``alembic`` command as a new process (what a naive runner pays).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "ext"))
from abe import SPHINX_JOBS  # noqa: E402  (as `nox -s html` runs Sphinx)

EDITED = ROOT / "examples/ex06-create-table/migrations/versions/0001_create_users.py"
STEP = ["alembic", "current"]
#: calls that warm a fresh interpreter up (measured: the first ~70 ms, the next four 14-18 ms,
#: then a steady 12-14 ms); the floor is taken after them
WARM_CALLS = 5


def machine_cpu() -> tuple[float, float] | None:
    """(user, system) CPU seconds the whole machine has been busy since boot (every process,
    every core: user includes nice, system includes interrupts; idle, iowait and the time a
    hypervisor gave to other guests are not counted), or None where there is no
    ``/proc/stat``. Also used by ``execution_cost.py``."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, _steal = fields
    tick = os.sysconf("SC_CLK_TCK")
    return (user + nice) / tick, (system + irq + softirq) / tick


#: machine CPU seconds of each timed build, by scenario
CPU: dict[str, list[float]] = {}


def timed(cmd: list[str], env: dict[str, str], key: str = "") -> float:
    cpu_before = machine_cpu()
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    cpu_after = machine_cpu()
    if proc.returncode != 0:
        sys.exit(f"command failed: {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    if key and cpu_before is not None and cpu_after is not None:
        CPU.setdefault(key, []).append(sum(cpu_after) - sum(cpu_before))
    return elapsed


def build_timings(runs: int, base_env: dict[str, str]) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"clean": [], "diagrams": [], "nochange": [], "edit": []}
    work = Path(tempfile.mkdtemp(prefix="abe-bench-"))
    original = EDITED.read_bytes()
    try:
        for i in range(runs):
            outdir = work / f"html{i}"
            # results cache and Sphinx environment empty; the embedded server is the default
            # one (its data directory is reused, as in an author's builds)
            env = dict(base_env, ABE_CACHE_DIR=str(work / f"cache{i}"))
            cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-j", SPHINX_JOBS,
                   str(ROOT), str(outdir)]
            out["clean"].append(timed(cmd, env, "clean"))
            out["nochange"].append(timed(cmd, env, "nochange"))
            EDITED.write_bytes(original + f"# bench edit {i}\n".encode())
            try:
                out["edit"].append(timed(cmd, env, "edit"))
            finally:
                EDITED.write_bytes(original)
            timed(cmd, env)  # back to the unedited state for the next round
            # empty results cache and no environment, the clean build's diagrams kept
            warm = work / f"cache{i}-warm"
            shutil.copytree(work / f"cache{i}" / "diagrams", warm / "diagrams")
            out["diagrams"].append(timed(
                [*cmd[:-1], str(work / f"html{i}-warm")], dict(env, ABE_CACHE_DIR=str(warm)),
                "diagrams"))
    finally:
        EDITED.write_bytes(original)
        shutil.rmtree(work, ignore_errors=True)
    return out


IN_INTERPRETER = r"""
import json, os, sys, time, io, contextlib
import alembic.config
times = []
for _ in range(int(sys.argv[1])):
    buf = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        alembic.config.main(argv=["current"], prog="alembic")
    times.append(time.perf_counter() - start)
print(json.dumps(times))
"""


def step_timings(samples: int, rounds: int = 4) -> dict[str, list[float]]:
    """One `alembic current` step, three ways, against throwaway databases. The three take
    turns, ``rounds`` times, so that a change in the machine's speed while the benchmark runs
    (these machines are shared) weighs on all three alike."""
    from abe.config import AbeConfig
    from abe.executor import Executor
    from abe.session import load_example

    per_round = max(1, samples // rounds)
    work = Path(tempfile.mkdtemp(prefix="abe-step-"))
    example_dir = work / "ex99-step-bench"
    shutil.copytree(ROOT / "examples/ex06-create-table", example_dir)
    # Example 6's own session (its annotations are checked against it), then the samples
    session = example_dir / "session.toml"
    original = session.read_text()
    kept = original.count("[[step]]")
    steps = "\n".join(f'[[step]]\nrun = "{" ".join(STEP)}"\n' for _ in range(per_round))
    session.write_text(original + "\n" + steps)
    example = load_example(example_dir)
    executor = Executor(AbeConfig(force="all", cache_dir=str(work / "cache")), work)
    out: dict[str, list[float]] = {"worker": [], "in_interpreter": [], "spawned": []}
    name = "abe_bench_steps"
    try:
        url = executor.provider.create_database(name)
        env = dict(os.environ, DATABASE_URL=url)
        run_dir = work / "project"
        shutil.copytree(example_dir, run_dir)
        alembic_cmd = str(Path(sys.executable).parent / "alembic")
        subprocess.run([alembic_cmd, "upgrade", "head"], cwd=run_dir, env=env, check=True,
                       capture_output=True)
        for _ in range(rounds):
            result = executor.execute(example)
            assert result["status"] == "passed", result["failure"]
            out["worker"] += [s["seconds"] for s in result["steps"][kept:]]
            for _ in range(per_round):
                start = time.perf_counter()
                subprocess.run([alembic_cmd, *STEP[1:]], cwd=run_dir, env=env, check=True,
                               capture_output=True)
                out["spawned"].append(time.perf_counter() - start)
            calls = WARM_CALLS + per_round
            proc = subprocess.run([sys.executable, "-c", IN_INTERPRETER, str(calls)],
                                  cwd=run_dir, env=env, check=True, capture_output=True,
                                  text=True)
            # the interpreter's first calls fill its caches: only the steady state counts
            times = json.loads(proc.stdout.strip().splitlines()[-1])
            out["in_interpreter"] += times[WARM_CALLS:]
    finally:
        executor.provider.drop_database(name)
        executor.close()
        shutil.rmtree(work, ignore_errors=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per build scenario (>= 5)")
    parser.add_argument("--steps", type=int, default=40,
                        help="samples per step measurement (taken in 4 rounds)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("ABE_FORCE", "ABE_CACHE_DIR")}
    examples = len(list((ROOT / "examples").glob("ex[0-9][0-9]-*")))
    builds = build_timings(args.runs, env)
    steps = step_timings(args.steps)
    samples = {**builds, **steps}
    med = {k: statistics.median(v) for k, v in samples.items()}
    server = "external" if env.get("ABE_DATABASE_URL") else "embedded"
    print(f"\nAlembic By Example build benchmark: {examples} examples, {os.cpu_count()} cores, "
          f"{server} PostgreSQL, median of {args.runs} runs ({args.steps} samples per step)\n")
    rows = [
        ("clean build, empty caches, all executed", "clean", "<= 45 s"),
        ("clean build, diagrams cached", "diagrams", "<= 30 s"),
        ("no-change rebuild", "nochange", "<= 3 s"),
        ("rebuild after editing one revision", "edit", "<= 5 s"),
        ("one step in our worker (fork)", "worker", ""),
        ("one step in a warm interpreter", "in_interpreter", "floor"),
        ("one step as a spawned alembic process", "spawned", ""),
    ]
    cores = os.cpu_count() or 1

    def cpu_cells(key: str) -> tuple[str, str]:
        if key not in CPU:
            return "", ""
        cpu = statistics.median(CPU[key])
        return f"{cpu:.1f}", f"{cpu / cores:.1f}"

    print(f"| {'measurement':<42} | {'median s':>9} | {'min s':>8} | {'max s':>8} | "
          f"{'target':>8} | {'CPU s':>7} | {'CPU/cores s':>11} |")
    print(f"|{'-' * 44}|{'-' * 11}|{'-' * 10}|{'-' * 10}|{'-' * 10}|{'-' * 9}|{'-' * 13}|")
    for name, key, target in rows:
        cpu, floor = cpu_cells(key)
        print(f"| {name:<42} | {med[key]:>9.3f} | {min(samples[key]):>8.3f} | "
              f"{max(samples[key]):>8.3f} | {target:>8} | {cpu:>7} | {floor:>11} |")
    if CPU:
        print(f"\nCPU s: the whole machine's busy time during the build (median), Sphinx, workers "
              f"and PostgreSQL together;\nCPU/cores s: that divided by the {cores} cores, the "
              "least wall time the same work can take here.")
    print(f"\nworker step / warm interpreter step: {med['worker'] / med['in_interpreter']:.2f}x "
          "(target <= 3x)")
    print(f"spawned process step / worker step:  {med['spawned'] / med['worker']:.1f}x "
          "(target >= 10x)")


if __name__ == "__main__":
    main()
