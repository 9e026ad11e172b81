"""Finding and masking personal numbers in the text of a public notice (DOMAIN.md §3).

ID numbers (6 + 8 stars + 4), bank card numbers (first 4 + stars + last 4) and mobile
numbers (3 + 4 stars + 4) are masked; landlines are left alone. Numbers the village publishes
on purpose (the 监督电话, a contact number the clerk marks as public) stay whole: they are
compared by their digits only, so “138 0013 1027” and “13800131027” are the same number.

A number is a run of digits, possibly written in groups of any size separated by spaces,
hyphens, dashes (— –), dots or slashes, one or several, mixed (6222 0212 3456 7890,
138-0013-1027, 440308.19750302/1234, 138 — 0013 — 1027); IDs and mobiles in groups of any
size, bank cards in fours. Full-width digits count.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from app.services.members.idcard import mask_id
from app.services.members.phone import mask_phone

ID_NUMBER, BANK_CARD, MOBILE = "身份证号", "银行卡号", "手机号"

# Full-width digits, X and hyphen, and the ideographic space, one character each for their
# ASCII forms: offsets in the translated text are offsets in the original.
_WIDE = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)},
                       "Ｘ": "X", "ｘ": "x", "－": "-", "\u3000": " "})
# Digit groups joined by separators; an ID's final X may close the last group.
_SEPARATORS = r"[ \-\u2013\u2014./]+"
_TOKEN = re.compile(rf"(?<!\d)\d+(?:{_SEPARATORS}\d+)*(?:(?:{_SEPARATORS})?[Xx](?![A-Za-z]))?(?!\d)")
_GROUP = re.compile(r"\d+[Xx]?|[Xx]")
_MOBILE = re.compile(r"1[3-9]\d{9}")
MAX_GROUPS = 21  # a card of 19 digits written one by one, after 86 or another number


class Found(NamedTuple):
    kind: str  # ID_NUMBER, BANK_CARD or MOBILE
    text: str  # as written in the text
    start: int
    end: int
    masked: str


def _digits(text: str) -> str:
    return re.sub(r"[^0-9X]", "", text.translate(_WIDE).upper())


def _public_digits(public: set[str] | list[str] | tuple[str, ...]) -> set[str]:
    result = set()
    for number in public or ():
        digits = _digits(number)
        if digits:
            result.add(digits)
            if len(digits) == 13 and digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
                result.add(digits[2:])
    return result


def _looks_like_birth_date(digits: str) -> bool:
    try:
        day = dt.date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return False
    return day.year >= 1900


def _classify(groups: list[str]) -> tuple[str, int] | None:
    """The kind of number these digit groups make, and what of them is a +86 country code
    rather than the number: that many leading groups, or (negative) that many characters;
    None if they make none of the three."""
    joined = "".join(groups).upper()
    sizes = [len(g) for g in groups]
    has_x = joined.endswith("X")
    if "X" in joined[:-1]:
        return None
    if len(groups) == 1:
        if len(joined) == 18 and (has_x or _looks_like_birth_date(joined)):
            return ID_NUMBER, 0
        if has_x:
            return None
        if 16 <= len(joined) <= 19:
            return BANK_CARD, 0
        if _MOBILE.fullmatch(joined):
            return MOBILE, 0
        if len(joined) == 13 and joined.startswith("86") and _MOBILE.fullmatch(joined[2:]):
            return MOBILE, -2  # 86 written straight before the mobile: two characters to skip
        return None
    # Written in groups: the digits decide, whatever the group sizes and separators.
    if sizes == [6, 8, 4] or (len(joined) == 18 and (has_x or _looks_like_birth_date(joined))):
        return ID_NUMBER, 0
    if has_x:
        return None
    if _MOBILE.fullmatch(joined):
        return MOBILE, 0
    if groups[0] == "86" and _classify(groups[1:]) == (MOBILE, 0):
        return MOBILE, 1
    # Cards are written in fours (or digit by digit); other runs of 16-19 digits in groups are
    # more likely dates and amounts side by side.
    card_like = all(n == 4 for n in sizes[:-1]) and 1 <= sizes[-1] <= 4 or all(n == 1 for n in sizes)
    if card_like and 16 <= len(joined) <= 19:
        return BANK_CARD, 0
    return None


def _mask(kind: str, digits: str) -> str:
    if kind == ID_NUMBER:
        return mask_id(digits)
    if kind == MOBILE:
        return mask_phone(digits)
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]


def _groups(text: str) -> list[tuple[list[re.Match], int, int]]:
    """Each number-like run in the text: its groups, start and end."""
    wide = text.translate(_WIDE)
    return [(list(_GROUP.finditer(wide, token.start(), token.end())), token.start(), token.end())
            for token in _TOKEN.finditer(wide)]


def find_numbers(text: str) -> list[Found]:
    """The ID, bank card and mobile numbers in ``text``, in order, public or not."""
    found: list[Found] = []
    for groups, _start, _end in _groups(text or ""):
        index = 0
        while index < len(groups):
            for stop in range(min(len(groups), index + MAX_GROUPS), index, -1):
                kind = _classify([m.group() for m in groups[index:stop]])
                if kind:
                    skip = kind[1]
                    start = groups[index + max(skip, 0)].start() - min(skip, 0)
                    end = groups[stop - 1].end()
                    digits = _digits(text[start:end])
                    found.append(Found(kind[0], text[start:end], start, end, _mask(kind[0], digits)))
                    index = stop
                    break
            else:
                index += 1
    return found


def mask_text(text: str, public: set[str]) -> str:
    """``text`` with every ID, bank card and mobile number masked, except the numbers in
    ``public`` (compared by their digits)."""
    keep = _public_digits(public)
    out, last = [], 0
    for number in find_numbers(text or ""):
        if _digits(number.text) in keep:
            continue
        out.append(text[last:number.start])
        out.append(number.masked)
        last = number.end
    out.append((text or "")[last:])
    return "".join(out)


def mask_item_text(text: str, public: set[str]) -> str:
    """A cell of the 财务公开 item table for the board: the same rule as the body — IDs,
    bank cards and people's mobiles masked, public numbers kept."""
    return mask_text(text, public)


def preview_lines(text: str, public: set[str]) -> list[str]:
    """What the editor shows while the clerk types: each number that will be masked, and each
    public number (landlines included) that will stay whole, once each, in text order."""
    text = text or ""
    keep = _public_digits(public)
    entries: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for number in find_numbers(text):
        taken.append((number.start, number.end))
        if _digits(number.text) in keep:
            entries.append((number.start, f"公开号码，不打码：{number.text}"))
        else:
            entries.append((number.start, f"将打码：{number.masked}（{number.kind}）"))
    # Public numbers that are not one of the three kinds, such as a landline 监督电话.
    for groups, _start, _end in _groups(text):
        for i in range(len(groups)):
            for j in range(i, min(len(groups), i + MAX_GROUPS)):
                start, end = groups[i].start(), groups[j].end()
                if _digits(text[start:end]) in keep \
                        and not any(s < end and start < e for s, e in taken):
                    taken.append((start, end))
                    entries.append((start, f"公开号码，不打码：{text[start:end]}"))
    lines: list[str] = []
    for _position, line in sorted(entries):
        if line not in lines:
            lines.append(line)
    return lines
