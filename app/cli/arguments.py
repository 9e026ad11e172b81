"""Reading the values typed after a command (years, record numbers), with one wording of each error."""

from __future__ import annotations

import re

from app.services.common.dates import MAX_YEAR, MIN_YEAR
from app.services.common.errors import UserError


def parse_year(text: str | None, alternative: str = "") -> int:
    """A four-digit year; ``alternative`` adds what else may be written (“，或写 term”)."""
    if not text:
        raise UserError(f"请写明年份，例如 2026{alternative}")
    if not re.fullmatch(r"\d{4}", text.strip()) or not MIN_YEAR <= int(text) <= MAX_YEAR:
        raise UserError(f"年份“{text}”看不懂：请写四位数的年份，例如 2026{alternative}")
    return int(text)
