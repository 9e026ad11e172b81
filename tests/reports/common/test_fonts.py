"""Bundled Chinese fonts: embedding, text extraction (non-BMP) and CJK line breaking."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_fonts import font_dicts, font_file
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph

from app.reports.common import fonts

RARE_NAME_CHARS = "䶮𠮷堃喆昇淼犇赟燚镕玥"
PUNCTUATION = "，。、；：？！（）《》"
NO_LINE_START = "，。、；：？！）》"


@pytest.fixture(scope="module", autouse=True)
def registered():
    fonts.register_fonts()


def _draw_samples(path: Path) -> None:
    # reportlab lists the canvas's initial font (Helvetica, never embedded) in every
    # page's resources unless told otherwise.
    canvas = Canvas(str(path), pagesize=A4, initialFontName=fonts.SANS_FONT)
    y = 800
    for font_name in fonts.FONT_FILES:
        canvas.setFont(font_name, 14)
        canvas.drawString(72, y, "𠮷 䶮 堃 喆")
        canvas.drawString(72, y - 20, RARE_NAME_CHARS + " 0123456789 AZaz " + PUNCTUATION)
        y -= 60
    canvas.showPage()
    canvas.save()


def test_every_character_of_the_test_names_has_a_glyph():
    sample = RARE_NAME_CHARS + "0123456789" + "ABCXYZabcxyz" + PUNCTUATION
    for font_name in fonts.FONT_FILES:
        char_to_glyph = pdfmetrics.getFont(font_name).face.charToGlyph
        missing = [c for c in sample if not char_to_glyph.get(ord(c))]
        assert missing == [], font_name


def test_all_fonts_are_embedded(tmp_path):
    pdf = tmp_path / "embedded.pdf"
    _draw_samples(pdf)
    found = font_dicts(pdf)
    base_fonts = {str(f["/BaseFont"]).split("+", 1)[-1] for f in found}
    assert base_fonts == {name.removesuffix(".ttf") for name in fonts.FONT_FILES.values()}
    assert base_fonts >= {"NotoSerifCJKsc-Black", "NotoSansCJKsc-Bold", "LXGWWenKai-Regular"}
    for font in found:
        assert font_file(font) is not None, font["/BaseFont"]


def test_non_bmp_text_extracts_correctly(tmp_path):
    pdf = tmp_path / "extract.pdf"
    _draw_samples(pdf)
    text = PdfReader(pdf).pages[0].extract_text()
    lines = [line.strip() for line in text.splitlines()]
    assert lines.count("𠮷 䶮 堃 喆") == len(fonts.FONT_FILES)
    assert "₻" not in text
    for char in RARE_NAME_CHARS:
        assert text.count(char) == len(fonts.FONT_FILES) * ("𠮷䶮堃喆".count(char) + 1)


def test_text_a_role_face_lacks_falls_back_to_a_face_that_has_it():
    # The title, heading and 楷 faces keep GB 2312 and the rare name characters only.
    assert fonts.face_for("红旗村吴𠮷祥", fonts.TITLE_FONT) == fonts.TITLE_FONT
    assert fonts.face_for("李䶮", fonts.SIGNATURE_FONT) == fonts.SIGNATURE_FONT
    rare = "\u3400"  # 㐀, CJK Extension A, outside GB 2312
    assert fonts.face_for(f"红旗村{rare}", fonts.TITLE_FONT) == fonts.BODY_FONT
    assert fonts.face_for(rare, fonts.HEADING_FONT) == fonts.SANS_FONT
    assert fonts.face_for(rare, fonts.SIGNATURE_FONT) == fonts.BODY_FONT
    assert fonts.face_for(rare, fonts.BODY_FONT) == fonts.BODY_FONT
    assert pdfmetrics.getFont(fonts.BODY_FONT).face.charToGlyph.get(0x3400)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_non_bmp_text_extracts_correctly_with_pdftotext(tmp_path):
    pdf = tmp_path / "extract.pdf"
    _draw_samples(pdf)
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                            capture_output=True, check=True)
    # pdftotext drops the narrow spaces between full-width characters.
    text = result.stdout.decode("utf-8").replace(" ", "")
    assert text.count("𠮷䶮堃喆\n") == len(fonts.FONT_FILES)
    assert "₻" not in text


def test_closing_punctuation_never_starts_a_line(tmp_path):
    size = 10
    style = fonts.paragraph_style("body", size)
    # Ten full-width characters fill the frame exactly; the mark is the eleventh, so
    # a naive break would carry it to the start of the next line.
    head = "支部召开全体党员大会"
    paragraphs = [Paragraph(f"{head}{mark}传达学习上级文件精神并研究部署下一步工作", style)
                  for mark in NO_LINE_START]
    pdf = tmp_path / "wrap.pdf"
    canvas = Canvas(str(pdf), pagesize=A4)
    frame = Frame(72, 72, len(head) * size + size / 2, 700,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    frame.addFromList(paragraphs, canvas)
    assert paragraphs == []  # everything fitted on the page
    canvas.showPage()
    canvas.save()

    lines = [line.strip() for line in PdfReader(pdf).pages[0].extract_text().splitlines()]
    lines = [line for line in lines if line]
    offending = [line for line in lines if line[0] in NO_LINE_START]
    assert offending == []
    for mark in NO_LINE_START:
        assert f"{head}{mark}" in lines  # the mark hangs at the end of the first line
