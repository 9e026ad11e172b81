"""The 整改台账's derived reminders, shown on the 工作台 and in ``due`` like every other one.

An open item with a deadline warns 20 days before it, again at 10 days, and as 逾期 after it;
each stage has its own key, so marking the 20-day warning 已处理 does not silence the 10-day
one. A 长期坚持 item is due a check CHECK_EVERY_DAYS after its last progress (or after its
source was raised). 去办理 opens the item.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.services.common.dates import format_date_cn
from app.services.common.due_rule import late
from app.services.rectification.rect_types import (
    CHECK_EVERY_DAYS,
    FIRST_WARNING_DAYS,
    ONGOING,
    SECOND_WARNING_DAYS,
)
from app.services.reminders.reminder_types import OVERDUE, TODO
from app.services.workbench.workbench_types import DueItem, Target
from db.models import RectItem, RectProgress, RectSource
from db.session import Database

RECTIFICATION_AREA = "整改台账"
PROBLEM_CHARS = 24  # how much of a problem a warning quotes


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PROBLEM_CHARS else text[:PROBLEM_CHARS] + "…"


def stage(deadline: dt.date, today: dt.date) -> str | None:
    """"20" / "10" / "逾期", or None while the deadline is more than 20 days away."""
    if late(deadline, today):
        return "逾期"
    left = (deadline - today).days
    if left <= SECOND_WARNING_DAYS:
        return "10"
    if left <= FIRST_WARNING_DAYS:
        return "20"
    return None


def deadline_title(source: str, problem: str, deadline: dt.date, today: dt.date) -> str:
    """整改“…”（来源）已逾期3天（时限2026年11月24日） / 还有10天到期（时限…）."""
    left = (deadline - today).days
    when = f"已逾期{-left}天" if left < 0 else ("今天到期" if left == 0 else f"还有{left}天到期")
    return f"整改“{_short(problem)}”（{source}）{when}（时限{format_date_cn(deadline)}）"


def warning_items(db: Database, today: dt.date) -> list[DueItem]:
    last_progress = (select(RectProgress.item_id, func.max(RectProgress.date).label("last"))
                     .group_by(RectProgress.item_id).subquery())
    query = (select(RectItem.id, RectItem.kind, RectItem.problem, RectItem.deadline, RectSource.title,
                    RectSource.raised_on, last_progress.c.last)
             .join(RectSource, RectSource.id == RectItem.source_id)
             .outerjoin(last_progress, last_progress.c.item_id == RectItem.id)
             .where(RectItem.closed_on.is_(None)))
    with db.read() as s:
        rows = s.execute(query).all()
    items = []
    for item_id, kind, problem, deadline, source, raised_on, last in rows:
        target = Target("rectification", (item_id,))
        if kind == ONGOING:
            due = (last or raised_on) + dt.timedelta(days=CHECK_EVERY_DAYS)
            items.append(DueItem(f"rectification-check:{item_id}:{due.isoformat()}", RECTIFICATION_AREA,
                                 f"长期坚持的整改事项到了定期检查的时候：“{_short(problem)}”（{source}）",
                                 due, OVERDUE if late(due, today) else TODO, target, True,
                                 due - dt.timedelta(days=SECOND_WARNING_DAYS)))
            continue
        if deadline is None:
            continue
        found = stage(deadline, today)
        if found is None:
            continue
        shows_from = deadline - dt.timedelta(days=SECOND_WARNING_DAYS if found != "20" else FIRST_WARNING_DAYS)
        items.append(DueItem(f"rectification:{item_id}:{deadline.isoformat()}:{found}", RECTIFICATION_AREA,
                             deadline_title(source, problem, deadline, today), deadline,
                             OVERDUE if found == "逾期" else TODO, target, True, shows_from))
    return items
