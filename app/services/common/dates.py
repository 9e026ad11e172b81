"""Reading the many ways clerks write dates, and writing dates the way rosters show them."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Literal, NamedTuple

from app.services.common.errors import UserError

Precision = Literal["day", "month"]

MIN_YEAR = 1900
MAX_YEAR = 2100

_HINT = "请写成 1975-03-02 或 1975年3月2日"

# Separated forms: 1975.03 / 1975-3-2 / 1975/03/02 / 1975.3.2 (the same separator throughout).
_SEPARATED = re.compile(r"(\d{4})([-./])(\d{1,2})(?:\2(\d{1,2}))?")
# Chinese forms: 1975年3月 / 1975年3月2日 (a missing final 日 is tolerated).
_CHINESE = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日?)?")
# Digits only: 19750302 / 197503.
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})?")
# A time of day after the date, as some programs write it: "1975-03-02 00:00:00".
_TIME_TAIL = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?$")


class ParsedDate(NamedTuple):
    """A date and how much of it was written: "day", or "month" when the day was left out."""

    date: dt.date
    precision: Precision


def parse_date(value: object) -> dt.date | None:
    """Return the date in ``value`` (None when empty); a year and month alone give the 1st.

    Raises UserError with a plain-Chinese message when the value is not a date.
    """
    parsed = parse_date_with_precision(value)
    return parsed.date if parsed else None


def parse_date_with_precision(value: object) -> ParsedDate | None:
    """Like :func:`parse_date`, but also tells whether the day was written."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date(), "day")
    if isinstance(value, dt.date):
        return ParsedDate(value, "day")
    if isinstance(value, bool):
        raise _not_a_date(str(value))
    if isinstance(value, int):
        return _parse_text(str(value))
    if isinstance(value, float):
        return _parse_number(value)
    if isinstance(value, str):
        return _parse_text(value)
    raise _not_a_date(str(value))


def _parse_number(value: float) -> ParsedDate | None:
    """A number such as 1975.03 that Excel made out of a typed date."""
    if value.is_integer():
        return _parse_text(str(int(value)))
    text = repr(value)
    if re.fullmatch(r"\d{4}\.1", text):
        # Excel keeps 1975.10 as 1975.1, so October and January look the same.
        raise UserError(
            f"日期“{text}”被 Excel 存成了数字，分不清是 1 月还是 10 月："
            f"请把该列设为“文本”格式后写成 {text[:4]}.01 或 {text[:4]}.10"
        )
    return _parse_text(text)


def _parse_text(value: str) -> ParsedDate | None:
    original = value.strip()
    text = unicodedata.normalize("NFKC", value).strip().replace("。", ".")
    if not text:
        return None
    text = _TIME_TAIL.sub("", text)
    text = re.sub(r"\s+", "", text)
    for pattern, groups in ((_SEPARATED, (1, 3, 4)), (_CHINESE, (1, 2, 3)), (_COMPACT, (1, 2, 3))):
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (match.group(g) for g in groups)
            return _build(original, int(year), int(month), int(day) if day else None)
    raise _not_a_date(original)


def _build(original: str, year: int, month: int, day: int | None) -> ParsedDate:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _not_a_date(original)
    try:
        if day is None:
            return ParsedDate(dt.date(year, month, 1), "month")
        return ParsedDate(dt.date(year, month, day), "day")
    except ValueError:
        raise _not_a_date(original) from None


def _not_a_date(text: str) -> UserError:
    shown = text if len(text) <= 30 else text[:30] + "…"  # a whole pasted paragraph is not quoted
    return UserError(f"日期“{shown}”无法识别：{_HINT}")


def format_date(d: dt.date | None) -> str:
    """2026-11-27; empty text for no date."""
    return d.strftime("%Y-%m-%d") if d else ""


def format_date_cn(d: dt.date | None) -> str:
    """2026年11月27日 (no leading zeros); empty text for no date."""
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def format_moment_cn(moment: dt.datetime) -> str:
    """2026年11月27日 09:30, written by hand: strftime with 年 fails on Windows outside a Chinese locale."""
    return f"{format_date_cn(moment.date())} {moment.hour:02d}:{moment.minute:02d}"


def format_month_cn(d: dt.date | None) -> str:
    """1975.03, as the 出生年月 column of a roster shows it; empty text for no date."""
    return f"{d.year}.{d.month:02d}" if d else ""


def format_parsed(parsed: ParsedDate | None) -> str:
    """Show a parsed date as precisely as it was written: 1975-03-02 or 1975.03."""
    if parsed is None:
        return ""
    if parsed.precision == "month":
        return format_month_cn(parsed.date)
    return format_date(parsed.date)
