#!/usr/bin/env python3
"""Convert the Simplified Chinese Noto CJK faces to TrueType-outline .ttf files.

reportlab can only embed fonts with TrueType (glyf) outlines, while Noto CJK is
distributed with CFF outlines inside .ttc collections. This script picks the
"SC" face out of each collection (by its name table, not by index), converts
the cubic CFF outlines to quadratic TrueType outlines with fontTools' cu2qu,
and writes a standalone .ttf next to the licence text.

Usage:
    python tools/convert_fonts.py [--source-dir DIR] [--output-dir DIR] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
DEFAULT_OUTPUT_DIR = REPO_ROOT / "resources" / "fonts"
DEFAULT_LICENSE_SOURCE = Path("/usr/share/doc/fonts-noto-cjk/copyright")

WENKAI = Path("/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf")

# (source collection or TrueType file, family name of the wanted face, output file name,
#  repertoire). The body faces keep every Chinese character; the faces for titles, headings
# and signatures keep GB 2312 plus the rare name characters (the prints fall back to the
# body face for text they cannot set), which keeps the bundle small.
JOBS = [
    ("NotoSansCJK-Regular.ttc", "Noto Sans CJK SC", "NotoSansCJKsc-Regular.ttf", "all"),
    ("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "NotoSerifCJKsc-Regular.ttf", "all"),
    ("NotoSerifCJK-Black.ttc", "Noto Serif CJK SC", "NotoSerifCJKsc-Black.ttf", "common"),
    ("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", "NotoSansCJKsc-Bold.ttf", "common"),
    (str(WENKAI), None, "LXGWWenKai-Regular.ttf", "common"),
]

# Characters of names that GB 2312 lacks but the village's records use (TECH-NOTES).
RARE_NAME_CHARACTERS = "𠮷䶮堃喆昇淼犇赟燚镕玥"

# Maximum distance (in font units, 1000 per em) between the cubic curve and
# its quadratic approximation. 1.0 is invisible at any practical print size.
MAX_ERR = 1.0

# What Chinese records need: Latin, punctuation and symbols, bopomofo, every CJK ideograph
# the font has (URO, Ext A, Ext B and beyond, compatibility ideographs) and full-width forms.
# Hangul, kana and the Japanese/Korean/Traditional variant glyphs reachable only through
# layout features are left out: that halves each file (SC faces: 65,535 glyphs -> ~32,000).
KEEP_RANGES = (
    (0x0020, 0x024F), (0x02B0, 0x02FF), (0x0370, 0x03FF), (0x0400, 0x04FF),
    (0x2000, 0x2BFF), (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3100, 0x312F),
    (0x31A0, 0x31BF), (0x31C0, 0x31EF), (0x3200, 0x33FF), (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF), (0x20000, 0x323AF),
)

# Tables that only make sense with CFF outlines.
CFF_ONLY_TABLES = ("CFF ", "CFF2", "VORG")

# Upstream noto-cjk LICENSE files carry the copyright notice with the
# Reserved Font Name; the fonts' own name table (ID 0) omits the RFN part.
UPSTREAM_NOTICES = [
    "Noto Sans CJK: Copyright 2014-2021 Adobe (http://www.adobe.com/), "
    "with Reserved Font Name 'Source'.",
    "Noto Serif CJK: Copyright 2017-2022 Adobe (http://www.adobe.com/), "
    "with Reserved Font Name 'Source'.",
    "Source is a trademark of Adobe in the United States and/or other countries.",
    "Noto is a trademark of Google Inc.",
]


def common_repertoire() -> set[int]:
    """Latin, punctuation and symbols, the 6,763 hanzi of GB 2312 and the rare name characters."""
    wanted = {u for lo, hi in KEEP_RANGES if hi < 0x3400 or lo >= 0xFF00 and hi < 0x20000
              for u in range(lo, hi + 1)}
    for row in range(0xB0, 0xF8):
        for col in range(0xA1, 0xFF):
            try:
                wanted.add(ord(bytes([row, col]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return wanted | {ord(c) for c in RARE_NAME_CHARACTERS}


def find_face_index(ttc_path: Path, family: str) -> int:
    """Return the index of the face whose family name (name ID 16, else 1) is `family`."""
    collection = TTCollection(str(ttc_path), lazy=True)
    try:
        for index, face in enumerate(collection.fonts):
            name = face["name"]
            found = name.getDebugName(16) or name.getDebugName(1)
            if found == family:
                return index
    finally:
        collection.close()
    raise SystemExit(f"{ttc_path}: no face with family name {family!r}")


def convert_face(ttc_path: Path, family: str | None, out_path: Path,
                 repertoire: str = "all") -> tuple[str, float, int]:
    """Convert one CFF face of a collection to a TrueType-outline font file (a TrueType
    source, ``family`` None, is only subset)."""
    started = time.monotonic()
    if family is None:
        font = TTFont(str(ttc_path), lazy=False)
        keep_chinese_glyphs(font, repertoire)
        _save(font, out_path)
        return out_path.name, time.monotonic() - started, 0
    index = find_face_index(ttc_path, family)
    font = TTFont(str(ttc_path), fontNumber=index, lazy=False)
    if "CFF " not in font:
        raise SystemExit(f"{ttc_path}#{index}: expected CFF outlines")
    keep_chinese_glyphs(font, repertoire)

    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    hmtx = font["hmtx"]

    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for glyph_name in glyph_order:
        tt_pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType contours clockwise.
        glyph_set[glyph_name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        glyph = tt_pen.glyph()
        glyf.glyphs[glyph_name] = glyph
    font["glyf"] = glyf
    font["loca"] = newTable("loca")

    # TrueType expects the left side bearing to equal the glyph's xMin.
    for glyph_name in glyph_order:
        glyph = glyf.glyphs[glyph_name]
        glyph.recalcBounds(glyf)
        advance, _ = hmtx[glyph_name]
        hmtx[glyph_name] = (advance, glyph.xMin if glyph.numberOfContours else 0)

    for tag in CFF_ONLY_TABLES:
        if tag in font:
            del font[tag]

    font.sfntVersion = "\x00\x01\x00\x00"
    head = font["head"]
    head.glyphDataFormat = 0
    head.indexToLocFormat = 1  # recomputed by the loca table on save

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
        "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
        "maxComponentElements", "maxComponentDepth", "maxPoints",
        "maxContours", "maxCompositePoints", "maxCompositeContours",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1  # the remaining maxima are recalculated on save

    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and reportlab reads it
    post.extraNames = []
    post.mapping = {}

    # No hinting instructions: ask rasterisers for smooth, unhinted rendering.
    gasp = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000F}
    font["gasp"] = gasp

    # Mark the file as a Modified Version (OFL) in the version string.
    name = font["name"]
    for record in list(name.names):
        if record.nameID == 5:
            text = record.toUnicode() + "; outlines converted to TrueType"
            name.setName(text, 5, record.platformID, record.platEncID, record.langID)

    _save(font, out_path)
    return out_path.name, time.monotonic() - started, index


def _save(font: TTFont, out_path: Path) -> None:
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp_path = out_path.with_suffix(".tmp")
    font.save(str(tmp_path))
    font.close()
    os.replace(tmp_path, out_path)


def keep_chinese_glyphs(font: TTFont, repertoire: str = "all") -> None:
    """Subset ``font`` in place to KEEP_RANGES (or the common repertoire); layout features
    are dropped (not used)."""
    if repertoire == "common":
        common = common_repertoire()
        wanted = [u for u in font.getBestCmap() if u in common]
    else:
        wanted = [u for u in font.getBestCmap() if any(lo <= u <= hi for lo, hi in KEEP_RANGES)]
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.hinting = False
    options.glyph_names = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)


def extract_ofl_text(copyright_file: Path) -> str:
    """Pull the SIL OFL 1.1 body out of a Debian machine-readable copyright file."""
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    # The stand-alone licence paragraph: "License: SIL-1.1" followed by indented text
    # (the same header also appears, without text, inside the "Files:" paragraphs).
    starts = [i for i, line in enumerate(lines[:-1])
              if line.strip() == "License: SIL-1.1" and lines[i + 1].startswith(" ")]
    if not starts:
        raise SystemExit(f"{copyright_file}: no 'License: SIL-1.1' paragraph")
    body = []
    for line in lines[starts[0] + 1:]:
        if not line.startswith(" "):
            break
        text = line[1:]
        body.append("" if text == "." else text)
    result = "\n".join(body).strip("\n")
    if "SIL OPEN FONT LICENSE Version 1.1" not in result:
        raise SystemExit(f"{copyright_file}: licence text not recognised")
    return result


def write_license(output_dir: Path, source_dir: Path, license_source: Path) -> None:
    notices = []
    for ttc_name, family, _, _ in JOBS:
        if family is None:
            continue  # LXGW WenKai: its own licence file, see write_wenkai_license
        ttc_path = source_dir / ttc_name
        collection = TTCollection(str(ttc_path), lazy=True)
        face_notice = collection.fonts[find_face_index(ttc_path, family)]["name"].getDebugName(0)
        collection.close()
        line = f"{family}: {re.sub('^©', 'Copyright', face_notice or '').strip()}"
        if line not in notices:
            notices.append(line)
    header = "\n".join(
        ["Copyright notices in the fonts' name tables:"] + notices + ["",
         "Copyright notices in the upstream noto-cjk LICENSE files:"] + UPSTREAM_NOTICES
    )
    text = (
        f"{header}\n\nThis Font Software is licensed under the SIL Open Font License, "
        f"Version 1.1.\nThis license is copied below, and is also available with a FAQ at:\n"
        f"https://openfontlicense.org\n\n{extract_ofl_text(license_source)}\n"
    )
    (output_dir / "OFL.txt").write_text(text, encoding="utf-8")


def write_wenkai_license(output_dir: Path, license_source: Path) -> None:
    """LXGW WenKai's copyright lines (from the font's name table) and the OFL 1.1 text."""
    font = TTFont(str(WENKAI), lazy=True)
    notice = font["name"].getDebugName(0) or ""
    font.close()
    text = (f"LXGW WenKai: {notice.strip()}\n\nThis Font Software is licensed under the SIL Open "
            f"Font License, Version 1.1.\nThis license is copied below, and is also available "
            f"with a FAQ at:\nhttps://openfontlicense.org\n\n{extract_ofl_text(license_source)}\n")
    (output_dir / "OFL-LXGWWenKai.txt").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=DEFAULT_SOURCE_DIR,
                        help="directory holding the Noto CJK .ttc files")
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT_DIR,
                        help="where to write the .ttf files and OFL.txt")
    parser.add_argument("--license-source", type=Path, default=DEFAULT_LICENSE_SOURCE,
                        help="Debian copyright file containing the OFL 1.1 text")
    parser.add_argument("--jobs", type=int, default=min(len(JOBS), os.cpu_count() or 1),
                        help="number of parallel conversion processes")
    parser.add_argument("--only", nargs="*", default=None,
                        help="output file names to make (default: all)")
    args = parser.parse_args(argv)

    args.output_dir.mkdir(parents=True, exist_ok=True)
    write_license(args.output_dir, args.source_dir, args.license_source)
    write_wenkai_license(args.output_dir, args.license_source)

    started = time.monotonic()
    tasks = [(args.source_dir / ttc, family, args.output_dir / out, rep) for ttc, family, out, rep in JOBS
             if args.only is None or out in args.only]
    if args.jobs <= 1:
        results = [convert_face(*task) for task in tasks]
    else:
        # Start the biggest source first so the slowest conversion never runs last alone.
        order = sorted(range(len(tasks)), key=lambda i: -tasks[i][0].stat().st_size)
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            futures = {i: pool.submit(convert_face, *tasks[i]) for i in order}
            results = [futures[i].result() for i in range(len(tasks))]
    for file_name, seconds, index in results:
        size = (args.output_dir / file_name).stat().st_size / 1e6
        print(f"{file_name}: face #{index}, {size:.1f} MB, {seconds:.0f} s")
    print(f"total {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
