"""A township of 30 villages, each the sample village with ten years of meetings and notices (`town_30.py N`:
N years; 0: the sample as it is, about a year and a half) and its own key and code: import all, the matrix, the analysis PDF; on SQLite, then on a throwaway
PostgreSQL server when its binaries are installed (tests/pg_cluster.py)."""

from __future__ import annotations

import datetime as dt
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import common  # noqa: F401 - puts the project on sys.path

from app.clock import FixedClock
from app.data_dir import DataDir
from app.reports.township.analysis_pdf import build_analysis_pdf
from app.services.common.context import open_services
from app.services.common.demo_village import fill_sample_village
from app.services.safety.actor import command_line_actor
from app.services.township.analysis import analyse
from app.services.township.matrix import overview
from app.services.township.package_export import export_key, export_package
from app.services.township.package_import import import_package
from app.services.township.town_store import TownStore
from app.services.township.village_key import read_card

VILLAGES = 30
YEARS = 10  # of meetings and notices in each village, as the issue sets the township's budgets
STRETCH = 100  # villages timed together while importing many


def village_package(tmp: Path, sample: DataDir, n: int, code: str, clock: FixedClock) -> tuple[Path, Path, int]:
    """Village ``n``: the sample village with its own key, name and code, exported as a package.
    Returns its public key card, its package and the package's row count."""
    data = DataDir(tmp / f"v{n}")
    data.root.mkdir()
    shutil.copyfile(sample.database, data.database)
    with closing(sqlite3.connect(data.database)) as conn, conn:
        conn.execute("DELETE FROM village_key")
    services = open_services(data, clock)
    services.act_as(command_line_actor())
    services.profile.save(replace(services.profile.get(), village_name=f"第{n}村", area_code=code))
    export_key(services.db, tmp / f"{n}.pub")
    done = export_package(services.db, data, clock, tmp / f"{n}.tzpkg")
    services.close()
    shutil.rmtree(data.root)  # the township needs only the package
    return tmp / f"{n}.pub", tmp / f"{n}.tzpkg", sum(done.counts.values())


def sample_village(tmp: Path, clock: FixedClock, years: int | None = None) -> DataDir:
    """The sample village; with ``years``, its meetings and notices go that many years back."""
    sample = DataDir(tmp / "sample")
    services = open_services(sample, clock)
    services.act_as(command_line_actor())
    fill_sample_village(services, years)
    services.close()
    return sample


def main() -> None:
    years = int(sys.argv[1]) if len(sys.argv) > 1 else YEARS
    clock = FixedClock(dt.datetime(2026, 11, 27, 10))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sample = sample_village(tmp, clock, years)
        made = [village_package(tmp, sample, n, f"430124105{200 + n}", clock) for n in range(1, VILLAGES + 1)]
        cards = [read_card(card) for card, _package, _rows in made]
        packages = [package for _card, package, _rows in made]
        rows = sum(count for _card, _package, count in made)
        size = sum(p.stat().st_size for p in packages)
        kind = f"会议和三公开{years}年" if years else "约一年半数据"
        print(f"乡镇的数据包: {VILLAGES} 个村（示例村，{kind}），共 {rows:,} 行，{size / 1048576:.1f} MB")
        measure("SQLite", TownStore.init(tmp / "town", "白沙镇", "430124105"), cards, packages, clock, tmp)
        from tests.pg_cluster import Cluster, missing_reason, server_bin

        found = server_bin()
        if found is None:
            print(f"PostgreSQL: 未测（{missing_reason()}）")
            return
        cluster = Cluster(found).start()
        try:
            store = TownStore.init(tmp / "town-pg", "白沙镇", "430124105", db_url=cluster.database())
            measure("PostgreSQL", store, cards, packages, clock, tmp)
        finally:
            cluster.stop()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"以上过程的内存峰值（两种数据库）: {peak:.0f} MB")


def measure(engine: str, store: TownStore, cards, packages: list[Path], clock: FixedClock, tmp: Path,  # noqa: ANN001
            budgets: tuple[str | None, str | None, str | None] = ("60 s", "300 ms", "10 s")) -> None:
    """Import every package, then time the matrix and the analysis PDF; ``budgets`` for the labels."""
    try:
        for card in cards:
            store.register(card, clock.now())
        start = lap = time.perf_counter()
        for done, package in enumerate(packages, 1):
            import_package(store, package, clock)
            if done % STRETCH == 0:  # does each village take longer as the database fills?
                print(f"  导入第 {done - STRETCH + 1}–{done} 个村: {time.perf_counter() - lap:.1f} s")
                lap = time.perf_counter()
        imported = time.perf_counter() - start
        start = time.perf_counter()
        overview(store, clock, 2026)
        matrix = time.perf_counter() - start
        start = time.perf_counter()
        overview(store, FixedClock(clock.now() + dt.timedelta(days=1)), 2026)  # every row counted again
        next_day = time.perf_counter() - start
        start = time.perf_counter()
        build_analysis_pdf(tmp / f"analysis-{engine}.pdf", analyse(store, clock, 2026))
        analysed = time.perf_counter() - start
    finally:
        store.close()
    count = len(packages)
    limit = [f"（预算 ≤ {b}）" if b else "" for b in budgets]
    print(f"乡镇导入 {count} 个村的数据包（{engine}）: {imported:.1f} s{limit[0]}")
    print(f"乡镇 村×要求 一览（{count} 个村，{engine}，导入后）: {matrix * 1000:.0f} ms{limit[1]}")
    print(f"乡镇 村×要求 一览（{count} 个村，{engine}，次日第一次打开，各村重新计算）: {next_day:.1f} s")
    print(f"乡镇年度分析 PDF（{count} 个村，{engine}）: {analysed:.1f} s{limit[2]}")


if __name__ == "__main__":
    main()
