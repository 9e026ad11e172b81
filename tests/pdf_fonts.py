"""Reading back which fonts a PDF uses and whether each one is embedded (for the print tests)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader


def font_dicts(source: Path | PdfReader) -> list:
    """Every font dictionary listed in any page's resources."""
    reader = source if isinstance(source, PdfReader) else PdfReader(source)
    found = []
    for page in reader.pages:
        resources = page["/Resources"].get_object().get("/Font")
        if resources is not None:
            found += [ref.get_object() for ref in resources.get_object().values()]
    return found


def font_file(font) -> object:  # noqa: ANN001 - a pypdf dictionary
    """The embedded TrueType program (/FontFile2), or None; Type0 fonts via their descendant."""
    if font["/Subtype"] == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    return font["/FontDescriptor"].get_object().get("/FontFile2")


def all_embedded(path: Path) -> bool:
    fonts = font_dicts(path)
    return bool(fonts) and all(font_file(f) is not None for f in fonts)
