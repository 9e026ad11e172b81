"""Property tests of the validators: well-formed input is accepted and read correctly, and
no input whatever makes them fail with anything but a UserError (which users see as a message).

The profile keeps the suite fast; HYPOTHESIS_PROFILE=thorough runs ten times as many examples.
Nothing here reads the clock: "today" is the fixed date of the other tests.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from conftest import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services.common.dates import (
    MAX_YEAR,
    MIN_YEAR,
    format_date,
    format_date_cn,
    parse_date,
    parse_date_with_precision,
)
from app.services.common.errors import UserError
from app.services.members import idcard
from app.services.members.phone import validate_phone
from app.services.members.pinyin_search import pinyin_keys
from app.services.members.posts import CANONICAL_POSTS, NO_POST_WORDS, SYNONYMS, split_posts

settings.register_profile("taizhang", deadline=None, max_examples=200, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", parent=settings.get_profile("taizhang"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "taizhang"))

DIGITS = "0123456789"


def mod11_check(first17: str) -> str:
    """ISO 7064 MOD 11-2, written out independently of idcard.check_digit."""
    total = sum(int(d) * (2 ** (17 - i) % 11) for i, d in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


@st.composite
def id_numbers(draw) -> tuple[str, dt.date, str]:
    """A well-formed ID number with its birth date and sex."""
    area = draw(st.text(DIGITS, min_size=6, max_size=6))
    birth = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY))
    serial = draw(st.text(DIGITS, min_size=3, max_size=3))
    first17 = f"{area}{birth:%Y%m%d}{serial}"
    return first17 + mod11_check(first17), birth, "男" if int(serial[2]) % 2 else "女"


# ----- ID numbers ------------------------------------------------------------------------------

@given(id_numbers())
def test_every_well_formed_id_is_accepted_and_read(case):
    number, birth, sex = case
    info = idcard.parse_id(number, TODAY)
    assert (info.number, info.birth_date, info.gender) == (number, birth, sex)


@given(id_numbers(), st.sampled_from(["lower", "spaced"]))
def test_lower_case_x_and_spaces_are_the_same_id(case, form):
    number = case[0]
    written = number.lower() if form == "lower" else f" {number[:6]} {number[6:14]}\u3000{number[14:]} "
    assert idcard.parse_id(written, TODAY).number == number


@given(id_numbers(), st.integers(0, 17), st.data())
def test_any_single_character_change_is_refused(case, position, data):
    number = case[0]
    choices = DIGITS + ("X" if position == 17 else "")
    new = data.draw(st.sampled_from([c for c in choices if c != number[position]]))
    changed = number[:position] + new + number[position + 1:]
    with pytest.raises(UserError):
        idcard.parse_id(changed, TODAY)


@given(st.one_of(st.text(), st.text(DIGITS + "Xx \u3000-", max_size=20)))
def test_id_parsing_fails_only_with_a_message(text):
    try:
        idcard.parse_id(text, TODAY)
    except UserError as exc:
        assert exc.message and exc.field == "id_number"


# ----- phone numbers ---------------------------------------------------------------------------

SPACES = st.sampled_from(["", " ", "\u3000", "  "])


@st.composite
def phone_like(draw) -> str:
    """Mobiles and landlines as clerks type them, spaces and dashes included, plus near-misses."""
    if draw(st.booleans()):
        digits = "1" + draw(st.sampled_from("3456789")) + draw(st.text(DIGITS, min_size=8, max_size=10))
    else:
        digits = "0" + draw(st.text(DIGITS, min_size=2, max_size=3)) \
            + draw(st.sampled_from(["", "-", "－", "—"])) + draw(st.text(DIGITS, min_size=6, max_size=9))
    cut = draw(st.integers(0, len(digits)))
    return draw(SPACES) + digits[:cut] + draw(SPACES) + digits[cut:] + draw(SPACES)


@given(st.one_of(st.text(), phone_like()))
def test_phone_fails_only_with_a_message_and_is_idempotent(text):
    try:
        cleaned = validate_phone(text)
    except UserError as exc:
        assert exc.message and exc.field == "phone"
        return
    assert validate_phone(cleaned) == cleaned


# ----- dates -----------------------------------------------------------------------------------

@given(st.dates(min_value=dt.date(MIN_YEAR, 1, 1), max_value=dt.date(MAX_YEAR, 12, 31)))
def test_written_dates_read_back(day):
    for text in (format_date(day), format_date_cn(day)):
        assert parse_date(text) == day
        assert parse_date_with_precision(text).precision == "day"


DATE_LIKE = st.from_regex(r"\A\s?[0-9]{2,8}[-./年]?[0-9]{0,2}[-./月]?[0-9]{0,2}日?\s?\Z")


@given(st.one_of(st.text(), DATE_LIKE, st.integers(), st.floats(allow_nan=True, allow_infinity=True)))
def test_date_parsing_fails_only_with_a_message(value):
    try:
        day = parse_date(value)
    except UserError as exc:
        assert exc.message.startswith("日期“")
        return
    assert day is None or MIN_YEAR <= day.year <= MAX_YEAR


# ----- posts -----------------------------------------------------------------------------------

POST_WORDS = [*CANONICAL_POSTS, *SYNONYMS, *NO_POST_WORDS, "委员", "会计", "村委会委员+监委会委员"]


@given(st.one_of(
    st.text(),
    st.lists(st.sampled_from(POST_WORDS), max_size=5).flatmap(
        lambda words: st.sampled_from(["、", "，", ",", " ", "兼", ";", "/"]).map(lambda sep: sep.join(words))),
))
def test_post_splitting_fails_only_with_a_message(cell):
    try:
        posts = split_posts(cell)
    except UserError as exc:
        assert exc.message
        return
    assert all(p in CANONICAL_POSTS for p in posts) and len(set(posts)) == len(posts)


# ----- pinyin ----------------------------------------------------------------------------------

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF) | st.sampled_from("𠮷䶮·")


@given(st.one_of(st.text(), st.text(CJK, max_size=8)))
def test_pinyin_keys_never_fail(text):
    assert isinstance(pinyin_keys(text), str)
