"""Phone numbers: 11-digit mobiles, or landlines with their area code."""

from __future__ import annotations

import re
import unicodedata

from app.services.common.errors import UserError

_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_LANDLINE = re.compile(r"^0[0-9]{2,3}-?[0-9]{7,8}$")
_AREA_IN_BRACKETS = re.compile(r"^\((0[0-9]{2,3})\)-?")  # (0731)84561234, as often printed
# Public lines a 监督电话 may be: 12388 (纪检监察举报), 12345, and 400 / 800 service numbers.
_HOTLINE = re.compile(r"^(12[0-9]{3}|[48]00-?[0-9]{3}-?[0-9]{4})$")


def normalize_phone(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")  # full-width digits, brackets and hyphen to ASCII
    return _AREA_IN_BRACKETS.sub(r"\1-", re.sub(r"\s", "", text).replace("—", "-"))


def validate_phone(text: str) -> str:
    """Return the cleaned number, or raise UserError; empty stays empty."""
    number = normalize_phone(text)
    if not number:
        return ""
    digits = number.replace("-", "")
    if _MOBILE.match(number):
        return number
    if _LANDLINE.match(number):
        return number
    if digits.isascii() and digits.isdigit() and digits.startswith("1"):
        raise UserError(f"手机号应为11位数字，现在是{len(digits)}位：请核对", "phone")
    raise UserError(
        "电话号码格式不对：手机号写11位数字，座机写区号加号码（如 0731-84561234）", "phone"
    )


def validate_supervision_phone(text: str) -> str:
    """The 监督电话 printed on every notice: a landline with its area code, a mobile, or a public
    hotline such as 12388. Returns the cleaned number, or raises UserError saying all three."""
    number = normalize_phone(text)
    if _HOTLINE.match(number):
        return number
    try:
        return validate_phone(number)
    except UserError:
        raise UserError("监督电话格式不对：座机写区号加号码（如 0731-84561234），手机写11位数字，"
                        "也可以写 12388 这样的举报电话", "supervision_phone") from None


def mask_phone(number: str) -> str:
    """3 + 4 stars + 4 for mobiles; landlines keep area code and last 4."""
    digits = number.replace("-", "")
    if _MOBILE.match(digits):
        return digits[:3] + "****" + digits[-4:]
    if len(digits) >= 8:
        return digits[:-8] + "****" + digits[-4:]
    return "*" * len(digits)
