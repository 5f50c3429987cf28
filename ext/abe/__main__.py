"""Run examples without Sphinx and print what the book would show: ``python -m abe run ex06-...``.

For authors: the quickest way to see an example's real output and SQL while writing it. It uses
the same executor, databases and normalisation as the book build (never the cache unless asked).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .config import AbeConfig
from .directive import render_sql
from .executor import Executor
from .lockview import render_text
from .postgres import DatabaseError
from .session import SessionError, load_example


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m abe", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="execute examples and print their sessions")
    run.add_argument("examples", nargs="+", help="example folder names or paths")
    run.add_argument("--cached", action="store_true", help="reuse cached results when valid")
    run.add_argument("--catalog", action="store_true", help="also print catalog queries")
    compare = sub.add_parser(
        "compare", help="run every example on the configured server and on other ones "
                        "(PostgreSQL majors of the embedded server, or admin URLs), and report "
                        "each example whose output or SQL differs")
    compare.add_argument("servers", nargs="+", metavar="MAJOR|URL",
                         help="a major (14-18: that major's embedded server) or the admin URL "
                              "of another server, e.g. 14 15 16 17 "
                              "postgresql://postgres@127.0.0.1:5432/postgres")
    reproduce = sub.add_parser(
        "reproduce", help="run every example (or the named ones) as a reader's shell would: "
                          "real console scripts, a random hash seed, address randomisation on, "
                          "ids not pinned; fail where the output differs from the page")
    reproduce.add_argument("examples", nargs="*", help="example folder names (default: all)")
    reproduce.add_argument("--runs", type=int, default=2,
                           help="runs per example, each with another hash seed (default 2)")
    reproduce.add_argument("--seed", type=int, action="append", default=[],
                           help="PYTHONHASHSEED of a run instead of a random one (repeatable)")
    args = parser.parse_args(argv)
    if args.command == "compare":
        return compare_servers(args.servers)
    if args.command == "reproduce":
        from .reproduce import main as reproduce_main

        return reproduce_main(args.examples, args.runs, args.seed, 0)

    root = Path.cwd()

    config = AbeConfig.from_env(force="" if args.cached else "all")
    executor = Executor(config, root)
    failures = 0
    try:
        examples = []
        for name in args.examples:
            path = Path(name) if "/" in name else root / config.examples_dir / name
            examples.append(load_example(path.resolve()))
        results = executor.results(examples)
        for example in examples:
            result = results[example.slug]
            print(f"===== {example.slug}: {result['status']} on {result['server']} "
                  f"({result['provider']}), {result.get('seconds', 0):.2f} s, "
                  f"cache {result['cache']}")
            if result["status"] == "skipped":
                print(f"not executed: {result['reason']}")
            for record in result["steps"]:
                step = example.steps[record["index"]]
                print(f"\n$ {step.run}    # exit {record['status']}, {record['seconds']:.3f} s")
                print(record["output"].rstrip("\n"))
                sql = render_sql(record["sql"], include_catalog=args.catalog or step.catalog)
                if sql and step.sql:
                    print("-- SQL " + "-" * 60)
                    print(sql)
                if record.get("locks"):
                    print("-- Locks and rewrites " + "-" * 45)
                    print(render_text(record["locks"]))
            if result.get("squawk"):
                from .squawkview import revision_lines

                measured = {m.get("revision"): m for s in result["steps"]
                            for m in s.get("locks", [])}
                print("\n-- squawk on each revision's offline SQL " + "-" * 27)
                for lint in result["squawk"]:
                    print("\n".join(revision_lines(lint, measured.get(lint["revision"]))))
            if result["failure"]:
                failures += 1
                print(f"\nFAILED: {result['failure']}", file=sys.stderr)
            print()
    except (SessionError, DatabaseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        executor.close()
    return 1 if failures else 0


def compare_servers(others: list[str]) -> int:
    """Every server's results go to the cache, so the book then marks every example with the
    majors it passed on and folds in the other majors' differing lines; the differences from the
    configured server are printed as a table, one column per server."""

    from .pgbinaries import RELEASES, parse_major

    root = Path.cwd()
    base = AbeConfig.from_env()
    configs = [base]
    for other in others:
        if other.strip().isdigit():
            try:
                major = parse_major(other, "python -m abe compare")
            except DatabaseError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            configs.append(AbeConfig(cache_dir=base.cache_dir, pg_major=str(major)))
        elif "://" in other:
            configs.append(AbeConfig(database_url=other, cache_dir=base.cache_dir))
        else:
            print(f"error: python -m abe compare: {other!r} is neither a PostgreSQL major "
                  f"({', '.join(map(str, RELEASES))}) nor a postgresql:// URL", file=sys.stderr)
            return 2
    folders = sorted(p for p in (root / base.examples_dir).glob("ex[0-9][0-9]-*") if p.is_dir())
    examples = [load_example(p) for p in folders]
    runs = []
    try:
        for config in configs:
            executor = Executor(config, root)
            try:
                runs.append(executor.results(examples))
            finally:
                executor.close()
    except DatabaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    names = [next(iter(r.values()))["server"] + f" ({next(iter(r.values()))['provider']})"
             for r in runs]
    print("| example | " + " | ".join(names) + " | first difference from the first |")
    print("|---|" + "---|" * len(names) + "---|")
    differing = 0
    for example in examples:
        results = [r[example.slug] for r in runs]
        differences = []
        for name, result in zip(names[1:], results[1:], strict=True):
            found = first_difference(results[0], result)
            if found:
                differences.append(f"{name}: {found}")
        if differences:
            differing += 1
            print(f"| {example.slug} | " + " | ".join(r["status"] for r in results)
                  + " | " + "; ".join(differences) + " |")
    print(f"\n{differing} of {len(examples)} examples differ between {names[0]} and "
          f"{', '.join(names[1:])}.")
    failed = [f"{s} on {name}" for name, r in zip(names, runs, strict=True)
              for s, res in r.items() if res["status"] == "failed"]
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


def first_difference(a: dict[str, Any], b: dict[str, Any]) -> str:
    """The first step whose output or SQL differs between two results, or the statuses."""
    if a["status"] != b["status"]:
        return f"status {a['status']} / {b['status']}"
    for sa, sb in zip(a["steps"], b["steps"], strict=False):
        if sa["output"] != sb["output"]:
            return f"output of step {sa['index'] + 1} `{sa['run']}`"
        if render_sql(sa["sql"]) != render_sql(sb["sql"]):
            return f"SQL of step {sa['index'] + 1} `{sa['run']}`"
    return ""


if __name__ == "__main__":
    sys.exit(main())
