"""Pieces of the printed notice: sizes, text helpers and the drawn review / seal blocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.reports.common.fonts import BODY_FONT, HEADING_FONT
from app.reports.common.linebreak import text_width
from app.reports.common.page import A4_SIZE, MM
from app.services.common.dates import format_date_cn
from app.services.notices.money import format_yuan, in_capitals
from app.services.notices.notice_types import DRAFT, PENDING, NoticeData

A3_SIZE = (297 * MM, 420 * MM)
A3_SCALE = 420 / 297  # linear ratio between A3 and A4

TITLE_SIZE = 32
BODY_SIZE = 16
TABLE_SIZE = 12
SEAL_WIDTH = 42 * MM  # room for a round 公章 (usually 40-42 mm across)
SEAL_HEIGHT = 32 * MM
CORRECTION_MARK = "【更正】"
CORRECTION_COLOR = "#8c1414"  # the dark red of page.py's 内部留存 mark
BATCH_TITLE = "公开栏公告"
BLANK_DATE = "　　　　年　　月　　日"
QUESTIONS_LINE = "如有疑问，请在公开期内向村务监督委员会反映"
ITEM_HEADER = ["序号", "日期", "项目", "收入\n（元）", "支出\n（元）", "资金\n来源", "经手人", "备注"]
TOTALS_HEADER = ["项目", "金额（元）", "金额（大写）"]
ISSUER_NAMES = {"党支部": ("{village}党支部",), "村委会": ("{village}村民委员会",),
                "党支部、村委会": ("{village}党支部", "{village}村民委员会")}


@dataclass(frozen=True)
class _Scale:
    """Sizes for one paper size: A4 as designed, A3 enlarged by the same factor throughout."""

    factor: float = 1.0

    def __call__(self, value: float) -> float:
        return value * self.factor

    @property
    def page(self) -> tuple[float, float]:
        return A3_SIZE if self.factor > 1 else A4_SIZE


# ----------------------------------------------------------------------------- text helpers

def yuan_text(fen: int) -> str:
    """12,345.67; -1,000.00 for a negative balance."""
    return ("-" if fen < 0 else "") + format_yuan(abs(fen))


def capitals_text(fen: int) -> str:
    """人民币壹万贰仟叁佰肆拾伍元陆角柒分; 人民币负… for a negative balance."""
    return "人民币" + ("负" if fen < 0 else "") + in_capitals(abs(fen))


def period_line(notice: NoticeData) -> str:
    return f"所属期：{notice.period.label}"


def posting_line(notice: NoticeData) -> str:
    """公开期：2026年10月8日至2026年10月14日 (blanks to fill in by hand when not set)."""
    start = format_date_cn(notice.post_from) or BLANK_DATE
    end = format_date_cn(notice.post_to) or BLANK_DATE
    return f"公开期：{start}至{end}"


def correction_text(title: str, post_from: dt.date | None, post_to: dt.date | None) -> str:
    """What build_notice's ``correction_of`` expects: 原标题（原公开期 2026年7月8日至2026年7月14日）."""
    if post_from is None and post_to is None:
        return title
    return f"{title}（原公开期 {format_date_cn(post_from)}至{format_date_cn(post_to)}）"


def issuer_lines(village: str, issuer: str) -> list[str]:
    """红旗村党支部 / 红旗村村民委员会 / both, one per line."""
    names = ISSUER_NAMES.get(issuer)
    if names is None:
        return [issuer] if issuer.startswith(village) else [f"{village}{issuer}"]
    return [name.format(village=village) for name in names]


def body_paragraphs(text: str) -> list[str]:
    """One paragraph per non-empty line; indents typed by hand are dropped (the style indents)."""
    return [line.strip(" \t\u3000") for line in str(text).splitlines() if line.strip(" \t\u3000")]


def _is_reviewed(notice: NoticeData, reviewer: str) -> bool:
    return bool(reviewer.strip()) and notice.status not in (DRAFT, PENDING)


def _public_set(notice: NoticeData) -> set[str]:
    numbers = {n.strip() for n in notice.public_numbers if n.strip()}
    if notice.supervision_phone.strip():
        numbers.add(notice.supervision_phone.strip())
    return numbers


# ------------------------------------------------------------------------------- flowables

def _blank_lines(count: int, width: float, gap: float):
    """``count`` ruled lines to write on by hand (an opinion not given yet)."""
    from reportlab.platypus.flowables import Flowable

    class BlankLines(Flowable):
        def wrap(self, avail_width, avail_height):
            return width, count * gap

        def draw(self):
            self.canv.saveState()
            self.canv.setLineWidth(0.5)
            for n in range(count):
                y = count * gap - (n + 1) * gap + 0.25 * gap
                self.canv.line(0, y, width, y)
            self.canv.restoreState()

    return BlankLines()


def _sign_row(reviewer: str, date_text: str, scale: _Scale, frame_width: float):
    """审核人（签字）：name (or a line to sign on) at the left, 日期：… in the right half."""
    from reportlab.platypus.flowables import Flowable

    size = scale(BODY_SIZE)
    height = size * 1.9
    label = "审核人（签字）："
    date_label = "日期："

    class SignRow(Flowable):
        def wrap(self, avail_width, avail_height):
            return frame_width, height

        def draw(self):
            canvas = self.canv
            canvas.saveState()
            baseline = (height - size) / 2 + 0.12 * size
            canvas.setFont(BODY_FONT, size)
            canvas.drawString(0, baseline, label)
            x = text_width(label, BODY_FONT, size)
            if reviewer:
                canvas.drawString(x, baseline, reviewer)
            # Room for the handwritten signature, ruled, whether or not the name is printed.
            canvas.setLineWidth(0.5)
            line_start = x + (text_width(reviewer, BODY_FONT, size) + size if reviewer else 0)
            canvas.line(line_start, baseline - 0.25 * size, frame_width * 0.55 - size,
                        baseline - 0.25 * size)
            canvas.drawString(frame_width * 0.55, baseline, date_label + date_text)
            canvas.restoreState()

    return SignRow()


def _issuer_block(lines: list[str], date_text: str, scale: _Scale, frame_width: float):
    """发布单位 and date at the right, an empty dashed box for the seal next to them."""
    from reportlab.platypus.flowables import Flowable

    size = scale(BODY_SIZE)
    leading = size * 1.7
    texts = lines + [date_text]
    text_w = max(text_width(t, HEADING_FONT, size) for t in texts)
    seal_w, seal_h = scale(SEAL_WIDTH), scale(SEAL_HEIGHT)
    gap = scale(4 * MM)
    text_h = len(texts) * leading
    height = max(seal_h, text_h)

    class IssuerBlock(Flowable):
        seal_size = (seal_w, seal_h)

        def wrap(self, avail_width, avail_height):
            return frame_width, height

        def draw(self):
            canvas = self.canv
            canvas.saveState()
            text_left = frame_width - text_w
            seal_left = text_left - gap - seal_w
            seal_bottom = (height - seal_h) / 2
            canvas.setStrokeColorRGB(0.6, 0.6, 0.6)
            canvas.setLineWidth(0.6)
            canvas.setDash(3, 3)
            canvas.rect(seal_left, seal_bottom, seal_w, seal_h, stroke=1, fill=0)
            canvas.setDash()
            canvas.setFillColorRGB(0.6, 0.6, 0.6)
            label = scale(9)
            canvas.setFont(BODY_FONT, label)
            canvas.drawCentredString(seal_left + seal_w / 2, seal_bottom + seal_h / 2 - label / 3,
                                     "（盖章）")
            canvas.setFillColorRGB(0, 0, 0)
            canvas.setFont(HEADING_FONT, size)
            top = (height + text_h) / 2
            for n, text in enumerate(texts):
                baseline = top - (n + 1) * leading + (leading - size) / 2 + 0.12 * size
                line_w = text_width(text, HEADING_FONT, size)
                canvas.drawString(text_left + (text_w - line_w) / 2, baseline, text)
            canvas.restoreState()

    return IssuerBlock()
