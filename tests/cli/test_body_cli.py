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


def test_import_representatives_with_group_and_contact_households_all_or_nothing(run, tmp_path):
    from xlsx_helpers import write_sheet

    run("demo")
    bad = write_sheet(tmp_path / "bad.xlsx", [
        ["姓名", "性别", "手机号", "村民小组", "联系户数"],
        ["石春花", "女", "13812341027", "第一村民小组", "12"],
        ["石大山", "男", "", "第九村民小组", "十二"],
    ])
    code, out = run("import", "members", str(bad), "--body", "村民代表")
    assert code == 2
    assert "第 3 行（石大山）：村民小组“第九村民小组”还没有登记" in out
    assert "第 3 行（石大山）：联系户数“十二”应是一个整数，例如 12" in out
    assert "未写入任何数据" in out
    good = write_sheet(tmp_path / "good.xlsx", [
        ["姓名", "性别", "手机号", "所在小组", "联系户数", "任职时间"],
        ["石春花", "女", "13812341027", "第一村民小组", 12, "2026.05"],
        ["石大山", "男", "", "第二村民小组", "9户", "2026.05"],
    ])
    assert run("import", "members", str(good), "--body", "村民代表", "--dry-run") == (
        0, "检查通过（未写入）：将新增 2 人，更新 0 人\n")
    assert run("import", "members", str(good), "--body", "村民代表") == (0, "导入完成：新增 2 人，更新 0 人\n")
    code, out = run("pdf", "roster", "--body", "村民代表", "-o", str(tmp_path / "reps.pdf"))
    assert code == 0 and "32 人" in out
    text = pdf_text(tmp_path / "reps.pdf")
    assert re.search(r"石春花 +女.*村民代表 +第一村民小组 +12", text)
    assert re.search(r"石大山 +男.*村民代表 +第二村民小组 +9", text)


def test_import_body_other_than_representatives_is_refused(run, tmp_path):
    from xlsx_helpers import write_sheet

    sheet = write_sheet(tmp_path / "in.xlsx", [["姓名", "职务"], ["张三", "书记"]])
    code, out = run("import", "members", str(sheet), "--body", "妇联")
    assert code == 2 and "--body 目前只能写 村民代表" in out


def test_term_summary_prints_each_body_sound_and_its_last_activity(run, tmp_path):
    run("demo")
    out_pdf = tmp_path / "term.pdf"
    code, _out = run("pdf", "summary", "term", "-o", str(out_pdf))
    assert code == 0
    text = re.sub(r"\s+", "", pdf_text(out_pdf))
    assert "各组织健全情况" in text
    assert "村民代表：健全；最近一次活动" in text and "“决议村道硬化工程”" in text
    assert "团支部：健全" in text and "妇联：健全" in text and "民兵：健全" in text and "集体经济组织：健全" in text
    assert "工会：" not in text  # the sample village has none (a setting)
