"""A year and a half of the sample village's meetings (longer when asked) and two 四议两公开 matters.

Realistic on purpose: one month without a 支委会 (the compliance view shows the gap) and one
matter that has stood at 审议 for two months (the matters list flags it).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from app.clock import Clock
from app.services.meetings.matters import MatterService
from app.services.meetings.meeting_kinds import Kind
from app.services.meetings.meeting_types import LEAVE, PRESENT, AttendanceData, MatterData, MeetingData, StepData
from app.services.meetings.meetings import MeetingService
from app.services.members.members import MemberService
from db.session import Database

THEMES = ["学习贯彻党的二十届四中全会精神", "人居环境整治志愿服务", "学习《中国共产党纪律处分条例》",
          "乡村振兴产业发展讨论", "防汛备汛动员", "关爱留守老人走访", "村规民约修订讨论", "秸秆禁烧宣传"]
LEAVE_REASONS = ["外出务工", "身体不适", "在县城照顾家人", "参加镇上培训"]
# What the secretary and a committee member talked about, as a clerk would write it down.
TALK_MINUTES = [
    lambda name: (f"一、{name}同志谈了分管工作情况：人居环境整治按计划推进，三组垃圾清运点还需调整。\n"
                  f"二、谈话人肯定了{name}同志的工作，指出入户走访记录不够及时，希望今后当天记录、按月汇总。\n"
                  f"三、{name}同志表示接受意见，对村务公开栏的更新提出了建议。双方交换了意见，达成共识。"),
    lambda name: (f"一、{name}同志汇报了思想和学习情况，谈到照顾家中老人与村里工作的时间安排。\n"
                  "二、谈话人提醒严格执行中央八项规定精神，婚丧喜庆事宜按规定报告。\n"
                  f"三、{name}同志表示将按时参加组织生活，做好分管的党员教育工作。"),
    lambda name: (f"一、{name}同志谈了对集体经济项目的想法，建议重大事项先在党员大会上充分讨论。\n"
                  "二、谈话人指出班子成员之间要多沟通，不同意见在会上摆出来。\n"
                  f"三、{name}同志表示赞同，将协助做好群众意见的收集和反馈。"),
]


def _month_starts(today: dt.date, months: int) -> list[dt.date]:
    first = dt.date(today.year, today.month, 1)
    result = []
    for back in range(months, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        result.append(dt.date(year, month + 1, 1))
    return result


def fill_demo_meetings(db: Database, clock: Clock, attachments: Path, months: int = 17) -> tuple[int, int]:
    """Add the sample meetings of this month and the ``months`` before it, and the matters; returns
    (meetings, matters) added."""
    meetings = MeetingService(db, clock, attachments)
    members = MemberService(db, clock)
    rng = random.Random(2026)
    rows = members.list_rows()
    ids = {r.name: r.id for r in rows}
    secretary, recorder = ids.get("李建国"), ids.get("王淑芬")
    today = clock.today()
    gap = _month_starts(today, 3)[0]  # three months ago: no 支委会 that month

    def hold(kinds: list[Kind], day: dt.date, topic: str, group: str = "", vote: bool = False,
             **extra) -> int:  # noqa: ANN003
        expected = meetings.expected_attendees([k.value for k in kinds], day, group)
        attendance = []
        for person in expected:
            away = rng.random() < 0.12
            attendance.append(AttendanceData(person.person_id, person.name, LEAVE if away else PRESENT,
                                             rng.choice(LEAVE_REASONS) if away else "", person.voting))
        if vote:  # all but one of the voting members present in favour, one abstains
            voters = sum(1 for a in attendance if a.status == PRESENT and a.voting)
            extra.update(votes_for=voters - 1, votes_against=0, votes_abstain=1)
        data = MeetingData(kinds=[k.value for k in kinds], topic=topic, date=day, start_time="09:00",
                           end_time="11:00", place="村党群服务中心会议室", host_id=secretary,
                           recorder_id=recorder, party_group=group, attendance=attendance,
                           agenda="一、传达学习上级精神\n二、研究讨论议题\n三、安排下阶段工作",
                           minutes=f"会议围绕“{topic}”进行了学习和讨论，与会人员逐一发言，形成一致意见。",
                           **extra)
        return meetings.save(data, confirmed=True)

    for first in _month_starts(today, months):
        if first > today:
            break
        month_day = lambda d: min(first.replace(day=d), today)  # noqa: E731
        if first != gap:
            hold([Kind.BRANCH_COMMITTEE], month_day(5), f"{first.month}月支委会：研究本月工作")
        theme = THEMES[first.month % len(THEMES)]
        if first.month in (3, 6, 9, 12):
            hold([Kind.THEME_DAY, Kind.PARTY_CONGRESS], month_day(10), f"主题党日暨党员大会：{theme}")
            hold([Kind.PARTY_LECTURE], month_day(15), f"书记讲党课：{theme}")
        else:
            hold([Kind.THEME_DAY], month_day(10), f"主题党日：{theme}")
        for group in ("第一党小组", "第二党小组", "第三党小组"):
            hold([Kind.PARTY_GROUP], month_day(20), f"{group}学习会", group)
        if first.month == 12:
            hold([Kind.LIFE_MEETING, Kind.APPRAISAL], month_day(25), f"{first.year}年度组织生活会和民主评议党员")
    _talks(meetings, rows, today, hold)
    matters = _matters(db, clock, hold, today)
    return meetings.count(), matters


def _talks(meetings, rows, today, hold) -> None:  # noqa: ANN001
    """The secretary's 谈心谈话 with each committee member this year (all but the last one)."""
    committee = [r for r in rows if any(t.startswith(("党支部", "组织", "纪检", "宣传")) for t in r.current_posts)]
    head = next((r for r in committee if "党支部书记" in r.current_posts), None)
    for n, member in enumerate(m for m in committee if m is not head):
        if n == 3 or head is None:
            continue  # one talk not held yet: the compliance view lists it
        day = min(dt.date(today.year, 2 + n, 12), today)
        attendance = [AttendanceData(head.id, head.name), AttendanceData(member.id, member.name)]
        hold_data = MeetingData(kinds=[Kind.HEART_TALK.value], topic=f"与{member.name}谈心谈话", date=day,
                                start_time="15:00", end_time="16:00", place="书记办公室", host_id=head.id,
                                attendance=attendance, minutes=TALK_MINUTES[n % len(TALK_MINUTES)](member.name))
        meetings.save(hold_data, confirmed=True)


def _matters(db, clock, hold, today) -> int:  # noqa: ANN001
    matters = MatterService(db, clock)
    done = matters.save(MatterData("村道硬化工程（三组至五组）", "项目", "党员群众建议",
                                   "修建 1.2 公里村道，资金来自上级补助和村集体", 48_600_000))
    start = today - dt.timedelta(days=150)
    steps = [(1, [Kind.BRANCH_COMMITTEE], "提议村道硬化工程"), (2, [Kind.JOINT_MEETING], "商议村道硬化工程"),
             (3, [Kind.PARTY_CONGRESS], "审议村道硬化工程"), (4, [Kind.REPRESENTATIVES], "决议村道硬化工程")]
    for number, kinds, topic in steps:
        day = start + dt.timedelta(days=7 * number)
        votes = {"votes_for": 20, "votes_against": 0, "votes_abstain": 1} if number == 3 else {}
        meeting_id = hold(kinds, day, topic, vote=number == 4, **votes)
        matters.add_step(done, StepData(number, day, meeting_id, "通过"), confirmed=True)
    for number, offset, text in ((5, 35, "村道硬化工程决议：经村民代表会议表决通过。"), (6, 140, "村道硬化工程已完工，验收合格。")):
        matters.add_step(done, StepData(number, start + dt.timedelta(days=offset), place="村务公开栏",
                                        posted_text=text), confirmed=True)
    stuck = matters.save(MatterData("集体鱼塘承包方案", "集体资产", "村干部提议", "鱼塘承包期满，重新公开发包", None))
    start = today - dt.timedelta(days=75)
    for number, kinds, topic in ((1, [Kind.BRANCH_COMMITTEE], "提议鱼塘承包方案"),
                                 (2, [Kind.JOINT_MEETING], "商议鱼塘承包方案"),
                                 (3, [Kind.PARTY_CONGRESS], "审议鱼塘承包方案")):
        day = start + dt.timedelta(days=5 * number)
        votes = {"votes_for": 19, "votes_against": 1, "votes_abstain": 1} if number == 3 else {}
        meeting_id = hold(kinds, day, topic, **votes)
        matters.add_step(stuck, StepData(number, day, meeting_id, "通过"), confirmed=True)
    return 2
