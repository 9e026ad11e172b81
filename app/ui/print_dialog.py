"""The print flow: choose public or internal copy, generate, preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services.context import Services
from app.services.errors import UserError
from app.ui import dialogs
from app.ui.pdf_preview import PdfPreview


def print_roster_flow(services: Services, parent: QWidget | None) -> PdfPreview | None:
    internal = dialogs.ask_yes_no(
        parent,
        "打印花名册",
        "打印哪一种？\n\n公开版：身份证号、电话部分打码，可对外。\n"
        "内部留存版：完整号码，每页印“内部留存”，只在村里存档。",
        "内部留存版",
        "公开版",
    )
    from app.services.printing import print_roster

    stamp = services.clock.now().strftime("%Y%m%d-%H%M%S")
    out_dir = services.data_dir.root / "打印"
    out_dir.mkdir(parents=True, exist_ok=True)
    kind = "内部留存" if internal else "公开"
    path = out_dir / f"两委班子成员花名册-{kind}-{stamp}.pdf"
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        print_roster(services, path, internal=internal)
    except UserError as exc:
        dialogs.show_error(parent, "无法打印", exc.message)
        return None
    finally:
        QApplication.restoreOverrideCursor()
    preview = PdfPreview(path, path.name, parent)
    preview.open()
    return preview
