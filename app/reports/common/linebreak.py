"""Line breaking for table cells, by Chinese rules, measured with reportlab's metrics."""

from __future__ import annotations

import math
import re

from app.reports.common.fonts import CANNOT_END_EXTRA, CANNOT_START_EXTRA, register_fonts

# Table cells hold plain text broken into lines here, instead of one Paragraph per cell:
# drawing a thousand-row table of Paragraphs is several times slower. The rules are the same
# as for paragraphs: a line never starts with a closing mark (，。、；：？！）》…) nor ends with
# an opening one (（《“…); unlike reportlab, a closing mark is never left hanging past the
# cell edge: the character before it moves down with it. Runs of Latin letters and digits
# (numbers, dates, phone numbers) stay whole unless a run is wider than the cell.

_UNIT = re.compile(r"[A-Za-z0-9@#&_+\-*/.,:%]+|\s+|.", re.DOTALL)
_width_cache: dict[tuple[str, float, str], float] = {}


def _no_start_chars() -> str:
    from reportlab.lib import textsplit

    return textsplit.ALL_CANNOT_START + CANNOT_START_EXTRA


def _no_end_chars() -> str:
    from reportlab.lib import textsplit

    return textsplit.ALL_CANNOT_END + CANNOT_END_EXTRA


def text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    key = (font, size, text)
    width = _width_cache.get(key)
    if width is None:
        width = stringWidth(text, font, size)
        if len(text) == 1:  # cache single characters only: the cache must stay small
            _width_cache[key] = width
    return width


def break_lines(text: str, width: float, font: str, size: float,
                balanced: bool = False) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points (Chinese line-breaking rules).

    Line breaks in the text are kept. With ``balanced`` the lines of each paragraph get
    about the same number of characters (for column headings: 出生/年月, not 出生年/月).
    """
    register_fonts()
    lines: list[str] = []
    for paragraph in str(text).splitlines():
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if text_width(paragraph, font, size) <= width:
            lines.append(paragraph)
            continue
        broken = _break_paragraph(paragraph, width, font, size)
        if balanced and len(broken) > 1 and " " not in paragraph:
            per_line = math.ceil(len(paragraph) / len(broken))
            even = [paragraph[i:i + per_line] for i in range(0, len(paragraph), per_line)]
            if all(text_width(line, font, size) <= width for line in even):
                broken = even
        lines.extend(broken)
    return lines


def _break_paragraph(text: str, width: float, font: str, size: float) -> list[str]:
    no_start, no_end = _no_start_chars(), _no_end_chars()
    units: list[str] = []
    for unit in _UNIT.findall(text):
        if len(unit) > 1 and not unit.isspace() and text_width(unit, font, size) > width:
            units.extend(unit)  # a run wider than the cell: break it anywhere
        else:
            units.append(unit)

    lines: list[str] = []
    line: list[str] = []
    used = 0.0
    for unit in units:
        w = sum(text_width(c, font, size) for c in unit)
        if unit.isspace() and not line:
            continue
        if line and used + w > width + 0.01 and not unit.isspace():
            carry = [unit]
            # Move characters down until the next line does not start with a closing mark.
            while len(line) > 1 and carry[0][0] in no_start:
                carry.insert(0, line.pop())
            # And do not leave an opening mark at the end of this line.
            while len(line) > 1 and line[-1][-1] in no_end:
                carry.insert(0, line.pop())
            lines.append("".join(line).rstrip())
            while carry and carry[0].isspace():
                carry.pop(0)
            line = carry
            used = sum(text_width(c, font, size) for u in line for c in u)
            continue
        line.append(unit)
        used += w
    if line:
        lines.append("".join(line).rstrip())
    return [ln for ln in lines if ln]


def widest_run(text: str, font: str, size: float) -> float:
    """Width of the widest piece break_lines keeps whole (a number, a masked ID): a column
    narrower than this splits it."""
    register_fonts()
    runs = [unit for unit in _UNIT.findall(str(text)) if not unit.isspace()]
    return max([text_width(run, font, size) for run in runs] + [0.0])
