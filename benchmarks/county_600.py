"""A county of 600 villages (20 townships × 30, each village the sample village with its own key and
code) gathered into one PostgreSQL database: import all, the matrix, the analysis PDF, and the
peak memory of the process doing it. The packages are made by two worker processes first (not timed).

Budgets: import ≤ 10 min, analysis ≤ 60 s, peak memory ≤ 500 MB.
"""

from __future__ import annotations

import datetime as dt
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import common  # noqa: F401 - puts the project on sys.path
from town_30 import measure, sample_village, village_package

from app.clock import FixedClock
from app.services.township.town_store import TownStore
from app.services.township.village_key import read_card

TOWNSHIPS, PER_TOWNSHIP = 20, 30


def code_of(n: int) -> str:
    """Village n (1…600): township 101…120 of county 430124, village 201…230 in it."""
    township, village = divmod(n - 1, PER_TOWNSHIP)
    return f"430124{101 + township}{201 + village}"


def main() -> None:
    from tests.pg_cluster import Cluster, missing_reason, server_bin

    found = server_bin()
    if found is None:
        print(f"全县 600 个村（PostgreSQL）: 未测（{missing_reason()}）")
        return
    clock = FixedClock(dt.datetime(2026, 11, 27, 10))
    count = TOWNSHIPS * PER_TOWNSHIP
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sample = sample_village(tmp, clock)
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=2) as pool:
            made = list(pool.map(village_package, [tmp] * count, [sample] * count, range(1, count + 1),
                                 [code_of(n) for n in range(1, count + 1)], [clock] * count))
        cards = [read_card(card) for card, _package, _rows in made]
        packages = [package for _card, package, _rows in made]
        rows = sum(n for _card, _package, n in made)
        size = sum(p.stat().st_size for p in packages)
        print(f"全县的数据包: {count} 个村（示例村约一年半数据），共 {rows:,} 行，{size / 1048576:.0f} MB"
              f"（生成用了 {time.perf_counter() - start:.0f} s，不计入）")
        cluster = Cluster(found).start()
        try:
            store = TownStore.init(tmp / "county", "全县", "", db_url=cluster.database())
            measure("PostgreSQL", store, cards, packages, clock, tmp, budgets=("10 min", None, "60 s"))
        finally:
            cluster.stop()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"全县导入和分析的内存峰值: {peak:.0f} MB（预算 ≤ 500 MB）")


if __name__ == "__main__":
    main()
