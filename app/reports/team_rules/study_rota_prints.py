"""The year's 学习台账 with each member's 学时统计, the month's 值班表 for the board, and the
值班记录 book."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

from app.reports.common.grid_table import GridTable
from app.reports.common.page import build_pdf
from app.reports.common.titles import title_paragraph
from app.reports.team_rules.plan_prints import STYLE, heading, line_of, column_widths
from app.services.common.dates import format_date_cn
from app.services.team_rules.team_types import (
    DutyLogData,
    RotaDay,
    SelfStudyRow,
    SessionRow,
    StudyRequirement,
    StudyTotal,
    hours_text,
)

WEEKDAYS = "一二三四五六日"
MISSING_LOG = "（未登记值班记录）"


def study_title(year: int) -> str:
    return f"{year}年度学习台账"


def build_study(path: str | Path | BinaryIO, *, village: str, year: int, sessions: list[SessionRow],
                self_study: list[SelfStudyRow], totals: list[StudyTotal], requirement: StudyRequirement,
                print_date: dt.date) -> int:
    """集中学习 sessions, 个人自学 entries and the 学时统计 against the requirement (A4 landscape)."""
    title = study_title(year)
    per = "每月" if requirement.per == "month" else "每季度"
    story = [title_paragraph(f"{village}{title}"),
             line_of(f"学习要求：{per}集中学习不少于{requirement.sessions}次，每人每年不少于"
                   f"{hours_text(requirement.hours)}学时")]
    story.append(heading("一、学时统计"))
    rows = [[t.name, hours_text(t.group_hours), hours_text(t.self_hours), hours_text(t.total),
             hours_text(t.required), f"差{hours_text(t.short)}学时" if t.short else "已达标"] for t in totals]
    story.append(GridTable(column_widths([0, 30, 30, 30, 30, 40], 0, True),
                           ["姓名", "集中学习学时", "自学学时", "合计", "应达学时", "情况"], rows,
                           aligns=["center"] * 6, style=STYLE))
    story.append(heading(f"二、集中学习（共{len(sessions)}次）"))
    if sessions:
        rows = [[str(n), format_date_cn(s.date), s.topic + (f"（{s.materials}）" if s.materials else ""), s.speaker,
                 hours_text(s.hours), "、".join(s.present), "、".join(s.absent)] for n, s in enumerate(sessions, 1)]
        story.append(GridTable(column_widths([12, 34, 0, 20, 14, 62, 45], 2, True),
                               ["序号", "日期", "学习内容", "主讲人", "学时", "出席", "请假、缺席"], rows,
                               aligns=["center", "center", "left", "center", "center", "left", "left"], style=STYLE))
    else:
        story.append(line_of("本年度没有集中学习记录"))
    story.append(heading(f"三、个人自学（共{len(self_study)}条）"))
    if self_study:
        rows = [[str(n), format_date_cn(e.date), e.name, e.content, hours_text(e.hours)]
                for n, e in enumerate(self_study, 1)]
        story.append(GridTable(column_widths([12, 34, 25, 0, 16], 3, True), ["序号", "日期", "姓名", "学习内容", "学时"],
                               rows, aligns=["center", "center", "center", "left", "center"], style=STYLE))
    else:
        story.append(line_of("本年度没有个人自学记录"))
    return build_pdf(path, story, title=title, village=village, print_date=print_date, landscape=True, bound=True,
                     subject=f"{village}{title}")


def rota_title(year: int, month: int) -> str:
    return f"{year}年{month}月值班表"


def holiday_rota_title(year: int, holiday: str) -> str:
    return f"{year}年{holiday}假期值班表"


def build_rota(path: str | Path | BinaryIO, *, village: str, title: str, days: list[RotaDay],
               phone: str, print_date: dt.date) -> int:
    """A 值班表 for the board (A4 portrait): a month's, or a holiday's; holidays name their 带班领导."""
    rows = [[format_date_cn(d.day), f"星期{WEEKDAYS[d.day.weekday()]}",
             d.kind + (f"（{d.holiday}）" if d.holiday else ""),
             d.on_duty[1] if d.on_duty else "（未排班）", d.leader[1] if d.leader else ""] for d in days]
    story = [title_paragraph(f"{village}{title}"),
             GridTable(column_widths([40, 20, 0, 32, 32], 2, False), ["日期", "星期", "类别", "值班人员", "带班领导"], rows,
                       aligns=["center"] * 5, style=STYLE)]
    if phone:
        story.append(line_of(f"值班电话：{phone}"))
    return build_pdf(path, story, title=title, village=village, print_date=print_date, subject=f"{village}{title}")


def duty_log_title(year: int, month: int) -> str:
    return f"{year}年{month}月值班记录"


def build_duty_log(path: str | Path | BinaryIO, *, village: str, year: int, month: int,
                   days: list[RotaDay], logs: dict[dt.date, tuple[DutyLogData, str]], print_date: dt.date) -> int:
    """The 值班记录 book: a block per duty day; a past duty day without a log says so."""
    title = duty_log_title(year, month)
    story = [title_paragraph(f"{village}{title}")]
    shown = [d for d in days if d.on_duty or d.day in logs]
    for d in shown:
        found = logs.get(d.day)
        who = found[1] if found and found[1] else (d.on_duty[1] if d.on_duty else "")
        leader = f"　带班领导：{d.leader[1]}" if d.leader else ""
        story.append(heading(f"{format_date_cn(d.day)}　星期{WEEKDAYS[d.day.weekday()]}　值班人员：{who}{leader}"))
        if found is None:
            story.append(line_of(MISSING_LOG if d.day < print_date else "（尚未到期）"))
            continue
        log = found[0]
        rows = [[label, text or "无"] for label, text in (("来电", log.calls), ("来访", log.visits),
                                                         ("事件", log.events), ("处理情况", log.handling),
                                                         ("交接", log.handover))]
        story.append(GridTable(column_widths([28, 0], 1, False), ["项目", "内容"], rows, aligns=["center", "left"],
                               style=STYLE))
    if not shown:
        story.append(line_of("本月没有排班，也没有值班记录"))
    return build_pdf(path, story, title=title, village=village, print_date=print_date, bound=True,
                     subject=f"{village}{title}")
