"""`check` on ten years of a whole town's records, every row in the audit log.

The data is the 工作台 benchmark's ten years (workbench_10y.py); since that fill writes rows in
bulk, each row then gets the 新增 entry the program would have written for it, so that the
log holds as many entries as rows. Measured: the whole `check` command (integrity, foreign
keys, the hash chain, its head beside the file, and every row against the log). Baseline in
the same run: `PRAGMA integrity_check` alone, which is what `check` did before it compared
the data with the log.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import sqlite3
import tempfile
from pathlib import Path

from common import timed
from compliance_100k import TODAY
from compliance_100k import fill as fill_meetings
from workbench_10y import fill_rest

from app.cli.safety import check
from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.context import open_services
from db.audit import _append
from db.audit_replay import audited_tables, current_rows

CHUNK = 20_000


def log_every_row(db) -> int:
    """The 新增 entries of every row, chained, as if each had been saved in the program."""
    with contextlib.closing(sqlite3.connect(db.path)) as conn:
        rows = current_rows(conn)
    entries = [("新增", t.name, ident, "", {}, values)
               for t in audited_tables() for ident, values in rows.get(t.name, {}).items()]
    at = dt.datetime(2026, 11, 27, 9, 0)
    for start in range(0, len(entries), CHUNK):
        with db.write() as s:
            _append(s, at, "基准测试", entries[start:start + CHUNK])
    return len(entries)


def integrity_only(path: Path) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def main() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = DataDir(Path(tmp) / "data")
        services = open_services(data_dir, FixedClock(TODAY))
        try:
            fill_meetings(services.db)
            fill_rest(services.db)
            entries = log_every_row(services.db)
        finally:
            services.close()
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            check_time, code = timed(lambda: check(data_dir), repeat=3)
        assert code == 0, out.getvalue()
        base_time, _ = timed(lambda: integrity_only(data_dir.database), repeat=3)
        size = data_dir.database.stat().st_size
    return {
        f"check（十年全镇数据：{entries:,} 行，操作日志 {entries:,} 条，库 {size / 1024 / 1024:.0f} MB）":
            f"{check_time:.1f} s",
        "基线：只做 PRAGMA integrity_check": f"{base_time:.1f} s",
    }


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
