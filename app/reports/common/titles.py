"""The title of a printed form: centred, in the heavy serif of official titles (小标宋 style)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from app.reports.common.fonts import TITLE_FONT, face_for, paragraph_style
from app.reports.common.page import MM

TITLE_SIZE = 22  # 二号, the size GB/T 9704 gives a document's title


def title_paragraph(text: str, size: float = TITLE_SIZE, space_after: float = 5 * MM):
    """A centred title that stays with what follows it; a line break in ``text`` is kept
    (the issuing body on a line of its own)."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.platypus import Paragraph

    style = paragraph_style("form-title", size, face_for(text, TITLE_FONT), size * 1.35,
                            alignment=TA_CENTER, spaceAfter=space_after, keepWithNext=1)
    return Paragraph("<br/>".join(escape(line) for line in text.splitlines()), style)
