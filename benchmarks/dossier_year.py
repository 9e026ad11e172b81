"""The 巡察资料 of the sample village's year (every record book, notice, ledger and summary, with
the 目录): the promise is under 20 s."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

import common  # noqa: F401 - puts the project on the path

from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.context import open_services
from app.services.common.demo_village import fill_sample_village
from app.services.rectification.dossier import DossierBuilder

LIMIT_S = 20.0


def main() -> None:
    clock = FixedClock(dt.datetime(2026, 12, 31, 9))
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(DataDir(Path(tmp) / "data"), clock)
        fill_sample_village(services)
        start = time.perf_counter()
        entries = DossierBuilder(services, dt.date(2026, 1, 1), dt.date(2026, 12, 31), Path(tmp) / "out").build()
        took = time.perf_counter() - start
        services.close()
    pdfs = [e for e in entries if e.pages is not None]
    verdict = "达标" if took < LIMIT_S else "超时"
    print(f"示例村一年的巡察资料（{len(pdfs)} 份文件 {sum(e.pages for e in pdfs)} 页）: "
          f"{took:.1f} s（要求 < {LIMIT_S:.0f} s，{verdict}）")


if __name__ == "__main__":
    main()
