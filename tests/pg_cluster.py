"""A throwaway PostgreSQL server for the tests and benchmarks of the township's second engine.

It uses the Debian server's binaries (/usr/lib/postgresql/N/bin) when they are installed: a
cluster in a temporary folder, trust authentication, listening on a free loopback port with its
socket in that folder. initdb and postgres refuse to run as root, so as root they run as
``nobody`` (the folder is handed to it). Nothing is installed here; when the binaries are
missing, ``missing_reason()`` says which path was looked for.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN_PATTERN = "/usr/lib/postgresql/*/bin"
USER = "town"
UNPRIVILEGED = "nobody"


def server_bin() -> Path | None:
    found = [Path(d) for d in glob.glob(BIN_PATTERN) if (Path(d) / "initdb").exists() and (Path(d) / "pg_ctl").exists()]
    return max(found, key=lambda d: int(d.parent.name) if d.parent.name.isdigit() else 0) if found else None


def missing_reason() -> str:
    return (f"PostgreSQL 服务器程序未安装：找不到 {BIN_PATTERN}/initdb 和 pg_ctl"
            "（Debian: apt-get install postgresql），PostgreSQL 部分的测试跳过")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """Started by start(), gone after stop(). ``database()`` makes a fresh database and returns its address."""

    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="taizhang-pg-"))
        self.port = _free_port()
        self._numbers = itertools.count(1)
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.root, UNPRIVILEGED)
            self._as_user = ["runuser", "-u", UNPRIVILEGED, "--"]

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self._as_user, *args], capture_output=True, text=True, cwd=self.root, check=False)
        if done.returncode:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {done.stdout}{done.stderr}")

    def start(self) -> Cluster:
        data = self.root / "data"
        self._run(str(self.bin_dir / "initdb"), "-D", str(data), "-U", USER, "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        options = (f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        self._run(str(self.bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.root / "server.log"),
                  "-w", "start")
        return self

    @property
    def server_url(self) -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}"

    def database(self) -> str:
        import psycopg

        name = f"t{next(self._numbers)}"
        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"{self.server_url}/{name}"

    def drop(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(f"{self.server_url}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        try:
            if (self.root / "data" / "postmaster.pid").exists():
                self._run(str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
