"""年度工作台账汇总 (or the same for a term, 届中), A4 portrait, for the township's review.

Sections: 一、会议召开情况 二、三公开情况 三、纪律提醒办理情况 四、“四议两公开”事项进展, each a
bar chart (bar_chart.py) and a small table of the same figures whose headers say what each
number counts (the meetings table adds the meetings actually held); 五、存在的问题 (the gaps,
numbered, or 无); 六、“两委”班子 (the team on the last day, with 一肩挑 / 交叉任职); 七、the
village's sign-off beside the township's review, kept on one page with 六; then, small, the
audit log's head (entries and last hash) at print time.
A section with nothing due and nothing done prints 本期没有相关记录 instead of empty bars.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.common.bar_chart import bar_chart, bar_rate, label_width
from app.reports.common.fonts import BODY_FONT, HEADING_FONT, SIGNATURE_FONT, paragraph_style
from app.reports.common.form_grid import FormBuilder, Verbatim
from app.reports.common.grid_table import GridStyle, GridTable
from app.reports.common.page import MM, build_pdf, content_width
from app.reports.common.titles import title_paragraph
from app.services.common.dates import format_date_cn
from app.services.workbench.workbench_types import Bar, Figures

HEADING_SIZE = 14
BODY_SIZE = 11.5
NONE_TEXT = "无"
EMPTY_SECTION = "本期没有相关记录"
TABLE_STYLE = GridStyle(size=10.5, leading=14, pad_x=1.4 * MM, pad_y=1.3 * MM)
SIGNATURE_HEIGHT = 16 * MM
DATE_BLANK = Verbatim("　　　　年　　　月　　　日")
NO_TEAM = "（暂无在任的两委班子成员）"
TEAM_HEADER = ["序号", "姓名", "职务", "备注"]
TEAM_RULES_HEADING = "班子制度落实情况"

NUMBER_WIDTH = 27 * MM
RATE_WIDTH = 20 * MM
NO_COUNT = "—"
PEOPLE, SITTINGS = "人", "次"
REVIEW_HEADING = "七、填报与审核"
RECTIFICATION_HEADING = "整改落实情况"  # printed when the period has 整改台账 items

# (heading, Figures attribute, table header, note under the table): the four sections drawn
# as bars. The header says exactly what each number is: the bars count a meeting period at
# most its required number of times, so the meetings table adds the meetings really held.
SECTIONS = (
    ("一、会议召开情况", "meetings", ["会议类型", "达标次数", "应开次数", "实际召开次数", "完成率"],
     "注：只计已到期或已达标的周期（未到期的当月、当季不计）；达标次数每个周期最多计应开次数，"
     "多开的会议不抵其他周期；实际召开次数为这些周期内召开的会议数；谈心谈话的达标和应开按委员人数计"
     "（一次谈话的双方都算谈过），实际召开次数为谈话次数。"),
    ("二、三公开情况", "notices", ["公开类别", "按时公开期数", "应公开期数", "按时率"], ""),
    ("三、纪律提醒办理情况", "reminders", ["提醒类型", "已办理次数", "应办理次数", "办理率"], ""),
    ("四、“四议两公开”事项进展", "matters", ["所处步骤", "事项数", "事项总数", "占比"], ""),
)


@dataclass(frozen=True)
class TeamLine:
    """One member of the 两委 team as printed: 职务 joined with 、, 备注 一肩挑 / 交叉任职."""

    name: str
    posts: str
    note: str = ""


def summary_title(village: str, figures: Figures, term: bool) -> str:
    """红旗村2026年度工作台账汇总; 红旗村届中工作台账汇总 (the term is named under the title)."""
    if term:
        return f"{village}届中工作台账汇总"
    return f"{village}{figures.first.year}年度工作台账汇总"


def period_lines(figures: Figures, term: bool, print_date: dt.date) -> list[str]:
    """届次 (for a term) and 统计期间, which says when the figures stop short of its end."""
    lines = [f"届次：{figures.title.removesuffix('届中')}"] if term else []
    period = f"统计期间：{format_date_cn(figures.first)}至{format_date_cn(figures.last)}"
    if print_date < figures.last:
        period += f"（统计截至{format_date_cn(print_date)}）"
    return lines + [period]


def _figures_table(bars: tuple[Bar, ...], header: list[str]):
    """Done, due (and, for meetings, the meetings actually held), then the rate, as the header says."""
    with_actual = len(header) == 5
    widths = [0.0] + [NUMBER_WIDTH] * (len(header) - 2) + [RATE_WIDTH]
    widths[0] = content_width(bound=True) - sum(widths)
    rows = []
    for b in bars:
        # A per-member row counts members (both sides of a talk) beside the talks held: units say so.
        people = PEOPLE if b.per_member else ""
        actual = [NO_COUNT if b.actual is None else f"{b.actual}{SITTINGS if b.per_member else ''}"] \
            if with_actual else []
        rows.append([b.label, f"{b.done}{people}", f"{b.due}{people}", *actual, bar_rate(b)])
    return GridTable(widths, header, rows, aligns=["left"] + ["right"] * (len(header) - 1),
                     style=TABLE_STYLE)


def _team_table(team: list[TeamLine]):
    widths = [13 * MM, 30 * MM, 0.0, 34 * MM]
    widths[2] = content_width(bound=True) - sum(widths)
    rows = [[str(i), t.name, t.posts, t.note] for i, t in enumerate(team, 1)]
    return GridTable(widths, TEAM_HEADER, rows, aligns=["center", "center", "left", "center"],
                     style=TABLE_STYLE)


def _review_form():
    """The village signs the summary off (seal, secretary, who filled it in, when) beside the
    township's review of it."""
    form = FormBuilder(content_width(bound=True), label_width=27 * MM)
    form.fields(("村党组织\n（盖章）", ""), ("乡镇（街道）\n审核意见", ""), min_height=42 * MM,
                keep_with_next=True)
    form.fields(("书记签字", ""), ("审核人签字", ""), min_height=SIGNATURE_HEIGHT, keep_with_next=True)
    form.fields(("填报人", ""), ("审核日期", DATE_BLANK), min_height=SIGNATURE_HEIGHT * 0.7,
                keep_with_next=True)
    form.fields(("填报日期", DATE_BLANK), ("", ""))
    return form.build()


def chain_head_lines(chain_head: tuple[int, str] | None, style) -> list:  # noqa: ANN001
    """The audit log's head as it stood at print time: a later check of the log against this
    sheet shows whether entries were removed or rewritten since."""
    from reportlab.platypus import Paragraph, Spacer

    if chain_head is None:
        return []
    entries, last_hash = chain_head
    text = f"操作日志：打印时共 {entries} 条" + (f"，末条哈希 {last_hash}" if last_hash else "")
    return [Spacer(1, 2 * MM), Paragraph(escape(text), style)]


def build_work_summary(
    path: str | Path | BinaryIO,
    *,
    village: str,
    figures: Figures,
    team: list[TeamLine],
    team_summary: str,
    team_day: dt.date,
    print_date: dt.date,
    term: bool = False,
    chain_head: tuple[int, str] | None = None,
    bodies: tuple[str, ...] = (),
    team_rules: list[str] | None = None,
) -> int:
    """Write the 工作台账汇总 of ``figures`` to ``path``; return its page count.

    ``team`` is the 两委 team on ``team_day`` in print order; ``team_summary`` the one-line
    一肩挑 / 交叉任职 summary (team.describe). ``term`` prints the 届中 title. ``chain_head``
    (entries, last hash) of the audit log prints small at the end (chain_head_lines). ``bodies``:
    one line a body (健全 and last activity, bodies/body_health.py), printed under the team.
    """
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    heading = paragraph_style("summary-heading", HEADING_SIZE, HEADING_FONT, HEADING_SIZE * 1.5,
                              spaceBefore=5 * MM, spaceAfter=2 * MM, keepWithNext=1)
    body = paragraph_style("summary-body", BODY_SIZE, BODY_FONT, BODY_SIZE * 1.6)
    period = paragraph_style("summary-period", BODY_SIZE, BODY_FONT, BODY_SIZE * 1.6,
                             alignment=1)
    small = paragraph_style("summary-note", TABLE_STYLE.size - 1, SIGNATURE_FONT, (TABLE_STYLE.size - 1) * 1.5)
    head_style = paragraph_style("summary-chain-head", 8, BODY_FONT, 11, spaceBefore=0)
    gap = paragraph_style("summary-gap", BODY_SIZE, BODY_FONT, BODY_SIZE * 1.6,
                          leftIndent=2 * BODY_SIZE, firstLineIndent=-2 * BODY_SIZE)
    title = summary_title(village, figures, term)
    width = content_width(bound=True)
    story: list = [title_paragraph(title)]
    story += [Paragraph(escape(line), period) for line in period_lines(figures, term, print_date)]
    story.append(Spacer(1, 2 * MM))
    labels_width = label_width([b for _, a, _, _ in SECTIONS for b in getattr(figures, a)], width)
    for head, attribute, header, note in SECTIONS:
        bars = getattr(figures, attribute)
        if not any(b.due or b.done for b in bars):  # nothing due, nothing done: no chart
            story.append(KeepTogether([Paragraph(escape(head), heading), Paragraph(EMPTY_SECTION, body)]))
            continue
        # One picture per point, never split from its heading: the meetings as a table (it
        # adds the meetings really held), the others as a chart (a table would repeat it).
        if attribute == "meetings":
            shown = [_figures_table(bars, header), Spacer(1, 1 * MM), Paragraph(escape(note), small)]
        else:
            shown = [bar_chart(list(bars), width, labels_width)]
        story.append(KeepTogether([Paragraph(escape(head), heading), *shown]))

    if figures.rectification:
        story.append(KeepTogether([Paragraph(RECTIFICATION_HEADING, heading),
                                   *[Paragraph(escape(line), body) for line in figures.rectification]]))

    story.append(Paragraph("五、存在的问题", heading))
    if figures.gaps:
        story += [Paragraph(escape(f"{n}. {text}"), gap) for n, text in enumerate(figures.gaps, 1)]
    else:
        story.append(Paragraph(NONE_TEXT, body))

    # The sign-off goes over with the part before it (the team, its rules, or the bodies' lines),
    # so no page holds the signatures alone; a part too long for one page still splits.
    parts = [[Paragraph("六、“两委”班子", heading),
              Paragraph(escape(f"截至{format_date_cn(team_day)}：{team_summary}"), body),
              Spacer(1, 2 * MM),
              _team_table(team) if team else Paragraph(NO_TEAM, body)]]
    if team_rules:  # the team's own rules (team_rules/team_summary.py), under the team they bind
        parts.append([Paragraph(TEAM_RULES_HEADING, heading),
                      *(Paragraph(escape(f"{n}. {text}"), gap) for n, text in enumerate(team_rules, 1))])
    if bodies:
        parts.append([Paragraph("各组织健全情况", heading), *(Paragraph(escape(line), body) for line in bodies)])
    story += [KeepTogether(part) for part in parts[:-1]]
    story.append(KeepTogether([*parts[-1], Paragraph(REVIEW_HEADING, heading), _review_form(),
                               *chain_head_lines(chain_head, head_style)]))
    short = title[len(village):] if title.startswith(village) else title
    return build_pdf(path, story, title=short, village=village, print_date=print_date,
                     subject=title, bound=True)
