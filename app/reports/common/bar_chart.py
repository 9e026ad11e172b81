"""Horizontal bars drawn with reportlab.graphics: one bar per Bar, ``done`` out of ``due``.

Each row: the label at the left (wrapped onto more lines when it is long, never clipped),
an outlined track that stands for everything due, filled for the part done, and the figures
written beside the track (10/12（83%）), so the chart reads without colour and in grey print.
A row done beyond what was due (more meetings than required) fills the whole track; the text
tells the real numbers.
"""

from __future__ import annotations

from app.reports.common.fonts import SANS_FONT, register_fonts
from app.reports.common.linebreak import break_lines, text_width
from app.reports.common.page import MM
from app.services.workbench.workbench_types import Bar

LABEL_SIZE = 10.5
LABEL_LEADING = 13.5
BAR_HEIGHT = 4.2 * MM
ROW_GAP = 2.4 * MM
LABEL_MAX_SHARE = 0.36  # a label column wider than this part of the chart wraps its labels
GAP = 2.5 * MM
TRACK_COLOR = (0.35, 0.35, 0.35)
FILL_COLOR = (0.30, 0.30, 0.30)


def bar_rate(bar: Bar) -> str:
    """83%; — when nothing was due."""
    return f"{round(bar.done * 100 / bar.due)}%" if bar.due else "—"


def bar_text(bar: Bar) -> str:
    """What is written beside the bar: 10/12（83%）, or 0/0（未到期） when nothing has fallen due."""
    return f"{bar.fraction}（{bar_rate(bar) if bar.due else '未到期'}）"


def label_width(bars: list[Bar], width: float) -> float:
    """The label column of a chart ``width`` wide: the widest label, up to a share of it.

    Charts printed one under the other share one label width so that their tracks line up.
    """
    widest = max([text_width(b.label, SANS_FONT, LABEL_SIZE) for b in bars] + [0])
    return min(widest + 1, width * LABEL_MAX_SHARE)


def bar_chart(bars: list[Bar], width: float, labels_width: float | None = None):
    """A Drawing (a flowable) ``width`` points wide, as tall as its rows need."""
    register_fonts()
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.lib.colors import Color

    bars = list(bars)
    label_w = labels_width if labels_width is not None else label_width(bars, width)
    value_w = max([text_width(bar_text(b), SANS_FONT, LABEL_SIZE) for b in bars] + [0]) + 1
    track_x = label_w + GAP
    track_w = max(width - track_x - GAP - value_w, 20 * MM)
    rows = [(bar, break_lines(bar.label, label_w, SANS_FONT, LABEL_SIZE) or [""]) for bar in bars]
    heights = [max(BAR_HEIGHT, len(lines) * LABEL_LEADING) + ROW_GAP for _, lines in rows]
    drawing = Drawing(width, sum(heights))
    # The renderer starts from Helvetica unless told otherwise: a font that is never embedded.
    drawing.initialFontName, drawing.initialFontSize = SANS_FONT, LABEL_SIZE
    track = Color(*TRACK_COLOR)
    fill = Color(*FILL_COLOR)
    top = sum(heights)
    for (bar, lines), height in zip(rows, heights, strict=True):
        middle = top - height / 2
        # CJK glyphs span about -0.12..0.88 em around the baseline: centre them on the bar.
        first_baseline = middle + (len(lines) - 1) * LABEL_LEADING / 2 - 0.38 * LABEL_SIZE
        for n, line in enumerate(lines):
            drawing.add(String(label_w, first_baseline - n * LABEL_LEADING, line,
                               fontName=SANS_FONT, fontSize=LABEL_SIZE, textAnchor="end"))
        bar_y = middle - BAR_HEIGHT / 2
        drawing.add(Rect(track_x, bar_y, track_w, BAR_HEIGHT, strokeColor=track,
                         strokeWidth=0.6, fillColor=None))
        if bar.due and bar.done:
            share = min(bar.done / bar.due, 1.0)
            drawing.add(Rect(track_x, bar_y, track_w * share, BAR_HEIGHT, strokeColor=None,
                             fillColor=fill))
        drawing.add(String(track_x + track_w + GAP, middle - 0.38 * LABEL_SIZE, bar_text(bar),
                           fontName=SANS_FONT, fontSize=LABEL_SIZE))
        top -= height
    return drawing
