"""纪律提醒: reminders, their due dates and the record of each occurrence done (DOMAIN.md §4).

A reminder stores its schedule (anchor + recurrence); the due dates are computed, never stored.
Only the 办理 of an occurrence is a row (reminder_occurrence), kept for ever as the history.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.errors import UserError, ValidationFailed, Verdict
from app.services.common.profile import ProfileService
from app.services.common.records import load_or_gone, row_to_save
from app.services.members.pinyin_search import sort_key
from app.services.members.posts import COMMITTEE_BODIES, POST_ORDER
from app.services.reminders import reminder_rules as rules
from app.services.reminders.holiday_calendar import WorkdayShift, shift_workdays
from app.services.reminders.recurrence import due_dates, next_due
from app.services.reminders.reminder_types import (
    ALL_CADRES,
    DONE,
    EVENT_KINDS,
    FAMILY_EVENT,
    FUNERAL,
    METHODS,
    OVERDUE,
    REPORT_AFTER_WORKDAYS,
    REPORT_BEFORE_WORKDAYS,
    TODO,
    DoneRecord,
    LetterData,
    Occurrence,
    Recurrence,
    ReminderData,
)
from app.services.safety.actor import Permission, require
from app.services.workbench.workbench_types import LOOKBACK_DAYS
from db.models import Person, Post, Reminder, ReminderOccurrence, ReminderTarget
from db.session import Database

_GONE = "这条提醒已不存在（可能已被删除）：请刷新列表"
_FIELDS = ("kind", "subject", "detail", "all_cadres", "anchor", "holiday", "days_before", "until",
           "event_kind", "event_date")
_COLUMNS = tuple(getattr(Reminder, name) for name in ("id", "recurrence", *_FIELDS))


def _data(r: Reminder, person_ids: list[int]) -> ReminderData:
    return ReminderData(recurrence=Recurrence(r.recurrence), person_ids=person_ids, id=r.id,
                        **{key: getattr(r, key) for key in _FIELDS})


def _status(due: dt.date, done: DoneRecord | None, today: dt.date) -> str:
    return DONE if done else (OVERDUE if due < today else TODO)


def _dates(d: ReminderData, first: dt.date, last: dt.date) -> list[dt.date]:
    return due_dates(d.recurrence, d.anchor, first, last, holiday=d.holiday, days_before=d.days_before,
                     until=d.until)


def _targets(d: ReminderData, names: dict[int, list[str]]) -> str:
    return "、".join(([ALL_CADRES] if d.all_cadres else []) + names.get(d.id, []))


class ReminderService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    # ----- reading -----------------------------------------------------------------------
    @staticmethod
    def _load(s: Session, reminder_id: int) -> Reminder:
        return load_or_gone(s, Reminder, reminder_id, _GONE)

    @staticmethod
    def _names(s: Session, *where) -> dict[int, list[str]]:
        """Reminder id -> the names of its chosen members, by pinyin."""
        query = select(ReminderTarget.reminder_id, Person.name).join(Person, Person.id == ReminderTarget.person_id)
        found: dict[int, list[str]] = {}
        for rid, name in s.connection().execute(query.where(*where)):
            found.setdefault(rid, []).append(name)
        return {rid: sorted(names, key=sort_key) for rid, names in found.items()}

    @staticmethod
    def _done(s: Session, *where) -> dict[tuple[int, dt.date], DoneRecord]:
        o = ReminderOccurrence
        rows = s.connection().execute(select(o.reminder_id, o.due_date, o.done_on, o.method, o.note,
                                             o.done_by).where(*where))
        return {(rid, due): DoneRecord(on, method, note, by) for rid, due, on, method, note, by in rows}

    def _occurrence(self, d: ReminderData, targets: str, due: dt.date, done: DoneRecord | None) -> Occurrence:
        return Occurrence(d.id, d.kind, d.subject, targets, due, _status(due, done, self.clock.today()), done)

    def _schedule(self, d: ReminderData) -> list[dt.date]:
        """The due dates from the anchor up to today, and the next one after today."""
        today = self.clock.today()
        after = next_due(d.recurrence, d.anchor, today + dt.timedelta(days=1), holiday=d.holiday,
                         days_before=d.days_before, until=d.until)
        return _dates(d, d.anchor, today) + ([after] if after else [])

    def _current(self, d: ReminderData, done: dict[tuple[int, dt.date], DoneRecord]) -> dt.date:
        """The occurrence that is the reminder's business now (see current_due)."""
        today = self.clock.today()
        schedule = self._schedule(d)
        lookback = today - dt.timedelta(days=LOOKBACK_DAYS)
        undone = [x for x in schedule if lookback <= x <= today and (d.id, x) not in done]
        if undone:
            return undone[0]
        coming = [x for x in schedule if x > today]
        if coming:
            return coming[0]
        return schedule[-1] if schedule else d.anchor

    def get(self, reminder_id: int) -> ReminderData:
        with self.db.read() as s:
            r = self._load(s, reminder_id)
            ids = s.scalars(select(ReminderTarget.person_id).where(ReminderTarget.reminder_id == reminder_id))
            return _data(r, sorted(ids))

    def occurrences(self, first: dt.date, last: dt.date) -> list[Occurrence]:
        """Every reminder's due dates in [first, last] with their status; three queries in all."""
        today = self.clock.today()
        with self.db.read() as s:
            # Plain rows through the connection, not ORM objects: the start page reads every
            # reminder on each refresh.
            # A one-off reminder falls due on its anchor only: older ones have nothing in the range.
            reminders = [_data(r, []) for r in s.connection().execute(select(*_COLUMNS).where(
                Reminder.anchor <= last, or_(Reminder.until.is_(None), Reminder.until >= first),
                or_(Reminder.recurrence != Recurrence.ONCE.value, Reminder.anchor >= first)))]
            names = self._names(s)
            done = self._done(s, ReminderOccurrence.due_date >= first, ReminderOccurrence.due_date <= last)
        found = []
        for d in reminders:
            dates = _dates(d, first, last)
            targets = _targets(d, names) if dates else ""
            for due in dates:
                record = done.get((d.id, due))
                found.append(Occurrence(d.id, d.kind, d.subject, targets, due, _status(due, record, today), record))
        return sorted(found, key=lambda o: (o.due, o.reminder_id))

    def history(self, reminder_id: int) -> list[Occurrence]:
        """The reminder's occurrences from its anchor to the next one after today, with every record
        done (also of dates an edit has since moved)."""
        with self.db.read() as s:
            d = _data(self._load(s, reminder_id), [])
            names = self._names(s, ReminderTarget.reminder_id == reminder_id)
            done = self._done(s, ReminderOccurrence.reminder_id == reminder_id)
        days = sorted(set(self._schedule(d)) | {due for _, due in done})
        targets = _targets(d, names)
        return [self._occurrence(d, targets, due, done.get((d.id, due))) for due in days]

    def count(self) -> int:
        """How many reminders there are."""
        with self.db.read() as s:
            return s.scalar(select(func.count(Reminder.id))) or 0

    def current_due(self, reminder_id: int) -> dt.date:
        """The occurrence a reminder is about now, the one a letter is for by default: the oldest
        not done that fell due in the last LOOKBACK_DAYS (today included); else the next one after
        today; else (a reminder that has ended) its last one."""
        with self.db.read() as s:
            d = _data(self._load(s, reminder_id), [])
            done = self._done(s, ReminderOccurrence.reminder_id == reminder_id)
        return self._current(d, done)

    def cadres_on(self, day: dt.date) -> list[tuple[int, str]]:
        """Everyone holding a 党组织 / 村委会 / 监委会 post on ``day``: (id, name), by rank then pinyin."""
        query = (select(Person.id, Person.name, Post.title).join(Post, Post.person_id == Person.id)
                 .where(Post.body.in_([b.value for b in COMMITTEE_BODIES]),
                        or_(Post.start_date.is_(None), Post.start_date <= day),
                        or_(Post.end_date.is_(None), Post.end_date >= day)))
        rank: dict[tuple[int, str], int] = {}
        with self.db.read() as s:
            for pid, name, title in s.execute(query):
                rank[(pid, name)] = min(rank.get((pid, name), 99), POST_ORDER.get(title, 99))
        return sorted(rank, key=lambda p: (rank[p], sort_key(p[1]), p[0]))

    def letter(self, reminder_id: int, due: dt.date | None = None) -> LetterData:
        """The 廉政提醒函 of one occurrence (by default the current one, see current_due)."""
        with self.db.read() as s:
            d = _data(self._load(s, reminder_id), [])
            chosen = self._names(s, ReminderTarget.reminder_id == reminder_id).get(reminder_id, [])
            done = self._done(s, ReminderOccurrence.reminder_id == reminder_id)
        if due is None:
            due = self._current(d, done)
        elif not rules.is_plain_date(due):
            raise UserError("这一天不是这条提醒的到期日：请从列表中选择", "due")
        elif not _dates(d, due, due) and (d.id, due) not in done:
            raise UserError(f"{format_date_cn(due)} 不是这条提醒的到期日：请从列表中选择", "due")
        names = [name for _, name in self.cadres_on(due)] if d.all_cadres else []
        names += [n for n in chosen if n not in names]
        profile = ProfileService(self.db).get()
        return LetterData(
            village=profile.village_name if profile else "", party_org_name=profile.party_org_name if profile else "",
            kind=d.kind, subject=d.subject, detail=d.detail or rules.RULE_TEXTS.get(d.kind, ""), names=names,
            due=due, holiday=d.holiday, township=profile.township if profile else "",
            event_kind=d.event_kind, event_date=d.event_date)

    # ----- writing -----------------------------------------------------------------------
    @staticmethod
    def family_event_due(event_kind: str, event_date: dt.date) -> WorkdayShift:
        """婚嫁 / 其他喜庆: 30 working days before the event; 丧事: 10 working days after it.

        Bad input raises ValidationFailed keyed to the field (event_kind / event_date), never
        anything else: the date must be a plain dt.date within 1900 .. 2099."""
        problems = {}
        if event_kind not in EVENT_KINDS:
            problems["event_kind"] = "请选择报告事项：" + "、".join(EVENT_KINDS)
        problem = rules.date_problem(event_date, "请填写婚丧喜庆事宜的日期（丧事填办理日期）")
        if problem:
            problems["event_date"] = problem
        if problems:
            raise ValidationFailed(problems)
        if event_kind == FUNERAL:
            return shift_workdays(event_date, REPORT_AFTER_WORKDAYS)
        return shift_workdays(event_date, -REPORT_BEFORE_WORKDAYS)

    def save(self, data: ReminderData, reminder_id: int | None = None, confirmed: bool = False) -> int:
        """Create or update a reminder and its members, all or nothing."""
        require(self.db, Permission.EDIT)
        verdict = self._check(data, reminder_id)
        verdict.settle(confirmed)
        now = self.clock.now()
        with self.db.write() as s:
            r = row_to_save(s, Reminder, reminder_id, now, self._load)
            for key in _FIELDS:
                setattr(r, key, getattr(data, key))
            r.recurrence, r.updated_at = data.recurrence.value, now
            wanted = set(data.person_ids)
            r.targets = [t for t in r.targets if t.person_id in wanted]
            kept = {t.person_id for t in r.targets}
            r.targets += [ReminderTarget(person_id=pid) for pid in data.person_ids if pid not in kept]
            s.flush()
            return r.id

    def _check(self, data: ReminderData, reminder_id: int | None) -> Verdict:
        verdict = rules.check_reminder(data)
        with self.db.read() as s:
            stored = self._load(s, reminder_id).anchor if reminder_id is not None else None
            if data.person_ids and "person_ids" not in verdict.problems:
                known = set(s.scalars(select(Person.id).where(Person.id.in_(data.person_ids))))
                if set(data.person_ids) - known:
                    verdict.problem("person_ids", rules.GONE_PERSON_TEXT)
            done = self._done(s, ReminderOccurrence.reminder_id == reminder_id) if reminder_id else {}
        if data.kind == FAMILY_EVENT and data.event_kind in EVENT_KINDS and rules.is_plain_date(data.event_date):
            shift = self.family_event_due(data.event_kind, data.event_date)
            data.anchor = shift.day
            warning = self._family_event_warning(shift, reminder_id is None or shift.day != stored)
            if warning:
                verdict.warnings.append(warning)
        if done and not verdict.problems:
            moved = [due for _, due in done if not _dates(data, due, due)]
            if moved:
                verdict.warnings.append(f"已有{len(moved)}条办理记录的日期（{format_date_cn(min(moved))}等）"
                                        "不再是这条提醒的到期日：记录会保留在历史中")
        return verdict

    def _family_event_warning(self, shift: WorkdayShift, changed: bool) -> str:
        """The report date is past (asked when the date is new or changed) and/or only estimated."""
        due = format_date_cn(shift.day)
        late = changed and shift.day < self.clock.today()
        if late and shift.note:
            return (f"按规定应于{due}前书面报告，现已过期；这一期限是推算的：{shift.note}，请核对。"
                    "仍然保存？")
        if late:
            return f"按规定应于{due}前书面报告，现已过期：仍然保存？"
        if shift.note:
            return f"报告期限 {due} 是推算的：{shift.note}，请核对"
        return ""

    def delete(self, reminder_id: int) -> str:
        """Delete a reminder that has no record done; returns its 事由."""
        require(self.db, Permission.DELETE)
        with self.db.write() as s:
            r = self._load(s, reminder_id)
            count = s.scalar(select(func.count(ReminderOccurrence.id))
                             .where(ReminderOccurrence.reminder_id == reminder_id))
            if count:
                raise UserError(f"该提醒已有办理记录（{count}次），删除会丢失这些记录：不能删除。"
                                "如不再需要提醒，可设置截止日期停止以后的提醒")
            subject = r.subject
            s.delete(r)
        return subject

    def mark_done(self, reminder_id: int, due: dt.date, record: DoneRecord) -> None:
        """Record (or correct) how the occurrence due on ``due`` was done."""
        require(self.db, Permission.EDIT)
        today = self.clock.today()
        verdict = Verdict()
        if record.method not in METHODS:
            verdict.problem("method", "请选择办理方式：" + "、".join(METHODS))
        if not isinstance(record.done_on, dt.date) or isinstance(record.done_on, dt.datetime):
            verdict.problem("done_on", "请填写办理日期")
        elif record.done_on < rules.MIN_DATE:
            verdict.problem("done_on", rules.DATE_RANGE_TEXT)
        elif record.done_on > today:
            verdict.problem("done_on", f"办理日期不能晚于今天（{format_date_cn(today)}）")
        done_by = (record.done_by or "").strip()
        if not done_by:
            verdict.problem("done_by", "请填写办理人，例如 李建国")
        elif len(done_by) > rules.MAX_DONE_BY_CHARS:
            verdict.problem("done_by", f"办理人太长：最多{rules.MAX_DONE_BY_CHARS}个字")
        with self.db.write() as s:
            d = _data(self._load(s, reminder_id), [])
            if not rules.is_plain_date(due) or not _dates(d, due, due):
                verdict.problem("due", "这一天不是这条提醒的到期日：请刷新后从列表中选择")
            verdict.settle(True)
            row = s.scalar(select(ReminderOccurrence).where(ReminderOccurrence.reminder_id == reminder_id,
                                                            ReminderOccurrence.due_date == due))
            if row is None:
                row = ReminderOccurrence(reminder_id=reminder_id, due_date=due)
                s.add(row)
            row.done_on, row.method, row.note, row.done_by = record.done_on, record.method, \
                (record.note or "").strip(), done_by

    def undo_done(self, reminder_id: int, due: dt.date) -> None:
        """Remove the record of one occurrence: it is 待办 or 已逾期 again."""
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            self._load(s, reminder_id)
            row = s.scalar(select(ReminderOccurrence).where(ReminderOccurrence.reminder_id == reminder_id,
                                                            ReminderOccurrence.due_date == due))
            if row is None:
                raise UserError("这一次提醒还没有办理记录，无需撤销：请刷新列表")
            s.delete(row)
