"""Run every benchmark, each in a fresh process, and print a Markdown table for the README."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("startup", "whole_process", "import_1000", "roster_pdf", "meetings_search_100k", "compliance_100k",
           "notice_pdf", "workbench_10y", "check_10y", "dossier_year",
           "town_30", "county_600")


def main() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    print(f"| 测量项（{platform.system()}，Python {platform.python_version()}） | 结果 |")
    print("|---|---|")
    for script in SCRIPTS:
        # A fresh process each: fonts, caches and memory of one benchmark do not help the next.
        result = subprocess.run([sys.executable, str(HERE / f"{script}.py")], cwd=HERE, env=env,
                                capture_output=True, text=True, check=True)
        for line in result.stdout.splitlines():
            key, _, value = line.partition(": ")
            if value:
                print(f"| {key} | {value} |")


if __name__ == "__main__":
    main()
