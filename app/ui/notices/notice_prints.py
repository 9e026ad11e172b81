"""Print buttons of the 三公开 tab: public or internal copy, A4 or A3, previewed in the program."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.notices import notice_printing
from app.services.notices.notice_types import Period
from app.ui.common import dialogs
from app.ui.common.print_dialog import INTERNAL, PUBLIC, copy_suffix, generate_and_preview, village

QUESTION = ("打印哪一种？\n\n公开版：身份证号、银行卡号、明细中的手机号打码，用于张贴。\n"
            "内部留存版：不打码，每页印“内部留存”，只在村里存档。")


def _choices(parent: QWidget | None) -> tuple[bool, bool] | None:
    """(internal, A3), or None when either question was cancelled: then nothing is written."""
    kind = dialogs.ask_choice(parent, "打印公告", QUESTION, [PUBLIC, INTERNAL])
    if kind is None:
        return None
    paper = dialogs.ask_choice(parent, "纸张大小", "用哪种纸打印？A3 用于公开栏，字更大。", ["A4", "A3"])
    if paper is None:
        return None
    return kind == INTERNAL, paper == "A3"


def _suffix(internal: bool, a3: bool) -> str:
    return copy_suffix(internal) + ("（A3）" if a3 else "")


def print_notice(services, notice_id: int, parent: QWidget | None):  # noqa: ANN001, ANN201
    chosen = _choices(parent)
    if chosen is None:
        return None
    internal, a3 = chosen
    title = services.notices.get(notice_id).title
    return generate_and_preview(services, f"{title}{_suffix(internal, a3)}",
                                lambda p: notice_printing.notice_pdf(services, notice_id, p, internal=internal, a3=a3),
                                parent)


def print_period(services, period: Period, parent: QWidget | None):  # noqa: ANN001, ANN201
    chosen = _choices(parent)
    if chosen is None:
        return None
    internal, a3 = chosen
    return generate_and_preview(services, f"{village(services)}{period.label}公告{_suffix(internal, a3)}",
                                lambda p: notice_printing.period_pdf(services, period, p, internal=internal, a3=a3),
                                parent)
