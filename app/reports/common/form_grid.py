"""Ruled label/value forms (会议记录, 四议两公开记录) whose long text continues over pages.

A FormGrid is a stack of bands the full width of the frame:
- a field row (FormBuilder.fields) is one band of label/value cell pairs; it never splits;
- a text row (FormBuilder.text) is a label cell on the left and a long value on the right,
  laid out one band per line, so the row can continue on the next page between any two
  lines. The label is drawn once over the row's part on each page (with （续） on the
  pages after the first), and no rule is drawn between the lines of one row.
A page never breaks after a band marked keep_with_next (the signature rows stay with the
end of the form), nor leaves fewer lines of a text row on a page than its label needs.
Text is broken by linebreak.break_lines (Chinese rules) and drawn like GridTable cells.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from app.reports.common.fonts import register_fonts
from app.reports.common.grid_table import GridStyle, split_piece
from app.reports.common.linebreak import break_lines, text_width
from app.reports.common.page import MM

FORM_STYLE = GridStyle(size=11, leading=16.5, pad_x=1.8 * MM, pad_y=2 * MM,
                       header_fill=(0.93, 0.93, 0.93))
LABEL_WIDTH = 26 * MM
CONTINUED = "（续）"
INDENT_CHARS = 2  # first-line indent of minutes paragraphs, in ideographs
MAX_FIELD_LINES = 20  # a longer field value is cut (use a text row for long text)
TRUNCATED_MARK = "……（内容过长，未印全）"


class Verbatim(str):
    """A value printed as one line exactly as given (spaces kept), centred: 　　年　　月　　日."""


@dataclass
class _Cell:
    x: float
    width: float
    lines: list[str]
    label: bool = False
    align: str = "left"  # or "center"
    indent: float = 0.0  # first line starts this far in (paragraph indent)


@dataclass
class _Band:
    height: float
    cells: list[_Cell]
    group: int | None = None  # bands of one text row share a group number
    line_top: float | None = None  # text rows: the line starts this far below the band top
    keep_with_next: bool = False


@dataclass
class _Group:
    label: str
    first: int  # index of the group's first band
    end: int = 0
    min_lines: int = 2


def text_lines(text: str, width: float, font: str, size: float,
               indent: float = 0.0) -> list[tuple[str, float]]:
    """Break ``text`` into (line, x offset) pairs; each paragraph's first line is indented."""
    lines: list[tuple[str, float]] = []
    for paragraph in str(text).splitlines():
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if indent:
            # Break the first line at the narrower width, then the rest at full width.
            first = break_lines(paragraph, width - indent, font, size)[0]
            lines.append((first, indent))
            paragraph = paragraph[len(first):].strip()
        lines.extend((line, 0.0) for line in break_lines(paragraph, width, font, size))
    return lines


@dataclass
class FormBuilder:
    """Collects the rows of one form; build() makes the flowable."""

    width: float
    label_width: float = LABEL_WIDTH
    style: GridStyle = FORM_STYLE
    bands: list[_Band] = field(default_factory=list)
    # Printed above the grid on each continuation page: which record the page continues.
    continued: str = ""
    groups: list[_Group] = field(default_factory=list)

    def fields(self, *pairs: tuple[str, str], min_height: float = 0.0,
               weights: tuple[float, ...] | None = None, keep_with_next: bool = False) -> None:
        """One unsplittable row of label/value pairs; the values share the width by weight."""
        st = self.style
        weights = weights or (1.0,) * len(pairs)
        spare = (self.width - len(pairs) * self.label_width) / sum(weights)
        cells, x = [], 0.0
        for (label, value), weight in zip(pairs, weights, strict=True):
            value_width = spare * weight
            cells.append(_Cell(x, self.label_width, self.label_lines(label), True, "center"))
            x += self.label_width
            if isinstance(value, Verbatim):
                lines, align = [str(value)], "center"
            else:
                lines, align = break_lines(value, value_width - 2 * st.pad_x, st.font, st.size), "left"
                if len(lines) > MAX_FIELD_LINES:  # a field row never splits: keep it on a page
                    lines = lines[:MAX_FIELD_LINES - 1] + [TRUNCATED_MARK]
            cells.append(_Cell(x, value_width, lines, False, align))
            x += value_width
        count = max(len(c.lines) for c in cells)
        height = max(count * st.leading + 2 * st.pad_y, min_height)
        self.bands.append(_Band(height, cells, keep_with_next=keep_with_next))

    def text(self, label: str, text: str, *, indent: bool = False, min_lines: int = 1,
             keep_with_next: bool = False) -> None:
        """A label and a long text that may continue over pages between any two lines."""
        st = self.style
        inner = self.width - self.label_width - 2 * st.pad_x
        lines = text_lines(text, inner, st.font, st.size,
                           INDENT_CHARS * st.size if indent else 0.0)
        # The row is at least as tall as its label (缺席人员/及原因 takes two lines).
        min_lines = max(min_lines, len(self.label_lines(label)))
        lines += [("", 0.0)] * (min_lines - len(lines))
        group = _Group(label, len(self.bands))
        group.min_lines = max(2, len(self.label_lines(label + CONTINUED)))
        number = len(self.groups)
        for i, (line, offset) in enumerate(lines):
            first, last = i == 0, i == len(lines) - 1
            height = st.leading + (st.pad_y if first else 0) + (st.pad_y if last else 0)
            cell = _Cell(self.label_width, self.width - self.label_width, [line] if line else [],
                         indent=offset)
            self.bands.append(_Band(height, [cell], number, st.pad_y if first else 0.0))
        self.bands[-1].keep_with_next = keep_with_next
        group.end = len(self.bands)
        self.groups.append(group)

    def label_lines(self, label: str) -> list[str]:
        st = self.style
        return break_lines(label, self.label_width - 2 * st.pad_x, st.header_font, st.size,
                           balanced=True)

    def build(self):
        global _FORM_GRID
        if _FORM_GRID is None:
            register_fonts()
            _FORM_GRID = _form_grid_class()
        return _FORM_GRID(self)


def _form_grid_class():
    from reportlab.platypus.flowables import Flowable

    class FormGrid(Flowable):
        def __init__(self, builder: FormBuilder):
            super().__init__()
            self.builder = builder
            self.bands, self.groups, self.style = builder.bands, builder.groups, builder.style
            self.tops = [0.0]
            for band in self.bands:
                self.tops.append(self.tops[-1] + band.height)
            self._start, self._end = 0, len(self.bands)

        def _piece(self, start: int, end: int):
            return split_piece(self, start, end)

        def _note_height(self) -> float:
            return self.style.leading * 1.6 if self._start > 0 and self.builder.continued else 0.0

        def wrap(self, avail_width, avail_height):
            self.width = self.builder.width
            self.height = self.tops[self._end] - self.tops[self._start] + self._note_height()
            return self.width, self.height

        def split(self, avail_width, avail_height):
            limit = self.tops[self._start] + avail_height - self._note_height() + 1e-6
            end = bisect.bisect_right(self.tops, limit, self._start, self._end + 1) - 1
            if end >= self._end:
                return [self]
            end = self._allowed_break(end)
            if end <= self._start:
                return []  # nothing fits here: go on to the next page
            return [self._piece(self._start, end), self._piece(end, self._end)]

        def _allowed_break(self, end: int) -> int:
            """The last break at or before ``end`` that the keep rules allow."""
            while end > self._start:
                before, after = self.bands[end - 1], self.bands[end]
                if before.keep_with_next:
                    end -= 1
                    continue
                if before.group is not None and before.group == after.group:
                    group = self.groups[before.group]
                    here = end - max(group.first, self._start)
                    if here < group.min_lines or group.end - end < group.min_lines:
                        end -= 1
                        continue
                return end
            return end

        def draw(self):
            canvas, st = self.canv, self.style
            bands = self.bands[self._start:self._end]
            note = self._note_height()
            top_of = [self.height - note - (self.tops[i] - self.tops[self._start])
                      for i in range(self._start, self._end + 1)]
            canvas.saveState()
            if note:
                canvas.setFont(st.font, st.size)
                canvas.drawString(0, self.height - st.leading, self.builder.continued)
            # Each band's cells left to right, a text row's label at its first band on this
            # page: that order is also the reading order when the text is copied out.
            drawn: list[tuple[_Cell, float, float, float | None]] = []
            for k, band in enumerate(bands):
                index = k + self._start
                if band.group is not None and (k == 0 or bands[k - 1].group != band.group):
                    group = self.groups[band.group]
                    label = group.label + (CONTINUED if index > group.first else "")
                    cell = _Cell(0.0, self.builder.label_width, self.builder.label_lines(label),
                                 True, "center")
                    stop = min(group.end, self._end) - self._start
                    drawn.append((cell, top_of[k], top_of[k] - top_of[stop], None))
                drawn += [(cell, top_of[k], band.height, None if cell.label else band.line_top)
                          for cell in band.cells]
            canvas.setFillColorRGB(*st.header_fill)
            for cell, top, height, _ in drawn:
                if cell.label:
                    canvas.rect(cell.x, top - height, cell.width, height, stroke=0, fill=1)
            canvas.setFillColorRGB(0, 0, 0)
            for cell, top, height, line_top in drawn:
                self._draw_lines(cell, top, height, line_top)
            self._draw_rules(bands, top_of)
            canvas.restoreState()

        def _draw_lines(self, cell: _Cell, top: float, height: float, line_top):
            st = self.style
            if not cell.lines:
                return
            font = st.header_font if cell.label else st.font
            if line_top is None:  # centre the block of lines vertically
                line_top = (height - len(cell.lines) * st.leading) / 2
            text = self.canv.beginText()
            text.setFont(font, st.size, st.leading)
            for n, line in enumerate(cell.lines):
                baseline = (top - line_top - (n + 1) * st.leading
                            + (st.leading - st.size) / 2 + 0.12 * st.size)
                x = cell.x + st.pad_x + (cell.indent if n == 0 else 0.0)
                spare = cell.width - 2 * st.pad_x - text_width(line, font, st.size)
                if cell.align == "center":
                    x += spare / 2
                text.setTextOrigin(x, baseline)
                text.textOut(line)
            self.canv.drawText(text)

        def _draw_rules(self, bands: list[_Band], top_of: list[float]):
            canvas = self.canv
            canvas.setStrokeColorRGB(0, 0, 0)
            canvas.setLineWidth(self.style.line_width)
            lines = []
            for k, band in enumerate(bands):
                top, bottom = top_of[k], top_of[k + 1]
                joined = k > 0 and band.group is not None and band.group == bands[k - 1].group
                if not joined:
                    lines.append((0, top, self.width, top))
                edges = {cell.x for cell in band.cells} | {0.0, self.width}
                lines += [(x, top, x, bottom) for x in sorted(edges)]
            lines.append((0, top_of[-1], self.width, top_of[-1]))
            canvas.lines(lines)

    return FormGrid


_FORM_GRID = None
