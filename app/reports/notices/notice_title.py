"""A notice's title set on one or two lines, broken only between its parts.

A title such as 红旗村2026年第三季度财务收支公开 is made of parts: the village, the period and
the kind. A line may end only where a part ends (红旗村2026年第三季度 / 财务收支公开), never
inside a phrase (红旗村2026年第 / 三季度…). When no such break fits, the type gets smaller.
"""

from __future__ import annotations

from itertools import combinations

from app.reports.common.linebreak import break_lines, text_width

SMALLEST = 0.6  # never below 60 % of the designed size
SHRINK_FIRST = 0.88  # one line down to this size reads better than two lines


def part_breaks(title: str, parts: list[str]) -> list[int]:
    """Where ``title`` may break: after each part found in it (not at its very end)."""
    breaks = set()
    for part in parts:
        if not part:
            continue
        at = title.find(part)
        if at >= 0 and 0 < at + len(part) < len(title):
            breaks.add(at + len(part))
    # Before a closing 的更正 / 的通知 too: 关于《…》 / 的更正.
    for tail in ("的更正", "的公告", "的通知"):
        if title.endswith(tail) and len(title) > len(tail):
            breaks.add(len(title) - len(tail))
    return sorted(breaks)


def _best_split(title: str, breaks: list[int], width: float, font: str, size: float) -> list[str] | None:
    """The fewest lines (then the most even) cut at ``breaks`` that each fit ``width``."""
    for count in range(1, min(len(breaks), 2) + 1):
        best, best_widest = None, 0.0
        for cut in combinations(breaks, count):
            edges = [0, *cut, len(title)]
            lines = [title[a:b] for a, b in zip(edges, edges[1:])]
            widest = max(text_width(line, font, size) for line in lines)
            if widest <= width and (best is None or widest < best_widest):
                best, best_widest = lines, widest
        if best is not None:
            return best
    return None


def fit_title(title: str, parts: list[str], width: float, font: str, size: float) -> tuple[list[str], float]:
    """(lines, size): the title on one line, or broken between parts, at the largest size."""
    breaks = part_breaks(title, parts)
    steps = [size * (1 - 0.04 * n) for n in range(int((1 - SMALLEST) / 0.04) + 1)]
    for step in steps:
        if step < size * SHRINK_FIRST:
            break
        if text_width(title, font, step) <= width:
            return [title], step
    for step in steps:
        lines = _best_split(title, breaks, width, font, step)
        if lines is not None:
            return lines, step
    smallest = steps[-1]
    return break_lines(title, width, font, smallest, balanced=True), smallest
