"""导出花名册到 Excel: from the main window's menu, the members tab, and the township's copy of a village."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.services.common.errors import UserError
from app.ui.common import dialogs

if TYPE_CHECKING:
    from app.services.common.context import Services


def export_roster_flow(services: Services, parent: QWidget) -> None:
    """Ask (personal data), choose the file, write the roster as Excel, say where."""
    from app.services.members.member_import import MemberImporter

    village = services.profile.get().village_name
    if not dialogs.ask_yes_no(
        parent, "导出个人信息",
        "导出的 Excel 含完整的身份证号、电话、住址等个人信息，文件第一行标有“内部资料”。\n"
        "请只存到村部电脑或村里保管的 U 盘，不要发到微信群或张贴。",
        "导出",
    ):
        return
    path = dialogs.ask_save_path(parent, "导出花名册", f"{village}两委成员花名册.xlsx", dialogs.EXCEL_FILTER)
    if not path:
        return
    try:
        count = MemberImporter(services.members).export(Path(path), f"{village}两委成员及党员花名册")
    except UserError as exc:
        dialogs.show_error(parent, "导出失败", exc.message)
        return
    dialogs.show_info(parent, "导出完成", f"已导出 {count} 人到：\n{path}")
