"""The printed 两委班子成员花名册: fonts, rare names, masking, repeated header, page footers."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pdf_fonts import font_dicts, font_file
from pdf_layout import runs_and_rules
from pypdf import PdfReader

from app.reports.common import fonts
from app.reports.common.linebreak import break_lines, text_width
from app.reports.common.page import margins_for
from app.reports.members.roster import build_roster, public_phone
from app.services.common.profile import Profile
from app.services.members.member_types import MemberRow

PRINT_DATE = dt.date(2026, 11, 27)
PROFILE = Profile("红旗村", "城关镇", supervision_phone="0731-84561234")
RARE_NAMES = ("吴𠮷祥", "李䶮", "张堃", "陈喆")
PHONE = "13812341027"
PHONE_MASKED = "138****1027"
ID_NUMBER = "440308197503021235"
LONG_DUTY = ("主持村党组织全面工作，负责党建、组织、宣传、意识形态工作；分管乡村振兴、集体经济、"
             "项目建设和基层治理，联系第一、第二、第三村民小组，兼任网格长和安全第一责任人。")
assert len(LONG_DUTY) == 80


def member(i: int, name: str, *, posts=("党支部委员",), duties="负责组织工作", phone=PHONE,
           id_number=ID_NUMBER, inservice="") -> MemberRow:
    return MemberRow(
        id=i,
        values={
            "name": name, "gender": "男", "ethnicity": "汉族", "birth_date": dt.date(1975, 3, 2),
            "political_status": "中共党员", "party_join_date": dt.date(1998, 7, 1),
            "education": "高中", "education_inservice": inservice, "phone": phone,
            "id_number": id_number,
        },
        current_posts=tuple(posts),
        all_posts=(),
        duties=duties,
        in_office_since=dt.date(2021, 5, 1),
        left_on=None,
        search_keys="",
        sort_name=name,
    )


def team() -> list[MemberRow]:
    return [
        member(1, "吴𠮷祥", posts=("党支部书记", "村委会主任"), duties=LONG_DUTY),
        member(2, "李䶮", posts=("党支部副书记",), inservice="大专"),
        member(3, "张堃", posts=("村委会委员", "妇女主任")),
        member(4, "陈喆", posts=("村务监督委员会主任",), duties=""),
    ]


def many(count: int) -> list[MemberRow]:
    """Rows named 成员001 …; row i has the first i % 81 characters of LONG_DUTY."""
    return [member(i, f"成员{i:03d}", duties=LONG_DUTY[: i % 81]) for i in range(1, count + 1)]


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module", autouse=True)
def registered():
    fonts.register_fonts()


@pytest.fixture(scope="module")
def public_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("roster") / "public.pdf"
    build_roster(path, profile=PROFILE, rows=team(), print_date=PRINT_DATE,
                 summary="一肩挑：吴𠮷祥。交叉任职 1 人，交叉任职率 20.0%")
    return path


@pytest.fixture(scope="module")
def internal_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("roster") / "internal.pdf"
    build_roster(path, profile=PROFILE, rows=team(), print_date=PRINT_DATE, internal=True)
    return path


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("roster") / "long.pdf"
    pages = build_roster(path, profile=PROFILE, rows=many(60), print_date=PRINT_DATE)
    return path, pages


@pytest.mark.parametrize("which", ["public_pdf", "internal_pdf"])
def test_every_font_is_embedded(which, request):
    fonts = font_dicts(request.getfixturevalue(which))
    assert fonts
    for font in fonts:
        assert font_file(font) is not None, font.get("/BaseFont")


@pytest.mark.parametrize("which", ["public_pdf", "internal_pdf"])
def test_rare_names_print_exactly(which, request):
    text = "".join(page_texts(request.getfixturevalue(which)))
    for name in RARE_NAMES:
        assert name in text
    assert "₻" not in text  # the mangled 𠮷 of an unpatched ToUnicode map


def test_public_copy_masks_phone_and_has_no_id(public_pdf):
    reader = PdfReader(public_pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    assert PHONE_MASKED in text
    assert PHONE not in text
    assert ID_NUMBER not in text
    assert ID_NUMBER[:6] not in text and ID_NUMBER[-4:] not in text  # not even masked
    assert "身份证号" not in text
    assert "内部留存" not in text
    assert PHONE not in str(reader.metadata) and ID_NUMBER not in str(reader.metadata)


def test_public_copy_masks_odd_phone_entries_too():
    assert public_phone("13812341027") == PHONE_MASKED
    assert public_phone("0731-84561234") == "0731****1234"
    assert public_phone("138 1234 1027") == PHONE_MASKED
    assert public_phone("13812341027/13900001111") == "****1111"
    assert public_phone("无") == "****"
    assert public_phone("") == ""


def test_public_copy_has_title_columns_summary_and_formats(public_pdf):
    texts = page_texts(public_pdf)
    text = squeeze("".join(texts))
    assert "红旗村两委班子成员花名册" in text
    for header in ("序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "入党时间", "学历",
                   "职务", "分工", "任职时间", "联系电话"):
        assert header in text, header
    assert "1975.03" in text and "1998.07" in text and "2021.05" in text
    assert "党支部书记、村委会主任" in text
    assert "（在职大专）" in text
    assert "交叉任职率20.0%" in text
    assert "打印日期：2026年11月27日" in text


def test_internal_copy_shows_full_data_and_internal_mark_on_every_page(internal_pdf, tmp_path):
    texts = page_texts(internal_pdf)
    text = "".join(texts)
    assert PHONE in text
    assert ID_NUMBER in text
    assert "身份证号" in text
    for page_text in texts:
        assert "内部留存" in page_text

    long_internal = tmp_path / "internal-long.pdf"
    pages = build_roster(long_internal, profile=PROFILE, rows=many(40), print_date=PRINT_DATE,
                         internal=True)
    texts = page_texts(long_internal)
    assert pages == len(texts) >= 2
    assert all("内部留存" in t for t in texts)


def test_long_roster_repeats_header_and_numbers_pages(long_pdf):
    path, pages = long_pdf
    texts = page_texts(path)
    assert pages == len(texts) >= 2
    for number, page_text in enumerate(texts, start=1):
        assert "联系电话" in page_text
        assert "红旗村" in page_text  # header: village name
        assert f"第 {number} 页 共 {pages} 页" in page_text
        assert "打印日期：2026年11月27日" in page_text
    # Every row printed exactly once, in order.
    names = re.findall(r"成员\d{3}", "".join(texts))
    assert names == [f"成员{i:03d}" for i in range(1, 61)]


def test_rows_are_never_split_across_pages(long_pdf):
    path, _ = long_pdf
    for page_text in page_texts(path):
        flat = squeeze(page_text)
        # Each row's 分工 is a prefix of LONG_DUTY: the whole prefix sits on the row's page.
        for match in re.finditer(r"成员(\d{3})", flat):
            i = int(match.group(1))
            assert squeeze(LONG_DUTY[: i % 81]) in flat, i


def test_no_text_crosses_a_table_rule_or_the_margins(tmp_path):
    path = tmp_path / "overflow.pdf"
    rows = team() + [member(5, "欧阳建国", inservice="研究生",
                            duties="负责“三资”管理（含《村规民约》修订）、档案管理：2024年起兼任报账员！")]
    rows += many(30)
    for internal in (False, True):
        build_roster(path, profile=PROFILE, rows=rows, print_date=PRINT_DATE, internal=internal)
        reader = PdfReader(path)
        assert len(reader.pages) >= 2
        checked = 0
        for page in reader.pages:
            width = float(page.mediabox.width)
            margins = margins_for(bound=True, landscape=width > float(page.mediabox.height))
            runs, rules = runs_and_rules(page)
            assert len(rules) >= 13  # the table's column rules, on every page
            for text, x0, x1, y, *_ in runs:
                assert margins.left - 0.5 <= x0 and x1 <= width - margins.right + 0.5, text
                for x, low, high in rules:
                    if low <= y <= high:
                        assert not (x0 + 0.01 < x < x1 - 0.01), (text, x0, x1, x)
                        checked += 1
        assert checked > 100


def test_long_duties_wrap_and_print_whole(public_pdf):
    text = squeeze("".join(page_texts(public_pdf)))
    assert squeeze(LONG_DUTY) in text
    assert len(PdfReader(public_pdf).pages) == 1


def test_break_lines_keeps_every_line_inside_its_width():
    for width_mm in (20, 28, 40, 60):
        width = width_mm * 72 / 25.4 - 2 * 1.1 * 72 / 25.4
        lines = break_lines(LONG_DUTY, width, fonts.BODY_FONT, 10.5)
        assert "".join(lines) == LONG_DUTY
        for line in lines:
            assert text_width(line, fonts.BODY_FONT, 10.5) <= width + 0.01, line
            assert line[0] not in "，。、；：？！）》", line
            assert line[-1] not in "（《“", line


def test_break_lines_keeps_numbers_whole_and_honours_line_breaks():
    width = 30 * 72 / 25.4
    lines = break_lines("联系电话13812341027，办公室0731-84561234\n第二行", width, fonts.BODY_FONT,
                        10.5)
    assert any("13812341027" in line for line in lines)
    assert any("0731-84561234" in line for line in lines)
    assert lines[-1] == "第二行"


def test_empty_roster_still_prints(tmp_path):
    path = tmp_path / "empty.pdf"
    assert build_roster(path, profile=PROFILE, rows=[], print_date=PRINT_DATE) == 1
    text = squeeze(page_texts(path)[0])
    assert "暂无在任" in text and "联系电话" in text


def test_absurdly_long_duties_are_cut_to_fit_one_page(tmp_path):
    path = tmp_path / "huge.pdf"
    rows = [member(1, "张堃", duties=LONG_DUTY * 30)]
    assert build_roster(path, profile=PROFILE, rows=rows, print_date=PRINT_DATE) >= 1
    assert "内容过长" in squeeze("".join(page_texts(path)))


def test_thousand_rows_stay_small(tmp_path):
    # Speed is measured in benchmarks/roster_pdf.py; size is a property of the output.
    path = tmp_path / "thousand.pdf"
    pages = build_roster(path, profile=PROFILE, rows=many(1000), print_date=PRINT_DATE)
    assert pages > 20
    assert path.stat().st_size <= 800 * 1024


def test_filled_in_line_whole_posts_and_the_page_used(public_pdf, tmp_path):
    from pdf_layout import decoded_lines

    from app.reports.members.roster import whole_posts

    page = PdfReader(public_pdf).pages[0]
    lines = decoded_lines(page)
    assert any(line.startswith("填报单位（盖章）：中共红旗村支部委员会") and "填报人：" in line
               and "填报日期：" in line for line in lines), lines
    # 职务 breaks after a 、, never inside a post.
    assert whole_posts("党支部书记、村委会主任", text_width("党支部书记、村", fonts.BODY_FONT, 10.5)) == \
        "党支部书记、\n村委会主任"
    assert "党支部书记、" in lines or any(line.endswith("党支部书记、") or "党支部书记、 " in line for line in lines)
    # A short roster uses the page: its last row ends in the lower third.
    runs, rules = runs_and_rules(page)
    lowest_rule = min(low for _, low, _ in rules)
    assert lowest_rule < float(page.mediabox.height) / 3
