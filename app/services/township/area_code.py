"""The 12-digit 统计用区划代码: 2 province, 2 city, 2 county, 3 township (乡镇), 3 village."""

from __future__ import annotations

import re

from app.services.common.errors import UserError

TOWNSHIP_DIGITS = 9


def check_area_code(text: str, township_prefix: str = "") -> str:
    """The cleaned code ("" stays ""), or UserError saying what is wrong and what to write."""
    code = re.sub(r"\s+", "", text or "")
    if not code:
        return ""
    example = "例如 430124105201"
    if not re.fullmatch(r"\d{12}", code):
        raise UserError(f"统计用区划代码应是12位数字（现在是“{code}”，{len(code)}位）：{example}")
    if not 11 <= int(code[:2]) <= 82:
        raise UserError(f"统计用区划代码的前两位“{code[:2]}”不是省级代码：请照统计局公布的代码填写，{example}")
    if code[6:9] == "000":
        raise UserError(f"统计用区划代码第7–9位是乡镇，不能是000：请填写本村的代码，{example}")
    if code[9:] == "000":
        raise UserError(f"统计用区划代码末三位是村（社区），不能是000：这是乡镇的代码，请填写本村的代码，{example}")
    if township_prefix and not code.startswith(township_prefix):
        raise UserError(f"统计用区划代码 {code} 不属于本镇（本镇代码开头是 {township_prefix}）：请核对村里填写的代码")
    return code


def check_township_code(text: str) -> str:
    """The township's own 9-digit prefix ("" allowed: the township may leave it out)."""
    code = re.sub(r"\s+", "", text or "")
    if code and not re.fullmatch(r"\d{9}", code):
        raise UserError(f"乡镇的区划代码应是统计用区划代码的前9位（例如 430124105），现在是“{code}”")
    return code
