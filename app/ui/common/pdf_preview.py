"""Preview a generated PDF inside the program, print it, or save a copy. No PDF reader needed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel, QProgressDialog, QPushButton,
                               QVBoxLayout, QWidget)

from app.ui.common import dialogs

# Pages go to the printer as images (QtPdf draws them; the spooler never sees the PDF). 300 dpi
# in 8-bit grey keeps the strokes of 8-point 宋体 whole on an office laser and is a quarter of the
# colour image: 8.7 MB an A4 page instead of 34.8 MB (README, 打印).
PRINT_DPI = 300


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
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        self.resize(preview_size(screen.availableGeometry()))


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
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())  # the 页码范围 box offers real pages only
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        progress = QProgressDialog("正在发送到打印机……", "取消", 0, self.document.pageCount(), self)
        progress.setWindowTitle("打印")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)  # shown only for a job that takes a while

        def step(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            render_to_printer(self.document, printer, progress=step)
        finally:
            progress.close()


def preview_size(available: QRect) -> QSize:
    """1000×760 where there is room; within the screen where there is not (1366×768 at 125 %
    leaves 1093×582), with room for the title bar and frame."""
    return QSize(min(1000, available.width() - 20), min(760, available.height() - 60))


def print_sequence(printer: QPrinter, page_count: int) -> list[int]:
    """The pages (0-based) to send, in order: the chosen range, and the copies when the
    printer cannot make them itself (collated: 2 3 2 3, or not: 2 2 3 3)."""
    pages = list(range(page_count))
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        last = min(page_count, printer.toPage() or page_count)
        pages = list(range(printer.fromPage() - 1, last))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies
    return [page for page in pages for _ in range(copies)]


def page_image(document: QPdfDocument, page: int, dpi: int = PRINT_DPI) -> QImage:
    """One page as an 8-bit grey image on white paper."""
    size_pt = document.pagePointSize(page)
    pixels = QSize(round(size_pt.width() / 72 * dpi), round(size_pt.height() / 72 * dpi))
    rendered = document.render(page, pixels)
    paper = QImage(rendered.size(), QImage.Format.Format_Grayscale8)
    paper.fill(Qt.GlobalColor.white)  # the render is transparent where nothing is drawn
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return paper


def render_to_printer(document: QPdfDocument, printer: QPrinter, dpi: int = PRINT_DPI,
                      progress: Callable[[int, int], bool] | None = None) -> int:
    """Send the chosen pages as grey images at ``dpi``; returns the pages sent.

    ``progress(done, total)`` is called after each page; returning False stops the job.
    """
    sequence = print_sequence(printer, document.pageCount())
    painter = QPainter()
    if not painter.begin(printer):
        dialogs.show_error(None, "无法打印", "打印机没有准备好：请检查打印机是否开机、连接正常。")
        return 0
    sent = 0
    try:
        for page in sequence:
            if sent:
                printer.newPage()
            image = page_image(document, page, dpi)
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(target)
            sent += 1
            if progress is not None and not progress(sent, len(sequence)):
                break
        return sent
    finally:
        painter.end()
