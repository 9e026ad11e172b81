"""The 提醒函 of one reminder (A4 portrait), with a 回执 for the members to sign.

The letter: the big 黑体 heading by kind (廉政提醒函, 值班提醒, 学习提醒, 工作提醒), the members
it is addressed to (李建国、王淑芬同志：), an opening sentence made from the kind, 事由 and
holiday, the rules it recalls as numbered paragraphs, the deadline (请于…前…) for kinds that
have one, then the issuing 党组织 and the print date with room for the seal (≥ 25 mm).
The 回执 under a cut line: 本人已收到并认真阅读上述提醒，将严格遵守。 and a ruled table
姓名 | 签收日期 | 本人签名, one row per member, tall enough to sign in.

Letter and receipt fit on one page for up to FIT_NAMES members: when the roomy layout
runs over, the compact one (smaller type, lower rows) is used. Longer lists keep the roomy
layout and continue on the next pages, the table header repeated.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from app.reports.fonts import (
    BODY_FONT, CANNOT_END_EXTRA, CANNOT_START_EXTRA, HEADING_FONT, paragraph_style,
)
from app.reports.grid_table import GridStyle, GridTable
from app.reports.linebreak import text_width
from app.reports.page import MM, build_pdf, content_width
from app.services.dates import format_date_cn
from app.services.reminder_types import (
    FAMILY_EVENT, FUNERAL, HOLIDAY_REMINDER, REPORT_AFTER_WORKDAYS, LetterData,
)

SHORT_TITLE = "廉政提醒函"
# The heading by kind: the discipline kinds are 廉政提醒函, the rosters and the rest are not.
TITLES = {"值班": "值班提醒", "学习": "学习提醒", "其他": "工作提醒"}
PERSONAL_REPORT, DUTY_LIST = "个人有关事项报告", "一岗双责责任清单"
LEAD_IN = "现将有关要求提醒如下："
RECEIPT_TITLE = "回　　执"
RECEIPT_PROMISE = "本人已收到并认真阅读上述提醒，将严格遵守。"
RECEIPT_HEADER = ["姓名", "签收日期", "本人签名"]
BLANK_DATE = "　　　　年　　月　　日"
CLOSING = "特此提醒。"
SEAL_ROOM = 28 * MM  # the seal is stamped over the issuer and the date (at least 25 mm)
FIT_NAMES = 12
NUMERALS = "一二三四五六七八九十"
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|（[一二三四五六七八九十\d]+）)")


@dataclass(frozen=True)
class _Layout:
    title: float
    body: float
    leading: float
    row: float  # receipt rows: room for a handwritten signature
    gap: float  # space around the issuer block and the cut line


ROOMY = _Layout(title=26, body=14, leading=24, row=11 * MM, gap=6 * MM)
COMPACT = _Layout(title=22, body=12, leading=18, row=7.5 * MM, gap=3 * MM)


def addressee(names: list[str]) -> str:
    """李建国、王淑芬、张堃同志：; 各位同志： when no name is known."""
    clean = [n.strip() for n in names if n and n.strip()]
    return ("、".join(clean) if clean else "各位") + "同志："


def letter_title(letter: LetterData) -> str:
    """廉政提醒函 for the discipline kinds (and any holiday letter); 值班提醒, 学习提醒, 工作提醒."""
    if letter.holiday or letter.kind == HOLIDAY_REMINDER:
        return SHORT_TITLE
    return TITLES.get(letter.kind, SHORT_TITLE)


def _subject(letter: LetterData) -> str:
    return letter.subject.strip().rstrip("。；;，,：:")


def opening(letter: LetterData) -> str:
    """The sentence before the rules, from the holiday, the kind and the 事由."""
    subject = _subject(letter)
    about = f"就{subject}，" if subject else ""
    if letter.holiday:
        return f"{letter.holiday}将至，为严明节日纪律要求，确保节日期间风清气正，{LEAD_IN}"
    if letter.kind == FAMILY_EVENT:
        event = "，".join(t for t in (letter.event_kind, format_date_cn(letter.event_date)) if t)
        if subject and event:
            about = f"就{subject}（{event}），"
        return f"根据村干部婚丧喜庆事项报告有关规定，{about}{LEAD_IN}"
    if letter.kind == PERSONAL_REPORT:
        return f"根据个人有关事项报告有关规定，{about}{LEAD_IN}"
    if letter.kind == DUTY_LIST:
        return f"为落实全面从严治党主体责任和“一岗双责”，{about}{LEAD_IN}"
    if letter.kind == "值班":
        return f"为严格落实值班制度，{about}{LEAD_IN}"
    if letter.kind == "学习":
        return f"为严格落实学习制度，{about}{LEAD_IN}"
    if letter.kind == "其他":
        return f"为做好有关工作，{about}{LEAD_IN}"
    return f"为进一步严明纪律规矩，{about}{LEAD_IN}"


def _organ(letter: LetterData, body: str) -> str:
    """镇纪委, or the township's own: 青山镇纪委 (a 乡 or 街道 keeps its name)."""
    township = letter.township.strip()
    return f"{township}{body}" if township else f"镇{body}"


LATE = "该期限已过，请尽快补办。"


def deadline(letter: LetterData, print_date: dt.date) -> str:
    """请于2026年11月20日前……: what to do by the due date ("" for a holiday letter or no date),
    and, printed after that date, that it is now late."""
    text = _deadline(letter)
    return text + LATE if text and letter.due is not None and letter.due < print_date else text


def _deadline(letter: LetterData) -> str:
    if letter.holiday or letter.kind == HOLIDAY_REMINDER or letter.due is None:
        return ""
    by = f"请于{format_date_cn(letter.due)}前"
    subject = _subject(letter)
    commission = _organ(letter, "纪委")
    if letter.kind == FAMILY_EVENT:
        if letter.event_kind == FUNERAL:
            return (f"请于事后{REPORT_AFTER_WORKDAYS}个工作日内（{format_date_cn(letter.due)}前）"
                    f"向{commission}书面报告有关情况。")
        return f"{by}向{commission}书面报告有关情况，并签订廉洁承诺书。"
    actions = {
        PERSONAL_REPORT: "如实填写个人有关事项报告表，按规定报送。",
        DUTY_LIST: "对照全面从严治党主体责任清单完成自查，并报告履责情况。",
        "八项规定提醒": "对照上述要求认真开展自查自纠。",
        "提醒谈话": "就有关问题如实说明情况，并报告整改情况。",
        "警示教育": "参加警示教育，并对照案例开展自查自纠。",
        "值班": "确认值班安排，按排班表按时到岗。",
        "学习": f"完成{subject or '集中学习'}，并做好学习记录。",
    }
    action = actions.get(letter.kind) or (f"完成{subject}。" if subject else "落实上述要求。")
    return by + action


def rule_paragraphs(detail: str) -> list[str]:
    """One paragraph per line; numbered 一、二、… unless every line already carries a number."""
    lines = [ln.strip(" \t\u3000") for ln in str(detail).splitlines() if ln.strip(" \t\u3000")]
    if all(_NUMBERED.match(ln) for ln in lines) or len(lines) <= 1:
        return lines
    return [f"{NUMERALS[i]}、{ln}" if i < len(NUMERALS) else f"{i + 1}. {ln}"
            for i, ln in enumerate(lines)]


def issuer(letter: LetterData) -> str:
    return letter.party_org_name.strip() or f"中共{letter.village}支部委员会"


def _line_text(line) -> str:  # noqa: ANN001
    """The text of one laid-out line of a Paragraph (plain or with fragments)."""
    words = line[1] if isinstance(line, tuple) else getattr(line, "words", [])
    return "".join(w if isinstance(w, str) else getattr(w, "text", "") for w in words)


def body_paragraph(text: str, style, width: float):  # noqa: ANN001, ANN201
    """A Paragraph of ``text`` whose last line is never a lone character (书。 alone).

    When the last line would hold a single character (with its punctuation), a line break
    is put a few characters earlier, so that they go down together: 廉洁承诺书。
    """
    from reportlab.lib import textsplit
    from reportlab.platypus import Paragraph

    paragraph = Paragraph(escape(text), style)
    paragraph.wrap(width, 1e6)
    lines = [_line_text(line) for line in paragraph.blPara.lines]
    no_start = textsplit.ALL_CANNOT_START + CANNOT_START_EXTRA
    no_end = textsplit.ALL_CANNOT_END + CANNOT_END_EXTRA
    if len(lines) < 2 or len(lines[-1].strip().strip(no_start)) > 1:
        return paragraph
    start = text.rfind(lines[-1].strip())
    cut = start - 2
    while cut > 1 and start > 0 and (text[cut] in no_start or text[cut - 1] in no_end
                       or (text[cut].isascii() and text[cut].isalnum()
                           and text[cut - 1].isascii() and text[cut - 1].isalnum())):
        cut -= 1
    if start < 0 or cut <= start - 8 or not text[:cut].strip():
        return paragraph  # nothing sensible to move: keep reportlab's lines
    return Paragraph(f"{escape(text[:cut])}<br/>{escape(text[cut:])}", style)


def _issuer_block(lines: list[str], size: float, frame_width: float):
    """The issuer and the date at the right, in a band tall enough for the seal over them."""
    from reportlab.platypus.flowables import Flowable

    leading = size * 1.7
    text_w = max(text_width(t, BODY_FONT, size) for t in lines)
    height = max(SEAL_ROOM, len(lines) * leading)
    right_pad = 2 * size  # 右空二字, as official letters sign

    class IssuerBlock(Flowable):
        def wrap(self, avail_width, avail_height):
            return frame_width, height

        def draw(self):
            canvas = self.canv
            canvas.saveState()
            canvas.setFont(BODY_FONT, size)
            centre = frame_width - right_pad - text_w / 2
            top = (height + len(lines) * leading) / 2
            for n, text in enumerate(lines):
                baseline = top - (n + 1) * leading + (leading - size) / 2 + 0.12 * size
                canvas.drawCentredString(centre, baseline, text)
            canvas.restoreState()

    return IssuerBlock()


def _cut_line(frame_width: float, gap: float, size: float):
    """A dashed line across the page with 回执 in its middle: the receipt is cut off here."""
    from reportlab.platypus.flowables import Flowable

    title_w = text_width(RECEIPT_TITLE, HEADING_FONT, size)
    height = 2 * gap + size

    class CutLine(Flowable):
        def wrap(self, avail_width, avail_height):
            return frame_width, height

        def draw(self):
            canvas = self.canv
            canvas.saveState()
            middle = height / 2
            canvas.setFont(HEADING_FONT, size)
            canvas.drawCentredString(frame_width / 2, middle - 0.38 * size, RECEIPT_TITLE)
            canvas.setStrokeColorRGB(0.4, 0.4, 0.4)
            canvas.setLineWidth(0.5)
            canvas.setDash(4, 3)
            side = (frame_width - title_w) / 2 - size
            canvas.line(0, middle, side, middle)
            canvas.line(frame_width - side, middle, frame_width, middle)
            canvas.restoreState()

    return CutLine()


def _receipt_table(names: list[str], layout: _Layout):
    width = content_width()
    widths = [40 * MM, 50 * MM, 0.0]
    widths[2] = width - sum(widths)
    size = 11 if layout is COMPACT else 12
    style = GridStyle(size=size, leading=size * 1.35, pad_x=1.5 * MM, pad_y=1 * MM)
    rows = [[name, BLANK_DATE, ""] for name in names] or [["", BLANK_DATE, ""]]
    table = GridTable(widths, RECEIPT_HEADER, rows, aligns=["center", "center", "left"],
                      style=style)
    table.row_heights[:] = [max(h, layout.row) for h in table.row_heights]
    return table


def _story(letter: LetterData, layout: _Layout, print_date: dt.date) -> list:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    width = content_width()
    title = paragraph_style("letter-title", layout.title, HEADING_FONT, layout.title * 1.35,
                            alignment=TA_CENTER, spaceAfter=layout.gap)
    plain = paragraph_style("letter-plain", layout.body, BODY_FONT, layout.leading)
    indented = paragraph_style("letter-body", layout.body, BODY_FONT, layout.leading,
                               firstLineIndent=2 * layout.body)
    indented_next = paragraph_style("letter-body-next", layout.body, BODY_FONT, layout.leading,
                                    firstLineIndent=2 * layout.body, keepWithNext=1)
    names = [n.strip() for n in letter.names if n and n.strip()]
    story: list = [Paragraph(escape(letter_title(letter)), title),
                   Paragraph(escape(addressee(names)), plain),
                   body_paragraph(opening(letter), indented, width)]
    story += [body_paragraph(p, indented, width) for p in rule_paragraphs(letter.detail)]
    if deadline(letter, print_date):
        story.append(body_paragraph(deadline(letter, print_date), indented, width))
    story.append(Paragraph(CLOSING, indented))
    date_text = format_date_cn(print_date)  # dated the day it is printed and handed out
    story.append(KeepTogether([Spacer(1, layout.gap / 2),
                               _issuer_block([issuer(letter), date_text], layout.body, width)]))
    receipt = [_cut_line(width, layout.gap, layout.body + 2),
               Paragraph(RECEIPT_PROMISE, indented_next), Spacer(1, 1.5 * MM),
               _receipt_table(names, layout)]
    # A long list continues over pages (header repeated), so only a short one is kept whole.
    if len(names) <= FIT_NAMES:
        story.append(KeepTogether(receipt))
    else:
        story += receipt
    return story


def build_reminder_letter(
    path: str | Path | BinaryIO,
    *,
    letter: LetterData,
    print_date: dt.date,
) -> int:
    """Write the 提醒函 with its 回执 to ``path``, dated ``print_date``; return its page count."""
    heading = letter_title(letter)
    options = dict(title=heading, village=letter.village, print_date=print_date,
                   subject=f"{letter.village}{heading}：{letter.subject.strip()}")
    layout = ROOMY
    # A short list must fit one page: try the roomy layout first (a trial in memory).
    named = [n for n in letter.names if n and n.strip()]
    if len(named) <= FIT_NAMES:
        if build_pdf(io.BytesIO(), _story(letter, ROOMY, print_date), **options) > 1:
            layout = COMPACT
    return build_pdf(path, _story(letter, layout, print_date), **options)
