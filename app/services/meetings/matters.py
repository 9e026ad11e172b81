"""四议两公开 matters: one record per decision, followed step by step (DOMAIN.md §2).

Steps 1-4 each link a meeting of the right kind, held on the step's date, with its quorum;
steps 5-6 record where and what was posted. Steps go in order and a 未通过 at 审议 or 决议
ends the chain. Money is kept as integer fen, never as a float.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, selectinload

from app.clock import Clock
from app.services.common.dates import format_date_cn
from app.services.common.errors import UserError, Verdict
from app.services.common.records import load_or_gone
from app.services.meetings.meeting_kinds import MATTER_CONGRESS_QUORUM, Kind
from app.services.meetings.meeting_rules import summarize
from app.services.meetings.step_counts import HeadCount, StepCount, count_step
from app.services.meetings.meeting_types import (
    MATTER_CATEGORIES,
    MATTER_SOURCES,
    STEP_NAMES,
    STUCK_DAYS,
    AttendanceData,
    AttendanceSummary,
    MatterData,
    MatterRow,
    StepData,
)
from app.services.members.member_types import MemberRow
from app.services.members.members import MemberService
from app.services.members.team import team_on
from app.services.safety.actor import Permission, require
from db.models import Attendance, Matter, MatterStep, Meeting, MeetingKind, VillagerMeetingCount
from db.session import Database

REJECTED = "未通过"  # an outcome starting with this stops the chain at 审议 or 决议
MAX_NAME_CHARS = 200
MAX_PLACE_CHARS = 100
MAX_AMOUNT_FEN = 10**15 - 1  # 9,999,999,999,999.99 元: far above any village matter
# The kinds of meeting each deliberation step is held at.
STEP_KINDS: dict[int, tuple[Kind, ...]] = {
    1: (Kind.BRANCH_COMMITTEE,), 2: (Kind.JOINT_MEETING,),
    3: (Kind.PARTY_CONGRESS,), 4: (Kind.VILLAGERS, Kind.REPRESENTATIVES),
}
# Steps 5 and 6 are postings. The 三公开 tab will link them to real notices later (a link
# from the notice to the step, or a notice id added to matter_step); until then the step
# itself keeps the date, place and posted text.
NOTICE_STEPS = (5, 6)
_CN_DIGITS = "零一二三四五六七八九十"
_AMOUNT = re.compile(r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?")
_AMOUNT_HINT = "请写成以元为单位的数字，例如 12345.67"


def parse_amount(text: str | None) -> int | None:
    """Amount in yuan as typed (“12345.67”, “12,345.67元”) -> integer fen; None when blank."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        return None
    shown = raw if len(raw) <= 30 else raw[:30] + "…"
    body = raw.replace(" ", "").removeprefix("¥").removesuffix("元")
    if "万" in body or "亿" in body:
        raise UserError(f"金额“{shown}”不要用“万”“亿”：{_AMOUNT_HINT}（1.2万元 写成 12000）", "amount_fen")
    if body.startswith("-"):
        raise UserError("金额不能是负数：请核对", "amount_fen")
    match = _AMOUNT.fullmatch(body)
    if match is None:
        raise UserError(f"金额“{shown}”无法识别：{_AMOUNT_HINT}", "amount_fen")
    whole, cents = match.group(1).replace(",", ""), match.group(2) or ""
    if len(cents) > 2:
        raise UserError(f"金额“{shown}”的小数超过两位：金额只记到分，请核对", "amount_fen")
    if len(whole.lstrip("0")) > 13:
        raise UserError(f"金额“{shown}”过大：请核对", "amount_fen")
    return int(whole) * 100 + int(cents.ljust(2, "0"))


def format_amount(fen: int | None) -> str:
    """12345.67 元 as “12,345.67”; empty text for no amount."""
    return "" if fen is None else f"{fen // 100:,}.{fen % 100:02d}"


def is_rejected(outcome: str) -> bool:
    return outcome.strip().startswith(REJECTED)


def _fraction(num: int, den: int) -> str:
    return f"{_CN_DIGITS[den]}分之{_CN_DIGITS[num]}" if den <= 10 else f"{num}/{den}"


def _attendance(s: Session, meeting_id: int) -> AttendanceSummary:
    """应到 / 实到 of one meeting, counted by the meetings' own rule (meeting_rules.summarize)."""
    rows = s.execute(select(Attendance.person_id, Attendance.status, Attendance.voting)
                     .where(Attendance.meeting_id == meeting_id)).all()
    return summarize(AttendanceData(r.person_id, status=r.status, voting=bool(r.voting)) for r in rows)


def head_count(s: Session, meeting_id: int) -> HeadCount | None:
    row = s.get(VillagerMeetingCount, meeting_id)
    if row is None:
        return None
    return HeadCount(row.adults_total, row.adults_present, row.households_total, row.households_present)


def step_count(s: Session, step: int, kind: str, meeting: Meeting) -> StepCount:
    """The counts of ``step`` held at ``meeting`` (as a meeting of ``kind``)."""
    votes = (meeting.votes_for, meeting.votes_against, meeting.votes_abstain)
    return count_step(step, kind, _attendance(s, meeting.id), votes, head_count(s, meeting.id))


def _step_data(row: MatterStep) -> StepData:
    return StepData(step=row.step, date=row.date, meeting_id=row.meeting_id, outcome=row.outcome,
                    place=row.place, posted_text=row.posted_text, note=row.note)


def _clean(step: StepData) -> None:
    step.outcome, step.place = step.outcome.strip(), step.place.strip()
    step.posted_text, step.note = step.posted_text.strip(), step.note.strip()


def _ended(steps: list[StepData]) -> bool:
    """Finished (all six steps) or stopped by a 未通过 at 审议 or 决议."""
    last = steps[-1] if steps else None
    return last is not None and (last.step == 6 or (last.step in (3, 4) and is_rejected(last.outcome)))


class MatterService:
    parse_amount = staticmethod(parse_amount)  # also reachable as services.matters.parse_amount

    def __init__(self, db: Database, clock: Clock):
        self.db = db
        self.clock = clock
        self._roster: list[MemberRow] | None = None  # read once per check, for 一肩挑

    # ----- reading -----------------------------------------------------------------------
    def list_rows(self) -> list[MatterRow]:
        today = self.clock.today()
        # One query, each matter with only its last step: the start page reads this on every refresh.
        last = (select(MatterStep.matter_id, func.max(MatterStep.step).label("step"))
                .group_by(MatterStep.matter_id).subquery())
        query = (select(Matter.id, Matter.name, Matter.category, Matter.created_at,
                        MatterStep.step, MatterStep.date, MatterStep.outcome)
                 .outerjoin(last, last.c.matter_id == Matter.id)
                 .outerjoin(MatterStep, and_(MatterStep.matter_id == Matter.id, MatterStep.step == last.c.step))
                 .order_by(Matter.id))
        with self.db.read() as s:
            found = s.connection().execute(query).all()  # plain rows: read on every start-page refresh
        rows = []
        for matter_id, name, category, created_at, step, on, outcome in found:
            steps = [StepData(step, on, outcome=outcome)] if step else []
            # With no step yet, the matter has waited since it was entered.
            days = (today - (on or created_at.date())).days
            stuck = days if days > STUCK_DAYS and not _ended(steps) else None
            rows.append(MatterRow(matter_id, name, category, step or 0, on, stuck))
        return rows

    def get(self, matter_id: int) -> MatterData:
        with self.db.read() as s:
            m = self._load(s, matter_id)
            return MatterData(name=m.name, category=m.category, source=m.source,
                              description=m.description, amount_fen=m.amount_fen,
                              steps=[_step_data(r) for r in m.steps])

    @staticmethod
    def _load(s: Session, matter_id: int) -> Matter:
        return load_or_gone(s, Matter, matter_id, "这个事项已不存在（可能已被删除）：请刷新列表",
                            [selectinload(Matter.steps)])

    def step_counts(self, step: int, meeting_id: int | None) -> StepCount | None:
        """What the step dialog shows and the record book prints for a deliberation step."""
        if step not in STEP_KINDS or meeting_id is None:
            return None
        with self.db.read() as s:
            meeting = s.get(Meeting, meeting_id)
            if meeting is None:
                return None
            kinds = set(s.scalars(select(MeetingKind.kind).where(MeetingKind.meeting_id == meeting_id)))
            matched = [k.value for k in STEP_KINDS[step] if k.value in kinds] or sorted(kinds) or [""]
            return step_count(s, step, matched[0], meeting)

    # ----- writing -----------------------------------------------------------------------
    def save(self, data: MatterData, matter_id: int | None = None, confirmed: bool = False) -> int:
        """Create or update a matter with its steps, all or nothing.

        Steps unchanged since they were recorded (and all before them) keep their meeting
        checks, so a meeting's attendance edited later does not block renaming the matter;
        order and dates are always checked. Step problems are keyed “steps.N.field”.
        Dropping recorded steps this way needs confirmation.
        """
        require(self.db, Permission.EDIT)
        verdict = Verdict()
        self._check_fields(data, verdict)
        steps = sorted(data.steps, key=lambda x: x.step)
        with self.db.read() as s:
            stored = [_step_data(r) for r in self._load(s, matter_id).steps] if matter_id else []
            self._roster = None
            chain: list[StepData] = []
            trusted = True
            for index, step in enumerate(steps):
                _clean(step)
                trusted = trusted and index < len(stored) and stored[index] == step
                own = Verdict()
                self._check_step(s, step, chain, own, meeting_rules=not trusted)
                for key, message in own.problems.items():
                    verdict.problem(f"steps.{step.step}.{key}", message)
                verdict.warnings.extend(own.warnings)
                if own.problems:
                    break  # later steps are judged against this one: fix it first
                chain.append(step)
        dropped = [STEP_NAMES[x.step] for x in stored if x.step not in {y.step for y in steps}]
        if dropped:
            verdict.warnings.append(f"将删除已登记的步骤：{'、'.join(dropped)}。确认要删除吗？")
        verdict.settle(confirmed)
        with self.db.write() as s:
            if matter_id is None:
                matter = Matter(created_at=self.clock.now())
                s.add(matter)
            else:
                matter = self._load(s, matter_id)
            matter.name, matter.category, matter.source = data.name, data.category, data.source
            matter.description, matter.amount_fen = data.description, data.amount_fen
            self._write_steps(matter, steps)
            s.flush()
            return matter.id

    def add_step(self, matter_id: int, step: StepData, confirmed: bool = False) -> None:
        """Record the next step of a matter; problems are keyed by StepData field."""
        require(self.db, Permission.EDIT)
        _clean(step)
        verdict = Verdict()
        with self.db.read() as s:
            before = [_step_data(r) for r in self._load(s, matter_id).steps]
            self._roster = None
            self._check_step(s, step, before, verdict)
        verdict.settle(confirmed)
        with self.db.write() as s:
            matter = self._load(s, matter_id)
            if [r.step for r in matter.steps] != [b.step for b in before]:
                raise UserError("这个事项刚被别处修改过：请刷新后重新登记")
            matter.steps.append(self._step_row(MatterStep(step=step.step), step))

    def remove_last_step(self, matter_id: int) -> int:
        """Undo the latest step (to correct it); returns its number."""
        require(self.db, Permission.EDIT)
        with self.db.write() as s:
            matter = self._load(s, matter_id)
            if not matter.steps:
                raise UserError("这个事项还没有登记任何步骤，没有可撤销的")
            s.delete(last := matter.steps[-1])
            return last.step

    def delete(self, matter_id: int) -> str:
        require(self.db, Permission.DELETE)
        with self.db.write() as s:
            matter = self._load(s, matter_id)
            name = matter.name
            s.delete(matter)
        return name


    @staticmethod
    def _step_row(row: MatterStep, step: StepData) -> MatterStep:
        row.date, row.meeting_id, row.outcome = step.date, step.meeting_id, step.outcome
        row.place, row.posted_text, row.note = step.place, step.posted_text, step.note
        return row

    def _write_steps(self, matter: Matter, steps: list[StepData]) -> None:
        # Rows are updated in place by step number: deleting and re-inserting the same
        # number in one flush would break the (matter, step) unique constraint.
        old = {r.step: r for r in matter.steps}
        matter.steps = [self._step_row(old.get(x.step) or MatterStep(step=x.step), x) for x in steps]

    # ----- rules -------------------------------------------------------------------------
    @staticmethod
    def _check_fields(data: MatterData, verdict: Verdict) -> None:
        data.name, data.description = (data.name or "").strip(), (data.description or "").strip()
        if not data.name:
            verdict.problem("name", "请填写事项名称")
        elif len(data.name) > MAX_NAME_CHARS:
            verdict.problem("name", f"事项名称太长：最多{MAX_NAME_CHARS}个字，请精简")
        if data.category not in MATTER_CATEGORIES:
            verdict.problem("category", "请选择类别：" + "、".join(MATTER_CATEGORIES))
        if data.source not in MATTER_SOURCES:
            verdict.problem("source", "请选择动议来源：" + "、".join(MATTER_SOURCES))
        amount = data.amount_fen
        if amount is None:
            return
        if isinstance(amount, bool) or not isinstance(amount, int):
            verdict.problem("amount_fen", f"金额无法识别：{_AMOUNT_HINT}")
        elif amount < 0:
            verdict.problem("amount_fen", "金额不能是负数：请核对")
        elif amount > MAX_AMOUNT_FEN:
            verdict.problem("amount_fen", "金额过大：请核对")

    def _check_step(self, s: Session, step: StepData, before: list[StepData], verdict: Verdict,
                    meeting_rules: bool = True) -> None:
        n = step.step
        if n not in STEP_NAMES:
            verdict.problem("step", "步骤应为 提议、商议、审议、决议、决议公开、实施结果公开 之一")
            return
        name = STEP_NAMES[n]
        last = before[-1] if before else None
        reached = last.step if last else 0
        if last is not None and _ended(before):
            why = "六个步骤都已登记完" if last.step == 6 else f"“{STEP_NAMES[last.step]}”的结果是未通过"
            verdict.problem("step", f"{why}，这个事项到此结束，不能再登记“{name}”：如需重新提出，请新建一个事项")
            return
        if n <= reached:
            verdict.problem("step", f"“{name}”已经登记过了（已到第{reached}步“{STEP_NAMES[reached]}”）："
                                    "要改动，请先撤销后面的步骤")
            return
        if n > reached + 1:
            verdict.problem("step", f"还没有登记“{STEP_NAMES[reached + 1]}”，不能直接登记“{name}”：请按 "
                                    "提议→商议→审议→决议→决议公开→实施结果公开 的顺序逐步登记")
            return
        today = self.clock.today()
        if not isinstance(step.date, dt.date):
            verdict.problem("date", f"请填写“{name}”的日期")
            return
        if step.date > today:
            verdict.problem("date", f"“{name}”的日期不能晚于今天（{format_date_cn(today)}）")
        elif last is not None and step.date < last.date:
            verdict.problem("date", f"“{name}”的日期（{format_date_cn(step.date)}）早于上一步“"
                                    f"{STEP_NAMES[last.step]}”的日期（{format_date_cn(last.date)}）："
                                    "各步骤的日期不能倒退，请核对")
        if n in NOTICE_STEPS:
            self._check_notice(step, verdict)
        elif meeting_rules and not verdict.problems:
            self._check_meeting(s, step, before, verdict)

    @staticmethod
    def _check_notice(step: StepData, verdict: Verdict) -> None:
        name = STEP_NAMES[step.step]
        if step.meeting_id is not None:
            verdict.problem("meeting_id", f"“{name}”是张贴公开，不关联会议：请去掉所选会议")
        if not step.place:
            verdict.problem("place", f"请填写“{name}”的公开地点，例如 村务公开栏")
        elif len(step.place) > MAX_PLACE_CHARS:
            verdict.problem("place", f"公开地点太长：最多{MAX_PLACE_CHARS}个字")
        if not step.posted_text:
            verdict.problem("posted_text", f"请填写“{name}”张贴公开的内容")

    def _one_shoulder(self, day: dt.date) -> bool:
        if self._roster is None:
            self._roster = MemberService(self.db, self.clock).list_rows()
        return bool(team_on(self._roster, day).one_shoulder)

    def _check_meeting(self, s: Session, step: StepData, before: list[StepData], verdict: Verdict) -> None:
        n, name = step.step, STEP_NAMES[step.step]
        wanted = "或".join(k.value for k in STEP_KINDS[n])
        if step.meeting_id is None:
            verdict.problem("meeting_id", f"“{name}”需要关联一次{wanted}：请先在会议记录中登记这次会议，再选择它")
            return
        meeting = s.get(Meeting, step.meeting_id)
        if meeting is None:
            verdict.problem("meeting_id", "所选会议已不存在（可能已被删除）：请重新选择")
            return
        kinds = frozenset(s.scalars(select(MeetingKind.kind).where(MeetingKind.meeting_id == meeting.id)))
        if meeting.date != step.date:
            verdict.problem("date", f"“{name}”的日期（{format_date_cn(step.date)}）与所选会议的日期"
                                    f"（{format_date_cn(meeting.date)}）不一致：请核对")
            return
        allowed = STEP_KINDS[n]
        merged_hint = ""
        if n == 1 and Kind.JOINT_MEETING.value in kinds:
            if self._one_shoulder(step.date):
                allowed = (*allowed, Kind.JOINT_MEETING)  # 一肩挑: 提议 and 商议 in one sitting
            else:
                merged_hint = "（只有一肩挑的村才能在联席会议上一并提议和商议）"
        earlier = [b for b in before if b.meeting_id == step.meeting_id]
        if earlier and n == 2 and earlier[0].step == 1:
            if not self._one_shoulder(step.date):
                verdict.problem("meeting_id", f"提议和商议不能在同一次会议上进行：{format_date_cn(step.date)}"
                                              "本村没有一肩挑（党支部书记兼任村委会主任），须先开支部委员会会议"
                                              "提议，再开村“两委”联席会议商议")
        elif earlier:
            verdict.problem("meeting_id", f"这次会议已用于“{STEP_NAMES[earlier[0].step]}”，"
                                          f"不能再用于“{name}”：请选择另一次会议")
        matched = [k.value for k in allowed if k.value in kinds]
        if not matched:
            held = "、".join(sorted(kinds)) or "未注明类型的会议"
            verdict.problem("meeting_id", f"“{name}”应在{wanted}上进行，所选会议是{held}{merged_hint}：请选择正确的会议")
        if not verdict.problems:
            self._check_quorum(step, step_count(s, step.step, matched[0], meeting), verdict)

    @staticmethod
    def _check_quorum(step: StepData, c: StepCount, verdict: Verdict) -> None:
        n, kind, name = step.step, c.kind, STEP_NAMES[step.step]
        counts = f"{kind}应到 {c.expected} 人，实到 {c.present} 人"
        retry = "这一步无效：请补开会议或核对签到"
        if not c.listed:
            if n == 2:
                verdict.warnings.append(f"所选{kind}没有登记签到名单，无法核对到会人数是否过半：确认仍要登记吗？")
            elif n == 4:
                verdict.problem("meeting_id", f"所选{kind}没有登记到会人数，无法核对是否达到法定人数：请先在会议记录中"
                                              "登记出席情况（村民会议可登记到会人数和户数）")
            else:
                verdict.problem("meeting_id", f"所选{kind}没有登记签到名单，无法核对到会人数：请先在会议记录中登记应到人员和出席情况")
            return
        if not c.quorum_met:
            if n == 2:
                verdict.warnings.append(f"{counts}，未超过半数：确认仍要登记吗？")
                return
            if n == 1:
                why = f"{counts}，未超过半数"
            elif n == 3:
                num, den = MATTER_CONGRESS_QUORUM
                why = (f"党员大会应到 {c.expected} 人，实到 {c.present} 人" if c.voting_expected == c.expected else
                       f"党员大会应到有表决权党员 {c.voting_expected} 人，实到 {c.voting_present} 人")
                why += f"，不足{_fraction(num, den)}"
            elif c.households is not None:
                why = f"{kind}{c.attendance_text()}，未达到{c.quorum_rule}（村民委员会组织法第二十二条）"
            else:
                why = f"{counts}，不足三分之二（村民委员会组织法第二十六条）"
            verdict.problem("meeting_id", f"{why}，{retry}")
            return
        if not c.vote_needed or is_rejected(step.outcome):
            return  # a valid sitting that voted it down: recorded, and the chain ends
        if not c.vote_recorded:
            verdict.problem("meeting_id", f"所选{kind}没有登记表决结果，无法核对{name}是否通过："
                                          "请在会议记录中填写赞成、反对、弃权票数")
        elif not c.passes:
            if n == 3:
                verdict.problem("outcome", f"党员大会应参加表决 {c.vote_base} 人，赞成 {c.votes[0]} 票，"
                                           "未超过应到会有表决权党员的半数，审议没有通过：请把结果登记为“未通过”，或核对票数")
            else:
                verdict.problem("outcome", f"{kind}{c.vote_base_label} {c.vote_base} 人，赞成 {c.votes[0]} 票，"
                                           "未超过半数，决议没有通过：请把结果登记为“未通过”，或核对票数")
