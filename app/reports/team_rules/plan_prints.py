"""The 年度党建计划 with how it went, the 主体责任清单 (A4 landscape) and one member's 责任书."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, HEADING_FONT, SIGNATURE_FONT, paragraph_style
from app.reports.common.grid_table import GridStyle, GridTable
from app.reports.common.page import MM, build_pdf, content_width
from app.reports.common.titles import title_paragraph
from app.services.common.dates import format_date_cn
from app.services.team_rules.team_types import MemberDuties, PlanView

STYLE = GridStyle(size=10.5, leading=14.5, pad_x=1.4 * MM, pad_y=1.5 * MM)
SEAL_ROOM = 30 * MM  # room for the seal over the signatures (at least 25 mm)
NONE_TEXT = "（未登记）"


def heading(text: str):
    from reportlab.platypus import Paragraph

    style = paragraph_style("team-heading", 13, HEADING_FONT, 19, spaceBefore=4 * MM, spaceAfter=2 * MM,
                            keepWithNext=1)
    return Paragraph(escape(text), style)


def line_of(text: str, size: float = 11, font: str = BODY_FONT, keep: bool = False):
    """A line of text; ``keep`` holds it on the page of what follows (a label above its table)."""
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), paragraph_style("team-line", size, font, size * 1.6, spaceAfter=1 * MM,
                                                   keepWithNext=int(keep)))


def column_widths(fixed: list[float], flexible: int, landscape: bool) -> list[float]:
    """Fixed columns in mm; the column at ``flexible`` takes what is left of the bound page."""
    widths = [w * MM for w in fixed]
    widths[flexible] = content_width(landscape, bound=True) - sum(widths)
    return widths


def plan_title(year: int) -> str:
    return f"{year}年度党建工作计划"


def build_plan(path: str | Path | BinaryIO, *, village: str, view: PlanView,
               print_date: dt.date) -> int:
    """The plan as a table with each line's 完成情况, its adoption and its changes (A4 landscape)."""
    title = plan_title(view.year)
    story = [title_paragraph(f"{village}{title}")]
    story.append(line_of(f"通过情况：{view.adopted_text or '尚未登记通过计划的会议'}"))
    counts = {state: view.count(state) for state in ("已完成", "逾期完成", "未完成", "未到期")}
    story.append(line_of(f"共{len(view.items)}项：" + "，".join(f"{k}{v}项" for k, v in counts.items())))
    header = ["序号", "时间", "工作内容", "责任人", "完成标准", "完成情况"]
    rows = [[str(n), row.data.when.label, row.data.content, row.owner, row.data.standard,
             f"{row.state}" + (f"：{row.proof_text}" if row.proof_text else "")]
            for n, row in enumerate(view.items, 1)]
    if rows:
        story.append(GridTable(column_widths([12, 20, 0, 22, 55, 62], 2, True), header, rows,
                               aligns=["center", "center", "left", "center", "left", "left"], style=STYLE))
    else:
        story.append(line_of("本年度还没有计划项目"))
    if view.changes:
        story.append(heading("计划调整记录"))
        story.append(GridTable(column_widths([30, 0, 70], 1, True), ["调整日期", "调整内容", "调整原因"],
                               [[format_date_cn(d), what, why] for d, what, why in view.changes], style=STYLE))
    return build_pdf(path, story, title=title, village=village, print_date=print_date, landscape=True, bound=True,
                     subject=f"{village}{title}")


def duties_title(year: int) -> str:
    return f"{year}年度全面从严治党主体责任清单"


def build_duties(path: str | Path | BinaryIO, *, village: str, year: int, members: list[MemberDuties],
                 print_date: dt.date) -> int:
    """Each member's list, the 书记's first as 第一责任人 (A4 landscape)."""
    title = duties_title(year)
    story = [title_paragraph(f"{village}{title}")]
    for member in members:
        role = "第一责任人" if member.first_responsible else "一岗双责"
        story.append(heading(f"{member.name}（{member.posts or '—'}）　{role}"))
        story.append(line_of(f"分工：{member.division or NONE_TEXT}", keep=bool(member.tasks)))
        if member.tasks:
            rows = [[str(n), t.data.task, format_date_cn(t.data.deadline),
                     t.state + (f"（{format_date_cn(t.data.done_on)}）" if t.data.done_on else ""), t.data.note]
                    for n, t in enumerate(member.tasks, 1)]
            story.append(GridTable(column_widths([12, 0, 36, 44, 60], 1, True),
                                   ["序号", "责任任务", "时限", "完成情况", "备注"], rows,
                                   aligns=["center", "left", "center", "center", "left"], style=STYLE))
        else:
            story.append(line_of("责任任务：" + NONE_TEXT))
        pledge = member.pledge
        signed = format_date_cn(pledge.signed_on) if pledge and pledge.signed_on else "未签订"
        story.append(line_of(f"责任书：{signed}　述责述廉：{member.report_text or NONE_TEXT}　"
                           f"考核结果：{(pledge.assessment if pledge else '') or NONE_TEXT}"))
    if not members:
        story.append(line_of("本年度没有在任的两委成员"))
    return build_pdf(path, story, title=title, village=village, print_date=print_date, landscape=True, bound=True,
                     subject=f"{village}{title}")


def pledge_title(year: int) -> str:
    return f"{year}年度全面从严治党主体责任书"


def build_pledge(path: str | Path | BinaryIO, *, village: str, org: str, year: int, member: MemberDuties,
                 secretary: str, print_date: dt.date) -> int:
    """One member's 责任书: the parties, the tasks, signature lines and room for the seal."""
    from reportlab.platypus import Spacer, Table, TableStyle

    title = pledge_title(year)
    story = [title_paragraph(f"{village}{title}")]
    story.append(line_of(f"责任单位：{org or village}", 12))
    if not member.first_responsible and secretary:
        story.append(line_of(f"第一责任人：{secretary}（党支部书记）", 12))
    story.append(line_of(f"责任人：{member.name}（{member.posts or '—'}）", 12))
    story.append(line_of(f"分工：{member.division or NONE_TEXT}", 12))
    duty = ("作为全面从严治党第一责任人，对本村党风廉政建设负总责" if member.first_responsible
            else "履行“一岗双责”，对分管领域的党风廉政建设负直接责任")
    story.append(line_of(f"为落实全面从严治党主体责任，责任人{duty}，{year}年度完成以下任务：", 12))
    if member.tasks:
        rows = [[str(n), t.data.task, format_date_cn(t.data.deadline)] for n, t in enumerate(member.tasks, 1)]
        story.append(GridTable(column_widths([12, 0, 40], 1, False), ["序号", "责任任务", "时限"], rows,
                               aligns=["center", "left", "center"], style=STYLE))
    else:
        story.append(line_of("责任任务：" + NONE_TEXT, 12))
    story.append(line_of("本责任书一式两份，党支部和责任人各执一份。年终由党支部组织述责述廉，考核结果记入档案。", 12))
    story.append(Spacer(1, 6 * MM))
    signed = format_date_cn(member.pledge.signed_on) if member.pledge and member.pledge.signed_on else "年　　月　　日"
    width = content_width(bound=True) / 2
    # The 书记 signs his own with the township's party committee; the others sign with the 书记.
    issuer = "乡镇党委（签字）：" if member.first_responsible else "党支部书记（签字）："
    cells = [[issuer, "责任人（签字）："], ["（盖章）", ""], [f"签订日期：{signed}", f"签订日期：{signed}"]]
    table = Table(cells, colWidths=[width, width], rowHeights=[12 * MM, SEAL_ROOM, 10 * MM])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), SIGNATURE_FONT, 12), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    table.keepWithPrevious = 1
    story.append(table)
    return build_pdf(path, story, title=title, village=village, print_date=print_date, bound=True,
                     subject=f"{member.name} {title}")
