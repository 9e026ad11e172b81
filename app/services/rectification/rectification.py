"""The 整改台账 use cases: sources and their items (建账), the list with counts, one item read
whole. Progress, 销号 and reopening are in rect_progress; warnings in rect_warnings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.errors import UserError, Verdict
from app.services.common.records import load_or_gone, row_to_save
from app.services.meetings.meeting_types import AttachmentData
from app.services.meetings.meetings import MeetingService
from app.services.rectification import rect_progress
from app.services.rectification.rect_types import (
    CLOSED,
    IN_PROGRESS,
    KEEP_ON,
    ITEM_KINDS,
    ONGOING,
    OVERDUE,
    SOURCE_KINDS,
    Counts,
    ItemData,
    ItemDetail,
    ItemRow,
    LinkData,
    ProgressData,
    SourceData,
    SourceRow,
    item_state,
)
from app.services.safety.actor import Permission, require
from db.models import Person, RectItem, RectMeasure, RectSource
from db.session import Database

MAX_PROBLEM_CHARS = 2000
MAX_MEASURE_CHARS = 1000
SOURCE_GONE = "这个问题来源已不存在（可能已被删除）：请刷新列表"
ITEM_GONE = "这个整改问题已不存在（可能已被删除）：请刷新列表"


class RectificationService:
    """``meetings`` lends its attachment store: 佐证材料 are kept beside the meetings' files."""

    def __init__(self, db: Database, clock: Clock, meetings: MeetingService):
        self.db = db
        self.clock = clock
        self.meetings = meetings

    # ----- sources ---------------------------------------------------------------------------
    def save_source(self, data: SourceData) -> int:
        require(self.db, Permission.EDIT)
        verdict = Verdict()
        title = " ".join((data.title or "").split())
        if data.kind not in SOURCE_KINDS:
            verdict.problem("kind", "请选择问题来源：" + "、".join(SOURCE_KINDS))
        if not title:
            verdict.problem("title", "请填写名称，例如 2026年县委第三巡察组巡察反馈问题")
        elif len(title) > 200:
            verdict.problem("title", f"名称太长：最多200个字，现在是{len(title)}个字")
        if data.raised_on is None:
            verdict.problem("raised_on", "请填写日期（反馈或提出问题的日期）")
        elif data.raised_on > self.clock.today():
            verdict.problem("raised_on", "日期不能晚于今天：请填写反馈或提出问题的日期")
        if len(data.raised_by or "") > 100:
            verdict.problem("raised_by", "提出单位太长：最多100个字")
        if len(data.doc_no or "") > 60:
            verdict.problem("doc_no", "文号太长：最多60个字")
        verdict.settle(True)
        now = self.clock.now()
        with self.db.write() as s:
            row = row_to_save(s, RectSource, data.id, now, lambda s, i: load_or_gone(s, RectSource, i, SOURCE_GONE))
            row.kind, row.title, row.raised_on = data.kind, title, data.raised_on
            row.raised_by, row.doc_no, row.updated_at = (data.raised_by or "").strip(), (data.doc_no or "").strip(), now
            s.flush()
            return row.id

    def source(self, source_id: int) -> SourceData:
        with self.db.read() as s:
            row = load_or_gone(s, RectSource, source_id, SOURCE_GONE)
            return SourceData(row.kind, row.title, row.raised_on, row.raised_by, row.doc_no, row.id)

    def delete_source(self, source_id: int) -> None:
        """Only an empty source goes (a 管理员's action); its items are the village's history."""
        require(self.db, Permission.DELETE)
        with self.db.write() as s:
            row = load_or_gone(s, RectSource, source_id, SOURCE_GONE)
            if s.scalar(select(func.count()).where(RectItem.source_id == source_id)):
                raise UserError("这个来源下还有整改问题，不能删除：请先删除其中的问题")
            s.delete(row)

    def sources(self) -> list[SourceRow]:
        """Every source, newest first, with its counts."""
        today = self.clock.today()
        counts: dict[int, dict[str, int]] = {}
        for source_id, kind, deadline, closed_on in self._states_query():
            state = item_state(kind, deadline, closed_on, today)
            tally = counts.setdefault(source_id, {})
            tally[state] = tally.get(state, 0) + 1
        with self.db.read() as s:
            rows = s.scalars(select(RectSource).order_by(RectSource.raised_on.desc(), RectSource.id.desc())).all()
        return [SourceRow(r.id, r.kind, r.title, r.raised_on, r.raised_by, r.doc_no, _counts(counts.get(r.id, {})))
                for r in rows]

    def _states_query(self, until: dt.date | None = None) -> list[tuple]:
        query = select(RectItem.source_id, RectItem.kind, RectItem.deadline, RectItem.closed_on)
        if until is not None:
            query = query.join(RectSource, RectSource.id == RectItem.source_id).where(RectSource.raised_on <= until)
        with self.db.read() as s:
            return [tuple(r) for r in s.execute(query)]

    def counts_on(self, first: dt.date, last: dt.date) -> Counts:
        """The figures of the 年度 / 届中 汇总: items raised from ``first`` to ``last``, as they stand
        on ``last`` (or today, if sooner)."""
        day = min(last, self.clock.today())
        query = (select(RectItem.kind, RectItem.deadline, RectItem.closed_on)
                 .join(RectSource, RectSource.id == RectItem.source_id)
                 .where(RectSource.raised_on.between(first, last)))
        with self.db.read() as s:
            found = s.execute(query).all()
        tally: dict[str, int] = {}
        for kind, deadline, closed_on in found:
            state = item_state(kind, deadline, closed_on, day)
            tally[state] = tally.get(state, 0) + 1
        return _counts(tally)

    def summary_lines(self, first: dt.date, last: dt.date) -> tuple[str, ...]:
        """What the 年度 / 届中 汇总 says of the 整改台账: the items raised in the period, as they
        stand (nothing when none was raised)."""
        counts = self.counts_on(first, last)
        return (f"本期登记整改{counts.line}",) if counts.items else ()

    # ----- items -----------------------------------------------------------------------------
    def check_item(self, data: ItemData, people: set[int] | None = None) -> Verdict:
        verdict = Verdict()
        problem = (data.problem or "").strip()
        if not problem:
            verdict.problem("problem", "请填写问题内容")
        elif len(problem) > MAX_PROBLEM_CHARS:
            verdict.problem("problem", f"问题内容太长：最多{MAX_PROBLEM_CHARS}个字，现在是{len(problem)}个字")
        if data.kind not in ITEM_KINDS:
            verdict.problem("kind", "请选择整改类型：" + "、".join(ITEM_KINDS))
        measures = [m.strip() for m in data.measures if m and m.strip()]
        if not measures:
            verdict.problem("measures", "请至少填写一条整改措施")
        elif any(len(m) > MAX_MEASURE_CHARS for m in measures):
            verdict.problem("measures", f"整改措施每条最多{MAX_MEASURE_CHARS}个字：请分成几条")
        if people is None:
            people = set(self.people())
        if data.owner_id is None:
            verdict.problem("owner_id", "请从两委成员和党员名单中选择责任人")
        elif data.owner_id not in people:
            verdict.problem("owner_id", "责任人不在名单中（可能已被删除）：请重新选择")
        if data.leader_id is not None and data.leader_id not in people:
            verdict.problem("leader_id", "责任领导不在名单中（可能已被删除）：请重新选择")
        if data.kind != ONGOING and data.deadline is None:
            verdict.problem("deadline", f"请填写整改时限（{ONGOING}的问题不用填）")
        return verdict

    def save_item(self, data: ItemData) -> int:
        """Create or update an item with its measures, all or nothing."""
        require(self.db, Permission.EDIT)
        self.check_item(data).settle(True)
        with self.db.write() as s:
            return self.write_item(s, data)

    def write_item(self, s: Session, data: ItemData) -> int:
        """Write a checked item in ``s`` (the import writes many in one transaction)."""
        now = self.clock.now()
        load_or_gone(s, RectSource, data.source_id, SOURCE_GONE)
        seq = (s.scalar(select(func.max(RectItem.seq)).where(RectItem.source_id == data.source_id)) or 0) + 1
        row = row_to_save(s, RectItem, data.id, now, _load_item)
        if data.id is None:
            row.seq, row.source_id = seq, data.source_id
            row.accepted_by, row.acceptance = "", ""
        elif row.closed_on is not None and data.kind == ONGOING:
            raise UserError(f"已销号的问题不能改为“{ONGOING}”：请先由管理员重新打开", "kind")
        row.problem, row.kind, row.goal = data.problem.strip(), data.kind, (data.goal or "").strip()
        row.leader_id, row.owner_id = data.leader_id, data.owner_id
        row.deadline = None if data.kind == ONGOING else data.deadline
        row.updated_at = now
        texts = [m.strip() for m in data.measures if m and m.strip()]
        kept = row.measures[:len(texts)]
        for n, text in enumerate(texts):
            if n < len(kept):
                kept[n].seq, kept[n].text = n + 1, text
            else:
                kept.append(RectMeasure(seq=n + 1, text=text))
        row.measures = kept
        s.flush()
        return row.id

    def delete_item(self, item_id: int) -> None:
        """A 管理员 removes an item entered by mistake, with its progress."""
        require(self.db, Permission.DELETE)
        with self.db.write() as s:
            row = _load_item(s, item_id)
            for entry in list(row.progress) + list(row.reopenings):
                s.delete(entry)
            s.delete(row)

    def items(self, source_id: int | None = None, person_id: int | None = None,
              state: str | None = None) -> list[ItemRow]:
        """Items by source (newest source first) and number; filtered by source, person (责任领导
        or 责任人) and state."""
        today = self.clock.today()
        query = (select(RectItem).join(RectSource, RectSource.id == RectItem.source_id)
                 .options(selectinload(RectItem.measures), selectinload(RectItem.progress))
                 .order_by(RectSource.raised_on.desc(), RectSource.id.desc(), RectItem.seq))
        if source_id is not None:
            query = query.where(RectItem.source_id == source_id)
        if person_id is not None:
            query = query.where((RectItem.owner_id == person_id) | (RectItem.leader_id == person_id))
        names = self.people()
        with self.db.read() as s:
            titles = dict(s.execute(select(RectSource.id, RectSource.title)).all())
            rows = [_row(r, titles[r.source_id], names, today) for r in s.scalars(query)]
        return [r for r in rows if state is None or r.state == state]

    def item(self, item_id: int) -> ItemDetail:
        today = self.clock.today()
        names = self.people()
        with self.db.read() as s:
            row = _load_item(s, item_id)
            source = s.get(RectSource, row.source_id)
            progress = tuple(rect_progress.progress_data(p) for p in row.progress)
            reopenings = tuple(rect_progress.reopening_data(r) for r in row.reopenings)
            return ItemDetail(_row(row, source.title, names, today), progress, reopenings)

    def item_data(self, item_id: int) -> ItemData:
        """The item as its editor fills it."""
        r = self.item(item_id).row
        return ItemData(r.source_id, r.problem, r.kind, list(r.measures), r.owner_id, r.deadline, r.leader_id,
                        r.goal, r.id)

    def people(self) -> dict[int, str]:
        """Everyone on the roster who can be 责任人 or 责任领导: id -> name."""
        with self.db.read() as s:
            return dict(s.execute(select(Person.id, Person.name)).all())

    # ----- progress, 销号, reopening (rect_progress) -------------------------------------------
    def add_attachment(self, source: Path) -> AttachmentData:
        """Copy a 佐证材料 file into the data dir (as a meeting's attachments are)."""
        return self.meetings.add_attachment(source)

    def attachment_path(self, stored_name: str) -> Path | None:
        return self.meetings.attachment_path(stored_name)

    def linkable(self, kind: str) -> list[LinkData]:
        return rect_progress.linkable(self.db, kind, self.clock.today())

    def save_progress(self, data: ProgressData) -> int:
        require(self.db, Permission.EDIT)
        return rect_progress.save_progress(self.db, self.clock, data, self.attachment_path)

    def close(self, item_id: int, closed_on: dt.date | None, accepted_by: str, acceptance: str) -> None:
        rect_progress.close_item(self.db, self.clock, item_id, closed_on, accepted_by, acceptance)

    def reopen(self, item_id: int, reason: str) -> None:
        rect_progress.reopen_item(self.db, self.clock, item_id, reason)


def _load_item(s: Session, item_id: int) -> RectItem:
    return load_or_gone(s, RectItem, item_id, ITEM_GONE,
                        options=[selectinload(RectItem.measures), selectinload(RectItem.progress)])


def _counts(tally: dict[str, int]) -> Counts:
    return Counts(sum(tally.values()), tally.get(CLOSED, 0), tally.get(IN_PROGRESS, 0), tally.get(OVERDUE, 0),
                  tally.get(KEEP_ON, 0))


def _row(r: RectItem, source_title: str, names: dict[int, str], today: dt.date) -> ItemRow:
    last = r.progress[-1] if r.progress else None
    last_text = f"{format_date_cn(last.date)}：{last.text}" if last else ""
    return ItemRow(
        r.id, r.source_id, source_title, r.seq, r.problem, r.kind, tuple(m.text for m in r.measures),
        names.get(r.leader_id, ""), names.get(r.owner_id, ""), r.leader_id, r.owner_id, r.deadline,
        item_state(r.kind, r.deadline, r.closed_on, today), r.closed_on, r.accepted_by, r.acceptance, r.goal,
        last_text, len(r.progress))
