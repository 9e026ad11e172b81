"""An exported roster can neither run code in a clerk's Excel nor fail on a stray character."""

import openpyxl
import pytest

from app.services.members.roster_excel_write import write_roster


@pytest.mark.parametrize("text", ['=HYPERLINK("http://example.invalid","点击")', "+86 13812341027", "-1+1",
                                  "@SUM(A1)", "\t=1+1", "\r=1+1"])
def test_text_that_excel_would_run_is_exported_as_text(tmp_path, text):
    path = tmp_path / "花名册.xlsx"
    write_roster(path, [{"name": "张三", "note": text, "address": text}], "红旗村两委成员")
    ws = openpyxl.load_workbook(path).active
    cells = [c for row in ws.iter_rows(min_row=3) for c in row if isinstance(c.value, str)
             and c.value.lstrip("\t\r\n") == text.lstrip("\t\r")]
    assert len(cells) == 2 and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_characters_xml_cannot_hold_do_not_break_the_export(tmp_path):
    path = tmp_path / "花名册.xlsx"
    write_roster(path, [{"name": "张三", "note": "铃\x07声_x0007_"}], "红旗村两委成员")
    values = [c.value for row in openpyxl.load_workbook(path).active.iter_rows(min_row=3) for c in row]
    assert "铃声_x0007_" in values
