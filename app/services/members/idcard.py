"""Resident ID numbers (GB 11643-1999): format, birth date, sex and check digit.

The area code is deliberately not checked against any list: an ID keeps the code of the
place that issued it, even after that code is retired, so such IDs are genuine.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from app.services.common.errors import UserError

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: dt.date
    gender: str  # 男 / 女


def check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def normalize(text: str) -> str:
    """Full-width digits to ASCII, spaces (including full-width) out, the final x upper-cased."""
    return re.sub(r"\s", "", unicodedata.normalize("NFKC", text or "")).upper()


def parse_id(text: str, today: dt.date) -> IdInfo:
    """Validate an ID number and return what follows from it, or raise UserError."""
    number = normalize(text)
    if len(number) == 15 and number.isascii() and number.isdigit():
        raise UserError("这是旧的15位身份证号：请填写18位身份证号", "id_number")
    if len(number) != 18:
        raise UserError(f"身份证号应为18位，现在是{len(number)}位：请核对后重新填写", "id_number")
    if not _SHAPE.match(number):
        raise UserError("身份证号前17位只能是数字，最后一位是数字或X：请核对后重新填写", "id_number")
    try:
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise UserError(
            f"身份证号中的出生日期“{number[6:14]}”不是有效日期：请核对第7到14位", "id_number"
        ) from None
    if birth > today or birth.year < 1900:
        raise UserError(f"身份证号中的出生日期“{number[6:14]}”不合理：请核对第7到14位", "id_number")
    expected = check_digit(number[:17])
    if number[17] != expected:
        raise UserError("身份证号校验位不对（最后一位）：请逐位核对，可能有数字输错", "id_number")
    gender = "男" if int(number[16]) % 2 else "女"
    return IdInfo(number, birth, gender)


def mask_id(number: str) -> str:
    """6 + 8 stars + 4, as used on public notices."""
    if len(number) < 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
