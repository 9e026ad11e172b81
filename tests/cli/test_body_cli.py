"""Rosters per body and the 村民代表 import from the command line, on the sample village."""

import re
import subprocess

import pytest
from command_line import command_runner


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return command_runner(tmp_path, capsys, monkeypatch)


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[ \t]+", " ", out)


def test_representatives_roster_lists_group_and_contact_households_masked(run, tmp_path):
    assert run("demo")[0] == 0
    out_pdf = tmp_path / "reps.pdf"
    code, out = run("pdf", "roster", "--body", "村民代表", "-o", str(out_pdf))
    assert code == 0 and "30 人" in out
    text = pdf_text(out_pdf)
    assert "红旗村村民代表名册" in text and "村民小组" in text and "联系" in text
    assert text.count("第一村民小组") == 5 and text.count("第六村民小组") == 5
    assert re.search(r"1[3-9]\d\*\*\*\*\d{4}", text) and not re.search(r"1[3-9]\d{9}", text)
    assert text.index("第一村民小组") < text.index("第六村民小组")  # by 村民小组


@pytest.mark.parametrize(("body", "count", "posts"), [
    ("团支部", 3, ["团支部书记", "团支部委员"]),
    ("妇联", 3, ["妇联主席", "妇联副主席", "妇联执委"]),
    ("民兵", 2, ["民兵连长", "民兵连指导员"]),
    ("集体经济组织", 5, ["理事长", "理事", "监事长", "监事"]),
])
def test_each_body_prints_its_officers_with_its_posts_only(run, tmp_path, body, count, posts):
    run("demo")
    out_pdf = tmp_path / "body.pdf"
    code, out = run("pdf", "roster", "--body", body, "-o", str(out_pdf))
    assert code == 0 and f"{count} 人" in out
    text = pdf_text(out_pdf)
    assert all(p in text for p in posts)
    assert "村委会主任" not in text and "村民代表" not in text


def test_default_roster_is_still_the_two_committees_and_all_lists_everyone(run, tmp_path):
    run("demo")
    code, out = run("pdf", "roster", "-o", str(tmp_path / "team.pdf"))
    assert code == 0 and "9 人" in out
    assert "村民代表" not in pdf_text(tmp_path / "team.pdf")
    code, out = run("pdf", "roster", "--body", "全部", "-o", str(tmp_path / "all.pdf"))
    assert code == 0 and "47 人" in out


def test_a_body_without_officers_or_unknown_says_what_to_do(run, tmp_path):
    run("demo")
    code, out = run("pdf", "roster", "--body", "工会", "-o", str(tmp_path / "u.pdf"))
    assert code != 0 and "工会现在没有在任人员" in out
    code, out = run("pdf", "roster", "--body", "老年协会", "-o", str(tmp_path / "x.pdf"))
    assert code != 0 and "不认识的组织“老年协会”" in out
