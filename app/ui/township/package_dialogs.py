"""文件 → 导出上报数据包… / 导出上报公钥…: the same export as the command line, with a save dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.services.common.errors import UserError
from app.services.township import package_export
from app.ui.common import dialogs

PACKAGE_FILTER = "上报数据包 (*.tzpkg)"
KEY_FILTER = "上报公钥 (*.pub)"


def export_package_flow(services, parent: QWidget | None) -> Path | None:  # noqa: ANN001 - Services
    village = services.profile.get().village_name if services.profile.get() else "本村"
    day = services.clock.today()
    path = dialogs.ask_save_path(parent, "导出上报数据包", f"{village}-上报-{day:%Y%m%d}.tzpkg", PACKAGE_FILTER)
    if not path:
        return None
    try:
        done = package_export.export_package(services.db, services.data_dir, services.clock, Path(path))
    except UserError as exc:
        dialogs.show_error(parent, "没有导出", exc.message)
        return None
    dialogs.show_info(parent, "已导出上报数据包",
                      f"第 {done.sequence} 号上报数据包已保存到：\n{path}\n共 {sum(done.counts.values())} 条记录。"
                      "请拷贝到U盘交乡镇导入。")
    return done.path


def export_key_flow(services, parent: QWidget | None) -> Path | None:  # noqa: ANN001 - Services
    village = services.profile.get().village_name if services.profile.get() else "本村"
    path = dialogs.ask_save_path(parent, "导出上报公钥", f"{village}.pub", KEY_FILTER)
    if not path:
        return None
    try:
        card = package_export.export_key(services.db, Path(path))
    except UserError as exc:
        dialogs.show_error(parent, "没有导出", exc.message)
        return None
    dialogs.show_info(parent, "已导出上报公钥",
                      f"公钥已保存到：\n{path}\n密钥指纹：{card.fingerprint}\n请交乡镇登记，并打印上报密钥登记表核对指纹。")
    return Path(path)
