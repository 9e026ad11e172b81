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
