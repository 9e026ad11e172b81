"""Simple horizontal bars painted in the page: label, bar, “10/12” and what is missing.

No chart library: a QWidget with QPainter, sized from the font so 大字模式 scales it and
nothing is clipped (sizeHint is what the painting needs).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.workbench.workbench_types import Bar

INK = QColor("#000000")
FILL = QColor("#1f4e9c")  # dark blue on white: high contrast
TRACK = QColor("#ffffff")
GAP_INK = QColor("#b00020")  # red, and the words say 缺 too
MIN_BAR_CHARS = 3  # the bar is at least this many character widths long (wider when there is room)


def bar_text(bar: Bar) -> str:
    """10/12, or 0/0 未到期 when nothing has fallen due yet."""
    return bar.fraction if bar.due else f"{bar.fraction} 未到期"


def gap_text(bar: Bar) -> str:
    """“缺2” when the bar is short of its due, else empty."""
    return f"缺{bar.due - bar.done}" if bar.done < bar.due else ""


class BarChart(QWidget):
    """One group of bars (e.g. 会议: one bar per kind of meeting).

    ``show_gaps`` is off for figures where the total is not a target (四议两公开 by step).
    """

    def __init__(self, empty_text: str, show_gaps: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars: tuple[Bar, ...] = ()
        self.empty_text = empty_text
        self.show_gaps = show_gaps
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("柱状图")

    def set_bars(self, bars: tuple[Bar, ...]) -> None:
        self.bars = tuple(bars)
        self.setToolTip("\n".join(self.lines()))
        self.updateGeometry()
        self.update()

    def lines(self) -> list[str]:
        """The figures as words (tooltip, and what a screen reader or a test reads)."""
        if not self.bars:
            return [self.empty_text]
        return [" ".join(filter(None, (b.label, bar_text(b), self._gap(b)))) for b in self.bars]

    def _gap(self, bar: Bar) -> str:
        return gap_text(bar) if self.show_gaps else ""

    # ----- geometry from the font --------------------------------------------------------------
    def _bold(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _columns(self) -> tuple[int, int, int]:
        """Widths of the label column, the shortest bar and the figures column."""
        metrics, bold = self.fontMetrics(), QFontMetrics(self._bold())
        label = max((metrics.horizontalAdvance(b.label) for b in self.bars), default=0)
        figures = max((metrics.horizontalAdvance(bar_text(b) + " ") + bold.horizontalAdvance(self._gap(b))
                       for b in self.bars), default=0)
        return label, metrics.horizontalAdvance("国") * MIN_BAR_CHARS, figures + 2

    def _row_height(self) -> int:
        return self.fontMetrics().height() + max(4, self.fontMetrics().height() // 6)

    def _spacing(self) -> int:
        return self.fontMetrics().horizontalAdvance("国") // 2

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = self.fontMetrics()
        if not self.bars:
            return QSize(metrics.horizontalAdvance(self.empty_text) + 4, self._row_height())
        label, bar, figures = self._columns()
        width = label + bar + figures + 2 * self._spacing() + 4
        return QSize(width, self._row_height() * len(self.bars) + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.FontChange:
            self.updateGeometry()
        super().changeEvent(event)

    # ----- painting ----------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(INK)
        if not self.bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self.empty_text)
            painter.end()
            return
        label_w, _bar_w, figures_w = self._columns()
        spacing, row_h = self._spacing(), self._row_height()
        bar_x = label_w + spacing
        bar_w = max(1, self.width() - bar_x - spacing - figures_w - 2)
        bar_h = max(4, self.fontMetrics().height() * 2 // 3)
        for i, bar in enumerate(self.bars):
            top = i * row_h
            row = QRectF(0, top, label_w, row_h)
            painter.setPen(INK)
            painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, bar.label)
            track = QRectF(bar_x, top + (row_h - bar_h) / 2, bar_w, bar_h)
            painter.fillRect(track, TRACK)
            if bar.due > 0 and bar.done > 0:
                share = min(1.0, bar.done / bar.due)
                painter.fillRect(QRectF(track.left(), track.top(), track.width() * share, track.height()), FILL)
            painter.setPen(QPen(INK, 1))
            painter.drawRect(track)
            text_x = bar_x + bar_w + spacing
            figures = bar_text(bar)
            painter.drawText(QRectF(text_x, top, figures_w, row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, figures)
            gap = self._gap(bar)
            if gap:
                painter.setPen(GAP_INK)
                painter.setFont(self._bold())
                gap_x = text_x + self.fontMetrics().horizontalAdvance(figures + " ")
                painter.drawText(QRectF(gap_x, top, figures_w, row_h),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, gap)
                painter.setFont(self.font())
        painter.end()


# The four groups of the 今年情况 panel: title, Figures field, what an empty group says, gaps shown.
GROUPS = (
    ("会议", "meetings", "今年没有规定要开的会。", True),
    ("三公开", "notices", "今年还没有应发布的公开。", True),
    ("纪律提醒", "reminders", "今年还没有到期的提醒。", True),
    ("四议两公开", "matters", "今年还没有四议两公开事项。", False),
)


class FiguresPanel(QWidget):
    """The year in figures: four groups of bars side by side, each under its bold title.

    No group frames: on 1366×768 in 大字模式 the four groups still fit side by side. Its size
    hint is honest, so the page's layout gives it the room it needs (the list above shrinks).
    """

    def __init__(self, parent: QWidget | None = None):
        from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

        super().__init__(parent)
        self.charts: dict[str, BarChart] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for n, (title, key, empty, gaps) in enumerate(GROUPS):
            if n:
                line = QFrame()
                line.setFrameShape(QFrame.Shape.VLine)
                row.addWidget(line)
            heading = QLabel(title)
            heading.setObjectName(f"figures_{key}")
            bold = QFont(heading.font())
            bold.setBold(True)  # only the weight is set: the size still follows 大字模式
            heading.setFont(bold)
            chart = self.charts[key] = BarChart(empty, gaps)
            column = QVBoxLayout()
            column.addWidget(heading)
            column.addWidget(chart)
            column.addStretch(1)
            row.addLayout(column, 1)

    def set_figures(self, figures) -> None:  # noqa: ANN001 - app.services.workbench.workbench_types.Figures
        for key, chart in self.charts.items():
            chart.set_bars(getattr(figures, key))

    def lines(self) -> list[str]:
        return [line for _t, key, _e, _g in GROUPS for line in self.charts[key].lines()]
