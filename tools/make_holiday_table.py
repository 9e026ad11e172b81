"""Write resources/calendar/china_holidays.txt from the pinned ``holidays`` library.

Usage: python tools/make_holiday_table.py   (run again after upgrading ``holidays``)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.services.reminders.holiday_table import FIRST_YEAR, LAST_YEAR, TABLE, format_year  # noqa: E402


def library_days(year: int) -> list:
    """(day, names) of ``year`` as holidays.China lists them in Chinese."""
    import holidays

    listed = holidays.China(years=year, language="zh_CN")
    return [(day, [n.strip() for n in str(names).split("; ")]) for day, names in sorted(listed.items())]


def main() -> int:
    lines = [format_year(year, library_days(year)) for year in range(FIRST_YEAR, LAST_YEAR + 1)]
    path = ROOT.joinpath("resources", *TABLE)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path}: {len(lines)} 年")
    return 0


if __name__ == "__main__":
    sys.exit(main())
