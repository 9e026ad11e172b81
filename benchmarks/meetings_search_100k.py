"""Typing in the meetings search box with 100,000 meetings and 2,000 people in the database.

Target (issue 5): each keystroke updates the list within 50 ms (median). A keystroke runs
what the page runs: the filtered, newest-first list (at most 500 rows) plus, when the list
is full, the total count. Baseline: a raw SQL LIKE over the same column.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from compliance_100k import MEETINGS, TODAY, YEAR, fill

from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.datastore import open_database
from app.services.meetings.meetings import MeetingService
from app.ui.meetings.meetings_page import ROW_LIMIT
from db.search_grams import rows as gram_rows

WORDS = ["学习", "村道", "硬化", "鱼塘", "承包", "防汛", "人居环境", "整治", "党费", "发展党员", "民主评议",
         "乡村振兴", "产业", "志愿服务", "慰问", "老人", "秸秆", "禁烧", "村规民约", "修订"]
TYPED = ["村", "村道", "村道硬", "村道硬化"]  # what the box holds after each keystroke
WORD = ["承", "承包"]  # a second word: one and two characters


def add_minutes(path: Path) -> None:
    """Minutes of 40 words each, written with raw SQL, and their words index (what a save writes)."""
    rng = random.Random(7)
    with sqlite3.connect(path) as conn:
        rows = [("，".join(rng.choice(WORDS) for _ in range(40)), mid) for mid in range(1, MEETINGS + 1)]
        conn.executemany("UPDATE meeting SET minutes = ? WHERE id = ?", rows)
        topics = dict(conn.execute("SELECT id, topic FROM meeting"))
        dates = dict(conn.execute("SELECT id, date FROM meeting"))
        conn.executemany("INSERT INTO meeting_gram (gram, date, meeting_id) VALUES (:gram, :date, :meeting_id)",
                         (row for minutes, mid in rows for row in gram_rows(mid, dates[mid], (topics[mid], minutes))))


def keystrokes(service: MeetingService, year: int | None) -> list[float]:
    times = []
    for _ in range(5):
        for text in TYPED + WORD:
            start = time.perf_counter()
            rows = service.list_rows(year=year, text=text, limit=ROW_LIMIT)
            if len(rows) == ROW_LIMIT:
                service.count(year=year, text=text)
            times.append(time.perf_counter() - start)
    return times


def raw_like(path: Path) -> float:
    with sqlite3.connect(path) as conn:
        start = time.perf_counter()
        conn.execute("SELECT count(*) FROM meeting WHERE minutes LIKE '%村道硬化%'").fetchone()
        return time.perf_counter() - start


def main() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        clock = FixedClock(TODAY)
        data_dir = DataDir(Path(tmp) / "data")
        db = open_database(data_dir, clock)
        try:
            fill(db)
            add_minutes(db.path)
            service = MeetingService(db, clock, data_dir.attachments)
            keystrokes(service, YEAR)  # warm the page cache
            in_year = statistics.median(keystrokes(service, YEAR))
            all_years = statistics.median(keystrokes(service, None))
            baseline = statistics.median(raw_like(db.path) for _ in range(5))
        finally:
            db.close()
    return {
        f"会议搜索每次按键（当年，库中 {MEETINGS:,} 条会议）": f"{in_year * 1000:.0f} ms",
        "会议搜索每次按键（不限年份）": f"{all_years * 1000:.0f} ms",
        "基线：原始 SQL LIKE 扫描全部会议内容（一次，无排序）": f"{baseline * 1000:.0f} ms",
    }


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
