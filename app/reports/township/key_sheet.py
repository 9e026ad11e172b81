"""上报密钥登记表: one page the village signs and the township keeps, to check a registered key by its fingerprint."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, SANS_FONT, TITLE_FONT, paragraph_style
from app.reports.common.page import MM, build_pdf

TITLE = "上报密钥登记表"
NOTES = (
    "本村用这把密钥给上报乡镇的数据包签名。乡镇登记公钥时，请核对上面的指纹与登记的一致。",
    "私钥只在本村电脑的数据里（随备份保存），从不导出。换电脑请用备份恢复，密钥随之带过去；"
    "若密钥丢失而重新生成，请重新导出公钥、打印本表交乡镇重新登记。",
)


def build_key_sheet(path: str | Path, *, village: str, township: str, code: str, fingerprint: str,
                    print_date: dt.date) -> int:
    from reportlab.platypus import Paragraph, Spacer

    title = paragraph_style("key-title", 22, TITLE_FONT, 30, alignment=1)
    body = paragraph_style("key-body", 13, BODY_FONT, 22)
    big = paragraph_style("key-print", 24, SANS_FONT, 34, alignment=1, borderWidth=1, borderPadding=6 * MM,
                          borderColor="#000000", leftIndent=6 * MM, rightIndent=6 * MM)
    story = [Paragraph(escape(f"{village}{TITLE}"), title), Spacer(1, 10 * MM)]
    story += [Paragraph(escape(line), body) for line in (
        f"村（社区）：{village}", f"所属乡镇：{township or '（未填写）'}", f"统计用区划代码：{code or '（未填写）'}",
        f"填表日期：{print_date.year}年{print_date.month}月{print_date.day}日", "密钥指纹：")]
    story += [Spacer(1, 6 * MM), Paragraph(escape(fingerprint), big), Spacer(1, 10 * MM)]
    story += [Paragraph(escape(note), body) for note in NOTES]
    story += [Spacer(1, 14 * MM),
              Paragraph(escape("村党组织书记（签字）：____________    乡镇登记人（签字）：____________"), body)]
    return build_pdf(path, story, title=TITLE, village=village, print_date=print_date)
