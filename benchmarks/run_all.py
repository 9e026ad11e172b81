"""Run every benchmark and print a Markdown table (pasted into the README's 性能 section)."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import compliance_100k  # noqa: E402
import import_1000  # noqa: E402
import meetings_search_100k  # noqa: E402
import notice_pdf  # noqa: E402
import roster_pdf  # noqa: E402
import startup  # noqa: E402


def main() -> None:
    results: dict[str, str] = {}
    for module in (startup, import_1000, roster_pdf, meetings_search_100k, compliance_100k, notice_pdf):
        results.update(module.main())
    print(f"| 测量项（{platform.system()}，Python {platform.python_version()}） | 结果 |")
    print("|---|---|")
    for key, value in results.items():
        print(f"| {key} | {value} |")


if __name__ == "__main__":
    main()
