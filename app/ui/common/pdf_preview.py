"""Preview a generated PDF inside the program, print it, or save a copy. No PDF reader needed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.common import dialogs


class PdfPreview(QDialog):
    def __init__(self, pdf_path: Path, suggested_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf_path = pdf_path
        self.suggested_name = suggested_name
        self.setWindowTitle(f"打印预览 — {suggested_name}")
        # Loaded from memory: QPdfDocument keeps a file it loaded open until it is destroyed,
        # and Windows refuses to delete an open file. From memory the file can go at once.
        self.pdf_bytes = pdf_path.read_bytes()
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(self.pdf_bytes))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel(f"共 {self.document.pageCount()} 页")
        print_button = QPushButton("打印…")
        print_button.setDefault(True)
        print_button.clicked.connect(self.print_document)
        save_button = QPushButton("另存为…")
        save_button.clicked.connect(self.save_as)
        close_button = QPushButton("关闭")
        close_button.clicked.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        for button in (print_button, save_button, close_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.resize(1000, 760)

    def save_as(self) -> None:
        target = dialogs.ask_save_path(self, "另存为 PDF", self.suggested_name, dialogs.PDF_FILTER)
        if not target:
            return
        try:
            Path(target).write_bytes(self.pdf_bytes)
        except OSError as exc:
            dialogs.show_error(self, "保存失败", f"无法保存到 {target}：{exc.strerror}。请换个位置。")
            return
        dialogs.show_info(self, "已保存", f"已保存到：\n{target}")

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        render_to_printer(self.document, printer)


def render_to_printer(document: QPdfDocument, printer: QPrinter, dpi: int = 300) -> int:
    """Draw each page as an image at ``dpi`` onto the printer; returns pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        dialogs.show_error(None, "无法打印", "打印机没有准备好：请检查打印机是否开机、连接正常。")
        return 0
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size_pt = document.pagePointSize(page)
            pixels = QSize(int(size_pt.width() / 72 * dpi), int(size_pt.height() / 72 * dpi))
            image = document.render(page, pixels)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
        return document.pageCount()
    finally:
        painter.end()
