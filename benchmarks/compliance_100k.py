"""The compliance view for one year with 100,000 meetings over ten years in the database.

Target (issue 5): the view opens within 200 ms. Baseline: a raw count of the year's meetings.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import tempfile
from pathlib import Path

from common import timed
from sqlalchemy import insert

from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.datastore import open_database
from app.services.meetings.compliance import ComplianceService
from app.services.meetings.meeting_kinds import Kind
from db.models import Attendance, Meeting, MeetingKind, Person, Post

MEETINGS = 100_000
PEOPLE = 2_000
FIRST_YEAR, YEARS = 2017, 10
YEAR = 2026
COMMITTEE = 7  # the first people hold party-committee posts
TODAY = dt.datetime(2026, 11, 27, 10, 0)


def fill(db) -> None:
    """Bulk insert (executemany) through the real schema: people, posts, meetings, kinds."""
    rng = random.Random(5)
    kinds = [k.value for k in Kind]
    days = (dt.date(FIRST_YEAR + YEARS - 1, 12, 31) - dt.date(FIRST_YEAR, 1, 1)).days
    people = [
        {"id": i, "name": f"党员{i}", "created_at": TODAY, "updated_at": TODAY} for i in range(1, PEOPLE + 1)
    ]
    posts = [
        {"person_id": i, "body": "party", "title": "党支部书记" if i == 1 else "党支部委员",
         "start_date": dt.date(2021, 5, 1), "end_date": None}
        for i in range(1, COMMITTEE + 1)
    ]
    meetings, meeting_kinds, attendance = [], [], []
    for mid in range(1, MEETINGS + 1):
        date = dt.date(FIRST_YEAR, 1, 1) + dt.timedelta(days=rng.randrange(days + 1))
        meetings.append({"id": mid, "topic": f"会议{mid}", "date": date, "created_at": TODAY, "updated_at": TODAY})
        chosen = {rng.choice(kinds)}
        if Kind.THEME_DAY.value in chosen and rng.random() < 0.3:
            chosen.add(Kind.PARTY_CONGRESS.value)  # 主题党日 + 党员大会 in one sitting
        meeting_kinds += [{"meeting_id": mid, "kind": k} for k in sorted(chosen)]
        if Kind.HEART_TALK.value in chosen:
            pair = rng.sample(range(1, PEOPLE + 1), 2)
        elif Kind.BRANCH_COMMITTEE.value in chosen:
            pair = list(range(1, COMMITTEE + 1))
        else:
            pair = []
        attendance += [{"meeting_id": mid, "person_id": p, "status": "出席"} for p in pair]
    with db.engine.begin() as conn:
        conn.execute(insert(Person.__table__), people)
        conn.execute(insert(Post.__table__), posts)
        conn.execute(insert(Meeting.__table__), meetings)
        conn.execute(insert(MeetingKind.__table__), meeting_kinds)
        conn.execute(insert(Attendance.__table__), attendance)


def raw_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT count(*) FROM meeting WHERE date BETWEEN ? AND ?", (f"{YEAR}-01-01", f"{YEAR}-12-31")
        ).fetchone()[0]


def main() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        clock = FixedClock(TODAY)
        db = open_database(DataDir(Path(tmp) / "data"), clock)
        try:
            fill(db)
            service = ComplianceService(db, clock)
            service.year_view(YEAR)  # warm the page cache, as a second opening would be
            view_time, view = timed(lambda: service.year_view(YEAR))
            raw_time, count = timed(lambda: raw_count(db.path))
        finally:
            db.close()
    assert view.rows and count > 9_000, count
    return {
        f"合规一览（一年，库中 {MEETINGS:,} 条会议）": f"{view_time * 1000:.0f} ms",
        "基线：原始 SQL 统计一年会议数": f"{raw_time * 1000:.1f} ms",
    }


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
