"""The analysis as a Word file the township edits: the same order, tables and drafted problems, room for prose."""

from __future__ import annotations

from pathlib import Path

from app.reports.township.analysis_pdf import analysis_title
from app.services.common.safe_files import write_file
from app.services.township.analysis import NEXT_STEPS, Analysis, problem_line

PROSE_HINT = "（在此补充分析文字）"


def write_analysis_docx(analysis: Analysis, target: Path) -> Path:
    from docx import Document

    document = Document()
    document.add_heading(analysis_title(analysis), level=0)
    document.add_heading("一、分析研判情况", level=1)
    for number, (section, rows) in enumerate(analysis.figures, 1):
        document.add_heading(f"（{number}）{section}", level=2)
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ("项目", "数", "说明"), strict=True):
            cell.text = text
        for row in rows:
            for cell, text in zip(table.add_row().cells, (row.label, row.value, row.detail), strict=True):
                cell.text = text
        document.add_paragraph(PROSE_HINT)
    document.add_heading("二、存在问题", level=1)
    for line in [problem_line(p) for p in analysis.problems] or ["各村台账未见明显问题。"]:
        document.add_paragraph(line, style="List Number")
    document.add_heading("三、下一步努力方向", level=1)
    for step in NEXT_STEPS:
        document.add_heading(step, level=2)
        document.add_paragraph(PROSE_HINT)
    return write_file(Path(target), lambda temp: document.save(str(temp)))
