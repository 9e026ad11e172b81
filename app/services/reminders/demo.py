"""Two years of the sample village's 纪律提醒: holidays, study, yearly reports, a wedding, a talk.

Dated from the clock's today, so the start page always has something done, due soon and late.
"""

from __future__ import annotations

import datetime as dt

from app.clock import Clock
from app.services.members.members import MemberService
from app.services.reminders.recurrence import clamped
from app.services.reminders.reminder_types import (
    FAMILY_EVENT,
    HOLIDAY_REMINDER,
    WEDDING,
    DoneRecord,
    Recurrence,
    ReminderData,
)
from app.services.reminders.reminders import ReminderService
from db.session import Database

SECRETARY, DISCIPLINE = "李建国", "周淼"  # who holds the meetings, who holds the talks
HOLIDAYS = ("元旦", "春节", "五一", "中秋", "国庆")


def fill_demo_reminders(db: Database, clock: Clock) -> int:
    """Add the sample reminders and the record of the past ones. Returns how many reminders."""
    reminders = ReminderService(db, clock)
    ids = {name: pid for pid, name in MemberService(db, clock).names().items()}
    today = clock.today()
    two_years_back = clamped(today.year - 2, today.month, today.day)
    made = 0

    def add(data: ReminderData) -> int:
        nonlocal made
        made += 1
        return reminders.save(data, confirmed=True)

    def settle(reminder_id: int, method: str, note: str, skip_latest: bool = False) -> None:
        past = [o for o in reminders.history(reminder_id) if o.due < today]
        for o in past[:-1] if skip_latest else past:
            by = DISCIPLINE if method == "谈话" else SECRETARY
            reminders.mark_done(reminder_id, o.due, DoneRecord(o.due, method, note, by))

    for n, holiday in enumerate(HOLIDAYS):
        rid = add(ReminderData(HOLIDAY_REMINDER, f"{holiday}节前廉政提醒", two_years_back, Recurrence.HOLIDAY,
                               all_cadres=True, holiday=holiday, days_before=3))
        method = "会议" if n % 2 == 0 else "谈话"
        settle(rid, method, "支委会上集体提醒，全体两委干部签收提醒函" if method == "会议"
               else "纪检委员逐一提醒，干部本人签收提醒函")
    study = add(ReminderData("学习", "两委干部每月集中学习", clamped(today.year - 2, today.month, 10),
                             Recurrence.MONTHLY, all_cadres=True))
    settle(study, "会议", "集中学习党纪学习教育读本，做好学习记录", skip_latest=True)
    report = add(ReminderData("个人有关事项报告", "两委干部年度个人有关事项报告", dt.date(today.year - 2, 1, 31),
                              Recurrence.YEARLY, all_cadres=True))
    settle(report, "书面", "报告表已收齐，报镇纪委")
    add(ReminderData(FAMILY_EVENT, "陈喆本人结婚，拟在村里办婚宴", None, person_ids=[ids["陈喆"]],
                     event_kind=WEDDING, event_date=today + dt.timedelta(days=35)))
    add(ReminderData("提醒谈话", "群众反映鱼塘承包费收缴不及时，对分管干部提醒谈话",
                     today - dt.timedelta(days=12), person_ids=[ids["张堃"]]))
    return made
