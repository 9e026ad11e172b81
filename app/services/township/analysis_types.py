"""The pieces of the township's analysis: a figure's row, a drafted problem, and how rates are written."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FigureRow:
    label: str
    value: str
    detail: str = ""


@dataclass(frozen=True)
class Problem:
    sentence: str  # “3个村支部委员会会议未按要求召开”
    villages: tuple[str, ...]  # the villages behind it, by name


def rate(part: int, whole: int) -> str:
    return "—" if whole == 0 else f"{part / whole:.1%}"


def problem_if(sentence: str, villages: list[str] | tuple[str, ...]) -> list[Problem]:
    """“{n}个村…” for the villages named, or nothing when there are none."""
    return [Problem(sentence.format(n=len(villages)), tuple(villages))] if villages else []
