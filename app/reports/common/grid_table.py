"""A ruled table of plain-text cells: header repeated on every page, rows never split."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from app.reports.common.fonts import BODY_FONT, HEADING_FONT, register_fonts
from app.reports.common.linebreak import break_lines, text_width
from app.reports.common.page import MM


@dataclass(frozen=True)
class GridStyle:
    """Fonts, sizes and spacing of a GridTable (forms and tables: 10.5–12 pt)."""

    font: str = BODY_FONT
    header_font: str = HEADING_FONT
    size: float = 10.5
    leading: float = 14.0
    pad_x: float = 1 * MM
    pad_y: float = 1.3 * MM
    header_fill: tuple[float, float, float] = (0.85, 0.85, 0.85)
    line_width: float = 0.5

    def lay_out(self, texts: list[str], widths: list[float],
                header: bool = False) -> tuple[list[list[str]], float]:
        """Break each cell's text for its column; return the lines and the row height."""
        font = self.header_font if header else self.font
        lines = [break_lines(text, width - 2 * self.pad_x, font, self.size, balanced=header)
                 for text, width in zip(texts, widths, strict=True)]
        count = max([1] + [len(cell) for cell in lines])
        return lines, count * self.leading + 2 * self.pad_y


def split_piece(flowable, start: int, end: int):  # noqa: ANN001, ANN201 - a splittable Flowable
    """A copy of ``flowable`` showing its rows (or bands) ``start`` to ``end``: what split() returns."""
    piece = object.__new__(type(flowable))
    piece.__dict__.update(flowable.__dict__)
    # Layout marks that platypus leaves on the flowable belong to this piece only.
    for mark in ("_postponed", "canv", "_frame"):
        piece.__dict__.pop(mark, None)
    piece._start, piece._end = start, end
    return piece


def _grid_table_class():
    from reportlab.platypus.flowables import Flowable

    class GridTable(Flowable):
        """A ruled table whose header row repeats on every page and whose rows never split.

        Cells are plain text broken into lines by break_lines(), vertically centred. Each
        row is measured once; the pieces of a split table share the measurements, so
        breaking a long table across pages costs nothing per page.
        """

        def __init__(self, widths: list[float], header: list[str], rows: list[list[str]], *,
                     aligns: list[str] | None = None, style: GridStyle = GridStyle()):
            super().__init__()
            self.widths = list(widths)
            self.style = style
            self.aligns = list(aligns or ["center"] * len(widths))
            self.header_lines, self.header_height = style.lay_out(header, self.widths, True)
            self.row_lines: list[list[list[str]]] = []
            self.row_heights: list[float] = []
            for texts in rows:
                lines, height = style.lay_out(texts, self.widths)
                self.row_lines.append(lines)
                self.row_heights.append(height)
            self._start, self._end = 0, len(rows)
            self._offsets: list[float] | None = None

        def set_row(self, index: int, texts: list[str]) -> None:
            """Replace one row's text (before layout starts)."""
            self.row_lines[index], self.row_heights[index] = self.style.lay_out(texts, self.widths)
            self._offsets = None

        def _tops(self) -> list[float]:
            # _tops()[i]: height of rows 0..i-1, shared by all pieces of the table.
            if self._offsets is None:
                offsets = [0.0]
                for height in self.row_heights:
                    offsets.append(offsets[-1] + height)
                self._offsets = offsets
            return self._offsets

        def _piece(self, start: int, end: int):
            return split_piece(self, start, end)

        def _rows_height(self) -> float:
            tops = self._tops()
            return tops[self._end] - tops[self._start]

        def wrap(self, avail_width, avail_height):
            self.width = sum(self.widths)
            self.height = self.header_height + self._rows_height()
            return self.width, self.height

        def split(self, avail_width, avail_height):
            tops = self._tops()
            limit = tops[self._start] + avail_height - self.header_height + 1e-6
            end = bisect.bisect_right(tops, limit, self._start, self._end + 1) - 1
            if end <= self._start:
                return []  # not even one row fits under the header: go to the next frame
            if end >= self._end:
                return [self]
            return [self._piece(self._start, end), self._piece(end, self._end)]

        def draw(self):
            canvas, style = self.canv, self.style
            total = self.header_height + self._rows_height()
            xs = [0.0]
            for width in self.widths:
                xs.append(xs[-1] + width)
            canvas.saveState()
            canvas.setFillColorRGB(*style.header_fill)
            canvas.rect(0, total - self.header_height, xs[-1], self.header_height,
                        stroke=0, fill=1)
            canvas.setFillColorRGB(0, 0, 0)
            text = canvas.beginText()
            ys = [total]
            top = total
            rows = [(self.header_lines, self.header_height, style.header_font, True)]
            rows += [(self.row_lines[i], self.row_heights[i], style.font, False)
                     for i in range(self._start, self._end)]
            current_font = None
            for cells, height, font, is_header in rows:
                if font != current_font:
                    text.setFont(font, style.size, style.leading)
                    current_font = font
                for column, lines in enumerate(cells):
                    if not lines:
                        continue
                    align = "center" if is_header else self.aligns[column]
                    # Centre the block of lines vertically; CJK glyphs span -0.12..0.88 em.
                    block_top = top - (height - len(lines) * style.leading) / 2
                    for n, line in enumerate(lines):
                        baseline = (block_top - (n + 1) * style.leading
                                    + (style.leading - style.size) / 2 + 0.12 * style.size)
                        x = xs[column] + style.pad_x
                        inner = self.widths[column] - 2 * style.pad_x
                        if align != "left":
                            spare = inner - text_width(line, font, style.size)
                            x += spare if align == "right" else spare / 2
                        text.setTextOrigin(x, baseline)
                        text.textOut(line)
                top -= height
                ys.append(top)
            canvas.drawText(text)
            canvas.setStrokeColorRGB(0, 0, 0)
            canvas.setLineWidth(style.line_width)
            canvas.grid(xs, ys)
            canvas.restoreState()

    return GridTable


_GRID_TABLE = None


def GridTable(widths: list[float], header: list[str], rows: list[list[str]], *,  # noqa: N802
              aligns: list[str] | None = None, style: GridStyle = GridStyle()):
    """Make a GridTable flowable (the class is built on first use: reportlab loads lazily)."""
    global _GRID_TABLE
    if _GRID_TABLE is None:
        register_fonts()
        _GRID_TABLE = _grid_table_class()
    return _GRID_TABLE(widths, header, rows, aligns=aligns, style=style)
