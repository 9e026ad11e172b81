"""Phone numbers: 11-digit mobiles, or landlines with their area code."""

from __future__ import annotations

import re
import unicodedata

from app.services.common.errors import UserError

_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_LANDLINE = re.compile(r"^0[0-9]{2,3}-?[0-9]{7,8}$")


def normalize_phone(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")  # full-width digits and hyphen to ASCII
    return re.sub(r"\s", "", text).replace("—", "-")


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


def mask_phone(number: str) -> str:
    """3 + 4 stars + 4 for mobiles; landlines keep area code and last 4."""
    digits = number.replace("-", "")
    if _MOBILE.match(digits):
        return digits[:3] + "****" + digits[-4:]
    if len(digits) >= 8:
        return digits[:-8] + "****" + digits[-4:]
    return "*" * len(digits)
