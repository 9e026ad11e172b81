"""The sample village's 汇总, 四议两公开记录本 and 花名册 read back: talks counted as held, sign-off blocks
never alone on a page, the audit chain's head at the end, talks printed with their content."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.services.common.demo_village import fill_sample_village
from app.services.meetings import meeting_printing
from app.services.meetings.meeting_kinds import Kind
from app.services.reminders import reminder_printing
from db.audit_head import chain_head

SUMMARY_SIGN_OFF = ("七、填报与审核", "村党组织（盖章）", "书记签字", "填报人", "填报日期")
BOOK_SIGN_OFF = ("七、签字与审核", "记录人签字", "党组织书记签字", "监委会审核意见")
FURNITURE = re.compile(r"^(红旗村|.*工作台账汇总|四议两公开记录|第\d+页共\d+页|打印日期：.*)$")


def page_lines(path: Path) -> list[list[str]]:
    """Each page's lines of text without the running header and footer."""
    pages = []
    for page in PdfReader(path).pages:
        lines = [re.sub(r"\s+", "", line) for line in page.extract_text().splitlines()]
        pages.append([line for line in lines if line and not FURNITURE.match(line)])
    return pages


def only_sign_off(lines: list[str], sign_off: tuple[str, ...]) -> bool:
    """True when the page starts with the sign-off heading: nothing of the record before it."""
    return bool(lines) and lines[0].startswith(sign_off[0])


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from app.clock import FixedClock
    from app.data_dir import DataDir
    from app.services.common.context import open_services
    from app.services.safety.actor import Actor, Role

    services = open_services(DataDir(tmp_path_factory.mktemp("data")), FixedClock(dt.datetime(2026, 11, 27, 9)))
    fill_sample_village(services)
    services.act_as(Actor("王文书", Role.ADMIN))
    yield services
    services.close()


def test_the_summary_counts_the_talks_held_beside_the_members_who_talked(sample, tmp_path):
    talks = [row for row in sample.meetings.list_rows(year=2026) if Kind.HEART_TALK.value in row.kinds]
    assert len(talks) == 3  # the secretary with three committee members; the fourth is still to come
    path = reminder_printing.print_year_summary(sample, 2026, tmp_path / "year.pdf")
    whole = "".join("".join(lines) for lines in page_lines(path))
    # Four members took part (the secretary in all three talks), three talks were held.
    assert "谈心谈话（每名委员）4人4人3次100%" in whole
    assert "谈心谈话的达标和应开按委员人数计（一次谈话的双方都算谈过），实际召开次数为谈话次数" in whole


@pytest.mark.parametrize("term", [False, True])
def test_no_page_of_the_summary_holds_only_the_sign_off(sample, tmp_path, term):
    path = tmp_path / "summary.pdf"
    if term:
        reminder_printing.print_term_summary(sample, path)
    else:
        reminder_printing.print_year_summary(sample, 2026, path)
    pages = page_lines(path)
    last = pages[-1]
    assert all(part in "".join(last) for part in SUMMARY_SIGN_OFF)
    assert not only_sign_off(last, SUMMARY_SIGN_OFF)
    # The part before the sign-off goes over with it: the team's rules, or on the 届中 summary the bodies.
    assert last[0] == ("各组织健全情况" if term else "班子制度落实情况")
    assert sum(part in "".join(lines) for lines in pages for part in ("七、填报与审核",)) == 1


def test_the_summary_ends_with_the_audit_chain_head(sample, tmp_path):
    path = reminder_printing.print_year_summary(sample, 2026, tmp_path / "year.pdf")
    head = chain_head(sample.db.path)
    assert head.entries > 100 and len(head.last_hash) == 64
    last = page_lines(path)[-1]
    assert "".join(last[-2:]).endswith(f"操作日志：打印时共{head.entries}条，末条哈希{head.last_hash}")
    # Small, on one line, under the sign-off table.
    reader = PdfReader(path)
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):  # noqa: ANN001
        if head.last_hash[:12] in text:
            sizes.append(size * tm[0])

    reader.pages[-1].extract_text(visitor_text=visit)
    assert sizes and max(sizes) <= 8.5


def test_a_matter_book_never_leaves_its_sign_off_alone_on_a_page(sample, tmp_path):
    for row in sample.matters.list_rows():
        path = tmp_path / f"matter-{row.id}.pdf"
        meeting_printing.matter_book_pdf(sample, row.id, path)
        pages = page_lines(path)
        for number, lines in enumerate(pages, 1):
            assert not only_sign_off(lines, BOOK_SIGN_OFF), (row.id, number)
        assert all(part in "".join(pages[-1]) for part in BOOK_SIGN_OFF)
        last = "".join(pages[-1])
        assert "六、实施结果公开" in last[:last.index("七、签字与审核")]  # the last part goes over with it


def test_the_sample_talks_print_their_content(sample, tmp_path):
    talks = [row for row in sample.meetings.list_rows(year=2026) if Kind.HEART_TALK.value in row.kinds]
    for row in talks:
        path = tmp_path / f"talk-{row.id}.pdf"
        meeting_printing.meeting_record_pdf(sample, row.id, path)
        [page] = page_lines(path)
        text = "".join(page)
        content = text[text.index("主要内容") + len("主要内容"):text.index("谈话人签字")]
        assert len(content) > 60 and "谈话人" in content, content
        assert "15:00" in text and "书记办公室" in text


@pytest.mark.parametrize("internal", [False, True])
def test_the_roster_filled_in_line_never_stands_alone(sample, tmp_path, internal):
    from app.services.members.roster_printing import print_roster

    path = tmp_path / "roster.pdf"
    print_roster(sample, path, internal=internal)
    pages = [[line for line in page if not line.startswith(("两委班子成员花名册", "内部留存"))]
             for page in page_lines(path)]
    last = pages[-1]
    assert any(line.startswith("填报单位（盖章）") for line in last)
    # Rows of the table (a 序号 and a name) stand on the same page as the 填报 line.
    assert any(re.match(r"^\d+[\u4e00-\u9fff]{2,3}(男|女)", line) for line in last), last
