"""From the command line: a village exports its key and package, the township registers and imports them."""

import zipfile

import pytest
from pypdf import PdfReader

from tests.cli.command_line import command_runner


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    return command_runner(tmp_path, capsys, monkeypatch)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request):
    """Extra `town` arguments: none (town.db in the town folder), or a PostgreSQL database."""
    return ["--db", request.getfixturevalue("pg_url")] if request.param == "postgresql" else []


def pdf_text(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_village_without_an_area_code_is_told_where_to_fill_it_in(run, tmp_path):
    run("profile", "--village", "红旗村")
    code, out = run("export", "package", "-o", str(tmp_path / "p.tzpkg"))
    assert code == 2 and "还没有填写本村的统计用区划代码：请先在 设置 → 村庄信息 中填写" in out
    code, out = run("export", "key")
    assert code == 2 and "请用 -o 写明输出的文件，例如 export key -o 红旗村.pub" in out
    assert not (tmp_path / "p.tzpkg").exists()


def test_village_to_township_round_trip_with_receipt(run, tmp_path, db):
    run("demo")
    town = str(tmp_path / "town")
    code, out = run("export", "key", "-o", str(tmp_path / "红旗村.pub"))
    assert code == 0 and "已导出红旗村（430124105201）的公钥" in out
    fingerprint = out.split("密钥指纹：")[1].split()[0:4]
    code, out = run("pdf", "keysheet", "-o", str(tmp_path / "登记表.pdf"))
    sheet = pdf_text(tmp_path / "登记表.pdf")
    assert code == 0 and "上报密钥登记表" in sheet and " ".join(fingerprint) in sheet and "430124105201" in sheet
    code, out = run("export", "package", "-o", str(tmp_path / "红旗村.tzpkg"))
    assert code == 0 and "已导出第 1 号上报数据包" in out
    with zipfile.ZipFile(tmp_path / "红旗村.tzpkg") as archive:
        assert {"manifest.json", "signature.sig", "tables/person.jsonl", "tables/meeting.jsonl"} <= set(archive.namelist())

    assert run("town", "--town-dir", town, *db, "init", "--name", "白沙镇", "--code", "430124105")[0] == 0
    code, out = run("town", "--town-dir", town, *db, "import", str(tmp_path / "红旗村.tzpkg"))
    assert code == 2 and "区划代码 430124105201（红旗村）的村还没有登记，没有导入" in out
    code, out = run("town", "--town-dir", town, *db, "register", str(tmp_path / "红旗村.pub"))
    assert code == 0 and f"指纹 {' '.join(fingerprint)}" in out
    code, out = run("town", "--town-dir", town, *db, "import", str(tmp_path / "红旗村.tzpkg"))
    assert code == 0 and "已导入红旗村第 1 号数据包（2021-05-01 至 2026-11-27，" in out
    receipt = out.split("回执：")[1].strip()
    text = pdf_text(receipt)
    assert "白沙镇上报数据包接收回执" in text and "红旗村" in text and " ".join(fingerprint) in text
    assert "会议记录" in text and "2026年11月27日 09:30" in text
    code, out = run("town", "--town-dir", town, *db, "import", str(tmp_path / "红旗村.tzpkg"))
    assert code == 0 and "红旗村第 1 号数据包以前已导入，这次没有任何改动" in out
    code, out = run("town", "--town-dir", town, *db, "villages")
    assert out == "430124105201\t红旗村\t第1号 2026-11-27\t2021-05-01 至 2026-11-27\t正常\n"
    code, out = run("town", "--town-dir", town, *db, "log")
    assert [line.split("\t")[3] for line in out.splitlines()] == ["已拒绝", "已导入", "重复"]


def test_town_commands_before_init_say_what_to_do(run, tmp_path):
    code, out = run("town", "--town-dir", str(tmp_path / "nowhere"), "villages")
    assert code == 2 and "里还没有乡镇数据：请先运行 town init --name 镇名" in out
    code, out = run("town", "--town-dir", str(tmp_path / "t"), "init", "--name", "白沙镇", "--code", "4301")
    assert code == 2 and "乡镇的区划代码应是统计用区划代码的前9位" in out


def test_the_sample_township_shows_its_variations_in_the_analysis(run, tmp_path, db):
    town = str(tmp_path / "town")
    code, out = run("town", "--town-dir", town, *db, "demo")
    assert code == 0 and "已建立示例乡镇“城关镇”：12 个村已登记，11 个已导入数据包。其中向阳村支委会三个月未开；" in out
    assert "新华村没有当年党建计划；东风村整改问题未完成（其余各村已销号）；" in out and "白沙社区已登记、未上报。" in out
    lines = run("town", "--town-dir", town, *db, "villages")[1].splitlines()
    assert len(lines) == 12 and lines[-1] == "430124105212\t白沙社区\t—\t—\t未上报"
    code, out = run("town", "--town-dir", town, *db, "pdf", "analysis", "2026", "-o", str(tmp_path / "分析.pdf"))
    assert code == 0 and "已生成城关镇2026年度分析研判" in out
    text = pdf_text(tmp_path / "分析.pdf").replace("\n", "")
    assert "1个村未上报台账数据（白沙社区）" in text
    assert "个村支部委员会会议未按要求召开（红旗村、向阳村、" in text  # the sample misses one; 向阳村 three more
    assert "1个村财务公开逾期或未公开（光明村）" in text
    assert "1个村未制定年度党建计划（新华村）" in text and "1个村整改问题逾期未完成（东风村）" in text
    assert "制定年度党建计划 10/11个村" in text and "群团组织健全 11/11个村" in text
    problems = text[text.index("二、存在问题"):]  # in the order of the figures' sections
    order = [problems.index(p) for p in ("财务公开逾期或未公开（光明村）", "未制定年度党建计划（新华村）",
                                         "整改问题逾期未完成（东风村）", "婚丧喜庆事项报告未按时办理")]
    assert order == sorted(order)
    code, out = run("town", "--town-dir", town, *db, "export", "analysis", "term", str(tmp_path / "分析.docx"))
    assert code == 0 and "已生成城关镇届中分析研判" in out and (tmp_path / "分析.docx").stat().st_size > 0
    code, out = run("town", "--town-dir", town, *db, "pdf", "analysis", "明年", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "年份“明年”看不懂：请写四位数的年份，例如 2026，或写 term（届中）" in out
    village_summaries(run, town, db, tmp_path)


def village_summaries(run, town, db, tmp_path) -> None:
    """`town pdf village CODE summary YEAR|term`: a village's 汇总 printed from the township's copy."""
    target = tmp_path / "向阳村汇总.pdf"
    code, out = run("town", "--town-dir", town, *db, "pdf", "village", "430124105202", "summary", "2026",
                    "-o", str(target))
    assert code == 0 and out.startswith("已生成向阳村2026年度工作台账汇总 ") and "据第 1 号数据包" in out
    text = pdf_text(target).replace("\n", "")
    assert "向阳村" in text and "2026年度工作台账汇总" in text and "支部委员会会议" in text
    code, out = run("town", "--town-dir", town, *db, "pdf", "village", "430124105202", "summary", "term",
                    "-o", str(tmp_path / "届中.pdf"))
    assert code == 0 and "已生成向阳村本届届中工作台账汇总" in out and "届中工作台账汇总" in pdf_text(tmp_path / "届中.pdf")
    for args, says in (
            (["430124105299", "summary", "2026"], "没有登记区划代码为 430124105299 的村：用 town villages 查看各村的代码"),
            (["430124105212", "summary", "2026"], "白沙社区还没有上报过数据包，没有台账可打印"),
            (["430124105202", "roster", "2026"], "请写成 town pdf village 区划代码 summary 年份或term -o 文件.pdf")):
        code, out = run("town", "--town-dir", town, *db, "pdf", "village", *args, "-o", str(tmp_path / "y.pdf"))
        assert code == 2 and says in out and not (tmp_path / "y.pdf").exists()


def test_a_postgresql_town_before_init_and_a_wrong_address_say_what_to_do(run, tmp_path, pg_url):
    code, out = run("town", "--town-dir", str(tmp_path / "t"), "--db", pg_url, "villages")
    assert code == 2 and "里还没有乡镇数据：请先运行 town --db 地址 init --name 镇名" in out
    assert run("town", "--town-dir", str(tmp_path / "t"), "--db", pg_url, "init", "--name", "白沙镇")[0] == 0
    code, out = run("town", "--town-dir", str(tmp_path / "t"), "--db", pg_url, "init", "--name", "白沙镇")
    assert code == 2 and "里已有乡镇数据，没有重新建立" in out
    code, out = run("town", "--town-dir", str(tmp_path / "t"), "--db", "mysql://x@127.0.0.1/y", "villages")
    assert code == 2 and "“mysql://x@127.0.0.1/y”不是 PostgreSQL 数据库地址）：请核对 --db 地址" in out
    closed = pg_url.rsplit(":", 1)[0] + ":1/t"
    code, out = run("town", "--town-dir", str(tmp_path / "t"), "--db", closed, "villages")
    assert code == 2 and "连不上乡镇数据库" in out and "请核对 --db 地址" in out
