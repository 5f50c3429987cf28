"""Verification of an example after its session: the round trip (upgrade and downgrade one
revision at a time, schema fingerprints compared) and ``alembic check``, in a forked process
against fresh databases."""

from __future__ import annotations

import json
import traceback
from typing import Any

import psycopg

from abe.schema import fingerprint


def verification(step: dict[str, Any]) -> int:
    """Body of the verification process (in the example's run folder, like a step).

    Round trip, one revision at a time where the history is linear: from a fresh database
    stamped at base (Alembic's bookkeeping only), upgrade revision by revision recording a schema
    fingerprint after each, then downgrade one revision at a time and require each fingerprint
    back exactly; then upgrade to the heads again. Branched histories go heads -> base -> heads.
    Then ``alembic check`` where the example has models.
    """
    verify = step["verify"]
    out: dict[str, Any] = {}

    def save() -> int:
        with open(step["result_path"], "w", encoding="utf-8") as fh:
            json.dump(out, fh)
        return 0

    # The verification databases are the verification's alone: one connection each, held for the
    # whole round trip, reads every fingerprint (a new connection per reading costs the server a
    # backend start and cold catalog caches, about 8 ms, many hundred times a build).
    connections = [psycopg.connect(url, autocommit=True, application_name="abe-fingerprint")
                   for url in verify["urls"]]
    try:
        return _round_trip_and_check(verify, out, save, connections)
    finally:
        for conn in connections:
            conn.close()


def _round_trip_and_check(verify: dict[str, Any], out: dict[str, Any], save: Any,
                          connections: list[psycopg.Connection[Any]]) -> int:
    from alembic import command
    from alembic.config import CommandLine, Config
    from alembic.script import ScriptDirectory

    urls = verify["urls"]
    ignore = tuple(verify.get("ignore", []))

    def state() -> list[str]:
        lines = [(f"database {n}: " if len(urls) > 1 else "") + line
                 for n, (url, conn) in enumerate(zip(urls, connections, strict=True), start=1)
                 for line in fingerprint(url, conn)
                 if not line.startswith(ignore or ("\0",))]
        return lines

    cli = CommandLine(prog="alembic")
    options = cli.parser.parse_args([*verify.get("args", []), "heads"])
    toml, ini = cli._inis_from_config(options)
    cfg = Config(file_=ini, toml_file=toml, ini_section=options.name, cmd_opts=options)
    script = ScriptDirectory.from_config(cfg)
    revisions = list(script.walk_revisions())  # heads first
    if not revisions:
        out["roundtrip"] = {"skipped": "no revision files"}
        return save()

    def run(label: str, fn: Any, *args: str) -> bool:
        try:
            fn(cfg, *args)
            return True
        except BaseException as exc:
            traceback.print_exc()
            out["roundtrip"] = {"failed": label, "error": f"{type(exc).__name__}: {exc}"}
            return False

    if verify.get("roundtrip"):
        if not run("alembic stamp base", command.stamp, "base"):
            return save()
        base = state()
        linear = len(script.get_heads()) == 1 and not any(
            r.is_merge_point or r.is_branch_point for r in revisions)
        if linear:
            order = list(reversed(revisions))
            states = [("base", base)]
            for rev in order:
                if not run(f"alembic upgrade {rev.revision}", command.upgrade, rev.revision):
                    return save()
                states.append((rev.revision, state()))
            for i in range(len(order), 0, -1):
                target = states[i - 1][0]
                if not run(f"alembic downgrade {target}", command.downgrade, target):
                    return save()
                now = state()
                if now != states[i - 1][1]:
                    out["roundtrip"] = {"trace": f"alembic downgrade {target}",
                                        "undoing": order[i - 1].revision,
                                        "expected": states[i - 1][1], "found": now}
                    return save()
            head = states[-1][1]
        else:
            if not run("alembic upgrade heads", command.upgrade, "heads"):
                return save()
            head = state()
            if not run("alembic downgrade base", command.downgrade, "base"):
                return save()
            now = state()
            if now != base:
                out["roundtrip"] = {"trace": "alembic downgrade base", "undoing": "heads",
                                    "expected": base, "found": now}
                return save()
        if not run("alembic upgrade heads (again)", command.upgrade, "heads"):
            return save()
        again = state()
        if again != head:
            out["roundtrip"] = {"again": True, "expected": head, "found": again}
            return save()
        out["roundtrip"] = {"passed": len(revisions), "linear": linear}
    if verify.get("check"):
        if not verify.get("roundtrip"):
            command.upgrade(cfg, "heads")
        try:
            command.check(cfg)
            out["check"] = {"status": 0, "output": ""}
        except BaseException as exc:
            out["check"] = {"status": 1, "output": f"{type(exc).__name__}: {exc}"}
    return save()
