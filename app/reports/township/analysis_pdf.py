"""The township's 分析研判 for print: figures by section, the drafted problems, headings for the next steps."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, SANS_FONT, TITLE_FONT, paragraph_style
from app.reports.common.grid_table import GridTable
from app.reports.common.page import MM, build_pdf, content_width
from app.services.township.analysis import NEXT_STEPS, Analysis, problem_line


def analysis_title(analysis: Analysis) -> str:
    return f"{analysis.town}村（社区）“两委”班子{analysis.title}分析研判情况"


def build_analysis_pdf(path: str | Path, analysis: Analysis) -> int:
    from reportlab.platypus import Paragraph, Spacer

    title = paragraph_style("an-title", 18, TITLE_FONT, 26, alignment=1)
    heading = paragraph_style("an-heading", 14, SANS_FONT, 22, spaceBefore=4 * MM, keepWithNext=1)
    body = paragraph_style("an-body", 12, BODY_FONT, 20)
    section_heading = paragraph_style("an-section", 12, BODY_FONT, 20, keepWithNext=1)  # never alone at a page's foot
    width = content_width()
    story = [Paragraph(escape(analysis_title(analysis)), title), Spacer(1, 6 * MM),
             Paragraph(escape("一、分析研判情况"), heading)]
    for number, (section, rows) in enumerate(analysis.figures, 1):
        story.append(Paragraph(escape(f"（{number}）{section}"), section_heading))
        story.append(GridTable([width * 0.4, width * 0.25, width * 0.35], ["项目", "数", "说明"],
                               [[r.label, r.value, r.detail] for r in rows], aligns=["left", "right", "left"]))
        story.append(Spacer(1, 3 * MM))
    story.append(Paragraph(escape("二、存在问题"), heading))
    lines = [problem_line(p) for p in analysis.problems] or ["各村台账未见明显问题。"]
    story += [Paragraph(escape(f"{i}. {line}"), body) for i, line in enumerate(lines, 1)]
    story.append(Paragraph(escape("三、下一步努力方向"), heading))
    for step in NEXT_STEPS:
        story += [Paragraph(escape(step), body), Spacer(1, 14 * MM)]
    return build_pdf(path, story, title=f"{analysis.title}分析研判", village=analysis.town,
                     print_date=analysis.made_on)
