"""The 值班制度: a rota generated over the 两委 members in office, edited by hand with each
swap logged, and each day's 值班记录.

Every day has a 值班人员; on a statutory holiday (春节 …, by the official arrangement in
reminders/holiday_calendar.py) a 带班领导 too. A 调休 Saturday is a working day like any other.
The rotation runs down the official name list (by post, then 姓氏笔画), one person a day or one
a week; the 带班领导 rotate among the leaders over the holiday days.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.errors import UserError
from app.services.reminders.holiday_calendar import is_workday
from app.services.safety.actor import Permission, require
from app.services.team_rules.team_people import team_on
from app.services.team_rules.team_types import LEADER, ON_DUTY, DutyLogData, RotaDay
from db.models import Person, TeamDutyLog, TeamRotaSlot, TeamRotaSwap
from db.session import Database

WORKDAY, SHIFTED, REST, HOLIDAY = "工作日", "调休上班", "休息日", "节假日"
DAILY, WEEKLY = "daily", "weekly"
MAX_DAYS = 366
LOG_FIELDS = ("calls", "visits", "events", "handling", "handover")
MAX_LOG_CHARS = 2000


def day_kind(day: dt.date) -> tuple[str, str]:
    """(工作日 / 调休上班 / 休息日 / 节假日, the holiday's name)."""
    working, _estimated = is_workday(day)
    if working:
        return (SHIFTED if day.weekday() >= 5 else WORKDAY), ""
    name = _holiday_name(day)
    return (HOLIDAY, name) if name else (REST, "")


def _holiday_name(day: dt.date) -> str:
    import chinese_calendar

    try:
        on_holiday, holiday = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:  # a year the library does not have: weekdays off are festivals
        return "法定节假日" if day.weekday() < 5 else ""
    if not on_holiday or holiday is None:
        return ""
    return chinese_calendar.Holiday(holiday).chinese


class RotaService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    # ----- the rota ---------------------------------------------------------------------------
    def generate(self, first: dt.date, last: dt.date, mode: str = DAILY, replace: bool = False) -> int:
        """Fill ``first``..``last`` with a rotation; days already on the rota need ``replace``."""
        require(self.db, Permission.EDIT)
        if last < first or (last - first).days >= MAX_DAYS:
            raise UserError(f"值班时段应从开始日到结束日，最长{MAX_DAYS}天", "last")
        if mode not in (DAILY, WEEKLY):
            raise UserError("轮换方式只能是 每天轮换 或 每周轮换", "mode")
        with self.db.write() as s:
            existing = s.scalar(select(TeamRotaSlot.day).where(TeamRotaSlot.day.between(first, last)).limit(1))
            if existing is not None and not replace:
                raise UserError(f"{format_date_cn(existing)}起已排过班：重新生成会覆盖这段时间的值班安排，请确认")
            for old in s.scalars(select(TeamRotaSlot).where(TeamRotaSlot.day.between(first, last))):
                s.delete(old)
            s.flush()
            turn, leader_turn, week, count = 0, 0, None, 0
            day = first
            while day <= last:
                team = team_on(s, day)
                if not team:
                    raise UserError(f"{format_date_cn(day)}没有在任的两委成员：请先在两委成员中登记职务")
                if mode == DAILY:
                    person = team[turn % len(team)]
                    turn += 1
                else:
                    iso_week = day.isocalendar()[:2]
                    if week is not None and iso_week != week:
                        turn += 1
                    week = iso_week
                    person = team[turn % len(team)]
                s.add(TeamRotaSlot(day=day, role=ON_DUTY, person_id=person.person_id))
                if day_kind(day)[0] == HOLIDAY:
                    leaders = [m for m in team if m.is_leader] or team
                    s.add(TeamRotaSlot(day=day, role=LEADER, person_id=leaders[leader_turn % len(leaders)].person_id))
                    leader_turn += 1
                count += 1
                day += dt.timedelta(days=1)
            return count

    def days(self, first: dt.date, last: dt.date) -> list[RotaDay]:
        query = (select(TeamRotaSlot.day, TeamRotaSlot.role, Person.id, Person.name)
                 .join(Person, Person.id == TeamRotaSlot.person_id).where(TeamRotaSlot.day.between(first, last)))
        with self.db.read() as s:
            slots = {(day, role): (pid, name) for day, role, pid, name in s.execute(query)}
        result = []
        day = first
        while day <= last:
            kind, holiday = day_kind(day)
            result.append(RotaDay(day, kind, holiday, slots.get((day, ON_DUTY)), slots.get((day, LEADER))))
            day += dt.timedelta(days=1)
        return result

    def month(self, year: int, month: int) -> list[RotaDay]:
        first = dt.date(year, month, 1)
        last = (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)
        return self.days(first, last)

    def swap(self, day: dt.date, role: str, person_id: int, reason: str) -> None:
        """Put ``person_id`` on duty on ``day`` in ``role``; the change is logged with ``reason``."""
        require(self.db, Permission.EDIT)
        reason = reason.strip()
        if role not in (ON_DUTY, LEADER):
            raise UserError(f"值班角色只能是{ON_DUTY}或{LEADER}", "role")
        if not reason:
            raise UserError("请写明换班原因，例如 本人外出开会，与李四互换", "reason")
        with self.db.write() as s:
            if s.get(Person, person_id) is None:
                raise UserError("换班人已不在花名册中：请重新选择", "person_id")
            slot = s.scalar(select(TeamRotaSlot).where(TeamRotaSlot.day == day, TeamRotaSlot.role == role))
            before = slot.person_id if slot else None
            if before == person_id:
                raise UserError("换班人和原值班人是同一人：请选择另一位", "person_id")
            if slot is None:
                s.add(TeamRotaSlot(day=day, role=role, person_id=person_id))
            else:
                slot.person_id = person_id
            s.add(TeamRotaSwap(day=day, role=role, from_person_id=before, to_person_id=person_id, reason=reason,
                               logged_on=self.clock.today()))

    def swaps(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str, str, str, str, dt.date]]:
        """(day, role, from, to, reason, logged on) of the swaps of ``first``..``last``."""
        with self.db.read() as s:
            names = dict(s.execute(select(Person.id, Person.name)).all())
            rows = s.scalars(select(TeamRotaSwap).where(TeamRotaSwap.day.between(first, last))
                             .order_by(TeamRotaSwap.day, TeamRotaSwap.id))
            return [(r.day, r.role, names.get(r.from_person_id, ""), names.get(r.to_person_id, ""), r.reason,
                     r.logged_on) for r in rows]

    # ----- 值班记录 -----------------------------------------------------------------------------
    def save_log(self, data: DutyLogData) -> None:
        """Write a day's log (one a day); who was on duty defaults to the rota's 值班人员."""
        require(self.db, Permission.EDIT)
        if data.day > self.clock.today():
            raise UserError("值班记录只能登记今天或以前的日期", "day")
        texts = {key: getattr(data, key).strip() for key in LOG_FIELDS}
        if not any(texts.values()):
            raise UserError("请至少填写一项：来电、来访、事件、处理情况或交接（无事可写“无”）", "events")
        for key, text in texts.items():
            if len(text) > MAX_LOG_CHARS:
                raise UserError(f"内容太长：每项最多{MAX_LOG_CHARS}个字", key)
        with self.db.write() as s:
            person_id = data.person_id
            if person_id is None:
                person_id = s.scalar(select(TeamRotaSlot.person_id).where(TeamRotaSlot.day == data.day,
                                                                          TeamRotaSlot.role == ON_DUTY))
            elif s.get(Person, person_id) is None:
                raise UserError("值班人已不在花名册中：请重新选择", "person_id")
            log = s.scalar(select(TeamDutyLog).where(TeamDutyLog.day == data.day))
            if log is None:
                log = TeamDutyLog(day=data.day)
                s.add(log)
            log.person_id = person_id
            for key, text in texts.items():
                setattr(log, key, text)

    def logs(self, first: dt.date, last: dt.date) -> list[tuple[DutyLogData, str]]:
        """(log, 值班人 name) of ``first``..``last``, by day."""
        query = (select(TeamDutyLog, Person.name).outerjoin(Person, Person.id == TeamDutyLog.person_id)
                 .where(TeamDutyLog.day.between(first, last)).order_by(TeamDutyLog.day))
        with self.db.read() as s:
            return [(DutyLogData(log.day, log.person_id, *(getattr(log, k) for k in LOG_FIELDS)), name or "")
                    for log, name in s.execute(query)]

    def missing_logs(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """(day, 值班人员) of the days on the rota from ``first`` to ``last`` that have no log."""
        query = (select(TeamRotaSlot.day, Person.name).join(Person, Person.id == TeamRotaSlot.person_id)
                 .where(TeamRotaSlot.role == ON_DUTY, TeamRotaSlot.day.between(first, last))
                 .where(TeamRotaSlot.day.not_in(select(TeamDutyLog.day))).order_by(TeamRotaSlot.day))
        with self.db.read() as s:
            return [(day, name) for day, name in s.execute(query)]
