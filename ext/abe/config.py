"""All of the extension's configuration in one typed place.

Each field is a ``conf.py`` value named ``abe_<field>``; fields with an ``env`` name can also be set
from the environment, which wins over ``conf.py`` (that is how nox sessions and CI pass options).
:func:`abe.setup` registers every field in one loop.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any


def _opt(default: Any, help: str, env: str = "") -> Any:
    return field(default=default, metadata={"help": help, "env": env})


@dataclass
class AbeConfig:
    examples_dir: str = _opt("examples", "folder of example folders, relative to conf.py")
    cache_dir: str = _opt(".cache/abe",
                          "results cache and embedded server data, relative to conf.py",
                          "ABE_CACHE_DIR")
    pgdata: str = _opt("", "embedded server data directory; empty = a folder in /dev/shm when "
                       "it has room (see abe.scratch), else <cache_dir>/pgdata", "ABE_PGDATA")
    database_url: str = _opt("", "admin URL of an external PostgreSQL server; empty = embedded "
                             "server", "ABE_DATABASE_URL")
    pg_major: str = _opt("", "PostgreSQL major of the embedded server (14-18); empty = 18",
                         "ABE_PG_MAJOR")
    jobs: int = _opt(0, "examples executed at once; 0 = three per CPU core (much of an "
                     "example's time is spent waiting on the server)", "ABE_JOBS")
    step_timeout: float = _opt(60.0, "default time limit of one step, in seconds",
                               "ABE_STEP_TIMEOUT")
    force: str = _opt("", "re-execute without the cache: 'all' or comma-separated example "
                      "folder names", "ABE_FORCE")
    strict: bool = _opt(False, "an example the configured server cannot run is a build error",
                        "ABE_STRICT")
    display_root: str = _opt("/home/you/abe", "the folder the book says examples ran in")
    frozen_time: int = _opt(1795510800, "the Create Date pinned into generated revisions "
                            "(Unix time; SOURCE_DATE_EPOCH wins)", "SOURCE_DATE_EPOCH")

    @classmethod
    def from_sphinx(cls, sphinx_config: Any) -> AbeConfig:
        """The options of conf.py, each overridden by its environment variable when set."""
        return cls._with_environment(
            {f.name: getattr(sphinx_config, f"abe_{f.name}") for f in fields(cls)})

    @classmethod
    def from_env(cls, **overrides: Any) -> AbeConfig:
        """Without Sphinx (``python -m abe``): the defaults, each overridden by its environment
        variable when set, then by ``overrides``."""
        config = cls._with_environment({f.name: f.default for f in fields(cls)})
        return replace(config, **overrides)

    @classmethod
    def _with_environment(cls, base: dict[str, Any]) -> AbeConfig:
        values: dict[str, Any] = {}
        for f in fields(cls):
            value = base[f.name]
            env = f.metadata["env"]
            if env and os.environ.get(env, "") != "":
                value = os.environ[env]
            values[f.name] = _coerce(f.type, value, f"abe_{f.name}", env)
        return cls(**values)

    def forced(self, slug: str) -> bool:
        wanted = {s.strip() for s in self.force.split(",") if s.strip()}
        return "all" in wanted or slug in wanted


def _coerce(type_name: Any, value: Any, name: str, env: str) -> Any:
    where = f"{name} (or ${env})" if env else name
    try:
        if type_name in ("bool", bool):
            if isinstance(value, str):
                if value.lower() in ("1", "true", "yes", "on"):
                    return True
                if value.lower() in ("0", "false", "no", "off", ""):
                    return False
                raise ValueError(value)
            return bool(value)
        if type_name in ("int", int):
            return int(value)
        if type_name in ("float", float):
            return float(value)
        return str(value)
    except ValueError:
        raise ValueError(f"{where}: invalid value {value!r} ({type_name} expected)") from None


def config_values() -> list[tuple[str, Any, str]]:
    """(sphinx name, default, help) for every option, for registration in one loop."""
    return [(f"abe_{f.name}", f.default, f.metadata["help"]) for f in fields(AbeConfig)]
