"""Pieces of the printed notice: sizes, text helpers and the drawn review / seal blocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.reports.common.page import A4_SIZE, MM
from app.services.common.dates import format_date_cn
from app.services.notices.money import format_yuan, in_capitals
from app.services.notices.notice_types import DRAFT, PENDING, NoticeData

A3_SIZE = (297 * MM, 420 * MM)
A3_SCALE = 1.3  # A3 type and table are this much larger than A4's (before fitting)

TITLE_SIZE = 30
META_SIZE = 14
BODY_SIZE = 16
TABLE_SIZE = 12
SEAL_DIAMETER = 42 * MM  # room for a round 公章 (usually 40-42 mm across)
SEAL_WIDTH = SEAL_HEIGHT = SEAL_DIAMETER
ONE_PAGE_ITEMS = {False: 12, True: 25}  # items that must fit one page: A4, A3
CORRECTION_MARK = "【更正】"
CORRECTION_COLOR = "#8c1414"  # the dark red of page.py's 内部留存 mark
BATCH_TITLE = "公开栏公告"
BLANK_DATE = "　　　　年　　月　　日"
ITEM_HEADER = ["序号", "日期", "项目", "收入\n（元）", "支出\n（元）", "资金来源", "经手人", "备注"]
TOTALS_HEADER = ["项目", "金额（元）", "金额（大写）"]


@dataclass(frozen=True)
class _Scale:
    """Sizes for one paper size: A4 as designed, A3 larger; ``fit`` shrinks both to one page."""

    factor: float = 1.0
    a3: bool = False

    def __call__(self, value: float) -> float:
        return value * self.factor

    @property
    def page(self) -> tuple[float, float]:
        return A3_SIZE if self.a3 else A4_SIZE

    def fitted(self, fit: float) -> _Scale:
        return _Scale((A3_SCALE if self.a3 else 1.0) * fit, self.a3)


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


def issuer_lines(issuer: str, party_org: str, committee: str) -> list[str]:
    """The issuing bodies as the village profile names them, one per line."""
    names = {"党支部": [party_org], "村委会": [committee], "党支部、村委会": [party_org, committee]}
    return names.get(issuer, [issuer])


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
