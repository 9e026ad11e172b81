"""Chinese fonts for reportlab, plus two small fixes to reportlab's CJK handling.

The fonts are Noto Sans/Serif CJK SC converted to TrueType outlines by
tools/convert_fonts.py (reportlab cannot embed CFF outlines). reportlab is
imported lazily so that importing this module stays off the start-up path.

register_fonts() (idempotent, thread-safe) parses each TTF once per process,
registers the font names below and applies two patches to reportlab 5.1.0:

1. ToUnicode CMap: reportlab writes code points above U+FFFF as bare hex
   (U+20BB7 -> <20BB7>); PDF wants UTF-16BE (<D842DFB7>), else copy/search give
   garbage for characters such as 𠮷.
2. Line breaking with wordWrap="CJK": reportlab's "cannot start a line" set is
   Japanese-oriented and lacks ，：；！？》 etc.  The set is a module global that
   both reportlab.lib.textsplit and reportlab.platypus.paragraph hold.
   reportlab also has a "cannot end a line" set (ALL_CANNOT_END) but 5.1.0 never
   consults it when wrapping; we extend it anyway for consistency, so a line may
   still end with （《“ until reportlab enforces it.
"""

from __future__ import annotations

import inspect
import re
import threading

from app.paths import resource_path

FONT_DIR = resource_path("fonts")

SANS_FONT = "CJKSans"
BODY_FONT = "CJKSerif"  # the 宋体-style face for body text
TITLE_FONT = "CJKSerifBlack"  # the heavy serif nearest to the 小标宋 of official titles
HEADING_FONT = "CJKSansBold"  # 黑体 for headings, labels and table heads
SIGNATURE_FONT = "CJKKai"  # 楷体 for names at signatures and for notes

FONT_FILES = {
    SANS_FONT: "NotoSansCJKsc-Regular.ttf",
    BODY_FONT: "NotoSerifCJKsc-Regular.ttf",
    TITLE_FONT: "NotoSerifCJKsc-Black.ttf",
    HEADING_FONT: "NotoSansCJKsc-Bold.ttf",
    SIGNATURE_FONT: "LXGWWenKai-Regular.ttf",
}
# The title, heading and 楷 faces hold GB 2312 and the rare name characters only (size);
# text with a character they lack is set in the face that has everything.
FALLBACK = {TITLE_FONT: BODY_FONT, HEADING_FONT: SANS_FONT, SIGNATURE_FONT: BODY_FONT}

# Chinese punctuation that must not begin a line (full-width closing marks,
# pause/stop marks, closing quotes, ellipsis, dash, interpunct, per-cent signs).
CANNOT_START_EXTRA = "，。、；：？！）》」』】〕〉〗｝］”’…⋯—·‧％‰"
# Opening marks that must not end a line (see note 2 above: not enforced by reportlab).
CANNOT_END_EXTRA = "（《「『【〔〈〖｛［“‘"

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the bundled faces (body, sans, title, heading, 楷) with reportlab, once per process."""
    global _registered
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        _patch_to_unicode_cmap()
        _patch_line_breaking()
        for name, file_name in FONT_FILES.items():
            path = FONT_DIR / file_name
            if not path.is_file():
                raise FileNotFoundError(f"字体文件缺失：{path}（请运行 tools/convert_fonts.py）")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        # <b> in a paragraph is set in the bold sans (黑体), the usual 宋体 body / 黑体
        # emphasis pairing.
        for family in (SANS_FONT, BODY_FONT):
            pdfmetrics.registerFontFamily(
                family, normal=family, bold=HEADING_FONT, italic=family, boldItalic=HEADING_FONT
            )
        _registered = True


def face_for(text: str, font: str) -> str:
    """``font``, or its fallback when ``font`` lacks a character of ``text``."""
    fallback = FALLBACK.get(font)
    if fallback is None:
        return font
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    cmap = pdfmetrics.getFont(font).face.charToGlyph
    return font if all(ord(c) in cmap for c in str(text) if not c.isspace()) else fallback


def paragraph_style(name: str, size: float, font: str = BODY_FONT, leading: float | None = None,
                    **kw):
    """A ParagraphStyle for Chinese text: CJK line breaking, leading 1.5 x size by default."""
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    options = {"wordWrap": "CJK", **kw}
    return ParagraphStyle(name, fontName=font, fontSize=size,
                          leading=leading if leading is not None else size * 1.5, **options)


def _utf16_hex(code_point: int) -> str:
    """U+20BB7 -> 'D842DFB7' (a surrogate pair); BMP code points -> four hex digits."""
    return chr(code_point).encode("utf-16-be").hex().upper()


_BARE_HEX_ABOVE_BMP = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.MULTILINE)


def _patch_to_unicode_cmap() -> None:
    """Patch 1: make reportlab.pdfbase.ttfonts.makeToUnicodeCMap write UTF-16BE."""
    from reportlab.pdfbase import ttfonts

    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_cjk_patched", False):
        return
    # Fail loudly if reportlab changed: same signature, still called from
    # TTFont.addObjects through the module global, and still writing bare hex.
    params = list(inspect.signature(original).parameters)
    sample = original("X", [0x41, 0x20BB7])
    if (params != ["fontname", "subset"]
            or "makeToUnicodeCMap" not in ttfonts.TTFont.addObjects.__code__.co_names
            or "<00> <0041>" not in sample or "<01> <20BB7>" not in sample):
        raise RuntimeError("reportlab 的 makeToUnicodeCMap 已变化，请检查 app/reports/common/fonts.py 的补丁 1")

    def make_to_unicode_cmap(fontname, subset):
        # reportlab's CMap, with destinations above U+FFFF rewritten as surrogate pairs.
        return _BARE_HEX_ABOVE_BMP.sub(
            lambda m: f"{m[1]} <{_utf16_hex(int(m[2], 16))}>", original(fontname, subset)
        )

    make_to_unicode_cmap._cjk_patched = True
    ttfonts.makeToUnicodeCMap = make_to_unicode_cmap
    if "<01> <D842DFB7>" not in ttfonts.makeToUnicodeCMap("X", [0x41, 0x20BB7]):
        raise RuntimeError("ToUnicode 补丁未生效")


def _patch_line_breaking() -> None:
    """Patch 2: extend reportlab's CJK no-line-start (and no-line-end) sets."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    # Fail loudly if the globals moved or the wrappers stopped reading them.
    if (not isinstance(getattr(textsplit, "ALL_CANNOT_START", None), str)
            or not isinstance(getattr(paragraph, "ALL_CANNOT_START", None), str)
            or not isinstance(getattr(textsplit, "ALL_CANNOT_END", None), str)
            or "ALL_CANNOT_START" not in paragraph.cjkFragSplit.__code__.co_names
            or "ALL_CANNOT_START" not in textsplit.dumbSplit.__code__.co_names):
        raise RuntimeError("reportlab 的 CJK 断行规则已变化，请检查 app/reports/common/fonts.py 的补丁 2")

    def extended(current: str, extra: str) -> str:
        return current + "".join(c for c in extra if c not in current)

    textsplit.ALL_CANNOT_START = extended(textsplit.ALL_CANNOT_START, CANNOT_START_EXTRA)
    paragraph.ALL_CANNOT_START = extended(paragraph.ALL_CANNOT_START, CANNOT_START_EXTRA)
    textsplit.ALL_CANNOT_END = extended(textsplit.ALL_CANNOT_END, CANNOT_END_EXTRA)
