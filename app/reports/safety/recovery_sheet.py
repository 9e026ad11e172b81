"""The administrator's recovery-code sheet, printed once and kept in the office safe."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape

from app.reports.common.fonts import BODY_FONT, SANS_FONT, TITLE_FONT, paragraph_style
from app.reports.common.page import MM, build_pdf
from app.services.common.dates import format_date_cn

TITLE = "管理员恢复码"
STEPS = (
    "请把这一页打印出来，装进信封，放在村部保险柜里。不要拍照，不要存在电脑或手机里。",
    "忘记管理员密码时：打开村支部台账，在登录窗口点“忘记密码…”，输入管理员用户名和上面的恢复码，再设置新密码。",
    "恢复码只能用一次。用过以后程序会显示新的恢复码：请登录后在 设置 → 用户管理 中重新打印这一页，把旧的一页销毁。",
)


def build_recovery_sheet(path: str | Path, *, village: str, admin: str, code: str, print_date: dt.date) -> int:
    from reportlab.platypus import Paragraph, Spacer

    title = paragraph_style("recovery-title", 26, TITLE_FONT, 34, alignment=1)
    body = paragraph_style("recovery-body", 14, BODY_FONT, 24)
    # The box is drawn borderPadding outside the text: indent the text as much, so the box
    # stays inside the margins.
    code_style = paragraph_style("recovery-code", 28, SANS_FONT, 40, alignment=1,
                                 borderWidth=1, borderPadding=8 * MM, borderColor="#000000",
                                 leftIndent=8 * MM, rightIndent=8 * MM)
    story = [
        Paragraph(escape(f"村支部台账{TITLE}"), title),
        Spacer(1, 12 * MM),
        Paragraph(escape(f"村庄：{village}"), body),
        Paragraph(escape(f"管理员用户名：{admin}"), body),
        Paragraph(escape(f"生成日期：{format_date_cn(print_date)}"), body),
        Spacer(1, 14 * MM),
        Paragraph(escape(code), code_style),
        Spacer(1, 18 * MM),
    ]
    story += [Paragraph(escape(f"{i}. {step}"), body) for i, step in enumerate(STEPS, 1)]
    return build_pdf(path, story, title=TITLE, village=village, print_date=print_date, internal=True)
