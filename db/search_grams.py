"""The words index of meetings: every character and every pair of neighbouring characters.

Clerks search Chinese text with one or two characters as often as with longer words, which
SQLite's own full-text tokenizers either cannot split (unicode61) or miss below three
characters (trigram). A plain table of (gram, meeting) rows works on every SQL engine: a query
keeps the meetings holding all the query's pairs (or its one character), then checks the
exact text on those few.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def grams(*texts: str) -> set[str]:
    """Single characters and neighbouring pairs of ``texts`` (lower-cased), none with a space."""
    found: set[str] = set()
    for text in texts:
        text = text.lower()
        for i, ch in enumerate(text):
            if ch.isspace():
                continue
            found.add(ch)
            nxt = text[i + 1 : i + 2]
            if nxt and not nxt.isspace():
                found.add(ch + nxt)
    return found


def query_grams(part: str) -> list[str]:
    """What a search word (no spaces) must all be found as: itself up to two characters, else its
    neighbouring pairs."""
    part = part.lower()
    if len(part) <= 2:
        return [part]
    return sorted({part[i : i + 2] for i in range(len(part) - 1)})


def rows(meeting_id: int, date: dt.date, texts: Iterable[str]) -> list[dict]:
    """The index rows of one meeting held on ``date``."""
    return [{"gram": g, "date": date, "meeting_id": meeting_id} for g in sorted(grams(*texts))]
