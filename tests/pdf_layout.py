"""Where text sits on a PDF page, read from the content stream (for the print tests)."""

from __future__ import annotations

from typing import NamedTuple


class Run(NamedTuple):
    text: str  # as encoded in the PDF (subset codes), for messages only
    x0: float
    x1: float
    y: float
    font: str
    size: float


def multiply(m, n):
    """The PDF matrix product m × n (each as a, b, c, d, e, f)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def runs_and_rules(page):
    """Text runs as (text, x0, x1, y, font, size) and vertical rules as (x, y_low, y_high), in
    page coordinates; ``font`` is the PDF font's /BaseFont (AAAAAA+NotoSerifCJKsc-Black).

    Reads the content stream directly: run widths come from each font's /Widths, so a run
    that crosses a table rule (text overflowing its cell) is caught.
    """
    fonts_by_name = page["/Resources"]["/Font"]
    identity = (1, 0, 0, 1, 0, 0)
    ctm, stack, tm, line = identity, [], identity, identity
    font = size = None
    leading = 0.0
    runs, rules, start = [], [], None
    for operands, op in page.get_contents().operations:
        values = [float(v) for v in operands] if op in (b"cm", b"Tm", b"Td", b"m", b"l") else None
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = multiply(tuple(values), ctm)
        elif op == b"BT":
            tm = line = identity
        elif op == b"Tm":
            tm = line = tuple(values)
        elif op == b"Td":
            # Td and T* move from the start of the line (Tlm), not from where Tj left off.
            tm = line = multiply((1, 0, 0, 1, *values), line)
        elif op == b"TL":
            leading = float(operands[0])
        elif op == b"T*":
            tm = line = multiply((1, 0, 0, 1, 0, -leading), line)
        elif op == b"Tf":
            font, size = fonts_by_name[operands[0]].get_object(), float(operands[1])
        elif op == b"Tj":
            raw = operands[0]
            codes = getattr(raw, "original_bytes", None) or bytes(raw)
            first, widths = int(font["/FirstChar"]), font["/Widths"]
            advance = sum(float(widths[c - first]) for c in codes) * size / 1000
            x0, y = multiply(tm, ctm)[4:]
            x1 = multiply(multiply((1, 0, 0, 1, advance, 0), tm), ctm)[4]
            runs.append(Run(str(raw), x0, x1, y, str(font["/BaseFont"]), size))
            tm = multiply((1, 0, 0, 1, advance, 0), tm)
        elif op == b"m":
            start = multiply((1, 0, 0, 1, *values), ctm)[4:]
        elif op == b"l":
            end = multiply((1, 0, 0, 1, *values), ctm)[4:]
            if start and abs(start[0] - end[0]) < 0.01:
                rules.append((start[0], min(start[1], end[1]), max(start[1], end[1])))
            start = end
    return runs, rules


def decoded_lines(page, font_part: str = "") -> list[str]:
    """The page's text drawn in fonts whose name contains ``font_part``, one string per
    baseline (top to bottom), decoded through the fonts' ToUnicode maps."""
    pieces: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):  # noqa: ANN001
        if text.strip() and font is not None and font_part in str(font.get("/BaseFont", "")):
            x, y = multiply(tm, cm)[4:]
            pieces.append((round(y, 1), x, text))

    page.extract_text(visitor_text=visit)
    lines: dict[float, list[tuple[float, str]]] = {}
    for y, x, text in pieces:
        lines.setdefault(y, []).append((x, text))
    return ["".join(t for _, t in sorted(parts)).replace("\n", "").strip()
            for _, parts in sorted(lines.items(), reverse=True)]


def rectangles(page) -> list[tuple[float, float, float, float]]:
    """Every rectangle drawn (re), as (x0, y0, x1, y1) in page coordinates."""
    identity = (1, 0, 0, 1, 0, 0)
    ctm, stack, found = identity, [], []
    for operands, op in page.get_contents().operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = multiply(tuple(float(v) for v in operands), ctm)
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            (x0, y0), (x1, y1) = multiply((1, 0, 0, 1, x, y), ctm)[4:], multiply((1, 0, 0, 1, x + w, y + h), ctm)[4:]
            found.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return found
