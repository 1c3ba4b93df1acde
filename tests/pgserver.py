"""A throw-away PostgreSQL server for the test suite.

``PostgresServer`` runs ``initdb`` in a fresh temporary directory and starts
``postgres`` on 127.0.0.1 with a free TCP port, tuned for speed rather than
durability (fsync, synchronous_commit and full_page_writes off). It never
touches a system cluster: data, unix socket and log all live in the temp dir,
which is removed again on exit.

    with PostgresServer() as server:
        server.create_database("t1")
        url = server.url("t1")   # postgresql://postgres@127.0.0.1:PORT/t1
        ...

The server binaries come from the newest ``/usr/lib/postgresql/<version>/bin``
(Debian layout), or from ``$NEWSGRAPH_PG_BINDIR`` if set. When none is found,
``scripts/ensure-postgres.sh`` is run, which installs Debian's ``postgresql``
package if we are root.

PostgreSQL refuses to run as root, so when the tests run as root the server
is run as the ``postgres`` OS user (via ``runuser``) and the temp dir is
handed to that user. Authentication is ``trust`` for the ``postgres``
superuser, which is fine because it only listens on loopback and on a socket
inside a private directory.
"""

from __future__ import annotations

import atexit
import os
import pwd
import re
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
from psycopg import sql

REPO_ROOT = Path(__file__).resolve().parent.parent
ENSURE_SCRIPT = REPO_ROOT / "scripts" / "ensure-postgres.sh"
PG_LIBDIR = Path("/usr/lib/postgresql")
OS_USER = "postgres"  # OS user the server runs as when we are root
DB_USER = "postgres"  # database superuser created by initdb

_SPEED_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
}


class PostgresServerError(RuntimeError):
    """The server could not be set up, started or used."""


def _version_key(path: Path) -> tuple[int, ...]:
    # /usr/lib/postgresql/<version>/bin -> (15,) or (9, 6)
    return tuple(int(p) for p in re.findall(r"\d+", path.parent.name)) or (0,)


def find_bindir() -> Path | None:
    """Return the newest installed server bin dir, or None."""
    override = os.environ.get("NEWSGRAPH_PG_BINDIR")
    if override:
        return Path(override)
    candidates = [
        d for d in PG_LIBDIR.glob("*/bin")
        if os.access(d / "postgres", os.X_OK) and os.access(d / "initdb", os.X_OK)
    ]
    return max(candidates, key=_version_key, default=None)


def ensure_bindir() -> Path:
    """Find the server bin dir, running scripts/ensure-postgres.sh if needed.

    As root the script also creates the ``postgres`` OS user if missing.
    """
    bindir = find_bindir()
    if bindir is not None and (os.geteuid() != 0 or _os_user_exists()):
        return bindir
    proc = subprocess.run(
        ["bash", str(ENSURE_SCRIPT)], capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise PostgresServerError(
            f"{ENSURE_SCRIPT.name} failed (exit {proc.returncode}):\n"
            f"{(proc.stderr or proc.stdout).strip()}"
        )
    lines = proc.stdout.strip().splitlines()
    if not lines:
        raise PostgresServerError(f"{ENSURE_SCRIPT.name} printed no bin dir")
    return bindir or Path(lines[-1])


def _os_user_exists() -> bool:
    try:
        pwd.getpwnam(OS_USER)
    except KeyError:
        return False
    return True


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago (bind to port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _traversable_by_others(path: Path) -> bool:
    """True if every ancestor of path can be entered by any user."""
    for parent in path.resolve().parents:
        if not parent.stat().st_mode & stat.S_IXOTH:
            return False
    return True


class PostgresServer:
    """A private PostgreSQL server in a temp dir; use as a context manager.

    Attributes after ``start()``: ``host``, ``port``, ``bindir``, ``basedir``
    (the temp dir), ``datadir``, ``logfile``, ``version_num`` (e.g. 150018)
    and ``startup_seconds`` (initdb + start + first connection).
    """

    host = "127.0.0.1"

    def __init__(self, bindir: str | Path | None = None, timeout: float = 60.0):
        self.bindir = Path(bindir) if bindir else None
        self.timeout = timeout
        self.port: int | None = None
        self.basedir: Path | None = None
        self.version_num: int | None = None
        self.startup_seconds: float | None = None
        self._running = False
        self._as_root = os.geteuid() == 0

    # -- paths -----------------------------------------------------------

    @property
    def datadir(self) -> Path:
        assert self.basedir is not None
        return self.basedir / "data"

    @property
    def logfile(self) -> Path:
        assert self.basedir is not None
        return self.basedir / "server.log"

    # -- public API ------------------------------------------------------

    def url(self, dbname: str = "postgres") -> str:
        """libpq URL for a database on this server."""
        if self.port is None:
            raise PostgresServerError("server not started")
        return f"postgresql://{DB_USER}@{self.host}:{self.port}/{dbname}"

    def connect(self, dbname: str = "postgres") -> psycopg.Connection:
        """An autocommit psycopg connection (close it, or use ``with``)."""
        return psycopg.connect(self.url(dbname), autocommit=True, connect_timeout=10)

    def create_database(self, name: str) -> None:
        with self.connect() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))

    def drop_database(self, name: str) -> None:
        """Drop a database, disconnecting any sessions still using it."""
        ident = sql.Identifier(name)
        with self.connect() as conn:
            if (self.version_num or 0) >= 130000:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident))
            else:
                conn.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = %s AND pid <> pg_backend_pid()",
                    (name,),
                )
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(ident))

    def start(self) -> "PostgresServer":
        """initdb + start + wait for connections. Cleans up if it fails."""
        if self._running:
            return self
        t0 = time.monotonic()
        try:
            if self.bindir is None:
                self.bindir = ensure_bindir()
            elif self._as_root and not _os_user_exists():
                ensure_bindir()  # creates the postgres OS user
            for tool in ("initdb", "pg_ctl", "postgres"):
                if not os.access(self.bindir / tool, os.X_OK):
                    raise PostgresServerError(f"no executable {tool} in {self.bindir}")
            self._make_basedir()
            self._initdb()
            self._start_server()
            self._wait_for_connections()
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - t0
        return self

    def stop(self) -> None:
        """Stop the server (immediate mode) and remove the temp dir. Idempotent."""
        atexit.unregister(self.stop)
        if self._running:
            self._running = False
            try:
                self._run(
                    [self._bin("pg_ctl"), "stop", "-D", str(self.datadir),
                     "-m", "immediate", "-w", "-t", "30"],
                    check=True,
                )
            except Exception:
                self._kill_postmaster()
        if self.basedir is not None:
            shutil.rmtree(self.basedir, ignore_errors=True)
            self.basedir = None

    def __enter__(self) -> "PostgresServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = f"port={self.port}" if self._running else "stopped"
        return f"<PostgresServer {state} bindir={self.bindir}>"

    # -- internals -------------------------------------------------------

    def _bin(self, name: str) -> str:
        assert self.bindir is not None
        return str(self.bindir / name)

    def _run(self, cmd: list[str], check: bool = True, timeout: float | None = None):
        """Run a server tool, as the postgres OS user when we are root."""
        prefix = ["runuser", "-u", OS_USER, "--"] if self._as_root else []
        proc = subprocess.run(
            [*prefix, *cmd], cwd=self.basedir, capture_output=True, text=True,
            timeout=timeout or self.timeout,
        )
        if check and proc.returncode != 0:
            raise PostgresServerError(
                f"{Path(cmd[0]).name} failed (exit {proc.returncode}):\n"
                f"{(proc.stdout + proc.stderr).strip()}" + self._log_tail()
            )
        return proc

    def _make_basedir(self) -> None:
        parent = None
        if self._as_root and not _traversable_by_others(Path(tempfile.gettempdir())):
            parent = "/tmp"  # the postgres user must be able to reach it
        self.basedir = Path(tempfile.mkdtemp(prefix="newsgraph-pg-", dir=parent))
        # the unix socket path (dir + "/.s.PGSQL.NNNNN") must fit in 107 bytes
        if len(str(self.basedir)) > 80:
            shutil.rmtree(self.basedir)
            self.basedir = Path(tempfile.mkdtemp(prefix="newsgraph-pg-", dir="/tmp"))
        if self._as_root:
            pw = pwd.getpwnam(OS_USER)
            os.chown(self.basedir, pw.pw_uid, pw.pw_gid)

    def _initdb(self) -> None:
        base = [self._bin("initdb"), "-D", str(self.datadir), "-A", "trust",
                "-U", DB_USER, "-E", "UTF8", "--no-sync", "--no-instructions"]
        proc = self._run([*base, "--locale=C.UTF-8"], check=False)
        if proc.returncode != 0 and "locale" in (proc.stdout + proc.stderr).lower():
            # no C.UTF-8 locale on this system: fall back to plain C
            shutil.rmtree(self.datadir, ignore_errors=True)
            self._run([*base, "--locale=C"])
        elif proc.returncode != 0:
            raise PostgresServerError(
                f"initdb failed (exit {proc.returncode}):\n"
                f"{(proc.stdout + proc.stderr).strip()}"
            )
        version = (self.datadir / "PG_VERSION").read_text().strip()
        conf = {
            "listen_addresses": f"'{self.host}'",
            "unix_socket_directories": f"'{self.basedir}'",
            **_SPEED_SETTINGS,
        }
        with open(self.datadir / "postgresql.conf", "a") as f:
            f.write(f"\n# newsgraph test harness (PostgreSQL {version})\n")
            f.writelines(f"{k} = {v}\n" for k, v in conf.items())

    def _start_server(self) -> None:
        # The port is chosen before the server binds it, so another process
        # may grab it in between; retry with a new port if that happens.
        for attempt in range(3):
            self.port = free_port(self.host)
            proc = self._run(
                [self._bin("pg_ctl"), "start", "-D", str(self.datadir),
                 "-l", str(self.logfile), "-w", "-t", str(int(self.timeout)),
                 "-o", f"-p {self.port}"],
                check=False,
            )
            if proc.returncode == 0:
                self._running = True
                atexit.register(self.stop)  # in case the fixture teardown never runs
                return
            self._kill_postmaster()  # pg_ctl -w may time out with it half up
            if "already in use" not in self._log_tail() or attempt == 2:
                raise PostgresServerError(
                    f"pg_ctl start failed (exit {proc.returncode}):\n"
                    f"{(proc.stdout + proc.stderr).strip()}" + self._log_tail()
                )

    def _wait_for_connections(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                with self.connect() as conn:
                    self.version_num = int(
                        conn.execute("SHOW server_version_num").fetchone()[0]
                    )
                return
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    raise PostgresServerError(
                        f"server on port {self.port} did not accept connections "
                        f"within {self.timeout:.0f}s: {exc}" + self._log_tail()
                    ) from exc
                time.sleep(0.1)

    def _log_tail(self, lines: int = 30) -> str:
        if self.basedir is None:
            return ""
        try:
            text = self.logfile.read_text(errors="replace")
        except OSError:
            return ""
        tail = "\n".join(text.splitlines()[-lines:])
        return f"\n--- tail of {self.logfile} ---\n{tail}" if tail else ""

    def _kill_postmaster(self) -> None:
        """Last resort if pg_ctl stop fails: SIGQUIT, then SIGKILL."""
        if self.basedir is None:
            return
        try:
            pid = int((self.datadir / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return
        for sig in (signal.SIGQUIT, signal.SIGKILL):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                return
            for _ in range(50):
                time.sleep(0.1)
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    return
