"""No full ID, mobile or bank card number survives in a public notice, however it is written."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.privacy import mask_numbers
from app.reports.common import fonts
from app.reports.notices.notice import build_notice
from app.services.members.idcard import check_digit
from app.services.notices.notice_masking import mask_text
from app.services.notices.notice_types import POSTED, NoticeData, Period, Totals

SEPARATORS = st.sampled_from([" ", "  ", "   ", "-", "—", "–", ".", "/", " - ", " — ", "-.", " / ", "\u3000"])


@st.composite
def id_numbers(draw) -> str:
    born = draw(st.dates(dt.date(1930, 1, 1), dt.date(2010, 12, 31)))
    first17 = f"{draw(st.integers(110000, 659999))}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    return first17 + check_digit(first17)


mobiles = st.builds(lambda second, rest: f"1{second}{rest:09d}", st.sampled_from("3456789"),
                    st.integers(0, 999_999_999))
cards = st.builds(lambda length, rest: ("62" + f"{rest:017d}")[:length], st.integers(16, 19),
                  st.integers(0, 10**17 - 1))


@st.composite
def written(draw) -> tuple[str, str]:
    """(the number, as a clerk might type it): any grouping for IDs and mobiles, fours for cards."""
    kind = draw(st.sampled_from(["id", "mobile", "card"]))
    number = draw({"id": id_numbers(), "mobile": mobiles, "card": cards}[kind])
    if kind == "card":
        cuts = list(range(4, len(number), 4))
    else:
        cuts = sorted(draw(st.sets(st.integers(1, len(number) - 1), max_size=len(number) - 1)))
    groups = [number[a:b] for a, b in zip([0, *cuts], [*cuts, len(number)], strict=True)]
    text = groups[0]
    for group in groups[1:]:
        text += draw(SEPARATORS) + group
    return number, text


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


@settings(max_examples=400, deadline=None)
@given(written())
def test_masking_leaves_no_full_number_in_text_or_logs(case):
    number, text = case
    body = f"低保户王某（{text}）的补贴已按时发放。"
    assert number not in digits(mask_text(body, set()))
    assert number not in digits(mask_numbers(body))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=written())
def test_no_full_number_survives_in_the_public_pdf(tmp_path, case):
    fonts.register_fonts()
    number, text = case
    notice = NoticeData(category="村务公开", title="红旗村2026年第三季度村务公开", period=Period("quarter", 2026, 3),
                        post_from=dt.date(2026, 10, 8), post_to=dt.date(2026, 10, 14),
                        body=f"低保户王某（号码 {text}）的补贴已按时发放。", supervision_phone="0731-84561234",
                        status=POSTED, posted_date=dt.date(2026, 10, 8))
    path = tmp_path / "public.pdf"
    build_notice(path, village="红旗村", notice=notice, totals=Totals(0, 0, 0), reviewer="赵德明",
                 print_date=dt.date(2026, 10, 8))
    extracted = "".join(page.extract_text() for page in PdfReader(path).pages)
    printed = re.search(r"号码(.*?)）", extracted, re.S)  # the digits around it are dates and amounts
    assert printed and number not in digits(printed.group(1))
    assert "*" in printed.group(1)
