"""Masking of ID and phone numbers in text that leaves the database (logs, crash reports)."""

from __future__ import annotations

import logging
import re

from app.services.members.idcard import mask_id
from app.services.members.phone import mask_phone

_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def mask_numbers(text: str) -> str:
    """18-character ID numbers become 6 + 8 stars + 4; mobile numbers 3 + 4 stars + 4."""
    text = _ID.sub(lambda m: mask_id(m.group()), text)
    return _MOBILE.sub(lambda m: mask_phone(m.group()), text)


class MaskingFilter(logging.Filter):
    """Applied to the log file handler: no full ID or phone number is ever written to disk."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_numbers(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_numbers(record.exc_text)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        return True
