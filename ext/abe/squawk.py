"""squawk (PyPI ``squawk-cli``) on each revision's offline SQL, and its findings checked against
the example's declarations.

Execution side (the example process, after a session that ended as declared): one forked process
like a step (:data:`LINT`) renders every revision's offline SQL alone, ``alembic upgrade
<down>:<rev> --sql`` through Alembic's own command with the session's ``verify_args``, and runs
``squawk --reporter json --pg-version <server major>`` once on all of them. A revision whose
offline SQL cannot be produced (a merge revision, an ``env.py`` without an offline mode, an error)
is "not linted", with the reason. Findings on Alembic's own bookkeeping (the ``alembic_version``
table) are left out: no migration of the book writes those statements.

Parent side (:func:`verdict`): each finding is matched with ``[example.squawk_accept]`` in
``session.toml`` (``"<rev>:<rule>" = "reason"``). In the zero-downtime examples
(:data:`STRICT`) an undeclared finding fails the build; in every example a declaration that
matches no finding fails it (a stale reason would mislead the reader). ``ABE_SQUAWK=0`` turns
the linting off.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

LINT = "[abe squawk]"  # an internal step, never one from a session.toml
#: the zero-downtime examples: a finding there is either explained or a failure
STRICT = frozenset({63, 64, 65, 66, 67, 68, 78, 84})


def enabled() -> bool:
    return os.environ.get("ABE_SQUAWK", "1").strip().lower() not in ("0", "no", "off", "false")


def binary() -> str:
    """The ``squawk`` of the build's own environment (the wheel installs it beside Python)."""
    beside = Path(sys.executable).parent / "squawk"
    return str(beside) if beside.exists() else "squawk"


@functools.cache
def version() -> str:
    """``squawk --version`` ("absent" when it is not installed): part of the cache key."""
    try:
        done = subprocess.run([binary(), "--version"], capture_output=True, text=True,
                              timeout=30, check=False)
    except OSError:
        return "absent"
    return done.stdout.strip() or "absent"


def job_settings(server_version: str) -> dict[str, Any] | None:
    """What the worker needs to lint (None when the linting is off)."""
    if not enabled():
        return None
    return {"binary": binary(), "pg_version": server_version.split(".")[0]}


# --- execution side: in the forked lint process --------------------------------------------------
def lint_job(job: dict[str, Any], scratch: str, run_step: Any) -> list[dict[str, Any]]:
    """Run the lint process for one example (from the example process); its records."""
    settings = job.get("squawk")
    if not settings:
        return []
    verify = job.get("verify") or {}
    result_path = os.path.join(scratch, "squawk.json")
    env = dict(verify.get("env", {}))
    step = {"argv": [LINT], "env": env, "expect": 0, "timeout": verify.get("timeout", 60) * 2,
            "stdout_to": "", "squawk": settings, "args": verify.get("args", []),
            "result_path": result_path, "scratch": os.path.join(scratch, "squawk")}
    record = run_step(job, step, 998, scratch)
    if os.path.exists(result_path):
        return list(json.loads(Path(result_path).read_text(encoding="utf-8")))
    reason = "timed out" if record["timed_out"] else f"exit status {record['status']}"
    return [{"revision": "", "linted": False,
             "reason": f"the lint process failed ({reason}): {record['output'][-400:]}"}]


def lint_process(step: dict[str, Any]) -> int:
    """Body of the lint process (in the example's run folder, like a step)."""
    import io

    from alembic import command
    from alembic.config import CommandLine, Config
    from alembic.script import ScriptDirectory

    cli = CommandLine(prog="alembic")
    options = cli.parser.parse_args([*step.get("args", []), "heads"])
    toml, ini = cli._inis_from_config(options)
    records: list[dict[str, Any]] = []
    folder = Path(step["scratch"])
    folder.mkdir(parents=True, exist_ok=True)
    script = ScriptDirectory.from_config(Config(file_=ini, toml_file=toml,
                                                ini_section=options.name, cmd_opts=options))
    files: dict[str, dict[str, Any]] = {}
    for n, rev in enumerate(reversed(list(script.walk_revisions()))):
        path = os.path.relpath(rev.path, os.getcwd()) if rev.path else ""
        record: dict[str, Any] = {"revision": rev.revision, "path": path,
                                  "line": _upgrade_line(rev.path), "findings": []}
        records.append(record)
        down = rev.down_revision
        if isinstance(down, tuple | list) and len(down) > 1:
            record.update(linted=False, reason="a merge revision: `alembic upgrade <start>:<end> "
                          "--sql` takes one starting revision, a merge has several")
            continue
        if isinstance(down, tuple | list):
            down = down[0]
        target = f"{down}:{rev.revision}" if down else rev.revision
        record["range"] = target
        buffer = io.StringIO()
        cfg = Config(file_=ini, toml_file=toml, ini_section=options.name, cmd_opts=options,
                     output_buffer=buffer)
        try:
            command.upgrade(cfg, target, sql=True)
        except BaseException as exc:
            message = str(exc).splitlines()[0] if str(exc) else ""
            reason = f"it failed: {type(exc).__name__}: {message}"
            if isinstance(exc, AttributeError) and re.search(r"'(NoneType|MockConnection)'",
                                                             message):
                reason += " (upgrade() reads a query's result, and offline there is no database)"
            record.update(linted=False, reason=reason)
            continue
        sql_path = folder / f"{n:03d}.sql"
        sql_path.write_text(buffer.getvalue(), encoding="utf-8")
        record["linted"] = True
        files[str(sql_path)] = record
    if files:
        settings = step["squawk"]
        try:
            done = subprocess.run([settings["binary"], "--reporter", "json",
                                   f"--pg-version={settings['pg_version']}", *files],
                                  capture_output=True, text=True, check=False)
        except OSError as exc:  # not installed: say so on every revision, fail nothing
            done = subprocess.CompletedProcess([], 127, "", f"cannot run squawk: {exc}")
        try:
            found = json.loads(done.stdout or "[]")
        except ValueError:
            found = None
        if done.returncode not in (0, 1) or not isinstance(found, list):
            for record in files.values():
                record.update(linted=False, reason=f"squawk exited with status "
                              f"{done.returncode}: {(done.stderr or done.stdout).strip()[:300]}")
        else:
            for finding in found:
                owner = files.get(finding.get("file", ""))
                if owner is None:
                    continue
                text = Path(finding["file"]).read_text(encoding="utf-8").splitlines()
                statement = _statement(text, finding.get("line", 0))
                if "alembic_version" in statement:
                    continue
                owner["findings"].append({
                    "rule": finding.get("rule_name", ""), "message": finding.get("message", ""),
                    "help": finding.get("help") or "", "statement": statement})
    with open(step["result_path"], "w", encoding="utf-8") as fh:
        json.dump(records, fh)
    return 0


def _upgrade_line(path: str | None) -> int:
    if not path:
        return 0
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    return next((i for i, line in enumerate(lines, 1) if line.startswith("def upgrade")), 1)


def _statement(lines: list[str], index: int) -> str:
    """The statement that (0-based) line ``index`` of an offline script belongs to, from the line
    after the previous ``;`` to its own ``;`` (long ones shortened)."""
    start = index
    while start > 0 and not lines[start - 1].rstrip().endswith(";") and lines[start - 1].strip():
        start -= 1
    out: list[str] = []
    for line in lines[start:index + 40]:
        out.append(line.strip())
        if line.rstrip().endswith(";"):
            break
    text = " ".join(out)
    return text if len(text) <= 160 else text[:157] + "..."


# --- parent side: declarations and the verdict -------------------------------------------------
def declarations(session_path: Path) -> dict[str, tuple[str, int]]:
    """``"<rev>:<rule>" -> (reason, line)`` from ``[example.squawk_accept]``."""
    text = session_path.read_text(encoding="utf-8")
    data = tomllib.loads(text).get("example", {}).get("squawk_accept", {})
    lines = text.splitlines()
    out: dict[str, tuple[str, int]] = {}
    for key, reason in data.items():
        pattern = re.compile(rf"^\s*(\"{re.escape(key)}\"|'{re.escape(key)}')\s*=")
        line = next((i for i, raw in enumerate(lines, 1) if pattern.match(raw)), 0)
        out[str(key)] = (str(reason), line)
    return out


def verdict(example: Any, records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int, str]:
    """(records with each finding's accepted reason, number of findings, failure or "")."""
    where = example.session_path
    if not enabled():
        return records, 0, ""
    try:
        declared = declarations(where)
    except (OSError, tomllib.TOMLDecodeError):
        declared = {}
    for key, (reason, line) in declared.items():
        if ":" not in key or not reason.strip():
            return records, 0, (f"{where}:{line}: [example.squawk_accept] wants "
                                '"<revision>:<rule>" = "why squawk\'s finding is accepted"')
    used: set[str] = set()
    count = 0
    problems = []
    strict = example.number in STRICT
    for record in records:
        for finding in record.get("findings", []):
            count += 1
            key = f"{record['revision']}:{finding['rule']}"
            if key in declared:
                finding["accepted"] = declared[key][0]
                used.add(key)
            elif strict:
                problems.append(
                    f"{example.path / record['path']}:{record['line']}: squawk {finding['rule']}"
                    f" in revision {record['revision']} ({finding['statement']}): "
                    f"{finding['message']} Declare why it is accepted in {where} under "
                    f'[example.squawk_accept]: "{key}" = "reason", or fix the migration')
        if strict and str(record.get("reason", "")).startswith("squawk exited with status"):
            # a zero-downtime example is linted or fails: a missing or broken squawk must not
            # pass as "no findings"
            problems.append(f"{where}: revision {record['revision']} was not linted: "
                            f"{record['reason']} (squawk-cli is pinned in constraints.txt; "
                            "ABE_SQUAWK=0 turns the linting off for the whole build)")
    unlinted = {r["revision"] for r in records if not r.get("linted", False)}
    for key, (_reason, line) in declared.items():
        # a revision squawk could not read (or squawk missing) leaves its declarations unproven
        if key not in used and key.split(":", 1)[0] not in unlinted:
            problems.append(f"{where}:{line}: squawk_accept {key!r} matches no squawk finding "
                            "of this run (remove the declaration)")
    return records, count, "\n".join(problems)
