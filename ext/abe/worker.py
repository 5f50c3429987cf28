"""The execution worker: a pre-warmed interpreter that forks once per example and once per step.

The Sphinx process never imports an example's code. It starts this module as a separate process
(``python -m abe.worker``) and talks to it over stdin/stdout, one JSON object per line:

* first line (parent -> worker): ``{"warm": "postgresql://..."}``, the empty database to warm
  up in (see :func:`warm_up`); the worker imports its libraries before it reads this line, so
  the build can start it early, and then answers ``{"ready": true, "pid": ...}``;
* request (parent -> worker): ``{"id": 3, "job": {...}}`` where ``job`` is a :class:`Job` as a dict;
* reply (worker -> parent): ``{"id": 3, "ok": true}`` once the job's result file is written, or
  ``{"id": 3, "ok": false, "error": "..."}``.

The worker imports Alembic, SQLAlchemy, psycopg and pytest once. For every job it forks an
*example process* that copies the example folder into a fresh run directory; for every step of the
session the example process forks again, so each step starts exactly like a new ``alembic`` (or
``python``, ``pytest``) process would: with a fresh ``sys.modules`` beyond the pre-imported
libraries, fresh logging configuration, its own environment and working directory, but without
paying interpreter start-up. A step's stdout and stderr are captured at the file-descriptor level
into one stream, in the order a terminal would show them. Commands that are not Python (``psql``,
``cat``, ``cp``...) are ``exec``-ed as the real programs.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import signal
import sys
import traceback
from pathlib import Path
from typing import Any

# Pre-warm: everything a step is likely to import. This is the cost we pay once per build.
# (The ORM: every models.py imports it, about 50 ms each time, in some 50 steps a build; the
# async extension: Example 62.) The modules below import the rest (pytest and its plugins among
# them): capture, pinning, step processes, warm-up and verification have a module each.
import alembic.command  # noqa: F401 - imported to be inherited by every forked step
import sqlalchemy.dialects.postgresql
import sqlalchemy.ext.asyncio
import sqlalchemy.orm  # noqa: F401

from abe.hold import SecondSession
from abe.schema import fingerprint
from abe.steps import VERIFY, copy_example, die_with_parent, run_step
from abe.warmup import warm_up


def run_job(job: dict[str, Any]) -> dict[str, Any]:
    """Run every step of one example, each in its own forked process (in the example process),
    then verify it (round trip, models against migrations) in a second, fresh database."""
    copy_example(job["src_dir"], job["run_dir"])
    scratch = job["run_dir"] + ".steps"
    os.makedirs(scratch, exist_ok=True)
    verify = job.get("verify") or {}
    session_url = job["environ"]["DATABASE_URL"]
    result: dict[str, Any] = {"steps": [], "verification": {}}
    if verify.get("schema"):
        # a fresh copy of template0, as every database the build creates: the parent read it
        result["schema_initial"] = job["schema_initial"]
    second = SecondSession()
    for index, step in enumerate(job["steps"]):
        if step.get("hold") or step.get("release"):
            record = second.step(job, step, index)
        else:
            record = run_step(job, step, index, scratch)
        if verify.get("schema") and step["argv"][0] == "alembic" and not record["timed_out"]:
            record["schema"] = fingerprint(session_url)
        result["steps"].append(record)
        if record["timed_out"] or record["status"] != step["expect"]:
            break  # later steps depend on this one: stop here, the parent reports it
    else:
        second.close()  # the end of the session ends a second session still open
        if verify.get("urls"):
            result["verification"] = _verify(job, verify, scratch)
    second.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return result


def _verify(job: dict[str, Any], verify: dict[str, Any], scratch: str) -> dict[str, Any]:
    """Run the verification in one more forked process, against the fresh databases."""
    urls = verify["urls"]
    env = dict(verify.get("env", {}), DATABASE_URL=urls[0])
    env.update({f"DATABASE_URL_{n}": url for n, url in enumerate(urls[1:], start=2)})
    result_path = os.path.join(scratch, "verification.json")
    step = {"argv": [VERIFY], "env": env, "expect": 0, "timeout": verify["timeout"] * 4,
            "stdout_to": "", "verify": verify, "result_path": result_path}
    record = run_step(job, step, 999, scratch)
    if os.path.exists(result_path):
        return dict(json.loads(Path(result_path).read_text(encoding="utf-8")))
    reason = "timed out" if record["timed_out"] else f"exit status {record['status']}"
    return {"roundtrip": {"failed": f"the verification ({reason})", "output": record["output"]}}


def _example_process(request_id: int, job: dict[str, Any], reply_fd: int) -> None:
    """Body of the forked example process. Never returns."""
    ok, error = True, None
    try:
        die_with_parent()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        result = run_job(job)
        tmp = job["result_path"] + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(result, fh)
        os.replace(tmp, job["result_path"])
    except BaseException:
        ok, error = False, traceback.format_exc()
    finally:
        line = json.dumps({"id": request_id, "ok": ok, "error": error}) + "\n"
        os.write(reply_fd, line.encode())
        os._exit(0)


def main() -> None:
    """Serve jobs until stdin closes."""
    die_with_parent()
    reply_fd = os.dup(1)
    os.dup2(2, 1)  # anything printed by accident goes to stderr, never into the protocol
    # The libraries are imported (above) as soon as the build starts this process; the first
    # line then names the database to warm up in, once the build has created it.
    first = sys.stdin.readline()
    if not first:
        return  # the build had nothing to execute after all
    os.environ["ABE_WARM_URL"] = json.loads(first).get("warm", "")
    try:
        warm_up()
    except Exception:  # a cold worker is slower, not wrong
        traceback.print_exc()
    os.environ.pop("ABE_WARM_URL", None)  # the database is dropped once we say we are ready
    # Everything loaded so far is shared with every forked example and step process. Moving it
    # out of the garbage collector's reach keeps the children from touching (and so copying)
    # those pages.
    gc.collect()
    gc.freeze()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # example processes are reaped automatically
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    os.write(reply_fd, (json.dumps({"ready": True, "pid": os.getpid()}) + "\n").encode())
    for raw in sys.stdin:
        if not raw.strip():
            continue
        request = json.loads(raw)
        pid = os.fork()
        if pid == 0:
            _example_process(request["id"], request["job"], reply_fd)


if __name__ == "__main__":
    main()
