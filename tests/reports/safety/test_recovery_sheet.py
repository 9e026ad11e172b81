import datetime as dt

from pypdf import PdfReader

from app.reports.safety.recovery_sheet import build_recovery_sheet


def test_sheet_prints_the_code_the_admin_and_the_steps(tmp_path):
    path = tmp_path / "恢复码.pdf"
    build_recovery_sheet(path, village="红旗村", admin="王文书", code="7KQ4M-PX2HD-9RWTB-3NFCE",
                         print_date=dt.date(2026, 11, 27))
    text = "".join(p.extract_text() for p in PdfReader(path).pages).replace(" ", "")
    assert "7KQ4M-PX2HD-9RWTB-3NFCE" in text
    assert "管理员用户名：王文书" in text and "内部留存" in text
    assert "忘记密码" in text and "只能用一次" in text


def test_the_code_box_sits_inside_the_margins_and_the_steps_point_up_to_it(tmp_path):
    from pdf_layout import rectangles

    from app.reports.common.page import margins_for

    path = tmp_path / "恢复码.pdf"
    build_recovery_sheet(path, village="红旗村", admin="王文书", code="7KQ4M-PX2HD-9RWTB-3NFCE",
                         print_date=dt.date(2026, 11, 27))
    page = PdfReader(path).pages[0]
    width = float(page.mediabox.width)
    margins = margins_for()
    boxes = [r for r in rectangles(page) if r[3] - r[1] > 30]  # the code's box, not the 内部留存 mark
    assert len(boxes) == 1
    x0, _, x1, _ = boxes[0]
    assert x0 >= margins.left - 0.5 and x1 <= width - margins.right + 0.5
    text = "".join(page.extract_text().split())
    assert text.index("7KQ4M-PX2HD-9RWTB-3NFCE") < text.index("上面的恢复码")
    assert "设置→用户管理" in text
