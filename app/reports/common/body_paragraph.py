"""A paragraph of Chinese body text that keeps to its frame and never ends on one character.

A lone character (or a character and its full stop) on the last line looks careless on a
notice board. When reportlab's wrapping leaves one, the paragraph is wrapped again a little
narrower, so that a second character comes down to keep it company. reportlab also lets a
closing mark (，。) hang past the right edge; such a line is wrapped again narrower too, so
the mark comes down with the character before it.
"""

from __future__ import annotations

from functools import cache

from app.reports.common.fonts import CANNOT_START_EXTRA


def _line_text(line) -> str:  # noqa: ANN001 - a reportlab line: (space, words) or a FragLine
    if isinstance(line, tuple):
        return "".join(str(w) for w in line[1])
    return "".join(getattr(word, "text", "") for word in getattr(line, "words", []))


def last_line_chars(paragraph) -> int:  # noqa: ANN001 - a wrapped reportlab Paragraph
    """Characters on the paragraph's last line, punctuation not counted (after wrap())."""
    lines = paragraph.blPara.lines
    if len(lines) < 2:
        return 2  # a one-line paragraph is never a lone tail
    text = _line_text(lines[-1]).strip()
    return len([c for c in text if c not in CANNOT_START_EXTRA + "."])


@cache
def overhang(paragraph) -> float:  # noqa: ANN001 - a wrapped reportlab Paragraph
    """How far the widest line runs past the width it was wrapped to (0 when none does)."""
    spare = [line[0] if isinstance(line, tuple) else getattr(line, "extraSpace", 0)
             for line in paragraph.blPara.lines]
    return max([0.0] + [-s for s in spare])


def _class():
    from reportlab.platypus import Paragraph

    class BodyParagraph(Paragraph):
        def wrap(self, avail_width, avail_height):
            width, height = super().wrap(avail_width, avail_height)
            narrower = avail_width
            for _ in range(6):
                if overhang(self) > 0.01:
                    narrower -= overhang(self)
                elif last_line_chars(self) == 1:
                    narrower -= self.style.fontSize
                else:
                    break
                width, height = super().wrap(narrower, avail_height)
            return avail_width, height

    return BodyParagraph


def body_paragraph(text: str, style):  # noqa: ANN001, ANN201 - a ParagraphStyle; a Paragraph
    """A Paragraph (markup as for reportlab) that never ends on a one-character line."""
    return _class()(text, style)
