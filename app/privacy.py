"""Masking of ID and phone numbers in text that leaves the database (logs, crash reports)."""

from __future__ import annotations

import logging

from app.services.notices.notice_masking import mask_text


def mask_numbers(text: str) -> str:
    """ID numbers become 6 + 8 stars + 4, mobiles 3 + 4 stars + 4, bank cards 4 + stars + 4,
    however their digits are grouped or separated (the rule of the public notices)."""
    return mask_text(text, set())


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
