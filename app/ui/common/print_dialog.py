"""The print flow: choose public or internal copy, generate, preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services.common.context import Services
from app.services.common.errors import UserError
from app.services.common.file_names import safe_file_name
from app.services.common.file_ops import remove_file
from app.ui.common import dialogs
from app.ui.common.pdf_preview import PdfPreview

PUBLIC, INTERNAL = "公开版", "内部留存版"


def village(services: Services) -> str:
    """The village's name for a file name ("" before it is set)."""
    profile = services.profile.get()
    return profile.village_name if profile else ""


def copy_suffix(internal: bool) -> str:
    return "（内部留存）" if internal else ""


def print_roster_flow(services: Services, parent: QWidget | None) -> PdfPreview | None:
    kind = dialogs.ask_choice(
        parent,
        "打印花名册",
        "打印哪一种？\n\n公开版：身份证号、电话部分打码，可对外。\n"
        "内部留存版：完整号码，每页印“内部留存”，只在村里存档。",
        [PUBLIC, INTERNAL],
    )
    if kind is None:
        return None
    from app.services.members.roster_printing import print_roster

    internal = kind == INTERNAL
    return generate_and_preview(services, f"{village(services)}两委班子成员花名册{copy_suffix(internal)}",
                                lambda path: print_roster(services, path, internal=internal), parent)


def generate_and_preview(services: Services, name: str, write: Callable[[Path], object],
                         parent: QWidget | None) -> PdfPreview | None:
    """Write a PDF into the data dir's 打印 folder, then preview it; errors are explained.

    ``name`` says what the PDF holds: 另存为 suggests it as the file name."""
    name = safe_file_name(name)
    path = print_file(services, f"{name}-{services.clock.now():%Y%m%d-%H%M%S}.pdf")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write(path)
    except UserError as exc:
        dialogs.show_error(parent, "无法打印", exc.message)
        return None
    finally:
        QApplication.restoreOverrideCursor()
    return preview_then_delete(path, parent, f"{name}.pdf")


def print_recovery_sheet(services: Services, admin: str, code: str, parent: QWidget | None) -> PdfPreview | None:
    """Save the recovery-code sheet where the user chooses (never in the data dir), then open
    it for printing. None when the user chose no place."""
    from app.reports.safety.recovery_sheet import build_recovery_sheet

    documents = Path.home() / "Documents"
    suggested = (documents if documents.is_dir() else Path.home()) / safe_file_name(f"{village(services)}管理员恢复码.pdf")
    target = dialogs.ask_save_path(parent, "保存管理员恢复码（打印后请妥善保管）", str(suggested), dialogs.PDF_FILTER)
    if not target:
        return None
    profile = services.profile.get()
    try:
        build_recovery_sheet(Path(target), village=profile.village_name if profile else "", admin=admin, code=code,
                             print_date=services.clock.today())
    except UserError as exc:
        dialogs.show_error(parent, "无法保存恢复码", exc.message)
        return None
    preview = PdfPreview(Path(target), Path(target).name, parent)
    preview.finished.connect(preview.document.close)
    preview.open()
    return preview


def print_file(services: Services, name: str) -> Path:
    """Where a print is written before its preview: the 打印 folder, emptied of earlier files
    (internal copies and recovery codes must not pile up there; one that stays is logged)."""
    folder = services.data_dir.prints
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob("*.pdf"):
        remove_file(leftover)
    return folder / name


def preview_then_delete(path: Path, parent: QWidget | None, save_name: str = "") -> PdfPreview:
    """Preview a generated PDF from memory and delete the file at once (另存为 keeps a copy,
    suggested as ``save_name``).

    A file that cannot be deleted (Windows: held by a scanner) is logged and left for the next
    print to remove; the clerk never sees that.
    """
    preview = PdfPreview(path, save_name or path.name, parent)
    remove_file(path)
    preview.open()
    return preview
