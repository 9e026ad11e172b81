"""The headless commands of the 纪律提醒 tab and the 工作台: due, pdf reminder/reminders/summary."""

import datetime as dt
import re

import pytest
from conftest import person
from pypdf import PdfReader

from app.cli.main import main
from app.clock import FixedClock
from app.data_dir import DataDir
from app.services.common.context import open_services
from app.services.common.profile import Profile
from app.services.reminders.reminder_types import DoneRecord, Recurrence, ReminderData

NOW = dt.datetime(2026, 11, 27, 9, 30)


@pytest.fixture
def run(tmp_path, capsys, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setattr("app.cli.main.SystemClock", lambda: FixedClock(NOW))
    monkeypatch.chdir(tmp_path)  # where the default file names land

    def _run(*args):
        code = main(["--data-dir", str(data), *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    _run.data = data
    return _run


def _services(run):
    return open_services(DataDir(run.data), FixedClock(NOW))


def _fill(run, *, term: bool = True) -> dict[str, int]:
    """A village with four cadres (rare characters in their names) and three reminders."""
    services = _services(run)
    try:
        services.profile.save(Profile("红旗村", "城关镇"))
        ids = {name: services.members.save(person(name, *posts), confirmed=True) for name, posts in (
            ("吴𠮷祥", ("党支部书记", "村委会主任")), ("李䶮", ("纪检委员",)),
            ("张堃", ("监委会主任",)), ("陈喆", ("村委会委员",)))}
        if term:
            services.members.add_term("第十二届", dt.date(2026, 5, 1), dt.date(2031, 4, 30))
        reminders = services.reminders
        talk = reminders.save(ReminderData("提醒谈话", "鱼塘承包费收缴不及时", dt.date(2026, 11, 20),
                                           person_ids=[ids["张堃"]]), confirmed=True)
        festival = reminders.save(ReminderData("节前廉政提醒", "春节前廉政提醒", dt.date(2026, 1, 1),
                                               Recurrence.HOLIDAY, all_cadres=True, holiday="春节",
                                               days_before=3), confirmed=True)
        study = reminders.save(ReminderData("学习", "两委干部每月集中学习", dt.date(2026, 1, 10),
                                            Recurrence.MONTHLY, person_ids=[ids["李䶮"], ids["陈喆"]]),
                               confirmed=True)
        for month in range(1, 11):
            reminders.mark_done(study, dt.date(2026, month, 10),
                                DoneRecord(dt.date(2026, month, 10), "会议", "学习党章", "吴𠮷祥"))
        return {"talk": talk, "festival": festival, "study": study}
    finally:
        services.close()


def _text(path) -> str:
    return "".join(re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages)


def test_due_lists_overdue_first_one_a_line(run):
    _fill(run)
    code, out = run("due")
    assert code == 0
    lines = out.splitlines()
    talk = "已逾期  2026-11-20  纪律提醒　  提醒谈话：鱼塘承包费收缴不及时（张堃）"
    study = "待办　  2026-12-10  纪律提醒　  学习：两委干部每月集中学习（陈喆、李䶮）"
    assert talk in lines and study in lines
    assert "已逾期  2026-11-10  纪律提醒　  学习：两委干部每月集中学习（陈喆、李䶮）" in lines
    overdue = [i for i, line in enumerate(lines) if line.startswith("已逾期")]
    pending = [i for i, line in enumerate(lines) if line.startswith("待办")]
    assert overdue and pending and max(overdue) < min(pending)
    dates = [line.split()[1] for line in lines[:len(overdue)]]
    assert dates == sorted(dates)


def test_letter_defaults_to_the_oldest_undone_occurrence_within_the_lookback(run, tmp_path):
    ids = _fill(run)
    # 春节 2026 (break from 15 Feb, reminder 3 days before) was never done: that letter is still owed.
    code, out = run("pdf", "reminder", str(ids["festival"]))
    assert code == 0 and "2026年2月12日到期的一次" in out
    path = tmp_path / f"红旗村廉政提醒函-{ids['festival']}-2026-02-12.pdf"
    text = _text(path)
    assert len(PdfReader(path).pages) == 1
    assert "廉政提醒函" in text and "春节将至" in text
    assert all(name in text for name in ("吴𠮷祥", "李䶮", "张堃", "陈喆"))

    out_file = tmp_path / "next.pdf"
    code, out = run("pdf", "reminder", str(ids["festival"]), "--due", "2027-02-02", "-o", str(out_file))
    assert code == 0 and "2027年2月2日到期的一次" in out and "春节将至" in _text(out_file)

    code, out = run("pdf", "reminder", str(ids["talk"]), "-o", str(tmp_path / "talk.pdf"))
    assert code == 0 and "张堃同志：" in _text(tmp_path / "talk.pdf")


def test_letter_after_every_past_occurrence_is_done_is_the_next_one(run, tmp_path):
    _fill(run)
    services = _services(run)
    try:
        new_year = services.reminders.save(ReminderData("节前廉政提醒", "元旦节前廉政提醒", dt.date(2025, 1, 1),
                                                        Recurrence.HOLIDAY, all_cadres=True, holiday="元旦",
                                                        days_before=3), confirmed=True)
        services.reminders.mark_done(new_year, dt.date(2025, 12, 29),
                                     DoneRecord(dt.date(2025, 12, 29), "会议", "", "吴𠮷祥"))
    finally:
        services.close()
    # Not last year's letter (29 December 2025, done) but this year's.
    code, out = run("pdf", "reminder", str(new_year))
    assert code == 0 and "2026年12月29日到期的一次" in out
    assert "元旦将至" in _text(tmp_path / f"红旗村廉政提醒函-{new_year}-2026-12-29.pdf")


def test_letter_errors_are_in_chinese_with_a_non_zero_exit(run, tmp_path):
    ids = _fill(run)
    code, out = run("pdf", "reminder", "99", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "没有编号为 99 的提醒" in out
    code, out = run("pdf", "reminder", "abc", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "提醒编号“abc”应是数字" in out
    code, out = run("pdf", "reminder", str(ids["festival"]), "--due", "2026-03-01", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "不是这条提醒的到期日" in out
    code, out = run("pdf", "reminders", "2026", "--due", "2026-03-01")
    assert code == 2 and "--due 只用于 pdf reminder" in out
    assert not (tmp_path / "x.pdf").exists()


def test_ledger_of_a_year_with_its_default_file_name(run, tmp_path):
    _fill(run)
    code, out = run("pdf", "reminders", "2026")
    assert code == 0 and out.startswith("已生成2026年纪律提醒台账")
    text = _text(tmp_path / "红旗村2026年纪律提醒台账.pdf")
    assert "红旗村2026年纪律提醒台账" in text
    assert "提醒谈话鱼塘承包费收缴不及时张堃2026年11月20日已逾期" in text
    assert "2026年10月10日已完成2026年10月10日会议吴𠮷祥学习党章" in text
    assert "本年度没有标记为已处理或忽略的提醒" in text
    for bad in ("26", "二〇二六", "3000"):
        code, out = run("pdf", "reminders", bad)
        assert code == 2 and f"年份“{bad}”看不懂" in out


def test_year_and_term_summaries(run, tmp_path):
    _fill(run, term=False)
    code, out = run("pdf", "summary", "term", "-o", str(tmp_path / "term.pdf"))
    assert code == 2 and "还没有登记届次" in out
    code, out = run("pdf", "summary", "2026", "-o", str(tmp_path / "year.pdf"))
    assert code == 0 and "已生成2026年度工作台账汇总" in out
    text = _text(tmp_path / "year.pdf")
    for expected in ("红旗村2026年度工作台账汇总", "一、会议召开情况", "三、纪律提醒办理情况", "学习10/11（91%）",
                     "五、存在的问题", "六、“两委”班子", "吴𠮷祥党支部书记、村委会主任一肩挑、交叉任职", "审核意见"):
        assert expected in text, expected

    services = _services(run)
    try:
        services.members.add_term("第十二届", dt.date(2026, 5, 1), dt.date(2031, 4, 30))
    finally:
        services.close()
    code, out = run("pdf", "summary", "term")
    assert code == 0 and "届中工作台账汇总" in out
    text = _text(tmp_path / "红旗村届中工作台账汇总.pdf")
    assert "红旗村届中工作台账汇总" in text and "届次：第十二届" in text
    assert "统计期间：2026年5月1日至2026年11月27日" in text


def test_the_older_pdf_commands_still_need_an_output_file(run):
    _fill(run)
    code, out = run("pdf", "roster")
    assert code == 2 and "请用 -o 写明输出的 PDF 文件" in out


def test_due_says_so_when_nothing_is_late_or_due_soon(run):
    services = _services(run)
    try:
        for item in services.derived.items():
            services.derived.dispose(item, "忽略", "本村2026年12月才成立党支部")
    finally:
        services.close()
    assert run("due") == (0, "没有已逾期或14天内到期的事项\n")
