"""Helpers shared by the benchmark scripts (not part of the program)."""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child_env() -> dict[str, str]:
    """Offscreen Qt, and bytecode written and reused as an installed program has it (a shell
    with PYTHONDONTWRITEBYTECODE would compile every module on every start)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["建华", "秀英", "国强", "桂兰", "志勇", "玉梅", "海涛", "春燕", "德明", "丽娟", "堃", "喆", "䶮", "𠮷祥"]
POSTS = ["党支部书记、村委会主任", "党支部委员", "村委会委员", "监委会委员", ""]


def sample_people(n: int) -> list[dict]:
    """``n`` distinct people with valid IDs, as a clerk's sheet would hold them."""
    people = []
    for i in range(n):
        gender = "男" if i % 2 else "女"
        birth = dt.date(1950 + i % 50, 1 + i % 12, 1 + i % 28)
        people.append(
            {
                "name": SURNAMES[i % len(SURNAMES)] + GIVEN[(i // 20) % len(GIVEN)],
                "gender": gender,
                "birth": birth,
                "id": fix_id(f"430121{birth:%Y%m%d}{i % 1000:03d}"),
                "phone": f"138{i:08d}",
                "post": POSTS[i % len(POSTS)] if i < 9 else "",
            }
        )
    return people


def fix_id(first17: str) -> str:
    from app.services.members.idcard import check_digit

    return first17 + check_digit(first17)


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    """Median wall time in seconds over ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result
