"""The print flow: choose public or internal copy, generate, preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services.common.context import Services
from app.services.common.errors import UserError
from app.services.common.file_ops import remove_file
from app.ui.common import dialogs
from app.ui.common.pdf_preview import PdfPreview


def print_roster_flow(services: Services, parent: QWidget | None) -> PdfPreview | None:
    internal = dialogs.ask_yes_no(
        parent,
        "打印花名册",
        "打印哪一种？\n\n公开版：身份证号、电话部分打码，可对外。\n"
        "内部留存版：完整号码，每页印“内部留存”，只在村里存档。",
        "内部留存版",
        "公开版",
    )
    from app.services.members.roster_printing import print_roster

    kind = "内部留存" if internal else "公开"
    return generate_and_preview(services, f"两委班子成员花名册-{kind}",
                                lambda path: print_roster(services, path, internal=internal), parent)


def generate_and_preview(services: Services, name: str, write: Callable[[Path], object],
                         parent: QWidget | None) -> PdfPreview | None:
    """Write a PDF into the data dir's 打印 folder, then preview it; errors are explained."""
    path = print_file(services, f"{name}-{services.clock.now():%Y%m%d-%H%M%S}.pdf")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write(path)
    except UserError as exc:
        dialogs.show_error(parent, "无法打印", exc.message)
        return None
    finally:
        QApplication.restoreOverrideCursor()
    return preview_then_delete(path, parent)


def print_recovery_sheet(services: Services, admin: str, code: str, parent: QWidget | None) -> PdfPreview:
    """Write the recovery-code sheet and open it for printing; the file is deleted on close."""
    from app.reports.safety.recovery_sheet import build_recovery_sheet

    profile = services.profile.get()
    path = print_file(services, "管理员恢复码.pdf")
    build_recovery_sheet(path, village=profile.village_name if profile else "", admin=admin, code=code,
                         print_date=services.clock.today())
    return preview_then_delete(path, parent)


def print_file(services: Services, name: str) -> Path:
    """Where a print is written before its preview: the 打印 folder, emptied of earlier files
    (internal copies and recovery codes must not pile up there; one that stays is logged)."""
    folder = services.data_dir.prints
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob("*.pdf"):
        remove_file(leftover)
    return folder / name


def preview_then_delete(path: Path, parent: QWidget | None) -> PdfPreview:
    """Preview a generated PDF from memory and delete the file at once (另存为 keeps a copy).

    A file that cannot be deleted (Windows: held by a scanner) is logged and left for the next
    print to remove; the clerk never sees that.
    """
    preview = PdfPreview(path, path.name, parent)
    remove_file(path)
    preview.open()
    return preview
