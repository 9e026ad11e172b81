"""The 全面从严治党主体责任清单: each member's tasks for a year (the 书记's as 第一责任人), the
责任书 each signs (day signed, scanned copy), and the year-end 述责述廉 and 考核.

The scanned copy is kept like a meeting attachment (same folder, same checks): the meeting
service copies it in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.errors import UserError, Verdict
from app.services.common.records import load_or_gone
from app.services.meetings.meetings import MeetingService
from app.services.safety.actor import Permission, require
from app.services.team_rules.plans import item_state
from app.services.team_rules.team_people import TeamMember, team_on
from app.services.team_rules.team_types import ASSESSMENTS, DutyTaskData, DutyTaskRow, MemberDuties, PledgeData
from db.models import Meeting, Person, TeamDutyItem, TeamPledge
from db.session import Database

MAX_TASK = 500
_GONE = "这条责任任务已不存在（可能已被删除）：请刷新列表"


class DutyService:
    def __init__(self, db: Database, clock: Clock, attachments_dir: Path):
        self.db = db
        self.clock = clock
        self.attachments = MeetingService(db, clock, attachments_dir)

    # ----- reading ---------------------------------------------------------------------------
    def year(self, year: int) -> list[MemberDuties]:
        """Every member in office during ``year``, and anyone with tasks or a 责任书 that year."""
        today = self.clock.today()
        with self.db.read() as s:
            team = team_on(s, dt.date(year, 1, 1), dt.date(year, 12, 31))
            tasks = list(s.scalars(select(TeamDutyItem).where(TeamDutyItem.year == year)
                                   .order_by(TeamDutyItem.deadline, TeamDutyItem.id)))
            pledges = {p.person_id: p for p in s.scalars(select(TeamPledge).where(TeamPledge.year == year))}
            known = {m.person_id for m in team}
            others = ({t.person_id for t in tasks} | set(pledges)) - known
            for person_id, name in s.execute(select(Person.id, Person.name).where(Person.id.in_(others))):
                team.append(TeamMember(person_id, name, (), ""))
            result = []
            for member in team:
                rows = tuple(DutyTaskRow(t.id, _task_data(t), item_state(t.deadline, t.done_on, today))
                             for t in tasks if t.person_id == member.person_id)
                pledge = pledges.get(member.person_id)
                result.append(MemberDuties(
                    member.person_id, member.name, member.posts_text, member.is_secretary, member.division, rows,
                    _pledge_data(pledge) if pledge else None, _report_text(s, pledge)))
            return result

    def member(self, year: int, person_id: int) -> MemberDuties:
        found = next((m for m in self.year(year) if m.person_id == person_id), None)
        if found is None:
            raise UserError(f"编号为 {person_id} 的人员{year}年不在两委班子中，也没有责任清单")
        return found

    # ----- tasks -----------------------------------------------------------------------------
    def save_task(self, year: int, data: DutyTaskData, task_id: int | None = None) -> int:
        require(self.db, Permission.EDIT)
        data.task, data.note = data.task.strip(), data.note.strip()
        verdict = Verdict()
        if not data.task:
            verdict.problem("task", "请填写责任任务，例如 每季度听取一次分管领域党风廉政情况汇报")
        elif len(data.task) > MAX_TASK:
            verdict.problem("task", f"责任任务太长：最多{MAX_TASK}个字，现在是{len(data.task)}个字")
        if data.deadline.year != year:
            verdict.problem("deadline", f"时限应在{year}年内")
        if data.done_on is not None and data.done_on > self.clock.today():
            verdict.problem("done_on", "完成日期不能晚于今天")
        with self.db.write() as s:
            if s.get(Person, data.person_id) is None:
                verdict.problem("person_id", "责任人已不在花名册中：请重新选择")
            verdict.settle(True)
            task = TeamDutyItem(year=year) if task_id is None else load_or_gone(s, TeamDutyItem, task_id, _GONE)
            if task_id is None:
                s.add(task)
            task.person_id, task.task, task.deadline = data.person_id, data.task, data.deadline
            task.done_on, task.note = data.done_on, data.note
            s.flush()
            return task.id

    def delete_task(self, task_id: int) -> None:
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            s.delete(load_or_gone(s, TeamDutyItem, task_id, _GONE))

    # ----- 责任书, 述责述廉 and 考核 ------------------------------------------------------------
    def save_pledge(self, year: int, data: PledgeData) -> None:
        """Create or update a member's 责任书 of ``year`` with its year-end report and result."""
        require(self.db, Permission.EDIT)
        data.report_text, data.assessment_note = data.report_text.strip(), data.assessment_note.strip()
        verdict = Verdict()
        today = self.clock.today()
        if data.signed_on is not None and (data.signed_on > today or data.signed_on.year not in (year - 1, year)):
            verdict.problem("signed_on", f"签订日期应在{year - 1}年或{year}年内，且不晚于今天")
        if data.assessment and data.assessment not in ASSESSMENTS:
            verdict.problem("assessment", "考核结果只能是 " + "、".join(ASSESSMENTS))
        if data.scan_stored and self.attachments.attachment_path(data.scan_stored) is None:
            verdict.problem("scan", f"扫描件“{data.scan_title}”的文件找不到了：请重新添加")
        with self.db.write() as s:
            if s.get(Person, data.person_id) is None:
                verdict.problem("person_id", "签订人已不在花名册中：请重新选择")
            if data.report_meeting_id is not None and s.get(Meeting, data.report_meeting_id) is None:
                verdict.problem("report_meeting_id", "所选的会议已不存在：请重新选择")
            verdict.settle(True)
            pledge = s.scalar(select(TeamPledge).where(TeamPledge.year == year,
                                                       TeamPledge.person_id == data.person_id))
            if pledge is None:
                pledge = TeamPledge(year=year, person_id=data.person_id)
                s.add(pledge)
            for key in ("signed_on", "scan_title", "scan_stored", "report_meeting_id", "report_text",
                        "assessment", "assessment_note"):
                setattr(pledge, key, getattr(data, key))

    def add_scan(self, source: Path) -> tuple[str, str]:
        """Copy a scanned 责任书 in; (title, stored name) for save_pledge."""
        added = self.attachments.add_attachment(source)
        return added.title, added.stored_name

    def scan_path(self, stored_name: str) -> Path | None:
        return self.attachments.attachment_path(stored_name)


def _task_data(t: TeamDutyItem) -> DutyTaskData:
    return DutyTaskData(t.person_id, t.task, t.deadline, t.done_on, t.note)


def _pledge_data(p: TeamPledge) -> PledgeData:
    return PledgeData(p.person_id, p.signed_on, p.scan_title, p.scan_stored, p.report_meeting_id, p.report_text,
                      p.assessment, p.assessment_note)


def _report_text(s: Session, pledge: TeamPledge | None) -> str:
    if pledge is None:
        return ""
    if pledge.report_meeting_id is not None:
        row = s.execute(select(Meeting.date, Meeting.topic).where(Meeting.id == pledge.report_meeting_id)).first()
        if row is not None:
            return f"在{format_date_cn(row[0])}“{row[1]}”上述责述廉"
    return pledge.report_text
