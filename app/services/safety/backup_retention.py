"""Automatic backups: at most one a day (on start and on exit), kept 30 days plus monthly."""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from app.clock import Clock
from app.data_dir import DataDir
from app.services.common.file_ops import remove_file
from app.services.safety.backups import AUTO_PREFIX, verified_copy
from db.backup import remove_with_sidecars

log = logging.getLogger(__name__)

DAILY_KEEP = 30  # the newest backup of each of the last 30 days that have one
MONTHLY_KEEP = 24  # the first backup of each month, for this month and the 23 before it
_AUTO_NAME = re.compile(rf"^{AUTO_PREFIX}-(\d{{8}}-\d{{6}})\.db$")


def _auto_stamps(folder: Path) -> dict[dt.datetime, Path]:
    found = {}
    if folder.is_dir():
        for path in folder.iterdir():
            match = _AUTO_NAME.match(path.name)
            if match:  # parsed by hand: strptime made a three-year simulation three times slower
                d, t = match.group(1).split("-")
                try:
                    stamp = dt.datetime(*(int(x) for x in (d[:4], d[4:6], d[6:], t[:2], t[2:4], t[4:])))
                except ValueError:  # not a real date: not ours to delete
                    continue
                found[stamp] = path
    return found


def stamps_to_keep(stamps: list[dt.datetime], today: dt.date) -> set[dt.datetime]:
    """The retention rule. Stamps after today (the clock was wrong once) are always kept."""
    keep = {s for s in stamps if s.date() > today}
    past = sorted(s for s in stamps if s.date() <= today)
    newest_of_day = {s.date(): s for s in past}  # ascending order: the last one of a day wins
    keep.update(sorted(newest_of_day.values())[-DAILY_KEEP:])
    first_of_month: dict[tuple[int, int], dt.datetime] = {}
    for stamp in past:
        first_of_month.setdefault((stamp.year, stamp.month), stamp)
    this_month = today.year * 12 + today.month
    keep.update(s for (y, m), s in first_of_month.items() if this_month - (y * 12 + m) < MONTHLY_KEEP)
    return keep


def prune_auto_backups(folder: Path, today: dt.date) -> list[Path]:
    """Delete the automatic backups the retention rule does not keep; returns what went.

    One that cannot go (read-only, or held by antivirus or a sync program) is logged and left
    for the next start: pruning never stops the program.
    """
    found = _auto_stamps(folder)
    keep = stamps_to_keep(list(found), today)
    removed = [path for stamp, path in sorted(found.items()) if stamp not in keep]
    return [path for path in removed if remove_with_sidecars(path, remove_file)]  # with its log head


def auto_backup(data_dir: DataDir, clock: Clock) -> Path | None:
    """The start and exit backup: at most one a day. None when nothing was done.

    Raises UserError when the copy fails (the message says why); older backups stay.
    """
    if not data_dir.database.is_file() or data_dir.database.stat().st_size == 0:
        return None
    now = clock.now()
    if any(stamp.date() == now.date() for stamp in _auto_stamps(data_dir.backups)):
        return None
    target = data_dir.backups / f"{AUTO_PREFIX}-{now:%Y%m%d-%H%M%S}.db"
    verified_copy(data_dir.database, target)
    prune_auto_backups(data_dir.backups, now.date())
    return target
