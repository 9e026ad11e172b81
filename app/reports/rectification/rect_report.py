"""整改情况报告 for one source (A4 portrait): the numbers, each problem with its measures and
results, what remains and the plan for it, signed by the 主要负责人 with room for the seal.
With ``lists``, the 问题清单 / 任务清单 / 责任清单 the township asks for follow as tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, HEADING_FONT, SIGNATURE_FONT, paragraph_style
from app.reports.common.grid_table import GridStyle, GridTable
from app.reports.common.page import MM, build_pdf, content_width
from app.reports.common.titles import title_paragraph
from app.reports.rectification.rect_ledger import counts_line
from app.services.common.dates import format_date_cn
from app.services.rectification.rect_types import CLOSED, KEEP_ON, ItemDetail, SourceRow

BODY_SIZE = 12
STYLE = GridStyle(size=10.5, leading=14, pad_x=1.3 * MM, pad_y=1.3 * MM)
NOTHING_LEFT = "本来源反馈的问题已全部整改完毕并销号。"
SIGNATURE = "主要负责人（签字）：　　　　　　　　　"
SEAL = "（盖章）"
LISTS = (
    ("问题清单", ["序号", "问题", "整改类型"], lambda d: [d.row.problem, d.row.kind]),
    ("任务清单", ["序号", "问题", "整改措施", "整改目标", "时限"],
     lambda d: [d.row.problem, "\n".join(d.row.measures), d.row.goal, d.row.deadline_text]),
    ("责任清单", ["序号", "问题", "责任领导", "责任人", "时限"],
     lambda d: [d.row.problem, d.row.leader, d.row.owner, d.row.deadline_text]),
)


def report_title(source: SourceRow) -> str:
    return f"关于{source.title}整改情况的报告"


def summary_text(source: SourceRow, print_date: dt.date) -> str:
    """The opening paragraph: who raised how many problems, and the numbers as they stand."""
    c = source.counts
    by = source.raised_by or "上级"
    return (f"{format_date_cn(source.raised_on)}，{by}反馈问题 {c.items} 个。截至{format_date_cn(print_date)}，"
            f"已完成 {c.closed} 个，正在整改 {c.in_progress + c.overdue} 个（其中逾期 {c.overdue} 个），长期坚持 {c.ongoing} 个，"
            f"整改完成率 {c.rate}。")


def item_text(detail: ItemDetail) -> list[str]:
    row = detail.row
    lines = [f"（{row.seq}）{row.problem}（{row.kind}，责任人：{row.owner or '未定'}"
             + (f"，时限：{format_date_cn(row.deadline)}" if row.deadline else "") + f"，{row.state}）"]
    lines += [f"整改措施{n}：{m}" for n, m in enumerate(row.measures, 1)]
    lines += [f"整改结果（{format_date_cn(p.date)}）：{p.text}"
              + (f"（佐证：{'、'.join([a.title for a in p.attachments] + [k.text for k in p.links])}）"
                 if p.attachments or p.links else "") for p in detail.progress]
    if row.state == CLOSED:
        lines.append(f"{format_date_cn(row.closed_on)}销号，验收人：{row.accepted_by}，验收意见：{row.acceptance}")
    return lines


def plan_text(detail: ItemDetail) -> str:
    row = detail.row
    if row.state == KEEP_ON:
        return f"（{row.seq}）{row.problem}：长期坚持，按季度检查，持续抓好落实。"
    when = f"确保{format_date_cn(row.deadline)}前整改到位" if row.deadline else "尽快整改到位"
    return f"（{row.seq}）{row.problem}：{row.state}，由{row.owner or '责任人'}继续落实{'、'.join(row.measures)}，{when}。"


def build_rect_report(path: str | Path | BinaryIO, *, village: str, source: SourceRow, details: list[ItemDetail],
                      print_date: dt.date, lists: bool = False, signer: str = "") -> int:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    body = paragraph_style("rect-body", BODY_SIZE, BODY_FONT, BODY_SIZE * 1.7, firstLineIndent=2 * BODY_SIZE)
    heading = paragraph_style("rect-h", 13, HEADING_FONT, 20, spaceBefore=3 * MM, keepWithNext=1)
    sign = paragraph_style("rect-sign", BODY_SIZE, SIGNATURE_FONT, BODY_SIZE * 2.2, alignment=TA_RIGHT)
    title = report_title(source)
    story: list = [title_paragraph(f"{village}\n{title}")]
    story.append(Paragraph(escape(summary_text(source, print_date)), body))
    story.append(Paragraph(escape(counts_line(source)), body))
    story.append(Paragraph("一、问题整改情况", heading))
    for detail in details:
        story += [Paragraph(escape(line), body) for line in item_text(detail)]
    story.append(Paragraph("二、尚未完成的问题及下一步计划", heading))
    remaining = [d for d in details if d.row.state != CLOSED]
    story += [Paragraph(escape(plan_text(d)), body) for d in remaining] or [Paragraph(NOTHING_LEFT, body)]
    signed = f"主要负责人（签字）：{signer}" if signer else SIGNATURE
    story.append(KeepTogether([Spacer(1, 10 * MM), Paragraph(escape(signed), sign),
                               Paragraph(escape(f"{village}党支部{SEAL}"), sign),
                               Paragraph(escape(format_date_cn(print_date)), sign)]))
    if lists:
        from reportlab.platypus import PageBreak

        width = content_width()
        for name, header, cells in LISTS:
            story += [PageBreak(), title_paragraph(f"{source.title}{name}", 18)]
            rest = width - 11 * MM
            widths = [11 * MM] + [rest / (len(header) - 1)] * (len(header) - 1)
            rows = [[str(d.row.seq), *cells(d)] for d in details]
            story.append(GridTable(widths, header, rows, aligns=["center"] + ["left"] * (len(header) - 1),
                                   style=STYLE))
    return build_pdf(path, story, title=title, village=village, print_date=print_date,
                     subject=f"{village}{title}")
