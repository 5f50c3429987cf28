"""A second session kept open across steps: ``hold`` and ``release`` steps of a session.

``hold = "BEGIN; LOCK TABLE orders IN ACCESS SHARE MODE"`` starts ``psql`` on the example's
database in the example process, sends it the SQL and waits for its answer, then leaves it
running, its transaction (and the locks it took) open, while the next steps run: a deploy that
meets a long-running report, another replica holding an advisory lock. ``release = "COMMIT"``
sends more SQL to that session and ends it; the end of the session ends it too (psql exits, the
server rolls back what it left open).

No sleeps: each hold or release step waits for psql to have answered (a marker it echoes after
the SQL), so what later steps meet is decided before they start.
"""

from __future__ import annotations

import os
import select
import subprocess
import time
from typing import Any

_MARKER = "abe-second-session-done"


class SecondSession:
    """The psql process of the current ``hold``, if any."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None

    def step(self, job: dict[str, Any], step: dict[str, Any], index: int) -> dict[str, Any]:
        """Run one hold or release step; a record shaped like a step process's."""
        started = time.monotonic()
        output, status, timed_out = "", 0, False
        if step.get("hold"):
            if self.proc is not None:
                output, status = "a second session is already held open (release it first)\n", 2
            else:
                self.proc = subprocess.Popen(
                    [job["programs"].get("psql", "psql"), "-X", "--no-psqlrc",
                     job["environ"]["DATABASE_URL"]],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                    cwd=job["run_dir"], env=dict(job["environ"]), start_new_session=True)
            sql = step["hold"]
        else:
            sql = step["release"]
            if self.proc is None:
                output, status = "no second session is held open (a hold step starts one)\n", 2
        if status == 0 and self.proc is not None:
            output, timed_out = self._send(sql, step["timeout"])
            if step.get("release") or timed_out:
                self.close()
            if "ERROR:" in output:
                status = 3  # what psql -v ON_ERROR_STOP=1 would exit with
        return {"index": index, "status": None if timed_out else status, "timed_out": timed_out,
                "seconds": round(time.monotonic() - started, 4), "output": output, "sql": [],
                "foreign_databases": [], "locks": []}

    def _send(self, sql: str, timeout: float) -> tuple[str, bool]:
        assert self.proc is not None and self.proc.stdin is not None
        assert self.proc.stdout is not None
        text = sql.strip()
        if not text.endswith(";"):
            text += ";"
        self.proc.stdin.write(f"{text}\n\\echo {_MARKER}\n".encode())
        self.proc.stdin.flush()
        fd = self.proc.stdout.fileno()
        data = b""
        deadline = time.monotonic() + timeout
        while f"{_MARKER}\n".encode() not in data:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                return data.decode(errors="replace"), True
            chunk = os.read(fd, 65536)
            if not chunk:  # psql ended
                break
            data += chunk
        return data.decode(errors="replace").replace(f"{_MARKER}\n", ""), False

    def close(self) -> None:
        """End the session: psql reads end-of-input and exits; the server rolls back whatever
        transaction it left open."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        try:
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
