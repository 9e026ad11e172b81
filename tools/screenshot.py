"""Render the main window with the sample village to the README's pictures in docs/ (offscreen):
workbench.png (the start page), main-window.png (两委成员), compliance.png, reminders.png."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.clock import FixedClock  # noqa: E402
from app.data_dir import DataDir  # noqa: E402
from app.services.common.context import open_services  # noqa: E402
from app.services.common.demo_village import fill_sample_village  # noqa: E402
from app.services.safety.actor import Actor, Role  # noqa: E402
from app.ui.shell.qt_app import create_application  # noqa: E402


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs")
    app = create_application(sys.argv[:1])
    clock = FixedClock(dt.datetime(2026, 11, 27, 9, 0))
    with tempfile.TemporaryDirectory() as tmp:
        services = open_services(DataDir(Path(tmp)), clock)
        fill_sample_village(services)
        services.act_as(Actor("王文书", Role.ADMIN))
        from app.ui.shell.main_window import MainWindow

        window = MainWindow(services.data_dir, large=False)
        window.attach(services)
        window.resize(1366, 768)
        window.show()
        shots = [(window.workbench_tab, "workbench.png"), (window.members_tab, "main-window.png"),
                 (window.meetings_tab, "compliance.png"), (window.reminders_tab, "reminders.png")]
        for tab, name in shots:
            window.tabs.setCurrentWidget(tab)
            if tab is window.meetings_tab:
                tab.pages.setCurrentIndex(2)
            app.processEvents()
            window.grab().save(str(out / name))
            print(out / name)
        window.close()
        services.close()


if __name__ == "__main__":
    main()
