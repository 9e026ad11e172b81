"""Draw the application icon: a red seal-like square with 台账 in white (PNG + Windows ICO)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter, QPen  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

RED = QColor("#b3131b")
GOLD = QColor("#f2c94c")
SIZE = 256


def draw(size: int = SIZE) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size * 0.04
    outer = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(RED)
    painter.drawRoundedRect(outer, size * 0.14, size * 0.14)
    inner = outer.adjusted(size * 0.07, size * 0.07, -size * 0.07, -size * 0.07)
    painter.setPen(QPen(GOLD, size * 0.025))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(inner, size * 0.08, size * 0.08)
    font_id = QFontDatabase.addApplicationFont(str(ROOT / "resources/fonts/NotoSansCJKsc-Regular.ttf"))
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QFont(family)
    font.setPixelSize(int(size * 0.36))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    top = QRectF(inner.left(), inner.top(), inner.width(), inner.height() / 2)
    bottom = QRectF(inner.left(), inner.center().y(), inner.width(), inner.height() / 2)
    painter.drawText(top, Qt.AlignmentFlag.AlignCenter, "台")
    painter.drawText(bottom, Qt.AlignmentFlag.AlignCenter, "账")
    painter.end()
    return image


def main() -> None:
    QApplication.instance() or QApplication(sys.argv[:1])
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    png = out / "app.png"
    draw().save(str(png))
    Image.open(png).save(out / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(png, out / "app.ico")


if __name__ == "__main__":
    main()
