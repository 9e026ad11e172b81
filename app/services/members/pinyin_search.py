"""Search keys so that `zs` and `zhangsan` both find 张三, whatever reading a surname takes."""

from __future__ import annotations

import functools
import itertools
import os

# Names are matched character by character; pypinyin's phrase dictionary (for whole words)
# adds nothing here and costs ~0.4 s of start-up, so it is not loaded.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")

_MAX_READINGS = 16  # cap on combinations of heteronyms per name
# Pure functions of a short text, asked again for the same names on every refresh of a list.
_CACHED_TEXTS = 16384


@functools.lru_cache(maxsize=_CACHED_TEXTS)
def pinyin_keys(text: str) -> str:
    """Full pinyin and initials for every likely reading of ``text``, space separated."""
    if not text:
        return ""
    # Imported on first use: its dictionary takes ~0.1 s, which commands that sort no names skip.
    from pypinyin import Style, pinyin

    full = pinyin(text, style=Style.NORMAL, heteronym=True, errors="ignore")
    initials = pinyin(text, style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
    keys: set[str] = set()
    for readings in (full, initials):
        for combo in itertools.islice(itertools.product(*readings), _MAX_READINGS):
            keys.add("".join(combo).lower())
    return " ".join(sorted(keys))


def matches(query: str, haystack: str) -> bool:
    """Every space-separated part of the query appears somewhere in the haystack."""
    parts = query.lower().split()
    return all(part in haystack for part in parts)


@functools.lru_cache(maxsize=_CACHED_TEXTS)
def sort_key(text: str) -> str:
    """Names sort by their usual pinyin, as a clerk would expect (陈 before 张)."""
    from pypinyin import lazy_pinyin  # on first use, as in pinyin_keys

    return "".join(lazy_pinyin(text, errors="default")).lower()
