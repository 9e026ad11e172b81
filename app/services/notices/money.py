"""Money as integer fen: reading what clerks type or Excel stores, and writing it back in
figures (12,345.67) and in RMB capitals (壹万贰仟叁佰肆拾伍元陆角柒分).

Conventions of the capitals (会计基础工作规范 第五十二条, and 支付结算办法's rules for
filling in vouchers, which agree):
- A 1 in the tens place is written 壹拾 (10 → 壹拾元整, 100000 → 壹拾万元整), never a bare 拾.
- A run of zeros between two non-zero digits is written as one 零, whether the run lies
  inside a group, crosses the 万 / 亿 boundary or the 元 place: 10005.07 → 壹万零伍元零柒分,
  100010000 → 壹亿零壹万元整, 100000.10 → 壹拾万元零壹角整. The rules allow the 零 to be left
  out when the 元 place is 0 and the 角 is not; we always write it, so one rule covers all.
- 整 follows an amount that ends at 元 or at 角 (会计基础工作规范: “到元或者角为止的 … 应当写
  ‘整’字”); an amount with 分 takes no 整. 0 is 零元整; amounts under one yuan start at
  their first digit (0.05 → 伍分, 0.50 → 伍角整).
- A negative amount (an overspent balance) is written with 负 in front.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from app.services.common.errors import UserError

# The capitals go up to 亿 (a 万亿 has no place on a village notice): below 10^12 yuan.
MAX_FEN = 10**12 * 100 - 1

_HINT = "请写成 12345.67 这样的数字"
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿")
# Written around the number: ¥ / ￥ (NFKC makes both ¥), 人民币, RMB, a trailing 元 or 圆.
_PREFIX = re.compile(r"^(?:人民币|RMB|CNY|¥|\$)+", re.IGNORECASE)
_SUFFIX = re.compile(r"(?:元整|元正|元|圆)$")
_PLAIN = re.compile(r"^\d+(?:\.\d*)?$|^\.\d+$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d*)?$")
# A float read from Excel within this much of a whole fen is that fen (0.1 + 0.2 in a formula).
_FLOAT_SLACK = Decimal("0.000001")


def _clip(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def parse_yuan(value: object) -> int:
    """The amount in ``value`` (yuan, as a cell or a text field holds it) as integer fen.

    Numbers from Excel cells are taken through their shortest decimal form (Decimal(str(x))),
    never through binary float arithmetic. Raises UserError for empty, negative, non-numeric
    values and for more than two decimals.
    """
    if value is None:
        raise UserError("金额是空的：请填写金额，如 12345.67")
    if isinstance(value, bool):
        raise UserError(f"金额“{value}”看不懂：{_HINT}")
    if isinstance(value, int):
        return _checked_fen(Decimal(value), str(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise UserError(f"金额“{value}”看不懂：{_HINT}")
        amount = Decimal(str(value))
        fen = amount.quantize(Decimal("0.01"))
        if abs(amount - fen) > _FLOAT_SLACK:
            raise _too_precise(str(value))
        return _checked_fen(fen, str(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise UserError(f"金额“{value}”看不懂：{_HINT}")
        return _checked_fen(value, str(value))
    return _parse_text(str(value))


def _parse_text(original: str) -> int:
    shown = _clip(original.strip())
    text = unicodedata.normalize("NFKC", original)
    text = re.sub(r"\s+", "", text).replace("。", ".")
    if not text:
        raise UserError("金额是空的：请填写金额，如 12345.67")
    text = _PREFIX.sub("", text)
    text = _SUFFIX.sub("", text)
    text = _PREFIX.sub("", text)  # “-¥5” and “¥-5” alike reach the sign check below
    if text.startswith(("-", "−")) or (text.startswith("(") and text.endswith(")")):
        raise UserError(f"金额“{shown}”是负数：金额请填正数，收入和支出分开填写")
    if not (_PLAIN.match(text) or _GROUPED.match(text)):
        raise UserError(f"金额“{shown}”看不懂：{_HINT}")
    number = text.replace(",", "")
    if "." in number and len(number.split(".", 1)[1]) > 2:
        raise _too_precise(shown)
    try:
        amount = Decimal(number)
    except InvalidOperation:  # pragma: no cover - the patterns above admit only numbers
        raise UserError(f"金额“{shown}”看不懂：{_HINT}") from None
    return _checked_fen(amount, shown)


def _too_precise(shown: str) -> UserError:
    return UserError(f"金额“{shown}”的小数超过两位：金额只精确到分，最多写两位小数")


def _checked_fen(amount: Decimal, shown: str) -> int:
    if amount < 0:
        raise UserError(f"金额“{_clip(shown)}”是负数：金额请填正数，收入和支出分开填写")
    if amount != amount.quantize(Decimal("0.01")):
        raise _too_precise(_clip(shown))
    fen = int(amount * 100)
    if fen > MAX_FEN:
        raise UserError(f"金额“{_clip(shown)}”太大了：请核对金额（最多到千亿元）")
    return fen


def format_yuan(fen: int) -> str:
    """12345.67 yuan, given as 1234567 fen, is “12,345.67”; negatives get a leading minus."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


def in_capitals(fen: int) -> str:
    """The amount in RMB capitals, as written on vouchers and notices (see the module doc)."""
    fen = int(fen)
    if fen < 0:
        return "负" + in_capitals(-fen)
    if fen > MAX_FEN:
        raise ValueError(f"amount too large for capitals: {fen} fen")
    if fen == 0:
        return "零元整"
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    # Each position: (digit, the word written after it when the digit is not zero,
    # the word written after the position even when the digit is zero, if anything
    # before it was not zero).
    positions: list[tuple[int, str, str]] = []
    yuan_digits = str(yuan) if yuan else ""
    count = len(yuan_digits)
    for index, char in enumerate(yuan_digits):
        place = count - 1 - index  # 0 is the 元 place
        group, small = divmod(place, 4)
        closing = _GROUP_UNITS[group] if small == 0 else ""
        if place == 0:
            closing = "元"
        positions.append((int(char), _SMALL_UNITS[small], closing))
    positions.append((jiao, "角", ""))
    positions.append((fen_digit, "分", ""))

    out: list[str] = []
    started = False  # a non-zero digit has been written
    pending_zero = False  # zeros since the last non-zero digit
    group_has_digit = False  # the current 万 / 亿 / 元 group has a non-zero digit
    for digit, unit, closing in positions:
        if digit:
            if pending_zero:
                out.append("零")
            out.append(_DIGITS[digit] + unit)
            started = True
            pending_zero = False
            group_has_digit = True
        elif started:
            pending_zero = True
        if closing:
            if closing == "元" and started:
                out.append("元")
            elif group_has_digit:
                out.append(closing)
            group_has_digit = False
    if fen_digit == 0:
        out.append("整")
    return "".join(out)
