"""Print buttons of the 三公开 tab: public or internal copy, A4 or A3, previewed in the program."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.notices import notice_printing
from app.services.notices.notice_types import Period
from app.ui.common import dialogs
from app.ui.common.print_dialog import generate_and_preview

QUESTION = ("打印哪一种？\n\n公开版：身份证号、银行卡号、明细中的手机号打码，用于张贴。\n"
            "内部留存版：不打码，每页印“内部留存”，只在村里存档。")


def _choices(parent: QWidget | None) -> tuple[bool, bool]:
    internal = dialogs.ask_yes_no(parent, "打印公告", QUESTION, "内部留存版", "公开版")
    a3 = dialogs.ask_yes_no(parent, "纸张大小", "用 A3 纸打印（公开栏用大字）吗？", "A3", "A4")
    return internal, a3


def print_notice(services, notice_id: int, parent: QWidget | None):  # noqa: ANN001, ANN201
    internal, a3 = _choices(parent)
    kind = "内部留存" if internal else "公开"
    return generate_and_preview(services, f"公告{notice_id}-{kind}",
                                lambda p: notice_printing.notice_pdf(services, notice_id, p, internal=internal, a3=a3),
                                parent)


def print_period(services, period: Period, parent: QWidget | None):  # noqa: ANN001, ANN201
    internal, a3 = _choices(parent)
    return generate_and_preview(services, f"{period.label}公告",
                                lambda p: notice_printing.period_pdf(services, period, p, internal=internal, a3=a3),
                                parent)
