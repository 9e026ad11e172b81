"""The 年度党建计划: its items, how each went, its adoption and its logged changes.

A linked item counts as done when its proof exists (plan_proofs.py); any other item is marked
done by hand with a day and a note. An item is due on the last day of its month, quarter or
year; done after that day it is 逾期完成, not done by then it is 未完成 (common/due_rule.late,
the rule every due item follows).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.due_rule import late
from app.services.common.errors import UserError, Verdict
from app.services.common.records import load_or_gone
from app.services.meetings.compliance import RequirementStore
from app.services.meetings.meeting_kinds import Kind, Period
from app.services.notices.notice_types import CATEGORIES
from app.services.safety.actor import Permission, require
from app.services.team_rules import plan_proofs
from app.services.team_rules.team_people import team_on
from app.services.team_rules.team_types import (
    DONE,
    DONE_LATE,
    MONTH,
    NOT_DONE,
    NOT_DUE,
    PROOF_LABELS,
    PROOF_MATTER,
    PROOF_MEETING,
    PROOF_NOTICE,
    PROOF_REMINDER,
    QUARTER,
    YEAR,
    PlanItemData,
    PlanItemRow,
    PlanView,
    When,
)
from db.models import Matter, Meeting, MeetingKind, Person, Reminder, TeamPlan, TeamPlanChange, TeamPlanItem
from db.session import Database

MAX_CONTENT = 500
_GONE = "这条计划已不存在（可能已被删除）：请刷新列表"
_ACTION = {Kind.THEME_DAY: "开展", Kind.PARTY_LECTURE: "讲", Kind.APPRAISAL: "开展", Kind.HEART_TALK: "开展"}


def item_state(due: dt.date, done_on: dt.date | None, today: dt.date) -> str:
    """已完成 / 逾期完成 / 未完成 / 未到期 of anything due on ``due``."""
    if done_on is not None:
        return DONE_LATE if late(due, done_on) else DONE
    return NOT_DONE if late(due, today) else NOT_DUE


def check_item(s: Session, data: PlanItemData, today: dt.date) -> Verdict:
    """Every rule of a plan line; trims the texts in place."""
    verdict = Verdict()
    data.content, data.standard = data.content.strip(), data.standard.strip()
    data.done_note, data.proof_ref = data.done_note.strip(), data.proof_ref.strip()
    when = data.when
    limits = {MONTH: 12, QUARTER: 4, YEAR: 0}
    if when.kind not in limits or not (0 if when.kind == YEAR else 1) <= when.number <= limits[when.kind]:
        verdict.problem("when", "时间请选一个月份、一个季度或全年")
    if not data.content:
        verdict.problem("content", "请填写工作内容，例如 3月讲一次党课")
    elif len(data.content) > MAX_CONTENT:
        verdict.problem("content", f"工作内容太长：最多{MAX_CONTENT}个字，现在是{len(data.content)}个字")
    if data.owner_id is not None and s.get(Person, data.owner_id) is None:
        verdict.problem("owner_id", "责任人已不在花名册中：请重新选择")
    _check_proof(s, data, verdict)
    if data.done_on is not None:
        if data.done_on > today:
            verdict.problem("done_on", "完成日期不能晚于今天")
        if not data.done_note:
            verdict.problem("done_note", "请写明完成情况，例如 已于3月20日召开，记录见会议台账")
    return verdict


def _check_proof(s: Session, data: PlanItemData, verdict: Verdict) -> None:
    kind, ref = data.proof_kind, data.proof_ref
    if kind not in PROOF_LABELS:
        verdict.problem("proof_kind", "完成依据只能选 " + "、".join(PROOF_LABELS.values()))
    elif kind == PROOF_MEETING and ref not in {k.value for k in Kind}:
        verdict.problem("proof_ref", "请选择哪一类会议证明这项工作完成")
    elif kind == PROOF_NOTICE and ref not in CATEGORIES:
        verdict.problem("proof_ref", "请选择公开类别：" + "、".join(CATEGORIES))
    elif kind in (PROOF_MATTER, PROOF_REMINDER):
        model = Matter if kind == PROOF_MATTER else Reminder
        if not ref.isdigit() or s.get(model, int(ref)) is None:
            verdict.problem("proof_ref", f"请选择一个已登记的{PROOF_LABELS[kind]}事项")
    elif kind == "":
        data.proof_ref = ""


def describe_item(data: PlanItemData) -> str:
    return f"{data.when.label} {data.content}"


class PlanService:
    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock

    # ----- reading ---------------------------------------------------------------------------
    def view(self, year: int) -> PlanView:
        today = self.clock.today()
        with self.db.read() as s:
            plan = s.scalar(select(TeamPlan).where(TeamPlan.year == year))
            if plan is None:
                return PlanView(year, None, None, "", (), ())
            names = dict(s.execute(select(Person.id, Person.name)).all())
            met = plan_proofs.meeting_proofs(s, year, [(item.id, _data(item)) for item in plan.items], today)
            rows = tuple(self._row(s, year, item, names, today, met) for item in plan.items)
            changes = tuple((c.changed_on, c.what, c.reason) for c in s.scalars(
                select(TeamPlanChange).where(TeamPlanChange.plan_id == plan.id)
                .order_by(TeamPlanChange.changed_on, TeamPlanChange.id)))
            return PlanView(year, plan.id, plan.adopted_meeting_id, _adopted_text(s, plan.adopted_meeting_id),
                            rows, changes)

    @staticmethod
    def _row(s: Session, year: int, item: TeamPlanItem, names: dict[int, str], today: dt.date,
             met: dict[int, dt.date]) -> PlanItemRow:
        data = _data(item)
        due = data.when.bounds(year)[1]
        if data.proof_kind == PROOF_MEETING:
            proven = met.get(item.id)
        else:
            proven = plan_proofs.proof_day(s, year, data, today) if data.proof_kind else None
        done_on = proven or data.done_on
        if proven is not None:
            text = f"{format_date_cn(proven)} {plan_proofs.proof_label(s, data)}"
        elif data.done_on is not None:
            text = f"手工登记：{data.done_note}"
        else:
            text = plan_proofs.proof_label(s, data)
        return PlanItemRow(item.id, item.seq, data, names.get(data.owner_id, ""), due,
                           item_state(due, done_on, today), done_on, text)

    def years(self) -> list[int]:
        with self.db.read() as s:
            return list(s.scalars(select(TeamPlan.year).order_by(TeamPlan.year)))

    # ----- writing ---------------------------------------------------------------------------
    def save_item(self, year: int, data: PlanItemData, item_id: int | None = None, reason: str = "") -> int:
        """Add or change a line; once the plan is adopted, the change is logged with ``reason``."""
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            check_item(s, data, self.clock.today()).settle(True)
            plan = self._plan(s, year)
            if item_id is None:
                item = TeamPlanItem(plan_id=plan.id, seq=1 + max((i.seq for i in plan.items), default=0))
                s.add(item)
                what = f"新增：{describe_item(data)}"
            else:
                item = load_or_gone(s, TeamPlanItem, item_id, _GONE)
                before = describe_item(_data(item))
                what = f"修改：{before}" + ("" if before == describe_item(data) else f" 改为 {describe_item(data)}")
            _write(item, data)
            self._log(s, plan, what, reason)
            s.flush()
            return item.id

    def delete_item(self, item_id: int, reason: str = "") -> str:
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            item = load_or_gone(s, TeamPlanItem, item_id, _GONE)
            plan = s.get(TeamPlan, item.plan_id)
            text = describe_item(_data(item))
            self._log(s, plan, f"删除：{text}", reason)
            s.delete(item)
            return text

    def mark_done(self, item_id: int, day: dt.date | None, note: str = "") -> None:
        """Mark a line done by hand on ``day`` with ``note``; None takes the mark back."""
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            item = load_or_gone(s, TeamPlanItem, item_id, _GONE)
            data = _data(item)
            data.done_on, data.done_note = day, note if day is not None else ""
            check_item(s, data, self.clock.today()).settle(True)
            _write(item, data)

    def adopt(self, year: int, meeting_id: int | None) -> None:
        """The meeting that passed the plan (a 支委会 or 党员大会); None unlinks it."""
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            if meeting_id is not None:
                kinds = set(s.scalars(select(MeetingKind.kind).where(MeetingKind.meeting_id == meeting_id)))
                if not kinds & {Kind.BRANCH_COMMITTEE.value, Kind.PARTY_CONGRESS.value}:
                    raise UserError("年度党建计划应由支部委员会会议或支部党员大会通过：请选择这样的会议", "meeting")
            self._plan(s, year).adopted_meeting_id = meeting_id

    def _plan(self, s: Session, year: int) -> TeamPlan:
        plan = s.scalar(select(TeamPlan).where(TeamPlan.year == year))
        if plan is None:
            now = self.clock.now()
            plan = TeamPlan(year=year, created_at=now, updated_at=now)
            s.add(plan)
            s.flush()
        plan.updated_at = self.clock.now()
        return plan

    def _log(self, s: Session, plan: TeamPlan, what: str, reason: str) -> None:
        if plan.adopted_meeting_id is not None:
            s.add(TeamPlanChange(plan_id=plan.id, changed_on=self.clock.today(), what=what[:500],
                                 reason=(reason or "").strip()[:500]))

    # ----- starting a plan -------------------------------------------------------------------
    def template(self, year: int) -> list[PlanItemData]:
        """The lines the meeting requirement table already asks for, each proved by its meetings,
        with the 书记 as 责任人: what a clerk would otherwise type."""
        with self.db.read() as s:
            secretary = next((m.person_id for m in team_on(s, dt.date(year, 1, 1), dt.date(year, 12, 31))
                              if m.is_secretary), None)
        items = []
        for req in RequirementStore(self.db).load():
            times = f"{req.times}次" if req.times > 1 else ""
            verb = _ACTION.get(req.kind, "召开")
            if req.period is Period.MONTH:
                whens = [When(MONTH, m) for m in range(1, 13)]
            elif req.period is Period.QUARTER:
                whens = [When(QUARTER, q) for q in range(1, 5)]
            elif req.by_month:
                whens = [When(MONTH, req.by_month)]
            else:
                whens = [When(YEAR)]
            for when in whens:
                items.append(PlanItemData(when, f"{verb}{req.kind.value}{times}", secretary, req.basis,
                                          PROOF_MEETING, req.kind.value))
        order = {MONTH: 0, QUARTER: 1, YEAR: 2}
        return sorted(items, key=lambda i: (i.when.bounds(year)[1], order[i.when.kind]))

    def from_last_year(self, year: int) -> list[PlanItemData]:
        """Last year's lines, without their done marks; links to one year's records are dropped."""
        with self.db.read() as s:
            plan = s.scalar(select(TeamPlan).where(TeamPlan.year == year - 1))
            if plan is None or not plan.items:
                raise UserError(f"{year - 1}年没有党建计划：请改用“按制度生成”")
            items = []
            for item in plan.items:
                data = _data(item)
                keep = data.proof_kind in (PROOF_MEETING, PROOF_NOTICE)
                items.append(PlanItemData(data.when, data.content, data.owner_id, data.standard,
                                          data.proof_kind if keep else "", data.proof_ref if keep else ""))
            return items

    def start(self, year: int, items: list[PlanItemData]) -> int:
        """Fill an empty plan with ``items`` (from template or from_last_year); all or nothing."""
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            plan = self._plan(s, year)
            if plan.items:
                raise UserError(f"{year}年的计划已有{len(plan.items)}项：只能在空计划上生成，请逐项修改")
            today = self.clock.today()
            for seq, data in enumerate(items, 1):
                check_item(s, data, today).settle(True)
                item = TeamPlanItem(plan_id=plan.id, seq=seq)
                _write(item, data)
                s.add(item)
            return len(items)


def _data(item: TeamPlanItem) -> PlanItemData:
    return PlanItemData(When(item.span_kind, item.span_no), item.content, item.owner_id, item.standard,
                        item.proof_kind, item.proof_ref, item.done_on, item.done_note)


def _write(item: TeamPlanItem, data: PlanItemData) -> None:
    item.span_kind, item.span_no = data.when.kind, data.when.number
    item.content, item.owner_id, item.standard = data.content, data.owner_id, data.standard
    item.proof_kind, item.proof_ref = data.proof_kind, data.proof_ref
    item.done_on, item.done_note = data.done_on, data.done_note


def _adopted_text(s: Session, meeting_id: int | None) -> str:
    if meeting_id is None:
        return ""
    row = s.execute(select(Meeting.date, Meeting.topic).where(Meeting.id == meeting_id)).first()
    return f"{format_date_cn(row[0])}“{row[1]}”通过" if row else ""
